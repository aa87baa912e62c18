//! Token lifetime (issue 6, "Token lifetime"): a token is refreshed before it
//! expires while the session is connected, so the login after the server's
//! `access_token_expired` (spec: "Disconnection reasons") is immediate; an
//! expired or rejected token is replaced once before backing off.

mod common_session;

use common_session::*;
use livechat_widget::session::{ConnectionStatus, Input, Token};
use serde_json::json;

const HOUR: u64 = 3_600_000;

fn expiring_token(at: u64, name: &str) -> Token {
    Token { token_type: "Bearer".into(), access_token: format!("dal:{name}"), expires_at_ms: Some(at) }
}

fn connected_with_token_expiring_in(ms: u64) -> Harness {
    let mut c = config();
    c.token = Some(expiring_token(T0 + ms, "first"));
    let mut h = Harness::new(c);
    h.auto_pong = true;
    h.start_and_login();
    h
}

#[test]
fn a_token_is_refreshed_a_minute_before_it_expires_while_connected() {
    let mut h = connected_with_token_expiring_in(HOUR);
    h.advance(HOUR - 61_000);
    assert!(h.token_fetches().is_empty(), "not yet");
    h.advance(1_000);
    assert_eq!(h.token_fetches(), [true], "fresh: bypass any cached token");
    h.advance(10_000);
    assert_eq!(h.token_fetches().len(), 1, "asked once while the answer is on its way");
    assert_eq!(h.s.status(), ConnectionStatus::Connected, "the connection is not touched");
}

#[test]
fn after_access_token_expired_the_refreshed_token_logs_in_without_another_fetch() {
    let mut h = connected_with_token_expiring_in(HOUR);
    h.advance(HOUR - 60_000);
    h.input(Input::Token(Ok(expiring_token(T0 + 2 * HOUR, "second"))));
    h.advance(60_000);
    h.take_sent();
    h.push("customer_disconnected", json!({"reason": "access_token_expired"}), None);
    h.input(Input::Opened);
    assert_eq!(h.token_fetches(), [true], "only the refresh before expiry");
    assert_eq!(h.last_sent("login")["payload"]["token"], "Bearer dal:second");
}

#[test]
fn a_second_rejection_in_a_row_backs_off_instead_of_looping() {
    let mut h = connected_with_token_expiring_in(HOUR);
    h.push("customer_disconnected", json!({"reason": "access_token_expired"}), None);
    h.input(Input::Token(Ok(expiring_token(T0 + HOUR, "retry"))));
    h.input(Input::Opened);
    let login = h.last_sent("login");
    h.respond_err(&login, "authentication", None);
    assert!(
        matches!(h.s.status(), ConnectionStatus::Reconnecting { .. }),
        "backs off after the fresh token failed too: {:?}",
        h.s.status()
    );
}

#[test]
fn a_failed_refresh_is_tried_again_after_the_backoff_cap_not_in_a_loop() {
    let mut h = connected_with_token_expiring_in(HOUR);
    h.advance(HOUR - 60_000);
    h.input(Input::Token(Err("accounts unreachable".into())));
    h.advance(29_000);
    assert_eq!(h.token_fetches().len(), 1);
    h.advance(1_000);
    assert_eq!(h.token_fetches().len(), 2);
    assert_eq!(h.s.status(), ConnectionStatus::Connected);
}

#[test]
fn tokens_without_expiry_are_never_refreshed() {
    let mut h = Harness::new(config());
    h.auto_pong = true;
    h.start_and_login();
    h.advance(24 * HOUR);
    assert!(h.token_fetches().is_empty());
}
