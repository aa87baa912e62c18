//! Chats, threads and chat summaries (spec: "Other common structures > Access,
//! Chats, Chat summaries, Threads"; objects-legacy "Thread", "Chat").
//!
//! Both `properties` and the samples' misspelled `properites` are accepted.

use serde_json::Value;

use super::event::Event;
use super::lenient::ids_from;
use super::properties::Properties;
use super::read::{obj, Obj, Read};
use super::request::payload::Payload;
use super::user::User;
use super::vec_map::VecMap;

/// `access`: which groups can see the chat or thread (group 0: all agents).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Access {
    /// Group ids.
    pub group_ids: Vec<u32>,
}

impl Access {
    /// Reads `access`.
    pub fn from_json(v: &Value) -> Read<Self> {
        Ok(Access { group_ids: obj(v)?.u32_list("group_ids")? })
    }

    /// The request shape (`start_chat` / `activate_chat`).
    pub fn to_value(&self) -> Value {
        Payload::new().put("group_ids", Value::from(self.group_ids.as_slice())).done()
    }
}

/// `queue`: present while the chat waits for an agent.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Queue {
    /// Position in the queue (1 = next).
    pub position: Option<u64>,
    /// Approximate wait, in seconds.
    pub wait_time: Option<u64>,
    /// RFC 3339 time the chat was queued.
    pub queued_at: Option<String>,
}

impl Queue {
    /// Reads `queue`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Queue {
            position: o.opt_u64("position")?,
            wait_time: o.opt_u64("wait_time")?,
            queued_at: o.opt_str("queued_at")?,
        })
    }
}

/// Groups and agents a chat was transferred from or to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Transfer {
    /// Group ids.
    pub group_ids: Vec<u32>,
    /// Agent ids.
    pub agent_ids: Vec<String>,
}

impl Transfer {
    /// Reads `transferred_from` / `transferred_to`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Transfer { group_ids: o.u32_list("group_ids")?, agent_ids: ids_from(o.get("agent_ids")) })
    }
}

/// Takes `properties`, or the misspelled `properites` when `properties` is absent or `null`.
fn either_properties(o: Obj) -> Properties {
    o.opt("properties").or_else(|| o.opt("properites")).map(Properties::from_json).unwrap_or_default()
}

/// A thread: one conversation session inside a chat.
#[derive(Debug, Clone, PartialEq, Default)]
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
    pub properties: Properties,
    /// Access.
    pub access: Option<Access>,
    /// Queue state, while queued.
    pub queue: Option<Queue>,
    /// The preceding thread, if any.
    pub previous_thread_id: Option<String>,
    /// The following thread, if any.
    pub next_thread_id: Option<String>,
    /// RFC 3339 creation time.
    pub created_at: Option<String>,
    /// Legacy `order`.
    pub order: Option<u64>,
    /// Why events are withheld (plan limits); then `events` is empty.
    pub restricted_access: Option<String>,
}

impl Thread {
    /// Reads a thread; its events never fail (see [`Event::from_json`]).
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Thread {
            id: o.id("id")?,
            active: o.flag("active")?,
            user_ids: ids_from(o.get("user_ids")),
            events: o.list("events", |e| Ok(Event::from_json(e)))?,
            properties: either_properties(o),
            access: o.opt_obj("access", Access::from_json)?,
            queue: o.opt_obj("queue", Queue::from_json)?,
            previous_thread_id: o.opt_str("previous_thread_id")?,
            next_thread_id: o.opt_str("next_thread_id")?,
            created_at: o.opt_str("created_at")?,
            order: o.opt_u64("order")?,
            restricted_access: o.opt_str("restricted_access")?,
        })
    }
}

/// A chat with its users and one thread (`get_chat`, `incoming_chat`) or several (`threads`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chat {
    /// Chat id.
    pub id: String,
    /// Users of the chat.
    pub users: Vec<User>,
    /// The single `thread` of `get_chat` / `incoming_chat`.
    pub thread: Option<Thread>,
    /// The `threads` array of the Chat data structure.
    pub threads: Vec<Thread>,
    /// Chat properties.
    pub properties: Properties,
    /// Access.
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

