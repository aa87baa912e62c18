//! What the UI reads of the conversation: one signal per slice, written by
//! whoever owns the [`Conversation`] (the browser driver, or a test's) after
//! every flush, and only when that slice changed. A keystroke that changes
//! nothing the log shows therefore re-renders nothing but the composer.
//!
//! [`Slices`] is the read side (small and `Copy`, handed to the UI);
//! [`Publisher`] the write side (kept by the owner). Neither the UI nor the
//! driver imports the other: both meet here and in the composition root.

use std::rc::Rc;

use leptos::prelude::*;

use crate::chat::{
    Availability, ChatPhase, ChatState, Entry, FormSlot, Participant, QueueStatus, RatingState, TicketStatus,
    Visibility,
};
use crate::conversation::Conversation;
use crate::protocol::{Event, Greeting, VecMap};
use crate::session::ConnectionStatus;
use crate::upload::Upload;

/// The chat's log as the UI renders it: the timeline's entries (shared, so a
/// new snapshot is a copy of pointers) and who wrote them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Log {
    /// The timeline's entries in display order.
    pub entries: Vec<Rc<Entry<Event>>>,
    /// The chat's users by id.
    pub users: VecMap<String, Participant>,
    /// The logged-in customer's id.
    pub customer_id: Option<String>,
    /// Latest `seen_up_to` of any agent.
    pub agent_seen_up_to: Option<String>,
    /// An older thread can be fetched.
    pub has_older_thread: bool,
}

impl Log {
    fn of(state: &ChatState) -> Log {
        Log {
            entries: state.timeline.entries().to_vec(),
            users: state.users.clone(),
            customer_id: state.customer_id().map(str::to_owned),
            agent_seen_up_to: state.agent_seen_up_to.clone(),
            has_older_thread: state.older_thread_id.is_some(),
        }
    }

    /// Whether `state` would publish this same log. Entries compare by pointer:
    /// an entry that changed was copied (`Rc::make_mut`) while this log held it.
    fn is_current(&self, state: &ChatState) -> bool {
        let entries = state.timeline.entries();
        self.entries.len() == entries.len()
            && self.entries.iter().zip(entries).all(|(a, b)| Rc::ptr_eq(a, b))
            && self.users == state.users
            && self.customer_id.as_deref() == state.customer_id()
            && self.agent_seen_up_to == state.agent_seen_up_to
            && self.has_older_thread == state.older_thread_id.is_some()
    }
}

/// The prechat, postchat and ticket forms.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Forms {
    /// The prechat form.
    pub prechat: FormSlot,
    /// The postchat form.
    pub postchat: FormSlot,
    /// The ticket form (nobody online).
    pub ticket: FormSlot,
    /// Where the visitor's ticket stands.
    pub ticket_status: TicketStatus,
    /// Nobody online and no ticket form: the chat takes the message (continuous).
    pub continuous: bool,
}

/// A slice's signal on the write side: reference-counted rather than in the
/// reactive arena, so the publisher reads and writes it without an arena lookup
/// (instantiated for every slice's type, those lookups were 13 KB of wasm).
type Slice<T> = ArcRwSignal<T>;

/// The read side of `slice`, in the current owner's arena.
fn read<T: 'static>(slice: &Slice<T>) -> ReadSignal<T, LocalStorage> {
    ReadSignal::from_local(slice.read_only())
}

/// The read side: one signal per slice. Small and `Copy`; nothing here writes.
#[derive(Debug, Clone, Copy)]
pub struct Slices {
    /// The log (events, authors, seen marks).
    pub log: ReadSignal<Log, LocalStorage>,
    /// The connection status, for the banner and the composer.
    pub status: ReadSignal<ConnectionStatus, LocalStorage>,
    /// Where the chat stands.
    pub phase: ReadSignal<ChatPhase, LocalStorage>,
    /// Whether the customer can send into the current thread.
    pub can_send: ReadSignal<bool, LocalStorage>,
    /// The prechat and postchat forms.
    pub forms: ReadSignal<Forms, LocalStorage>,
    /// The greeting on screen.
    pub greeting: ReadSignal<Option<Greeting>, LocalStorage>,
    /// The queue position and wait (shown while [`Slices::phase`] is queued).
    pub queue: ReadSignal<Option<QueueStatus>, LocalStorage>,
    /// Events from others the visitor has not seen.
    pub unread: ReadSignal<u32, LocalStorage>,
    /// Whether agents can be reached.
    pub availability: ReadSignal<Availability, LocalStorage>,
    /// The agent present in the chat, for the header.
    pub agent: ReadSignal<Option<Participant>, LocalStorage>,
    /// The agent who would take a chat started now (`get_predicted_agent`),
    /// for the header until an agent is in the chat.
    pub predicted_agent: ReadSignal<Option<Participant>, LocalStorage>,
    /// Agents typing now.
    pub typing: ReadSignal<Vec<Participant>, LocalStorage>,
    /// Maximised, minimised or hidden.
    pub visibility: ReadSignal<Visibility, LocalStorage>,
    /// The visitor's files not yet in the chat (queued, uploading, failed).
    pub uploads: ReadSignal<Vec<Upload>, LocalStorage>,
    /// Text the host page asked the composer to start with (`maximize` with `messageDraft`).
    pub message_draft: ReadSignal<Option<String>, LocalStorage>,
    /// The current thread's rating.
    pub rating: ReadSignal<RatingState, LocalStorage>,
    /// Whether the reply sound is on.
    pub sound_on: ReadSignal<bool, LocalStorage>,
}

