//! Other requests (spec: "Methods > Other", and "Access > Server pinging").

use serde_json::Value;

use super::payload::Payload;
use crate::protocol::form::FormType;

/// `get_form`: the empty pre-chat or post-chat survey of a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetForm {
    /// The group.
    pub group_id: u32,
    /// `prechat` or `postchat`.
    pub form_type: FormType,
}

/// `get_predicted_agent`: no parameters in the v3.2 tables; sends `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetPredictedAgent {}

/// `get_url_info`: preview data of a URL.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetUrlInfo {
    /// The URL.
    pub url: String,
}

/// `mark_events_as_seen`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MarkEventsAsSeen {
    /// The chat.
    pub chat_id: String,
    /// RFC 3339 time up to which events are seen.
    pub seen_up_to: String,
}

/// `accept_greeting`: the customer saw the greeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AcceptGreeting {
    /// The greeting's `id`.
    pub greeting_id: u64,
    /// The greeting's `unique_id`.
    pub unique_id: String,
}

/// `cancel_greeting`: the customer dismissed the greeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CancelGreeting {
    /// The greeting's `unique_id`.
    pub unique_id: String,
}

/// `ping`: keeps the connection alive every 15 s; payload `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ping {}

impl GetForm {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().put("group_id", self.group_id.into()).str("type", self.form_type.as_str()).done()
    }
}

impl GetUrlInfo {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("url", &self.url).done()
    }
}

impl MarkEventsAsSeen {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("chat_id", &self.chat_id).str("seen_up_to", &self.seen_up_to).done()
    }
}

impl AcceptGreeting {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().put("greeting_id", self.greeting_id.into()).str("unique_id", &self.unique_id).done()
    }
}

impl CancelGreeting {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("unique_id", &self.unique_id).done()
    }
}

impl GetPredictedAgent {
    /// The request payload: `{}`.
    pub fn to_value(&self) -> Value {
        Payload::new().done()
    }
}

impl Ping {
    /// The request payload: `{}`.
    pub fn to_value(&self) -> Value {
        Payload::new().done()
    }
}
