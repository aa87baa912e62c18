//! Greetings (spec: `incoming_greeting` push and the login response's `greeting`).

use serde_json::Value;

use super::event::Event;
use super::read::{obj, Read};
use super::user::Agent;

/// A greeting (an invitation to chat) sent to the customer.
#[derive(Debug, Clone, PartialEq)]
pub struct Greeting {
    /// Id of the greeting configured within the license (`greeting_id` of `accept_greeting`).
    pub id: u64,
    /// Id of this sending of the greeting (for `accept_greeting` / `cancel_greeting`).
    pub unique_id: String,
    /// `true` when generated for the first time.
    pub displayed_first_time: bool,
    /// Login response only: whether the customer has seen it.
    pub accepted: Option<bool>,
    /// Additional greeting property, for example `email`.
    pub addon: Option<String>,
    /// The greeting content (a message or rich message event).
    pub event: Option<Event>,
    /// The agent who sent it.
    pub agent: Option<Agent>,
}

impl Greeting {
    /// Reads a greeting.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Greeting {
            id: o.u64("id")?,
            unique_id: o.id("unique_id")?,
            displayed_first_time: o.flag("displayed_first_time")?,
            accepted: o.opt_bool("accepted")?,
            addon: o.opt_str("addon")?,
            event: o.opt("event").map(Event::from_json),
            agent: o.opt_obj("agent", Agent::from_json)?,
        })
    }
}
