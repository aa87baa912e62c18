//! The sandbox's domain events: what the customer methods did that someone else (the
//! scripted agent) may react to. Methods emit them through `App::emit`; they never call
//! the agent themselves.

use serde_json::Value;

/// Something a customer's request made happen.
#[derive(Debug, Clone, PartialEq)]
pub enum SandboxEvent {
    /// A customer logged in; the login response and `customer_side_storage_updated` are out.
    LoggedIn {
        /// The customer.
        customer_id: String,
    },
    /// `start_chat` opened a new chat with its first (queued) thread.
    ChatStarted {
        /// The new chat.
        chat_id: String,
        /// Its thread.
        thread_id: String,
    },
    /// `activate_chat` opened a new (queued) thread in an inactive chat.
    ChatActivated {
        /// The chat.
        chat_id: String,
        /// The new thread.
        thread_id: String,
    },
    /// `send_event` added a customer event to an active thread.
    CustomerEvent {
        /// The chat.
        chat_id: String,
        /// The thread it went to.
        thread_id: String,
        /// The stored event (with id and `created_at`).
        event: Value,
    },
    /// `send_rich_message_postback` on a button of an active thread.
    Postback {
        /// The chat.
        chat_id: String,
        /// The thread of the rich message.
        thread_id: String,
        /// The button's `postback_id`.
        postback_id: String,
        /// The button's text, if the event had a button with that id.
        button_text: Option<String>,
        /// Whether the customer toggled the button on.
        toggled: bool,
    },
}
