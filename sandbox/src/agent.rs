//! The agent's actions, shared by the console (admin API) and the scripted agent
//! (`script`): post an event, type, move the queue, join, transfer, close, greet.

use crate::content::{self, AGENT_ID, AGENT_NAME};
use crate::error::{ErrorKind, RtmError};
use crate::model::Greeting;
use crate::state::{Shared, State};
use crate::util;
use serde_json::{json, Map, Value};

fn active_ids(st: &State, chat_id: &str) -> Result<(String, String), RtmError> {
    let chat = st.chats.get(chat_id).ok_or_else(|| RtmError::not_found(format!("no chat {chat_id}")))?;
    let t = chat
        .threads
        .last()
        .filter(|t| t.active)
        .ok_or_else(|| RtmError::new(ErrorKind::ChatInactive, format!("chat {chat_id} is not active")))?;
    Ok((chat.customer_id.clone(), t.id.clone()))
}

/// Adds an agent event to the chat's open thread and pushes incoming_event.
pub fn post_event(app: &Shared, chat_id: &str, ev: Map<String, Value>) -> Result<Value, RtmError> {
    let mut st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    let author = if ev.get("type").and_then(Value::as_str) == Some("system_message") { None } else { Some(AGENT_ID) };
    let chat = st.chats.get_mut(chat_id).ok_or_else(|| RtmError::internal("chat vanished"))?;
    let t = chat.active_thread().ok_or_else(|| RtmError::new(ErrorKind::ChatInactive, "chat is not active"))?;
    let stored = t.add_event(ev, author);
    st.push_to_customer(&cid, "incoming_event", json!({ "chat_id": chat_id, "thread_id": tid, "event": stored }), None);
    Ok(stored)
}

/// Pushes incoming_typing_indicator for the agent.
pub fn typing(app: &Shared, chat_id: &str, is_typing: bool) -> Result<(), RtmError> {
    let st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    let payload = json!({
        "chat_id": chat_id,
        "thread_id": tid,
        "typing_indicator": { "author_id": AGENT_ID, "recipients": "all", "timestamp": util::now_secs(), "is_typing": is_typing },
    });
    st.push_to_customer(&cid, "incoming_typing_indicator", payload, None);
    Ok(())
}

/// Sets the queue position (pushing queue_position_updated); 0 makes the agent join.
pub fn set_queue(app: &Shared, chat_id: &str, position: u64) -> Result<(), RtmError> {
    if position == 0 {
        return join(app, chat_id);
    }
    let mut st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    let chat = st.chats.get_mut(chat_id).ok_or_else(|| RtmError::internal("chat vanished"))?;
    let t = chat.active_thread().ok_or_else(|| RtmError::new(ErrorKind::ChatInactive, "chat is not active"))?;
    let q = t.queue.as_mut().ok_or_else(|| RtmError::new(ErrorKind::NotAllowed, "the chat is not queued"))?;
    q.move_to(position);
    let payload =
        json!({ "chat_id": chat_id, "thread_id": tid, "queue": { "position": position, "wait_time": q.wait_time } });
    st.push_to_customer(&cid, "queue_position_updated", payload, None);
    Ok(())
}

/// The agent joins: user_added_to_chat and a routing system message.
pub fn join(app: &Shared, chat_id: &str) -> Result<(), RtmError> {
    {
        let mut st = app.lock();
        let (cid, tid) = active_ids(&st, chat_id)?;
        let avatar = content::avatar_url(app.port);
        let chat = st.chats.get_mut(chat_id).ok_or_else(|| RtmError::internal("chat vanished"))?;
        if chat.agent_present {
            return Err(RtmError::new(ErrorKind::NotAllowed, "the agent is already in the chat"));
        }
        chat.agent_in_chat = true;
        chat.agent_present = true;
        if let Some(t) = chat.active_thread() {
            t.queue = None;
            if !t.user_ids.iter().any(|u| u == AGENT_ID) {
                t.user_ids.push(AGENT_ID.into());
            }
        }
        let payload = json!({ "chat_id": chat_id, "thread_id": tid, "user": content::agent_user(true, &avatar), "reason": "manual" });
        st.push_to_customer(&cid, "user_added_to_chat", payload, None);
    }
    post_event(
        app,
        chat_id,
        content::system_message(
            "routing.assigned",
            &format!("{AGENT_NAME} joined the chat"),
            json!({ "agent": AGENT_NAME }),
        ),
    )?;
    Ok(())
}

/// The agent closes the chat: a system message, then chat_deactivated.
pub fn close(app: &Shared, chat_id: &str) -> Result<(), RtmError> {
    post_event(
        app,
        chat_id,
        content::system_message(
            "manual_archived_agent",
            &format!("{AGENT_NAME} closed the chat"),
            json!({ "agent": AGENT_NAME }),
        ),
    )?;
    let mut st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    if let Some(chat) = st.chats.get_mut(chat_id) {
        chat.agent_present = false;
        if let Some(t) = chat.active_thread() {
            t.active = false;
            t.queue = None;
        }
    }
    st.push_to_customer(
        &cid,
        "chat_deactivated",
        json!({ "chat_id": chat_id, "thread_id": tid, "user_id": AGENT_ID }),
        None,
    );
    st.note("chat_deactivated", &cid, json!({ "chat_id": chat_id, "by": "agent" }));
    Ok(())
}

