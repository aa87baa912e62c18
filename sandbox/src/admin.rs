//! The admin API under `/admin/...`: state for the console, agent actions and fault
//! injection, one HTTP call per action. Bodies are JSON; answers are
//! `{"ok": true, ...}` or `{"ok": false, "error": "..."}` with status 400/404.

use crate::agent;
use crate::content;
use crate::error::{ErrorKind, RtmError};
use crate::faults::{ErrorFault, RejectLogins, ALL};
use crate::frames::DISCONNECT_REASONS;
use crate::model::{customer_user_json, Chat, Customer, Group, License, Thread};
use crate::state::{DropMode, Out, Shared};
use crate::util;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};
use std::time::{Duration, Instant};

type R = Result<Value, (StatusCode, String)>;

fn bad(msg: impl Into<String>) -> (StatusCode, String) {
    (StatusCode::BAD_REQUEST, msg.into())
}

fn answer(r: R) -> Response {
    match r {
        Ok(mut v) => {
            if let Some(m) = v.as_object_mut() {
                m.insert("ok".into(), Value::Bool(true));
            }
            (StatusCode::OK, Json(v)).into_response()
        }
        Err((code, msg)) => (code, Json(json!({ "ok": false, "error": msg }))).into_response(),
    }
}

fn body(b: &Bytes) -> Result<Map<String, Value>, (StatusCode, String)> {
    if b.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    match serde_json::from_slice(b) {
        Ok(Value::Object(m)) => Ok(m),
        _ => Err(bad("the body must be a JSON object")),
    }
}

fn s<'a>(m: &'a Map<String, Value>, k: &str) -> Result<&'a str, (StatusCode, String)> {
    m.get(k).and_then(Value::as_str).ok_or_else(|| bad(format!("`{k}` (string) is required")))
}

fn n(m: &Map<String, Value>, k: &str) -> Result<Option<u64>, (StatusCode, String)> {
    match m.get(k) {
        None | Some(Value::Null) => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| bad(format!("`{k}` must be a non-negative integer"))),
    }
}

/// `customer_id` of the body, or `None` for everyone (missing or `"*"`).
fn target(m: &Map<String, Value>) -> Option<String> {
    m.get("customer_id").and_then(Value::as_str).filter(|c| *c != ALL && !c.is_empty()).map(str::to_string)
}

/// An agent action's error: 404 for what does not exist, 400 for the rest.
fn agent_err(e: RtmError) -> (StatusCode, String) {
    let code = if e.kind == ErrorKind::NotFound { StatusCode::NOT_FOUND } else { StatusCode::BAD_REQUEST };
    (code, e.message)
}

macro_rules! action {
    ($f:ident) => {
        post(|State(app): State<Shared>, b: Bytes| async move { answer(body(&b).and_then(|m| $f(&app, &m))) })
    };
}

/// The admin routes.
pub fn router() -> Router<Shared> {
    Router::new()
        .route("/admin/state", get(|State(app): State<Shared>| async move { answer(Ok(state(&app))) }))
        .route("/admin/licenses", action!(license))
        .route("/admin/groups", action!(group))
        .route("/admin/agent", action!(agent_switch))
        .route("/admin/tickets", action!(ticket_fault))
        .route("/admin/chats/message", action!(chat_message))
        .route("/admin/chats/rich", action!(chat_rich))
        .route("/admin/chats/file", action!(chat_file))
        .route("/admin/chats/event", action!(chat_event))
        .route("/admin/chats/ask_for_email", action!(chat_ask_for_email))
        .route("/admin/chats/typing", action!(chat_typing))
        .route("/admin/chats/queue", action!(chat_queue))
        .route("/admin/chats/transfer", action!(chat_transfer))
        .route("/admin/chats/close", action!(chat_close))
        .route("/admin/chats/seed", action!(chat_seed))
        .route("/admin/chats/update_event", action!(chat_update_event))
        .route("/admin/chats/leave", action!(chat_leave))
        .route("/admin/multicast", action!(multicast))
        .route("/admin/greeting", action!(greeting))
        .route("/admin/push", action!(raw_push))
        .route("/admin/faults/disconnect", action!(f_disconnect))
        .route("/admin/faults/drop_socket", action!(f_drop_socket))
        .route("/admin/faults/ignore_pings", action!(f_ignore_pings))
        .route("/admin/faults/delay_responses", action!(f_delay))
        .route("/admin/faults/drop_responses", action!(f_drop_responses))
        .route("/admin/faults/reorder_responses", action!(f_reorder))
        .route("/admin/faults/error", action!(f_error))
        .route("/admin/faults/reject_logins", action!(f_reject_logins))
        .route("/admin/faults/clear", action!(f_clear))
        .route("/admin", get(|| async { answer(Ok(json!({ "see": "sandbox/README.md", "state": "/admin/state" }))) }))
}

