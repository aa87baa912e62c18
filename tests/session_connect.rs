//! Connect URL, login and `customer_side_storage` (spec: "Data centers",
//! "Methods > The API endpoint", "Access > Authorization", "Status > Login",
//! "Pushes > customer_side_storage_updated").

mod common_session;

use common_session::*;
use livechat_widget::session::{
    Application, Cause, ConnectionStatus, CustomerPage, Input, LoginCustomer, Output, SessionEvent, Token,
};
use serde_json::{json, Map};
use std::collections::BTreeMap;

fn first_connect(config: livechat_widget::session::SessionConfig) -> String {
    let mut h = Harness::new(config);
    h.input(Input::Start);
    h.connects().pop().expect("Start emits Connect")
}

#[test]
fn url_dal_is_the_default_without_region_suffix() {
    assert_eq!(first_connect(config()), "wss://api.livechatinc.com/v3.2/customer/rtm/ws?license_id=123");
}

#[test]
fn url_fra_gets_the_region_suffix() {
    let mut c = config();
    c.region = Some("fra".into());
    assert_eq!(first_connect(c), "wss://api-fra.livechatinc.com/v3.2/customer/rtm/ws?license_id=123");
}

#[test]
fn url_override_keeps_the_suffix_rule_for_local_servers() {
    let mut c = config();
    c.scheme = "ws".into();
    c.base_host = "localhost:9000".into();
    c.region = Some("fra".into());
    assert_eq!(first_connect(c.clone()), "ws://api-fra.localhost:9000/v3.2/customer/rtm/ws?license_id=123");
    c.region = Some("dal".into());
    assert_eq!(first_connect(c), "ws://api.localhost:9000/v3.2/customer/rtm/ws?license_id=123");
}

#[test]
fn url_remembered_region_that_is_not_a_host_label_is_ignored() {
    let mut c = config();
    c.region = Some("evil.example/".into());
    assert_eq!(first_connect(c), "wss://api.livechatinc.com/v3.2/customer/rtm/ws?license_id=123");
}

#[test]
fn nothing_happens_before_start() {
    let mut h = Harness::new(config());
    h.drain();
    assert!(h.log.is_empty() && h.sent.is_empty());
    assert_eq!(h.s.status(), ConnectionStatus::Idle);
}

#[test]
fn login_is_sent_at_once_when_a_token_is_held() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    h.input(Input::Opened);
    assert!(h.token_fetches().is_empty());
    let login = h.last_sent("login");
    assert_eq!(login["payload"], json!({ "token": "Bearer dal:test_token" }), "only set fields are sent");
    assert!(login["request_id"].is_string());
    let payload = json!({ "customer": { "id": "c1" }, "chats": [] });
    h.respond_ok(&login, payload.clone());
    assert!(h.events.contains(&SessionEvent::LoggedIn { payload }));
    assert_eq!(
        h.statuses(),
        [ConnectionStatus::Connecting { attempt: 0 }, ConnectionStatus::LoggingIn, ConnectionStatus::Connected]
    );
}

// Issue 18, item 5: the token comes first and the socket opens when it is there, so
// none of the service's 30 s login window (spec: "Access > Authorization") goes to the
// identity provider.
#[test]
fn the_token_is_fetched_before_the_socket_opens() {
    let mut h = Harness::new(config_without_token());
    h.input(Input::Start);
    assert_eq!(h.token_fetches(), [false]);
    assert!(h.connects().is_empty(), "no socket before the token");
    assert_eq!(h.s.status(), ConnectionStatus::Connecting { attempt: 0 });
    h.advance(20_000); // a slow identity provider
    h.input(Input::Token(Ok(token())));
    assert_eq!(h.connects().len(), 1, "the socket opens once the token is there");
    h.input(Input::Opened);
    assert_eq!(h.last_sent("login")["payload"]["token"], "Bearer dal:test_token", "login at once on open");
}

#[test]
fn expired_token_is_replaced_with_a_fresh_one_before_connecting() {
    let mut c = config();
    c.token = Some(Token { expires_at_ms: Some(T0 - 1), ..token() });
    let mut h = Harness::new(c);
    h.input(Input::Start);
    assert_eq!(h.token_fetches(), [true]);
    assert!(h.connects().is_empty());
    assert!(h.sent.is_empty());
}

