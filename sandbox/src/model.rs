//! The sandbox's records (licenses, customers, chats, threads, greetings) and the JSON
//! shapes the API shows them in.

use crate::content;
use crate::util::{self, now_rfc3339, parse_rfc3339};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::time::Instant;

/// Queue length a new chat starts at.
pub const QUEUE_START: u64 = 3;
/// Seconds of estimated wait per queue position.
pub const WAIT_PER_POSITION: u64 = 3;

/// A LiveChat license (account) and the data centre it lives in.
#[derive(Debug, Clone)]
pub struct License {
    /// License id.
    pub id: u64,
    /// `dal` or `fra`.
    pub region: String,
    /// Groups by id.
    pub groups: BTreeMap<u64, Group>,
}

/// A group of agents with its status and survey settings.
#[derive(Debug, Clone)]
pub struct Group {
    /// Group id (0 = all agents).
    pub id: u64,
    /// Display name.
    pub name: String,
    /// `online`, `offline` or `online_for_queue`.
    pub status: String,
    /// Whether the prechat survey is enabled.
    pub prechat: bool,
    /// Whether the postchat survey is enabled.
    pub postchat: bool,
    /// Whether the ticket form is enabled (else an offline group takes continuous chats).
    pub ticket: bool,
}

impl License {
    /// A license with the demo groups.
    pub fn new(id: u64, region: &str) -> Self {
        let mut groups = BTreeMap::new();
        for (gid, name, status) in [
            (0, "General", "online"),
            (1, "Marketing", "online"),
            (2, "Sales", "online_for_queue"),
            (3, "Night shift", "offline"),
        ] {
            groups.insert(
                gid,
                Group {
                    id: gid,
                    name: name.into(),
                    status: status.into(),
                    prechat: gid != 3,
                    postchat: true,
                    ticket: true,
                },
            );
        }
        License { id, region: region.into(), groups }
    }
}

/// An issued access token.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// Whose token it is.
    pub customer_id: String,
    /// The license it was issued for.
    pub license_id: u64,
    /// When it stops working.
    pub expires_at: Instant,
}

/// A greeting shown to a customer.
#[derive(Debug, Clone)]
pub struct Greeting {
    /// Configured greeting id.
    pub id: u64,
    /// Id of this showing.
    pub unique_id: String,
    /// Message or rich message event.
    pub event: Value,
    /// Whether the customer accepted it.
    pub accepted: bool,
}

/// A customer identity (one per accounts cookie).
#[derive(Debug, Clone, Default)]
pub struct Customer {
    /// Customer id (UUID).
    pub id: String,
    /// License the customer belongs to.
    pub license_id: u64,
    /// Optional profile fields.
    pub name: Option<String>,
    /// Optional e-mail.
    pub email: Option<String>,
    /// Optional avatar URL.
    pub avatar: Option<String>,
    /// `[{key: value}]` pairs.
    pub session_fields: Vec<Value>,
    /// Last page from login or update_customer_page.
    pub page: Option<Value>,
    /// Group from the last login.
    pub group_id: u64,
    /// Number of logins.
    pub visits: u64,
    /// Page views (customer_page updates and logins).
    pub page_views: u64,
    /// Greetings shown.
    pub greetings_shown: u64,
    /// Greetings accepted.
    pub greetings_accepted: u64,
    /// Stable id kept in customer_side_storage.
    pub visitor_id: String,
    /// The customer_side_storage map last pushed.
    pub css_sent: Option<Map<String, Value>>,
    /// What the last login sent back.
    pub css_received: Option<Value>,
    /// Result of comparing the two at the last login.
    pub css_check: String,
    /// The greeting currently displayed, if any.
    pub greeting: Option<Greeting>,
    /// Chats in creation order.
    pub chat_ids: Vec<String>,
    /// Last `mark_events_as_seen`.
    pub events_seen_up_to: Option<String>,
    /// Application info from the last login.
    pub application: Option<Value>,
    /// When the customer last logged in.
    pub last_login_at: Option<String>,
}

