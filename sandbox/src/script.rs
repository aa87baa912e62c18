//! The scripted agent, which turns a demo into a real conversation with nobody at the
//! console: it reads the domain events the customer methods emit (`bus`) and answers
//! with the agent's actions (`agent`) after human-looking, time-scaled pauses.

use crate::agent;
use crate::bus::SandboxEvent;
use crate::content::{self, AGENT_ID, AGENT_NAME};
use crate::state::Shared;
use serde_json::{Map, Value};
use tokio::sync::mpsc;

/// Reacts to each event as it arrives, until the server stops.
pub async fn run(app: Shared, mut events: mpsc::UnboundedReceiver<SandboxEvent>) {
    let mut shutdown = app.shutdown.clone();
    while !*shutdown.borrow() {
        tokio::select! {
            event = events.recv() => match event {
                Some(event) => react(&app, event),
                None => return,
            },
            changed = shutdown.changed() => if changed.is_err() {
                return;
            },
        }
    }
}

/// Starts the script's answer to one event (its pauses run in their own tasks).
fn react(app: &Shared, event: SandboxEvent) {
    match event {
        SandboxEvent::LoggedIn { customer_id } => on_login(app, customer_id),
        SandboxEvent::ChatStarted { chat_id, thread_id } | SandboxEvent::ChatActivated { chat_id, thread_id } => {
            on_thread_opened(app, chat_id, thread_id)
        }
        SandboxEvent::CustomerEvent { chat_id, thread_id, event } => on_customer_event(app, chat_id, thread_id, event),
        SandboxEvent::Postback { chat_id, thread_id, postback_id, button_text, toggled: true } => {
            on_postback(app, chat_id, thread_id, button_text.unwrap_or(postback_id))
        }
        SandboxEvent::Postback { toggled: false, .. } => {}
    }
}

fn enabled(app: &Shared) -> bool {
    app.lock().agent_enabled
}

/// Script: a greeting a few seconds after login when there is no chat going on.
fn on_login(app: &Shared, cid: String) {
    if !enabled(app) {
        return;
    }
    let app = app.clone();
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
            let _ = agent::greet(&app, &cid, None);
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
fn on_thread_opened(app: &Shared, chat_id: String, tid: String) {
    if !enabled(app) {
        return;
    }
    let app = app.clone();
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
                    let _ = agent::set_queue(&app, &chat_id, p - 1);
                }
                Some(_) => {
                    let _ = agent::join(&app, &chat_id);
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
    let _ = agent::typing(app, chat_id, true);
    if !app.pause(typing_ms).await || !agent_here(app, chat_id, tid) {
        return false;
    }
    let _ = agent::typing(app, chat_id, false);
    agent::post_event(app, chat_id, ev).is_ok()
}

/// Script: answer a customer message once the agent is in the chat.
fn on_customer_event(app: &Shared, chat_id: String, tid: String, ev: Value) {
    if !enabled(app) || ev.get("type").and_then(Value::as_str) != Some("message") {
        return;
    }
    if !app.lock().chats.get(&chat_id).is_some_and(|c| c.agent_present) {
        return; // still queued: the agent answers after joining
    }
    let app = app.clone();
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
                let _ = agent::close(a, c);
            }
        }
        "card" => {
            if say(a, c, t, content::message("Here is the one everybody asks about:"), 1000).await {
                let _ = agent::post_event(a, c, content::card(a.port));
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
                let _ = agent::post_event(a, c, content::file_event(a.port));
            }
        }
        "sticker" => {
            if say(a, c, t, content::message("Happy to help!"), 700).await {
                let _ = agent::post_event(a, c, content::sticker(a.port));
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
/// `label` is the button's text, else its postback id.
fn on_postback(app: &Shared, chat_id: String, tid: String, label: String) {
    if !enabled(app) || !app.lock().chats.get(&chat_id).is_some_and(|c| c.agent_present) {
        return;
    }
    let app = app.clone();
    tokio::spawn(async move {
        if app.pause(500).await {
            let msg = format!("You picked \u{201c}{label}\u{201d}. Good choice!");
            let _ = say(&app, &chat_id, &tid, content::message(&msg), 800).await;
        }
    });
}
