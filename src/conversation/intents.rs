//! The customer's intents carried out: messages, forms, postbacks, greetings,
//! the window's visibility, history, and what the host page sets about the customer.

use crate::chat::{FormSlot, Visibility};
use crate::protocol::request::{
    AcceptGreeting, CancelGreeting, CustomerPage, DeactivateChat, GetChat, MarkEventsAsSeen, RichMessagePostback,
    SendEvent, SendRichMessagePostback, SendSneakPeek, SetCustomerSessionFields, UpdateCustomer,
};
use crate::protocol::{Answer, EventBody, FilledFormField, FormFieldType, FormType, MessagePostback, NewEvent};
use crate::session::{ConnectionStatus, Input};

use super::host_api::{session_fields, ButtonClickedData, FormSubmittedData, HostEvent};
use super::requests::Purpose;
use super::split::{split_message, MAX_MESSAGE_BYTES};
use super::{Conversation, Intent, Output};

impl Conversation {
    pub(super) fn apply_intent(&mut self, intent: Intent, now_ms: u64) {
        // A paused session (inactivity, users limit) waits for the customer to act.
        if matches!(self.status, ConnectionStatus::Paused { .. }) && intent.is_customer_action() {
            self.session.handle_input(Input::Resume, now_ms);
        }
        match intent {
            Intent::SendMessage(text) => self.send_message(&text, now_ms),
            Intent::RetryMessage { custom_id } => self.retry(&custom_id, now_ms),
            Intent::RemoveMessage { custom_id } => {
                if self.outbox.take_failed(&custom_id).is_some() {
                    self.state.remove_failed(&custom_id);
                }
            }
            Intent::CancelUpload { id } => self.uploads.cancel(&id),
            Intent::RetryUpload { id } => self.uploads.retry(&id),
            Intent::SubmitPrechat(fields) => self.submit_prechat(fields, now_ms),
            Intent::SubmitPostchat(fields) => self.submit_postchat(fields, now_ms),
            Intent::SkipPostchat => self.state.form_done(&FormType::Postchat),
            Intent::SubmitChatForm { event_id, fields } => self.submit_chat_form(&event_id, fields, now_ms),
            Intent::Postback { event_id, postback_id } => self.postback(&event_id, &postback_id, now_ms),
            Intent::AcceptGreeting => self.accept_greeting(now_ms),
            Intent::CancelGreeting => {
                if let Some(g) = self.state.dismiss_greeting() {
                    self.fire_and_forget(CancelGreeting { unique_id: g.unique_id }.into(), now_ms);
                }
            }
            Intent::Typing(text) => {
                if self.state.can_send() && !text.trim().is_empty() {
                    self.sneak_peek.typed(text);
                    self.flush_sneak_peek(now_ms);
                }
            }
            Intent::EndChat => {
                if let (Some(chat_id), true) = (self.state.chat_id.clone(), self.state.can_send()) {
                    self.fire_and_forget(DeactivateChat { chat_id }.into(), now_ms);
                }
            }
            Intent::SetVisibility(visibility) => {
                let opened = visibility == Visibility::Maximized && self.state.visibility != visibility;
                self.state.set_visibility(visibility);
                if visibility == Visibility::Maximized {
                    self.mark_seen(now_ms);
                }
                if opened {
                    self.availability_on_open(now_ms);
                }
            }
            Intent::Rate { score, comment } => self.rate(score, comment, now_ms),
            Intent::RemoveRating => self.remove_rating(now_ms),
            Intent::SubmitTicket(fields) => self.submit_ticket(fields, now_ms),
            Intent::SetPageHidden(hidden) => {
                self.state.set_page_hidden(hidden);
                if self.state.viewing() {
                    self.mark_seen(now_ms);
                }
            }
            Intent::SetSound(on) => {
                self.state.set_sound(on);
                if let Some(key) = self.sound_key.clone() {
                    self.out.push_back(Output::Store { key, value: if on { "on" } else { "off" }.into() });
                }
            }
            Intent::LoadOlder => self.load_older(now_ms),
            Intent::TryAgain => self.session.handle_input(Input::Retry, now_ms),
            Intent::SetCustomerName(name) => self.update_customer(Some(name), None, now_ms),
            Intent::SetCustomerEmail(email) => self.update_customer(None, Some(email), now_ms),
            Intent::SetSessionVariables { variables, merge } => self.set_session_variables(variables, merge, now_ms),
            Intent::SetMessageDraft(text) => {
                if !text.trim().is_empty() {
                    self.state.set_message_draft(Some(text));
                }
            }
            Intent::UpdateCustomerPage(page) => self.navigated(page, now_ms),
        }
    }

    fn fire_and_forget(&mut self, request: crate::protocol::Request, now_ms: u64) {
        self.requests.send(&mut self.session, request, Purpose::FireAndForget, now_ms);
    }

    fn send_message(&mut self, text: &str, now_ms: u64) {
        if text.trim().is_empty() {
            return;
        }
        self.sneak_peek.clear();
        self.state.set_message_draft(None);
        for part in split_message(text, MAX_MESSAGE_BYTES) {
            self.send_event(NewEvent::message(part), now_ms);
        }
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
            self.state.choose_group(group);
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
        self.state.form_done(&FormType::Prechat);
        self.announcer.push(HostEvent::FormSubmitted(FormSubmittedData::new(&FormType::Prechat)));
        self.send_event(NewEvent::filled_form(form_id, fields), now_ms);
    }

