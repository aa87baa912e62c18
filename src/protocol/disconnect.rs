//! `customer_disconnected` reasons (spec: "Pushes > Status > customer_disconnected").

use serde_json::Value;

use super::read::{obj, Read};

/// Why the server disconnected the customer. Unknown reasons are kept in [`DisconnectReason::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DisconnectReason {
    /// Access token lifetime has elapsed.
    AccessTokenExpired,
    /// No ping for some time, or too long since the connection was authorized.
    ConnectionTimeout,
    /// Customer has been banned.
    CustomerBanned,
    /// Too many reconnects after `too_many_connections`; `data` may give the wait.
    CustomerTemporarilyBlocked,
    /// No chat or page change in the past 30 minutes.
    InactivityTimeout,
    /// Internal, unexpected error; reconnecting is advised.
    InternalError,
    /// The license doesn't exist.
    LicenseNotFound,
    /// The license has expired.
    LicenseExpired,
    /// Connected to the wrong region; `data.region` names the right one.
    MisdirectedConnection,
    /// The product version has changed.
    ProductVersionChanged,
    /// The API should be available again soon; reconnecting is advised.
    ServiceTemporarilyUnavailable,
    /// Maximum number of connections reached.
    TooManyConnections,
    /// Maximum number of unauthorized connections reached.
    TooManyUnauthorizedConnections,
    /// Unsupported version of the Customer Chat API.
    UnsupportedVersion,
    /// `users_limit_reached`: the reconnect table names it as a
    /// reason too (it is an error type in the spec); accepted here tolerantly.
    UsersLimitReached,
    /// Any reason this version does not know, kept verbatim.
    Other(String),
}

impl DisconnectReason {
    /// Every documented reason, in the order of the spec's table (plus `users_limit_reached`).
    pub const ALL: [DisconnectReason; 15] = [
        DisconnectReason::AccessTokenExpired,
        DisconnectReason::ConnectionTimeout,
        DisconnectReason::CustomerBanned,
        DisconnectReason::CustomerTemporarilyBlocked,
        DisconnectReason::InactivityTimeout,
        DisconnectReason::InternalError,
        DisconnectReason::LicenseNotFound,
        DisconnectReason::LicenseExpired,
        DisconnectReason::MisdirectedConnection,
        DisconnectReason::ProductVersionChanged,
        DisconnectReason::ServiceTemporarilyUnavailable,
        DisconnectReason::TooManyConnections,
        DisconnectReason::TooManyUnauthorizedConnections,
        DisconnectReason::UnsupportedVersion,
        DisconnectReason::UsersLimitReached,
    ];

    /// The wire name, as in `payload.reason`.
    pub fn as_str(&self) -> &str {
        match self {
            DisconnectReason::AccessTokenExpired => "access_token_expired",
            DisconnectReason::ConnectionTimeout => "connection_timeout",
            DisconnectReason::CustomerBanned => "customer_banned",
            DisconnectReason::CustomerTemporarilyBlocked => "customer_temporarily_blocked",
            DisconnectReason::InactivityTimeout => "inactivity_timeout",
            DisconnectReason::InternalError => "internal_error",
            DisconnectReason::LicenseNotFound => "license_not_found",
            DisconnectReason::LicenseExpired => "license_expired",
            DisconnectReason::MisdirectedConnection => "misdirected_connection",
            DisconnectReason::ProductVersionChanged => "product_version_changed",
            DisconnectReason::ServiceTemporarilyUnavailable => "service_temporarily_unavailable",
            DisconnectReason::TooManyConnections => "too_many_connections",
            DisconnectReason::TooManyUnauthorizedConnections => "too_many_unauthorized_connections",
            DisconnectReason::UnsupportedVersion => "unsupported_version",
            DisconnectReason::UsersLimitReached => "users_limit_reached",
            DisconnectReason::Other(s) => s,
        }
    }

    /// Parses a wire name; unknown names become [`DisconnectReason::Other`].
    pub fn parse(s: &str) -> Self {
        Self::ALL.iter().find(|r| r.as_str() == s).cloned().unwrap_or_else(|| DisconnectReason::Other(s.to_owned()))
    }
}

/// The payload of a `customer_disconnected` push.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerDisconnected {
    /// Why the customer was disconnected.
    pub reason: DisconnectReason,
    /// Optional details: `region` for misdirected_connection, a timeout for
    /// customer_temporarily_blocked.
    pub data: Option<Value>,
}

impl CustomerDisconnected {
    /// Reads the `customer_disconnected` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(CustomerDisconnected { reason: DisconnectReason::parse(&o.str("reason")?), data: o.opt("data").cloned() })
    }

    /// `data.region` (misdirected_connection).
    pub fn region(&self) -> Option<&str> {
        self.data.as_ref()?.get("region")?.as_str()
    }

    /// How long to wait before reconnecting, in milliseconds, from `data`
    /// (customer_temporarily_blocked). The spec names no field, so this reads
    /// `timeout` (seconds) and tolerates `timeout_ms`, `retry_after` and a bare number.
    pub fn wait_ms(&self) -> Option<u64> {
        let data = self.data.as_ref()?;
        if let Some(n) = data.as_f64() {
            return Some((n.max(0.0) * 1000.0) as u64);
        }
        if let Some(ms) = data.get("timeout_ms").and_then(Value::as_f64) {
            return Some(ms.max(0.0) as u64);
        }
        ["timeout", "retry_after"]
            .iter()
            .find_map(|k| data.get(*k).and_then(Value::as_f64))
            .map(|s| (s.max(0.0) * 1000.0) as u64)
    }
}
