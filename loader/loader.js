/*! LiveChat widget loader */
// dist/loader.js is this file without `// ` comment lines and indentation (Trunk.toml): keep
// template literals on one line.
//
// Lifecycle, as LiveChat's tracking.js (and widget-core, which drives it): each run of this
// script is one start. It takes the `LiveChatWidget` object over (`_h`), replays its queue
// `_q`, inserts the iframe and calls `LC_API.on_after_load`. `call("destroy")` removes the
// iframe (and with it the RTM socket), this script's tag and every listener, and hands the
// object back to its queue (`_h = null`): `init()` then injects the script again, which starts
// anew with whatever `window.__lc` says by then. A second run while one is live only reports
// `on_after_load`, so there is never more than one iframe.
((w, d) => {
  const S = "string", F = "function", B = "boolean", N = "number", L = location, H = history, P = "LiveChat widget: ";
  const me = d.currentScript, src = me && me.src;
  // Every warning once per page, however often the widget is started again.
  const warned = w.__lcWarned ||= {};
  const warn = m => warned[m] || (warned[m] = 1, console.warn(P + m));
  // Last thing of a run: a callback that throws has nothing left to break.
  const afterLoad = () => w.LC_API?.on_after_load?.();
  if (w.__lcLive) return me?.remove(), afterLoad();
  const copy = v => v && JSON.parse(JSON.stringify(v));
  const isObj = v => v && typeof v == "object" && !Array.isArray(v);
  const raw = w.__lc || {}, cfg = {}, q = new URLSearchParams(), vars = {}, on = { __proto__: null }, offs = [];
  // window.__lc keys and types; wrong types are dropped with a warning.
  const TYPES = { license: N, group: N, region: S, api_host: S, accounts_url: S, client_id: S, language: S, accent_color: S,
    widget_url: S, params: "list", custom_identity_provider: F, asyncInit: B, chat_between_groups: B, integration_name: S,
    product_name: S, organizationId: S, visitor: "object" };
  for (const k in TYPES) {
    const v = raw[k], t = TYPES[k];
    if (v == null || v === "") continue;
    if (t == N ? !/^\d+$/.test(v) : t == "list" ? !Array.isArray(v) : t == "object" ? !isObj(v) : typeof v != t) warn(`window.__lc.${k} must be a ${t}`);
    else {
      cfg[k] = v;
      // chat_between_groups and product_name go too: the widget warns about what it cannot do.
      if (t != F && t != "list" && !/^(wi|in|or|as|vi)/.test(k)) q.set(k, v);
    }
  }
  // organizationId (LiveChat's newer platform) cannot log in to API v3.2, which takes a license.
  if (!cfg.license) return warn("window.__lc.license is required" + (cfg.organizationId ? " (not organizationId: API v3.2)" : ""));
  let url, provider, shown = "minimized", held, narrow, ready, seen, inserted, dead, page = L.href, navTimer, queue = [], title, titled;
  try { url = new URL(cfg.widget_url || "./", src || L.href); } catch (e) { return warn("invalid widget_url"); }
  for (const p of cfg.params || []) {
    if (p && p.name && typeof p.name == S) q.append("param." + p.name, vars[p.name] = p.value == null ? "" : "" + p.value);
    else warn("window.__lc.params: an entry without a name");
  }
  if (cfg.custom_identity_provider) {
    try { provider = cfg.custom_identity_provider(); } catch {}
    if (provider && typeof provider.getToken == F) q.set("identity", "custom");
    else provider = warn("custom_identity_provider() lacks getToken");
  }
  q.set("origin", L.origin);
  q.set("page_url", page);
  if (d.title) q.set("page_title", d.title);
  if (d.referrer) q.set("referrer", d.referrer);
  w.__lcLive = 1;
  const listen = (t, f, o = w) => { o.addEventListener(t, f); offs.push(() => o.removeEventListener(t, f)); };

  // Iframe size per layout; !important so host CSS cannot move or restyle it. LiveChat's ids.
  const SIZES = { minimized: [84, 84], greeting: [380, 300], maximized: [448, 720] };
  const box = d.createElement("div"), frame = d.createElement("iframe"), origin = url.origin;
  box.id = "chat-widget-container";
  frame.id = "chat-widget";
  frame.title = "Chat widget";
  frame.allow = "clipboard-write";
  box.append(frame);
  const place = () => {
    const [x, y] = SIZES[shown] || SIZES.minimized, full = narrow && shown == "maximized";
    frame.style.cssText = `display:${held || shown == "hidden" ? "none" : "block"};position:fixed;inset:auto 0 0 auto;width:${full ? "100%" : x + "px"};height:${full ? "100%" : y + "px"};max-width:100%;max-height:100%;border:0;margin:0;padding:0;background:none;color-scheme:normal;z-index:2147483000;`.replace(/;/g, "!important;");
  };

  // `get` answers from the widget's last lc:state.
  let pub = { state: { availability: "offline", visibility: "minimized" },
    customer_data: { id: null, name: null, email: null, isReturning: false, status: "browsing", sessionVariables: vars },
    chat_data: { chatId: null, threadId: null } };
  for (const n of ("ready availability_changed visibility_changed customer_status_changed new_event form_submitted " +
    "rating_submitted greeting_displayed greeting_hidden rich_message_button_clicked").split(" ")) on[n] = [];
  const readyData = () => ({ state: pub.state, customerData: pub.customer_data });
  const fire = (name, cb, data) => { try { cb(copy(data)); } catch (e) { console.error(P + `a "${name}" callback threw`, e); } };
  const emit = (name, data) => {
    for (const l of [...on[name]]) {
      if (l.once) on[name] = on[name].filter(x => x != l);
      fire(name, l.cb, data);
    }
  };
  const send = m => dead || frame.contentWindow.postMessage(m, origin);
  // Until the widget's first lc:state, messages wait in order.
  const post = m => seen ? send(m) : queue.push(m);
  const changed = (a, b, key, name) => a[key] != b[key] && emit(name, { [key]: b[key] });
  // The widget's storage lives here, first-party (browsers may deny it to the iframe).
  const prefix = `livechat:${cfg.license}:`;
  // The outbox and the uploads (`…:outbox`, `…:uploads`) belong to one tab: sessionStorage, so no other tab sends them.
  const store = k => { try { return /:(outbox|uploads)$/.test(k) ? sessionStorage : localStorage; } catch {} };

  listen("message", e => {
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
      } else if (m.ready === true) ready = 1, emit("ready", readyData());
    } else if (type == "lc:event" && typeof m.name == S && on[m.name] && !/ready|_changed/.test(m.name) && m.data != null) {
      emit(m.name, m.data);
    } else if (type == "lc:token" && provider && typeof m.id == N) {
      const reply = r => send({ type, id: m.id, ...r });
      Promise.resolve().then(() => (m.fresh && provider.getFreshToken || provider.getToken).call(provider))
        .then(t => reply(t && t.accessToken ? { token: copy(t) } : { error: "no token" }), e => reply({ error: "" + e }));
    } else if (type == "lc:invalidate" && provider && provider.invalidate) {
      Promise.resolve().then(() => provider.invalidate()).catch(() => {});
    } else if (type == "lc:title" && typeof m.count == N && typeof m.text == S) {
      // Unread replies in the tab's title; the host's own title comes back exactly, unless it set another meanwhile.
      if (m.count > 0) title ??= d.title, d.title = titled = `(${m.count}) ${m.text}`;
      else if (title != null) d.title == titled && (d.title = title), title = null;
    } else if (type == "lc:store" && typeof m.key == S && !m.key.indexOf(prefix) && typeof m.value == S && m.value.length <= 2e5) {
      try { store(m.key).setItem(m.key, m.value); } catch {}
    }
  });
  // A media query, not innerWidth: reading innerWidth forces the host page's style and layout.
  const small = () => w.matchMedia("(max-width:479.9px)").matches;
  listen("resize", () => narrow != (narrow = small()) && (place(), post({ type: "lc:viewport", narrow })));

  // Single-page apps: each history or hash change, once settled (the title follows the route),
  // becomes one lc:page when the address changed; the widget decides what the server hears.
  const nav = () => {
    clearTimeout(navTimer);
    navTimer = setTimeout(() => dead || page == L.href || post({ type: "lc:page", url: page = L.href, title: d.title }), 150);
  };
  for (const k of ["pushState", "replaceState"]) {
    const real = H[k], ours = function (...a) { const r = real.apply(this, a); nav(); return r; };
    H[k] = ours;
    offs.push(() => H[k] == ours && (H[k] = real));
  }
  listen("popstate", nav);
  listen("hashchange", nav);

  // In at the host's load (the iframe fetches the wasm when idle).
  const insert = () => {
    if (inserted || dead) return;
    inserted = 1;
    if (narrow = small()) q.set("narrow", 1);
    // The host page's language, read as late as this (single-page apps set it while loading).
    if (d.documentElement.lang) q.set("html_lang", d.documentElement.lang);
    place();
    const snap = {};
    for (const s of [store(), store(":outbox")]) try { for (let i = 0, k; i < s.length; i++) if (!(k = s.key(i)).indexOf(prefix)) snap[k] = s.getItem(k); } catch {}
    // The storage snapshot goes in the fragment, which never reaches a server.
    frame.src = url.href.split(/[?#]/)[0] + "?" + q + "#s=" + encodeURIComponent(JSON.stringify(snap));
    d.body.append(box);
  };

  // Methods' data: 0 none (maximize: an optional { messageDraft }), 1 a string, 2 an object of
  // strings/numbers/booleans, 3 not supported.
  const CALLS = { __proto__: null, maximize: 0, minimize: 0, hide: 0, hide_greeting: 0, destroy: 0, set_customer_name: 1,
    set_customer_email: 1, set_session_variables: 2, update_session_variables: 2, trigger_sales_tracker: 3 };
  const known = (how, name, cb) => on[name] && typeof cb == F || warn(`${how}("${name}") needs a known event and a function`);
  // LiveChat calls a `ready` callback added after ready at once.
  const subscribe = (how, name, cb) => known(how, name, cb) && (name == "ready" && ready ? fire(name, cb, readyData())
    : on[name].push({ cb, once: how == "once" }));
  const api = {
    __proto__: null,
    call(method, data) {
      const kind = method in CALLS ? CALLS[method] : 4, what = `call("${method}")`, out = {};
      if (kind > 2) return warn(what + (kind > 3 ? " is unknown" : " is not in API v3.2"));
      if (method == "destroy") {
        dead = 1;
        title != null && d.title == titled && (d.title = title);
        w.__lcLive = 0;
        clearTimeout(navTimer);
        offs.map(f => f());
        box.remove();
        me?.remove();
        lc._h = null;
        return;
      }
      if (kind == 1 && typeof data != S) return warn(what + " expects a string");
      if (kind == 2) {
        if (!isObj(data) || Object.keys(data).some(k => ![S, N, B].includes(typeof data[k]) || void (out[k] = "" + data[k])))
          return warn(what + " expects a flat object");
        data = out;
      }
      // (hide_greeting, the one with "_" at [4], leaves the frame as it is.)
      if (!kind && method[4] != "_") held = !seen && method == "hide";
      post({ type: "lc:command", method, data: kind || method == "maximize" && isObj(data) ? data : null });
      // An explicit maximize does not wait for the host's load.
      if (method == "maximize" && d.body) insert();
      place();
    },
    get: name => pub.hasOwnProperty(name) ? copy(pub[name]) : warn(`get("${name}") is unknown`),
    on: (name, cb) => subscribe("on", name, cb),
    once: (name, cb) => subscribe("once", name, cb),
    off: (name, cb) => known("off", name, cb) && (on[name] = on[name].filter(l => l.cb != cb)),
    // Started already: this run is the init.
    init() {}
  };
  // Every call lands here and never throws into host code.
  const handler = (method, args) => {
    try {
      if (!(method in api)) return warn(`LiveChatWidget.${method} is unknown`);
      const r = api[method](...Array.isArray(args) ? args : []);
      if (method == "get") return r;
    } catch (e) { warn(`LiveChatWidget.${String(method)} failed: ${e}`); }
  };

  // The snippet's stub ({ _q: [[name, args], ...], _h }) is replayed in order, then forwards here.
  // Without one, an object of the same shape stands in; its init() injects this script again.
  const lc = isObj(w.LiveChatWidget) ? w.LiveChatWidget : (w.LiveChatWidget = { _q: [], _h: null, _v: "2.0" });
  for (const m in api) lc[m] ||= (...a) => lc._h ? lc._h(m, a) : m == "init" ? d.head.append(Object.assign(d.createElement("script"), { src })) : void lc._q.push([m, a]);
  lc.scriptTagVersion ||= () => lc._v;
  const early = Array.isArray(lc._q) ? lc._q.splice(0) : [];
  lc._q ||= [];
  lc._h = handler;
  // The legacy visitor key sets the customer as the setters would, before the queued calls.
  if (cfg.visitor) for (const k of ["name", "email"]) typeof cfg.visitor[k] == S && api.call("set_customer_" + k, cfg.visitor[k]);
  for (const e of early) e && handler(e[0], e[1]);
  d.readyState == "complete" ? insert() : listen("load", insert);
  afterLoad();
})(window, document);
