//! Bad input is a value, never a panic: every case goes through the same path as the
//! socket (IncomingFrame::decode, then Push::decode / Response::decode).

use livechat_widget::protocol::{DecodeError, FrameKind, IncomingFrame, Push, Response, MAX_FRAME_BYTES};
use serde_json::json;

/// Decodes like the session engine would; returns the error, if any, as a value.
fn decode_all(text: &str) -> Result<(), DecodeError> {
    let frame = IncomingFrame::decode(text)?;
    match frame.kind {
        FrameKind::Push => Push::decode(&frame.action, frame.payload).map(|_| ()),
        FrameKind::Response => Response::decode(&frame.action, frame.payload).map(|_| ()),
    }
}

#[test]
fn malformed_json() {
    for text in ["", "{", "nul", "[1,2", r#"{"action":"incoming_event","payload":{"#, "\u{0}", "{\"action\":}"] {
        assert!(decode_all(text).is_err(), "{text:?}");
    }
}

#[test]
fn wrong_types_in_a_known_push_are_payload_errors() {
    let text =
        json!({"action": "incoming_event", "type": "push", "payload": {"chat_id": 5, "thread_id": [], "event": "x"}});
    match decode_all(&text.to_string()) {
        Err(DecodeError::Payload { action, .. }) => assert_eq!(action, "incoming_event"),
        r => panic!("{r:?}"),
    }
    for action in Push::ACTIONS {
        for payload in [json!(null), json!(7), json!("s"), json!([]), json!({"chat_id": {"deep": true}})] {
            // Never panics; unknown shapes are Err, except pushes whose fields are all optional.
            let _ = Push::decode(action, payload);
        }
    }
    for action in ["login", "get_chat", "list_chats", "list_threads", "get_form", "start_chat", "get_customer"] {
        assert!(Response::decode(action, json!("nope")).is_err(), "{action}");
    }
}

#[test]
fn missing_action() {
    assert!(matches!(decode_all(r#"{"type":"push","payload":{}}"#), Err(DecodeError::Envelope(_))));
    assert!(matches!(decode_all(r#"{"action":"","type":"push"}"#), Err(DecodeError::Envelope(_))));
}

fn big_message_frame(bytes: usize) -> String {
    let text = "a".repeat(bytes);
    json!({"action": "incoming_event", "type": "push",
           "payload": {"chat_id": "C", "thread_id": "T", "event": {"id": "E", "type": "message", "text": text}}})
    .to_string()
}

#[test]
fn two_megabyte_frame_decodes() {
    let frame = big_message_frame(2 * 1024 * 1024);
    assert!(frame.len() < MAX_FRAME_BYTES);
    match IncomingFrame::decode(&frame).and_then(|f| Push::decode(&f.action, f.payload)) {
        Ok(Push::IncomingEvent(e)) => assert_eq!(e.event.text().map(str::len), Some(2 * 1024 * 1024)),
        r => panic!("{r:?}"),
    }
}

#[test]
fn five_megabyte_frame_is_too_large() {
    let frame = big_message_frame(5 * 1024 * 1024);
    assert!(matches!(decode_all(&frame), Err(DecodeError::TooLarge { bytes }) if bytes == frame.len()));
}

#[test]
fn ten_thousand_deep_nesting() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let text = format!(r#"{{"action":"incoming_multicast","type":"push","payload":{{"content":{deep}}}}}"#);
    assert!(matches!(decode_all(&text), Err(DecodeError::Json(_))));
    let objs = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    assert!(decode_all(&objs).is_err());
}

#[test]
fn lone_surrogate_escapes() {
    for s in [r"\udc00", r"\ud800", r"\ud800\u0041", r"\udfff\udfff"] {
        let text = format!(
            r#"{{"action":"incoming_event","type":"push","payload":{{"chat_id":"C","thread_id":"T","event":{{"id":"E","type":"message","text":"{s}"}}}}}}"#
        );
        let _ = decode_all(&text); // an error or a decoded push, never a panic
    }
}

#[test]
fn huge_numbers() {
    for n in ["1e400", "-1e400", "123456789012345678901234567890", "-1", "1.5", "18446744073709551616"] {
        let text = format!(
            r#"{{"action":"incoming_greeting","type":"push","payload":{{"id":{n},"unique_id":"u","event":{{"id":"E","type":"file","url":"u","size":{n},"timestamp":{n}}}}}}}"#
        );
        let _ = decode_all(&text);
        let q = format!(
            r#"{{"action":"queue_position_updated","type":"push","payload":{{"chat_id":"C","thread_id":"T","queue":{{"position":{n}}}}}}}"#
        );
        let _ = decode_all(&q);
    }
    // A legacy timestamp far outside any calendar is dropped, not a panic.
    let e = livechat_widget::protocol::Event::from_json(
        &json!({"id": "1", "type": "message", "text": "x", "timestamp": 1e300}),
    );
    assert_eq!(e.created_at, None);
}

#[test]
fn null_payloads() {
    for action in Push::ACTIONS {
        let text = json!({"action": action, "type": "push", "payload": null}).to_string();
        let _ = decode_all(&text);
    }
    assert!(Push::decode("incoming_event", json!(null)).is_err());
    assert_eq!(Response::decode("ping", json!(null)).unwrap(), Response::Empty);
    let text = json!({"action": "ping", "type": "response", "success": true}).to_string();
    assert!(decode_all(&text).is_ok());
}
