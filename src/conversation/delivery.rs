//! Delivering the outbox: every customer event goes into the active thread with
//! `send_event`, or as the initial events of `start_chat` / `activate_chat`, and
//! only once the chat's history is known (so nothing the server has is sent again).

use crate::chat::{ChatPhase, Visibility};
use crate::protocol::request::{ActivateChat, GetChat, ListChats, SendEvent, StartChat};
use crate::protocol::{Access, ErrorType, Event, NewEvent};
use crate::session::{ConnectionStatus, RequestError};

use super::requests::Purpose;
use super::retry::{Next, Refusal};
use super::Conversation;

/// Whether the outbox may send, and what the last start taught.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum SendGate {
    /// The chat was not looked up since the page loaded: sending could double
    /// what the server already has.
    #[default]
    AwaitingHistory,
    /// Looked up: the outbox sends.
    Open,
    /// The last start_chat / activate_chat found the chat already started or
    /// reactivated (by another tab or device of this customer): the next conflict
    /// fails the events instead of looking the chat up again.
    OpenAfterConflict,
}

impl Conversation {
    /// Shows an event at once as pending and queues it in the outbox.
    pub(super) fn send_event(&mut self, event: NewEvent, now_ms: u64) {
        let custom_id = self.ids.next(now_ms);
        let event = event.with_custom_id(custom_id.clone());
        let shown = event.to_local_event(self.state.customer_id().map(str::to_owned));
        self.queue_event(custom_id, event, shown, now_ms);
    }

    /// Shows `shown` at once as pending under `custom_id` and queues `event`
    /// (which carries that `custom_id`) in the outbox: [`Self::send_event`] for
    /// an event whose id is already chosen and whose local copy knows more than
    /// the request (an uploaded file's name and size).
    pub(super) fn queue_event(&mut self, custom_id: String, event: NewEvent, shown: Event, now_ms: u64) {
        self.state.send_local(custom_id.clone(), shown);
        self.outbox.push(custom_id, event);
        self.flush_outbox(now_ms);
    }

    /// Sends a failed event again, with the same `custom_id`.
    pub(super) fn retry(&mut self, custom_id: &str, now_ms: u64) {
        let Some(event) = self.outbox.take_failed(custom_id) else { return };
        self.state.resend_local(custom_id);
        self.outbox.push(custom_id.to_owned(), event);
        self.flush_outbox(now_ms);
    }

    /// Fetches the chat on screen (`get_chat`), or finds the customer's latest one
    /// (`list_chats`); its answer merges the history and then flushes the outbox.
    pub(super) fn look_up_chat(&mut self, now_ms: u64) {
        match self.state.chat_id.clone() {
            Some(chat_id) if !self.several_chats => {
                let request = GetChat { chat_id, thread_id: None }.into();
                self.requests.send(&mut self.session, request, Purpose::RestoreChat, now_ms);
            }
            _ => self.find_chat(now_ms),
        }
    }

    /// Lists the customer's chats to pick the one to show ([`crate::protocol::ChatSummary::best`]).
    pub(super) fn find_chat(&mut self, now_ms: u64) {
        // The spec's maximum page: the active chat is on it unless 25 newer ones ended.
        let request = ListChats { limit: Some(25), ..Default::default() }.into();
        self.requests.send(&mut self.session, request, Purpose::FindChat, now_ms);
    }

    /// The chat was looked up (or the look-up failed): the outbox may send.
    pub(super) fn restored(&mut self, now_ms: u64) {
        if self.gate == SendGate::AwaitingHistory {
            self.gate = SendGate::Open;
        }
        self.flush_outbox(now_ms);
        // A window opened before the login finished: the prediction is asked now.
        if self.state.visibility == Visibility::Maximized {
            self.ask_predicted_agent(now_ms);
        }
    }

    /// The server accepted the event `custom_id`: shown as sent, and announced once.
    pub(super) fn confirmed(&mut self, custom_id: &str, event_id: Option<String>, now_ms: u64) {
        self.outbox.confirm(custom_id);
        self.state.confirm_sent(custom_id, event_id.clone());
        self.announcer.accepted(&self.state, custom_id, event_id, now_ms);
    }

    /// `send_event` answered.
    pub(super) fn event_sent(&mut self, custom_id: &str, event_id: Option<String>, now_ms: u64) {
        if event_id.is_some() && self.gate == SendGate::OpenAfterConflict {
            self.gate = SendGate::Open;
        }
        self.confirmed(custom_id, event_id, now_ms);
        if self.retry.probing() {
            // The probe went through: the rest follows.
            self.retry.accepted();
            self.flush_outbox(now_ms);
        }
    }

    /// `start_chat` or `activate_chat` answered with the ids of its events.
    pub(super) fn chat_started(&mut self, customs: &[String], event_ids: &[String], now_ms: u64) {
        self.gate = SendGate::Open;
        self.retry.accepted();
        for (i, custom_id) in customs.iter().enumerate() {
            self.confirmed(custom_id, event_ids.get(i).cloned(), now_ms);
        }
        self.flush_outbox(now_ms);
    }

