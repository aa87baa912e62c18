//! Users (spec: "Users > Customer", "Users > Agent"; objects-legacy "User > ...").

use std::collections::BTreeMap;

use serde_json::Value;

use super::lenient::string_map_from;
use super::read::{obj, Obj, Read};
use super::request::payload::string_map;
use super::time::timestamp_value_to_rfc3339;

/// `session_fields`: an array of single-key objects, in order.
pub type SessionFields = Vec<BTreeMap<String, String>>;

/// Reads `session_fields` leniently, so it never fails: non-object items are
/// skipped, scalar values stringified, and anything but an array is empty.
pub fn session_fields_from_json(v: &Value) -> SessionFields {
    match v {
        Value::Array(items) => items.iter().filter(|v| v.is_object()).map(string_map_from).collect(),
        _ => SessionFields::new(),
    }
}

/// The wire shape of `session_fields` (`login`, `update_customer`,
/// `set_customer_session_fields`): one object per entry, in order.
pub fn session_fields_to_value(fields: &[BTreeMap<String, String>]) -> Value {
    Value::Array(fields.iter().map(string_map).collect())
}

/// `customer.statistics` (login response).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerStatistics {
    /// Number of chats.
    pub chats_count: Option<u64>,
    /// Number of threads.
    pub threads_count: Option<u64>,
    /// Number of visits.
    pub visits_count: Option<u64>,
    /// Number of page views.
    pub page_views_count: Option<u64>,
    /// Greetings shown.
    pub greetings_shown_count: Option<u64>,
    /// Greetings accepted.
    pub greetings_accepted_count: Option<u64>,
}

impl CustomerStatistics {
    /// Reads `customer.statistics`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(CustomerStatistics {
            chats_count: o.opt_u64("chats_count")?,
            threads_count: o.opt_u64("threads_count")?,
            visits_count: o.opt_u64("visits_count")?,
            page_views_count: o.opt_u64("page_views_count")?,
            greetings_shown_count: o.opt_u64("greetings_shown_count")?,
            greetings_accepted_count: o.opt_u64("greetings_accepted_count")?,
        })
    }
}

/// Reads `events_seen_up_to`, or converts legacy `last_seen_timestamp`.
fn seen_up_to(o: Obj) -> Read<Option<String>> {
    let legacy = || o.get("last_seen_timestamp").and_then(timestamp_value_to_rfc3339);
    Ok(o.opt_str("events_seen_up_to")?.or_else(legacy))
}

/// A customer (spec: "Users > Customer").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Customer {
    /// Customer id.
    pub id: String,
    /// Name, if set.
    pub name: Option<String>,
    /// E-mail, if set.
    pub email: Option<String>,
    /// Avatar URL, if set.
    pub avatar: Option<String>,
    /// Session fields, in order.
    pub session_fields: SessionFields,
    /// Whether the customer is present in the chat.
    pub present: Option<bool>,
    /// RFC 3339 time of the newest event the customer has seen.
    pub events_seen_up_to: Option<String>,
    /// Counters (login response).
    pub statistics: Option<CustomerStatistics>,
}

impl Customer {
    /// Reads a customer.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Customer {
            id: o.id("id")?,
            name: o.opt_str("name")?,
            email: o.opt_str("email")?,
            avatar: o.opt_str("avatar")?,
            session_fields: o.get("session_fields").map(session_fields_from_json).unwrap_or_default(),
            present: o.opt_bool("present")?,
            events_seen_up_to: seen_up_to(o)?,
            statistics: o.opt_obj("statistics", CustomerStatistics::from_json)?,
        })
    }
}

/// An agent (spec: "Users > Agent", and the agent of `get_predicted_agent` and greetings).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Agent {
    /// Agent id (often an e-mail).
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Avatar URL (may lack a scheme: `cdn.livechatinc.com/avatars/1.png`).
    pub avatar: Option<String>,
    /// Job title.
    pub job_title: Option<String>,
    /// Whether the agent is a bot.
    pub is_bot: bool,
    /// Whether the agent is present in the chat.
    pub present: Option<bool>,
    /// RFC 3339 time of the newest event the agent has seen.
    pub events_seen_up_to: Option<String>,
}

impl Agent {
    /// Reads an agent.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Agent {
            id: o.id("id")?,
            name: o.opt_str("name")?,
            avatar: o.opt_str("avatar")?,
            job_title: o.opt_str("job_title")?,
            is_bot: o.flag("is_bot")?,
            present: o.opt_bool("present")?,
            events_seen_up_to: seen_up_to(o)?,
        })
    }
}

/// A chat user, by `type`.
#[derive(Debug, Clone, PartialEq)]
pub enum User {
    /// `"type": "customer"` (also the default when `type` is missing and there is no `job_title`).
    Customer(Customer),
    /// `"type": "agent"` (also when `type` is missing but `job_title` is present).
    Agent(Agent),
    /// Another type (or a user that did not decode), kept raw.
    Other {
        /// The `type` field (empty when absent).
        user_type: String,
        /// The user as received.
        raw: Value,
    },
}

impl User {
    /// The user's id (`id` of the raw JSON for [`User::Other`]).
    pub fn id(&self) -> &str {
        match self {
            User::Customer(c) => &c.id,
            User::Agent(a) => &a.id,
            User::Other { raw, .. } => raw.get("id").and_then(Value::as_str).unwrap_or_default(),
        }
    }

    /// The display name, if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            User::Customer(c) => c.name.as_deref(),
            User::Agent(a) => a.name.as_deref(),
            User::Other { raw, .. } => raw.get("name").and_then(Value::as_str),
        }
    }

    /// Reads a user; never fails (what does not read is [`User::Other`]), so it
    /// returns the user itself rather than a [`Read`].
    pub fn from_json(v: &Value) -> User {
        let user_type = v.get("type").and_then(Value::as_str);
        let kind = match user_type {
            Some(t) => t,
            None if v.get("job_title").is_some() || v.get("is_bot").is_some() => "agent",
            None => "customer",
        };
        let decoded = match kind {
            "customer" => Customer::from_json(v).ok().map(User::Customer),
            "agent" => Agent::from_json(v).ok().map(User::Agent),
            _ => None,
        };
        decoded.unwrap_or_else(|| User::Other { user_type: user_type.unwrap_or_default().to_owned(), raw: v.clone() })
    }
}
