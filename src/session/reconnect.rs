//! Why a connection ended, and what to do about it: the reconnect policy table
//! (spec: "Pushes > Status > customer_disconnected" and "Errors").

use std::fmt;

use crate::protocol::{CustomerDisconnected, DisconnectReason, ErrorType, RtmError};

use super::url::is_valid_region;

/// Why the session left the connected state. Shown to the UI in
/// [`ConnectionStatus`](super::ConnectionStatus); its `Display` is a sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Cause {
    /// The server sent `customer_disconnected`.
    Disconnected(CustomerDisconnected),
    /// The `login` request failed.
    LoginFailed(RtmError),
    /// A request failed with `misdirected_request` naming the right region.
    Misdirected {
        /// `error.data.region`.
        region: String,
    },
    /// The socket closed or errored with no reason from the server.
    ConnectionLost {
        /// WebSocket close code (1006 when the browser gives none).
        code: u16,
        /// WebSocket close reason, possibly empty.
        reason: String,
    },
    /// The socket did not open within the login deadline.
    ConnectTimeout,
    /// No login response within 30 s of the socket opening (spec: "Access > Authorization").
    LoginTimeout,
    /// Nothing, not even a ping response, arrived for the watchdog period.
    PingTimeout,
    /// The identity provider could not give a token.
    TokenFailed(String),
    /// The driver shut the session down.
    Shutdown,
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use DisconnectReason as R;
        match self {
            Cause::Disconnected(d) => match &d.reason {
                R::AccessTokenExpired => write!(f, "Your session expired."),
                R::CustomerBanned => write!(f, "You have been banned from this chat."),
                R::CustomerTemporarilyBlocked => write!(f, "Too many connections; please wait a moment."),
                R::InactivityTimeout => write!(f, "The chat was paused after 30 minutes of inactivity."),
                R::LicenseNotFound => write!(f, "This chat is not available (unknown license)."),
                R::LicenseExpired => write!(f, "This chat is not available (license expired)."),
                R::ProductVersionChanged => write!(f, "The chat was updated; please reload the page."),
                R::TooManyConnections => write!(f, "The chat is open in too many windows."),
                R::TooManyUnauthorizedConnections => write!(f, "Too many unauthorized connections."),
                R::UnsupportedVersion => write!(f, "This chat version is no longer supported; please reload the page."),
                R::UsersLimitReached => write!(f, "Too many customers are online right now."),
                other => write!(f, "Disconnected by the server ({}).", other.as_str()),
            },
            Cause::LoginFailed(e) => match e.kind {
                ErrorType::CustomerBanned => write!(f, "You have been banned from this chat."),
                ErrorType::LicenseExpired => write!(f, "This chat is not available (license expired)."),
                ErrorType::UnsupportedVersion => {
                    write!(f, "This chat version is no longer supported; please reload the page.")
                }
                ErrorType::WrongProductVersion => write!(f, "This chat is not available (wrong product version)."),
                ErrorType::UsersLimitReached => write!(f, "Too many customers are online right now."),
                _ => write!(f, "Login failed ({e})."),
            },
            Cause::Misdirected { region } => write!(f, "Moving to the {region} data center."),
            Cause::ConnectionLost { code, reason } if reason.is_empty() => write!(f, "Connection lost (code {code})."),
            Cause::ConnectionLost { code, reason } => write!(f, "Connection lost (code {code}: {reason})."),
            Cause::ConnectTimeout => write!(f, "Could not reach the chat server."),
            Cause::LoginTimeout => write!(f, "The chat server did not answer the login."),
            Cause::PingTimeout => write!(f, "The chat server stopped answering."),
            Cause::TokenFailed(e) => write!(f, "Could not sign in: {e}."),
            Cause::Shutdown => write!(f, "The chat was closed."),
        }
    }
}

/// When to reconnect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delay {
    /// At once.
    Now,
    /// After exponential backoff with full jitter.
    Backoff,
    /// After the wait the server asked for (`None`: the configured default, 60 s).
    ServerWait(Option<u64>),
}

/// What the engine does after a connection ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Connect again.
    Reconnect {
        /// When.
        delay: Delay,
        /// Drop the held token and fetch a fresh one (`FetchToken{fresh: true}`).
        fresh_token: bool,
        /// Switch to (and remember) this region first.
        region: Option<String>,
        /// Log in without the configured `group_id` from now on (the license's default group).
        drop_group: bool,
    },
    /// Stay disconnected until `Input::Resume` (the customer acts).
    Pause,
    /// The service refused the login and retrying by itself cannot fix it: stay
    /// disconnected until the customer asks to try again (`Input::Retry`).
    Refuse,
    /// Give up for good; the reason is shown to the customer.
    Stop,
}

/// Logins refused in a row (errors that do not go away by themselves) before the
/// session gives up until the customer tries again: each is an unauthorized
/// connection, and the service closes clients that make too many
/// (`too_many_unauthorized_connections`).
pub const MAX_REFUSED_LOGINS: u32 = 3;

/// What the policy needs to know besides the cause.
#[derive(Debug, Clone, Copy)]
pub struct PolicyContext<'a> {
    /// An authentication failure was already answered with a fresh token since the last login.
    pub auth_retried: bool,
    /// A `group_id` is configured and the login still sends it (it can be dropped once).
    pub group_to_drop: bool,
    /// Logins refused in a row since the last good one, this one included.
    pub refused_logins: u32,
    /// The region the session is connected to now.
    pub region: &'a str,
}

const BACKOFF: Action =
    Action::Reconnect { delay: Delay::Backoff, fresh_token: false, region: None, drop_group: false };

