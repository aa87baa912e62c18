//! The reconnect policy, one test per row of the table in `src/session/reconnect.rs`
//! (spec: "Pushes > Status > customer_disconnected > Possible reasons" and
//! "Errors > Possible errors"), plus jitter bounds.

mod common_session;

use common_session::*;
use livechat_widget::session::{
    backoff_window, Cause, ConnectionStatus, Input, Output, SessionConfig, MAX_REFUSED_LOGINS,
};
use serde_json::{json, Value};

const FRA_URL: &str = "wss://api-fra.livechatinc.com/v3.2/customer/rtm/ws?license_id=123";

/// The server pushes `customer_disconnected` and then closes the socket.
fn disconnect(h: &mut Harness, reason: &str, data: Option<Value>) {
    let mut payload = json!({ "reason": reason });
    if let Some(d) = data {
        payload["data"] = d;
    }
    h.push("customer_disconnected", payload, None);
    h.input(Input::Closed { code: 1000, reason: String::new() });
}

/// A connected session that is then disconnected for `reason`.
fn disconnected(reason: &str, data: Option<Value>) -> Harness {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.take_log();
    h.take_events();
    disconnect(&mut h, reason, data);
    h
}

/// A session whose first login fails with `kind`.
fn login_failed(kind: &str, data: Option<Value>) -> Harness {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    h.input(Input::Opened);
    let login = h.last_sent("login");
    h.take_log();
    h.respond_err(&login, kind, data);
    h
}

fn assert_backoff(h: &Harness, what: &str) {
    match h.s.status() {
        ConnectionStatus::Reconnecting { attempt: 1, at_ms, .. } => {
            assert!(at_ms >= h.now && at_ms <= h.now + 1_000, "{what}: first retry within 1 s")
        }
        other => panic!("{what}: expected backoff, got {other:?}"),
    }
    assert!(h.connects().is_empty(), "{what}: not at once");
    assert_eq!(h.closes(), 1, "{what}: closed once");
}

fn assert_stays_down(h: &mut Harness, what: &str) {
    assert_eq!(h.s.poll_timeout(), None, "{what}: no timer");
    h.advance(3_600_000);
    assert!(h.connects().is_empty(), "{what}: no reconnect");
}

// ----- Row: token expired or rejected -> fresh token at once -----

#[test]
fn access_token_expired_reconnects_at_once_with_a_fresh_token() {
    let mut h = disconnected("access_token_expired", None);
    assert_eq!(h.closes(), 1);
    assert_eq!(h.token_fetches(), [true], "a fresh token at once, before the socket");
    assert!(h.connects().is_empty());
    assert_eq!(h.s.status(), ConnectionStatus::Connecting { attempt: 1 });
    h.take_sent();
    h.input(Input::Token(Ok(token())));
    assert_eq!(h.connects().len(), 1);
    h.input(Input::Opened);
    let login = h.last_sent("login");
    h.respond_ok(&login, json!({}));
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
}

#[test]
fn login_error_authentication_reconnects_at_once_with_a_fresh_token() {
    let mut h = login_failed("authentication", None);
    assert_eq!(h.closes(), 1);
    assert_eq!(h.token_fetches(), [true]);
    h.input(Input::Token(Ok(token())));
    assert_eq!(h.connects().len(), 1, "at once");
}

#[test]
fn second_consecutive_authentication_failure_backs_off() {
    let mut h = disconnected("access_token_expired", None);
    h.input(Input::Token(Ok(token())));
    h.input(Input::Opened);
    let login = h.last_sent("login");
    h.take_log();
    h.respond_err(&login, "authentication", None);
    match h.s.status() {
        ConnectionStatus::Reconnecting { attempt: 2, at_ms, .. } => assert!(at_ms <= h.now + 2_000),
        other => panic!("expected backoff, got {other:?}"),
    }
    assert!(h.connects().is_empty());
    h.reconnect_and_login();
    assert_eq!(h.token_fetches(), [true], "still a fresh token after the backoff");
}

#[test]
fn successful_login_resets_the_authentication_retry() {
    let mut h = disconnected("access_token_expired", None);
    h.open_and_login();
    h.take_log();
    disconnect(&mut h, "access_token_expired", None);
    assert_eq!(h.token_fetches(), [true], "at once again after a good login");
    assert_eq!(h.s.status(), ConnectionStatus::Connecting { attempt: 1 });
}

// ----- Row: wrong data center -> switch region, remember it, at once -----

