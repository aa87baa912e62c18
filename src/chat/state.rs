//! What the widget shows: the customer, availability, the current chat and
//! thread, its events, its users, typing, queue, greeting, forms and unread count.
//! The reducer that updates it lives in `reducer.rs`.

use crate::protocol::{Agent, Customer, Event, Form, GetFormResponse, Greeting, Queue, User, VecMap, VecSet};

use super::rating::RatingState;
use super::ticket::TicketStatus;
use super::timeline::Timeline;

/// Whether agents can be reached in the customer's group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Availability {
    /// Not known yet (before login and group statuses).
    #[default]
    Unknown,
    /// Agents accept chats (`online`, or `online_for_queue`: the chat will be queued).
    Online,
    /// Nobody is available.
    Offline,
}

/// Whether the widget is open, minimised or hidden (`LiveChatWidget.call("hide")`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// The chat window is open.
    Maximized,
    /// Only the launcher (and a greeting) shows.
    #[default]
    Minimized,
    /// Nothing shows until `maximize` or `minimize`.
    Hidden,
}

/// Where the current chat stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChatPhase {
    /// No chat yet, or none restored.
    #[default]
    NoChat,
    /// The thread is active and waiting in the queue.
    Queued,
    /// The thread is active.
    Active,
    /// The last thread was closed (`chat_deactivated`).
    Ended,
}

/// A chat participant as the UI shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// User id.
    pub id: String,
    /// Display name (may be empty: the UI falls back to a generic label).
    pub name: Option<String>,
    /// Avatar URL as sent by the server (the UI checks its scheme before use).
    pub avatar: Option<String>,
    /// Agent's job title.
    pub job_title: Option<String>,
    /// Whether this is an agent (else the customer).
    pub is_agent: bool,
    /// Whether the user is present in the chat.
    pub present: bool,
}

impl Participant {
    /// A participant from a chat user.
    pub fn from_user(user: &User) -> Option<Participant> {
        match user {
            User::Customer(c) => Some(Participant::from_customer(c)),
            User::Agent(a) => Some(Participant::from_agent(a)),
            User::Other { .. } => None,
        }
    }

    /// A participant from an agent (also used for greeting authors).
    pub fn from_agent(a: &Agent) -> Participant {
        Participant {
            id: a.id.clone(),
            name: a.name.clone(),
            avatar: a.avatar.clone(),
            job_title: a.job_title.clone(),
            is_agent: true,
            present: a.present.unwrap_or(true),
        }
    }

    /// A participant from a customer.
    pub fn from_customer(c: &Customer) -> Participant {
        Participant {
            id: c.id.clone(),
            name: c.name.clone(),
            avatar: c.avatar.clone(),
            job_title: None,
            is_agent: false,
            present: c.present.unwrap_or(true),
        }
    }
}

/// A prechat or postchat form as fetched with `get_form`.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum FormSlot {
    /// Not fetched yet.
    #[default]
    Unknown,
    /// `enabled: false`: skip it.
    Disabled,
    /// The form to show.
    Ready(Form),
    /// The customer submitted it (or skipped it) for the current chat.
    Done,
}

impl FormSlot {
    /// The slot for a `get_form` answer; an enabled form without fields is treated as disabled.
    pub fn from_response(r: &GetFormResponse) -> FormSlot {
        match &r.form {
            Some(form) if r.enabled && !form.fields.is_empty() => FormSlot::Ready(form.clone()),
            _ => FormSlot::Disabled,
        }
    }
}

/// Queue status of the current thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueStatus {
    /// Position in the queue (1 = next).
    pub position: Option<u64>,
    /// Approximate wait in seconds.
    pub wait_time_s: Option<u64>,
}

impl From<&Queue> for QueueStatus {
    fn from(q: &Queue) -> Self {
        QueueStatus { position: q.position, wait_time_s: q.wait_time }
    }
}

/// Everything the UI renders, derived from responses and pushes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChatState {
    /// The logged-in customer.
    pub customer: Option<Customer>,
    /// Agents' availability in the customer's group.
    pub availability: Availability,
    /// The group the widget serves (from config; changed by a group_chooser answer).
    pub group_id: u32,
    /// The current chat, once known.
    pub chat_id: Option<String>,
    /// The current (latest) thread of that chat.
    pub thread_id: Option<String>,
    /// Where the chat stands.
    pub phase: ChatPhase,
    /// Queue position while queued.
    pub queue: Option<QueueStatus>,
    /// Users of the chat by id (agents and the customer).
    pub users: VecMap<String, Participant>,
    /// The chat's events, ordered and deduplicated.
    pub timeline: Timeline<Event>,
    /// Agents currently typing.
    pub typing: VecSet<String>,
    /// The greeting on screen, if any.
    pub greeting: Option<Greeting>,
    /// The prechat form.
    pub prechat: FormSlot,
    /// The postchat form.
    pub postchat: FormSlot,
    /// The ticket form ("leave a message" while nobody is online).
    pub ticket: FormSlot,
    /// Where the visitor's ticket stands.
    pub ticket_status: TicketStatus,
    /// The current thread's rating.
    pub rating: RatingState,
    /// The visitor turned the reply sound on (off by default).
    pub sound_on: bool,
    /// The host tab is in the background: the visitor sees nothing, even with the window open.
    pub page_hidden: bool,
    /// Events from others not yet seen by the visitor.
    pub unread: u32,
    /// Whether the widget is maximised, minimised or hidden.
    pub visibility: Visibility,
    /// The oldest loaded thread's `previous_thread_id`: more history exists.
    pub older_thread_id: Option<String>,
    /// Latest `seen_up_to` of any agent (for "seen" marks on the customer's messages).
    pub agent_seen_up_to: Option<String>,
    /// The agent `get_predicted_agent` says would take a new chat, shown in
    /// the header until an agent is in the chat.
    pub predicted_agent: Option<Participant>,
    /// Text the host page asked the composer to start with
    /// (`LiveChatWidget.call("maximize", { messageDraft })`); cleared once a message is sent.
    pub message_draft: Option<String>,
}

impl ChatState {
    /// A fresh state for the configured group.
    pub fn new(group_id: u32) -> Self {
        ChatState { group_id, ..ChatState::default() }
    }

    /// The customer's id once logged in.
    pub fn customer_id(&self) -> Option<&str> {
        self.customer.as_ref().map(|c| c.id.as_str())
    }

    /// Whether the customer can send events to the current thread.
    pub fn can_send(&self) -> bool {
        self.chat_id.is_some() && matches!(self.phase, ChatPhase::Active | ChatPhase::Queued)
    }

    /// Whether the visitor is looking at the chat (the window is open and the tab in front).
    pub fn viewing(&self) -> bool {
        self.visibility == Visibility::Maximized && !self.page_hidden
    }

    /// Nobody is online and no ticket form is enabled: a new chat starts as
    /// continuous, so the message waits for an agent (spec "Start Chat": `continuous`).
    pub fn leaves_message_in_chat(&self) -> bool {
        self.availability == Availability::Offline && self.ticket == FormSlot::Disabled
    }

    /// Agents that are typing, with their display data, for the typing indicator.
    pub fn typing_agents(&self) -> impl Iterator<Item = &Participant> {
        self.typing.iter().filter_map(|id| self.users.get(id))
    }

    /// The newest `created_at` in the timeline: what `mark_events_as_seen` reports.
    pub fn latest_created_at(&self) -> Option<&str> {
        self.timeline.entries().iter().rev().find_map(|e| e.created_at.as_deref())
    }
}
