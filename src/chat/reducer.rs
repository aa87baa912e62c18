//! The reducer: how responses, pushes and the customer's own actions change
//! [`ChatState`]. Every rule here is covered by `tests/chat_reducer.rs`.

use crate::protocol::{
    Chat, Event, EventBody, FormType, GetFormResponse, Greeting, GroupStatus, GroupStatuses, LoginResponse, Push,
    Thread,
};

use super::rating::{Rating, RATING_NAMESPACE};
use super::state::{Availability, ChatPhase, ChatState, FormSlot, Participant, QueueStatus, Visibility};
use super::ticket::TicketStatus;
use super::timeline::{Incoming, Merged};

impl ChatState {
    /// The reply sound on or off (the visitor's setting).
    pub fn set_sound(&mut self, on: bool) {
        self.sound_on = on;
    }

    /// Text for the composer to start with (`None` once a message is sent).
    pub fn set_message_draft(&mut self, draft: Option<String>) {
        self.message_draft = draft;
    }

    /// Where the ticket form stands.
    pub fn set_ticket_status(&mut self, status: TicketStatus) {
        self.ticket_status = status;
    }

    /// The configured group was refused at login: the license's default group serves.
    pub fn drop_group(&mut self) {
        self.group_id = 0;
    }

    /// `login` response: the customer, a pending greeting, the last chat and,
    /// when the server includes it, which groups are online.
    pub fn apply_login(&mut self, login: &LoginResponse) {
        self.customer = Some(login.customer.clone());
        let c = &login.customer;
        // The customer who just logged in is present, whatever the payload says.
        self.users.insert(c.id.clone(), Participant { present: true, ..Participant::from_customer(c) });
        // `accepted: true` means the customer has already seen this greeting.
        self.greeting = login.greeting.clone().filter(|g| g.accepted != Some(true));
        // With several chats the list gives no order: the conversation asks which one
        // is active or newest (list_chats) before anything switches.
        if let [chat] = login.chats.as_slice() {
            if self.chat_id.as_deref() != Some(&chat.chat_id) {
                self.switch_chat(chat.chat_id.clone());
            }
        }
        if login.chats.iter().any(|c| c.has_unread_events) && !self.viewing() {
            self.unread = self.unread.max(1);
        }
        if let Some(online) = &login.online_groups_ids {
            self.availability =
                if online.contains(&self.group_id) { Availability::Online } else { Availability::Offline };
        }
    }

    /// `list_group_statuses` response: the configured group's availability.
    pub fn apply_group_statuses(&mut self, statuses: &GroupStatuses) {
        self.availability = match statuses.get(&self.group_id) {
            Some(GroupStatus::Online | GroupStatus::OnlineForQueue) => Availability::Online,
            Some(GroupStatus::Offline) => Availability::Offline,
            // Unknown statuses and missing groups leave what we knew.
            _ => self.availability,
        };
    }

    /// `get_form` response for the prechat or postchat survey.
    pub fn apply_form(&mut self, kind: &FormType, response: &GetFormResponse) {
        let slot = FormSlot::from_response(response);
        match kind {
            FormType::Postchat => self.postchat = slot,
            FormType::Ticket => self.ticket = slot,
            _ => self.prechat = slot,
        }
    }

    /// A whole chat: the `get_chat` response or the chat of `incoming_chat`.
    pub fn apply_chat(&mut self, chat: &Chat) {
        if self.chat_id.as_deref() != Some(&chat.id) {
            self.switch_chat(chat.id.clone());
        }
        for user in &chat.users {
            if let Some(p) = Participant::from_user(user) {
                self.users.insert(p.id.clone(), p);
            }
        }
        let mut oldest_previous = None;
        for thread in chat.all_threads() {
            self.merge_thread_events(thread);
            oldest_previous = thread.previous_thread_id.clone().or(oldest_previous);
        }
        if self.older_thread_id.is_none() {
            self.older_thread_id = oldest_previous;
        }
        if let Some(latest) = chat.latest_thread() {
            self.apply_thread_status(latest);
            self.rating.confirmed = Rating::from_properties(&latest.properties);
        }
    }

