//! Request ids, correlation, the 15 s timeout and the 10-request cap (spec:
//! "Methods > General RTM API request format", "Errors > request_timeout",
//! "Errors > pending_requests_limit_reached").

mod common_session;

use std::collections::HashSet;

use common_session::*;
use livechat_widget::protocol::ErrorType;
use livechat_widget::session::{Cause, ConnectionStatus, Input, RequestError, SessionEvent};
use serde_json::{json, Value};

fn connected() -> Harness {
    let mut h = Harness::new(config());
    h.auto_pong = true;
    h.start_and_login();
    h.take_sent();
    h
}

#[test]
fn request_ids_are_unique_across_login_ping_and_requests() {
    let mut h = Harness::new(config());
    h.auto_pong = true;
    h.start_and_login();
    for _ in 0..3 {
        h.request("get_customer", json!({}));
    }
    h.advance(31_000);
    let ids: Vec<&str> = h.sent.iter().filter_map(|v| v["request_id"].as_str()).collect();
    assert_eq!(ids.len(), h.sent.len(), "every frame carries a request_id");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "{ids:?}");
}

#[test]
fn response_resolves_the_request_with_its_action_and_payload() {
    let mut h = connected();
    let id = h.request("list_chats", json!({ "limit": 5 }));
    let sent = h.last_sent("list_chats");
    assert_eq!(sent["request_id"], id.wire());
    assert_eq!(sent["payload"], json!({ "limit": 5 }));
    h.respond_ok(&sent, json!({ "chats_summary": [] }));
    assert_eq!(h.responses(), [(id, "list_chats", Ok(json!({ "chats_summary": [] })))]);
    assert_eq!(h.s.in_flight(), 0);
}

#[test]
fn response_is_matched_by_request_id_not_by_action() {
    // The spec's list_threads sample answers with action get_chat.
    let mut h = connected();
    let id = h.request("list_threads", json!({}));
    let mut sent = h.last_sent("list_threads");
    sent["action"] = json!("get_chat");
    h.respond_ok(&sent, json!({ "threads": [] }));
    assert_eq!(h.responses(), [(id, "list_threads", Ok(json!({ "threads": [] })))]);
}

#[test]
fn requests_wait_for_login_in_order() {
    let mut h = Harness::new(config());
    let a = h.request("get_customer", json!({}));
    let b = h.request("list_chats", json!({}));
    h.input(Input::Start);
    h.input(Input::Opened);
    assert_eq!(h.sent.len(), 1, "only login before it succeeds");
    let login = h.last_sent("login");
    h.respond_ok(&login, json!({}));
    let order: Vec<Value> = h.sent[1..].iter().map(|v| v["request_id"].clone()).collect();
    assert_eq!(order, [json!(a.wire()), json!(b.wire())]);
}

// Issue 18: the service answers `request_timeout` itself after 15 s (spec: "Errors >
// request_timeout"); the widget's own timeout (20 s) leaves room for that answer.
#[test]
fn the_services_request_timeout_answer_arrives_before_the_widgets_own_timeout() {
    let mut h = connected();
    let id = h.request("get_customer", json!({}));
    let sent = h.last_sent("get_customer");
    h.advance(15_100);
    assert!(h.responses().is_empty(), "still waiting for the service's answer");
    h.respond_err(&sent, "request_timeout", None);
    match &h.responses()[..] {
        [(i, "get_customer", Err(RequestError::Rtm(e)))] => assert_eq!((*i, &e.kind), (id, &ErrorType::RequestTimeout)),
        other => panic!("{other:?}"),
    }
    assert!(h.malformed().is_empty(), "the answer matched its request");
}

#[test]
fn request_times_out_after_20_s_without_an_answer() {
    let mut h = connected();
    let id = h.request("get_customer", json!({}));
    let sent = h.last_sent("get_customer");
    h.advance(19_999);
    assert!(h.responses().is_empty());
    h.advance(1);
    assert_eq!(h.responses(), [(id, "get_customer", Err(RequestError::Timeout))]);
    // A late answer is reported, not resolved twice.
    h.respond_ok(&sent, json!({}));
    assert_eq!(h.responses().len(), 1);
    assert_eq!(h.malformed().len(), 1);
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
}

// The service's limit is 10 pending requests per connection, the ping included: requests
// get 9 slots, so a ping due while they all wait never makes an 11th (issue 18).
#[test]
fn at_most_9_requests_in_flight_so_the_ping_never_passes_the_limit_of_10() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.take_sent();
    let ids: Vec<_> = (0..12).map(|_| h.request("get_customer", json!({}))).collect();
    let sent = h.take_sent();
    assert_eq!(sent.len(), 9);
    assert_eq!((h.s.in_flight(), h.s.queued()), (9, 3));
    h.advance(15_000);
    let pings = h.take_sent();
    assert_eq!(pings.iter().map(|v| v["action"].clone()).collect::<Vec<_>>(), [json!("ping")]);
    assert!(h.s.in_flight() + pings.len() <= 10, "pending on the service: {}", h.s.in_flight() + 1);
    h.respond_ok(&pings[0], json!({}));
    h.respond_ok(&sent[3], json!({}));
    assert_eq!(h.take_sent().iter().map(|v| v["request_id"].clone()).collect::<Vec<_>>(), [json!(ids[9].wire())]);
    h.respond_ok(&sent[0], json!({}));
    assert_eq!(h.take_sent().iter().map(|v| v["request_id"].clone()).collect::<Vec<_>>(), [json!(ids[10].wire())]);
    assert_eq!((h.s.in_flight(), h.s.queued()), (9, 1));
}

