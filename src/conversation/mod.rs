//! The conversation: the session engine, the chat state and the customer's
//! intents joined into one sans-IO core. The driver feeds it socket events,
//! timer ticks and intents, drains [`Conversation::poll_output`] for what to do
//! and [`Conversation::poll_timeout`] for when to tick, and publishes
//! [`Conversation::state`]. Nothing here touches the DOM.
//!
//! As in quinn-proto's `Connection`, the state lives in sub-types with one job each:
//! - [`Outbox`] (`outbox.rs`): pending, in-flight and failed customer events, and what storage holds;
//! - `delivery.rs`: sending the outbox once the history is known, and what failures mean;
//! - `requests.rs`: requests under way and the purpose of each;
//! - `responses.rs`: the session's events routed to the chat state;
//! - `intents.rs`: the customer's [`Intent`]s carried out;
//! - `announce.rs`: what the host page's JS API hears ([`host_api`] has its shapes);
//! - `page.rs`: the host page's navigation and `update_customer_page`;
//! - `sneak_peek.rs`: the typing throttle; `split.rs`: the message size limit;
//! - `uploads.rs`: the visitor's files ([`crate::upload`]) from the attach button to the outbox.
//!
//! Every change to [`ChatState`] goes through its reducer (`chat/reducer.rs`).

mod announce;
mod availability;
mod delivery;
pub mod host_api;
mod host_command;
mod intent;
mod intents;
mod outbox;
mod output;
mod page;
mod rating;
mod requests;
mod responses;
mod retry;
mod sneak_peek;
mod split;
mod ticket;
mod uploads;

use std::collections::VecDeque;

use crate::chat::{ChatState, CustomIdGenerator};
use crate::session::{ConnectionStatus, Input, Session, SessionConfig};
use crate::upload::Uploads;

use announce::{greeting_ref, Announcer};
use availability::AvailabilityCheck;
use delivery::SendGate;
use host_api::HostEvent;
use outbox::parse_stored;
use page::PageTracker;
use requests::Requests;
use retry::Retry;
use sneak_peek::SneakPeek;
use ticket::Tickets;

pub use crate::session::Output;
pub use availability::AVAILABILITY_INTERVAL_MS;
pub use intent::Intent;
pub use outbox::{Outbox, StoredEntry};
pub use output::Notice;
pub use split::{split_message, MAX_MESSAGE_BYTES};
pub use ticket::{TicketAnswer, TicketRequest, TICKET_TIMEOUT_MS};

/// Settings of the conversation layer (the session has its own).
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationConfig {
    /// The group the widget serves.
    pub group_id: u32,
    /// Seed for `custom_id`s; random per page load.
    pub seed: u64,
    /// At most one `send_sneak_peek` per this many milliseconds while typing.
    pub sneak_peek_interval_ms: u64,
    /// Storage key of the outbox (`Output::Store`); `None` keeps it in memory only.
    pub outbox_key: Option<String>,
    /// Storage key of the uploads a reload would cut; `None` keeps them in memory only.
    pub uploads_key: Option<String>,
    /// Storage key of the visitor's sound setting; `None` keeps it in memory only.
    pub sound_key: Option<String>,
}

impl Default for ConversationConfig {
    fn default() -> Self {
        ConversationConfig {
            group_id: 0,
            seed: 1,
            sneak_peek_interval_ms: 1_000,
            outbox_key: None,
            uploads_key: None,
            sound_key: None,
        }
    }
}

/// The customer's conversation: session + chat state + intents, sans IO.
#[derive(Debug)]
pub struct Conversation {
    session: Session,
    state: ChatState,
    status: ConnectionStatus,
    outbox_key: Option<String>,
    ids: CustomIdGenerator,
    outbox: Outbox,
    uploads_key: Option<String>,
    uploads: Uploads,
    gate: SendGate,
    /// The backoff after the service refused a send or look-up for now.
    retry: Retry,
    requests: Requests,
    sneak_peek: SneakPeek,
    announcer: Announcer,
    /// The last login listed several chats: which one to show is looked up (list_chats).
    several_chats: bool,
    pages: PageTracker,
    availability_check: AvailabilityCheck,
    /// `get_predicted_agent` was sent (once per page: an error is not asked again).
    predicted_asked: bool,
    tickets: Tickets,
    sound_key: Option<String>,
    /// Replies that arrived unseen while the sound is on (the driver plays them).
    chimes: u32,
    /// The `seen_up_to` last sent with `mark_events_as_seen`.
    seen_marked: Option<String>,
    /// The group a prechat `group_chooser` answer routes new chats to.
    access_group: Option<u32>,
    /// Session variables in the order they were set (login `session_fields`).
    session_variables: Vec<(String, String)>,
    out: VecDeque<Output>,
    notices: VecDeque<Notice>,
}

impl Conversation {
    /// A conversation over a new session.
    pub fn new(session: SessionConfig, config: ConversationConfig) -> Self {
        let session_variables = session
            .customer
            .session_fields
            .iter()
            .flatten()
            .flat_map(|field| field.iter().map(|(k, v)| (k.clone(), v.clone())))
            .collect();
        let retry = Retry::new(&session.timings, config.seed);
        let pages = PageTracker::new(session.customer_page.clone());
        Conversation {
            session: Session::new(session),
            state: ChatState::new(config.group_id),
            status: ConnectionStatus::Idle,
            outbox_key: config.outbox_key,
            ids: CustomIdGenerator::new(config.seed),
            outbox: Outbox::default(),
            uploads_key: config.uploads_key,
            uploads: Uploads::default(),
            gate: SendGate::default(),
            retry,
            requests: Requests::default(),
            sneak_peek: SneakPeek::new(config.sneak_peek_interval_ms),
            announcer: Announcer::default(),
            several_chats: false,
            pages,
            availability_check: AvailabilityCheck::default(),
            predicted_asked: false,
            tickets: Tickets::default(),
            sound_key: config.sound_key,
            chimes: 0,
            seen_marked: None,
            access_group: None,
            session_variables,
            out: VecDeque::new(),
            notices: VecDeque::new(),
        }
    }