    /// Older threads from `list_threads` (history loaded on scroll): their events
    /// merge in order; the current thread's status is left alone.
    pub fn apply_older_threads(&mut self, chat_id: &str, threads: &[Thread]) {
        if self.chat_id.as_deref() != Some(chat_id) {
            return;
        }
        for thread in threads {
            self.merge_thread_events(thread);
        }
        // The oldest returned thread tells whether there is more.
        let oldest = threads.iter().min_by(|a, b| a.created_at.cmp(&b.created_at));
        self.older_thread_id = oldest.and_then(|t| t.previous_thread_id.clone());
    }

    /// `start_chat` / `activate_chat` answered: the chat and thread now exist.
    pub fn chat_started(&mut self, chat_id: &str, thread_id: &str) {
        if self.chat_id.as_deref() != Some(chat_id) {
            self.switch_chat(chat_id.to_owned());
        }
        if self.thread_id.as_deref() != Some(thread_id) {
            // A new thread has no rating yet.
            self.rating = Default::default();
        }
        self.thread_id = Some(thread_id.to_owned());
        if self.phase != ChatPhase::Queued {
            self.phase = ChatPhase::Active;
        }
        self.postchat = match std::mem::take(&mut self.postchat) {
            FormSlot::Done => FormSlot::Unknown,
            other => other,
        };
    }

    /// The customer sends an event: it shows at once as pending.
    pub fn send_local(&mut self, custom_id: String, event: Event) {
        self.timeline.push_local(custom_id, event);
    }

    /// The server accepted a local event.
    pub fn confirm_sent(&mut self, custom_id: &str, event_id: Option<String>) {
        self.timeline.confirm(custom_id, event_id, self.thread_id.clone());
    }

    /// A local event could not be sent: it shows as failed with a retry action.
    pub fn fail_send(&mut self, custom_id: &str) {
        self.timeline.fail(custom_id);
    }

    /// The widget was maximised, minimised or hidden. Maximised, the visitor is
    /// looking at the chat, which clears the unread count.
    pub fn set_visibility(&mut self, visibility: Visibility) {
        self.visibility = visibility;
        if self.viewing() {
            self.unread = 0;
        }
    }

    /// The host tab went to the background or came back; back in front with the
    /// window open, the visitor sees the chat, which clears the unread count.
    pub fn set_page_hidden(&mut self, hidden: bool) {
        self.page_hidden = hidden;
        if self.viewing() {
            self.unread = 0;
        }
    }

    /// The customer sends a failed event again: it shows as pending.
    pub fn resend_local(&mut self, custom_id: &str) {
        if let Some(event) = self.timeline.by_custom_id(custom_id).map(|e| e.event.clone()) {
            self.timeline.push_local(custom_id.to_owned(), event);
        }
    }

    /// The customer removed a failed event.
    pub fn remove_failed(&mut self, custom_id: &str) {
        self.timeline.remove_failed(custom_id);
    }

    /// The current thread turned out closed (`chat_inactive`): the next event reactivates the chat.
    pub fn thread_closed(&mut self) {
        self.phase = ChatPhase::Ended;
    }

    /// The customer submitted (or skipped) the prechat or postchat form.
    pub fn form_done(&mut self, kind: &FormType) {
        match kind {
            FormType::Postchat => self.postchat = FormSlot::Done,
            // The ticket form stays: another message can be left after the confirmation.
            FormType::Ticket => {}
            _ => self.prechat = FormSlot::Done,
        }
    }

    /// The prechat's `group_chooser` routes the chat to `group`.
    pub fn choose_group(&mut self, group: u32) {
        self.group_id = group;
    }

