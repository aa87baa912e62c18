//! The ordered, deduplicated list of a chat's events.
//!
//! An event can reach the widget several times: the customer's own message is
//! shown before the server knows it (by `custom_id`), then confirmed by the
//! `send_event` response (`event_id`), echoed by `incoming_event`, and seen again
//! in `get_chat`/`list_threads` after a reconnect. It must show once, in order.
//! The timeline is generic over the event payload: it only cares about identity
//! (event id, `custom_id`) and order (`created_at`, then arrival).

use std::collections::HashMap;
use std::rc::Rc;

/// Delivery state of an entry, as the UI shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// Sent by the customer, not yet confirmed by the server.
    Pending,
    /// Known to the server (confirmed, or received from it).
    Sent,
    /// The send failed; the UI offers retry or removal.
    Failed,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<E> {
    /// Server event id, once known.
    pub event_id: Option<String>,
    /// The client-chosen `custom_id`, if any.
    pub custom_id: Option<String>,
    /// The thread the event belongs to, once known.
    pub thread_id: Option<String>,
    /// RFC 3339 creation time from the server; `None` while pending.
    pub created_at: Option<String>,
    /// Arrival order, the tie-breaker for equal or missing `created_at`.
    pub seq: u64,
    /// Delivery state.
    pub delivery: Delivery,
    /// The event itself.
    pub event: E,
}

impl<E> Entry<E> {
    /// A stable key for keyed rendering: the `custom_id` when the customer sent
    /// it (so the row does not re-mount when the server confirms it), else the event id.
    pub fn key(&self) -> String {
        match (&self.custom_id, &self.event_id) {
            (Some(c), _) => format!("c:{c}"),
            (None, Some(id)) => format!("e:{id}"),
            (None, None) => format!("s:{}", self.seq),
        }
    }

    fn sort_key(&self) -> (bool, &str, u64) {
        sort_key(self.created_at.as_deref(), self.seq)
    }

    fn position(&self) -> Position {
        Position { created_at: self.created_at.clone(), seq: self.seq }
    }
}

/// Where an entry sorts: pending entries (no `created_at`) after every
/// server-timed entry, then by arrival. Unique, since `seq` is.
fn sort_key(created_at: Option<&str>, seq: u64) -> (bool, &str, u64) {
    match created_at {
        Some(t) => (false, t, seq),
        None => (true, "", seq),
    }
}

/// An entry's sort key, kept in the id indexes so that an id is found by
/// binary search instead of a walk over the whole timeline.
#[derive(Debug, Clone, PartialEq)]
struct Position {
    created_at: Option<String>,
    seq: u64,
}

impl Position {
    fn key(&self) -> (bool, &str, u64) {
        sort_key(self.created_at.as_deref(), self.seq)
    }
}

/// An event from the server to merge into the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming<E> {
    /// Server event id (`None` only for malformed legacy events).
    pub event_id: Option<String>,
    /// The echoed `custom_id`, if any.
    pub custom_id: Option<String>,
    /// The thread it belongs to.
    pub thread_id: Option<String>,
    /// RFC 3339 creation time.
    pub created_at: Option<String>,
    /// The event.
    pub event: E,
}

/// What [`Timeline::merge`] did with an incoming event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merged {
    /// A new entry was inserted.
    Inserted,
    /// An existing entry (same event id or `custom_id`) was updated in place.
    Updated,
}

/// Events of one chat, ordered by `created_at` then arrival, each shown once.
///
/// Entries are shared (`Rc`): a snapshot of the timeline for the UI is a copy
/// of pointers, and changing an entry copies only that entry while a snapshot
/// holds it (`Rc::make_mut`).
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline<E> {
    entries: Vec<Rc<Entry<E>>>,
    /// Every event id seen, with where its entry sorts.
    event_ids: HashMap<String, Position>,
    /// Every `custom_id` present, with where its entry sorts.
    custom_ids: HashMap<String, Position>,
    next_seq: u64,
}

impl<E> Default for Timeline<E> {
    fn default() -> Self {
        Timeline { entries: Vec::new(), event_ids: HashMap::new(), custom_ids: HashMap::new(), next_seq: 0 }
    }
}

