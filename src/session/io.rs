//! What goes into the engine ([`Input`]) and what comes out ([`Output`], [`SessionEvent`]).

use std::fmt;

use serde_json::Value;

use crate::protocol::RtmError;

use super::config::Token;
use super::reconnect::Cause;
use super::requests::RequestId;

/// Something that happened to the driver; passed with the current time to
/// [`Session::handle_input`](super::Session::handle_input).
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// Begin connecting. The session is `Idle` until then.
    Start,
    /// The socket asked for by `Output::Connect` opened.
    Opened,
    /// A text frame arrived on the socket.
    Frame(String),
    /// The socket closed or errored. After `Output::Close` the driver should
    /// detach the old socket's handlers; one late `Closed` from it is tolerated.
    Closed {
        /// WebSocket close code (1006 when unknown).
        code: u16,
        /// WebSocket close reason, possibly empty.
        reason: String,
    },
    /// The time [`Session::poll_timeout`](super::Session::poll_timeout) named has come.
    Tick,
    /// The identity provider answered `Output::FetchToken`.
    Token(Result<Token, String>),
    /// The browser is online again: reconnect now if offline or waiting for a
    /// backoff (not a wait the server asked for), ping now if connected.
    Online,
    /// The browser went offline.
    Offline,
    /// The tab became visible (or `pageshow`): check liveness now, as for `Online`.
    Visible,
    /// The customer acted: leave a paused state.
    Resume,
    /// The transport moved (another tab took over the shared connection, see
    /// [`relay`](crate::relay)): drop the current socket, if any, and connect again
    /// at once, without backoff and keeping the token. Ignored while offline,
    /// paused, stopped, idle or in a wait the server asked for.
    Reconnect,
    /// The customer asked to try again after a refused login ("Try again"): leave
    /// the refused state and log in as at the start. Ignored in any other state.
    Retry,
    /// The widget is going away: close and stop.
    Shutdown,
}

/// Why a request failed.
#[derive(Debug, Clone, PartialEq)]
pub enum RequestError {
    /// The server answered with an error frame.
    Rtm(RtmError),
    /// No answer within the request timeout (15 s).
    Timeout,
    /// The request was in flight (or queued when the session stopped) when the connection ended.
    ConnectionLost,
    /// The answer could not be understood.
    Decode(String),
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::Rtm(e) => write!(f, "{e}"),
            RequestError::Timeout => write!(f, "request timed out"),
            RequestError::ConnectionLost => write!(f, "connection lost"),
            RequestError::Decode(e) => write!(f, "bad response: {e}"),
        }
    }
}

impl std::error::Error for RequestError {}

/// The connection state, for the UI.
#[derive(Debug, Clone, PartialEq)]
pub enum ConnectionStatus {
    /// Not started.
    Idle,
    /// Opening the socket.
    Connecting {
        /// 0 for a first connection, `n` for the n-th retry since the last successful login.
        attempt: u32,
    },
    /// Socket open; fetching a token or waiting for the login response.
    LoggingIn,
    /// Logged in; requests flow.
    Connected,
    /// Waiting to reconnect.
    Reconnecting {
        /// Which retry is coming: 1 for the first since the last successful login.
        attempt: u32,
        /// When it starts (driver clock, ms).
        at_ms: u64,
        /// Why the last connection ended.
        reason: Cause,
    },
    /// The browser is offline; waiting for `Input::Online`.
    Offline,
    /// Waiting for the customer (`Input::Resume`).
    Paused {
        /// Why.
        reason: Cause,
    },
    /// The service refused the login for a reason retrying cannot fix (after the
    /// remedy the error allows); waiting for the customer's "Try again" (`Input::Retry`).
    Refused {
        /// The last refusal.
        reason: Cause,
        /// Logins refused in a row.
        attempts: u32,
    },
    /// Terminal; `reason` says why (its `Display` is a sentence for the customer).
    Stopped {
        /// Why.
        reason: Cause,
    },
}

/// What the layer above learns from the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum SessionEvent {
    /// The connection state changed.
    StatusChanged(ConnectionStatus),
    /// Login succeeded; the raw `login` response payload.
    LoggedIn {
        /// The response payload (customer, chats, greeting, ...).
        payload: Value,
    },
    /// A request finished.
    Response {
        /// The id [`Session::request`](super::Session::request) returned.
        id: RequestId,
        /// The action it was sent with (decode the payload by this, not by the frame's action).
        action: &'static str,
        /// The raw payload or why it failed.
        result: Result<Value, RequestError>,
    },
    /// A push from the server (every one, including the ones the engine acts on).
    Push {
        /// The requester's `request_id` when the push was caused by our request.
        request_id: Option<String>,
        /// The push action, for example `incoming_event`.
        action: String,
        /// The raw payload.
        payload: Value,
    },
    /// A frame that could not be used; logged and skipped.
    Malformed {
        /// What was wrong.
        reason: String,
    },
}

/// What the driver must do; drain with [`Session::poll_output`](super::Session::poll_output)
/// after every input (the conversation passes these on unchanged as its own outputs).
/// Timers are not outputs: ask [`Session::poll_timeout`](super::Session::poll_timeout).
#[derive(Debug, Clone, PartialEq)]
pub enum Output {
    /// Open a WebSocket to `url`.
    Connect {
        /// The endpoint with `license_id`.
        url: String,
    },
    /// Send this text frame.
    Send(String),
    /// Close the socket and detach its handlers (an `Input::Closed` for it is not needed).
    Close,
    /// Ask the identity provider for a token; `fresh` bypasses any cached token.
    FetchToken {
        /// The held token was rejected or expired.
        fresh: bool,
    },
    /// Persist `value` under `key` in local storage: the `customer_side_storage`
    /// map as JSON text, the remembered region as a bare name, or (from the
    /// conversation) the outbox.
    Store {
        /// Storage key from the config.
        key: String,
        /// Value to store.
        value: String,
    },
}
