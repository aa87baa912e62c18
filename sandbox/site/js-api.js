// The JS API demo page (js-api.html): buttons call LiveChatWidget, every event is logged.
// lc-config.js has defined the LiveChatWidget stub, so this runs before loader.js arrives.
(function () {
  var log = document.getElementById("api-log");
  function line(label, value) {
    var item = document.createElement("li");
    // "12:34:56.789  name  {json}": the time first, without spaces.
    var time = new Date().toTimeString().slice(0, 8) + "." + String(Date.now() % 1000).padStart(3, "0");
    item.textContent = time + "  " + label + (value === undefined ? "" : "  " + JSON.stringify(value));
    log.prepend(item);
  }
  [
    "ready", "availability_changed", "visibility_changed", "customer_status_changed", "new_event",
    "form_submitted", "greeting_displayed", "greeting_hidden", "rich_message_button_clicked"
  ].forEach(function (name) {
    LiveChatWidget.on(name, function (data) { line(name, data); });
  });
  document.querySelectorAll("[data-call]").forEach(function (button) {
    button.addEventListener("click", function () {
      var method = button.dataset.call, arg = button.dataset.arg;
      var data = arg && arg.charAt(0) === "{" ? JSON.parse(arg) : arg;
      LiveChatWidget.call(method, data);
      line('call("' + method + '")', data);
    });
  });
  document.querySelectorAll("[data-get]").forEach(function (button) {
    button.addEventListener("click", function () {
      var name = button.dataset.get;
      line('get("' + name + '")', LiveChatWidget.get(name));
    });
  });
})();
