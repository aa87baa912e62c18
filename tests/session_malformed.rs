//! Bad input is reported and skipped, never fatal (spec: "Methods > General
//! RTM API request format", "Pushes").

mod common_session;

use common_session::*;
use livechat_widget::session::{ConnectionStatus, Input, SessionEvent};
use serde_json::json;

fn connected() -> Harness {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.take_events();
    h.take_log();
    h
}

fn assert_still_works(h: &mut Harness) {
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
    let id = h.request("get_customer", json!({}));
    let sent = h.last_sent("get_customer");
    h.respond_ok(&sent, json!({ "id": "c1" }));
    assert!(h.responses().iter().any(|(i, _, r)| *i == id && r.is_ok()));
}

#[test]
fn malformed_frames_are_reported_and_skipped() {
    let mut h = connected();
    let bad = [
        "",
        "not json",
        "{\"action\":",
        "[]",
        "42",
        "{}",
        r#"{"payload":{}}"#,
        r#"{"action":""}"#,
        r#"{"action":7}"#,
        r#"{"action":"ping","request_id":{"x":1},"type":"response","success":true}"#,
        r#"{"action":"incoming_event","type":"bogus"}"#,
        r#"{"action":"get_customer","type":"response","success":"yes"}"#,
    ];
    for text in bad {
        h.frame(text);
    }
    assert_eq!(h.malformed().len(), bad.len(), "{:?}", h.malformed());
    assert_eq!(h.closes(), 0);
    assert_still_works(&mut h);
}

#[test]
fn unknown_push_actions_are_forwarded() {
    let mut h = connected();
    h.push("brand_new_push", json!({ "x": 1 }), None);
    assert_eq!(
        h.events,
        [SessionEvent::Push { request_id: None, action: "brand_new_push".into(), payload: json!({ "x": 1 }) }]
    );
}

#[test]
fn responses_with_unknown_or_missing_request_ids_are_reported() {
    let mut h = connected();
    h.frame(r#"{"request_id":"r999","action":"get_customer","type":"response","success":true,"payload":{}}"#);
    h.frame(r#"{"request_id":"zzz","action":"get_customer","type":"response","success":true,"payload":{}}"#);
    h.frame(r#"{"action":"get_customer","type":"response","success":true,"payload":{}}"#);
    assert_eq!(h.malformed().len(), 3);
    assert!(h.responses().is_empty());
    assert_still_works(&mut h);
}

#[test]
fn bad_customer_side_storage_push_is_forwarded_reported_and_not_stored() {
    let mut h = connected();
    h.push("customer_side_storage_updated", json!({ "customer_side_storage": "nope" }), None);
    h.push("customer_side_storage_updated", json!([1, 2]), None);
    assert_eq!(h.malformed().len(), 2);
    assert!(h.stores().is_empty());
    assert_eq!(h.events.iter().filter(|e| matches!(e, SessionEvent::Push { .. })).count(), 2);
    assert!(h.s.customer_side_storage().is_empty());
}

#[test]
fn bad_customer_disconnected_push_waits_for_the_close() {
    let mut h = connected();
    h.push("customer_disconnected", json!({ "reason": 5 }), None);
    assert_eq!(h.malformed().len(), 1);
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
    h.input(Input::Closed { code: 1000, reason: String::new() });
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { .. }));
}

#[test]
fn oversized_frame_is_rejected() {
    let mut h = connected();
    let big = format!(r#"{{"action":"x","payload":"{}"}}"#, "a".repeat(5 * 1024 * 1024));
    h.frame(&big);
    assert_eq!(h.malformed().len(), 1);
    assert_still_works(&mut h);
}

#[test]
fn garbage_counts_as_liveness_but_never_as_a_login() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    h.input(Input::Opened);
    h.frame(r#"{"action":"login","type":"push","payload":{}}"#);
    h.frame("garbage");
    assert_eq!(h.s.status(), ConnectionStatus::LoggingIn);
    let login = h.last_sent("login");
    h.respond_ok(&login, json!({}));
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
}

#[test]
fn truncations_of_valid_frames_never_panic() {
    let mut h = connected();
    let id = h.request("get_customer", json!({}));
    let frame = json!({ "request_id": id.wire(), "action": "get_customer", "type": "response", "success": true, "payload": { "a": [1, { "b": null }] } })
        .to_string();
    for cut in 0..frame.len() {
        h.frame(&frame[..cut]);
    }
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
    assert_eq!(h.malformed().len(), frame.len());
    h.frame(&frame);
    assert!(h.responses().iter().any(|(i, _, r)| *i == id && r.is_ok()));
}