    /// Shows and queues the customer events a previous page load had not got
    /// confirmed (the stored outbox). They are reconciled with the chat's history
    /// after the next login and sent only if the server does not have them.
    pub fn restore_outbox(&mut self, stored: &str) {
        for entry in parse_stored(stored) {
            if self.state.timeline.contains_custom_id(&entry.custom_id) {
                continue;
            }
            self.state.send_local(entry.custom_id.clone(), entry.event.to_local_event(None));
            if entry.failed {
                self.state.fail_send(&entry.custom_id);
            }
            self.outbox.restore(entry);
        }
        self.outbox.loaded_from(stored, &self.state.timeline);
    }

    /// The visitor's stored sound setting (`"on"` / `"off"`); the sound is off until
    /// the visitor turns it on.
    pub fn restore_sound(&mut self, stored: &str) {
        self.state.set_sound(stored == "on");
    }

    /// Whether a reply arrived unseen since the last call with the sound on: play it once.
    pub fn take_chime(&mut self) -> bool {
        std::mem::take(&mut self.chimes) > 0
    }

    /// What the UI renders.
    pub fn state(&self) -> &ChatState {
        &self.state
    }

    /// The connection status, for the banner.
    pub fn status(&self) -> &ConnectionStatus {
        &self.status
    }

    /// Customer events not yet confirmed by the server.
    pub fn outbox(&self) -> &Outbox {
        &self.outbox
    }

    /// The session engine (read-only: region, storage, counters).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The session variables, in the order they were set.
    pub fn session_variables(&self) -> &[(String, String)] {
        &self.session_variables
    }

    /// The host's viewport became phone-sized or not (the loader's `lc:viewport`):
    /// `is_mobile` of the next login.
    pub fn set_is_mobile(&mut self, is_mobile: bool) {
        self.session.set_is_mobile(is_mobile);
    }

    /// Feeds a socket event, timer tick, token or browser signal.
    pub fn handle_input(&mut self, input: Input, now_ms: u64) {
        let greeting = greeting_ref(&self.state);
        let tick = input == Input::Tick;
        self.session.handle_input(input, now_ms);
        self.pump(now_ms);
        if tick {
            self.retry_due(now_ms);
            self.availability_tick(now_ms);
            self.ticket_deadline(now_ms);
            self.pump(now_ms);
        }
        self.flush_sneak_peek(now_ms);
        self.uploads.tick(now_ms);
        self.start_uploads(now_ms);
        self.pump(now_ms);
        self.after(greeting);
    }

    /// Carries out a customer intent.
    pub fn handle_intent(&mut self, intent: Intent, now_ms: u64) {
        let greeting = greeting_ref(&self.state);
        self.apply_intent(intent, now_ms);
        self.start_uploads(now_ms);
        self.pump(now_ms);
        self.after(greeting);
    }

    /// The next output for the driver (connect, send, close, storage, tokens).
    pub fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    /// The next event for the host page's JS API (`lc:event`).
    pub fn poll_host_event(&mut self) -> Option<HostEvent> {
        self.announcer.poll()
    }

    /// The next thing worth logging.
    pub fn poll_notice(&mut self) -> Option<Notice> {
        self.notices.pop_front()
    }

    /// When to deliver the next `Input::Tick` (ms, driver clock): the one timer
    /// protocol. Ask again after every input; `None` means no timer.
    pub fn poll_timeout(&self) -> Option<u64> {
        [
            self.session.poll_timeout(),
            self.sneak_peek.poll_timeout(),
            self.retry.poll_timeout(),
            self.uploads.poll_timeout(),
            self.availability_timeout(),
            self.tickets.poll_timeout(),
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// Handles the session's events (which may send more), then takes its outputs.
    /// Every frame goes through the session's one queue, so their order is the session's.
    fn pump(&mut self, now_ms: u64) {
        while let Some(event) = self.session.poll_event() {
            self.on_session_event(event, now_ms);
        }
        self.out.extend(std::iter::from_fn(|| self.session.poll_output()));
    }

    /// After every input: the greeting's announcements, the outbox's and the
    /// uploads' storage (in one flush, so a finished upload never is in neither).
    fn after(&mut self, greeting_before: Option<host_api::GreetingRef>) {
        self.announcer.greeting_changed(greeting_before, greeting_ref(&self.state));
        if let Some(key) = &self.outbox_key {
            if let Some(value) = self.outbox.take_store(&self.state.timeline) {
                self.out.push_back(Output::Store { key: key.clone(), value });
            }
        }
        if let Some(key) = &self.uploads_key {
            if let Some(value) = self.uploads.take_store() {
                self.out.push_back(Output::Store { key: key.clone(), value });
            }
        }
    }

    fn warn(&mut self, text: String) {
        self.notices.push_back(Notice::Warning(text));
    }
}
