// The LiveChat snippet for pages whose CSP forbids inline scripts: the settings, and the
// LiveChatWidget stub that queues calls until loader.js arrives (it replays them in order).
window.__lc = {
  license: {{LICENSE}},
  group: 0,
  region: "dal",
  widget_url: "http://widget.localhost:{{PORT}}/",
  api_host: "localhost:{{PORT}}",
  accounts_url: "http://accounts.localhost:{{PORT}}",
  params: [{ name: "page", value: location.pathname }]
};
window.LiveChatWidget = window.LiveChatWidget || (function () {
  var api = { _q: [], _h: null, _v: "2.0" };
  ["on", "once", "off", "get", "call", "init"].forEach(function (name) {
    api[name] = function () {
      var args = [].slice.call(arguments);
      return api._h ? api._h(name, args) : void api._q.push([name, args]);
    };
  });
  return api;
})();

// The JS API works before the loader is there: these calls wait in the stub's queue.
LiveChatWidget.once("ready", function (data) {
  console.info("LiveChat widget ready: agents " + data.state.availability + ", customer " + data.customerData.status);
});
LiveChatWidget.call("update_session_variables", { viewport_width: window.innerWidth });
