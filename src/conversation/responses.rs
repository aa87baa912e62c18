//! What the session reports, routed: the login, each response to the purpose
//! it was sent for, failures, and pushes.

use crate::chat::{ChatPhase, FormSlot};
use crate::protocol::request::{GetChat, GetForm, ListGroupStatuses};
use crate::protocol::{ChatSummary, FormType, GetFormResponse, LoginResponse, Push, Response};
use crate::session::{ConnectionStatus, RequestError, SessionEvent};

use super::requests::Purpose;
use super::{Conversation, Notice};

impl Conversation {
    /// One event of the session.
    pub(super) fn on_session_event(&mut self, event: SessionEvent, now_ms: u64) {
        match event {
            SessionEvent::StatusChanged(status) => {
                if let ConnectionStatus::Refused { reason, attempts } = &status {
                    let text = format!(
                        "LiveChat widget: the chat service refused the login {attempts} time(s) in a row: {reason} \
                         Not retrying by itself; the chat window offers \"Try again\"."
                    );
                    self.notices.push_back(Notice::Error(text));
                }
                self.status = status;
            }
            SessionEvent::LoggedIn { payload } => match Response::decode("login", payload) {
                Ok(Response::Login(login)) => self.on_login(&login, now_ms),
                Ok(_) => self.warn("unexpected login payload".into()),
                Err(e) => self.warn(format!("login response: {e}")),
            },
            SessionEvent::Response { id, action, result } => {
                let purpose = self.requests.finish(id);
                match result {
                    Ok(payload) => match Response::decode(action, payload) {
                        Ok(response) => self.on_response(purpose, response, now_ms),
                        Err(e) => self.on_failure(purpose, action, RequestError::Decode(e.to_string()), now_ms),
                    },
                    Err(e) => self.on_failure(purpose, action, e, now_ms),
                }
            }
            SessionEvent::Push { action, payload, .. } => match Push::decode(&action, payload) {
                Ok(push) => self.on_push(push, now_ms),
                Err(e) => self.warn(format!("ignored push: {e}")),
            },
            SessionEvent::Malformed { reason } => self.warn(format!("ignored frame: {reason}")),
        }
    }

    /// After each login: availability, the prechat form, and the chat to restore
    /// (which also gap-fills what a reconnect missed).
    fn on_login(&mut self, login: &LoginResponse, now_ms: u64) {
        self.retry.logged_in();
        if self.session.group_dropped() {
            // The configured group was not found or not allowed: the default group serves.
            self.state.drop_group();
        }
        self.several_chats = login.chats.len() > 1;
        self.state.apply_login(login);
        self.pages.logged_in();
        if let Some(greeting) = &login.greeting {
            self.announcer.remember_greeting(greeting);
        }
        let group = self.state.group_id;
        self.check_availability(now_ms);
        if self.state.prechat == FormSlot::Unknown {
            let form = GetForm { group_id: group, form_type: FormType::Prechat };
            self.requests.send(&mut self.session, form.into(), Purpose::Form(FormType::Prechat), now_ms);
        }
        self.look_up_chat(now_ms);
    }

