// Agent console for the LiveChat sandbox: polls /admin/state and calls the admin API.
// All network data is inserted as text (textContent), never as HTML.
"use strict";
const $ = (id) => document.getElementById(id);
let state = null;
let selCustomer = null;
let selChat = null;

function h(tag, props, ...kids) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
  for (const kid of kids.flat()) {
    if (kid != null) el.append(kid instanceof Node ? kid : String(kid));
  }
  return el;
}

async function post(path, body) {
  const res = await fetch("/admin/" + path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body || {}),
  });
  const json = await res.json().catch(() => ({ ok: false, error: res.statusText }));
  $("status").textContent = json.ok ? path + ": ok" : path + ": " + json.error;
  $("status").className = json.ok ? "ok" : "bad";
  refresh();
  return json;
}

function describe(ev) {
  switch (ev.type) {
    case "message": return ev.text + (ev.postback ? "  [postback " + ev.postback.id + "]" : "");
    case "system_message": return "[system] " + (ev.text || ev.system_message_type);
    case "file": {
      // The customer's files: a link (and a thumbnail for images), only for web URLs.
      if (!/^https?:\/\//i.test(ev.url || "")) return "[file] " + ev.name + " " + ev.url;
      const img = /^image\//.test(ev.content_type || "") ? h("img", { src: ev.thumbnail_url || ev.url, alt: ev.alternative_text || ev.name || "", class: "thumb" }) : null;
      return h("span", {}, "[file] ", h("a", { href: ev.url, target: "_blank", rel: "noopener noreferrer" }, ev.name || ev.url),
        ev.size ? " (" + ev.size + " B)" : "", img);
    }
    case "rich_message": {
      const els = (ev.elements || []).map((e) => {
        const b = (e.buttons || []).map((x) => x.text + (x.type ? " (" + x.type + ")" : "") + ((x.user_ids || []).length ? " *" : ""));
        return (e.title || (e.image ? "[image]" : "")) + (b.length ? " → " + b.join(" | ") : "");
      });
      return "[" + ev.template_id + "] " + els.join(" / ");
    }
    case "filled_form": return "[form " + ev.form_id + "] " + (ev.fields || []).map((f) => f.label + " " + JSON.stringify(f.answer ?? f.answers ?? "")).join("; ");
    default: return "[" + ev.type + "] " + JSON.stringify(ev);
  }
}

function render() {
  if (!state) return;
  $("agent-enabled").checked = state.agent_enabled;
  if (!selCustomer && state.customers.length) selCustomer = state.customers[0].id;
  const cust = $("customers");
  cust.replaceChildren(...state.customers.map((c) =>
    h("li", { class: c.id === selCustomer ? "sel" : "", onclick: () => { selCustomer = c.id; selChat = null; render(); } },
      h("span", { class: "dot" + (c.present ? " on" : "") }), c.name || c.email || c.id.slice(0, 13),
      h("div", { class: "small muted" }, "visits " + c.visits + " · storage " + c.customer_side_storage.check + (c.page && c.page.url ? " · " + c.page.url : "")))));
  $("connections").replaceChildren(...state.connections.map((c) =>
    h("li", {}, "#" + c.id + " " + c.region + " " + c.status + " " + (c.customer_id ? c.customer_id.slice(0, 8) : "-"))));

  const target = $("fault-target");
  const prev = target.value;
  target.replaceChildren(h("option", { value: "*" }, "all customers"), ...state.customers.map((c) => h("option", { value: c.id }, c.name || c.id.slice(0, 13))));
  target.value = [...target.options].some((o) => o.value === prev) ? prev : "*";
  if (!$("disconnect-reason").options.length) {
    $("disconnect-reason").replaceChildren(...state.disconnect_reasons.map((r) => h("option", {}, r)));
    $("error-type").replaceChildren(...ERRORS.map((r) => h("option", {}, r)));
  }

  const c = state.customers.find((x) => x.id === selCustomer);
  if (!c) {
    $("customer-info").replaceChildren(h("p", { class: "muted" }, "Select a customer."));
    $("chats").replaceChildren(); $("events").replaceChildren(); $("chat-head").textContent = ""; $("sneak").textContent = "";
  } else {
    const css = c.customer_side_storage;
    $("customer-info").replaceChildren(
      h("h2", {}, (c.name || "(no name)") + " ", h("small", {}, c.id)),
      h("div", {}, "email: " + (c.email || "-") + " · present: " + c.present + " · connections: " + c.connections + " · group " + c.group_id),
      h("div", {}, "page: " + (c.page ? (c.page.title || "") + " " + (c.page.url || "") : "-")),
      h("div", {}, "session fields: " + JSON.stringify(c.session_fields || [])),
      h("div", {}, "customer_side_storage check: ", h("b", { class: css.check === "ok" || css.check === "first_visit" ? "ok" : "bad" }, css.check)),
      h("div", { class: "small" }, "last login sent back: " + JSON.stringify(css.received_at_last_login) + " · we pushed: " + JSON.stringify(css.sent)),
      h("div", { class: "small" }, "greeting: " + (c.greeting ? JSON.stringify(c.greeting) : "-")));
    const chats = state.chats.filter((x) => x.customer_id === c.id);
    if (!selChat && chats.length) selChat = chats[0].id;
    $("chats").replaceChildren(...chats.map((ch) =>
      h("li", { class: ch.id === selChat ? "sel" : "", onclick: () => { selChat = ch.id; render(); } },
        ch.id + (ch.active ? " · active" : " · closed") + (ch.queue ? " · queue " + ch.queue.position : "") + (ch.agent_present ? " · agent in" : ""))));
    const ch = chats.find((x) => x.id === selChat);
    if (ch) {
      $("chat-head").textContent = "chat " + ch.id + " · properties " + JSON.stringify(ch.properties);
      const rated = (t) => {
        const r = (t.properties || {}).rating;
        return r && r.score !== undefined ? " · rated " + (r.score === 1 ? "good" : "bad") + (r.comment ? ": " + r.comment : "") : "";
      };
      const evs = ch.threads.flatMap((t) => [h("li", { class: "system small" }, "— thread " + t.id + (t.active ? " (open)" : " (closed)") + rated(t) + " —"),
        ...t.events.map((ev) => h("li", { class: ev.type === "system_message" ? "system" : (ev.author_id === c.id ? "" : "agent") },
          (ev.author_id === c.id ? "customer: " : ev.author_id ? "agent: " : ""), describe(ev)))]);
      const box = $("events");
      const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
      box.replaceChildren(...evs);
      if (atEnd) box.scrollTop = box.scrollHeight;
      $("sneak").textContent = ch.sneak_peek ? "sneak peek: " + ch.sneak_peek.text : "";
    } else {
      $("chat-head").textContent = "no chat yet"; $("events").replaceChildren(); $("sneak").textContent = "";
    }
  }
  $("faults").textContent = JSON.stringify(state.faults, null, 1) +
    (state.warnings?.length ? "\n\nwarnings (accepted, not in the v3.2 reference):\n" + state.warnings.map((w) => w.action + ": " + w.message).join("\n") : "");
  const lic = state.licenses.find((l) => l.id === state.demo_license) || state.licenses[0];
  $("groups").replaceChildren(...(lic ? lic.groups : []).map((g) =>
    h("li", {}, g.id + " " + g.name + " · " + g.status + " ",
      h("button", { onclick: () => post("groups", { license_id: lic.id, group_id: g.id, status: g.status === "offline" ? "online" : "offline" }) },
        g.status === "offline" ? "Go online" : "Go offline"),
      " ticket form " + (g.ticket ? "on" : "off"))));
  $("tickets").replaceChildren(...state.tickets.slice().reverse().map((t) =>
    h("li", {}, t.id + " · " + ((t.requester || {}).mail || "-") + " · " + (t.subject || "") + " · " + (t.ticket_message || ""))));
  $("log").replaceChildren(...state.log.slice().reverse().slice(0, 30).map((l) =>
    h("li", {}, l.at.slice(11, 19) + " " + l.kind + " " + l.customer_id.slice(0, 8) + " " + (l.detail ? JSON.stringify(l.detail) : ""))));
}

const ERRORS = ["authentication", "authorization", "chat_inactive", "customer_banned", "greeting_not_found", "group_not_found",
  "group_offline", "group_unavailable", "groups_offline", "internal", "license_expired", "limit_reached", "not_allowed", "not_found",
  "pending_requests_limit_reached", "request_timeout", "service_unavailable", "too_many_requests", "unsupported_version",
  "users_limit_reached", "validation", "wrong_product_version", "misdirected_request"];

async function refresh() {
  try {
    const res = await fetch("/admin/state", { cache: "no-store" });
    state = await res.json();
    render();
  } catch (e) {
    $("status").textContent = "sandbox unreachable";
    $("status").className = "bad";
  }
}

$("reply").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("reply-text").value.trim();
  if (!text || !selChat) return;
  $("reply-text").value = "";
  post("chats/message", { chat_id: selChat, text });
});
$("agent-enabled").addEventListener("change", (e) => post("agent", { enabled: e.target.checked }));