#[test]
fn misdirected_connection_switches_region_remembers_it_and_reconnects_at_once() {
    let mut h = disconnected("misdirected_connection", Some(json!({ "region": "fra" })));
    let key = SessionConfig::new(123, None).region_key;
    assert_eq!(h.stores(), [(key, "fra".to_string())]);
    assert_eq!(h.connects(), [FRA_URL]);
    assert_eq!(h.s.region(), "fra");
    h.open_and_login();
    // Later reconnects stay in the new region.
    h.take_log();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    h.reconnect_and_login();
    assert_eq!(h.connects(), [FRA_URL]);
}

#[test]
fn login_error_misdirected_request_switches_region() {
    let h = login_failed("misdirected_request", Some(json!({ "region": "fra" })));
    assert_eq!(h.connects(), [FRA_URL]);
    assert_eq!(h.stores().len(), 1);
}

#[test]
fn misdirected_connection_without_a_usable_region_backs_off() {
    assert_backoff(&disconnected("misdirected_connection", None), "no region");
    assert_backoff(&disconnected("misdirected_connection", Some(json!({ "region": "dal" }))), "same region");
    assert_backoff(&disconnected("misdirected_connection", Some(json!({ "region": "x.evil.com/" }))), "bad region");
}

// ----- Row: temporarily blocked -> wait what the server says -----

#[test]
fn customer_temporarily_blocked_waits_the_given_time() {
    let mut h = disconnected("customer_temporarily_blocked", Some(json!({ "timeout": 120 })));
    let at = h.now + 120_000;
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { at_ms, .. } if at_ms == at));
    h.input(Input::Visible);
    h.input(Input::Online);
    h.advance(119_999);
    assert!(h.connects().is_empty(), "the server's wait is honoured");
    h.advance(1);
    assert_eq!(h.connects().len(), 1);
}

#[test]
fn customer_temporarily_blocked_defaults_to_60_s() {
    let mut h = disconnected("customer_temporarily_blocked", None);
    h.advance(59_999);
    assert!(h.connects().is_empty());
    h.advance(1);
    assert_eq!(h.connects().len(), 1);
}

// ----- Row: transient -> exponential backoff with full jitter -----

#[test]
fn connection_loss_without_a_reason_backs_off() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.take_log();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    assert!(matches!(
        h.s.status(),
        ConnectionStatus::Reconnecting { reason: Cause::ConnectionLost { code: 1006, .. }, .. }
    ));
    assert!(h.connects().is_empty());
    h.reconnect_and_login();
}

#[test]
fn connection_timeout_internal_error_and_service_temporarily_unavailable_back_off() {
    for reason in ["connection_timeout", "internal_error", "service_temporarily_unavailable"] {
        assert_backoff(&disconnected(reason, None), reason);
    }
}

#[test]
fn login_errors_internal_service_unavailable_too_many_requests_request_timeout_back_off() {
    for kind in ["internal", "service_unavailable", "too_many_requests", "request_timeout"] {
        assert_backoff(&login_failed(kind, None), kind);
    }
}

#[test]
fn unknown_reasons_and_other_login_errors_back_off() {
    assert_backoff(&disconnected("some_future_reason", None), "unknown reason");
    // The first time; after a handful in a row the session refuses (tests/session_login_refused.rs).
    assert_backoff(&login_failed("brand_new_error", None), "unknown error");
}

// Issue 18: counted per IP address (other visitors' connections included) and lifted as
// those connections log in or close; the spec does not call it permanent.
#[test]
fn too_many_unauthorized_connections_backs_off_instead_of_stopping() {
    let mut h = disconnected("too_many_unauthorized_connections", None);
    assert_backoff(&h, "too_many_unauthorized_connections");
    h.reconnect_and_login();
}

#[test]
fn connect_that_never_opens_times_out_and_backs_off() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    h.take_log();
    h.advance(25_000);
    assert_backoff(&h, "connect timeout");
}

// ----- Row: wait for the customer -----

#[test]
fn inactivity_timeout_pauses_until_resume() {
    let mut h = disconnected("inactivity_timeout", None);
    assert!(matches!(h.s.status(), ConnectionStatus::Paused { .. }));
    assert_stays_down(&mut h, "inactivity_timeout");
    h.input(Input::Visible);
    h.input(Input::Online);
    assert!(h.connects().is_empty(), "only the customer resumes");
    h.input(Input::Resume);
    assert_eq!(h.s.status(), ConnectionStatus::Connecting { attempt: 0 });
    h.open_and_login();
}

#[test]
fn users_limit_reached_pauses_as_reason_and_as_login_error() {
    let mut h = disconnected("users_limit_reached", None);
    assert!(matches!(h.s.status(), ConnectionStatus::Paused { .. }));
    assert_stays_down(&mut h, "reason");
    let mut h = login_failed("users_limit_reached", None);
    assert!(matches!(h.s.status(), ConnectionStatus::Paused { .. }));
    assert_stays_down(&mut h, "login error");
}

