//! The spec's "Events" methods (send_event, send_rich_message_postback,
//! send_sneak_peek) and the validation of events sent by the customer (also the initial
//! events of start_chat and activate_chat), following the request tables of the spec.

use crate::bus::SandboxEvent;
use crate::error::{ErrorKind, RtmError};
use crate::params::{self, Params};
use crate::session::Session;
use crate::state::Shared;
use crate::util;
use serde_json::{json, Map, Value};

/// Largest message text in bytes (16 KB).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

/// Validates an event from a request and returns it without server-side fields.
pub fn validate_event(v: &Value) -> Result<Map<String, Value>, RtmError> {
    let m = v.as_object().ok_or_else(|| RtmError::validation("`event` must be an object"))?;
    let p = Params(m);
    let ty = p.req_str("type")?;
    p.opt_str("custom_id")?;
    if let Some(props) = p.opt_obj("properties")? {
        params::check_properties_set(props)?;
    }
    for k in ["recipients", "visibility"] {
        match p.opt_str(k)? {
            None | Some("all") | Some("agents") => {}
            Some(_) => return Err(RtmError::validation(format!("`{k}` must be `all` or `agents`"))),
        }
    }
    let mut out = m.clone();
    for k in ["id", "created_at", "author_id"] {
        out.remove(k);
    }
    match ty {
        "message" => {
            let text = p.req_str("text")?;
            if text.len() > MAX_TEXT_BYTES {
                return Err(RtmError::validation("`text` is longer than 16 KB; split it into several messages"));
            }
            if let Some(pb) = p.opt_obj("postback")? {
                let pp = Params(pb);
                for k in ["id", "thread_id", "event_id"] {
                    pp.req_str(k).map_err(|e| {
                        RtmError::validation(format!(
                            "postback.{}",
                            e.message.trim_start_matches('`').replacen('`', "` ", 1)
                        ))
                    })?;
                }
                let (t, v) = (pp.opt_str("type")?, pp.opt_str("value")?);
                if t.is_some() != v.is_some() {
                    return Err(RtmError::validation("`postback.type` and `postback.value` go together"));
                }
            }
        }
        "file" => {
            let url = p.req_str("url")?;
            let name = url.rsplit('/').next().unwrap_or("file").to_string();
            let ct = match name.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
                Some("png") => "image/png",
                Some("jpg") | Some("jpeg") => "image/jpeg",
                Some("gif") => "image/gif",
                Some("pdf") => "application/pdf",
                _ => "application/octet-stream",
            };
            out.entry("name").or_insert_with(|| Value::from(name));
            out.insert("content_type".into(), Value::from(ct));
        }
        "filled_form" => {
            p.req_str("form_id")?;
            for f in p.req_arr("fields")? {
                let fm = f.as_object().ok_or_else(|| RtmError::validation("`fields` must hold objects"))?;
                let fp = Params(fm);
                fp.req_str("type")?;
                fp.req_str("id")?;
                fp.req_str("label")?;
            }
        }
        "rich_message" => {
            match p.req_str("template_id")? {
                "cards" | "sticker" | "quick_replies" => {}
                _ => return Err(RtmError::validation("`template_id` must be cards, sticker or quick_replies")),
            }
            if let Some(els) = p.opt_arr("elements")? {
                if els.len() > 10 {
                    return Err(RtmError::validation("`elements` may hold at most 10 elements"));
                }
                for e in els {
                    let em = e.as_object().ok_or_else(|| RtmError::validation("`elements` must hold objects"))?;
                    if Params(em).opt_arr("buttons")?.is_some_and(|b| b.len() > 13) {
                        return Err(RtmError::validation("`elements.buttons` may hold at most 13 buttons"));
                    }
                }
            }
        }
        "custom" => {
            p.opt_obj("content")?;
        }
        "system_message" => {
            p.req_str("system_message_type")?;
            p.opt_str("text")?;
            p.opt_obj("text_vars")?;
        }
        other => return Err(RtmError::validation(format!("unsupported event type `{other}`"))),
    }
    Ok(out)
}

