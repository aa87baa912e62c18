//! Event pushes (spec: "Pushes > Events").

use serde::{Deserialize, Serialize};

use crate::protocol::event::Event;

/// `incoming_event` (a new event) and `event_updated` (a changed one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncomingEvent {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event: Event,
}

/// `postback` of `incoming_rich_message_postback`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostbackToggle {
    /// The button's postback id.
    pub id: String,
    /// Whether it is toggled on.
    pub toggled: bool,
}

/// `incoming_rich_message_postback`: someone clicked a rich message button.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