// ----- Row: terminal -----

#[test]
fn customer_banned_license_and_version_reasons_stop_for_good() {
    for reason in [
        "customer_banned",
        "license_not_found",
        "license_expired",
        "unsupported_version",
        "product_version_changed",
        "too_many_connections",
    ] {
        let mut h = disconnected(reason, None);
        match h.s.status() {
            ConnectionStatus::Stopped { reason: r } => assert!(!r.to_string().is_empty()),
            other => panic!("{reason}: {other:?}"),
        }
        assert_stays_down(&mut h, reason);
        h.input(Input::Resume);
        h.input(Input::Online);
        assert!(h.connects().is_empty(), "{reason}: terminal");
    }
}

#[test]
fn login_errors_customer_banned_license_expired_unsupported_version_wrong_product_version_stop() {
    for kind in ["customer_banned", "license_expired", "unsupported_version", "wrong_product_version"] {
        let mut h = login_failed(kind, None);
        assert!(matches!(h.s.status(), ConnectionStatus::Stopped { reason: Cause::LoginFailed(_) }), "{kind}");
        assert_stays_down(&mut h, kind);
    }
}

#[test]
fn stopped_reason_is_a_sentence_for_the_customer() {
    let h = disconnected("customer_banned", None);
    let ConnectionStatus::Stopped { reason } = h.s.status() else { panic!() };
    assert_eq!(reason.to_string(), "You have been banned from this chat.");
}

#[test]
fn shutdown_closes_and_stops() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.take_log();
    h.input(Input::Shutdown);
    assert_eq!(h.closes(), 1);
    assert_eq!(h.s.status(), ConnectionStatus::Stopped { reason: Cause::Shutdown });
    assert_stays_down(&mut h, "shutdown");
}

// ----- Disconnect push followed by the server's close -----

#[test]
fn disconnect_push_then_close_schedules_once() {
    let mut h = disconnected("internal_error", None);
    let statuses = h.statuses();
    assert_eq!(statuses.len(), 1, "{statuses:?}");
    assert!(matches!(&statuses[0], ConnectionStatus::Reconnecting { attempt: 1, reason: Cause::Disconnected(_), .. }));
    // A second Closed (socket error then close) changes nothing either.
    h.input(Input::Closed { code: 1006, reason: String::new() });
    assert_eq!(h.statuses().len(), 1);
    h.advance(1_000);
    assert_eq!(h.connects().len(), 1, "one reconnect, not two");
}

#[test]
fn only_one_late_close_is_absorbed_after_an_immediate_reconnect() {
    let mut h = Harness::new(config());
    h.start_and_login();
    h.push("customer_disconnected", json!({ "reason": "misdirected_connection", "data": { "region": "fra" } }), None);
    h.input(Input::Closed { code: 1000, reason: String::new() });
    assert_eq!(h.s.status(), ConnectionStatus::Connecting { attempt: 1 }, "the server's close was absorbed");
    h.input(Input::Closed { code: 1006, reason: String::new() });
    assert!(
        matches!(h.s.status(), ConnectionStatus::Reconnecting { attempt: 2, .. }),
        "the new socket failing is real"
    );
}

#[test]
fn the_disconnect_push_is_forwarded() {
    let h = disconnected("inactivity_timeout", None);
    assert!(h.events.iter().any(|e| matches!(e,
        livechat_widget::session::SessionEvent::Push { action, payload, .. }
            if action == "customer_disconnected" && payload["reason"] == "inactivity_timeout")));
}

// ----- Backoff arithmetic -----

/// Fails every connect (socket closes before opening) and returns each wait.
fn waits(seed: u64, n: usize) -> Vec<u64> {
    let mut c = config();
    c.seed = seed;
    let mut h = Harness::new(c);
    h.input(Input::Start);
    let mut out = Vec::new();
    for _ in 0..n {
        h.input(Input::Closed { code: 1006, reason: String::new() });
        let ConnectionStatus::Reconnecting { at_ms, .. } = h.s.status() else { panic!("{:?}", h.s.status()) };
        out.push(at_ms - h.now);
        h.advance(at_ms - h.now);
        assert!(matches!(h.log.last(), Some(Output::Connect { .. })));
    }
    out
}

#[test]
fn jitter_first_attempt_within_1_s_and_capped_at_30_s() {
    for seed in 0..200 {
        let w = waits(seed, 12);
        assert!(w[0] <= 1_000, "seed {seed}: {w:?}");
        for (i, wait) in w.iter().enumerate() {
            assert!(*wait <= backoff_window(i as u32 + 1, 1_000, 30_000), "seed {seed}: {w:?}");
            assert!(*wait <= 30_000);
        }
    }
}

