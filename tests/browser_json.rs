//! The browser build's JSON parser (`livechat_widget::json`, the browser's `JSON.parse`
//! walked into a `serde_json::Value`) reads what serde_json reads: the frames the widget
//! meets, and the cases where the two parsers differ, as the facade documents them.
#![cfg(target_arch = "wasm32")]

use livechat_widget::json::{self, Ordered, MAX_DEPTH};
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Frames of the RTM API v3.2 (Customer Chat API, "Pushes" and "Responses") and the
/// widget's own texts: parsed alike by both parsers.
const SAME: &[&str] = &[
    r#"{"action":"incoming_event","type":"push","payload":{"chat_id":"PJ0MRSHTDG","thread_id":"K600PKZON8","event":{"id":"Q20N9CKRX2_1","created_at":"2019-10-10T13:24:24.000000Z","type":"message","text":"Hello \u00e9\u2603 \"quoted\" \\ / \n","author_id":"b7eff798-f8df-4364-8059-649c35c9ed0c"}}}"#,
    r#"{"request_id":"r1","action":"login","type":"response","success":true,"payload":{"customer_id":"c1","has_active_thread":false,"chats":[],"__priv_dynamic_config":{"queue_position":3,"ratio":0.25,"negative":-7}}}"#,
    r#"[1, -1, 0, 2.5, -0.125, 1e-7, 123456789012, true, false, null, "", [], {}]"#,
    r#""a string""#,
    "  42  ",
];

#[wasm_bindgen_test]
fn frames_read_as_serde_json_reads_them() {
    for text in SAME {
        let expected: Value = serde_json::from_str(text).unwrap();
        assert_eq!(json::parse(text).unwrap(), expected, "{text}");
    }
}

#[wasm_bindgen_test]
fn integral_numbers_are_integers_and_others_stay_doubles() {
    let v = json::parse(r#"{"n": 3, "neg": -3, "f": 0.5, "whole_double": 3.0, "exp": 1e2}"#).unwrap();
    assert_eq!(v["n"].as_u64(), Some(3));
    assert_eq!(v["neg"].as_i64(), Some(-3));
    assert_eq!(v["f"].as_f64(), Some(0.5));
    // Where serde_json keeps a double, the walk gives an integer (more tolerant readers).
    assert_eq!(v["whole_double"].as_u64(), Some(3));
    assert_eq!(v["exp"].as_u64(), Some(100));
}

#[wasm_bindgen_test]
fn text_that_is_no_json_is_an_error() {
    for text in ["", "{", "{\"a\":}", "[1,]", "nul", "{} {}", "'a'", "undefined"] {
        assert!(json::parse(text).is_err(), "{text:?}");
        assert!(json::parse_ordered(text).is_err(), "{text:?}");
    }
}

#[wasm_bindgen_test]
fn nesting_deeper_than_the_limit_is_refused_and_up_to_it_read() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert!(json::parse(&nested(MAX_DEPTH)).is_ok());
    assert!(json::parse(&nested(MAX_DEPTH + 1)).is_err());
    // A hostile frame far deeper than the stack would bear is an error, not a crash.
    assert!(json::parse(&nested(100_000)).is_err());
}

#[wasm_bindgen_test]
fn a_lone_surrogate_becomes_the_replacement_character() {
    assert_eq!(json::parse(r#""a\ud800b""#).unwrap(), json!("a\u{fffd}b"));
}

#[wasm_bindgen_test]
fn parse_ordered_keeps_the_members_in_the_order_of_the_text() {
    let members = match json::parse_ordered(r#"{"z": "1", "a": {"y": 2, "b": 3}, "m": null}"#).unwrap() {
        Ordered::Object(m) => m,
        other => panic!("{other:?}"),
    };
    let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["z", "a", "m"]);
    assert_eq!(members[1].1, json!({"b": 3, "y": 2}));
    assert_eq!(json::parse_ordered("[1]").unwrap(), Ordered::Other(json!([1])));
    assert_eq!(json::parse_ordered("null").unwrap(), Ordered::Other(Value::Null));
}
