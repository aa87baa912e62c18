//! The six property methods: update/delete chat, thread and event properties, each
//! pushing its `*_properties_updated`/`*_properties_deleted`.

use crate::error::RtmError;
use crate::params::{self, Params};
use crate::session::Session;
use crate::state::Shared;
use crate::util;
use serde_json::{json, Map, Value};

/// Runs one of the property methods.
pub fn properties(app: &Shared, s: &Session, cid: &str, action: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let level = action.split('_').nth(1).unwrap_or("chat"); // chat | thread | event
    let thread_id = if level != "chat" { Some(p.req_str("thread_id")?) } else { None };
    let event_id = if level == "event" { Some(p.req_str("event_id")?) } else { None };
    let props = p.req_obj("properties")?;
    let update = action.starts_with("update");
    if update {
        params::check_properties_set(props)?;
    } else {
        params::check_properties_delete(props)?;
    }
    let mut st = app.lock();
    let chat = st.own_chat(cid, chat_id)?;
    let target: &mut Map<String, Value> = match (thread_id, event_id) {
        (None, _) => &mut chat.properties,
        (Some(t), ev) => {
            let ti = chat.thread_index(t).ok_or_else(|| RtmError::not_found("Thread not found"))?;
            let thread = &mut chat.threads[ti];
            match ev {
                None => &mut thread.properties,
                Some(e) => {
                    let ev = thread
                        .events
                        .iter_mut()
                        .find(|x| x.get("id").and_then(Value::as_str) == Some(e))
                        .ok_or_else(|| RtmError::not_found("Event not found"))?;
                    let Some(obj) = ev.as_object_mut() else {
                        return Err(RtmError::internal("bad event"));
                    };
                    let entry = obj.entry("properties").or_insert_with(|| Value::Object(Map::new()));
                    if !entry.is_object() {
                        *entry = Value::Object(Map::new());
                    }
                    entry.as_object_mut().ok_or_else(|| RtmError::internal("bad event"))?
                }
            }
        }
    };
    if update {
        util::merge_properties(target, props);
    } else {
        util::delete_properties(target, props);
    }
    let mut payload = json!({ "chat_id": chat_id, "properties": props });
    if let Some(t) = thread_id {
        payload["thread_id"] = Value::from(t);
    }
    if let Some(e) = event_id {
        payload["event_id"] = Value::from(e);
    }
    let push = format!("{level}_properties_{}", if update { "updated" } else { "deleted" });
    st.push_to_customer(cid, &push, payload, s.origin());
    Ok(json!({}))
}