// The widget's own deadline (25 s) leaves room inside the service's 30 s, so a hung
// login is the widget's to end, not a close from the other side.
#[test]
fn login_deadline_is_25_s_after_the_socket_opens() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    h.advance(2_000);
    h.input(Input::Opened);
    h.advance(24_999);
    assert_eq!(h.closes(), 0);
    assert_eq!(h.s.status(), ConnectionStatus::LoggingIn);
    h.advance(1);
    assert_eq!(h.closes(), 1);
    match h.s.status() {
        ConnectionStatus::Reconnecting { attempt: 1, at_ms, reason: Cause::LoginTimeout } => {
            assert!(at_ms <= h.now + 1_000, "first retry within 1 s")
        }
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn an_identity_provider_that_never_answers_times_out_without_a_socket() {
    let mut h = Harness::new(config_without_token());
    h.input(Input::Start);
    h.advance(30_000);
    assert!(h.connects().is_empty() && h.closes() == 0, "no socket was opened");
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { reason: Cause::TokenFailed(_), .. }));
    // The late token is kept for the next attempt, which connects at once.
    h.input(Input::Token(Ok(token())));
    h.take_sent();
    h.reconnect_and_login();
    assert_eq!(h.token_fetches(), [false], "no second fetch");
}

#[test]
fn token_failure_backs_off_without_a_socket() {
    let mut h = Harness::new(config_without_token());
    h.input(Input::Start);
    h.input(Input::Token(Err("idp down".into())));
    assert_eq!((h.connects().len(), h.closes()), (0, 0));
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { reason: Cause::TokenFailed(_), .. }));
}

#[test]
fn login_payload_carries_every_configured_field() {
    let mut c = config();
    c.group_id = Some(7);
    c.customer = LoginCustomer {
        name: Some("Thomas Anderson".into()),
        email: Some("t.anderson@example.com".into()),
        avatar: None,
        session_fields: Some(vec![BTreeMap::from([("custom_key".to_string(), "custom_value".to_string())])]),
    };
    c.customer_page = CustomerPage { url: Some("https://example.com/pricing".into()), title: Some("Pricing".into()) };
    c.is_mobile = Some(false);
    c.referrer = Some("https://google.com".into());
    c.application =
        Some(Application { name: Some("livechat-widget".into()), version: Some("0.1.0".into()), channel_type: None });
    c.customer_side_storage = Map::from_iter([("customer_visits".to_string(), json!("1"))]);
    let mut h = Harness::new(c);
    h.input(Input::Start);
    h.input(Input::Opened);
    assert_eq!(
        h.last_sent("login")["payload"],
        json!({
            "token": "Bearer dal:test_token",
            "customer": {
                "name": "Thomas Anderson",
                "email": "t.anderson@example.com",
                "session_fields": [{ "custom_key": "custom_value" }]
            },
            "customer_page": { "url": "https://example.com/pricing", "title": "Pricing" },
            "customer_side_storage": { "customer_visits": "1" },
            "is_mobile": false,
            "group_id": 7,
            "referrer": "https://google.com",
            "application": { "name": "livechat-widget", "version": "0.1.0" }
        })
    );
}

#[test]
fn customer_side_storage_round_trip_push_store_and_next_login() {
    let mut c = config();
    c.customer_side_storage = Map::from_iter([("customer_visits".to_string(), json!("1"))]);
    let key = c.storage_key.clone();
    let mut h = Harness::new(c);
    h.start_and_login();
    assert_eq!(h.last_sent("login")["payload"]["customer_side_storage"], json!({ "customer_visits": "1" }));

    let storage = json!({ "customer_visits": "2", "lc_uid": "abc" });
    h.push("customer_side_storage_updated", json!({ "customer_side_storage": storage }), None);
    let stores = h.stores();
    assert_eq!(stores.len(), 1);
    assert_eq!(stores[0].0, key);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stores[0].1).unwrap(), storage);
    assert!(h
        .events
        .iter()
        .any(|e| matches!(e, SessionEvent::Push { action, .. } if action == "customer_side_storage_updated")));

    h.input(Input::Closed { code: 1006, reason: String::new() });
    h.take_sent();
    h.reconnect_and_login();
    assert_eq!(h.last_sent("login")["payload"]["customer_side_storage"], storage);
}

#[test]
fn customer_page_update_is_used_by_the_next_login() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.s.set_customer_page(CustomerPage { url: Some("https://example.com/b".into()), title: None });
    h.input(Input::Closed { code: 1006, reason: String::new() });
    h.take_sent();
    h.reconnect_and_login();
    assert_eq!(h.last_sent("login")["payload"]["customer_page"], json!({ "url": "https://example.com/b" }));
}

#[test]
fn stale_open_and_frames_after_close_are_ignored() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    let before = h.s.status();
    h.input(Input::Opened);
    h.push("incoming_event", json!({}), None);
    assert_eq!(h.s.status(), before);
    assert!(!h.log.iter().any(|o| matches!(o, Output::Send(_))));
}

#[test]
fn an_unanswered_token_request_is_asked_again_on_the_next_attempt() {
    let mut h = Harness::new(config_without_token());
    h.input(Input::Start);
    h.advance(30_000);
    let ConnectionStatus::Reconnecting { at_ms, .. } = h.s.status() else { panic!("{:?}", h.s.status()) };
    h.advance(at_ms - h.now);
    assert_eq!(h.token_fetches(), [false, false]);
}
