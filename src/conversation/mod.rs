//! The conversation: the session engine, the chat state and the customer's
//! intents joined into one sans-IO core. The browser driver feeds it socket
//! events, timer ticks and intents, drains [`Conversation::poll_output`] for
//! what to do, and renders [`Conversation::state`]. Nothing here touches the DOM.

mod engine;
pub mod host_api;
mod intent;
mod outbox;
mod purpose;

pub use engine::{split_message, Conversation, ConversationConfig, Notice, MAX_MESSAGE_BYTES};
pub use intent::Intent;
pub use outbox::Outbox;
