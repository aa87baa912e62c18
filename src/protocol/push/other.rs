//! Other pushes (spec: "Pushes > Other"): typing, multicast, seen marks, greetings, queue.

use serde_json::Value;

use crate::protocol::chat::Queue;
use crate::protocol::event::Visibility;
use crate::protocol::read::{obj, Obj, Read};

/// `typing_indicator` of `incoming_typing_indicator`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypingIndicator {
    /// Who is typing.
    pub author_id: String,
    /// `visibility` or legacy `recipients`.
    pub visibility: Option<Visibility>,
    /// Unix seconds.
    pub timestamp: Option<u64>,
    /// Typing started (`true`) or stopped.
    pub is_typing: bool,
}

/// An optional `visibility`-like field.
fn read_visibility(o: Obj, key: &'static str) -> Read<Option<Visibility>> {
    Ok(o.opt_str(key)?.map(|s| Visibility::parse(&s)))
}

impl TypingIndicator {
    /// Reads a `typing_indicator`; a fractional `timestamp` is truncated.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let visibility = read_visibility(o, "visibility")?;
        let recipients = read_visibility(o, "recipients")?;
        let timestamp = o.get("timestamp").and_then(|t| t.as_u64().or_else(|| t.as_f64().map(|f| f.max(0.0) as u64)));
        Ok(TypingIndicator {
            author_id: o.text("author_id")?,
            visibility: visibility.or(recipients),
            timestamp,
            is_typing: o.flag("is_typing")?,
        })
    }
}

/// `incoming_typing_indicator`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingTypingIndicator {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: Option<String>,
    /// The indicator.
    pub typing_indicator: TypingIndicator,
}

impl IncomingTypingIndicator {
    /// Reads the `incoming_typing_indicator` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(IncomingTypingIndicator {
            chat_id: o.str("chat_id")?,
            thread_id: o.opt_str("thread_id")?,
            typing_indicator: TypingIndicator::from_json(o.req("typing_indicator")?)?,
        })
    }
}

/// `sneak_peek` of `incoming_sneak_peek` (agent-side in v3.2; decoded tolerantly if it comes).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SneakPeek {
    /// Who is typing.
    pub author_id: String,
    /// The text so far.
    pub text: String,
    /// Unix seconds.
    pub timestamp: Option<u64>,
}

impl SneakPeek {
    /// Reads a `sneak_peek`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(SneakPeek { author_id: o.text("author_id")?, text: o.text("text")?, timestamp: o.opt_u64("timestamp")? })
    }
}

/// `incoming_sneak_peek`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IncomingSneakPeek {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: Option<String>,
    /// The sneak peek.
    pub sneak_peek: SneakPeek,
}

impl IncomingSneakPeek {
    /// Reads the `incoming_sneak_peek` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(IncomingSneakPeek {
            chat_id: o.text("chat_id")?,
            thread_id: o.opt_str("thread_id")?,
            // Missing is empty, but `null` is not a sneak peek.
            sneak_peek: o.get("sneak_peek").map(SneakPeek::from_json).transpose()?.unwrap_or_default(),
        })
    }
}

/// `incoming_multicast`.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingMulticast {
    /// Present only when sent by the `multicast` method.
    pub author_id: Option<String>,
    /// Free-form content.
    pub content: Value,
}

impl IncomingMulticast {
    /// Reads the `incoming_multicast` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(IncomingMulticast { author_id: o.opt_str("author_id")?, content: o.req("content")?.clone() })
    }
}

/// `events_marked_as_seen`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventsMarkedAsSeen {
    /// Who saw them.
    pub user_id: String,
    /// The chat.
    pub chat_id: String,
    /// RFC 3339 time up to which events are seen.
    pub seen_up_to: String,
}

impl EventsMarkedAsSeen {
    /// Reads the `events_marked_as_seen` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(EventsMarkedAsSeen {
            user_id: o.str("user_id")?,
            chat_id: o.str("chat_id")?,
            seen_up_to: o.str("seen_up_to")?,
        })
    }
}

/// `greeting_accepted` and `greeting_canceled`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GreetingRef {
    /// The greeting's `unique_id`.
    pub unique_id: String,
}

impl GreetingRef {
    /// Reads the `greeting_accepted` / `greeting_canceled` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        Ok(GreetingRef { unique_id: obj(v)?.str("unique_id")? })
    }
}

/// `queue_position_updated`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuePositionUpdated {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// New position and wait time.
    pub queue: Queue,
}

impl QueuePositionUpdated {
    /// Reads the `queue_position_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(QueuePositionUpdated {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            queue: Queue::from_json(o.req("queue")?)?,
        })
    }
}
