//! The RTM frame envelope (spec: "Methods > General RTM API request format" and "Pushes").
//!
//! Every frame is a JSON object with an `action`, an optional `request_id`, a `type`
//! (`response` or `push`), `success` on responses, and an optional `payload`. Failed
//! responses carry an `error` object instead of a payload (spec: "Errors").
//!
//! Decoding here is deliberately two-stage: the envelope is decoded first and the
//! payload is kept as raw JSON, because a response must be decoded by the action of
//! the *request* it answers (the spec's `list_threads` sample answers with
//! `action: get_chat`), which only the session engine knows.

use serde_json::Value;

use super::error::RtmError;

/// Upper bound on the size of one incoming frame, in bytes. Larger frames are
/// rejected before parsing so a hostile server cannot make the widget allocate
/// without bound. The spec's biggest payloads (chat history with 100 threads)
/// stay far below this.
pub const MAX_FRAME_BYTES: usize = 4 * 1024 * 1024;

/// Whether an incoming frame answers a request or was pushed by the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameKind {
    /// `"type": "response"`: the answer to a request.
    Response,
    /// `"type": "push"`: a server-initiated message.
    Push,
}

/// One decoded incoming frame with its payload still as raw JSON.
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingFrame {
    /// The `request_id` the client chose, echoed on responses and on pushes
    /// caused by that request ("applies only to the requester").
    pub request_id: Option<String>,
    /// The frame's `action`.
    pub action: String,
    /// Response or push. A frame without `type` but with `success` is a
    /// response; otherwise it is treated as a push.
    pub kind: FrameKind,
    /// `success` of a response; pushes are always `true`.
    pub success: bool,
    /// The payload, `Value::Null` when absent.
    pub payload: Value,
    /// The error object of a failed response.
    pub error: Option<RtmError>,
}

/// Why an incoming frame could not be decoded. Always a value, never a panic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The frame exceeds [`MAX_FRAME_BYTES`].
    TooLarge {
        /// Size of the rejected frame in bytes.
        bytes: usize,
    },
    /// Not JSON, too deeply nested, or not an object.
    Json(String),
    /// Valid JSON but not an RTM frame (for example no `action`).
    Envelope(String),
    /// The payload of a known action does not have the documented shape.
    Payload {
        /// The action whose payload failed to decode.
        action: String,
        /// What serde said.
        reason: String,
    },
}

impl DecodeError {
    /// The payload of `action` did not read at `what` (a field, or `object` /
    /// `list`, see [`super::read::Read`]): "cannot read `what`".
    pub fn unreadable(action: &str, what: &str) -> DecodeError {
        DecodeError::Payload { action: action.to_owned(), reason: ["cannot read `", what, "`"].concat() }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::TooLarge { bytes } => write!(f, "frame of {bytes} bytes exceeds the limit"),
            DecodeError::Json(e) => write!(f, "invalid JSON: {e}"),
            DecodeError::Envelope(e) => write!(f, "not an RTM frame: {e}"),
            DecodeError::Payload { action, reason } => write!(f, "bad `{action}` payload: {reason}"),
        }
    }
}

impl std::error::Error for DecodeError {}

impl IncomingFrame {
    /// Decodes one text frame from the socket.
    pub fn decode(text: &str) -> Result<Self, DecodeError> {
        if text.len() > MAX_FRAME_BYTES {
            return Err(DecodeError::TooLarge { bytes: text.len() });
        }
        let value: Value = crate::json::parse(text).map_err(DecodeError::Json)?;
        let Value::Object(mut raw) = value else { return Err(DecodeError::Envelope("not an object".into())) };
        // Like a missing field, `null` is absent; any other wrong type is not an RTM frame.
        let mut take = |key: &str| raw.remove(key).filter(|v| !v.is_null());
        let bad = |key: &str| DecodeError::Envelope(format!("invalid `{key}`"));
        let action = match take("action") {
            Some(Value::String(a)) if !a.is_empty() => a,
            None | Some(Value::String(_)) => return Err(DecodeError::Envelope("missing `action`".into())),
            Some(_) => return Err(bad("action")),
        };
        // The spec shows string request ids; tolerate numbers from other clients.
        let request_id = match take("request_id") {
            None => None,
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(other) => return Err(DecodeError::Envelope(format!("request_id is {other}"))),
        };
        let kind = take("type");
        let success = match take("success") {
            None => None,
            Some(Value::Bool(b)) => Some(b),
            Some(_) => return Err(bad("success")),
        };
        let mut payload = take("payload").unwrap_or(Value::Null);
        let error = take("error");
        let kind = match kind.as_ref().map(|k| k.as_str().ok_or_else(|| bad("type"))).transpose()? {
            Some("response") => FrameKind::Response,
            Some("push") => FrameKind::Push,
            None if success.is_some() || error.is_some() => FrameKind::Response,
            None => FrameKind::Push,
            Some(other) => return Err(DecodeError::Envelope(format!("unknown frame type `{other}`"))),
        };
        // A failed response may put its error at the top level or in the payload.
        let error_value = error.or_else(|| match &mut payload {
            Value::Object(map) if success == Some(false) => map.remove("error"),
            _ => None,
        });
        let error = error_value.as_ref().map(RtmError::from_json);
        let success = match (kind, success) {
            (FrameKind::Push, _) => true,
            (FrameKind::Response, Some(s)) => s && error.is_none(),
            (FrameKind::Response, None) => error.is_none(),
        };
        Ok(IncomingFrame { request_id, action, kind, success, payload, error })
    }
}

/// An outgoing request frame: `{"request_id", "action", "payload"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct OutgoingFrame<'a> {
    /// Correlates the response with this request.
    pub request_id: Option<&'a str>,
    /// The method name, for example `send_event`.
    pub action: &'a str,
    /// The request parameters; `{}` for methods without parameters.
    pub payload: &'a Value,
}

impl OutgoingFrame<'_> {
    /// The JSON text sent on the socket, fields in the spec's order (`request_id`
    /// only when set).
    pub fn to_json(&self) -> String {
        // `Value`'s `Display` is its compact JSON text, strings escaped.
        let action = Value::from(self.action);
        match self.request_id {
            Some(id) => format!(r#"{{"request_id":{},"action":{action},"payload":{}}}"#, Value::from(id), self.payload),
            None => format!(r#"{{"action":{action},"payload":{}}}"#, self.payload),
        }
    }
}
