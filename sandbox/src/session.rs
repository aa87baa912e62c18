//! One connection's protocol session, which every method reads and `login` changes,
//! and what a request can make of the connection.

use crate::state::Origin;
use serde_json::Value;
use std::time::Instant;

/// Per-connection protocol state the methods read and change.
#[derive(Debug, Clone)]
pub struct Session {
    /// Connection id.
    pub conn_id: u64,
    /// License from the URL.
    pub license_id: u64,
    /// Data centre.
    pub region: &'static str,
    /// The customer once logged in.
    pub customer_id: Option<String>,
    /// Whether login succeeded.
    pub logged_in: bool,
    /// When the login token expires.
    pub token_expires: Option<Instant>,
    /// request_id of the request being handled.
    pub request_id: Option<Value>,
}

impl Session {
    /// A fresh session of a connection that has not logged in.
    pub fn new(conn_id: u64, license_id: u64, region: &'static str) -> Self {
        Session {
            conn_id,
            license_id,
            region,
            customer_id: None,
            logged_in: false,
            token_expires: None,
            request_id: None,
        }
    }

    /// The requester of the pushes this request causes: this connection's copy carries
    /// the request_id.
    pub fn origin(&self) -> Origin<'_> {
        Some((self.conn_id, self.request_id.as_ref()))
    }
}

/// What a method produced.
#[derive(Debug)]
pub enum Outcome {
    /// A successful response payload.
    Reply(Value),
    /// No response: push customer_disconnected with this reason and close.
    Disconnect(String, Option<Value>),
}
