//! [`Conversation`]: drives the session, keeps the chat state, and turns the
//! customer's intents into requests.

use std::collections::{BTreeSet, VecDeque};

use crate::chat::{ChatPhase, ChatState, CustomIdGenerator, FormSlot};
use crate::protocol::request::{
    AcceptGreeting, ActivateChat, CancelGreeting, DeactivateChat, GetChat, GetForm, ListChats, ListGroupStatuses,
    MarkEventsAsSeen, RichMessagePostback, SendEvent, SendRichMessagePostback, SendSneakPeek, SetCustomerSessionFields,
    StartChat, UpdateCustomer,
};
use crate::protocol::time::rfc3339_to_unix_ms;
use crate::protocol::{
    Access, Answer, ErrorType, Event, EventBody, FilledFormField, FormFieldType, FormType, LoginResponse,
    MessagePostback, NewEvent, Push, Request, Response,
};
use crate::session::{ConnectionStatus, Input, Output, RequestError, RequestId, Session, SessionConfig, SessionEvent};

use super::host_api::{
    session_fields, Author, ButtonClickedData, FormSubmittedData, GreetingRef, HostEvent, NewEventData,
};
use super::intent::Intent;
use super::outbox::{parse_stored, Outbox, StoredEntry};
use super::purpose::Purpose;

/// Largest message text the spec accepts, in bytes ("Events > Message": 16 KB).
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

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
}

impl Default for ConversationConfig {
    fn default() -> Self {
        ConversationConfig { group_id: 0, seed: 1, sneak_peek_interval_ms: 1_000, outbox_key: None }
    }
}

/// Something the driver should log (bad frames, failed requests). Never fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice(pub String);

/// The customer's conversation: session + chat state + intents, sans IO.
#[derive(Debug)]
pub struct Conversation {
    session: Session,
    state: ChatState,
    status: ConnectionStatus,
    config: ConversationConfig,
    ids: CustomIdGenerator,
    outbox: Outbox,
    /// Events whose sending failed for good, by `custom_id`, in the order they failed.
    failed: Vec<(String, NewEvent)>,
    /// Why each request under way was sent (ids are unique; few are under way at once).
    purposes: Vec<(RequestId, Purpose)>,
    out: VecDeque<Output>,
    notices: VecDeque<Notice>,
    changed: bool,
    /// The chat was looked up after the first login: routing events is safe.
    restored: bool,
    /// A start_chat / activate_chat is under way.
    starting: bool,
    /// The last start_chat / activate_chat found the chat already started or reactivated
    /// (by another tab or device of this customer): the next conflict fails the events.
    start_conflict: bool,
    loading_older: bool,
    sneak_pending: Option<String>,
    sneak_sent_at: Option<u64>,
    seen_marked: Option<String>,
    access_group: Option<u32>,
    /// Session variables in the order they were set (login `session_fields`).
    session_variables: Vec<(String, String)>,
    /// Events for the host page's JS API.
    host_events: VecDeque<HostEvent>,
    /// `custom_id`s and event ids already announced as `new_event`.
    // A B-tree, not a VecSet: it grows with every event of the chat (O(log n) inserts).
    announced: BTreeSet<String>,
    /// Which events (by `custom_id`, and whether failed) storage last received;
    /// `None` until the first write (or when storage holds something else).
    persisted_outbox: Option<Vec<(String, bool)>>,
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
        Conversation {
            session: Session::new(session),
            state: ChatState::new(config.group_id),
            status: ConnectionStatus::Idle,
            ids: CustomIdGenerator::new(config.seed),
            config,
            outbox: Outbox::default(),
            failed: Vec::new(),
            purposes: Vec::new(),
            out: VecDeque::new(),
            notices: VecDeque::new(),
            changed: true,
            restored: false,
            starting: false,
            start_conflict: false,
            loading_older: false,
            sneak_pending: None,
            sneak_sent_at: None,
            seen_marked: None,
            access_group: None,
            session_variables,
            host_events: VecDeque::new(),
            announced: BTreeSet::new(),
            persisted_outbox: None,
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
            let shown = Event::from_json(&entry.event.to_value());
            self.state.send_local(entry.custom_id.clone(), shown);
            if entry.failed {
                self.state.fail_send(&entry.custom_id);
                self.add_failed(entry.custom_id, entry.event);
            } else {
                self.outbox.push(entry.custom_id, entry.event);
            }
        }
        // Storage that already says exactly this needs no rewrite; anything else
        // (junk, another version's shape) is replaced at the next persist.
        self.persisted_outbox = (self.stored_outbox() == stored).then(|| self.outbox_ids());
        self.changed = true;
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