impl Customer {
    /// A new customer record with a fresh `visitor_id`.
    pub fn new(id: &str, license_id: u64) -> Self {
        Customer { id: id.to_string(), license_id, visitor_id: util::short_id(), ..Customer::default() }
    }
}

/// One thread of a chat.
#[derive(Debug, Clone)]
pub struct Thread {
    /// Thread id.
    pub id: String,
    /// Creation time.
    pub created_at: String,
    /// Whether the thread is open.
    pub active: bool,
    /// Users who took part.
    pub user_ids: Vec<String>,
    /// Events in order.
    pub events: Vec<Value>,
    /// Thread properties.
    pub properties: Map<String, Value>,
    /// Queue position while queued.
    pub queue: Option<Queue>,
    /// Counter for event ids.
    pub next_event: u64,
}

/// A queue position.
#[derive(Debug, Clone)]
pub struct Queue {
    /// 1 = next.
    pub position: u64,
    /// Estimated wait in seconds.
    pub wait_time: u64,
    /// When the chat was queued.
    pub queued_at: String,
}

impl Queue {
    /// A chat queued now at `position`.
    pub fn new(position: u64) -> Self {
        Queue { position, wait_time: position * WAIT_PER_POSITION, queued_at: now_rfc3339() }
    }

    /// Moves the chat to `position`, with the wait time that goes with it.
    pub fn move_to(&mut self, position: u64) {
        self.position = position;
        self.wait_time = position * WAIT_PER_POSITION;
    }

    /// The `queue` object.
    pub fn to_json(&self) -> Value {
        json!({ "position": self.position, "wait_time": self.wait_time, "queued_at": self.queued_at })
    }
}

/// A chat of one customer.
#[derive(Debug, Clone)]
pub struct Chat {
    /// Chat id.
    pub id: String,
    /// Owner.
    pub customer_id: String,
    /// Chat properties.
    pub properties: Map<String, Value>,
    /// Access object.
    pub access: Value,
    /// Threads in order.
    pub threads: Vec<Thread>,
    /// Whether the agent is a user of the chat.
    pub agent_in_chat: bool,
    /// Whether the agent is present in the current thread.
    pub agent_present: bool,
    /// Last sneak peek from the customer.
    pub sneak_peek: Option<Value>,
    /// Scripted agent progress: customer messages answered in this chat.
    pub replies: u64,
    /// Creation order.
    pub seq: u64,
}

impl Thread {
    /// A new active thread.
    pub fn new(id: String, customer_id: &str) -> Self {
        Thread {
            id,
            created_at: now_rfc3339(),
            active: true,
            user_ids: vec![customer_id.to_string()],
            events: vec![],
            properties: Map::new(),
            queue: None,
            next_event: 1,
        }
    }

    /// Assigns id and `created_at` to an event and appends it; returns the stored event.
    pub fn add_event(&mut self, mut ev: Map<String, Value>, author_id: Option<&str>) -> Value {
        let id = format!("{}_{}", self.id, self.next_event);
        self.next_event += 1;
        ev.insert("id".into(), Value::from(id));
        ev.insert("created_at".into(), Value::from(now_rfc3339()));
        if let Some(a) = author_id {
            ev.insert("author_id".into(), Value::from(a));
            if !self.user_ids.iter().any(|u| u == a) {
                self.user_ids.push(a.to_string());
            }
        }
        ev.entry("recipients").or_insert_with(|| Value::from("all"));
        let v = Value::Object(ev);
        self.events.push(v.clone());
        v
    }

    /// The Thread object (`previous_thread_id`/`next_thread_id` are filled by the chat).
    pub fn to_json(&self, access: &Value) -> Value {
        let mut t = json!({
            "id": self.id,
            "created_at": self.created_at,
            "active": self.active,
            "user_ids": self.user_ids,
            "events": self.events,
            "properties": self.properties,
            "access": access,
        });
        if let Some(q) = &self.queue {
            t["queue"] = q.to_json();
        }
        t
    }
}

impl Chat {
    /// The thread at `idx` with its neighbour ids.
    pub fn thread_json(&self, idx: usize) -> Value {
        let mut t = self.threads[idx].to_json(&self.access);
        if idx > 0 {
            t["previous_thread_id"] = Value::from(self.threads[idx - 1].id.clone());
        }
        if let Some(n) = self.threads.get(idx + 1) {
            t["next_thread_id"] = Value::from(n.id.clone());
        }
        t
    }