/// Everything the console shows.
pub fn state(app: &Shared) -> Value {
    let st = app.lock();
    let mut customers: Vec<&Customer> = st.customers.values().collect();
    customers.sort_by(|a, b| b.last_login_at.cmp(&a.last_login_at));
    let customers: Vec<Value> = customers
        .iter()
        .map(|c| {
            let present = st.is_present(&c.id);
            let mut v = customer_user_json(c, present);
            v["license_id"] = json!(c.license_id);
            v["connections"] =
                json!(st.conns.values().filter(|x| x.customer_id.as_deref() == Some(c.id.as_str())).count());
            v["page"] = c.page.clone().unwrap_or(Value::Null);
            v["group_id"] = json!(c.group_id);
            v["visits"] = json!(c.visits);
            v["last_login_at"] = json!(c.last_login_at);
            v["application"] = c.application.clone().unwrap_or(Value::Null);
            v["customer_side_storage"] =
                json!({ "sent": c.css_sent, "received_at_last_login": c.css_received, "check": c.css_check });
            v["greeting"] = c
                .greeting
                .as_ref()
                .map(|g| json!({ "id": g.id, "unique_id": g.unique_id, "accepted": g.accepted }))
                .unwrap_or(Value::Null);
            v["chat_ids"] = json!(c.chat_ids);
            v
        })
        .collect();
    let mut chats: Vec<&Chat> = st.chats.values().collect();
    chats.sort_by_key(|c| std::cmp::Reverse(c.seq));
    let chats: Vec<Value> = chats
        .iter()
        .map(|c| {
            let threads: Vec<Value> = (0..c.threads.len()).map(|i| c.thread_json(i)).collect();
            json!({
                "id": c.id,
                "customer_id": c.customer_id,
                "active": c.is_active(),
                "agent_present": c.agent_present,
                "queue": c.threads.last().and_then(|t| t.queue.as_ref()).map(|q| q.to_json()),
                "sneak_peek": c.sneak_peek,
                "properties": c.properties,
                "access": c.access,
                "threads": threads,
            })
        })
        .collect();
    let conns: Vec<Value> = st
        .conns
        .iter()
        .map(|(id, c)| json!({ "id": id, "license_id": c.license_id, "region": c.region, "customer_id": c.customer_id, "status": c.status, "connected_at": c.connected_at }))
        .collect();
    let licenses: Vec<Value> = st
        .licenses
        .values()
        .map(|l| json!({
            "id": l.id,
            "region": l.region,
            "groups": l.groups.values().map(|g| json!({ "id": g.id, "name": g.name, "status": g.status, "prechat": g.prechat, "postchat": g.postchat, "ticket": g.ticket })).collect::<Vec<_>>(),
        }))
        .collect();
    let log_start = st.log.len().saturating_sub(60);
    json!({
        "port": app.port,
        "demo_license": app.cfg.license,
        "agent_enabled": st.agent_enabled,
        "licenses": licenses,
        "connections": conns,
        "customers": customers,
        "chats": chats,
        "faults": st.faults.to_json(),
        "uploads": crate::files::to_json(&st.files, app.port),
        "log": &st.log[log_start..],
        "warnings": st.warnings,
        "tickets": &st.tickets,
        "ticket_fault": st.ticket_fault,
        "disconnect_reasons": DISCONNECT_REASONS,
    })
}