/// The write side, kept by the conversation's owner.
#[derive(Debug, Clone)]
pub struct Publisher {
    log: Slice<Log>,
    status: Slice<ConnectionStatus>,
    phase: Slice<ChatPhase>,
    can_send: Slice<bool>,
    forms: Slice<Forms>,
    greeting: Slice<Option<Greeting>>,
    queue: Slice<Option<QueueStatus>>,
    unread: Slice<u32>,
    availability: Slice<Availability>,
    agent: Slice<Option<Participant>>,
    predicted_agent: Slice<Option<Participant>>,
    typing: Slice<Vec<Participant>>,
    visibility: Slice<Visibility>,
    uploads: Slice<Vec<Upload>>,
    message_draft: Slice<Option<String>>,
    rating: Slice<RatingState>,
    sound_on: Slice<bool>,
}

/// Writes `value` only when it differs, so readers of an unchanged slice stay asleep.
fn set<T: PartialEq + 'static>(slice: &Slice<T>, value: T) {
    if slice.with_untracked(|current| *current != value) {
        slice.set(value);
    }
}

impl Publisher {
    /// A publisher for `conversation` as it is now, and its read side.
    pub fn new(conversation: &Conversation) -> (Publisher, Slices) {
        let state = conversation.state();
        let publisher = Publisher {
            log: ArcRwSignal::new(Log::of(state)),
            status: ArcRwSignal::new(conversation.status().clone()),
            phase: ArcRwSignal::new(state.phase),
            can_send: ArcRwSignal::new(state.can_send()),
            forms: ArcRwSignal::new(forms(state)),
            greeting: ArcRwSignal::new(state.greeting.clone()),
            queue: ArcRwSignal::new(state.queue),
            unread: ArcRwSignal::new(state.unread),
            availability: ArcRwSignal::new(state.availability),
            agent: ArcRwSignal::new(agent(state)),
            predicted_agent: ArcRwSignal::new(state.predicted_agent.clone()),
            typing: ArcRwSignal::new(state.typing_agents().cloned().collect()),
            visibility: ArcRwSignal::new(state.visibility),
            uploads: ArcRwSignal::new(conversation.uploads().to_vec()),
            message_draft: ArcRwSignal::new(state.message_draft.clone()),
            rating: ArcRwSignal::new(state.rating.clone()),
            sound_on: ArcRwSignal::new(state.sound_on),
        };
        let slices = Slices {
            log: read(&publisher.log),
            status: read(&publisher.status),
            phase: read(&publisher.phase),
            can_send: read(&publisher.can_send),
            forms: read(&publisher.forms),
            greeting: read(&publisher.greeting),
            queue: read(&publisher.queue),
            unread: read(&publisher.unread),
            availability: read(&publisher.availability),
            agent: read(&publisher.agent),
            predicted_agent: read(&publisher.predicted_agent),
            typing: read(&publisher.typing),
            visibility: read(&publisher.visibility),
            uploads: read(&publisher.uploads),
            message_draft: read(&publisher.message_draft),
            rating: read(&publisher.rating),
            sound_on: read(&publisher.sound_on),
        };
        (publisher, slices)
    }

    /// Writes every slice that changed since the last call.
    pub fn publish(&self, conversation: &Conversation) {
        let state = conversation.state();
        if !self.log.with_untracked(|log| log.is_current(state)) {
            self.log.set(Log::of(state));
        }
        set(&self.status, conversation.status().clone());
        set(&self.phase, state.phase);
        set(&self.can_send, state.can_send());
        if self.forms.with_untracked(|f| *f != forms(state)) {
            self.forms.set(forms(state));
        }
        if self.greeting.with_untracked(|g| g.as_ref() != state.greeting.as_ref()) {
            self.greeting.set(state.greeting.clone());
        }
        set(&self.queue, state.queue);
        set(&self.unread, state.unread);
        set(&self.availability, state.availability);
        set(&self.agent, agent(state));
        if self.predicted_agent.with_untracked(|p| *p != state.predicted_agent) {
            self.predicted_agent.set(state.predicted_agent.clone());
        }
        if !self.typing.with_untracked(|t| t.iter().eq(state.typing_agents())) {
            self.typing.set(state.typing_agents().cloned().collect());
        }
        set(&self.visibility, state.visibility);
        if self.uploads.with_untracked(|u| u.as_slice() != conversation.uploads()) {
            self.uploads.set(conversation.uploads().to_vec());
        }
        if self.message_draft.with_untracked(|d| *d != state.message_draft) {
            self.message_draft.set(state.message_draft.clone());
        }
        if self.rating.with_untracked(|r| *r != state.rating) {
            self.rating.set(state.rating.clone());
        }
        set(&self.sound_on, state.sound_on);
    }
}

fn forms(state: &ChatState) -> Forms {
    Forms {
        prechat: state.prechat.clone(),
        postchat: state.postchat.clone(),
        ticket: state.ticket.clone(),
        ticket_status: state.ticket_status.clone(),
        continuous: state.leaves_message_in_chat(),
    }
}

fn agent(state: &ChatState) -> Option<Participant> {
    state.users.values().find(|u| u.is_agent && u.present).cloned()
}
