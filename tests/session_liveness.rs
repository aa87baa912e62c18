//! Ping cadence, the dead-socket watchdog and the browser's Online / Offline /
//! Visible signals (spec: "Access > Server pinging").

mod common_session;

use common_session::*;
use livechat_widget::session::{Cause, ConnectionStatus, Input, RequestError};
use serde_json::json;

fn pings(h: &Harness) -> usize {
    h.sent_with("ping").len()
}

#[test]
fn no_ping_before_login() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    h.input(Input::Opened);
    h.advance(29_000);
    assert_eq!(pings(&h), 0, "ping is a no-op until authorization completes");
}

#[test]
fn ping_every_15_s_after_login() {
    let mut h = Harness::new(config());
    h.auto_pong = true;
    h.start_and_login();
    h.advance(14_999);
    assert_eq!(pings(&h), 0);
    h.advance(1);
    assert_eq!(pings(&h), 1);
    let ping = h.last_sent("ping");
    assert_eq!(ping["payload"], json!({}));
    assert!(ping["request_id"].is_string());
    h.advance(15_000);
    assert_eq!(pings(&h), 2);
    h.advance(45_000);
    assert_eq!(pings(&h), 5);
    assert_eq!(h.s.status(), ConnectionStatus::Connected, "pong keeps the session alive");
    assert!(h.malformed().is_empty(), "ping responses are not reported");
}

#[test]
fn watchdog_declares_the_socket_dead_22_s_after_the_last_frame() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.advance(15_000);
    assert_eq!(pings(&h), 1, "ping sent but never answered");
    // Sent after the last frame; its own 15 s timeout would end after the watchdog.
    h.advance(5_000);
    let r = h.request("get_customer", json!({}));
    h.advance(1_999);
    assert_eq!(h.closes(), 0);
    h.advance(1);
    assert_eq!(h.closes(), 1);
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { reason: Cause::PingTimeout, .. }));
    assert!(h.responses().contains(&(r, "get_customer", Err(RequestError::ConnectionLost))));
}

#[test]
fn watchdog_counts_from_the_last_frame_received() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.advance(20_000);
    h.push("incoming_typing_indicator", json!({}), None);
    h.advance(21_999);
    assert_eq!(h.closes(), 0);
    h.advance(1);
    assert_eq!(h.closes(), 1);
}

#[test]
fn throttled_timer_in_a_hidden_tab_detects_death_on_the_next_tick() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.sleep_without_ticks(90_000);
    h.input(Input::Tick);
    assert_eq!(pings(&h), 0, "a dead socket is not pinged");
    assert_eq!(h.closes(), 1);
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { reason: Cause::PingTimeout, .. }));
}

#[test]
fn visible_sends_a_ping_now_and_restarts_the_cadence() {
    let mut h = Harness::new(config());
    h.auto_pong = true;
    h.start_and_login();
    h.advance(5_000);
    h.input(Input::Visible);
    assert_eq!(pings(&h), 1);
    h.advance(14_999);
    assert_eq!(pings(&h), 1);
    h.advance(1);
    assert_eq!(pings(&h), 2);
}

#[test]
fn visible_after_a_long_sleep_reconnects_at_once() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.sleep_without_ticks(40_000);
    h.input(Input::Visible);
    assert_eq!(h.closes(), 1);
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { reason: Cause::PingTimeout, .. }));
}

#[test]
fn visible_while_waiting_for_backoff_connects_now() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { .. }));
    let before = h.connects().len();
    h.input(Input::Visible);
    assert_eq!(h.connects().len(), before + 1);
    assert!(matches!(h.s.status(), ConnectionStatus::Connecting { attempt: 1 }));
}

#[test]
fn online_while_waiting_for_backoff_connects_now() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    let before = h.connects().len();
    h.input(Input::Online);
    assert_eq!(h.connects().len(), before + 1);
}

#[test]
fn online_while_connected_pings_now() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.input(Input::Online);
    assert_eq!(pings(&h), 1);
}

#[test]
fn offline_stops_trying_until_online_then_reconnects_immediately() {
    let mut h = Harness::new(config());
    h.start_and_login();
    let r = h.request("get_customer", json!({}));
    h.input(Input::Offline);
    assert_eq!(h.closes(), 1);
    assert_eq!(h.s.status(), ConnectionStatus::Offline);
    assert!(h.responses().contains(&(r, "get_customer", Err(RequestError::ConnectionLost))));
    assert_eq!(h.s.poll_timeout(), None);
    let connects = h.connects().len();
    h.advance(600_000);
    assert_eq!(h.connects().len(), connects, "no attempts while offline");
    h.input(Input::Online);
    assert_eq!(h.connects().len(), connects + 1);
    h.open_and_login();
}

#[test]
fn offline_while_waiting_for_backoff_cancels_the_attempt() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    h.input(Input::Offline);
    assert_eq!(h.s.status(), ConnectionStatus::Offline);
    let connects = h.connects().len();
    h.advance(120_000);
    assert_eq!(h.connects().len(), connects);
}

#[test]
fn offline_before_start_starts_offline() {
    let mut h = Harness::new(config());
    h.input(Input::Offline);
    h.input(Input::Start);
    assert_eq!(h.s.status(), ConnectionStatus::Offline);
    assert!(h.connects().is_empty());
    h.input(Input::Online);
    assert_eq!(h.connects().len(), 1);
}