impl Chat {
    /// Reads a chat.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(Chat {
            id: o.id("id")?,
            users: o.list("users", |u| Ok(User::from_json(u)))?,
            thread: o.opt_obj("thread", Thread::from_json)?,
            threads: o.list("threads", Thread::from_json)?,
            properties: either_properties(o),
            access: o.opt_obj("access", Access::from_json)?,
        })
    }
}

/// One entry of a chat summary's `last_event_per_type`.
#[derive(Debug, Clone, PartialEq)]
pub struct LastEvent {
    /// Thread of the event.
    pub thread_id: String,
    /// Order of that thread.
    pub thread_order: Option<u64>,
    /// RFC 3339 creation time of that thread.
    pub thread_created_at: Option<String>,
    /// The event.
    pub event: Event,
}

impl LastEvent {
    /// Reads one entry of `last_event_per_type`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(LastEvent {
            thread_id: o.text("thread_id")?,
            thread_order: o.opt_u64("thread_order")?,
            thread_created_at: o.opt_str("thread_created_at")?,
            event: Event::from_json(o.req("event")?),
        })
    }
}

/// A chat summary's `last_event_per_type`: event type to its newest event, in
/// key order, one entry per type.
pub type LastEvents = VecMap<String, LastEvent>;

/// A chat summary (`list_chats`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChatSummary {
    /// Chat id.
    pub id: String,
    /// Id of the newest thread.
    pub last_thread_id: Option<String>,
    /// RFC 3339 creation time of the newest thread.
    pub last_thread_created_at: Option<String>,
    /// The newest thread without events (visibility-era data structures).
    pub last_thread_summary: Option<Thread>,
    /// Users of the chat.
    pub users: Vec<User>,
    /// The newest event of each type, keyed by event type.
    pub last_event_per_type: LastEvents,
    /// Chat properties.
    pub properties: Properties,
    /// Access.
    pub access: Option<Access>,
    /// Whether the chat has an active thread.
    pub active: Option<bool>,
}

impl ChatSummary {
    /// Reads a chat summary.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let mut last_event_per_type = LastEvents::default();
        if let Some(per_type) = o.opt("last_event_per_type") {
            let Value::Object(m) = per_type else { return Err("last_event_per_type") };
            for (k, e) in m {
                last_event_per_type.insert(k.clone(), LastEvent::from_json(e)?);
            }
        }
        Ok(ChatSummary {
            id: o.id("id")?,
            last_thread_id: o.opt_str("last_thread_id")?,
            last_thread_created_at: o.opt_str("last_thread_created_at")?,
            last_thread_summary: o.opt_obj("last_thread_summary", Thread::from_json)?,
            users: o.list("users", |u| Ok(User::from_json(u)))?,
            last_event_per_type,
            properties: either_properties(o),
            access: o.opt_obj("access", Access::from_json)?,
            active: o.opt_bool("active")?,
        })
    }

    /// Whether the chat has an active thread (`active`, or the newest thread's own flag).
    pub fn is_active(&self) -> bool {
        self.active.or(self.last_thread_summary.as_ref().map(|t| t.active)).unwrap_or(false)
    }

    /// When its newest thread was created (RFC 3339, which sorts as text), if known.
    pub fn last_thread_created(&self) -> Option<&str> {
        self.last_thread_created_at
            .as_deref()
            .or(self.last_thread_summary.as_ref().and_then(|t| t.created_at.as_deref()))
    }

    /// The chat to show the customer among `chats`: one with an active thread, then
    /// the one whose newest thread is the most recent. The spec gives the list no
    /// order to rely on (`sort_order` only sorts, and servers may differ).
    pub fn best(chats: &[ChatSummary]) -> Option<&ChatSummary> {
        // max_by_key keeps the last of equals: reversed, the first listed wins a tie.
        chats.iter().rev().max_by_key(|c| (c.is_active(), c.last_thread_created()))
    }
}
