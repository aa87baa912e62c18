//! Greetings (spec: `incoming_greeting` push and the login response's `greeting`).

use serde::{Deserialize, Serialize};

use super::event::Event;
use super::lenient::{null_default, string_or_number};
use super::user::Agent;

/// A greeting (an invitation to chat) sent to the customer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Greeting {
    /// Id of the greeting configured within the license (`greeting_id` of `accept_greeting`).
    pub id: u64,
    /// Id of this sending of the greeting (for `accept_greeting` / `cancel_greeting`).
    #[serde(deserialize_with = "string_or_number")]
    pub unique_id: String,
    /// `true` when generated for the first time.
    #[serde(default, deserialize_with = "null_default")]
    pub displayed_first_time: bool,
    /// Login response only: whether the customer has seen it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<bool>,
    /// Additional greeting property, for example `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addon: Option<String>,
    /// The greeting content (a message or rich message event).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Event>,
    /// The agent who sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<Agent>,
}