fn license(app: &Shared, m: &Map<String, Value>) -> R {
    let id = n(m, "license_id")?.ok_or_else(|| bad("`license_id` is required"))?;
    let region = s(m, "region")?;
    if region != "dal" && region != "fra" {
        return Err(bad("`region` must be dal or fra"));
    }
    let mut st = app.lock();
    st.licenses.entry(id).or_insert_with(|| License::new(id, region)).region = region.to_string();
    Ok(json!({ "license_id": id, "region": region }))
}

fn group(app: &Shared, m: &Map<String, Value>) -> R {
    let lid = n(m, "license_id")?.unwrap_or(app.cfg.license);
    let gid = n(m, "group_id")?.ok_or_else(|| bad("`group_id` is required"))?;
    let mut st = app.lock();
    let l = st.licenses.get_mut(&lid).ok_or_else(|| (StatusCode::NOT_FOUND, format!("no license {lid}")))?;
    let g = l.groups.entry(gid).or_insert_with(|| Group {
        id: gid,
        name: format!("Group {gid}"),
        status: "online".into(),
        prechat: true,
        postchat: true,
        ticket: true,
    });
    if let Some(v) = m.get("status").and_then(Value::as_str) {
        if !["online", "offline", "online_for_queue"].contains(&v) {
            return Err(bad("`status` must be online, offline or online_for_queue"));
        }
        g.status = v.into();
    }
    if let Some(v) = m.get("name").and_then(Value::as_str) {
        g.name = v.into();
    }
    if let Some(v) = m.get("prechat").and_then(Value::as_bool) {
        g.prechat = v;
    }
    if let Some(v) = m.get("postchat").and_then(Value::as_bool) {
        g.postchat = v;
    }
    if let Some(v) = m.get("ticket").and_then(Value::as_bool) {
        g.ticket = v;
    }
    Ok(
        json!({ "group": { "id": g.id, "name": g.name, "status": g.status, "prechat": g.prechat, "postchat": g.postchat, "ticket": g.ticket } }),
    )
}

/// `{"fault": "fail" | "hang" | null}`: how the ticket endpoint misbehaves.
fn ticket_fault(app: &Shared, m: &Map<String, Value>) -> R {
    let fault = match m.get("fault") {
        None | Some(Value::Null) => None,
        Some(Value::String(f)) if f == "fail" || f == "hang" => Some(f.clone()),
        _ => return Err(bad("`fault` must be fail, hang or null")),
    };
    app.lock().ticket_fault = fault.clone();
    Ok(json!({ "fault": fault }))
}

fn agent_switch(app: &Shared, m: &Map<String, Value>) -> R {
    let on = m.get("enabled").and_then(Value::as_bool).ok_or_else(|| bad("`enabled` (bool) is required"))?;
    app.lock().agent_enabled = on;
    Ok(json!({ "agent_enabled": on }))
}

fn chat_message(app: &Shared, m: &Map<String, Value>) -> R {
    let ev = agent::post_event(app, s(m, "chat_id")?, content::message(s(m, "text")?)).map_err(agent_err)?;
    Ok(json!({ "event": ev }))
}

fn chat_rich(app: &Shared, m: &Map<String, Value>) -> R {
    let chat_id = s(m, "chat_id")?;
    let ev = match m.get("template").and_then(Value::as_str).unwrap_or("cards") {
        "cards" => content::card(app.port),
        "quick_replies" => content::quick_replies(
            "How would you like to continue?",
            &[("Show me products", "qr_products"), ("Send a photo", "qr_photo"), ("Talk to a human", "qr_human")],
        ),
        "sticker" => content::sticker(app.port),
        _ => return Err(bad("`template` must be cards, quick_replies or sticker")),
    };
    let ev = agent::post_event(app, chat_id, ev).map_err(agent_err)?;
    Ok(json!({ "event": ev }))
}

fn chat_file(app: &Shared, m: &Map<String, Value>) -> R {
    let ev = agent::post_event(app, s(m, "chat_id")?, content::file_event(app.port)).map_err(agent_err)?;
    Ok(json!({ "event": ev }))
}