/// `send_event`: adds a customer event to the chat's open (or, with `attach_to_last_thread`,
/// last) thread; pushes `incoming_event`, emits `CustomerEvent` for an active thread.
pub fn send_event(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let raw = p.get("event").ok_or_else(|| RtmError::validation("`event` is required"))?;
    let mut ev = validate_event(raw)?;
    let attach = p.opt_bool("attach_to_last_thread")?.unwrap_or(false);
    let mut st = app.lock();
    crate::files::describe(&st.files, app.port, [&mut ev]);
    let chat = st.own_chat(cid, chat_id)?;
    let active = chat.is_active();
    let attachable = attach && !chat.threads.is_empty();
    if !active && !attachable {
        return Err(RtmError::from(ErrorKind::ChatInactive));
    }
    let Some(t) = chat.threads.last_mut() else {
        return Err(RtmError::from(ErrorKind::ChatInactive));
    };
    let stored = t.add_event(ev, Some(cid));
    let tid = t.id.clone();
    let event_id = stored.get("id").cloned().unwrap_or(Value::Null);
    if let Some(c) = st.customers.get_mut(cid) {
        c.events_seen_up_to = stored.get("created_at").and_then(Value::as_str).map(str::to_string);
    }
    st.push_to_customer(
        cid,
        "incoming_event",
        json!({ "chat_id": chat_id, "thread_id": tid, "event": stored }),
        s.origin(),
    );
    drop(st);
    if active {
        app.emit(SandboxEvent::CustomerEvent { chat_id: chat_id.to_string(), thread_id: tid, event: stored });
    }
    Ok(json!({ "event_id": event_id }))
}

/// `send_rich_message_postback`: toggles the customer on a button; pushes
/// `incoming_rich_message_postback` and emits `Postback` for an active thread.
pub fn send_postback(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let thread_id = p.req_str("thread_id")?;
    let event_id = p.req_str("event_id")?;
    let pb = p.req_obj("postback")?;
    let pp = Params(pb);
    let pid = pp.req_str("id").map_err(|_| RtmError::validation("`postback.id` is required and must be a string"))?;
    let toggled = pp
        .opt_bool("toggled")
        .ok()
        .flatten()
        .ok_or_else(|| RtmError::validation("`postback.toggled` is required and must be a boolean"))?;
    let mut st = app.lock();
    let chat = st.own_chat(cid, chat_id)?;
    let ti = chat.thread_index(thread_id).ok_or_else(|| RtmError::not_found("Thread not found"))?;
    let thread = &mut chat.threads[ti];
    let active = thread.active;
    let ev = thread
        .events
        .iter_mut()
        .find(|e| e.get("id").and_then(Value::as_str) == Some(event_id))
        .ok_or_else(|| RtmError::not_found("Event not found"))?;
    if ev.get("type").and_then(Value::as_str) != Some("rich_message") {
        return Err(RtmError::validation("the event is not a rich message"));
    }
    let mut button_text = None;
    if let Some(els) = ev.get_mut("elements").and_then(Value::as_array_mut) {
        for b in els.iter_mut().filter_map(|e| e.get_mut("buttons")).filter_map(Value::as_array_mut).flatten() {
            if b.get("postback_id").and_then(Value::as_str) != Some(pid) {
                continue;
            }
            button_text = b.get("text").and_then(Value::as_str).map(str::to_string);
            if let Some(ids) = b.get_mut("user_ids").and_then(Value::as_array_mut) {
                ids.retain(|u| u.as_str() != Some(cid));
                if toggled {
                    ids.push(Value::from(cid));
                }
            }
        }
    }
    if active {
        st.push_to_customer(
            cid,
            "incoming_rich_message_postback",
            json!({ "user_id": cid, "chat_id": chat_id, "thread_id": thread_id, "event_id": event_id, "postback": { "id": pid, "toggled": toggled } }),
            s.origin(),
        );
    }
    st.note("postback", cid, json!({ "chat_id": chat_id, "postback_id": pid, "toggled": toggled }));
    drop(st);
    if active {
        app.emit(SandboxEvent::Postback {
            chat_id: chat_id.to_string(),
            thread_id: thread_id.to_string(),
            postback_id: pid.to_string(),
            button_text,
            toggled,
        });
    }
    Ok(json!({}))
}

/// `send_sneak_peek`: keeps the text for the console (nothing is pushed).
pub fn send_sneak_peek(app: &Shared, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let text = p.req_str("sneak_peek_text")?;
    let mut st = app.lock();
    let chat = st.own_chat(cid, chat_id)?;
    chat.sneak_peek = Some(json!({ "text": text, "at": util::now_rfc3339() }));
    Ok(json!({}))
}
