//! What the conversation asks its driver to do, and what it wants logged.

/// Something for the driver to carry out; drain with
/// [`Conversation::poll_output`](super::Conversation::poll_output) after every input.
/// Timers are not outputs: ask [`Conversation::poll_timeout`](super::Conversation::poll_timeout).
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// Open a WebSocket to `url`.
    Connect {
        /// The endpoint with `license_id`.
        url: String,
    },
    /// Send this text frame.
    Send(String),
    /// Close the socket and detach its handlers.
    Close,
    /// Ask the identity provider for a token; `fresh` bypasses any cached token.
    FetchToken {
        /// The held token was rejected or expired.
        fresh: bool,
    },
    /// Persist `value` under `key` in local storage (`customer_side_storage`, the
    /// region, the outbox).
    Store {
        /// Storage key.
        key: String,
        /// Value to store.
        value: String,
    },
}

/// Something the driver should log (bad frames, failed requests). Never fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice(pub String);
