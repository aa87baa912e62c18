//! The one error type of the sandbox's RTM answers: the spec's `{type, message}` error
//! object, with `type` from the spec's "Errors" table. Methods, injected faults and the
//! agent actions the console drives all fail with it.

use serde_json::{json, Value};
use std::fmt;

/// Declares `ErrorKind` from one table, so every type has its name and message.
macro_rules! error_kinds {
    ($($variant:ident $name:literal $message:literal,)*) => {
        /// An error type of the spec's "Errors" table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum ErrorKind {
            $(#[doc = concat!("`", $name, "`: ", $message)] $variant,)*
        }

        impl ErrorKind {
            /// Every error type, in the spec's order.
            pub const ALL: &[ErrorKind] = &[$(ErrorKind::$variant,)*];

            /// The `type` string on the wire.
            pub fn name(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $name,)*
                }
            }

            /// The spec's default message of this type.
            pub fn default_message(self) -> &'static str {
                match self {
                    $(ErrorKind::$variant => $message,)*
                }
            }

            /// The error type of a `type` string; `None` if the spec has no such type.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name => Some(ErrorKind::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

error_kinds! {
    Authentication "authentication" "Authentication error",
    Authorization "authorization" "Authorization error",
    ChatInactive "chat_inactive" "No active chat thread",
    CustomerBanned "customer_banned" "Customer is banned",
    GreetingNotFound "greeting_not_found" "Greeting not found",
    GroupNotFound "group_not_found" "Group not found",
    GroupOffline "group_offline" "Group is offline",
    GroupUnavailable "group_unavailable" "No agent available for group",
    GroupsOffline "groups_offline" "Groups offline",
    Internal "internal" "Internal server error",
    LicenseExpired "license_expired" "License expired",
    LimitReached "limit_reached" "Resource limit reached",
    NotAllowed "not_allowed" "Not allowed",
    NotFound "not_found" "Not found",
    PendingRequestsLimitReached "pending_requests_limit_reached" "Requests limit reached",
    RequestTimeout "request_timeout" "Request timed out",
    ServiceUnavailable "service_unavailable" "Not accepting new requests",
    TooManyRequests "too_many_requests" "Too many requests",
    UnsupportedVersion "unsupported_version" "Unsupported version",
    UsersLimitReached "users_limit_reached" "Users limit reached",
    Validation "validation" "Wrong format of request",
    WrongProductVersion "wrong_product_version" "Wrong product version",
    MisdirectedRequest "misdirected_request" "Wrong region",
}

/// An error answered to a request (or to the console): a type and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RtmError {
    /// The error type.
    pub kind: ErrorKind,
    /// Human-readable message.
    pub message: String,
    /// The optional `data` of the spec's error sample (`misdirected_request`: `{"region"}`).
    pub data: Option<Value>,
}

impl RtmError {
    /// An error of the given type and message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        RtmError { kind, message: message.into(), data: None }
    }

    /// A `validation` error ("Wrong format of request").
    pub fn validation(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Validation, message)
    }

    /// A `not_found` error.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }

    /// An `internal` error: the state lost a record it had a moment ago.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    /// The same error with the sample's optional `data`.
    pub fn with_data(mut self, data: Value) -> Self {
        self.data = Some(data);
        self
    }

    /// The response payload as the spec's "Errors" sample shows it:
    /// `{"error": {type, message, data?}}`.
    pub fn to_json(&self) -> Value {
        let mut e = json!({ "type": self.kind.name(), "message": self.message });
        if let Some(d) = &self.data {
            e["data"] = d.clone();
        }
        json!({ "error": e })
    }
}

/// The error with the spec's default message of its type.
impl From<ErrorKind> for RtmError {
    fn from(kind: ErrorKind) -> Self {
        Self::new(kind, kind.default_message())
    }
}

impl fmt::Display for RtmError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for RtmError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for kind in ErrorKind::ALL {
            assert_eq!(ErrorKind::from_name(kind.name()), Some(*kind));
        }
        assert_eq!(
            ErrorKind::from_name("pending_requests_limit_reached"),
            Some(ErrorKind::PendingRequestsLimitReached)
        );
        assert_eq!(ErrorKind::from_name("nope"), None);
    }

    #[test]
    fn wire_shape() {
        let e = RtmError::validation("`chat_id` is required");
        assert_eq!(e.to_json(), json!({ "error": { "type": "validation", "message": "`chat_id` is required" } }));
        assert_eq!(RtmError::from(ErrorKind::GroupOffline).message, "Group is offline");
        let e = RtmError::from(ErrorKind::MisdirectedRequest).with_data(json!({ "region": "dal" }));
        assert_eq!(
            e.to_json(),
            json!({ "error": { "type": "misdirected_request", "message": "Wrong region", "data": { "region": "dal" } } })
        );
    }
}