/// Transfers the chat to a group: chat_transferred and a system message.
pub fn transfer(app: &Shared, chat_id: &str, group_id: u64) -> Result<(), RtmError> {
    {
        let mut st = app.lock();
        let (cid, tid) = active_ids(&st, chat_id)?;
        let license = st.customers.get(&cid).map(|c| c.license_id).unwrap_or(0);
        if !st.licenses.get(&license).is_some_and(|l| l.groups.contains_key(&group_id)) {
            return Err(RtmError::new(ErrorKind::GroupNotFound, format!("no group {group_id}")));
        }
        if let Some(chat) = st.chats.get_mut(chat_id) {
            chat.access = json!({ "group_ids": [group_id] });
        }
        let payload = json!({
            "chat_id": chat_id,
            "thread_id": tid,
            "requester_id": AGENT_ID,
            "transferred_to": { "group_ids": [group_id], "agent_ids": [AGENT_ID] },
        });
        st.push_to_customer(&cid, "chat_transferred", payload, None);
    }
    post_event(
        app,
        chat_id,
        content::system_message(
            "chat_transferred",
            &format!("{AGENT_NAME} transferred the chat to group {group_id}"),
            json!({ "agent": AGENT_NAME, "group": group_id.to_string() }),
        ),
    )?;
    Ok(())
}

/// Shows a greeting to a customer (canceling the one displayed): incoming_greeting.
pub fn greet(app: &Shared, customer_id: &str, rich: Option<bool>) -> Result<Value, RtmError> {
    let mut st = app.lock();
    if !st.customers.contains_key(customer_id) {
        return Err(RtmError::not_found(format!("no customer {customer_id}")));
    }
    let n = st.greetings_sent;
    st.greetings_sent += 1;
    let rich = rich.unwrap_or(n % 2 == 1);
    let unique_id = util::short_id();
    let event = content::greeting_event(app.port, rich, &format!("{unique_id}_1"));
    let id = if rich { 8 } else { 7 };
    let old = st.customers.get_mut(customer_id).and_then(|c| {
        c.greetings_shown += 1;
        c.greeting.replace(Greeting { id, unique_id: unique_id.clone(), event: event.clone(), accepted: false })
    });
    if let Some(old) = old {
        st.push_to_customer(customer_id, "greeting_canceled", json!({ "unique_id": old.unique_id }), None);
    }
    let payload = json!({
        "id": id,
        "unique_id": unique_id,
        "displayed_first_time": true,
        "event": event,
        "agent": content::agent_profile(app.port),
    });
    st.push_to_customer(customer_id, "incoming_greeting", payload.clone(), None);
    st.note("incoming_greeting", customer_id, json!({ "unique_id": unique_id, "rich": rich }));
    Ok(payload)
}

/// The agent edits an event of the chat (a message's `text`): event_updated with the
/// whole event, as spec "event_updated" shows.
pub fn update_event(app: &Shared, chat_id: &str, event_id: &str, text: &str) -> Result<Value, RtmError> {
    let mut st = app.lock();
    let chat = st.chats.get_mut(chat_id).ok_or_else(|| RtmError::not_found(format!("no chat {chat_id}")))?;
    let cid = chat.customer_id.clone();
    let (tid, ev) = chat
        .threads
        .iter_mut()
        .find_map(|t| {
            let id = t.id.clone();
            t.events.iter_mut().find(|e| e.get("id").and_then(Value::as_str) == Some(event_id)).map(|e| (id, e))
        })
        .ok_or_else(|| RtmError::not_found(format!("no event {event_id} in chat {chat_id}")))?;
    if ev.get("type").and_then(Value::as_str) != Some("message") {
        return Err(RtmError::validation("only a message's text can be edited"));
    }
    ev["text"] = Value::from(text);
    let stored = ev.clone();
    st.push_to_customer(&cid, "event_updated", json!({ "chat_id": chat_id, "thread_id": tid, "event": stored }), None);
    st.note("event_updated", &cid, json!({ "chat_id": chat_id, "event_id": event_id }));
    Ok(stored)
}

/// The agent leaves the active chat without closing it: user_removed_from_chat.
pub fn leave(app: &Shared, chat_id: &str) -> Result<(), RtmError> {
    let mut st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    let chat = st.chats.get_mut(chat_id).ok_or_else(|| RtmError::internal("chat vanished"))?;
    if !chat.agent_present {
        return Err(RtmError::new(ErrorKind::NotAllowed, "the agent is not in the chat"));
    }
    // Still one of the chat's users (`present: false`), as after a close.
    chat.agent_present = false;
    if let Some(t) = chat.active_thread() {
        t.user_ids.retain(|u| u != AGENT_ID);
    }
    let payload = json!({ "chat_id": chat_id, "thread_id": tid, "user_id": AGENT_ID, "reason": "manual", "requester_id": AGENT_ID });
    st.push_to_customer(&cid, "user_removed_from_chat", payload, None);
    st.note("user_removed_from_chat", &cid, json!({ "chat_id": chat_id }));
    Ok(())
}

/// incoming_multicast with `content` to one customer, or to every logged-in one;
/// `author_id` as the multicast method sets it (left out when "sent from the server").
/// Returns how many connections got it.
pub fn multicast(app: &Shared, customer_id: Option<&str>, content: Value, author_id: Option<&str>) -> usize {
    let mut payload = json!({ "content": content });
    if let Some(a) = author_id {
        payload["author_id"] = Value::from(a);
    }
    let st = app.lock();
    let targets: Vec<String> = match customer_id {
        Some(c) => vec![c.to_string()],
        None => st.customers.keys().filter(|c| st.is_present(c)).cloned().collect(),
    };
    targets.iter().map(|c| st.push_to_customer(c, "incoming_multicast", payload.clone(), None)).sum()
}
