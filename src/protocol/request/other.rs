//! Other requests (spec: "Methods > Other", and "Access > Server pinging").

use serde::{Deserialize, Serialize};

use crate::protocol::form::FormType;

/// `get_form`: the empty pre-chat or post-chat survey of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GetForm {
    /// The group.
    pub group_id: u32,
    /// `prechat` or `postchat`.
    #[serde(rename = "type")]
    pub form_type: FormType,
}

/// `get_predicted_agent`: no parameters in the v3.2 tables; sends `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GetPredictedAgent {}

/// `get_url_info`: preview data of a URL.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GetUrlInfo {
    /// The URL.
    pub url: String,
}

/// `mark_events_as_seen`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MarkEventsAsSeen {
    /// The chat.
    pub chat_id: String,
    /// RFC 3339 time up to which events are seen.
    pub seen_up_to: String,
}

/// `accept_greeting`: the customer saw the greeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AcceptGreeting {
    /// The greeting's `id`.
    pub greeting_id: u64,
    /// The greeting's `unique_id`.
    pub unique_id: String,
}

/// `cancel_greeting`: the customer dismissed the greeting.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CancelGreeting {
    /// The greeting's `unique_id`.
    pub unique_id: String,
}

/// `ping`: keeps the connection alive every 15 s; payload `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Ping {}
