//! Event pushes (spec: "Pushes > Events").

use serde_json::Value;

use crate::protocol::event::Event;
use crate::protocol::read::{obj, Read};

/// `incoming_event` (a new event) and `event_updated` (a changed one).
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingEvent {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event: Event,
}

/// `postback` of `incoming_rich_message_postback`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostbackToggle {
    /// The button's postback id.
    pub id: String,
    /// Whether it is toggled on.
    pub toggled: bool,
}

/// `incoming_rich_message_postback`: someone clicked a rich message button.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingRichMessagePostback {
    /// Who clicked.
    pub user_id: String,
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The rich message event.
    pub event_id: String,
    /// The postback.
    pub postback: PostbackToggle,
}

impl IncomingEvent {
    /// Reads the `incoming_event` / `event_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(IncomingEvent {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            event: Event::from_json(o.req("event")?),
        })
    }
}

impl PostbackToggle {
    /// Reads a push's `postback`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(PostbackToggle { id: o.str("id")?, toggled: o.bool("toggled")? })
    }
}

impl IncomingRichMessagePostback {
    /// Reads the `incoming_rich_message_postback` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(IncomingRichMessagePostback {
            user_id: o.str("user_id")?,
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            event_id: o.str("event_id")?,
            postback: PostbackToggle::from_json(o.req("postback")?)?,
        })
    }
}
