//! Requests under way and what each was sent for, so its response lands in the right place.

use crate::protocol::{FormType, Request};
use crate::session::{RequestId, Session};

/// The reason a request was sent.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Purpose {
    /// `list_group_statuses` for availability.
    GroupStatuses,
    /// `get_form` for the prechat or postchat survey.
    Form(FormType),
    /// `list_chats` to find the chat to restore.
    FindChat,
    /// `get_chat` of the latest thread (restore after login or reconnect).
    RestoreChat,
    /// `get_chat` of an older thread (history on scroll).
    OlderThread,
    /// `start_chat` carrying these local events.
    StartChat(Vec<String>),
    /// `activate_chat` carrying these local events.
    ActivateChat(Vec<String>),
    /// `send_event` of the local event with this `custom_id`.
    SendEvent(String),
    /// `update_thread_properties` (`Some`) or `delete_thread_properties` (`None`) of the rating.
    Rate(Option<crate::chat::Rating>),
    /// `get_predicted_agent`, for the header before the chat starts.
    PredictedAgent,
    /// Requests whose answer changes nothing beyond what the pushes say
    /// (postback, sneak peek, mark seen, greetings, deactivate, customer fields).
    FireAndForget,
}

/// The requests under way, by id (ids are unique; few are under way at once).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Requests {
    under_way: Vec<(RequestId, Purpose)>,
}

impl Requests {
    /// Sends `request` through the session and remembers why.
    pub(crate) fn send(&mut self, session: &mut Session, request: Request, purpose: Purpose, now_ms: u64) {
        let id = session.request(request.action(), request.payload(), now_ms);
        self.under_way.push((id, purpose));
    }

    /// The purpose of the request that just finished (fire-and-forget when unknown).
    pub(crate) fn finish(&mut self, id: RequestId) -> Purpose {
        match self.under_way.iter().position(|(i, _)| *i == id) {
            Some(i) => self.under_way.swap_remove(i).1,
            None => Purpose::FireAndForget,
        }
    }

    /// A `start_chat` or `activate_chat` is under way: the outbox waits for its answer.
    pub(crate) fn starting(&self) -> bool {
        self.under_way.iter().any(|(_, p)| matches!(p, Purpose::StartChat(_) | Purpose::ActivateChat(_)))
    }

    /// A request for `purpose` is under way.
    pub(crate) fn any(&self, purpose: &Purpose) -> bool {
        self.under_way.iter().any(|(_, p)| p == purpose)
    }

    /// An older thread is being fetched.
    pub(crate) fn loading_older(&self) -> bool {
        self.under_way.iter().any(|(_, p)| *p == Purpose::OlderThread)
    }
}