    /// True once after anything the UI shows changed.
    pub fn take_changed(&mut self) -> bool {
        std::mem::take(&mut self.changed)
    }

    /// Feeds a socket event, timer tick, token or browser signal.
    pub fn handle_input(&mut self, input: Input, now_ms: u64) {
        let greeting = self.greeting_ref();
        self.session.handle_input(input, now_ms);
        self.pump(now_ms);
        self.flush_sneak_peek(now_ms);
        self.pump(now_ms);
        self.announce_greeting_change(greeting);
        self.persist_outbox();
    }

    /// Carries out a customer intent.
    pub fn handle_intent(&mut self, intent: Intent, now_ms: u64) {
        let greeting = self.greeting_ref();
        self.apply_intent(intent, now_ms);
        self.pump(now_ms);
        self.announce_greeting_change(greeting);
        self.persist_outbox();
    }

    fn apply_intent(&mut self, intent: Intent, now_ms: u64) {
        // A paused session (inactivity, users limit) waits for the customer to act.
        if matches!(self.status, ConnectionStatus::Paused { .. }) && intent.is_customer_action() {
            self.session.handle_input(Input::Resume, now_ms);
        }
        match intent {
            Intent::SendMessage(text) => self.send_message(&text, now_ms),
            Intent::RetryMessage { custom_id } => self.retry(&custom_id, now_ms),
            Intent::RemoveMessage { custom_id } => {
                if self.take_failed(&custom_id).is_some() {
                    self.state.timeline.remove_failed(&custom_id);
                    self.changed = true;
                }
            }
            Intent::SubmitPrechat(fields) => self.submit_prechat(fields, now_ms),
            Intent::SubmitPostchat(fields) => self.submit_postchat(fields, now_ms),
            Intent::SkipPostchat => self.set_postchat_done(),
            Intent::Postback { event_id, postback_id } => self.postback(&event_id, &postback_id, now_ms),
            Intent::AcceptGreeting => self.accept_greeting(now_ms),
            Intent::CancelGreeting => {
                if let Some(g) = self.state.greeting.take() {
                    self.request(CancelGreeting { unique_id: g.unique_id }.into(), Purpose::FireAndForget, now_ms);
                    self.changed = true;
                }
            }
            Intent::Typing(text) => {
                if self.state.can_send() && !text.trim().is_empty() {
                    self.sneak_pending = Some(text);
                    self.flush_sneak_peek(now_ms);
                }
            }
            Intent::EndChat => {
                if let (Some(chat_id), true) = (self.state.chat_id.clone(), self.state.can_send()) {
                    self.request(DeactivateChat { chat_id }.into(), Purpose::FireAndForget, now_ms);
                }
            }
            Intent::SetViewing(viewing) => {
                if self.state.viewing != viewing || self.state.unread > 0 {
                    self.changed = true;
                }
                self.state.set_viewing(viewing);
                if viewing {
                    self.mark_seen(now_ms);
                }
            }
            Intent::LoadOlder => self.load_older(now_ms),
            Intent::SetCustomerName(name) => self.update_customer(Some(name), None, now_ms),
            Intent::SetCustomerEmail(email) => self.update_customer(None, Some(email), now_ms),
            Intent::SetSessionVariables { variables, merge } => self.set_session_variables(variables, merge, now_ms),
        }
    }

