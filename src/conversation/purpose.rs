//! What each request in flight was sent for, so its response lands in the right place.

use crate::protocol::FormType;

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
    /// Requests whose answer changes nothing beyond what the pushes say
    /// (postback, sneak peek, mark seen, greetings, deactivate).
    FireAndForget,
}
