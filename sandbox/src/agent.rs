//! The agent: actions the console and the scripted agent share (post an event, type,
//! join, move the queue, transfer, close, greet), and the script that turns a demo
//! into a real conversation with nobody at the console.

use crate::chats::WAIT_PER_POSITION;
use crate::content::{self, AGENT_ID, AGENT_NAME};
use crate::model::Greeting;
use crate::state::{Shared, State};
use crate::util;
use serde_json::{json, Map, Value};

fn active_ids(st: &State, chat_id: &str) -> Result<(String, String), String> {
    let chat = st.chats.get(chat_id).ok_or_else(|| format!("no chat {chat_id}"))?;
    let t = chat.threads.last().filter(|t| t.active).ok_or_else(|| format!("chat {chat_id} is not active"))?;
    Ok((chat.customer_id.clone(), t.id.clone()))
}

/// Adds an agent event to the chat's open thread and pushes incoming_event.
pub fn post_event(app: &Shared, chat_id: &str, ev: Map<String, Value>) -> Result<Value, String> {
    let mut st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    let author = if ev.get("type").and_then(Value::as_str) == Some("system_message") { None } else { Some(AGENT_ID) };
    let chat = st.chats.get_mut(chat_id).ok_or("chat vanished")?;
    let t = chat.active_thread().ok_or("chat is not active")?;
    let stored = t.add_event(ev, author);
    st.push_to_customer(&cid, "incoming_event", json!({ "chat_id": chat_id, "thread_id": tid, "event": stored }), None);
    Ok(stored)
}