document.querySelectorAll("[data-act]").forEach((b) => b.addEventListener("click", () => {
  const act = b.dataset.act;
  if (act === "greeting") return selCustomer && post("greeting", { customer_id: selCustomer, kind: b.dataset.kind });
  if (act === "multicast") return selCustomer && post("multicast", { customer_id: selCustomer, content: { text: $("reply-text").value || "hello" } });
  if (!selChat) { $("status").textContent = "select a chat first"; return; }
  const body = { chat_id: selChat };
  if (act === "rich") return post("chats/rich", { ...body, template: b.dataset.template });
  if (act === "typing") return post("chats/typing", { ...body, is_typing: b.dataset.on === "1" });
  if (act === "join") return post("chats/queue", { ...body, position: 0 });
  if (act === "transfer") return post("chats/transfer", { ...body, group_id: Number($("transfer-group").value) });
  if (act === "update_event") {
    const ch = state.chats.find((x) => x.id === selChat);
    const last = ch?.threads.flatMap((t) => t.events).filter((e) => e.type === "message" && e.author_id !== ch.customer_id).at(-1);
    const text = $("reply-text").value.trim();
    if (!last || !text) { $("status").textContent = "needs an agent message and a text in the reply box"; return; }
    $("reply-text").value = "";
    return post("chats/update_event", { ...body, event_id: last.id, text });
  }
  return post("chats/" + act, body);
}));

document.querySelectorAll("[data-fault]").forEach((b) => b.addEventListener("click", () => {
  const f = b.dataset.fault;
  const body = { customer_id: $("fault-target").value };
  if (f === "disconnect") {
    body.reason = $("disconnect-reason").value;
    const d = $("disconnect-data").value.trim();
    if (d) { try { body.data = JSON.parse(d); } catch (e) { $("status").textContent = "data is not JSON"; return; } }
  }
  if (f === "drop_socket") body.mode = b.dataset.mode;
  if (f === "ignore_pings") body.enabled = b.dataset.enabled === "1";
  if (f === "delay_responses") { body.ms = Number($("delay-ms").value); body.count = Number($("delay-count").value) || null; }
  if (f === "drop_responses") body.count = 1;
  if (f === "reorder_responses") body.count = 1;
  if (f === "error") { body.type = $("error-type").value; const a = $("error-action").value.trim(); if (a) body.action = a; }
  if (f === "reject_logins") { body.reason = $("reject-reason").value; body.seconds = Number($("reject-seconds").value); }
  if (f === "clear" && body.customer_id === "*") delete body.customer_id;
  post("faults/" + f, body);
}));

refresh();
setInterval(refresh, 1000);
