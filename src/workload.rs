//! The protocol core's benchmark workload (issue 7), shared by the native
//! benchmark (`benches/core.rs`, divan) and the wasm one (`bench_core`, built
//! with the `bench` feature and run in Chromium by `scripts/bench.sh`): a
//! logged-in conversation and 10,000 mixed push frames to decode and apply.
//! Nothing in the widget calls it; release builds without the feature drop it.

use crate::conversation::{Conversation, ConversationConfig, Output};
use crate::session::{Input, SessionConfig, Token};

/// How many frames the budget is about.
pub const FRAMES: usize = 10_000;
/// The clock of the workload (ms).
pub const NOW: u64 = 1_700_000_000_000;

/// A conversation logged in to chat `CH` (the login answered with its own request id).
pub fn logged_in() -> Conversation {
    let mut session = SessionConfig::new(1, None);
    session.token = Some(Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None });
    let mut c = Conversation::new(session, ConversationConfig::default());
    c.handle_input(Input::Start, NOW);
    c.handle_input(Input::Opened, NOW);
    let mut answers = Vec::new();
    while let Some(out) = c.poll_output() {
        if let Output::Send(frame) = out {
            let v: serde_json::Value = crate::json::parse(&frame).unwrap_or_default();
            let payload = match v["action"].as_str() {
                Some("login") => serde_json::json!({"customer": {"id": "c1", "type": "customer"},
                    "has_active_thread": true, "chats": [{"chat_id": "CH", "has_unread_events": false}]}),
                _ => continue,
            };
            answers.push(
                serde_json::json!({"request_id": v["request_id"], "action": "login", "type": "response",
                "success": true, "payload": payload})
                .to_string(),
            );
        }
    }
    for a in answers {
        c.handle_input(Input::Frame(a), NOW);
    }
    c.handle_input(Input::Frame(serde_json::json!({"action": "get_chat", "type": "response", "success": true,
        "request_id": "x", "payload": {"id": "CH", "users": [{"id": "c1", "type": "customer"}, {"id": "a1", "type": "agent", "name": "Ann"}],
        "thread": {"id": "T1", "active": true, "events": []}}}).to_string()), NOW);
    c
}

/// `count` push frames: messages, rich messages, typing, queue updates and property updates.
pub fn mixed_frames(count: usize) -> Vec<String> {
    (0..count)
        .map(|i| {
            let created = format!("2026-01-01T{:02}:{:02}:{:02}.{:06}Z", i / 3600 % 24, i / 60 % 60, i % 60, i);
            let payload = match i % 6 {
                0 | 1 => serde_json::json!({"chat_id": "CH", "thread_id": "T1", "event": {"id": format!("E{i}"),
                    "type": "message", "author_id": "a1", "created_at": created, "text": format!("message number {i}")}}),
                2 => serde_json::json!({"chat_id": "CH", "thread_id": "T1", "event": {"id": format!("R{i}"),
                    "type": "rich_message", "author_id": "a1", "created_at": created, "template_id": "quick_replies",
                    "elements": [{"title": "Pick one", "buttons": [{"type": "message", "text": "Yes", "postback_id": "y", "user_ids": []},
                                                                   {"type": "message", "text": "No", "postback_id": "n", "user_ids": []}]}]}}),
                3 => serde_json::json!({"chat_id": "CH", "thread_id": "T1", "typing_indicator": {"author_id": "a1", "is_typing": i % 2 == 0}}),
                4 => serde_json::json!({"chat_id": "CH", "thread_id": "T1", "queue": {"position": i % 10 + 1, "wait_time": 30}}),
                _ => serde_json::json!({"chat_id": "CH", "thread_id": "T1", "event_id": format!("E{}", i - 5),
                    "properties": {"rating": {"score": 1}}}),
            };
            let action = match i % 6 {
                0..=2 => "incoming_event",
                3 => "incoming_typing_indicator",
                4 => "queue_position_updated",
                _ => "event_properties_updated",
            };
            serde_json::json!({"action": action, "type": "push", "payload": payload}).to_string()
        })
        .collect()
}

/// Decodes and applies `frames` to `c`, draining its outputs after each, as the driver does.
pub fn apply(mut c: Conversation, frames: Vec<String>) -> Conversation {
    for (i, frame) in frames.into_iter().enumerate() {
        c.handle_input(Input::Frame(frame), NOW + i as u64);
        while c.poll_output().is_some() {}
    }
    c
}

/// The wasm figure: milliseconds (`performance.now()`) to decode and apply
/// `frames` mixed push frames to a logged-in conversation, setup excluded.
/// Exported only with the `bench` feature, for `scripts/bench.sh`.
#[cfg(feature = "bench")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn bench_core(frames: usize) -> f64 {
    let now = || web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now());
    let (c, frames) = (logged_in(), mixed_frames(frames));
    let start = now();
    let c = apply(c, frames);
    let elapsed = now() - start;
    assert!(!c.state().timeline.is_empty());
    elapsed
}
