/*! LiveChat widget loader: inserts the chat widget as an isolated, cross-origin
 * iframe and sizes it to what the widget shows. No dependencies.
 * Configure with window.__lc = { license: 12345678, group: 0, region: "fra", ... }. */
(function (w, d) {
  "use strict";
  if (w.__lcLoaderStarted) return;
  w.__lcLoaderStarted = true;

  var cfg = w.__lc || {};
  var warn = function (msg) { if (w.console) w.console.warn("LiveChat widget: " + msg); };
  if (!cfg.license) { warn("`license` is required in window.__lc"); return; }

  var script = d.currentScript;
  var widgetUrl;
  try {
    widgetUrl = new URL(cfg.widget_url || "./", script ? script.src : w.location.href);
  } catch (e) { warn("invalid `widget_url`"); return; }
  var widgetOrigin = widgetUrl.origin;

  var q = new URLSearchParams();
  var keys = ["license", "group", "region", "api_host", "accounts_url", "client_id", "language", "accent_color"];
  for (var i = 0; i < keys.length; i++) {
    if (cfg[keys[i]] != null && cfg[keys[i]] !== "") q.set(keys[i], String(cfg[keys[i]]));
  }
  var params = Array.isArray(cfg.params) ? cfg.params : [];
  for (var j = 0; j < params.length; j++) {
    if (params[j] && params[j].name) q.append("param." + params[j].name, String(params[j].value == null ? "" : params[j].value));
  }
  // A host-supplied identity provider (LiveChat's `custom_identity_provider`):
  // the widget asks for tokens over postMessage and the host's functions answer.
  var provider = null;
  if (typeof cfg.custom_identity_provider === "function") {
    try { provider = cfg.custom_identity_provider(); } catch (e) { warn("custom_identity_provider threw: " + e); }
    if (!provider || typeof provider.getToken !== "function") { warn("custom_identity_provider must return { getToken, getFreshToken, hasToken, invalidate }"); provider = null; }
  }
  if (provider) q.set("identity", "custom");
  q.set("origin", w.location.origin);
  q.set("page_url", w.location.href);
  if (d.title) q.set("page_title", d.title);
  if (d.referrer) q.set("referrer", d.referrer);

  // Sizes per layout the widget asks for; "maximized" fills screens under 480 px and
  // elsewhere is the 380 px window plus room for its shadow (the widget treats a
  // viewport narrower than 420 px as a phone).
  var SIZES = { minimized: [84, 84], greeting: [380, 300], maximized: [448, 720] };
  var frame = d.createElement("iframe");
  frame.title = "Chat widget";
  frame.setAttribute("allow", "clipboard-write");
  frame.style.cssText = "position:fixed;right:0;bottom:0;border:0;margin:0;padding:0;background:transparent;" +
    "color-scheme:normal;z-index:2147483000;max-width:100%;max-height:100%;";

  function layout(name) {
    var size = SIZES[name] || SIZES.minimized;
    var small = w.innerWidth < 480 && name === "maximized";
    frame.style.width = small ? "100%" : size[0] + "px";
    frame.style.height = small ? "100%" : size[1] + "px";
  }
  layout("minimized");

  // The widget's storage lives here, first-party: browsers may deny storage to the
  // third-party iframe. Only keys in the widget's namespace, only strings.
  var prefix = "livechat:" + cfg.license + ":";
  var MAX_VALUE = 200000;
  function hostStorage() { try { return w.localStorage; } catch (e) { return null; } }
  function snapshot() {
    var ls = hostStorage(), snap = {};
    if (!ls) return snap;
    try {
      for (var k = 0; k < ls.length; k++) {
        var key = ls.key(k);
        if (key && key.indexOf(prefix) === 0) snap[key] = ls.getItem(key);
      }
    } catch (e) { /* storage went away: start empty */ }
    return snap;
  }

  w.addEventListener("message", function (e) {
    if (e.origin !== widgetOrigin || e.source !== frame.contentWindow) return;
    var data = e.data;
    if (!data || typeof data !== "object") return;
    if (data.type === "lc:layout" && typeof data.layout === "string") {
      layout(data.layout);
    } else if (data.type === "lc:token" && provider && typeof data.id === "number") {
      var ask = data.fresh && typeof provider.getFreshToken === "function" ? provider.getFreshToken : provider.getToken;
      var reply = function (msg) { msg.type = "lc:token"; msg.id = data.id; frame.contentWindow.postMessage(msg, widgetOrigin); };
      Promise.resolve().then(function () { return ask.call(provider); }).then(function (t) {
        if (!t || typeof t !== "object") throw new Error("no token");
        reply({ token: {
          access_token: String(t.accessToken || t.access_token || ""),
          token_type: String(t.tokenType || t.token_type || "Bearer"),
          expires_in: Number(t.expiresIn || t.expires_in || 0),
          entity_id: t.entityId || t.entity_id ? String(t.entityId || t.entity_id) : undefined
        } });
      }, function (err) { reply({ error: String((err && err.message) || err || "getToken failed") }); });
    } else if (data.type === "lc:invalidate" && provider && typeof provider.invalidate === "function") {
      Promise.resolve().then(function () { return provider.invalidate(); }).catch(function () { /* nothing to undo */ });
    } else if (data.type === "lc:store" && typeof data.key === "string" && data.key.indexOf(prefix) === 0 &&
               typeof data.value === "string" && data.value.length <= MAX_VALUE) {
      var ls = hostStorage();
      try { if (ls) ls.setItem(data.key, data.value); } catch (err) { /* quota: the widget keeps it in memory */ }
    }
  });

  // The wasm is fetched only after the host page has loaded, when the browser is idle.
  function insert() {
    // The fragment never reaches a server.
    frame.src = widgetUrl.href.split("?")[0].split("#")[0] + "?" + q.toString() +
      "#s=" + encodeURIComponent(JSON.stringify(snapshot()));
    d.body.appendChild(frame);
  }
  function whenIdle() { (w.requestIdleCallback || function (f) { setTimeout(f, 1); })(insert, { timeout: 2000 }); }
  if (d.readyState === "complete") whenIdle(); else w.addEventListener("load", whenIdle);
})(window, document);
