//! What the conversation wants logged. Its outputs are the session's
//! ([`crate::session::Output`]: connect, send, close, tokens, storage), to which
//! it adds only the outbox's storage writes.

/// Something the driver should log. Never fatal.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// Bad frames, failed requests: `console.warn`.
    Warning(String),
    /// The chat cannot work until someone acts (a refused login): `console.error`, once.
    Error(String),
}