impl<E: Clone> Timeline<E> {
    /// The entries in display order.
    pub fn entries(&self) -> &[Rc<Entry<E>>] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the timeline is empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Whether an event with this id is present.
    pub fn contains_event(&self, event_id: &str) -> bool {
        self.event_ids.contains_key(event_id)
    }

    /// Whether an entry with this `custom_id` is present.
    pub fn contains_custom_id(&self, custom_id: &str) -> bool {
        self.custom_ids.contains_key(custom_id)
    }

    /// The entry with this `custom_id`.
    pub fn by_custom_id(&self, custom_id: &str) -> Option<&Entry<E>> {
        self.position_of(None, Some(custom_id)).map(|i| &*self.entries[i])
    }

    /// The entry with this event id.
    pub fn by_event_id(&self, event_id: &str) -> Option<&Entry<E>> {
        self.position_of(Some(event_id), None).map(|i| &*self.entries[i])
    }

    /// The entry with this [`Entry::key`] (`c:<custom_id>`, `e:<event id>` or `s:<seq>`).
    pub fn by_key(&self, key: &str) -> Option<&Entry<E>> {
        if let Some(custom_id) = key.strip_prefix("c:") {
            return self.by_custom_id(custom_id);
        }
        if let Some(event_id) = key.strip_prefix("e:") {
            return self.by_event_id(event_id).filter(|e| e.custom_id.is_none());
        }
        let seq: u64 = key.strip_prefix("s:")?.parse().ok()?;
        self.entries.iter().rev().map(|e| &**e).find(|e| e.seq == seq && e.custom_id.is_none() && e.event_id.is_none())
    }

    /// Adds an event the customer is sending, shown at once as pending.
    /// A second call with the same `custom_id` (a retry) marks it pending again.
    pub fn push_local(&mut self, custom_id: String, event: E) {
        if let Some(i) = self.position_of(None, Some(&custom_id)) {
            Rc::make_mut(&mut self.entries[i]).delivery = Delivery::Pending;
            return;
        }
        let seq = self.bump();
        self.custom_ids.insert(custom_id.clone(), Position { created_at: None, seq });
        let entry = Entry {
            event_id: None,
            custom_id: Some(custom_id),
            thread_id: None,
            created_at: None,
            seq,
            delivery: Delivery::Pending,
            event,
        };
        self.insert_sorted(Rc::new(entry));
    }

    /// Merges an event from the server: an echo of a local event (same
    /// `custom_id`) or a repeat (same event id) updates the existing entry;
    /// anything else is inserted in order.
    pub fn merge(&mut self, incoming: Incoming<E>) -> Merged {
        let Incoming { event_id, custom_id, thread_id, created_at, event } = incoming;
        if let Some(i) = self.position_of(event_id.as_deref(), custom_id.as_deref()) {
            let moves = created_at.is_some() && created_at != self.entries[i].created_at;
            let entry = Rc::make_mut(&mut self.entries[i]);
            if let Some(id) = event_id {
                entry.event_id = Some(id);
            }
            if thread_id.is_some() {
                entry.thread_id = thread_id;
            }
            if created_at.is_some() {
                entry.created_at = created_at;
            }
            entry.delivery = Delivery::Sent;
            entry.event = event;
            // Only a changed creation time moves the entry (a repeat or an echo
            // usually keeps its place, so a long history is not shifted for it).
            let (ids, position) = ((entry.event_id.clone(), entry.custom_id.clone()), entry.position());
            self.index(&ids.0, &ids.1, position);
            if moves {
                let entry = self.entries.remove(i);
                self.insert_sorted(entry);
            }
            return Merged::Updated;
        }
        let seq = self.bump();
        let position = Position { created_at: created_at.clone(), seq };
        self.index(&event_id, &custom_id, position);
        self.insert_sorted(Rc::new(Entry {
            event_id,
            custom_id,
            thread_id,
            created_at,
            seq,
            delivery: Delivery::Sent,
            event,
        }));
        Merged::Inserted
    }

