//! Users (spec: "Users > Customer", "Users > Agent"; objects-legacy "User > ...").

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::lenient::string_map_from;
use super::read::{obj, Obj, Read};
use super::time::timestamp_value_to_rfc3339;

/// `session_fields`: an array of single-key objects, in order.
pub type SessionFields = Vec<BTreeMap<String, String>>;

/// Reads `session_fields` leniently: non-object items are skipped, scalar values
/// stringified, and anything but an array is empty.
pub fn session_fields_from(v: Option<&Value>) -> SessionFields {
    match v {
        Some(Value::Array(items)) => items.iter().filter(|v| v.is_object()).map(string_map_from).collect(),
        _ => SessionFields::new(),
    }
}

/// `customer.statistics` (login response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct CustomerStatistics {
    /// Number of chats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chats_count: Option<u64>,
    /// Number of threads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threads_count: Option<u64>,
    /// Number of visits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visits_count: Option<u64>,
    /// Number of page views.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_views_count: Option<u64>,
    /// Greetings shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greetings_shown_count: Option<u64>,
    /// Greetings accepted.
    #[serde(skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Customer {
    /// Customer id.
    pub id: String,
    /// Name, if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail, if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Avatar URL, if set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Session fields, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub session_fields: SessionFields,
    /// Whether the customer is present in the chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// RFC 3339 time of the newest event the customer has seen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events_seen_up_to: Option<String>,
    /// Counters (login response).
    #[serde(skip_serializing_if = "Option::is_none")]
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
            session_fields: session_fields_from(o.get("session_fields")),
            present: o.opt_bool("present")?,
            events_seen_up_to: seen_up_to(o)?,
            statistics: o.opt_obj("statistics", CustomerStatistics::from_json)?,
        })
    }
}

/// An agent (spec: "Users > Agent", and the agent of `get_predicted_agent` and greetings).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Agent {
    /// Agent id (often an e-mail).
    pub id: String,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Avatar URL (may lack a scheme: `cdn.livechatinc.com/avatars/1.png`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Job title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<String>,
    /// Whether the agent is a bot.
    pub is_bot: bool,
    /// Whether the agent is present in the chat.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub present: Option<bool>,
    /// RFC 3339 time of the newest event the agent has seen.
    #[serde(skip_serializing_if = "Option::is_none")]
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

    /// Decodes a user from JSON; never fails.
    pub fn from_value(v: Value) -> User {
        User::from_json(&v)
    }

    /// [`User::from_value`] of borrowed JSON.
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

    /// The wire shape, with `type`.
    pub fn to_value(&self) -> Value {
        let (t, v) = match self {
            User::Customer(c) => ("customer", serde_json::to_value(c)),
            User::Agent(a) => ("agent", serde_json::to_value(a)),
            User::Other { raw, .. } => return raw.clone(),
        };
        let mut v = v.unwrap_or(Value::Null);
        if let Value::Object(m) = &mut v {
            m.insert("type".into(), Value::String(t.into()));
        }
        v
    }
}

impl Serialize for User {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}