fn chat_ask_for_email(app: &Shared, m: &Map<String, Value>) -> R {
    let ev = agent::post_event(app, s(m, "chat_id")?, content::ask_for_email_form()).map_err(agent_err)?;
    Ok(json!({ "event": ev }))
}

fn chat_event(app: &Shared, m: &Map<String, Value>) -> R {
    let mut ev =
        m.get("event").and_then(Value::as_object).cloned().ok_or_else(|| bad("`event` (object) is required"))?;
    for k in ["id", "created_at", "author_id"] {
        ev.remove(k);
    }
    if !ev.get("type").is_some_and(Value::is_string) {
        return Err(bad("`event.type` is required"));
    }
    let ev = agent::post_event(app, s(m, "chat_id")?, ev).map_err(agent_err)?;
    Ok(json!({ "event": ev }))
}

fn chat_typing(app: &Shared, m: &Map<String, Value>) -> R {
    let on = m.get("is_typing").and_then(Value::as_bool).unwrap_or(true);
    agent::typing(app, s(m, "chat_id")?, on).map_err(agent_err)?;
    Ok(json!({ "is_typing": on }))
}

fn chat_queue(app: &Shared, m: &Map<String, Value>) -> R {
    let chat_id = s(m, "chat_id")?;
    let pos = match n(m, "position")? {
        Some(p) => p,
        None => {
            let st = app.lock();
            let cur =
                st.chats.get(chat_id).and_then(|c| c.threads.last()).and_then(|t| t.queue.as_ref()).map(|q| q.position);
            cur.ok_or_else(|| bad("the chat is not queued"))?.saturating_sub(1)
        }
    };
    agent::set_queue(app, chat_id, pos).map_err(agent_err)?;
    Ok(json!({ "position": pos }))
}

fn chat_transfer(app: &Shared, m: &Map<String, Value>) -> R {
    let gid = n(m, "group_id")?.unwrap_or(1);
    agent::transfer(app, s(m, "chat_id")?, gid).map_err(agent_err)?;
    Ok(json!({ "group_id": gid }))
}

fn chat_update_event(app: &Shared, m: &Map<String, Value>) -> R {
    let ev = agent::update_event(app, s(m, "chat_id")?, s(m, "event_id")?, s(m, "text")?).map_err(agent_err)?;
    Ok(json!({ "event": ev }))
}

fn chat_leave(app: &Shared, m: &Map<String, Value>) -> R {
    agent::leave(app, s(m, "chat_id")?).map_err(agent_err)?;
    Ok(json!({}))
}

fn multicast(app: &Shared, m: &Map<String, Value>) -> R {
    let content = m.get("content").cloned().ok_or_else(|| bad("`content` is required"))?;
    let author = m.get("author_id").and_then(Value::as_str);
    Ok(json!({ "connections": agent::multicast(app, target(m).as_deref(), content, author) }))
}

fn chat_close(app: &Shared, m: &Map<String, Value>) -> R {
    agent::close(app, s(m, "chat_id")?).map_err(agent_err)?;
    Ok(json!({}))
}

/// Most events `/admin/chats/seed` creates in one call.
const SEED_MAX_EVENTS: u64 = 100_000;

