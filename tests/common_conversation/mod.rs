//! A scripted server for [`Conversation`] tests: a fake clock, every frame the
//! widget sent, and helpers to answer requests and push events (in the manner of
//! str0m's `tests/common.rs`).
#![allow(dead_code)]

use livechat_widget::conversation::{Conversation, ConversationConfig, Intent, Output};
use livechat_widget::session::{Input, SessionConfig, Token};
use serde_json::{json, Value};

/// The customer the fake server logs in.
pub const CUSTOMER: &str = "b7eff798-f8df-4364-8059-649c35c9ed0c";
/// The agent of the fake server.
pub const AGENT: &str = "b5657aff34dd32e198160d54666df9d8";
/// The chat the fake server hands out.
pub const CHAT: &str = "PJ0MRSHTDG";

/// A conversation, its clock and what it sent.
pub struct Fake {
    /// The conversation under test.
    pub c: Conversation,
    /// Fake clock (ms).
    pub now: u64,
    /// Every request frame sent, in order.
    pub sent: Vec<Value>,
    /// Index into `sent` of requests already answered.
    answered: Vec<bool>,
    seq: u64,
    /// Every `Output::Store` as (key, value), in order.
    pub stored: Vec<(String, String)>,
}

impl Fake {
    /// A conversation for group 0 holding a token, not yet started.
    pub fn new() -> Self {
        Self::with_config(ConversationConfig {
            group_id: 0,
            seed: 7,
            sneak_peek_interval_ms: 1_000,
            ..Default::default()
        })
    }

    /// A conversation with these settings, holding a token, not yet started.
    pub fn with_config(config: ConversationConfig) -> Self {
        let mut session = SessionConfig::new(123, None);
        session.token = Some(Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None });
        Fake {
            c: Conversation::new(session, config),
            now: 1_700_000_000_000,
            sent: vec![],
            answered: vec![],
            seq: 0,
            stored: vec![],
        }
    }

    /// Feeds an input and collects what was sent.
    pub fn input(&mut self, input: Input) {
        self.c.handle_input(input, self.now);
        self.drain();
    }

    /// Carries out an intent and collects what was sent.
    pub fn intent(&mut self, intent: Intent) {
        self.c.handle_intent(intent, self.now);
        self.drain();
    }

    /// Moves the clock and delivers a tick.
    pub fn advance(&mut self, ms: u64) {
        self.now += ms;
        self.input(Input::Tick);
    }

    fn drain(&mut self) {
        while let Some(out) = self.c.poll_output() {
            match out {
                Output::Send(text) => {
                    let v: Value = serde_json::from_str(&text).expect("the widget sends JSON");
                    self.sent.push(v);
                    self.answered.push(false);
                }
                Output::Store { key, value } => self.stored.push((key, value)),
                _ => {}
            }
        }
    }

    /// Connects and answers the login with `login` (a login response payload).
    pub fn login_with(&mut self, login: Value) {
        self.input(Input::Start);
        self.input(Input::Opened);
        self.answer("login", login);
    }

    /// Logs in a customer without chats, answering the follow-up requests:
    /// group statuses (online), prechat form (`prechat`), and an empty chat list.
    pub fn login_fresh(&mut self, prechat: Value) {
        self.login_with(
            json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": false, "chats": []}),
        );
        self.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
        self.answer("get_form", prechat);
        self.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    }

    /// Logs in a customer whose active chat has `events`, answering get_chat.
    pub fn login_with_chat(&mut self, events: Value) {
        self.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
            "chats": [{"chat_id": CHAT, "has_unread_events": false}]}));
        self.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
        self.answer("get_form", json!({"enabled": false}));
        self.answer("get_chat", chat(true, events));
    }

    /// Unanswered requests with this action.
    pub fn pending(&self, action: &str) -> Vec<Value> {
        self.sent
            .iter()
            .zip(&self.answered)
            .filter(|(v, done)| !**done && v["action"] == action)
            .map(|(v, _)| v.clone())
            .collect()
    }

    /// Every request sent with this action.
    pub fn sent_with(&self, action: &str) -> Vec<Value> {
        self.sent.iter().filter(|v| v["action"] == action).cloned().collect()
    }

    /// Actions sent since index `from`.
    pub fn actions_since(&self, from: usize) -> Vec<String> {
        self.sent[from..]
            .iter()
            .filter_map(|v| v["action"].as_str().map(str::to_owned))
            .filter(|a| a != "ping")
            .collect()
    }

    /// Answers the oldest unanswered request with `action` successfully.
    pub fn answer(&mut self, action: &str, payload: Value) {
        let i = self.oldest_pending(action);
        let req = &self.sent[i];
        let frame = json!({"request_id": req["request_id"], "action": action, "type": "response", "success": true, "payload": payload});
        self.answered[i] = true;
        self.input(Input::Frame(frame.to_string()));
    }

    /// Answers the oldest unanswered request with `action` with an error of `kind`.
    pub fn fail(&mut self, action: &str, kind: &str) {
        let i = self.oldest_pending(action);
        let req = &self.sent[i];
        let frame = json!({"request_id": req["request_id"], "action": action, "type": "response", "success": false,
            "payload": {"error": {"type": kind, "message": "scripted"}}});
        self.answered[i] = true;
        self.input(Input::Frame(frame.to_string()));
    }

    fn oldest_pending(&self, action: &str) -> usize {
        self.sent
            .iter()
            .zip(&self.answered)
            .position(|(v, done)| !*done && v["action"] == action)
            .unwrap_or_else(|| panic!("no unanswered `{action}` among {:?}", self.sent))
    }

    /// Pushes `action` with `payload`.
    pub fn push(&mut self, action: &str, payload: Value) {
        self.input(Input::Frame(json!({"action": action, "type": "push", "payload": payload}).to_string()));
    }

    /// Pushes an agent message into the chat.
    pub fn agent_says(&mut self, id: &str, text: &str) {
        self.seq += 1;
        let at = format!("2026-01-01T00:00:{:02}.000000Z", self.seq);
        self.push(
            "incoming_event",
            json!({"chat_id": CHAT, "thread_id": "T1",
            "event": {"id": id, "type": "message", "author_id": AGENT, "created_at": at, "text": text}}),
        );
    }

    /// Drops the socket and logs in again with the chat holding `events`.
    pub fn reconnect_with_chat(&mut self, events: Value) {
        self.input(Input::Closed { code: 1006, reason: String::new() });
        self.advance(31_000);
        self.input(Input::Opened);
        self.answer(
            "login",
            json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
            "chats": [{"chat_id": CHAT, "has_unread_events": false}]}),
        );
        self.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
        self.answer("get_chat", chat(true, events));
    }

    /// The last value stored under `key`.
    pub fn last_stored(&self, key: &str) -> Option<&str> {
        self.stored.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Texts of the timeline, in order.
    pub fn texts(&self) -> Vec<String> {
        self.c.state().timeline.entries().iter().filter_map(|e| e.event.text().map(str::to_owned)).collect()
    }
}

/// A `get_chat` payload of [`CHAT`] with one thread `T1`.
pub fn chat(active: bool, events: Value) -> Value {
    json!({"id": CHAT, "users": [{"id": CUSTOMER, "type": "customer", "present": true},
        {"id": AGENT, "type": "agent", "name": "Agent Smith", "present": true}],
        "thread": {"id": "T1", "active": active, "events": events, "created_at": "2026-01-01T00:00:00.000000Z"}})
}
