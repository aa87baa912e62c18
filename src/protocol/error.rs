//! Error frames (spec: "Errors > Possible errors").

use serde_json::Value;

/// The `error.type` of a failed response. Unknown types are kept in [`ErrorType::Other`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ErrorType {
    /// An invalid or expired access token.
    Authentication,
    /// User is not allowed to perform the action.
    Authorization,
    /// An action that requires an active thread on a chat without one.
    ChatInactive,
    /// The customer had been banned.
    CustomerBanned,
    /// Greeting not found.
    GreetingNotFound,
    /// Group not found.
    GroupNotFound,
    /// Group is offline (get_predicted_agent).
    GroupOffline,
    /// The group is online but no agent is available (get_predicted_agent).
    GroupUnavailable,
    /// Groups offline.
    GroupsOffline,
    /// Internal server error.
    Internal,
    /// License expired.
    LicenseExpired,
    /// Resource limit reached.
    LimitReached,
    /// The action is not allowed.
    NotAllowed,
    /// The requested resource wasn't found.
    NotFound,
    /// More than 10 pending requests on one connection.
    PendingRequestsLimitReached,
    /// The request timed out on the server (15 s).
    RequestTimeout,
    /// New requests are temporarily not accepted.
    ServiceUnavailable,
    /// Rate limit exceeded.
    TooManyRequests,
    /// Unsupported protocol version.
    UnsupportedVersion,
    /// The limit of online customers for the license was reached (on login).
    UsersLimitReached,
    /// Wrong format of request.
    Validation,
    /// License is not LiveChat 3.
    WrongProductVersion,
    /// The `misdirected_request` type shown in the spec's error sample.
    MisdirectedRequest,
    /// Any type this version does not know, kept verbatim.
    Other(String),
}

impl ErrorType {
    /// Every documented error type, in the order of the spec's table (plus
    /// `misdirected_request` from the sample).
    pub const ALL: [ErrorType; 23] = [
        ErrorType::Authentication,
        ErrorType::Authorization,
        ErrorType::ChatInactive,
        ErrorType::CustomerBanned,
        ErrorType::GreetingNotFound,
        ErrorType::GroupNotFound,
        ErrorType::GroupOffline,
        ErrorType::GroupUnavailable,
        ErrorType::GroupsOffline,
        ErrorType::Internal,
        ErrorType::LicenseExpired,
        ErrorType::LimitReached,
        ErrorType::NotAllowed,
        ErrorType::NotFound,
        ErrorType::PendingRequestsLimitReached,
        ErrorType::RequestTimeout,
        ErrorType::ServiceUnavailable,
        ErrorType::TooManyRequests,
        ErrorType::UnsupportedVersion,
        ErrorType::UsersLimitReached,
        ErrorType::Validation,
        ErrorType::WrongProductVersion,
        ErrorType::MisdirectedRequest,
    ];

    /// The wire name, as in `error.type`.
    pub fn as_str(&self) -> &str {
        match self {
            ErrorType::Authentication => "authentication",
            ErrorType::Authorization => "authorization",
            ErrorType::ChatInactive => "chat_inactive",
            ErrorType::CustomerBanned => "customer_banned",
            ErrorType::GreetingNotFound => "greeting_not_found",
            ErrorType::GroupNotFound => "group_not_found",
            ErrorType::GroupOffline => "group_offline",
            ErrorType::GroupUnavailable => "group_unavailable",
            ErrorType::GroupsOffline => "groups_offline",
            ErrorType::Internal => "internal",
            ErrorType::LicenseExpired => "license_expired",
            ErrorType::LimitReached => "limit_reached",
            ErrorType::NotAllowed => "not_allowed",
            ErrorType::NotFound => "not_found",
            ErrorType::PendingRequestsLimitReached => "pending_requests_limit_reached",
            ErrorType::RequestTimeout => "request_timeout",
            ErrorType::ServiceUnavailable => "service_unavailable",
            ErrorType::TooManyRequests => "too_many_requests",
            ErrorType::UnsupportedVersion => "unsupported_version",
            ErrorType::UsersLimitReached => "users_limit_reached",
            ErrorType::Validation => "validation",
            ErrorType::WrongProductVersion => "wrong_product_version",
            ErrorType::MisdirectedRequest => "misdirected_request",
            ErrorType::Other(s) => s,
        }
    }

    /// Parses a wire name; unknown names become [`ErrorType::Other`].
    pub fn parse(s: &str) -> Self {
        Self::ALL.iter().find(|t| t.as_str() == s).cloned().unwrap_or_else(|| ErrorType::Other(s.to_owned()))
    }
}

/// The `error` object of a failed response.
#[derive(Debug, Clone, PartialEq)]
pub struct RtmError {
    /// `error.type`.
    pub kind: ErrorType,
    /// `error.message`, human readable (may be empty).
    pub message: String,
    /// Optional `error.data`, for example `{"region": "dal"}`.
    pub data: Option<Value>,
}

impl RtmError {
    /// Builds an error from whatever the server put in `error`; a bare string
    /// becomes the type, anything unrecognisable becomes `Other("unknown")`.
    /// Never fails, so it returns the error itself rather than a [`Read`](super::read::Read).
    pub fn from_json(v: &Value) -> Self {
        match v {
            Value::String(s) => RtmError { kind: ErrorType::parse(s), message: String::new(), data: None },
            Value::Object(map) => {
                let kind = match map.get("type") {
                    Some(Value::String(s)) => ErrorType::parse(s),
                    _ => ErrorType::Other("unknown".into()),
                };
                let message = match map.get("message") {
                    Some(Value::String(s)) => s.clone(),
                    _ => String::new(),
                };
                let data = map.get("data").filter(|d| !d.is_null()).cloned();
                RtmError { kind, message, data }
            }
            _ => RtmError { kind: ErrorType::Other("unknown".into()), message: String::new(), data: None },
        }
    }

    /// `data.region` when present (misdirected requests name the right region).
    pub fn region(&self) -> Option<&str> {
        self.data.as_ref()?.get("region")?.as_str()
    }
}

impl std::fmt::Display for RtmError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.message.is_empty() {
            write!(f, "{}", self.kind.as_str())
        } else {
            write!(f, "{}: {}", self.kind.as_str(), self.message)
        }
    }
}