/// A long history for the performance bench: a new chat of `customer_id` with
/// `events` messages (agent and customer taking turns, a second apart, the last
/// one now) over `threads` threads, the last one active with the agent present.
/// Nothing is pushed: the customer's next login (`chats`) and `get_chat` find it.
fn chat_seed(app: &Shared, m: &Map<String, Value>) -> R {
    let cid = s(m, "customer_id")?;
    let events = n(m, "events")?.unwrap_or(5_000);
    let threads = n(m, "threads")?.unwrap_or(1).max(1);
    if events > SEED_MAX_EVENTS {
        return Err(bad(format!("`events` may be at most {SEED_MAX_EVENTS}")));
    }
    if threads > events.max(1) {
        return Err(bad("`threads` may not exceed `events`"));
    }
    let mut st = app.lock();
    let group =
        st.customers.get(cid).map(|c| c.group_id).ok_or((StatusCode::NOT_FOUND, format!("no customer {cid}")))?;
    if st.chats.values().any(|c| c.customer_id == cid && c.is_active()) {
        return Err(bad("the customer already has an active chat"));
    }
    let now = util::now_micros();
    let first = now - (events as i64) * 1_000_000;
    let per_thread = events.div_ceil(threads);
    let mut made = Vec::new();
    let mut i = 0u64;
    for t in 0..threads {
        let mut thread = Thread::new(util::short_id(), cid);
        thread.created_at = util::rfc3339_micros(first + (i as i64) * 1_000_000 - 500_000);
        thread.active = t + 1 == threads;
        thread.user_ids.push(content::AGENT_ID.to_string());
        let end = ((t + 1) * per_thread).min(events);
        while i < end {
            let agent = !i.is_multiple_of(3);
            thread.events.push(json!({
                "id": format!("{}_{}", thread.id, thread.next_event),
                "created_at": util::rfc3339_micros(first + (i as i64 + 1) * 1_000_000),
                "type": "message",
                "text": if agent { format!("Agent message {} of the seeded history.", i + 1) }
                        else { format!("Customer message {} of the seeded history.", i + 1) },
                "author_id": if agent { content::AGENT_ID } else { cid },
                "recipients": "all",
            }));
            thread.next_event += 1;
            i += 1;
        }
        made.push(thread);
    }
    let seq = st.next_seq();
    let chat = Chat {
        id: util::short_id(),
        customer_id: cid.to_string(),
        properties: Map::new(),
        access: json!({ "group_ids": [group] }),
        threads: made,
        agent_in_chat: true,
        agent_present: true,
        sneak_peek: None,
        replies: 0,
        seq,
    };
    let chat_id = chat.id.clone();
    let thread_id = chat.threads.last().map(|t| t.id.clone());
    st.chats.insert(chat_id.clone(), chat);
    if let Some(c) = st.customers.get_mut(cid) {
        c.chat_ids.push(chat_id.clone());
    }
    st.note("seed", cid, json!({ "chat_id": chat_id, "events": events, "threads": threads }));
    Ok(json!({ "chat_id": chat_id, "thread_id": thread_id, "events": events, "threads": threads }))
}

fn greeting(app: &Shared, m: &Map<String, Value>) -> R {
    let rich = match m.get("kind").and_then(Value::as_str) {
        None => None,
        Some("message") => Some(false),
        Some("rich") | Some("rich_message") => Some(true),
        Some(_) => return Err(bad("`kind` must be message or rich")),
    };
    let g = agent::greet(app, s(m, "customer_id")?, rich).map_err(agent_err)?;
    Ok(json!({ "greeting": g }))
}

fn raw_push(app: &Shared, m: &Map<String, Value>) -> R {
    let cid = s(m, "customer_id")?;
    let action = s(m, "action")?;
    let payload = m.get("payload").cloned().unwrap_or_else(|| json!({}));
    let sent = app.lock().push_to_customer(cid, action, payload, None);
    Ok(json!({ "connections": sent }))
}

fn f_disconnect(app: &Shared, m: &Map<String, Value>) -> R {
    let reason = s(m, "reason")?.to_string();
    if !DISCONNECT_REASONS.contains(&reason.as_str()) {
        return Err(bad(format!("`reason` must be one of {}", DISCONNECT_REASONS.join(", "))));
    }
    let data = match m.get("data") {
        Some(d) if !d.is_null() => Some(d.clone()),
        _ => match reason.as_str() {
            "misdirected_connection" => Some(json!({ "region": "fra" })),
            "customer_temporarily_blocked" => Some(json!({ "timeout": 30 })),
            _ => None,
        },
    };
    let t = target(m);
    let sent = app.lock().signal(t.as_deref(), || Out::Disconnect { reason: reason.clone(), data: data.clone() });
    Ok(json!({ "connections": sent }))
}

fn f_drop_socket(app: &Shared, m: &Map<String, Value>) -> R {
    let mode = match m.get("mode").and_then(Value::as_str).unwrap_or("half_open") {
        "half_open" => DropMode::HalfOpen,
        "abort" => DropMode::Abort,
        _ => return Err(bad("`mode` must be half_open or abort")),
    };
    let t = target(m);
    let sent = app.lock().signal(t.as_deref(), || Out::Drop(mode));
    Ok(json!({ "connections": sent }))
}