    /// The customer dismissed the greeting on screen; returns it.
    pub fn dismiss_greeting(&mut self) -> Option<Greeting> {
        self.greeting.take()
    }

    /// The host page (or the prechat form) set the customer's name or e-mail.
    pub fn update_customer(&mut self, name: Option<&str>, email: Option<&str>) {
        if let Some(customer) = self.customer.as_mut() {
            if let Some(name) = name {
                customer.name = Some(name.to_owned());
            }
            if let Some(email) = email {
                customer.email = Some(email.to_owned());
            }
        }
    }

    /// The customer clicked a postback button: mark it toggled at once (the
    /// `incoming_rich_message_postback` push confirms it later).
    pub fn toggle_postback_local(&mut self, event_id: &str, postback_id: &str, user_id: &str) -> bool {
        self.toggle_postback(event_id, postback_id, user_id, true)
    }

    /// The customer opened a greeting: its agent joins the users and its message
    /// starts the conversation on screen.
    pub fn show_greeting_in_chat(&mut self, greeting: &Greeting) {
        if let Some(agent) = &greeting.agent {
            // The author of an invitation is not in a chat yet: present once it routes to them.
            let author = Participant { present: false, ..Participant::from_agent(agent) };
            self.users.get_or_insert_with(agent.id.clone(), || author);
        }
        if let Some(event) = &greeting.event {
            let mut event = event.clone();
            if event.author_id.is_none() {
                event.author_id = greeting.agent.as_ref().map(|a| a.id.clone());
            }
            self.merge_event(None, event);
        }
        self.greeting = None;
    }

