//! Errors retrying cannot fix (issue 18, item 2). A login refused with `validation`,
//! `authorization`, `group_not_found`, `not_allowed` or `limit_reached` (spec: "Errors >
//! Possible errors") gets the one remedy the error allows (a fresh token where the token
//! can be the cause, the configured group dropped where the group is the cause), then
//! the session stops in `Refused` until the customer's "Try again": a handful of failed
//! logins in a row at most, each an unauthorized connection the service counts
//! (`too_many_unauthorized_connections`).

mod common_session;

use common_session::*;
use livechat_widget::session::{Cause, ConnectionStatus, Input, SessionConfig, MAX_REFUSED_LOGINS};
use serde_json::{json, Value};

fn config_with_group(group: u64) -> SessionConfig {
    let mut c = config();
    c.group_id = Some(group);
    c
}

/// Answers every login with `kind` for an hour of simulated time (opening each
/// socket, handing out tokens); returns the logins sent.
fn refuse_every_login(h: &mut Harness, kind: &str) -> Vec<Value> {
    let deadline = h.now + 3_600_000;
    let (mut answered, mut tokens) = (0, 0);
    loop {
        let logins = h.sent_with("login");
        if logins.len() > answered {
            answered = logins.len();
            h.respond_err(&logins[answered - 1], kind, None);
            continue;
        }
        if h.token_fetches().len() > tokens {
            tokens += 1;
            h.input(Input::Token(Ok(token())));
            continue;
        }
        match h.s.status() {
            ConnectionStatus::Connecting { .. } => h.input(Input::Opened),
            ConnectionStatus::Reconnecting { at_ms, .. } if at_ms <= deadline => h.advance(at_ms - h.now),
            _ => return h.sent_with("login"),
        }
        assert!(h.sent_with("login").len() < 50, "an endless loop of logins");
    }
}

fn refused(h: &Harness) -> Cause {
    match h.s.status() {
        ConnectionStatus::Refused { reason, .. } => reason,
        other => panic!("expected Refused, got {other:?}"),
    }
}

#[test]
fn validation_and_authorization_get_one_fresh_token_then_stop() {
    for kind in ["validation", "authorization"] {
        let mut h = Harness::new(config());
        h.input(Input::Start);
        let logins = refuse_every_login(&mut h, kind);
        assert_eq!(logins.len(), 2, "{kind}: the login, and one with a fresh token");
        assert_eq!(h.token_fetches(), [true], "{kind}");
        assert!(matches!(refused(&h), Cause::LoginFailed(e) if e.kind.as_str() == kind));
        assert_eq!(h.s.poll_timeout(), None, "{kind}: no timer");
        assert!(logins.iter().all(|l| l["payload"].get("group_id").is_none()));
    }
}

#[test]
fn group_not_found_and_not_allowed_drop_the_group_once_then_stop() {
    for kind in ["group_not_found", "not_allowed"] {
        let mut h = Harness::new(config_with_group(7));
        h.input(Input::Start);
        let logins = refuse_every_login(&mut h, kind);
        let groups: Vec<_> = logins.iter().map(|l| l["payload"]["group_id"].clone()).collect();
        assert_eq!(groups, [json!(7), Value::Null], "{kind}: with the group, then without it");
        assert!(h.s.group_dropped());
        assert!(h.token_fetches().is_empty(), "{kind}: the token is not the cause");
        refused(&h);
    }
}

#[test]
fn without_a_group_to_drop_group_not_found_stops_at_once() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    assert_eq!(refuse_every_login(&mut h, "group_not_found").len(), 1);
    refused(&h);
}

#[test]
fn limit_reached_stops_at_once() {
    let mut h = Harness::new(config_with_group(3));
    h.input(Input::Start);
    assert_eq!(refuse_every_login(&mut h, "limit_reached").len(), 1);
    refused(&h);
}

// A token the identity provider keeps handing out and the service keeps rejecting.
#[test]
fn authentication_again_and_again_stops_after_a_handful() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    let logins = refuse_every_login(&mut h, "authentication");
    assert_eq!(logins.len() as u32, MAX_REFUSED_LOGINS);
    refused(&h);
}

#[test]
fn errors_the_reference_does_not_give_for_a_login_stop_after_a_handful() {
    for kind in ["not_found", "chat_inactive", "groups_offline", "some_future_error"] {
        let mut h = Harness::new(config());
        h.input(Input::Start);
        assert_eq!(refuse_every_login(&mut h, kind).len() as u32, MAX_REFUSED_LOGINS, "{kind}");
        refused(&h);
    }
}

// Errors that lift by themselves keep backing off (spec: too_many_requests is
// "unblocked automatically after some time"), with the backoff's growing waits.
#[test]
fn transient_login_errors_keep_backing_off() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    for _ in 0..8 {
        h.input(Input::Opened);
        let login = h.last_sent("login");
        h.respond_err(&login, "too_many_requests", None);
        let ConnectionStatus::Reconnecting { at_ms, .. } = h.s.status() else { panic!("{:?}", h.s.status()) };
        h.advance(at_ms - h.now);
    }
    assert!(matches!(h.s.status(), ConnectionStatus::Connecting { .. }));
}

#[test]
fn refused_waits_for_try_again_and_then_starts_over_with_the_configured_group() {
    let mut h = Harness::new(config_with_group(7));
    h.input(Input::Start);
    refuse_every_login(&mut h, "group_not_found");
    // Queued requests wait for the next login instead of failing.
    h.request("get_customer", json!({}));
    h.take_log();
    for input in [Input::Online, Input::Visible, Input::Resume, Input::Tick] {
        h.input(input);
    }
    h.advance(3_600_000);
    assert!(h.connects().is_empty(), "only the customer's Try again reconnects");
    assert!(h.responses().is_empty(), "the request still waits");

    h.input(Input::Retry);
    assert_eq!(h.connects().len(), 1);
    h.take_sent();
    h.open_and_login();
    assert_eq!(h.sent_with("login")[0]["payload"]["group_id"], 7, "the configured group again");
    assert!(!h.s.group_dropped());
    assert_eq!(h.sent_with("get_customer").len(), 1, "the waiting request went");
}

#[test]
fn a_dropped_group_that_works_stays_dropped_for_later_logins() {
    let mut h = Harness::new(config_with_group(7));
    h.input(Input::Start);
    h.input(Input::Opened);
    let login = h.last_sent("login");
    h.respond_err(&login, "group_not_found", None);
    h.open_and_login();
    h.input(Input::Closed { code: 1006, reason: String::new() });
    h.take_sent();
    h.reconnect_and_login();
    assert_eq!(h.last_sent("login")["payload"].get("group_id"), None);
}

#[test]
fn the_refused_status_names_the_error() {
    let mut h = Harness::new(config());
    h.input(Input::Start);
    refuse_every_login(&mut h, "limit_reached");
    let ConnectionStatus::Refused { reason, attempts } = h.s.status() else { panic!() };
    assert_eq!(attempts, 1);
    assert!(reason.to_string().contains("limit_reached"), "{reason}");
}