fn fault_key(m: &Map<String, Value>) -> String {
    target(m).unwrap_or_else(|| ALL.to_string())
}

fn f_ignore_pings(app: &Shared, m: &Map<String, Value>) -> R {
    let on = m.get("enabled").and_then(Value::as_bool).unwrap_or(true);
    app.lock().faults.set_mut(&fault_key(m)).ignore_pings = on;
    Ok(json!({ "ignore_pings": on }))
}

fn f_delay(app: &Shared, m: &Map<String, Value>) -> R {
    let ms = n(m, "ms")?.ok_or_else(|| bad("`ms` is required"))?;
    let count = n(m, "count")?.map(|c| c as u32);
    app.lock().faults.set_mut(&fault_key(m)).delay = if ms == 0 || count == Some(0) { None } else { Some((ms, count)) };
    Ok(json!({ "ms": ms, "count": count }))
}

fn f_drop_responses(app: &Shared, m: &Map<String, Value>) -> R {
    let count = n(m, "count")?.unwrap_or(1) as u32;
    app.lock().faults.set_mut(&fault_key(m)).drop_responses = count;
    Ok(json!({ "count": count }))
}

fn f_reorder(app: &Shared, m: &Map<String, Value>) -> R {
    let count = n(m, "count")?.unwrap_or(1) as u32;
    app.lock().faults.set_mut(&fault_key(m)).reorder_responses = count;
    Ok(json!({ "count": count }))
}

fn f_error(app: &Shared, m: &Map<String, Value>) -> R {
    let kind = s(m, "type")?;
    let kind = ErrorKind::from_name(kind).ok_or_else(|| bad(format!("unknown error type `{kind}`")))?;
    let message = m.get("message").and_then(Value::as_str).unwrap_or(kind.default_message()).to_string();
    let count = n(m, "count")?.unwrap_or(1).max(1) as u32;
    let action = m.get("action").and_then(Value::as_str).map(str::to_string);
    let mut error = RtmError::new(kind, message);
    // The spec's sample gives misdirected_request a `data.region`: the other data centre.
    match m.get("data") {
        Some(d) if !d.is_null() => error = error.with_data(d.clone()),
        _ if kind == ErrorKind::MisdirectedRequest => error = error.with_data(json!({ "region": "fra" })),
        _ => {}
    }
    let until = m
        .get("seconds")
        .and_then(Value::as_f64)
        .map(|s| Instant::now() + Duration::from_secs_f64(s.clamp(0.0, 3_600.0)));
    app.lock().faults.set_mut(&fault_key(m)).errors.push_back(ErrorFault { error, action, remaining: count, until });
    Ok(json!({ "type": kind.name(), "count": count, "seconds": m.get("seconds") }))
}

fn f_reject_logins(app: &Shared, m: &Map<String, Value>) -> R {
    let reason = m.get("reason").and_then(Value::as_str).unwrap_or("users_limit_reached").to_string();
    if ErrorKind::from_name(&reason).is_none() && !DISCONNECT_REASONS.contains(&reason.as_str()) {
        return Err(bad("`reason` must be an error type (users_limit_reached, ...) or a disconnect reason (too_many_connections, ...)"));
    }
    let secs = m.get("seconds").and_then(Value::as_f64);
    let count = n(m, "count")?.map(|c| c as u32);
    let until = match (secs, count) {
        (None, None) => Some(Instant::now() + Duration::from_secs(30)),
        (Some(s), _) => Some(Instant::now() + Duration::from_secs_f64(s.clamp(0.0, 86_400.0))),
        _ => None,
    };
    app.lock().faults.set_mut(&fault_key(m)).reject_logins =
        Some(RejectLogins { reason: reason.clone(), until, remaining: count });
    Ok(json!({ "reason": reason, "seconds": secs, "count": count }))
}

fn f_clear(app: &Shared, m: &Map<String, Value>) -> R {
    let t = m.get("customer_id").and_then(Value::as_str);
    app.lock().faults.clear(t);
    Ok(json!({}))
}
