/*! LiveChat widget loader (docs/bridge.md) */
// dist/loader.js is this file without `// ` comment lines and indentation (Trunk.toml): keep
// template literals on one line.
((w, d) => {
  if (w.__lcLoaderStarted) return;
  w.__lcLoaderStarted = 1;
  const S = "string", F = "function", B = "boolean", N = "number", L = location, P = "LiveChat widget: ";
  const warn = m => console.warn(P + m);
  const copy = v => v && JSON.parse(JSON.stringify(v));
  const isObj = v => v && typeof v == "object" && !Array.isArray(v);
  const raw = w.__lc || {}, cfg = {}, q = new URLSearchParams(), vars = {}, on = { __proto__: null };
  // window.__lc keys and types (a: array); wrong types are dropped with a warning.
  const TYPES = { license: N, group: N, region: S, api_host: S, accounts_url: S, client_id: S, language: S, accent_color: S,
    widget_url: S, params: "a", custom_identity_provider: F, asyncInit: B };
  for (const k in TYPES) {
    const v = raw[k], t = TYPES[k];
    if (v == null || v === "") continue;
    if (t == N ? !/^\d+$/.test(v) : t == "a" ? !Array.isArray(v) : typeof v != t) warn(`window.__lc.${k} must be a ${t == "a" ? "list" : t}`);
    else {
      cfg[k] = v;
      if (t == N || t == S && k != "widget_url") q.set(k, v);
    }
  }
  if (!cfg.license) return warn("window.__lc.license is required");
  let url, provider, shown = "minimized", held, narrow, ready, seen, inserted, dead, told, queue = [];
  try { url = new URL(cfg.widget_url || "./", (d.currentScript || L).src || L.href); } catch (e) { return warn("invalid widget_url"); }
  for (const p of cfg.params || []) {
    if (p && p.name && typeof p.name == S) q.append("param." + p.name, vars[p.name] = p.value == null ? "" : "" + p.value);
    else warn("window.__lc.params entries must be { name, value }");
  }
  if (cfg.custom_identity_provider) {
    try { provider = cfg.custom_identity_provider(); } catch {}
    if (provider && typeof provider.getToken == F) q.set("identity", "custom");
    else provider = warn("custom_identity_provider must return { getToken, getFreshToken, hasToken, invalidate }");
  }
  q.set("origin", L.origin);
  q.set("page_url", L.href);
  if (d.title) q.set("page_title", d.title);
  if (d.referrer) q.set("referrer", d.referrer);

  // Iframe size per layout; !important so host CSS cannot move or restyle it.
  const SIZES = { minimized: [84, 84], greeting: [380, 300], maximized: [448, 720] };
  const frame = d.createElement("iframe"), origin = url.origin;
  frame.title = "Chat widget";
  frame.allow = "clipboard-write";
  const place = () => {
    const [x, y] = SIZES[shown] || SIZES.minimized, full = narrow && shown == "maximized";
    frame.style.cssText = `display:${held || shown == "hidden" ? "none" : "block"};position:fixed;inset:auto 0 0 auto;width:${full ? "100%" : x + "px"};height:${full ? "100%" : y + "px"};max-width:100%;max-height:100%;border:0;margin:0;padding:0;background:none;color-scheme:normal;z-index:2147483000;`.replace(/;/g, "!important;");
  };

  // `get` answers from the widget's last lc:state.
  let pub = { state: { availability: "offline", visibility: "minimized" },
    customer_data: { id: null, name: null, email: null, isReturning: false, status: "browsing", sessionVariables: vars },
    chat_data: { chatId: null, threadId: null } };
  let allowed = !cfg.asyncInit, loaded = d.readyState == "complete";
  for (const n of ("ready availability_changed visibility_changed customer_status_changed new_event form_submitted " +
    "greeting_displayed greeting_hidden rich_message_button_clicked").split(" ")) on[n] = [];
  const emit = (name, data) => {
    for (const l of [...on[name]]) {
      if (l.once) on[name] = on[name].filter(x => x != l);
      try { l.cb(copy(data)); } catch (e) { console.error(P + `a "${name}" callback threw`, e); }
    }
  };
  const send = m => dead || frame.contentWindow.postMessage(m, origin);
  // Until the widget's first lc:state, messages wait in order.
  const post = m => seen ? send(m) : queue.push(m);
  const changed = (a, b, key, name) => a[key] != b[key] && emit(name, { [key]: b[key] });
  // The widget's storage lives here, first-party (browsers may deny it to the iframe).
  const prefix = `livechat:${cfg.license}:`;
  // The outbox (`…:outbox`) belongs to one tab: sessionStorage, so no other tab sends it.
  const store = k => { try { return /:outbox$/.test(k) ? sessionStorage : localStorage; } catch {} };

  const onMessage = e => {
    const m = e.data, type = isObj(m) && m.type;
    if (e.origin != origin || e.source != frame.contentWindow) return;
    if (type == "lc:layout" && typeof m.layout == S) {
      // A hide called before the widget ran keeps the frame hidden until the widget hides too.
      shown = m.layout;
      held &&= shown != "hidden";
      place();
    } else if (type == "lc:state" && isObj(m.state) && isObj(m.customer_data) && isObj(m.chat_data)) {
      const prev = pub;
      pub = { state: m.state, customer_data: m.customer_data, chat_data: m.chat_data };
      if (!seen) seen = 1, queue.map(send);
      if (ready) {
        changed(prev.state, m.state, "availability", "availability_changed");
        changed(prev.state, m.state, "visibility", "visibility_changed");
        changed(prev.customer_data, m.customer_data, "status", "customer_status_changed");
      } else if (m.ready === true) ready = 1, emit("ready", { state: m.state, customerData: m.customer_data });
    } else if (type == "lc:event" && typeof m.name == S && on[m.name] && !/ready|_changed/.test(m.name) && isObj(m.data)) {
      emit(m.name, m.data);
    } else if (type == "lc:token" && provider && typeof m.id == N) {
      const reply = r => send({ type, id: m.id, ...r });
      Promise.resolve().then(() => (m.fresh && provider.getFreshToken || provider.getToken).call(provider))
        .then(t => reply(t && t.accessToken ? { token: { access_token: t.accessToken, token_type: t.tokenType, expires_in: t.expiresIn,
          entity_id: t.entityId } } : { error: "no token" }), e => reply({ error: "" + e }));
    } else if (type == "lc:invalidate" && provider && provider.invalidate) {
      Promise.resolve().then(() => provider.invalidate()).catch(() => {});
    } else if (type == "lc:store" && typeof m.key == S && !m.key.indexOf(prefix) && typeof m.value == S && m.value.length <= 2e5) {
      try { store(m.key).setItem(m.key, m.value); } catch {}
    }
  };
  // A media query, not innerWidth: reading innerWidth forces the host page's style and layout.
  const small = () => w.matchMedia("(max-width:479.9px)").matches;
  const onResize = () => narrow != (narrow = small()) && (place(), post({ type: "lc:viewport", narrow }));

  // In at the host's load (the iframe fetches the wasm when idle); asyncInit waits for init().
  const insert = () => {
    if (inserted || dead || !allowed) return;
    inserted = 1;
    if (narrow = small()) q.set("narrow", 1);
    // The host page's language, read as late as this (single-page apps set it while loading).
    if (d.documentElement.lang) q.set("html_lang", d.documentElement.lang);
    place();
    const snap = {};
    for (const s of [store(), store(":outbox")]) try { for (let i = 0, k; i < s.length; i++) if (!(k = s.key(i)).indexOf(prefix)) snap[k] = s.getItem(k); } catch {}
    // The storage snapshot goes in the fragment, which never reaches a server.
    frame.src = url.href.split(/[?#]/)[0] + "?" + q + "#s=" + encodeURIComponent(JSON.stringify(snap));
    addEventListener("message", onMessage);
    addEventListener("resize", onResize);
    d.body.append(frame);
  };
  if (!loaded) addEventListener("load", () => { loaded = 1; insert(); });

  // Methods' data: 0 none, 1 a string, 2 an object of strings/numbers/booleans.
  const CALLS = { __proto__: null, maximize: 0, minimize: 0, hide: 0, destroy: 0, set_customer_name: 1, set_customer_email: 1,
    set_session_variables: 2, update_session_variables: 2, trigger_sales_tracker: 3 };
  const listen = (how, name, cb) => !on[name] ? warn(`${how}("${name}") is not a known event`)
    : typeof cb != F ? warn(`${how}("${name}") expects a function`) : 1;
  const api = {
    __proto__: null,
    call(method, data) {
      const kind = method in CALLS ? CALLS[method] : 4, what = `call("${method}")`, out = {};
      if (kind > 2) return warn(what + (kind > 3 ? " is not a known method" : " is not supported"));
      if (method == "destroy") {
        dead = 1;
        removeEventListener("message", onMessage);
        removeEventListener("resize", onResize);
        return frame.remove();
      }
      if (kind == 1 && typeof data != S) return warn(what + " expects a string");
      if (kind == 2) {
        if (!isObj(data) || Object.keys(data).some(k => ![S, N, B].includes(typeof data[k]) || void (out[k] = "" + data[k])))
          return warn(what + " expects an object of strings, numbers or booleans");
        data = out;
      }
      if (!kind) held = !seen && method == "hide";
      post({ type: "lc:command", method, data: kind ? data : null });
      // An explicit maximize does not wait for the host's load.
      if (method == "maximize" && d.body) insert();
      place();
    },
    get: name => /^(state|customer_data|chat_data)$/.test(name) ? copy(pub[name]) : warn(`get("${name}") is not a known name`),
    on: (name, cb) => listen("on", name, cb) && on[name].push({ cb }),
    once: (name, cb) => listen("once", name, cb) && on[name].push({ cb, once: 1 }),
    off: (name, cb) => listen("off", name, cb) && (on[name] = on[name].filter(l => l.cb != cb)),
    init() { allowed = 1; loaded && insert(); }
  };
  // Every call lands here: it never throws into host code; after destroy it is a no-op (one warning).
  const handler = (method, args) => {
    try {
      if (dead) return void (told || warn("the widget was destroyed"), told = 1);
      if (!(method in api)) return warn(`LiveChatWidget.${method} is not a method`);
      const r = api[method](...Array.isArray(args) ? args : []);
      if (method == "get") return r;
    } catch (e) { warn(`LiveChatWidget.${String(method)} failed: ${e}`); }
  };

  // A stub from the snippet ({ _q: [[name, args], ...], _h }) is replayed in order, then forwards here.
  const lc = isObj(w.LiveChatWidget) ? w.LiveChatWidget : (w.LiveChatWidget = {});
  const early = Array.isArray(lc._q) ? lc._q.splice(0) : [];
  lc._h = handler;
  for (const m in api) lc[m] = (...a) => handler(m, a);
  for (const e of early) e && handler(e[0], e[1]);
  if (loaded) insert();
})(window, document);