    fn on_response(&mut self, purpose: Purpose, response: Response, now_ms: u64) {
        match (purpose, response) {
            (Purpose::GroupStatuses, Response::ListGroupStatuses(r)) => {
                self.state.apply_group_statuses(&r.groups_status);
                self.availability_known(now_ms);
            }
            (Purpose::Rate(rating), _) => self.rating_confirmed(rating),
            (Purpose::PredictedAgent, Response::GetPredictedAgent(agent)) => self.state.apply_predicted_agent(&agent),
            (Purpose::Form(kind), Response::GetForm(r)) => self.state.apply_form(&kind, &r),
            (Purpose::FindChat, Response::ListChats(r)) => match ChatSummary::best(&r.chats_summary) {
                Some(summary) => {
                    self.several_chats = false;
                    let request = GetChat { chat_id: summary.id.clone(), thread_id: None };
                    self.requests.send(&mut self.session, request.into(), Purpose::RestoreChat, now_ms);
                }
                None => self.restored(now_ms),
            },
            (Purpose::RestoreChat, Response::GetChat(chat)) => {
                let was_running = matches!(self.state.phase, ChatPhase::Active | ChatPhase::Queued);
                self.state.apply_chat(&chat);
                // Ended while the socket was down: as if chat_deactivated had arrived.
                if was_running && self.state.phase == ChatPhase::Ended {
                    self.ask_for_postchat(now_ms);
                }
                self.restored(now_ms);
            }
            (Purpose::OlderThread, Response::GetChat(chat)) => {
                let threads: Vec<_> = chat.all_threads().cloned().collect();
                self.state.apply_older_threads(&chat.id, &threads);
            }
            (Purpose::StartChat(customs), Response::StartChat(r)) => {
                self.state.chat_started(&r.chat_id, &r.thread_id);
                self.chat_started(&customs, &r.event_ids, now_ms);
            }
            (Purpose::ActivateChat(customs), Response::ActivateChat(r)) => {
                if let Some(chat_id) = self.state.chat_id.clone() {
                    self.state.chat_started(&chat_id, &r.thread_id);
                }
                self.chat_started(&customs, &r.event_ids, now_ms);
            }
            (Purpose::SendEvent(custom_id), Response::SendEvent(r)) => {
                self.event_sent(&custom_id, Some(r.event_id), now_ms)
            }
            // Answered without an event id: accepted all the same.
            (Purpose::SendEvent(custom_id), _) => self.event_sent(&custom_id, None, now_ms),
            _ => {}
        }
    }

    fn on_failure(&mut self, purpose: Purpose, action: &str, error: RequestError, now_ms: u64) {
        match purpose {
            Purpose::StartChat(customs) | Purpose::ActivateChat(customs) => self.start_failed(&customs, &error, now_ms),
            Purpose::SendEvent(custom_id) => self.send_failed(custom_id, &error, now_ms),
            Purpose::RestoreChat | Purpose::FindChat => self.look_up_failed(&error, now_ms),
            Purpose::Rate(rating) => self.rating_failed(rating, &error),
            // No ticket form to be had: a message leaves in a continuous chat instead.
            Purpose::Form(FormType::Ticket) => {
                self.state.apply_form(&FormType::Ticket, &GetFormResponse { enabled: false, form: None })
            }
            _ => {}
        }
        self.warn(format!("{action} failed: {error}"));
    }

    fn on_push(&mut self, push: Push, now_ms: u64) {
        let mut new_event = false;
        if let Push::IncomingEvent(p) = &push {
            new_event = true;
            if let Some(custom_id) = &p.event.custom_id {
                self.outbox.confirm(custom_id);
            }
            if self.state.chat_id.as_deref() == Some(p.chat_id.as_str()) {
                self.announcer.pushed(&self.state, &p.event, now_ms);
            }
        }
        if let Push::IncomingGreeting(greeting) = &push {
            self.announcer.greeting_arrived(greeting, now_ms);
        }
        let unread = self.state.unread;
        let ended = matches!(&push, Push::ChatDeactivated(p) if self.state.chat_id.as_deref() == Some(&p.chat_id));
        let group = self.state.group_id;
        self.state.apply_push(&push);
        if self.state.group_id != group {
            // Transferred to another group: its availability, not the old one's.
            let statuses = ListGroupStatuses { all: None, group_ids: Some(vec![self.state.group_id]) };
            self.requests.send(&mut self.session, statuses.into(), Purpose::GroupStatuses, now_ms);
        }
        if let Push::EventsMarkedAsSeen(p) = &push {
            if Some(p.user_id.as_str()) == self.state.customer_id() && self.state.chat_id.as_deref() == Some(&p.chat_id)
            {
                // Marked elsewhere: this tab need not mark the same events again.
                self.seen_marked = self.seen_marked.clone().max(Some(p.seen_up_to.clone()));
            }
        }
        if self.state.unread > unread && self.state.sound_on {
            self.chimes += 1;
        }
        if ended {
            self.ask_for_postchat(now_ms);
        }
        if new_event && self.state.viewing() {
            self.mark_seen(now_ms);
        }
    }

    /// The chat ended: fetch the postchat form, once.
    pub(super) fn ask_for_postchat(&mut self, now_ms: u64) {
        if self.state.postchat == FormSlot::Unknown {
            let form = GetForm { group_id: self.state.group_id, form_type: FormType::Postchat };
            self.requests.send(&mut self.session, form.into(), Purpose::Form(FormType::Postchat), now_ms);
        }
    }
}
