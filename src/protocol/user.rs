//! Users (spec: "Users > Customer", "Users > Agent"; objects-legacy "User > ...").

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::lenient::{null_default, scalar_to_string, string_map_from, string_or_number};
use super::time::timestamp_value_to_rfc3339;

/// `session_fields`: an array of single-key objects, in order.
pub type SessionFields = Vec<BTreeMap<String, String>>;

/// Reads `session_fields` leniently: non-object items are skipped, scalar values stringified.
pub fn lenient_session_fields<'de, D: Deserializer<'de>>(d: D) -> Result<SessionFields, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(items) => items.iter().filter(|v| v.is_object()).map(string_map_from).collect(),
        _ => SessionFields::new(),
    })
}

/// `customer.statistics` (login response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CustomerStatistics {
    /// Number of chats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chats_count: Option<u64>,
    /// Number of threads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads_count: Option<u64>,
    /// Number of visits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits_count: Option<u64>,
    /// Number of page views.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_views_count: Option<u64>,
    /// Greetings shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greetings_shown_count: Option<u64>,
    /// Greetings accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub greetings_accepted_count: Option<u64>,
}

/// Reads `events_seen_up_to`, or converts legacy `last_seen_timestamp`.
fn seen_up_to(events_seen_up_to: Option<String>, last_seen_timestamp: &Option<Value>) -> Option<String> {
    events_seen_up_to.or_else(|| last_seen_timestamp.as_ref().and_then(timestamp_value_to_rfc3339))
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

impl<'de> Deserialize<'de> for Customer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(deserialize_with = "string_or_number")]
            id: String,
            #[serde(default)]
            name: Option<String>,
            #[serde(default)]
            email: Option<String>,
            #[serde(default)]
            avatar: Option<String>,
            #[serde(default, deserialize_with = "lenient_session_fields")]
            session_fields: SessionFields,
            #[serde(default)]
            present: Option<bool>,
            #[serde(default)]
            events_seen_up_to: Option<String>,
            #[serde(default)]
            last_seen_timestamp: Option<Value>,
            #[serde(default)]
            statistics: Option<CustomerStatistics>,
        }
        let r = Raw::deserialize(d)?;
        Ok(Customer {
            events_seen_up_to: seen_up_to(r.events_seen_up_to, &r.last_seen_timestamp),
            id: r.id,
            name: r.name,
            email: r.email,
            avatar: r.avatar,
            session_fields: r.session_fields,
            present: r.present,
            statistics: r.statistics,
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

impl<'de> Deserialize<'de> for Agent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(deserialize_with = "string_or_number")]
            id: String,
            #[serde(default)]
            name: Option<String>,
            #[serde(default)]
            avatar: Option<String>,
            #[serde(default)]
            job_title: Option<String>,
            #[serde(default, deserialize_with = "null_default")]
            is_bot: bool,
            #[serde(default)]
            present: Option<bool>,
            #[serde(default)]
            events_seen_up_to: Option<String>,
            #[serde(default)]
            last_seen_timestamp: Option<Value>,
        }
        let r = Raw::deserialize(d)?;
        Ok(Agent {
            events_seen_up_to: seen_up_to(r.events_seen_up_to, &r.last_seen_timestamp),
            id: r.id,
            name: r.name,
            avatar: r.avatar,
            job_title: r.job_title,
            is_bot: r.is_bot,
            present: r.present,
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
        let user_type = v.get("type").and_then(Value::as_str).map(str::to_owned);
        let kind = match user_type.as_deref() {
            Some(t) => t.to_owned(),
            None if v.get("job_title").is_some() || v.get("is_bot").is_some() => "agent".to_owned(),
            None => "customer".to_owned(),
        };
        let decoded = match kind.as_str() {
            "customer" => Customer::deserialize(&v).ok().map(User::Customer),
            "agent" => Agent::deserialize(&v).ok().map(User::Agent),
            _ => None,
        };
        decoded.unwrap_or_else(|| User::Other { user_type: user_type.unwrap_or_default(), raw: v })
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
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_value().serialize(s)
    }
}

impl<'de> Deserialize<'de> for User {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(User::from_value(Value::deserialize(d)?))
    }
}

/// Keeps ids that arrive as numbers: `["a", 1]` becomes `["a", "1"]`; other items are skipped.
pub fn lenient_ids<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Array(a) => a.iter().filter_map(scalar_to_string).collect(),
        _ => Vec::new(),
    })
}
