//! Event requests (spec: "Methods > Events").

use serde_json::Value;

use super::payload::Payload;
use crate::protocol::new_event::NewEvent;

/// `send_event`: sends an event to a chat (push: `incoming_event`).
#[derive(Debug, Clone, PartialEq)]
pub struct SendEvent {
    /// The chat.
    pub chat_id: String,
    /// The event.
    pub event: NewEvent,
    /// For inactive chats: add to the last thread instead of failing.
    pub attach_to_last_thread: Option<bool>,
}

impl SendEvent {
    /// `send_event` of `event` to `chat_id`.
    pub fn new(chat_id: impl Into<String>, event: NewEvent) -> Self {
        SendEvent { chat_id: chat_id.into(), event, attach_to_last_thread: None }
    }
}

/// `postback` of `send_rich_message_postback`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichMessagePostback {
    /// The button's `postback_id`.
    pub id: String,
    /// Whether the button is now toggled on.
    pub toggled: bool,
}

/// `send_rich_message_postback`: reports a rich message button click.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SendRichMessagePostback {
    /// The chat.
    pub chat_id: String,
    /// The thread of the rich message.
    pub thread_id: String,
    /// The rich message event.
    pub event_id: String,
    /// The postback.
    pub postback: RichMessagePostback,
}

/// `send_sneak_peek`: what the customer is typing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SendSneakPeek {
    /// The chat.
    pub chat_id: String,
    /// Current composer text.
    pub sneak_peek_text: String,
}

impl SendEvent {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("chat_id", &self.chat_id)
            .put("event", self.event.to_value())
            .opt("attach_to_last_thread", self.attach_to_last_thread.map(Value::from))
            .done()
    }
}

impl SendRichMessagePostback {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        let postback = Payload::new().str("id", &self.postback.id).put("toggled", self.postback.toggled.into()).done();
        Payload::new()
            .str("chat_id", &self.chat_id)
            .str("thread_id", &self.thread_id)
            .str("event_id", &self.event_id)
            .put("postback", postback)
            .done()
    }
}

impl SendSneakPeek {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("chat_id", &self.chat_id).str("sneak_peek_text", &self.sneak_peek_text).done()
    }
}