    /// The next output for the driver (connect, send, close, timers, storage, tokens).
    pub fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    /// The next event for the host page's JS API (`lc:event`).
    pub fn poll_host_event(&mut self) -> Option<HostEvent> {
        self.host_events.pop_front()
    }

    /// The next thing worth logging.
    pub fn poll_notice(&mut self) -> Option<Notice> {
        self.notices.pop_front()
    }

    /// When to deliver the next `Input::Tick` (ms, driver clock).
    pub fn next_timeout(&self) -> Option<u64> {
        let sneak = self.sneak_pending.as_ref().and(self.sneak_sent_at).map(|t| t + self.config.sneak_peek_interval_ms);
        match (self.session.next_timeout(), sneak) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    fn pump(&mut self, now_ms: u64) {
        while let Some(output) = self.session.poll_output() {
            match output {
                Output::Event(event) => self.on_session_event(event, now_ms),
                other => self.out.push_back(other),
            }
        }
    }

    fn warn(&mut self, text: String) {
        self.notices.push_back(Notice(text));
    }

    fn request(&mut self, request: Request, purpose: Purpose, now_ms: u64) {
        let id = self.session.request(request.action(), request.payload(), now_ms);
        self.purposes.push((id, purpose));
    }

    fn on_session_event(&mut self, event: SessionEvent, now_ms: u64) {
        match event {
            SessionEvent::StatusChanged(status) => {
                self.status = status;
                self.changed = true;
            }
            SessionEvent::LoggedIn { payload } => match Response::decode("login", payload) {
                Ok(Response::Login(login)) => self.on_login(&login, now_ms),
                Ok(_) => self.warn("unexpected login payload".into()),
                Err(e) => self.warn(format!("login response: {e}")),
            },
            SessionEvent::Response { id, action, result } => {
                let purpose = match self.purposes.iter().position(|(i, _)| *i == id) {
                    Some(i) => self.purposes.swap_remove(i).1,
                    None => Purpose::FireAndForget,
                };
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
        self.state.apply_login(login);
        self.changed = true;
        let group = self.state.group_id;
        self.request(
            ListGroupStatuses { all: None, group_ids: Some(vec![group]) }.into(),
            Purpose::GroupStatuses,
            now_ms,
        );
        if self.state.prechat == FormSlot::Unknown {
            self.request(
                GetForm { group_id: group, form_type: FormType::Prechat }.into(),
                Purpose::Form(FormType::Prechat),
                now_ms,
            );
        }
        self.look_up_chat(now_ms);
    }

    /// Fetches the chat on screen (`get_chat`), or finds the customer's latest one
    /// (`list_chats`); its answer merges the history and then flushes the outbox.
    fn look_up_chat(&mut self, now_ms: u64) {
        match self.state.chat_id.clone() {
            Some(chat_id) => self.request(GetChat { chat_id, thread_id: None }.into(), Purpose::RestoreChat, now_ms),
            None => self.request(ListChats { limit: Some(1), ..Default::default() }.into(), Purpose::FindChat, now_ms),
        }
    }

    fn on_response(&mut self, purpose: Purpose, response: Response, now_ms: u64) {
        match (purpose, response) {
            (Purpose::GroupStatuses, Response::ListGroupStatuses(r)) => {
                self.state.apply_group_statuses(&r.groups_status)
            }
            (Purpose::Form(kind), Response::GetForm(r)) => self.state.apply_form(&kind, &r),
            (Purpose::FindChat, Response::ListChats(r)) => match r.chats_summary.first() {
                Some(summary) => {
                    let chat_id = summary.id.clone();
                    self.request(GetChat { chat_id, thread_id: None }.into(), Purpose::RestoreChat, now_ms);
                    return;
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
                self.loading_older = false;
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
                self.start_conflict = false;
                self.outbox.confirm(&custom_id);
                self.confirmed(&custom_id, Some(r.event_id), now_ms);
            }
            (Purpose::SendEvent(custom_id), _) => {
                // Answered without an event id: accepted all the same.
                self.outbox.confirm(&custom_id);
                self.confirmed(&custom_id, None, now_ms);
            }
            _ => return,
        }
        self.changed = true;
    }

    fn on_failure(&mut self, purpose: Purpose, action: &str, error: RequestError, now_ms: u64) {
        let retry_later = matches!(error, RequestError::ConnectionLost | RequestError::Timeout)
            || matches!(&error, RequestError::Rtm(e) if matches!(e.kind,
                ErrorType::RequestTimeout | ErrorType::ServiceUnavailable | ErrorType::Internal | ErrorType::TooManyRequests));
        match purpose {
            Purpose::StartChat(customs) | Purpose::ActivateChat(customs) => {
                self.starting = false;
                // `limit_reached` on start_chat (the customer already has an active chat) or
                // `not_allowed` on activate_chat (the chat is active): another tab or device
                // of this customer got there first. Look the chat up and send into it, once;
                // a second conflict in a row fails the events like any other error.
                let conflict = !self.start_conflict
                    && matches!(&error, RequestError::Rtm(e) if matches!(e.kind, ErrorType::LimitReached | ErrorType::NotAllowed));
                self.start_conflict = conflict;
                self.after_send_failure(&customs, retry_later || conflict, now_ms);
            }
            Purpose::SendEvent(custom_id) => {
                if matches!(&error, RequestError::Rtm(e) if e.kind == ErrorType::ChatInactive) {
                    // The thread closed meanwhile: the message reactivates the chat.
                    self.outbox.set_in_flight(&custom_id, false);
                    self.state.phase = ChatPhase::Ended;
                    self.flush_outbox(now_ms);
                } else {
                    self.after_send_failure(&[custom_id], retry_later, now_ms);
                }
            }
            Purpose::RestoreChat | Purpose::FindChat => self.restored(now_ms),
            Purpose::OlderThread => self.loading_older = false,
            _ => {}
        }
        self.warn(format!("{action} failed: {error}"));
        self.changed = true;
    }

    fn after_send_failure(&mut self, customs: &[String], retry_later: bool, now_ms: u64) {
        for custom_id in customs {
            self.outbox.set_in_flight(custom_id, false);
            if !retry_later {
                if let Some(event) = self.outbox.get(custom_id).cloned() {
                    self.add_failed(custom_id.clone(), event);
                }
                self.outbox.confirm(custom_id);
                self.state.fail_send(custom_id);
            }
        }
        // Whether the server got them is unknown: look at the chat before sending again.
        if retry_later && matches!(self.status, ConnectionStatus::Connected) {
            self.look_up_chat(now_ms);
        }
    }

    fn on_push(&mut self, push: Push, now_ms: u64) {
        if let Push::IncomingEvent(p) = &push {
            if let Some(custom_id) = &p.event.custom_id {
                self.outbox.confirm(custom_id);
            }
        }
        let ended = matches!(&push, Push::ChatDeactivated(p) if self.state.chat_id.as_deref() == Some(&p.chat_id));
        let new_event = matches!(push, Push::IncomingEvent(_));
        if let Push::IncomingEvent(p) = &push {
            if self.state.chat_id.as_deref() == Some(p.chat_id.as_str()) {
                self.announce_pushed_event(&p.event, now_ms);
            }
        }
        if self.state.apply_push(&push) {
            self.changed = true;
        }
        if ended {
            self.ask_for_postchat(now_ms);
        }
        if new_event && self.state.viewing {
            self.mark_seen(now_ms);
        }
    }

    /// The chat ended: fetch the postchat form, once.
    fn ask_for_postchat(&mut self, now_ms: u64) {
        if self.state.postchat == FormSlot::Unknown {
            let group = self.state.group_id;
            self.request(
                GetForm { group_id: group, form_type: FormType::Postchat }.into(),
                Purpose::Form(FormType::Postchat),
                now_ms,
            );
        }
    }

    fn restored(&mut self, now_ms: u64) {
        self.restored = true;
        self.flush_outbox(now_ms);
    }

    fn chat_started(&mut self, customs: &[String], event_ids: &[String], now_ms: u64) {
        self.starting = false;
        self.start_conflict = false;
        for (i, custom_id) in customs.iter().enumerate() {
            self.outbox.confirm(custom_id);
            self.confirmed(custom_id, event_ids.get(i).cloned(), now_ms);
        }
        self.flush_outbox(now_ms);
    }

    /// Sends every unconfirmed event that has no request under way: into the
    /// active thread, or as the initial events of a started or reactivated chat.
    fn flush_outbox(&mut self, now_ms: u64) {
        if !self.restored || self.starting {
            return;
        }
        let mut idle = Vec::new();
        for (custom_id, event) in self.outbox.idle() {
            let known = self.state.timeline.by_custom_id(&custom_id).is_some_and(|e| e.event_id.is_some());
            if known {
                self.outbox.confirm(&custom_id);
                self.state.confirm_sent(&custom_id, None);
                self.changed = true;
            } else {
                idle.push((custom_id, event));
            }
        }
        if idle.is_empty() {
            return;
        }
        for (custom_id, _) in &idle {
            self.outbox.set_in_flight(custom_id, true);
        }
        let customs: Vec<String> = idle.iter().map(|(c, _)| c.clone()).collect();
        let events: Vec<NewEvent> = idle.into_iter().map(|(_, e)| e).collect();
        match (self.state.chat_id.clone(), self.state.phase) {
            (Some(chat_id), ChatPhase::Active | ChatPhase::Queued) => {
                for (custom_id, event) in customs.into_iter().zip(events) {
                    let request = SendEvent::new(chat_id.clone(), event);
                    self.request(request.into(), Purpose::SendEvent(custom_id), now_ms);
                }
            }
            (Some(chat_id), _) => {
                self.starting = true;
                let mut request = ActivateChat::new(chat_id, events);
                request.chat.access = self.access_group.map(|g| Access { group_ids: vec![g] });
                self.request(request.into(), Purpose::ActivateChat(customs), now_ms);
            }
            (None, _) => {
                self.starting = true;
                let mut request = StartChat::with_events(events);
                if let (Some(chat), Some(g)) = (request.chat.as_mut(), self.access_group) {
                    chat.access = Some(Access { group_ids: vec![g] });
                }
                self.request(request.into(), Purpose::StartChat(customs), now_ms);
            }
        }
    }

    /// Shows an event at once as pending and queues it in the outbox.
    fn send_event(&mut self, event: NewEvent, now_ms: u64) {
        let custom_id = self.ids.next(now_ms);
        let event = event.with_custom_id(custom_id.clone());
        let mut shown = Event::from_json(&event.to_value());
        shown.author_id = self.state.customer_id().map(str::to_owned);
        self.state.send_local(custom_id.clone(), shown);
        self.outbox.push(custom_id, event);
        self.changed = true;
        self.flush_outbox(now_ms);
    }

    fn send_message(&mut self, text: &str, now_ms: u64) {
        if text.trim().is_empty() {
            return;
        }
        self.sneak_pending = None;
        for part in split_message(text, MAX_MESSAGE_BYTES) {
            self.send_event(NewEvent::message(part), now_ms);
        }
    }

    fn retry(&mut self, custom_id: &str, now_ms: u64) {
        let Some(event) = self.take_failed(custom_id) else { return };
        if let Some(entry) = self.state.timeline.by_custom_id(custom_id) {
            let shown = entry.event.clone();
            self.state.send_local(custom_id.to_owned(), shown);
        }
        self.outbox.push(custom_id.to_owned(), event);
        self.changed = true;
        self.flush_outbox(now_ms);
    }

    fn submit_prechat(&mut self, fields: Vec<FilledFormField>, now_ms: u64) {
        let FormSlot::Ready(form) = &self.state.prechat else { return };
        let form_id = form.id.clone();
        // A group_chooser answer routes the chat to that group.
        let chosen = fields.iter().find_map(|f| match (&f.field_type, &f.answer) {
            (FormFieldType::GroupChooser, Answer::Choice(option)) => option.group_id,
            _ => None,
        });
        if let Some(group) = chosen {
            self.state.group_id = group;
            self.access_group = Some(group);
        }
        // The name and e-mail answers become the customer's, as on LiveChat's own widget.
        let answer = |kind: FormFieldType| {
            fields.iter().find(|f| f.field_type == kind).and_then(|f| match &f.answer {
                Answer::Text(text) if !text.trim().is_empty() => Some(text.trim().to_owned()),
                _ => None,
            })
        };
        let (name, email) = (answer(FormFieldType::Name), answer(FormFieldType::Email));
        if name.is_some() || email.is_some() {
            self.update_customer(name, email, now_ms);
        }
        self.state.prechat = FormSlot::Done;
        self.host_events.push_back(HostEvent::FormSubmitted(FormSubmittedData::new(&FormType::Prechat)));
        self.send_event(NewEvent::filled_form(form_id, fields), now_ms);
    }

    fn submit_postchat(&mut self, fields: Vec<FilledFormField>, now_ms: u64) {
        let (FormSlot::Ready(form), Some(chat_id)) = (&self.state.postchat, self.state.chat_id.clone()) else { return };
        let event = NewEvent::filled_form(form.id.clone(), fields).with_custom_id(self.ids.next(now_ms));
        // The thread is closed: the spec's attach_to_last_thread adds the event to it.
        let mut request = SendEvent::new(chat_id, event);
        request.attach_to_last_thread = Some(true);
        self.request(request.into(), Purpose::FireAndForget, now_ms);
        self.host_events.push_back(HostEvent::FormSubmitted(FormSubmittedData::new(&FormType::Postchat)));
        self.set_postchat_done();
    }

    fn set_postchat_done(&mut self) {
        self.state.postchat = FormSlot::Done;
        self.changed = true;
    }

    /// A quick reply or `message` button: the postback, then a message carrying
    /// the `postback` object (spec: "Send Rich Message Postback", "Events > Message").
    fn postback(&mut self, event_id: &str, postback_id: &str, now_ms: u64) {
        let Some(entry) = self.state.timeline.by_event_id(event_id) else { return };
        let EventBody::RichMessage(rich) = &entry.event.body else { return };
        let Some(button) = rich.elements.iter().flat_map(|e| &e.buttons).find(|b| b.postback_id == postback_id) else {
            return;
        };
        let (Some(chat_id), Some(thread_id)) =
            (self.state.chat_id.clone(), entry.thread_id.clone().or_else(|| self.state.thread_id.clone()))
        else {
            return;
        };
        let text = button.text.clone();
        let (postback_type, value) = match (&button.button_type, &button.value) {
            (Some(t), Some(v)) => (Some(t.as_str().to_owned()), Some(v.clone())),
            _ => (None, None),
        };
        let request = SendRichMessagePostback {
            chat_id,
            thread_id: thread_id.clone(),
            event_id: event_id.to_owned(),
            postback: RichMessagePostback { id: postback_id.to_owned(), toggled: true },
        };
        self.request(request.into(), Purpose::FireAndForget, now_ms);
        self.host_events.push_back(HostEvent::RichMessageButtonClicked(ButtonClickedData {
            event_id: event_id.to_owned(),
            postback_id: postback_id.to_owned(),
        }));
        if let Some(customer) = self.state.customer_id().map(str::to_owned) {
            self.state.toggle_postback_local(event_id, postback_id, &customer);
        }
        let postback = MessagePostback {
            id: postback_id.to_owned(),
            thread_id,
            event_id: event_id.to_owned(),
            postback_type,
            value,
        };
        self.send_event(NewEvent::postback_message(text, postback), now_ms);
    }

    fn accept_greeting(&mut self, now_ms: u64) {
        let Some(greeting) = self.state.greeting.take() else { return };
        let request = AcceptGreeting { greeting_id: greeting.id, unique_id: greeting.unique_id.clone() };
        self.request(request.into(), Purpose::FireAndForget, now_ms);
        self.state.show_greeting_in_chat(&greeting);
        self.changed = true;
    }

    /// The customer's event was accepted: shown as sent, and announced once.
    fn confirmed(&mut self, custom_id: &str, event_id: Option<String>, now_ms: u64) {
        let kind = self.state.timeline.by_custom_id(custom_id).map(|e| e.event.body.event_type().to_owned());
        self.state.confirm_sent(custom_id, event_id.clone());
        let (Some(kind), Some(customer)) = (kind, self.state.customer_id().map(str::to_owned)) else { return };
        if self.announced.insert(custom_id.to_owned()) {
            self.announced.extend(event_id);
            let author = Author { id: customer, kind: "customer" };
            self.host_events.push_back(HostEvent::NewEvent(NewEventData { timestamp: now_ms, kind, author }));
        }
    }

    /// An `incoming_event` of the current chat: announced unless the timeline
    /// already has it (a repeat after reconnect) or it was announced before.
    fn announce_pushed_event(&mut self, event: &Event, now_ms: u64) {
        let timeline = &self.state.timeline;
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
        let by_customer = self.state.customer_id() == Some(author_id.as_str());
        self.host_events.push_back(HostEvent::NewEvent(NewEventData {
            timestamp: event.created_at.as_deref().and_then(rfc3339_to_unix_ms).unwrap_or(now_ms),
            kind: event.body.event_type().to_owned(),
            author: Author { id: author_id, kind: if by_customer { "customer" } else { "agent" } },
        }));
    }

    /// Writes the unconfirmed and failed customer events when they changed. Runs
    /// after every input, so the check is on the ids alone: the timeline is walked
    /// and the JSON built only when an event joined or left the outbox.
    fn persist_outbox(&mut self) {
        let Some(key) = self.config.outbox_key.clone() else { return };
        let ids = self.outbox_ids();
        if self.persisted_outbox.as_ref() == Some(&ids) {
            return;
        }
        let value = self.stored_outbox();
        self.persisted_outbox = Some(ids);
        self.out.push_back(Output::Store { key, value });
    }

    /// The outbox's `custom_id`s in order, then the failed ones in the order
    /// they failed, each with whether it failed.
    fn outbox_ids(&self) -> Vec<(String, bool)> {
        let failed = self.failed.iter().map(|(c, _)| (c.clone(), true));
        self.outbox.entries().map(|(c, _)| (c.clone(), false)).chain(failed).collect()
    }

    /// Keeps `event` as failed for good (replacing an earlier one with its `custom_id`).
    fn add_failed(&mut self, custom_id: String, event: NewEvent) {
        self.take_failed(&custom_id);
        self.failed.push((custom_id, event));
    }

    /// Forgets the failed event with this `custom_id`, returning it.
    fn take_failed(&mut self, custom_id: &str) -> Option<NewEvent> {
        let i = self.failed.iter().position(|(c, _)| c == custom_id)?;
        Some(self.failed.remove(i).1)
    }

    /// The unconfirmed and failed customer events as stored, in timeline order.
    fn stored_outbox(&self) -> String {
        let stored = |custom_id: &String| {
            let (event, failed) = match (self.outbox.get(custom_id), self.failed.iter().find(|(c, _)| c == custom_id)) {
                (Some(event), _) => (event, false),
                (None, Some((_, event))) => (event, true),
                (None, None) => return None,
            };
            Some(StoredEntry { custom_id: custom_id.clone(), event: event.clone(), failed })
        };
        let mut entries: Vec<StoredEntry> =
            self.state.timeline.entries().iter().filter_map(|e| e.custom_id.as_ref().and_then(stored)).collect();
        // Anything the timeline no longer shows (a chat switch) is still kept.
        for (custom_id, _) in self.outbox.entries() {
            if !entries.iter().any(|e| e.custom_id == *custom_id) {
                entries.extend(stored(custom_id));
            }
        }
        serde_json::Value::Array(entries.iter().map(StoredEntry::to_value).collect()).to_string()
    }

    fn greeting_ref(&self) -> Option<GreetingRef> {
        self.state.greeting.as_ref().map(|g| GreetingRef { id: g.id, unique_id: g.unique_id.clone() })
    }

    /// `greeting_hidden` / `greeting_displayed` when the greeting on screen changed.
    fn announce_greeting_change(&mut self, before: Option<GreetingRef>) {
        let after = self.greeting_ref();
        if before == after {
            return;
        }
        self.host_events.extend(before.map(HostEvent::GreetingHidden));
        self.host_events.extend(after.map(HostEvent::GreetingDisplayed));
    }

    /// `LiveChatWidget.call("set_customer_name" | "set_customer_email")`: sent now
    /// when connected, and in every later login.
    fn update_customer(&mut self, name: Option<String>, email: Option<String>, now_ms: u64) {
        let mut login = self.session.customer().clone();
        login.name = name.clone().or(login.name);
        login.email = email.clone().or(login.email);
        self.session.set_customer(login);
        if let Some(customer) = self.state.customer.as_mut() {
            customer.name = name.clone().or(customer.name.take());
            customer.email = email.clone().or(customer.email.take());
            self.changed = true;
        }
        if matches!(self.status, ConnectionStatus::Connected | ConnectionStatus::LoggingIn) {
            let request = UpdateCustomer { name, email, ..Default::default() };
            self.request(request.into(), Purpose::FireAndForget, now_ms);
        }
    }

    /// `set_session_variables` (replace) or `update_session_variables` (merge):
    /// sent now when connected, and in every later login.
    fn set_session_variables(&mut self, variables: Vec<(String, String)>, merge: bool, now_ms: u64) {
        if !merge {
            self.session_variables.clear();
        }
        for (key, value) in variables {
            match self.session_variables.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => self.session_variables.push((key, value)),
            }
        }
        let fields: Vec<_> = session_fields(&self.session_variables);
        let mut login = self.session.customer().clone();
        login.session_fields = (!fields.is_empty()).then(|| fields.clone());
        self.session.set_customer(login);
        self.changed = true;
        if matches!(self.status, ConnectionStatus::Connected | ConnectionStatus::LoggingIn) {
            self.request(SetCustomerSessionFields { session_fields: fields }.into(), Purpose::FireAndForget, now_ms);
        }
    }

    fn mark_seen(&mut self, now_ms: u64) {
        let (Some(chat_id), Some(latest)) =
            (self.state.chat_id.clone(), self.state.latest_created_at().map(str::to_owned))
        else {
            return;
        };
        if self.seen_marked.as_deref().is_some_and(|s| s >= latest.as_str()) {
            return;
        }
        self.seen_marked = Some(latest.clone());
        self.request(MarkEventsAsSeen { chat_id, seen_up_to: latest }.into(), Purpose::FireAndForget, now_ms);
    }

    fn load_older(&mut self, now_ms: u64) {
        if self.loading_older {
            return;
        }
        let (Some(chat_id), Some(thread_id)) = (self.state.chat_id.clone(), self.state.older_thread_id.clone()) else {
            return;
        };
        self.loading_older = true;
        self.request(GetChat { chat_id, thread_id: Some(thread_id) }.into(), Purpose::OlderThread, now_ms);
    }

    fn flush_sneak_peek(&mut self, now_ms: u64) {
        let due = self.sneak_sent_at.is_none_or(|t| now_ms >= t + self.config.sneak_peek_interval_ms);
        if !due || !self.state.can_send() {
            return;
        }
        let (Some(text), Some(chat_id)) = (self.sneak_pending.take(), self.state.chat_id.clone()) else { return };
        self.sneak_sent_at = Some(now_ms);
        self.request(SendSneakPeek { chat_id, sneak_peek_text: text }.into(), Purpose::FireAndForget, now_ms);
    }
}

/// Splits text into parts of at most `max` bytes at character boundaries,
/// preferring to break after whitespace (the spec: "to send more, split text
/// into several messages").
pub fn split_message(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = rest[..cut].rfind(char::is_whitespace).filter(|&i| i > max / 2) {
            cut = space + rest[space..].chars().next().map_or(1, char::len_utf8);
        }
        parts.push(rest[..cut].to_owned());
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_owned());
    }
    parts
}
