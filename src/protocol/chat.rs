//! Chats, threads and chat summaries (spec: "Other common structures > Access,
//! Chats, Chat summaries, Threads"; objects-legacy "Thread", "Chat").
//!
//! Both `properties` and the samples' misspelled `properites` are accepted.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::event::Event;
use super::lenient::{null_default, string_or_number};
use super::properties::{properties_from, Properties};
use super::user::{lenient_ids, User};

/// `access`: which groups can see the chat or thread (group 0: all agents).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Access {
    /// Group ids.
    #[serde(default, deserialize_with = "null_default")]
    pub group_ids: Vec<u32>,
}

/// `queue`: present while the chat waits for an agent.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Queue {
    /// Position in the queue (1 = next).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u64>,
    /// Approximate wait, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_time: Option<u64>,
    /// RFC 3339 time the chat was queued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<String>,
}

/// Groups and agents a chat was transferred from or to.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Transfer {
    /// Group ids.
    #[serde(default, deserialize_with = "null_default")]
    pub group_ids: Vec<u32>,
    /// Agent ids.
    #[serde(default, deserialize_with = "lenient_ids")]
    pub agent_ids: Vec<String>,
}

/// Takes `properties`, or the misspelled `properites` when `properties` is absent.
fn either_properties(properties: Option<Value>, properites: Option<Value>) -> Properties {
    properties.or(properites).map(|v| properties_from(&v)).unwrap_or_default()
}

/// A thread: one conversation session inside a chat.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Thread {
    /// Thread id.
    pub id: String,
    /// Whether the thread is still open.
    pub active: bool,
    /// Users in the thread.
    pub user_ids: Vec<String>,
    /// Events, oldest first.
    pub events: Vec<Event>,
    /// Thread properties.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: Properties,
    /// Access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Queue state, while queued.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<Queue>,
    /// The preceding thread, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_thread_id: Option<String>,
    /// The following thread, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_thread_id: Option<String>,
    /// RFC 3339 creation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Legacy `order`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order: Option<u64>,
    /// Why events are withheld (plan limits); then `events` is empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restricted_access: Option<String>,
}

impl<'de> Deserialize<'de> for Thread {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(deserialize_with = "string_or_number")]
            id: String,
            #[serde(default, deserialize_with = "null_default")]
            active: bool,
            #[serde(default, deserialize_with = "lenient_ids")]
            user_ids: Vec<String>,
            #[serde(default, deserialize_with = "null_default")]
            events: Vec<Event>,
            #[serde(default)]
            properties: Option<Value>,
            #[serde(default)]
            properites: Option<Value>,
            #[serde(default)]
            access: Option<Access>,
            #[serde(default)]
            queue: Option<Queue>,
            #[serde(default)]
            previous_thread_id: Option<String>,
            #[serde(default)]
            next_thread_id: Option<String>,
            #[serde(default)]
            created_at: Option<String>,
            #[serde(default)]
            order: Option<u64>,
            #[serde(default)]
            restricted_access: Option<String>,
        }
        let r = Raw::deserialize(d)?;
        Ok(Thread {
            id: r.id,
            active: r.active,
            user_ids: r.user_ids,
            events: r.events,
            properties: either_properties(r.properties, r.properites),
            access: r.access,
            queue: r.queue,
            previous_thread_id: r.previous_thread_id,
            next_thread_id: r.next_thread_id,
            created_at: r.created_at,
            order: r.order,
            restricted_access: r.restricted_access,
        })
    }
}

/// A chat with its users and one thread (`get_chat`, `incoming_chat`) or several (`threads`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Chat {
    /// Chat id.
    pub id: String,
    /// Users of the chat.
    pub users: Vec<User>,
    /// The single `thread` of `get_chat` / `incoming_chat`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thread: Option<Thread>,
    /// The `threads` array of the Chat data structure.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub threads: Vec<Thread>,
    /// Chat properties.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: Properties,
    /// Access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
}

impl Chat {
    /// Every thread carried, `threads` first then `thread`.
    pub fn all_threads(&self) -> impl Iterator<Item = &Thread> {
        self.threads.iter().chain(self.thread.iter())
    }

    /// The newest thread carried: `thread`, else the last of `threads`.
    pub fn latest_thread(&self) -> Option<&Thread> {
        self.thread.as_ref().or_else(|| self.threads.last())
    }
}

impl<'de> Deserialize<'de> for Chat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(deserialize_with = "string_or_number")]
            id: String,
            #[serde(default, deserialize_with = "null_default")]
            users: Vec<User>,
            #[serde(default)]
            thread: Option<Thread>,
            #[serde(default, deserialize_with = "null_default")]
            threads: Vec<Thread>,
            #[serde(default)]
            properties: Option<Value>,
            #[serde(default)]
            properites: Option<Value>,
            #[serde(default)]
            access: Option<Access>,
        }
        let r = Raw::deserialize(d)?;
        Ok(Chat {
            id: r.id,
            users: r.users,
            thread: r.thread,
            threads: r.threads,
            properties: either_properties(r.properties, r.properites),
            access: r.access,
        })
    }
}

/// One entry of a chat summary's `last_event_per_type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LastEvent {
    /// Thread of the event.
    #[serde(default, deserialize_with = "null_default")]
    pub thread_id: String,
    /// Order of that thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_order: Option<u64>,
    /// RFC 3339 creation time of that thread.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_created_at: Option<String>,
    /// The event.
    pub event: Event,
}

/// A chat summary (`list_chats`).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ChatSummary {
    /// Chat id.
    pub id: String,
    /// Id of the newest thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_thread_id: Option<String>,
    /// RFC 3339 creation time of the newest thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_thread_created_at: Option<String>,
    /// The newest thread without events (visibility-era data structures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_thread_summary: Option<Thread>,
    /// Users of the chat.
    pub users: Vec<User>,
    /// The newest event of each type, keyed by event type.
    pub last_event_per_type: BTreeMap<String, LastEvent>,
    /// Chat properties.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub properties: Properties,
    /// Access.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access: Option<Access>,
    /// Whether the chat has an active thread.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

impl<'de> Deserialize<'de> for ChatSummary {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(deserialize_with = "string_or_number")]
            id: String,
            #[serde(default)]
            last_thread_id: Option<String>,
            #[serde(default)]
            last_thread_created_at: Option<String>,
            #[serde(default)]
            last_thread_summary: Option<Thread>,
            #[serde(default, deserialize_with = "null_default")]
            users: Vec<User>,
            #[serde(default, deserialize_with = "null_default")]
            last_event_per_type: BTreeMap<String, LastEvent>,
            #[serde(default)]
            properties: Option<Value>,
            #[serde(default)]
            properites: Option<Value>,
            #[serde(default)]
            access: Option<Access>,
            #[serde(default)]
            active: Option<bool>,
        }
        let r = Raw::deserialize(d)?;
        Ok(ChatSummary {
            id: r.id,
            last_thread_id: r.last_thread_id,
            last_thread_created_at: r.last_thread_created_at,
            last_thread_summary: r.last_thread_summary,
            users: r.users,
            last_event_per_type: r.last_event_per_type,
            properties: either_properties(r.properties, r.properites),
            access: r.access,
            active: r.active,
        })
    }
}