    /// Index of a thread by id.
    pub fn thread_index(&self, thread_id: &str) -> Option<usize> {
        self.threads.iter().position(|t| t.id == thread_id)
    }

    /// The open thread, if any.
    pub fn active_thread(&mut self) -> Option<&mut Thread> {
        self.threads.last_mut().filter(|t| t.active)
    }

    /// Whether the last thread is open.
    pub fn is_active(&self) -> bool {
        self.threads.last().is_some_and(|t| t.active)
    }

    /// The users array: the customer and, once joined, the agent.
    pub fn users_json(&self, customer: Option<&Customer>, customer_present: bool, avatar: &str) -> Value {
        let mut users = vec![match customer {
            Some(c) => customer_user_json(c, customer_present),
            None => {
                json!({ "id": self.customer_id, "type": "customer", "present": customer_present })
            }
        }];
        if self.agent_in_chat {
            users.push(content::agent_user(self.agent_present && self.is_active(), avatar));
        }
        Value::Array(users)
    }

    /// The Chat object with one thread (get_chat, incoming_chat).
    pub fn chat_json(
        &self,
        thread_idx: Option<usize>,
        customer: Option<&Customer>,
        present: bool,
        avatar: &str,
    ) -> Value {
        let mut c = json!({
            "id": self.id,
            "users": self.users_json(customer, present, avatar),
            "properties": self.properties,
            "access": self.access,
        });
        if let Some(i) = thread_idx {
            c["thread"] = self.thread_json(i);
        }
        c
    }

    /// The Chat summary object (list_chats).
    pub fn summary_json(&self, customer: Option<&Customer>, present: bool, avatar: &str) -> Value {
        let mut last_per_type = Map::new();
        for (order, t) in self.threads.iter().enumerate() {
            for e in &t.events {
                if let Some(ty) = e.get("type").and_then(Value::as_str) {
                    last_per_type.insert(
                        ty.to_string(),
                        json!({ "thread_id": t.id, "thread_order": order + 1, "thread_created_at": t.created_at, "event": e }),
                    );
                }
            }
        }
        let last = self.threads.last();
        json!({
            "id": self.id,
            "last_thread_id": last.map(|t| t.id.clone()),
            "last_thread_created_at": last.map(|t| t.created_at.clone()),
            "last_event_per_type": last_per_type,
            "users": self.users_json(customer, present, avatar),
            "access": self.access,
            "properties": self.properties,
            "active": self.is_active(),
        })
    }

    /// Whether there are events after `seen` (RFC 3339) not written by the customer.
    pub fn has_unread(&self, seen: Option<&str>) -> bool {
        let seen_us = seen.and_then(parse_rfc3339).unwrap_or(i64::MIN);
        self.threads.iter().flat_map(|t| &t.events).any(|e| {
            e.get("author_id").and_then(Value::as_str) != Some(self.customer_id.as_str())
                && e.get("created_at").and_then(Value::as_str).and_then(parse_rfc3339).unwrap_or(0) > seen_us
        })
    }
}

/// The User > Customer object.
pub fn customer_user_json(c: &Customer, present: bool) -> Value {
    let mut u = customer_profile_json(c);
    u["present"] = Value::Bool(present);
    if let Some(s) = &c.events_seen_up_to {
        u["events_seen_up_to"] = Value::from(s.clone());
    }
    u
}

/// id, type and the profile fields that are set (get_customer, customer_updated).
pub fn customer_profile_json(c: &Customer) -> Value {
    let mut u = json!({ "id": c.id, "type": "customer" });
    if let Some(n) = &c.name {
        u["name"] = Value::from(n.clone());
    }
    if let Some(n) = &c.email {
        u["email"] = Value::from(n.clone());
    }
    if let Some(n) = &c.avatar {
        u["avatar"] = Value::from(n.clone());
    }
    if !c.session_fields.is_empty() {
        u["session_fields"] = Value::from(c.session_fields.clone());
    }
    u
}
