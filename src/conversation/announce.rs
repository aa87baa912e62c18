//! What the host page's JS API hears (`LiveChatWidget.on`): each event of the
//! chat announced once as `new_event`, greetings appearing and going, forms
//! submitted, postbacks.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use crate::chat::ChatState;
use crate::protocol::time::rfc3339_to_unix_ms;
use crate::protocol::{Event, Greeting};

use super::host_api::{Author, GreetingRef, HostEvent, NewEventData};

/// The queue of host events and the ids already announced.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Announcer {
    events: VecDeque<HostEvent>,
    /// `custom_id`s and event ids already announced as `new_event`.
    // A B-tree: it grows with every event of the chat (O(log n) inserts).
    announced: BTreeSet<String>,
    /// Greetings by their event's id (a postback on a greeting's card names it).
    greetings: BTreeMap<String, GreetingRef>,
}

impl Announcer {
    /// Queues an event for the host page.
    pub(crate) fn push(&mut self, event: HostEvent) {
        self.events.push_back(event);
    }

    /// The next event for the host page.
    pub(crate) fn poll(&mut self) -> Option<HostEvent> {
        self.events.pop_front()
    }

    /// The customer's event `custom_id` was accepted: announced once.
    pub(crate) fn accepted(&mut self, state: &ChatState, custom_id: &str, event_id: Option<String>, now_ms: u64) {
        let (Some(entry), Some(customer)) = (state.timeline.by_custom_id(custom_id), state.customer_id()) else {
            return;
        };
        let kind = entry.event.body.event_type().to_owned();
        if self.announced.insert(custom_id.to_owned()) {
            self.announced.extend(event_id);
            let author = Author { id: customer.to_owned(), kind: "customer" };
            self.push(HostEvent::NewEvent(NewEventData { timestamp: now_ms, kind, author, greeting: None }));
        }
    }

    /// An `incoming_event` of the current chat, before it is merged: announced
    /// unless the timeline already has it (a repeat after reconnect) or it was
    /// announced before.
    pub(crate) fn pushed(&mut self, state: &ChatState, event: &Event, now_ms: u64) {
        let timeline = &state.timeline;
        if !event.id.is_empty() && timeline.contains_event(&event.id) {
            return;
        }
        // The customer's own event is known by its custom_id (pending, or announced when accepted).
        let key = match &event.custom_id {
            Some(custom_id) if timeline.contains_custom_id(custom_id) || self.announced.contains(custom_id) => {
                custom_id.clone()
            }
            _ if !event.id.is_empty() => event.id.clone(),
            _ => return,
        };
        if !self.announced.insert(key) {
            return;
        }
        let author_id = event.author_id.clone().unwrap_or_default();
        let by_customer = state.customer_id() == Some(author_id.as_str());
        self.push(HostEvent::NewEvent(NewEventData {
            timestamp: event.created_at.as_deref().and_then(rfc3339_to_unix_ms).unwrap_or(now_ms),
            kind: event.body.event_type().to_owned(),
            author: Author { id: author_id, kind: if by_customer { "customer" } else { "agent" } },
            greeting: None,
        }));
    }

    /// A greeting arrived (`incoming_greeting`): its event is announced as
    /// `new_event` naming the greeting, once per display.
    pub(crate) fn greeting_arrived(&mut self, greeting: &Greeting, now_ms: u64) {
        let Some(event) = self.remember_greeting(greeting) else { return };
        if !self.announced.insert(format!("greeting:{}", greeting.unique_id)) {
            return;
        }
        self.push(HostEvent::NewEvent(NewEventData {
            timestamp: event.created_at.as_deref().and_then(rfc3339_to_unix_ms).unwrap_or(now_ms),
            kind: event.body.event_type().to_owned(),
            author: Author {
                id: greeting.agent.as_ref().map(|a| a.id.clone()).or(event.author_id.clone()).unwrap_or_default(),
                kind: "agent",
            },
            greeting: Some(GreetingRef { id: greeting.id, unique_id: greeting.unique_id.clone() }),
        }));
    }

    /// Keeps which greeting `greeting`'s event belongs to; returns the event.
    pub(crate) fn remember_greeting<'g>(&mut self, greeting: &'g Greeting) -> Option<&'g Event> {
        let event = greeting.event.as_ref()?;
        let named = GreetingRef { id: greeting.id, unique_id: greeting.unique_id.clone() };
        if !event.id.is_empty() {
            self.greetings.insert(event.id.clone(), named);
        }
        Some(event)
    }

    /// The greeting whose content is the event `event_id`, if any.
    pub(crate) fn greeting_of(&self, event_id: &str) -> Option<GreetingRef> {
        self.greetings.get(event_id).cloned()
    }

    /// `greeting_hidden` / `greeting_displayed` when the greeting on screen changed.
    pub(crate) fn greeting_changed(&mut self, before: Option<GreetingRef>, after: Option<GreetingRef>) {
        if before == after {
            return;
        }
        self.events.extend(before.map(HostEvent::GreetingHidden));
        self.events.extend(after.map(HostEvent::GreetingDisplayed));
    }
}

/// The greeting on screen as the JS API names it.
pub(crate) fn greeting_ref(state: &ChatState) -> Option<GreetingRef> {
    state.greeting.as_ref().map(|g| GreetingRef { id: g.id, unique_id: g.unique_id.clone() })
}