    fn submit_postchat(&mut self, fields: Vec<FilledFormField>, now_ms: u64) {
        let (FormSlot::Ready(form), Some(chat_id)) = (&self.state.postchat, self.state.chat_id.clone()) else { return };
        let event = NewEvent::filled_form(form.id.clone(), fields).with_custom_id(self.ids.next(now_ms));
        // The thread is closed: the spec's attach_to_last_thread adds the event to it.
        let mut request = SendEvent::new(chat_id, event);
        request.attach_to_last_thread = Some(true);
        self.fire_and_forget(request.into(), now_ms);
        self.announcer.push(HostEvent::FormSubmitted(FormSubmittedData::new(&FormType::Postchat)));
        self.state.form_done(&FormType::Postchat);
    }

    /// The answer to a `form` event in the chat (data structures, "Form" and
    /// "Filled form"): sent once, like a message; a form already answered in
    /// the timeline (same `form_id`, after it) is not answered again.
    fn submit_chat_form(&mut self, event_id: &str, fields: Vec<FilledFormField>, now_ms: u64) {
        let Some(entry) = self.state.timeline.by_event_id(event_id) else { return };
        let EventBody::Form(form) = &entry.event.body else { return };
        let form_id = form.form_id.clone();
        if self.state.chat_form_answered(event_id, &form_id) {
            return;
        }
        self.send_event(NewEvent::filled_form(form_id, fields), now_ms);
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
        self.fire_and_forget(request.into(), now_ms);
        let greeting = self.announcer.greeting_of(event_id);
        self.announcer.push(HostEvent::RichMessageButtonClicked(ButtonClickedData {
            event_id: event_id.to_owned(),
            postback_id: postback_id.to_owned(),
            greeting,
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
        let Some(greeting) = self.state.greeting.clone() else { return };
        let request = AcceptGreeting { greeting_id: greeting.id, unique_id: greeting.unique_id.clone() };
        self.fire_and_forget(request.into(), now_ms);
        self.state.show_greeting_in_chat(&greeting);
    }

    /// `LiveChatWidget.call("set_customer_name" | "set_customer_email")`: sent now
    /// when connected, and in every later login.
    fn update_customer(&mut self, name: Option<String>, email: Option<String>, now_ms: u64) {
        let mut login = self.session.customer().clone();
        login.name = name.clone().or(login.name);
        login.email = email.clone().or(login.email);
        self.session.set_customer(login);
        self.state.update_customer(name.as_deref(), email.as_deref());
        if self.connected() {
            self.fire_and_forget(UpdateCustomer { name, email, ..Default::default() }.into(), now_ms);
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
        let fields = session_fields(&self.session_variables);
        let mut login = self.session.customer().clone();
        login.session_fields = (!fields.is_empty()).then(|| fields.clone());
        self.session.set_customer(login);
        if self.connected() {
            self.fire_and_forget(SetCustomerSessionFields { session_fields: fields }.into(), now_ms);
        }
    }

    /// The host page navigated: the next login's `customer_page`, and
    /// `update_customer_page` now if logged in and the server has not heard of it.
    fn navigated(&mut self, page: CustomerPage, now_ms: u64) {
        self.session.set_customer_page(page.clone());
        let logged_in = matches!(self.status, ConnectionStatus::Connected);
        if let Some(request) = self.pages.navigated(page, logged_in) {
            self.fire_and_forget(request.into(), now_ms);
        }
    }

    fn connected(&self) -> bool {
        matches!(self.status, ConnectionStatus::Connected | ConnectionStatus::LoggingIn)
    }

    /// Tells the server the visitor saw everything up to the newest event, once per event.
    pub(super) fn mark_seen(&mut self, now_ms: u64) {
        let (Some(chat_id), Some(latest)) =
            (self.state.chat_id.clone(), self.state.latest_created_at().map(str::to_owned))
        else {
            return;
        };
        if self.seen_marked.as_deref().is_some_and(|s| s >= latest.as_str()) {
            return;
        }
        self.seen_marked = Some(latest.clone());
        self.fire_and_forget(MarkEventsAsSeen { chat_id, seen_up_to: latest }.into(), now_ms);
    }

    fn load_older(&mut self, now_ms: u64) {
        if self.requests.loading_older() {
            return;
        }
        let (Some(chat_id), Some(thread_id)) = (self.state.chat_id.clone(), self.state.older_thread_id.clone()) else {
            return;
        };
        let request = GetChat { chat_id, thread_id: Some(thread_id) }.into();
        self.requests.send(&mut self.session, request, Purpose::OlderThread, now_ms);
    }

    /// Sends the typed text as a sneak peek when the throttle allows.
    pub(super) fn flush_sneak_peek(&mut self, now_ms: u64) {
        if !self.state.can_send() {
            return;
        }
        let Some(chat_id) = self.state.chat_id.clone() else { return };
        if let Some(text) = self.sneak_peek.take_due(now_ms) {
            self.fire_and_forget(SendSneakPeek { chat_id, sneak_peek_text: text }.into(), now_ms);
        }
    }
}