fn fresh_token(ctx: PolicyContext<'_>) -> Action {
    let delay = if ctx.auth_retried { Delay::Backoff } else { Delay::Now };
    Action::Reconnect { delay, fresh_token: true, region: None, drop_group: false }
}

fn switch_region(region: Option<&str>, ctx: PolicyContext<'_>) -> Action {
    match region {
        // Misdirected to where we already are, or to garbage: do not loop, back off.
        Some(r) if is_valid_region(r) && r != ctx.region => {
            Action::Reconnect { delay: Delay::Now, fresh_token: false, region: Some(r.to_owned()), drop_group: false }
        }
        _ => BACKOFF,
    }
}

/// A login refused with an error that does not go away by itself (spec: "Errors"):
/// the one remedy the error allows, once, then [`Action::Refuse`].
fn refused_login(kind: &ErrorType, ctx: PolicyContext<'_>) -> Action {
    use ErrorType as E;
    if ctx.refused_logins >= MAX_REFUSED_LOGINS {
        return Action::Refuse;
    }
    match kind {
        // "An invalid or expired access token": a fresh one at once, then after a backoff.
        E::Authentication => fresh_token(ctx),
        // "User is not allowed to perform the action" / "Wrong format of request": the
        // token (another license's, malformed) is the one part a retry can change.
        E::Authorization | E::Validation if !ctx.auth_retried => fresh_token(ctx),
        // "Group not found" / "Not allowed": the configured group is the cause; the
        // license's default group may still serve the customer.
        E::GroupNotFound | E::NotAllowed if ctx.group_to_drop => {
            Action::Reconnect { delay: Delay::Now, fresh_token: false, region: None, drop_group: true }
        }
        // "Resource limit reached", and the above once their remedy was tried.
        E::Authorization | E::Validation | E::GroupNotFound | E::NotAllowed | E::LimitReached => Action::Refuse,
        // Errors the reference does not give for a login: a few backoffs, then refuse.
        _ => BACKOFF,
    }
}

/// Whether `cause` is a login refused with an error that does not go away by itself
/// (counted in [`PolicyContext::refused_logins`]).
pub(super) fn is_refused_login(cause: &Cause) -> bool {
    use ErrorType as E;
    matches!(cause, Cause::LoginFailed(e) if !matches!(e.kind,
        E::Internal | E::ServiceUnavailable | E::TooManyRequests | E::RequestTimeout
            | E::PendingRequestsLimitReached | E::MisdirectedRequest | E::UsersLimitReached))
}

/// The reconnect policy: one row per group of causes.
pub fn policy(cause: &Cause, ctx: PolicyContext<'_>) -> Action {
    use Cause::{
        ConnectTimeout, ConnectionLost, Disconnected, LoginFailed, LoginTimeout, Misdirected, PingTimeout, Shutdown,
        TokenFailed,
    };
    use CustomerDisconnected as D;
    use DisconnectReason as R;
    use ErrorType as E;
    match cause {
        // Token expired: fresh token at once; a second time in a row, back off.
        Disconnected(D { reason: R::AccessTokenExpired, .. }) => fresh_token(ctx),

        // Wrong data center: switch to `data.region`, remember it, reconnect at once.
        Disconnected(d @ D { reason: R::MisdirectedConnection, .. }) => switch_region(d.region(), ctx),
        LoginFailed(e @ RtmError { kind: E::MisdirectedRequest, .. }) => switch_region(e.region(), ctx),
        Misdirected { region } => switch_region(Some(region), ctx),

        // Temporarily blocked: wait what the server says (default 60 s).
        Disconnected(d @ D { reason: R::CustomerTemporarilyBlocked, .. }) => Action::Reconnect {
            delay: Delay::ServerWait(d.wait_ms()),
            fresh_token: false,
            region: None,
            drop_group: false,
        },

        // Transient: exponential backoff with full jitter. Too many unauthorized
        // connections (counted per IP address, other visitors' included) lift as those
        // connections log in or close: not permanent, but nothing to hurry either.
        Disconnected(D {
            reason:
                R::ConnectionTimeout
                | R::InternalError
                | R::ServiceTemporarilyUnavailable
                | R::TooManyUnauthorizedConnections,
            ..
        })
        | LoginFailed(RtmError {
            kind:
                E::Internal
                | E::ServiceUnavailable
                | E::TooManyRequests
                | E::RequestTimeout
                | E::PendingRequestsLimitReached,
            ..
        })
        | ConnectionLost { .. }
        | ConnectTimeout
        | LoginTimeout
        | PingTimeout
        | TokenFailed(_) => BACKOFF,

        // Wait for the customer to come back.
        Disconnected(D { reason: R::InactivityTimeout | R::UsersLimitReached, .. })
        | LoginFailed(RtmError { kind: E::UsersLimitReached, .. }) => Action::Pause,

        // Terminal: reconnecting cannot help.
        Disconnected(D {
            reason:
                R::CustomerBanned
                | R::LicenseNotFound
                | R::LicenseExpired
                | R::UnsupportedVersion
                | R::ProductVersionChanged
                | R::TooManyConnections,
            ..
        })
        | LoginFailed(RtmError {
            kind: E::CustomerBanned | E::LicenseExpired | E::UnsupportedVersion | E::WrongProductVersion,
            ..
        })
        | Shutdown => Action::Stop,

        // Every other login error: its remedy once, then refuse.
        LoginFailed(e) => refused_login(&e.kind, ctx),

        // Unknown reasons: back off.
        Disconnected(_) => BACKOFF,
    }
}
