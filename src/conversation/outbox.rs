//! Customer events not yet confirmed by the server, in the order they were sent.
//!
//! Kept until the server confirms each one (by `send_event`'s `event_id`, an
//! echo with the same `custom_id`, or the history after a reconnect), so a
//! connection lost between send and response never loses nor doubles a message.

use serde::Deserialize;
use serde_json::{Map, Value};

use crate::protocol::{NewEvent, VecSet};

/// One customer event as kept in storage across reloads (`[{custom_id, event, failed}]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct StoredEntry {
    /// The event's `custom_id`.
    pub custom_id: String,
    /// The event as it will be sent.
    pub event: NewEvent,
    /// Sending failed for good: shown with retry and remove, not sent by itself.
    #[serde(default)]
    pub failed: bool,
}

impl StoredEntry {
    /// The entry as stored (`failed` only when set). Built as a [`Value`] with
    /// [`NewEvent::to_value`], the one serializer of events, rather than derived.
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("custom_id".into(), Value::String(self.custom_id.clone()));
        map.insert("event".into(), self.event.to_value());
        if self.failed {
            map.insert("failed".into(), Value::Bool(true));
        }
        Value::Object(map)
    }
}

/// Reads a stored outbox, skipping entries that do not decode (storage written
/// by another version, or tampered with).
pub fn parse_stored(text: &str) -> Vec<StoredEntry> {
    let Ok(Value::Array(items)) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    items.into_iter().filter_map(|item| serde_json::from_value(item).ok()).collect()
}

/// Unconfirmed outgoing events by `custom_id`, oldest first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outbox {
    items: Vec<(String, NewEvent)>,
    in_flight: VecSet<String>,
}

impl Outbox {
    /// Adds an event (its `custom_id` must be set).
    pub fn push(&mut self, custom_id: String, event: NewEvent) {
        if !self.contains(&custom_id) {
            self.items.push((custom_id, event));
        }
    }

    /// Whether this `custom_id` is unconfirmed.
    pub fn contains(&self, custom_id: &str) -> bool {
        self.items.iter().any(|(c, _)| c == custom_id)
    }

    /// The event with this `custom_id`.
    pub fn get(&self, custom_id: &str) -> Option<&NewEvent> {
        self.items.iter().find(|(c, _)| c == custom_id).map(|(_, e)| e)
    }

    /// The server has it: forget it.
    pub fn confirm(&mut self, custom_id: &str) {
        self.items.retain(|(c, _)| c != custom_id);
        self.in_flight.remove(custom_id);
    }

    /// Marks a request carrying it as sent.
    pub fn set_in_flight(&mut self, custom_id: &str, in_flight: bool) {
        if in_flight {
            self.in_flight.insert(custom_id.to_owned());
        } else {
            self.in_flight.remove(custom_id);
        }
    }

    /// Whether a request carrying it is under way.
    pub fn is_in_flight(&self, custom_id: &str) -> bool {
        self.in_flight.contains(custom_id)
    }

    /// Unconfirmed events with no request under way, oldest first.
    pub fn idle(&self) -> Vec<(String, NewEvent)> {
        self.items.iter().filter(|(c, _)| !self.in_flight.contains(c)).cloned().collect()
    }

    /// Every unconfirmed event, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &(String, NewEvent)> {
        self.items.iter()
    }

    /// Number of unconfirmed events.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether everything is confirmed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}