    /// Applies a push. Returns whether anything the UI shows changed.
    pub fn apply_push(&mut self, push: &Push) -> bool {
        match push {
            Push::IncomingChat(p) => {
                self.typing.clear();
                self.apply_chat(&p.chat);
            }
            Push::ChatDeactivated(p) if self.is_current(&p.chat_id) => {
                self.phase = ChatPhase::Ended;
                self.queue = None;
                self.typing.clear();
            }
            Push::ChatTransferred(p) if self.is_current(&p.chat_id) => {
                // The chat now belongs to that group: its postchat form and availability.
                if let Some(&group) = p.transferred_to.group_ids.first().filter(|g| **g != self.group_id) {
                    self.group_id = group;
                    if matches!(self.postchat, FormSlot::Ready(_) | FormSlot::Disabled) {
                        self.postchat = FormSlot::Unknown;
                    }
                }
                self.queue = p.queue.as_ref().map(QueueStatus::from);
                if self.phase != ChatPhase::Ended {
                    self.phase = if self.queue.is_some() { ChatPhase::Queued } else { ChatPhase::Active };
                }
            }
            Push::UserAddedToChat(p) if self.is_current(&p.chat_id) => {
                let Some(participant) = Participant::from_user(&p.user) else { return false };
                // An agent joining takes the chat out of the queue.
                if participant.is_agent && participant.present && self.phase == ChatPhase::Queued {
                    self.phase = ChatPhase::Active;
                    self.queue = None;
                }
                self.users.insert(participant.id.clone(), participant);
            }
            Push::UserRemovedFromChat(p) if self.is_current(&p.chat_id) => {
                self.typing.remove(&p.user_id);
                if let Some(u) = self.users.get_mut(&p.user_id) {
                    u.present = false;
                }
            }
            Push::IncomingEvent(p) | Push::EventUpdated(p) if self.is_current(&p.chat_id) => {
                if self.chat_id.is_none() {
                    self.switch_chat(p.chat_id.clone());
                }
                let author = p.event.author_id.clone();
                let counts = self.counts_as_unread(&p.event);
                if self.merge_event(Some(&p.thread_id), p.event.clone()) == Merged::Inserted && counts {
                    self.unread += 1;
                }
                if let Some(author) = author {
                    self.typing.remove(&author);
                }
            }
            Push::IncomingRichMessagePostback(p) if self.is_current(&p.chat_id) => {
                return self.toggle_postback(&p.event_id, &p.postback.id, &p.user_id, p.postback.toggled);
            }
            Push::EventPropertiesUpdated(p) if self.is_current(&p.chat_id) => {
                let Some(event) = self.timeline.event_mut(&p.event_id) else { return false };
                for (ns, values) in &p.properties {
                    event.properties.get_or_insert_with(ns.clone(), Default::default).extend(values.clone());
                }
            }
            Push::EventPropertiesDeleted(p) if self.is_current(&p.chat_id) => {
                let Some(event) = self.timeline.event_mut(&p.event_id) else { return false };
                for (ns, names) in p.properties.iter() {
                    if let Some(values) = event.properties.get_mut(ns) {
                        names.iter().for_each(|n| drop(values.remove(n)));
                    }
                }
            }
            Push::CustomerUpdated(p) => {
                if let Some(u) = self.users.get_mut(&p.customer.id) {
                    u.name = p.customer.name.clone();
                    u.avatar = p.customer.avatar.clone();
                }
                self.customer = Some(p.customer.clone());
            }
            Push::IncomingTypingIndicator(p) if self.is_current(&p.chat_id) => {
                let author = &p.typing_indicator.author_id;
                if Some(author.as_str()) == self.customer_id() {
                    return false;
                }
                if p.typing_indicator.is_typing {
                    self.typing.insert(author.clone());
                } else {
                    self.typing.remove(author);
                }
            }
            Push::EventsMarkedAsSeen(p) if self.is_current(&p.chat_id) => {
                if Some(p.user_id.as_str()) == self.customer_id() {
                    // Seen in another tab or on another device of this customer.
                    if self.unread == 0 {
                        return false;
                    }
                    self.unread = 0;
                    return true;
                }
                if self.agent_seen_up_to.as_deref().is_none_or(|s| s < p.seen_up_to.as_str()) {
                    self.agent_seen_up_to = Some(p.seen_up_to.clone());
                }
            }
            Push::IncomingGreeting(g) => {
                // A newer greeting replaces the one on screen.
                self.greeting = Some((**g).clone());
            }
            Push::GreetingAccepted(r) | Push::GreetingCanceled(r) => {
                if self.greeting.as_ref().map(|g| &g.unique_id) != Some(&r.unique_id) {
                    return false;
                }
                self.greeting = None;
            }
            Push::QueuePositionUpdated(p) if self.is_current(&p.chat_id) => {
                self.queue = Some(QueueStatus::from(&p.queue));
                if self.phase != ChatPhase::Ended {
                    self.phase = ChatPhase::Queued;
                }
            }
            Push::ThreadPropertiesUpdated(p) if self.is_current_thread(&p.chat_id, &p.thread_id) => {
                if p.properties.get(RATING_NAMESPACE).is_none() {
                    return false;
                }
                // The push carries only what changed: merge it into what the server had.
                let mut merged = self.rating.confirmed.as_ref().map(Rating::to_properties).unwrap_or_default();
                for (ns, values) in &p.properties {
                    merged.get_or_insert_with(ns.clone(), Default::default).extend(values.clone());
                }
                self.rating.confirmed = Rating::from_properties(&merged);
            }
            Push::ThreadPropertiesDeleted(p) if self.is_current_thread(&p.chat_id, &p.thread_id) => {
                let Some(names) = p.properties.get(RATING_NAMESPACE) else { return false };
                if names.iter().any(|n| n == "score") {
                    self.rating.confirmed = None;
                } else if let Some(rating) = self.rating.confirmed.as_mut() {
                    if names.iter().any(|n| n == "comment") {
                        rating.comment = None;
                    }
                }
            }
            // Chat properties, page updates, storage, disconnects,
            // sneak peeks (agent-side), multicasts, unknown pushes, and pushes
            // for another chat change nothing the widget shows.
            _ => return false,
        }
        true
    }