/// Pushes incoming_typing_indicator for the agent.
pub fn typing(app: &Shared, chat_id: &str, is_typing: bool) -> Result<(), String> {
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
pub fn set_queue(app: &Shared, chat_id: &str, position: u64) -> Result<(), String> {
    if position == 0 {
        return join(app, chat_id);
    }
    let mut st = app.lock();
    let (cid, tid) = active_ids(&st, chat_id)?;
    let chat = st.chats.get_mut(chat_id).ok_or("chat vanished")?;
    let t = chat.active_thread().ok_or("chat is not active")?;
    let q = t.queue.as_mut().ok_or("the chat is not queued")?;
    q.position = position;
    q.wait_time = position * WAIT_PER_POSITION;
    let payload =
        json!({ "chat_id": chat_id, "thread_id": tid, "queue": { "position": position, "wait_time": q.wait_time } });
    st.push_to_customer(&cid, "queue_position_updated", payload, None);
    Ok(())
}

/// The agent joins: user_added_to_chat and a routing system message.
pub fn join(app: &Shared, chat_id: &str) -> Result<(), String> {
    {
        let mut st = app.lock();
        let (cid, tid) = active_ids(&st, chat_id)?;
        let avatar = app.url("cdn", "/assets/agent.png");
        let chat = st.chats.get_mut(chat_id).ok_or("chat vanished")?;
        if chat.agent_present {
            return Err("the agent is already in the chat".into());
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
pub fn close(app: &Shared, chat_id: &str) -> Result<(), String> {
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
pub fn transfer(app: &Shared, chat_id: &str, group_id: u64) -> Result<(), String> {
    {
        let mut st = app.lock();
        let (cid, tid) = active_ids(&st, chat_id)?;
        let license = st.customers.get(&cid).map(|c| c.license_id).unwrap_or(0);
        if !st.licenses.get(&license).is_some_and(|l| l.groups.contains_key(&group_id)) {
            return Err(format!("no group {group_id}"));
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
pub fn greet(app: &Shared, customer_id: &str, rich: Option<bool>) -> Result<Value, String> {
    let mut st = app.lock();
    if !st.customers.contains_key(customer_id) {
        return Err(format!("no customer {customer_id}"));
    }
    let n = st.greetings_sent;
    st.greetings_sent += 1;
    let rich = rich.unwrap_or(n % 2 == 1);
    let unique_id = util::short_id();
    let event = content::greeting_event(app, rich, &format!("{unique_id}_1"));
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
        "agent": content::agent_profile(app),
    });
    st.push_to_customer(customer_id, "incoming_greeting", payload.clone(), None);
    st.note("incoming_greeting", customer_id, json!({ "unique_id": unique_id, "rich": rich }));
    Ok(payload)
}

fn enabled(app: &Shared) -> bool {
    app.lock().agent_enabled
}

/// Script: a greeting a few seconds after login when there is no chat going on.
pub fn on_login(app: &Shared, customer_id: &str) {
    if !enabled(app) {
        return;
    }
    let app = app.clone();
    let cid = customer_id.to_string();
    tokio::spawn(async move {
        if !app.pause(4000).await || !enabled(&app) {
            return;
        }
        let ok = {
            let st = app.lock();
            let c = st.customers.get(&cid);
            st.is_present(&cid)
                && c.is_some_and(|c| c.greeting.is_none() && c.greetings_shown < c.visits)
                && !st.chats.values().any(|ch| ch.customer_id == cid && ch.is_active())
        };
        if ok {
            let _ = greet(&app, &cid, None);
        }
    });
}

fn thread_still(app: &Shared, chat_id: &str, thread_id: &str) -> bool {
    let st = app.lock();
    st.chats.get(chat_id).and_then(|c| c.threads.last()).is_some_and(|t| t.active && t.id == thread_id)
}

fn agent_here(app: &Shared, chat_id: &str, thread_id: &str) -> bool {
    thread_still(app, chat_id, thread_id) && app.lock().chats.get(chat_id).is_some_and(|c| c.agent_present)
}

/// Script: the queue counts down (queue_position_updated), then the agent joins, says
/// hello and answers what the customer wrote while waiting.
pub fn on_thread_opened(app: &Shared, chat_id: &str, thread_id: &str) {
    if let Some(c) = app.lock().customers.values_mut().find(|c| c.chat_ids.iter().any(|id| id == chat_id)) {
        c.greeting = None; // a started chat ends the greeting
    }
    if !enabled(app) {
        return;
    }
    let (app, chat_id, tid) = (app.clone(), chat_id.to_string(), thread_id.to_string());
    tokio::spawn(async move {
        loop {
            if !app.pause(3000).await || !thread_still(&app, &chat_id, &tid) || !enabled(&app) {
                return;
            }
            let pos = {
                let st = app.lock();
                st.chats.get(&chat_id).and_then(|c| c.threads.last()).and_then(|t| t.queue.as_ref()).map(|q| q.position)
            };
            match pos {
                Some(p) if p > 1 => {
                    let _ = set_queue(&app, &chat_id, p - 1);
                }
                Some(_) => {
                    let _ = join(&app, &chat_id);
                    break;
                }
                None => break, // someone at the console already let the agent in
            }
        }
        if !app.pause(800).await || !agent_here(&app, &chat_id, &tid) {
            return;
        }
        let (name, pending) = {
            let st = app.lock();
            let chat = st.chats.get(&chat_id);
            let name = chat.and_then(|c| st.customers.get(&c.customer_id)).and_then(|c| c.name.clone());
            let last = chat.and_then(|c| c.threads.last()).and_then(|t| {
                t.events
                    .iter()
                    .rev()
                    .find(|e| {
                        e.get("author_id").and_then(Value::as_str).is_some_and(|a| a != AGENT_ID)
                            && e.get("type").and_then(Value::as_str) == Some("message")
                    })
                    .cloned()
            });
            (name, last)
        };
        let hello = match name {
            Some(n) if !n.is_empty() => {
                format!("Hi {n}! I'm {AGENT_NAME}. How can I help you today?")
            }
            _ => format!("Hi! I'm {AGENT_NAME}. How can I help you today?"),
        };
        say(&app, &chat_id, &tid, content::message(&hello), 1200).await;
        if let Some(ev) = pending {
            reply(app, chat_id, tid, ev).await;
        }
    });
}

async fn say(app: &Shared, chat_id: &str, tid: &str, ev: Map<String, Value>, typing_ms: u64) -> bool {
    if !agent_here(app, chat_id, tid) {
        return false;
    }
    let _ = typing(app, chat_id, true);
    if !app.pause(typing_ms).await || !agent_here(app, chat_id, tid) {
        return false;
    }
    let _ = typing(app, chat_id, false);
    post_event(app, chat_id, ev).is_ok()
}

/// Script: answer a customer message once the agent is in the chat.
pub fn on_customer_event(app: &Shared, chat_id: &str, thread_id: &str, event: &Value) {
    if !enabled(app) || event.get("type").and_then(Value::as_str) != Some("message") {
        return;
    }
    if !app.lock().chats.get(chat_id).is_some_and(|c| c.agent_present) {
        return; // still queued: the agent answers after joining
    }
    let (app, chat_id, tid, ev) = (app.clone(), chat_id.to_string(), thread_id.to_string(), event.clone());
    tokio::spawn(async move {
        if app.pause(600).await {
            reply(app, chat_id, tid, ev).await;
        }
    });
}

async fn reply(app: Shared, chat_id: String, tid: String, ev: Value) {
    let text = ev.get("text").and_then(Value::as_str).unwrap_or("").to_lowercase();
    let step = {
        let mut st = app.lock();
        match st.chats.get_mut(&chat_id) {
            Some(c) => {
                c.replies += 1;
                c.replies
            }
            None => return,
        }
    };
    let has = |words: &[&str]| words.iter().any(|w| text.contains(w));
    let kind = if has(&["bye", "close the chat", "end chat"]) {
        "close"
    } else if has(&["card", "product", "lamp"]) {
        "card"
    } else if has(&["quick", "option", "help"]) {
        "quick"
    } else if has(&["image", "photo", "picture", "file"]) {
        "file"
    } else if has(&["sticker", "thanks", "thank you"]) {
        "sticker"
    } else {
        match step {
            1 => "quick",
            2 => "card",
            3 => "file",
            4 => "sticker",
            _ => "text",
        }
    };
    let (a, c, t) = (&app, chat_id.as_str(), tid.as_str());
    match kind {
        "close" => {
            if say(a, c, t, content::message("Thanks for chatting with us. Have a great day!"), 900).await
                && app.pause(800).await
            {
                let _ = close(a, c);
            }
        }
        "card" => {
            if say(a, c, t, content::message("Here is the one everybody asks about:"), 1000).await {
                let _ = post_event(a, c, content::card(a));
            }
        }
        "quick" => {
            let _ = say(
                a,
                c,
                t,
                content::quick_replies(
                    "Sure! What can I help you with?",
                    &[("Order status", "qr_order"), ("Returns", "qr_returns"), ("Product advice", "qr_advice")],
                ),
                1200,
            )
            .await;
        }
        "file" => {
            if say(a, c, t, content::message("Let me show you a photo from our studio."), 1000).await {
                let _ = post_event(a, c, content::file_event(a));
            }
        }
        "sticker" => {
            if say(a, c, t, content::message("Happy to help!"), 700).await {
                let _ = post_event(a, c, content::sticker(a));
            }
        }
        _ => {
            let quoted: String = ev.get("text").and_then(Value::as_str).unwrap_or("").chars().take(80).collect();
            let msg = format!("Got it: \u{201c}{quoted}\u{201d}. Ask me for a product card, a photo or quick options, or say bye to end the chat.");
            let _ = say(a, c, t, content::message(&msg), 1200).await;
        }
    }
}

/// Script: answer a rich message postback.
pub fn on_postback(app: &Shared, chat_id: &str, thread_id: &str, postback_id: &str, button: Option<&str>) {
    if !enabled(app) || !app.lock().chats.get(chat_id).is_some_and(|c| c.agent_present) {
        return;
    }
    let label = button.unwrap_or(postback_id).to_string();
    let (app, chat_id, tid) = (app.clone(), chat_id.to_string(), thread_id.to_string());
    tokio::spawn(async move {
        if app.pause(500).await {
            let msg = format!("You picked \u{201c}{label}\u{201d}. Good choice!");
            let _ = say(&app, &chat_id, &tid, content::message(&msg), 800).await;
        }
    });
}