#[test]
fn jitter_is_full_and_deterministic_with_the_seed() {
    assert_eq!(waits(7, 10), waits(7, 10));
    assert_ne!(waits(7, 10), waits(8, 10));
    // Full jitter: late attempts spread over the whole window, not just its top.
    let late: Vec<u64> = (0..200).map(|s| waits(s, 8)[7]).collect();
    assert!(late.iter().any(|w| *w < 10_000) && late.iter().any(|w| *w > 20_000), "{late:?}");
}

#[test]
fn successful_login_resets_the_backoff_attempt() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    for _ in 0..4 {
        h.input(Input::Closed { code: 1006, reason: String::new() });
        let ConnectionStatus::Reconnecting { at_ms, .. } = h.s.status() else { panic!() };
        h.advance(at_ms - h.now);
    }
    assert_eq!(h.s.status(), ConnectionStatus::Connecting { attempt: 4 });
    h.open_and_login();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    assert!(matches!(h.s.status(), ConnectionStatus::Reconnecting { attempt: 1, at_ms, .. } if at_ms <= h.now + 1_000));
}

// ----- The table itself, over every documented reason and error type -----

#[test]
fn policy_table_covers_every_documented_reason_and_login_error() {
    use livechat_widget::protocol::{CustomerDisconnected, DisconnectReason, ErrorType, RtmError};
    use livechat_widget::session::{policy, Action, Delay, PolicyContext};
    let ctx = PolicyContext { auth_retried: false, group_to_drop: false, refused_logins: 1, region: "dal" };
    let kind = |a: Action| match a {
        Action::Reconnect { drop_group: true, .. } => "drop group",
        Action::Reconnect { delay: Delay::Now, fresh_token: true, .. } => "fresh",
        Action::Reconnect { delay: Delay::Now, region: Some(_), .. } => "switch",
        Action::Reconnect { delay: Delay::ServerWait(_), .. } => "wait",
        Action::Reconnect { delay: Delay::Backoff, .. } => "backoff",
        Action::Pause => "pause",
        Action::Refuse => "refuse",
        Action::Stop => "stop",
        other => panic!("{other:?}"),
    };
    for reason in DisconnectReason::ALL {
        let data = Some(json!({ "region": "fra" }));
        let cause = Cause::Disconnected(CustomerDisconnected { reason: reason.clone(), data });
        let expected = match reason.as_str() {
            "access_token_expired" => "fresh",
            "misdirected_connection" => "switch",
            "customer_temporarily_blocked" => "wait",
            "connection_timeout"
            | "internal_error"
            | "service_temporarily_unavailable"
            | "too_many_unauthorized_connections" => "backoff",
            "inactivity_timeout" | "users_limit_reached" => "pause",
            _ => "stop",
        };
        assert_eq!(kind(policy(&cause, ctx)), expected, "{}", reason.as_str());
    }
    for error in ErrorType::ALL {
        let e = RtmError { kind: error.clone(), message: String::new(), data: Some(json!({ "region": "fra" })) };
        let expected = match error.as_str() {
            "authentication" | "authorization" | "validation" => "fresh",
            "group_not_found" | "not_allowed" | "limit_reached" => "refuse",
            "misdirected_request" => "switch",
            "users_limit_reached" => "pause",
            "customer_banned" | "license_expired" | "unsupported_version" | "wrong_product_version" => "stop",
            _ => "backoff",
        };
        assert_eq!(kind(policy(&Cause::LoginFailed(e.clone()), ctx)), expected, "{}", error.as_str());
        // The group can be dropped once where it is the cause.
        let with_group = PolicyContext { group_to_drop: true, ..ctx };
        let expected = match error.as_str() {
            "group_not_found" | "not_allowed" => "drop group",
            _ => expected,
        };
        assert_eq!(
            kind(policy(&Cause::LoginFailed(e.clone()), with_group)),
            expected,
            "{} with a group",
            error.as_str()
        );
        // After the remedies, and a handful in a row, only what lifts by itself still retries.
        let exhausted = PolicyContext { auth_retried: true, refused_logins: MAX_REFUSED_LOGINS, ..ctx };
        let expected = match error.as_str() {
            "misdirected_request" => "switch",
            "users_limit_reached" => "pause",
            "internal"
            | "service_unavailable"
            | "too_many_requests"
            | "request_timeout"
            | "pending_requests_limit_reached" => "backoff",
            "customer_banned" | "license_expired" | "unsupported_version" | "wrong_product_version" => "stop",
            _ => "refuse",
        };
        assert_eq!(kind(policy(&Cause::LoginFailed(e), exhausted)), expected, "{} exhausted", error.as_str());
    }
}