    /// `start_chat` or `activate_chat` failed. `limit_reached` on start_chat (the
    /// customer already has an active chat) or `not_allowed` on activate_chat (the
    /// chat is active): another tab or device of this customer got there first.
    /// Look the chat up and send into it, once; a second conflict in a row fails
    /// the events like any other error.
    pub(super) fn start_failed(&mut self, customs: &[String], error: &RequestError, now_ms: u64) {
        let conflict = self.gate != SendGate::OpenAfterConflict
            && matches!(error, RequestError::Rtm(e) if matches!(e.kind, ErrorType::LimitReached | ErrorType::NotAllowed));
        self.gate = if conflict { SendGate::OpenAfterConflict } else { SendGate::Open };
        if conflict {
            self.after_send_failure(customs, true);
            // Whether the other start has them is unknown: look at the chat before sending again.
            if matches!(self.status, ConnectionStatus::Connected) {
                self.look_up_chat(now_ms);
            }
        } else {
            self.refused(customs, error, now_ms);
        }
    }

    /// `send_event` failed.
    pub(super) fn send_failed(&mut self, custom_id: String, error: &RequestError, now_ms: u64) {
        if matches!(error, RequestError::Rtm(e) if e.kind == ErrorType::ChatInactive) {
            // The thread closed meanwhile: the message reactivates the chat.
            self.outbox.set_in_flight(&custom_id, false);
            self.state.thread_closed();
            self.flush_outbox(now_ms);
        } else {
            self.refused(&[custom_id], error, now_ms);
        }
    }

    /// A request carrying `customs` failed with `error`: kept for later when the
    /// error may go away (after the backoff, never at once), failed otherwise.
    fn refused(&mut self, customs: &[String], error: &RequestError, now_ms: u64) {
        let refusal = Refusal::of(error);
        self.after_send_failure(customs, refusal.is_some());
        match refusal {
            Some(Refusal::NotTaken) => self.retry.refused(Next::Resend, now_ms),
            Some(Refusal::Unknown) => self.retry.refused(Next::LookUp, now_ms),
            // The next login looks the chat up; failed events wait for the customer.
            Some(Refusal::ConnectionLost) | None => {}
        }
    }

    /// The look-up of the chat failed: after a refusal for now, look again after
    /// the backoff (the outbox waits: sending blind could double an event);
    /// after anything else, send without the history.
    pub(super) fn look_up_failed(&mut self, error: &RequestError, now_ms: u64) {
        match Refusal::of(error) {
            Some(Refusal::NotTaken | Refusal::Unknown) => self.retry.refused(Next::LookUp, now_ms),
            Some(Refusal::ConnectionLost) => {}
            None => self.restored(now_ms),
        }
    }

    /// The backoff after a refusal has passed: probe with one request.
    pub(super) fn retry_due(&mut self, now_ms: u64) {
        let Some(next) = self.retry.take_due(now_ms) else { return };
        if !matches!(self.status, ConnectionStatus::Connected) {
            return; // The next login looks the chat up.
        }
        match next {
            Next::Resend => self.flush_outbox(now_ms),
            Next::LookUp => self.look_up_chat(now_ms),
        }
    }

    fn after_send_failure(&mut self, customs: &[String], retry_later: bool) {
        for custom_id in customs {
            self.outbox.set_in_flight(custom_id, false);
            if !retry_later {
                self.outbox.fail(custom_id);
                self.state.fail_send(custom_id);
            }
        }
    }

    /// Sends every unconfirmed event that has no request under way: into the
    /// active thread, or as the initial events of a started or reactivated chat.
    pub(super) fn flush_outbox(&mut self, now_ms: u64) {
        if self.gate == SendGate::AwaitingHistory || self.requests.starting() || self.retry.holding() {
            return;
        }
        // After a refusal one event probes at a time, until the service takes one.
        let probing = self.retry.probing();
        if probing && self.outbox.entries().any(|(c, _)| self.outbox.is_in_flight(c)) {
            return;
        }
        let mut idle = Vec::new();
        for (custom_id, event) in self.outbox.idle() {
            if self.state.timeline.by_custom_id(&custom_id).is_some_and(|e| e.event_id.is_some()) {
                // The history after a reconnect has it already.
                self.outbox.confirm(&custom_id);
                self.state.confirm_sent(&custom_id, None);
            } else {
                idle.push((custom_id, event));
            }
        }
        if idle.is_empty() {
            return;
        }
        if probing {
            idle.truncate(1);
        }
        for (custom_id, _) in &idle {
            self.outbox.set_in_flight(custom_id, true);
        }
        let (customs, events): (Vec<String>, Vec<NewEvent>) = idle.into_iter().unzip();
        let access = self.access_group.map(|g| Access { group_ids: vec![g] });
        match (self.state.chat_id.clone(), self.state.phase) {
            (Some(chat_id), ChatPhase::Active | ChatPhase::Queued) => {
                for (custom_id, event) in customs.into_iter().zip(events) {
                    let request = SendEvent::new(chat_id.clone(), event).into();
                    self.requests.send(&mut self.session, request, Purpose::SendEvent(custom_id), now_ms);
                }
            }
            (Some(chat_id), _) => {
                let mut request = ActivateChat::new(chat_id, events);
                request.chat.access = access;
                request.continuous = self.state.leaves_message_in_chat().then_some(true);
                self.requests.send(&mut self.session, request.into(), Purpose::ActivateChat(customs), now_ms);
            }
            (None, _) => {
                let mut request = StartChat::with_events(events);
                request.continuous = self.state.leaves_message_in_chat().then_some(true);
                if let (Some(chat), Some(access)) = (request.chat.as_mut(), access) {
                    chat.access = Some(access);
                }
                self.requests.send(&mut self.session, request.into(), Purpose::StartChat(customs), now_ms);
            }
        }
    }
}
