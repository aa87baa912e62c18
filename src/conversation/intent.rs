//! What the customer can ask the widget to do. The UI turns clicks and key
//! presses into these; it never builds a request itself.

use crate::chat::{Score, Visibility};
use crate::protocol::request::CustomerPage;
use crate::protocol::FilledFormField;

/// A customer intent.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    /// Send a text message (starts or reactivates the chat when needed).
    SendMessage(String),
    /// Send a failed message again, with the same `custom_id`.
    RetryMessage {
        /// The failed entry's `custom_id`.
        custom_id: String,
    },
    /// Cancel a queued or running upload, or remove a failed one.
    CancelUpload {
        /// The upload's id.
        id: String,
    },
    /// Upload a failed file again (when its failure may pass).
    RetryUpload {
        /// The upload's id.
        id: String,
    },
    /// Drop a failed message.
    RemoveMessage {
        /// The failed entry's `custom_id`.
        custom_id: String,
    },
    /// Submit the prechat form: starts the chat with a `filled_form` event.
    SubmitPrechat(Vec<FilledFormField>),
    /// Submit the postchat form: a `filled_form` attached to the last thread.
    SubmitPostchat(Vec<FilledFormField>),
    /// Close the postchat form without answering.
    SkipPostchat,
    /// Answer a `form` event the agent sent into the chat (for example
    /// `ask_for_email`): a `filled_form` with its `form_id`, through the outbox.
    SubmitChatForm {
        /// The `form` event's id.
        event_id: String,
        /// The answers.
        fields: Vec<FilledFormField>,
    },
    /// Rate the current thread good or bad, with an optional comment
    /// (during the chat or after it ended).
    Rate {
        /// Good or bad.
        score: Score,
        /// The visitor's comment; blank is none.
        comment: Option<String>,
    },
    /// Take the rating of the current thread back.
    RemoveRating,
    /// Submit the ticket form (nobody online: leave a message).
    SubmitTicket(Vec<FilledFormField>),
    /// The host tab went to the background (`true`) or came back: hidden, the
    /// visitor sees nothing, so replies count as unread even with the window open.
    SetPageHidden(bool),
    /// Turn the short reply sound on or off (remembered).
    SetSound(bool),
    /// A rich message button of type `message` (or a quick reply) was clicked.
    Postback {
        /// The rich message's event id.
        event_id: String,
        /// The button's `postback_id`.
        postback_id: String,
    },
    /// Open the greeting on screen (`accept_greeting`); the conversation
    /// continues from its message.
    AcceptGreeting,
    /// Dismiss the greeting on screen (`cancel_greeting`).
    CancelGreeting,
    /// The composer's text changed (sneak peek, throttled).
    Typing(String),
    /// End the chat (`deactivate_chat`).
    EndChat,
    /// The widget is maximised, minimised or hidden (the launcher, the header,
    /// Escape, or the host page's `maximize` / `minimize` / `hide`). Maximised,
    /// the visitor is looking at the chat: unread clears and events are marked seen.
    SetVisibility(Visibility),
    /// Load the thread before the oldest one shown.
    LoadOlder,
    /// "Try again" after the service refused the login.
    TryAgain,
    /// The host page set the customer's name (`LiveChatWidget.call("set_customer_name")`).
    SetCustomerName(String),
    /// The host page set the customer's e-mail (`set_customer_email`).
    SetCustomerEmail(String),
    /// The host page set session variables: replacing all of them
    /// (`set_session_variables`) or merging (`update_session_variables`).
    SetSessionVariables {
        /// Key/value pairs in the order given.
        variables: Vec<(String, String)>,
        /// Merge into the current ones instead of replacing them.
        merge: bool,
    },
    /// The host page asked for this text in the composer (`maximize` with
    /// `messageDraft`); the composer takes it only when it is empty.
    SetMessageDraft(String),
    /// The host page navigated (history or hash change in a single-page app):
    /// `update_customer_page` once logged in, and the next login's `customer_page`.
    UpdateCustomerPage(CustomerPage),
}

impl Intent {
    /// Whether this is the customer actively doing something (it resumes a
    /// session paused for inactivity), as opposed to passive view changes.
    pub fn is_customer_action(&self) -> bool {
        !matches!(
            self,
            Intent::SetVisibility(Visibility::Minimized | Visibility::Hidden)
                | Intent::Typing(_)
                | Intent::CancelGreeting
                | Intent::SetCustomerName(_)
                | Intent::SetCustomerEmail(_)
                | Intent::SetSessionVariables { .. }
                | Intent::SetMessageDraft(_)
                | Intent::UpdateCustomerPage(_)
                | Intent::SetPageHidden(_)
        )
    }
}
