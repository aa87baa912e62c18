//! Other pushes (spec: "Pushes > Other"): typing, multicast, seen marks, greetings, queue.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::chat::Queue;
use crate::protocol::event::Visibility;
use crate::protocol::lenient::null_default;

/// `typing_indicator` of `incoming_typing_indicator`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TypingIndicator {
    /// Who is typing.
    pub author_id: String,
    /// `visibility` or legacy `recipients`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Unix seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
    /// Typing started (`true`) or stopped.
    pub is_typing: bool,
}

impl<'de> Deserialize<'de> for TypingIndicator {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default, deserialize_with = "null_default")]
            author_id: String,
            #[serde(default)]
            visibility: Option<Visibility>,
            #[serde(default)]
            recipients: Option<Visibility>,
            #[serde(default)]
            timestamp: Option<Value>,
            #[serde(default, deserialize_with = "null_default")]
            is_typing: bool,
        }
        let r = Raw::deserialize(d)?;
        let timestamp = r.timestamp.as_ref().and_then(|t| t.as_u64().or_else(|| t.as_f64().map(|f| f.max(0.0) as u64)));
        Ok(TypingIndicator {
            author_id: r.author_id,
            visibility: r.visibility.or(r.recipients),
            timestamp,
            is_typing: r.is_typing,
        })
    }
}

/// `incoming_typing_indicator`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingTypingIndicator {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// The indicator.
    pub typing_indicator: TypingIndicator,
}

/// `sneak_peek` of `incoming_sneak_peek` (agent-side in v3.2; decoded tolerantly if it comes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SneakPeek {
    /// Who is typing.
    #[serde(default, deserialize_with = "null_default")]
    pub author_id: String,
    /// The text so far.
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    /// Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
}

/// `incoming_sneak_peek`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomingSneakPeek {
    /// The chat.
    #[serde(default, deserialize_with = "null_default")]
    pub chat_id: String,
    /// The thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// The sneak peek.
    #[serde(default)]
    pub sneak_peek: SneakPeek,
}

/// `incoming_multicast`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncomingMulticast {
    /// Present only when sent by the `multicast` method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author_id: Option<String>,
    /// Free-form content.
    pub content: Value,
}

/// `events_marked_as_seen`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventsMarkedAsSeen {
    /// Who saw them.
    pub user_id: String,
    /// The chat.
    pub chat_id: String,
    /// RFC 3339 time up to which events are seen.
    pub seen_up_to: String,
}

/// `greeting_accepted` and `greeting_canceled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GreetingRef {
    /// The greeting's `unique_id`.
    pub unique_id: String,
}

/// `queue_position_updated`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueuePositionUpdated {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// New position and wait time.
    pub queue: Queue,
}
