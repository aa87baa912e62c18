//! What the conversation wants logged. Its outputs are the session's
//! ([`crate::session::Output`]: connect, send, close, tokens, storage), to which
//! it adds only the outbox's storage writes.

/// Something the driver should log (bad frames, failed requests). Never fatal.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice(pub String);
