//! Just enough of an RTM frame for routing: its `request_id`, `action` and `type`
//! (spec: "Methods > General RTM API request format", "Pushes"), and the frames
//! the leader answers by itself.

use serde_json::{json, Map, Value};

/// A frame read as a JSON object; `None` for anything else (the session reports it).
pub(crate) fn parse(text: &str) -> Option<Map<String, Value>> {
    match crate::json::parse(text) {
        Ok(Value::Object(map)) => Some(map),
        _ => None,
    }
}

/// A string field of the frame.
pub(crate) fn field<'a>(frame: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    frame.get(name).and_then(Value::as_str)
}

/// The frame's text with `request_id` set to `id`, or removed when `None`.
pub(crate) fn with_request_id(mut frame: Map<String, Value>, id: Option<&str>) -> String {
    match id {
        Some(id) => frame.insert("request_id".into(), Value::String(id.to_owned())),
        None => frame.remove("request_id"),
    };
    Value::Object(frame).to_string()
}

/// The `request_id` a follower's request carries on the real socket: unique per
/// virtual connection, and the leader's own ids (`r<n>`) never contain a `/`.
pub(crate) fn forwarded_id(conn: &str, original: Option<&str>) -> String {
    format!("{conn}/{}", original.unwrap_or(""))
}

/// Splits a forwarded `request_id` into the virtual connection and the follower's own id.
pub(crate) fn split_forwarded(id: &str) -> Option<(&str, Option<&str>)> {
    let (conn, original) = id.split_once('/')?;
    Some((conn, Some(original).filter(|o| !o.is_empty())))
}

/// A response frame with `payload`, carrying `request_id` when the request had one.
pub(crate) fn response(request_id: Option<&str>, action: &str, payload: Value) -> String {
    frame(request_id, action, "response", Some(true), payload)
}

/// A push frame (`request_id` only for the requester).
pub(crate) fn push(request_id: Option<&str>, action: &str, payload: Value) -> String {
    frame(request_id, action, "push", None, payload)
}

/// A failed response with the spec's error object in the payload.
pub(crate) fn error(request_id: Option<&str>, action: &str, kind: &str, message: &str) -> String {
    frame(request_id, action, "response", Some(false), json!({ "error": { "type": kind, "message": message } }))
}

fn frame(request_id: Option<&str>, action: &str, kind: &str, success: Option<bool>, payload: Value) -> String {
    let mut map = Map::new();
    if let Some(id) = request_id {
        map.insert("request_id".into(), Value::String(id.to_owned()));
    }
    map.insert("action".into(), Value::String(action.to_owned()));
    map.insert("type".into(), Value::String(kind.to_owned()));
    if let Some(success) = success {
        map.insert("success".into(), Value::Bool(success));
    }
    map.insert("payload".into(), payload);
    Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forwarded_ids_round_trip() {
        assert_eq!(split_forwarded(&forwarded_id("ab-1", Some("r7"))), Some(("ab-1", Some("r7"))));
        assert_eq!(split_forwarded(&forwarded_id("ab-1", None)), Some(("ab-1", None)));
        assert_eq!(split_forwarded("r7"), None);
    }
}