#[test]
fn error_frame_resolves_the_right_request() {
    let mut h = connected();
    let a = h.request("get_chat", json!({ "chat_id": "A" }));
    let b = h.request("get_chat", json!({ "chat_id": "B" }));
    let sent = h.take_sent();
    h.respond_err(&sent[1], "not_found", None);
    let res = h.responses();
    assert_eq!(res.len(), 1);
    assert_eq!(res[0].0, b);
    match &res[0].2 {
        Err(RequestError::Rtm(e)) => assert_eq!(e.kind, ErrorType::NotFound),
        other => panic!("{other:?}"),
    }
    assert_eq!(h.s.in_flight(), 1, "{a} still in flight");
}

#[test]
fn failed_response_without_error_object_is_a_decode_error() {
    let mut h = connected();
    let id = h.request("get_customer", json!({}));
    h.frame(
        &json!({ "request_id": id.wire(), "action": "get_customer", "type": "response", "success": false }).to_string(),
    );
    assert!(matches!(&h.responses()[..], [(i, _, Err(RequestError::Decode(_)))] if *i == id));
}

#[test]
fn pushes_with_the_requesters_request_id_are_forwarded_and_do_not_resolve() {
    let mut h = connected();
    let id = h.request("send_event", json!({ "chat_id": "C" }));
    let sent = h.last_sent("send_event");
    h.push("incoming_event", json!({ "chat_id": "C" }), Some(&id.wire()));
    assert!(h.events.contains(&SessionEvent::Push {
        request_id: Some(id.wire()),
        action: "incoming_event".into(),
        payload: json!({ "chat_id": "C" }),
    }));
    assert!(h.responses().is_empty());
    assert_eq!(h.s.in_flight(), 1);
    h.respond_ok(&sent, json!({ "event_id": "E1" }));
    assert_eq!(h.responses(), [(id, "send_event", Ok(json!({ "event_id": "E1" })))]);
}

#[test]
fn pending_requests_limit_reached_requeues_instead_of_failing() {
    let mut h = connected();
    let id = h.request("get_customer", json!({}));
    let first = h.take_sent().remove(0);
    h.respond_err(&first, "pending_requests_limit_reached", None);
    assert!(h.responses().is_empty());
    assert_eq!(h.s.queued(), 1);
    h.advance(999);
    assert!(h.sent_with("get_customer").is_empty(), "held briefly");
    h.advance(1);
    let again = h.last_sent("get_customer");
    assert_eq!(again["request_id"], id.wire(), "same id, one answer for the caller");
    h.respond_ok(&again, json!({ "id": "c1" }));
    assert_eq!(h.responses(), [(id, "get_customer", Ok(json!({ "id": "c1" })))]);
}

#[test]
fn in_flight_requests_fail_with_connection_lost_and_queued_ones_survive() {
    let mut h = connected();
    let flying: Vec<_> = (0..9).map(|_| h.request("get_customer", json!({}))).collect();
    let waiting = h.request("list_chats", json!({}));
    h.input(Input::Closed { code: 1006, reason: String::new() });
    let res = h.responses();
    assert_eq!(res.len(), 9);
    assert!(res.iter().all(|(id, _, r)| flying.contains(id) && *r == Err(RequestError::ConnectionLost)));
    h.take_sent();
    h.reconnect_and_login();
    assert_eq!(h.last_sent("list_chats")["request_id"], waiting.wire());
}

#[test]
fn misdirected_request_error_switches_region_and_resends_the_request() {
    let mut h = connected();
    let id = h.request("get_customer", json!({}));
    let sent = h.last_sent("get_customer");
    h.respond_err(&sent, "misdirected_request", Some(json!({ "region": "fra" })));
    assert!(h.responses().is_empty());
    assert_eq!(h.connects().last().unwrap(), "wss://api-fra.livechatinc.com/v3.2/customer/rtm/ws?license_id=123");
    h.take_sent();
    h.open_and_login();
    assert_eq!(h.last_sent("get_customer")["request_id"], id.wire());
}

#[test]
fn requests_fail_at_once_when_stopped_and_queued_ones_fail_on_stop() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    let queued = h.request("get_customer", json!({}));
    h.input(Input::Opened);
    let login = h.last_sent("login");
    h.respond_err(&login, "license_expired", None);
    assert!(matches!(h.s.status(), ConnectionStatus::Stopped { reason: Cause::LoginFailed(_) }));
    assert_eq!(h.responses(), [(queued, "get_customer", Err(RequestError::ConnectionLost))]);
    let late = h.request("get_customer", json!({}));
    assert_eq!(h.responses().last().unwrap(), &(late, "get_customer", Err(RequestError::ConnectionLost)));
}