    /// Whether a push about `chat_id` concerns the chat on screen (or no chat
    /// is known yet, so this one becomes it).
    fn is_current(&self, chat_id: &str) -> bool {
        self.chat_id.as_deref().is_none_or(|c| c == chat_id)
    }

    /// Whether a push about a thread concerns the current thread of the chat on screen.
    fn is_current_thread(&self, chat_id: &str, thread_id: &str) -> bool {
        self.chat_id.as_deref() == Some(chat_id) && self.thread_id.as_deref() == Some(thread_id)
    }

    fn switch_chat(&mut self, chat_id: String) {
        // From no chat to the first one, the entries on screen (the customer's
        // pending first message, an accepted greeting) belong to it: keep them.
        let first_chat = self.chat_id.is_none();
        self.chat_id = Some(chat_id);
        self.thread_id = None;
        self.phase = ChatPhase::NoChat;
        self.queue = None;
        if !first_chat {
            self.timeline.clear();
        }
        self.typing.clear();
        self.older_thread_id = None;
        self.rating = Default::default();
    }

    fn apply_thread_status(&mut self, thread: &Thread) {
        self.thread_id = Some(thread.id.clone());
        self.queue = thread.queue.as_ref().filter(|_| thread.active).map(QueueStatus::from);
        self.phase = match (thread.active, self.queue.is_some()) {
            (false, _) => ChatPhase::Ended,
            (true, true) => ChatPhase::Queued,
            (true, false) => ChatPhase::Active,
        };
    }

    fn merge_thread_events(&mut self, thread: &Thread) {
        for event in &thread.events {
            self.merge_event(Some(&thread.id), event.clone());
        }
    }

    fn merge_event(&mut self, thread_id: Option<&str>, mut event: Event) -> Merged {
        self.keep_own_file_size(&mut event);
        self.timeline.merge(Incoming {
            event_id: Some(event.id.clone()).filter(|id| !id.is_empty()),
            custom_id: event.custom_id.clone(),
            thread_id: thread_id.map(str::to_owned),
            created_at: event.created_at.clone(),
            event,
        })
    }

    /// The service returns a file's `size` only for images (spec "Events > File"):
    /// the echo of the customer's own file keeps the size its local copy knew.
    fn keep_own_file_size(&self, event: &mut Event) {
        let (EventBody::File(file), Some(custom_id)) = (&mut event.body, &event.custom_id) else { return };
        if file.size.is_some() {
            return;
        }
        if let Some(EventBody::File(local)) = self.timeline.by_custom_id(custom_id).map(|e| &e.event.body) {
            file.size = local.size;
        }
    }

    /// Agent content the visitor has not seen: not their own, not a system
    /// message, not hidden from customers, and the chat is not on screen.
    fn counts_as_unread(&self, event: &Event) -> bool {
        !self.viewing()
            && event.is_visible_to_customer()
            && !matches!(event.body, EventBody::SystemMessage(_))
            && event.author_id.as_deref() != self.customer_id()
            && !self.timeline.contains_event(&event.id)
    }

    fn toggle_postback(&mut self, event_id: &str, postback_id: &str, user_id: &str, toggled: bool) -> bool {
        let Some(Event { body: EventBody::RichMessage(rich), .. }) = self.timeline.event_mut(event_id) else {
            return false;
        };
        let mut changed = false;
        for button in rich.elements.iter_mut().flat_map(|e| e.buttons.iter_mut()) {
            if button.postback_id != postback_id {
                continue;
            }
            let has = button.user_ids.iter().any(|u| u == user_id);
            if toggled && !has {
                button.user_ids.push(user_id.to_owned());
                changed = true;
            } else if !toggled && has {
                button.user_ids.retain(|u| u != user_id);
                changed = true;
            }
        }
        changed
    }
}
