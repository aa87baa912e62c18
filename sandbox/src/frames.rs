//! The frames the server writes: responses, pushes and `customer_disconnected`, and the
//! spec's list of disconnect reasons.

use crate::error::RtmError;
use serde_json::{json, Map, Value};

/// Builds a push frame; `request_id` only on the requester's copy.
pub fn push_frame(action: &str, payload: &Value, request_id: Option<&Value>) -> String {
    let mut m = Map::new();
    if let Some(r) = request_id {
        m.insert("request_id".into(), r.clone());
    }
    m.insert("action".into(), Value::from(action));
    m.insert("type".into(), Value::from("push"));
    m.insert("payload".into(), payload.clone());
    Value::Object(m).to_string()
}

/// Builds a response frame; an error goes in the payload, as the spec's sample shows.
pub fn response_frame(request_id: Option<&Value>, action: Option<&str>, result: Result<Value, RtmError>) -> String {
    let mut m = Map::new();
    if let Some(r) = request_id {
        m.insert("request_id".into(), r.clone());
    }
    if let Some(a) = action {
        m.insert("action".into(), Value::from(a));
    }
    m.insert("type".into(), Value::from("response"));
    match result {
        Ok(p) => {
            m.insert("success".into(), Value::Bool(true));
            m.insert("payload".into(), p);
        }
        Err(e) => {
            m.insert("success".into(), Value::Bool(false));
            m.insert("payload".into(), e.to_json());
        }
    }
    Value::Object(m).to_string()
}

/// The `customer_disconnected` push with its reason and optional `data`.
pub fn disconnected_frame(reason: &str, data: Option<Value>) -> String {
    let mut payload = json!({ "reason": reason });
    if let Some(d) = data {
        payload["data"] = d;
    }
    push_frame("customer_disconnected", &payload, None)
}

/// Every `customer_disconnected` reason in the spec.
pub const DISCONNECT_REASONS: &[&str] = &[
    "access_token_expired",
    "connection_timeout",
    "customer_banned",
    "customer_temporarily_blocked",
    "inactivity_timeout",
    "internal_error",
    "license_not_found",
    "license_expired",
    "misdirected_connection",
    "product_version_changed",
    "service_temporarily_unavailable",
    "too_many_connections",
    "too_many_unauthorized_connections",
    "unsupported_version",
];
