//! The spec's "Events" methods (send_event, send_rich_message_postback,
//! send_sneak_peek); the events themselves are checked in `event_shape`, postbacks here
//! against the rich message's buttons.

use crate::bus::SandboxEvent;
use crate::error::{ErrorKind, RtmError};
use crate::event_shape;
use crate::model::Chat;
use crate::params::Params;
use crate::session::Session;
use crate::state::Shared;
use crate::util;
use serde_json::{json, Map, Value};

/// The rich message `event_id` of `thread_id` in `chat` and its button `postback_id`:
/// `not_found` for an unknown thread or event, `validation` for an event that is not a
/// rich message or has no such button (spec: `postback.id` is "Postback name of the button").
fn postback_button<'a>(
    chat: &'a mut Chat,
    thread_id: &str,
    event_id: &str,
    postback_id: &str,
) -> Result<&'a mut Map<String, Value>, RtmError> {
    let ti = chat.thread_index(thread_id).ok_or_else(|| RtmError::not_found("Thread not found"))?;
    let ev = chat.threads[ti]
        .events
        .iter_mut()
        .find(|e| e.get("id").and_then(Value::as_str) == Some(event_id))
        .ok_or_else(|| RtmError::not_found("Event not found"))?;
    if ev.get("type").and_then(Value::as_str) != Some("rich_message") {
        return Err(RtmError::validation("the event is not a rich message"));
    }
    ev.get_mut("elements")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(|e| e.get_mut("buttons").and_then(Value::as_array_mut))
        .flatten()
        .filter_map(Value::as_object_mut)
        .find(|b| b.get("postback_id").and_then(Value::as_str) == Some(postback_id))
        .ok_or_else(|| RtmError::validation(format!("the rich message has no button with postback_id `{postback_id}`")))
}

/// A message's `postback` must name a button of a rich message in the chat, with that
/// button's `type` and `value` when it carries them.
fn check_message_postback(chat: &mut Chat, pb: &Map<String, Value>) -> Result<(), RtmError> {
    let field = |k: &str| pb.get(k).and_then(Value::as_str).unwrap_or_default();
    let button = postback_button(chat, field("thread_id"), field("event_id"), field("id"))?;
    for k in ["type", "value"] {
        if let Some(sent) = pb.get(k) {
            if button.get(k) != Some(sent) {
                return Err(RtmError::validation(format!("`postback.{k}` is not the button's `{k}`")));
            }
        }
    }
    Ok(())
}

/// `send_event`: adds a customer event to the chat's open (or, with `attach_to_last_thread`,
/// last) thread; pushes `incoming_event`, emits `CustomerEvent` for an active thread.
pub fn send_event(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let raw = p.get("event").ok_or_else(|| RtmError::validation("`event` is required"))?;
    let checked = event_shape::validate_event(raw, &util::host_url(app.port, "cdn", ""))?;
    let attach = p.opt_bool("attach_to_last_thread")?.unwrap_or(false);
    let mut st = app.lock();
    for w in checked.warnings {
        st.warn("send_event", cid, w);
    }
    let mut ev = checked.event;
    crate::files::describe(&st.files, app.port, [&mut ev]);
    let chat = st.own_chat(cid, chat_id)?;
    if let Some(Value::Object(pb)) = ev.get("postback") {
        check_message_postback(chat, pb)?;
    }
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
    let active = chat.thread_index(thread_id).is_some_and(|i| chat.threads[i].active);
    let button = postback_button(chat, thread_id, event_id, pid)?;
    let button_text = button.get("text").and_then(Value::as_str).map(str::to_string);
    if let Some(ids) = button.get_mut("user_ids").and_then(Value::as_array_mut) {
        ids.retain(|u| u.as_str() != Some(cid));
        if toggled {
            ids.push(Value::from(cid));
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
