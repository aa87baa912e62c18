//! Browser tests of the sans-IO core compiled to wasm32: the same decoding and
//! session logic as the native tests, inside headless Chromium, where
//! `std::time::Instant` would panic and only `js_sys::Date` tells the time.
#![cfg(target_arch = "wasm32")]

use livechat_widget::protocol::{FrameKind, IncomingFrame};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Spec: "Methods > General RTM API request format" (response envelope).
#[wasm_bindgen_test]
fn response_envelope_decodes_in_the_browser() {
    let frame = IncomingFrame::decode(
        r#"{"request_id":"r1","action":"start_chat","type":"response","success":true,
            "payload":{"chat_id":"PJ0MRSHTDG","thread_id":"PGDGHT5G"}}"#,
    )
    .expect("valid frame");
    assert_eq!(frame.kind, FrameKind::Response);
    assert_eq!(frame.request_id.as_deref(), Some("r1"));
    assert_eq!(frame.payload["chat_id"], "PJ0MRSHTDG");
}

// Bad input is a value, never a panic (a panic would abort the whole widget in wasm).
#[wasm_bindgen_test]
fn malformed_frames_are_errors_not_panics() {
    for text in ["", "{", "[]", r#"{"type":"push"}"#, r#"{"action":1}"#, &"[".repeat(100_000)] {
        assert!(IncomingFrame::decode(text).is_err(), "{text:.20}");
    }
}
