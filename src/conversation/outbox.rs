//! The customer's events the server has not confirmed, and those whose sending
//! failed for good, as one type with what storage last received of them.
//!
//! An event is kept until the server confirms it (by `send_event`'s `event_id`,
//! an echo with the same `custom_id`, or the history after a reconnect), so a
//! connection lost between send and response never loses nor doubles a message.
//! Stored across reloads as `[{custom_id, event, failed}]`.

use serde_json::{Map, Value};

use crate::chat::Timeline;
use crate::protocol::{Event, NewEvent, VecSet};

/// One customer event as kept in storage across reloads.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredEntry {
    /// The event's `custom_id`.
    pub custom_id: String,
    /// The event as it will be sent.
    pub event: NewEvent,
    /// Sending failed for good: shown with retry and remove, not sent by itself.
    pub failed: bool,
}

impl StoredEntry {
    /// The entry as stored (`failed` only when set).
    pub fn to_value(&self) -> Value {
        let mut map = Map::new();
        map.insert("custom_id".into(), Value::String(self.custom_id.clone()));
        map.insert("event".into(), self.event.to_value());
        if self.failed {
            map.insert("failed".into(), Value::Bool(true));
        }
        Value::Object(map)
    }

    /// Reads a stored entry; `None` for anything that is not one.
    pub fn from_json(v: &Value) -> Option<StoredEntry> {
        let custom_id = v.get("custom_id")?.as_str()?.to_owned();
        let event = NewEvent::from_json(v.get("event")?).ok()?;
        let failed = match v.get("failed") {
            None => false,
            Some(f) => f.as_bool()?,
        };
        Some(StoredEntry { custom_id, event, failed })
    }
}

/// Reads a stored outbox, skipping entries that do not decode (storage written
/// by another version, or tampered with).
pub fn parse_stored(text: &str) -> Vec<StoredEntry> {
    let Ok(Value::Array(items)) = crate::json::parse(text) else { return Vec::new() };
    items.iter().filter_map(StoredEntry::from_json).collect()
}

/// Unconfirmed outgoing events by `custom_id` (oldest first), which of them a
/// request carries, the ones that failed for good, and what storage holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outbox {
    pending: Vec<(String, NewEvent)>,
    in_flight: VecSet<String>,
    /// Failed for good, in the order they failed.
    failed: Vec<(String, NewEvent)>,
    /// Which events (by `custom_id`, and whether failed) storage last received;
    /// `None` until the first write (or when storage holds something else).
    persisted: Option<Vec<(String, bool)>>,
}

impl Outbox {
    /// Adds an event to send (its `custom_id` must be set).
    pub fn push(&mut self, custom_id: String, event: NewEvent) {
        if !self.contains(&custom_id) {
            self.pending.push((custom_id, event));
        }
    }

    /// Whether this `custom_id` is unconfirmed.
    pub fn contains(&self, custom_id: &str) -> bool {
        self.pending.iter().any(|(c, _)| c == custom_id)
    }

    /// The unconfirmed event with this `custom_id`.
    pub fn get(&self, custom_id: &str) -> Option<&NewEvent> {
        self.pending.iter().find(|(c, _)| c == custom_id).map(|(_, e)| e)
    }

    /// The server has it: forget it.
    pub fn confirm(&mut self, custom_id: &str) {
        self.pending.retain(|(c, _)| c != custom_id);
        self.in_flight.remove(custom_id);
    }

    /// Marks a request carrying it as sent, or as no longer under way.
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
        self.pending.iter().filter(|(c, _)| !self.in_flight.contains(c)).cloned().collect()
    }

    /// Every unconfirmed event, oldest first.
    pub fn entries(&self) -> impl Iterator<Item = &(String, NewEvent)> {
        self.pending.iter()
    }

    /// Number of unconfirmed events.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether everything is confirmed.
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Sending it failed for good: it leaves the queue and waits for a retry or removal.
    pub fn fail(&mut self, custom_id: &str) {
        if let Some(event) = self.get(custom_id).cloned() {
            self.keep_failed(custom_id.to_owned(), event);
        }
        self.confirm(custom_id);
    }

    /// Keeps `event` as failed for good (replacing an earlier one with its `custom_id`).
    fn keep_failed(&mut self, custom_id: String, event: NewEvent) {
        self.take_failed(&custom_id);
        self.failed.push((custom_id, event));
    }

    /// Forgets the failed event with this `custom_id`, returning it.
    pub fn take_failed(&mut self, custom_id: &str) -> Option<NewEvent> {
        let i = self.failed.iter().position(|(c, _)| c == custom_id)?;
        Some(self.failed.remove(i).1)
    }

    /// Takes a stored entry back (after a reload).
    pub fn restore(&mut self, entry: StoredEntry) {
        if entry.failed {
            self.keep_failed(entry.custom_id, entry.event);
        } else {
            self.push(entry.custom_id, entry.event);
        }
    }

    /// Storage already holds `stored`: no rewrite is needed until something changes.
    /// Anything else there (junk, another version's shape) is replaced at the next write.
    pub fn loaded_from(&mut self, stored: &str, timeline: &Timeline<Event>) {
        self.persisted = (self.stored(timeline) == stored).then(|| self.ids());
    }

    /// The stored text, when it differs from what storage last received. Runs
    /// after every input, so the check is on the ids alone: the timeline is
    /// walked and the JSON built only when an event joined or left.
    pub fn take_store(&mut self, timeline: &Timeline<Event>) -> Option<String> {
        let ids = self.ids();
        if self.persisted.as_ref() == Some(&ids) {
            return None;
        }
        let value = self.stored(timeline);
        self.persisted = Some(ids);
        Some(value)
    }

    /// The pending `custom_id`s in order, then the failed ones in the order
    /// they failed, each with whether it failed.
    fn ids(&self) -> Vec<(String, bool)> {
        let failed = self.failed.iter().map(|(c, _)| (c.clone(), true));
        self.pending.iter().map(|(c, _)| (c.clone(), false)).chain(failed).collect()
    }

    /// The pending and failed events as stored, in timeline order; anything
    /// the timeline no longer shows (a chat switch) is still kept.
    fn stored(&self, timeline: &Timeline<Event>) -> String {
        let entry = |custom_id: &String| {
            let (event, failed) = match (self.get(custom_id), self.failed.iter().find(|(c, _)| c == custom_id)) {
                (Some(event), _) => (event, false),
                (None, Some((_, event))) => (event, true),
                (None, None) => return None,
            };
            Some(StoredEntry { custom_id: custom_id.clone(), event: event.clone(), failed })
        };
        let mut entries: Vec<StoredEntry> =
            timeline.entries().iter().filter_map(|e| e.custom_id.as_ref().and_then(entry)).collect();
        for (custom_id, _) in &self.pending {
            if !entries.iter().any(|e| e.custom_id == *custom_id) {
                entries.extend(entry(custom_id));
            }
        }
        Value::Array(entries.iter().map(StoredEntry::to_value).collect()).to_string()
    }
}