    /// The server accepted a local event (`send_event` answered `event_id`).
    /// Returns false when no entry has this `custom_id`.
    pub fn confirm(&mut self, custom_id: &str, event_id: Option<String>, thread_id: Option<String>) -> bool {
        let Some(i) = self.position_of(None, Some(custom_id)) else { return false };
        let entry = Rc::make_mut(&mut self.entries[i]);
        entry.delivery = Delivery::Sent;
        if entry.thread_id.is_none() {
            entry.thread_id = thread_id;
        }
        if let (None, Some(id)) = (&entry.event_id, event_id) {
            entry.event_id = Some(id.clone());
            let position = entry.position();
            self.event_ids.insert(id, position);
        }
        true
    }

    /// A local event could not be sent. Confirmed entries are never downgraded.
    pub fn fail(&mut self, custom_id: &str) -> bool {
        let Some(i) = self.position_of(None, Some(custom_id)) else { return false };
        if self.entries[i].delivery == Delivery::Pending {
            Rc::make_mut(&mut self.entries[i]).delivery = Delivery::Failed;
        }
        true
    }

    /// Removes a local entry that failed (the customer chose "remove").
    pub fn remove_failed(&mut self, custom_id: &str) -> Option<E> {
        let i = self.position_of(None, Some(custom_id))?;
        if self.entries[i].delivery != Delivery::Failed {
            return None;
        }
        self.custom_ids.remove(custom_id);
        Some(Rc::unwrap_or_clone(self.entries.remove(i)).event)
    }

    /// Mutable access to the event with this id (for property updates).
    pub fn event_mut(&mut self, event_id: &str) -> Option<&mut E> {
        let i = self.position_of(Some(event_id), None)?;
        Some(&mut Rc::make_mut(&mut self.entries[i]).event)
    }

    /// Entries still pending or failed, oldest first (what an outbox must resend).
    pub fn unsent(&self) -> impl Iterator<Item = &Entry<E>> {
        self.entries.iter().map(|e| &**e).filter(|e| e.delivery != Delivery::Sent)
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        *self = Timeline { next_seq: self.next_seq, ..Timeline::default() };
    }

    fn bump(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// Records where the entry with these ids sorts.
    fn index(&mut self, event_id: &Option<String>, custom_id: &Option<String>, position: Position) {
        if let Some(id) = event_id {
            self.event_ids.insert(id.clone(), position.clone());
        }
        if let Some(c) = custom_id {
            self.custom_ids.insert(c.clone(), position);
        }
    }

    /// The index of the latest entry with this event id or `custom_id`: a hash
    /// lookup, then a binary search by sort key (O(log n) over a long history).
    fn position_of(&self, event_id: Option<&str>, custom_id: Option<&str>) -> Option<usize> {
        let by_id = event_id.and_then(|id| Some((id, self.event_ids.get(id)?)));
        let by_custom = custom_id.and_then(|c| Some((c, self.custom_ids.get(c)?)));
        if by_id.is_none() && by_custom.is_none() {
            return None;
        }
        let find = |position: &Position, matches: &dyn Fn(&Entry<E>) -> bool| {
            let key = position.key();
            let i = self.entries.partition_point(|e| e.sort_key() < key);
            match self.entries.get(i) {
                Some(e) if matches(e) => Some(i),
                // The id moved to another entry (an event id reused by an echo): walk.
                _ => self.entries.iter().rposition(|e| matches(e)),
            }
        };
        let id_at = by_id.and_then(|(id, p)| find(p, &|e| e.event_id.as_deref() == Some(id)));
        let custom_at = by_custom.and_then(|(c, p)| find(p, &|e| e.custom_id.as_deref() == Some(c)));
        // Both may match different entries: the later one wins, as the walk from the end did.
        id_at.max(custom_at)
    }

    fn insert_sorted(&mut self, entry: Rc<Entry<E>>) {
        let key = entry.sort_key();
        // Appending is the common case; history and late echoes take the search.
        let at = match self.entries.last() {
            Some(last) if last.sort_key() > key => self.entries.partition_point(|e| e.sort_key() <= key),
            _ => self.entries.len(),
        };
        self.entries.insert(at, entry);
    }
}
