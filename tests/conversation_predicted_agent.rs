//! The predicted agent before the chat starts (issue 17 item 5; spec "Get
//! Predicted Agent"): asked once when the visitor opens the window with no chat
//! running, kept in the chat state, never asked again after an error.

mod common_conversation;

use common_conversation::Fake;
use livechat_widget::chat::Visibility;
use livechat_widget::conversation::Intent;
use serde_json::json;

fn open(f: &mut Fake) {
    f.intent(Intent::SetVisibility(Visibility::Maximized));
}

fn close(f: &mut Fake) {
    f.intent(Intent::SetVisibility(Visibility::Minimized));
}

#[test]
fn opening_the_window_without_a_chat_asks_once_for_the_predicted_agent() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    assert!(f.sent_with("get_predicted_agent").is_empty(), "not before the visitor opens the window");
    open(&mut f);
    let sent = f.pending("get_predicted_agent");
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0]["payload"], json!({}), "the spec's request has no parameters");
    f.answer(
        "get_predicted_agent",
        json!({"id": "b5657aff34dd32e198160d54666df9d8", "name": "Agent Smith",
            "avatar": "https://example.avatar/example.com", "is_bot": false, "job_title": "support hero", "type": "agent"}),
    );
    let predicted = f.c.state().predicted_agent.clone().expect("kept in the chat state");
    assert_eq!(predicted.name.as_deref(), Some("Agent Smith"));
    assert_eq!(predicted.avatar.as_deref(), Some("https://example.avatar/example.com"));
    assert_eq!(predicted.job_title.as_deref(), Some("support hero"));
    // Closing and opening again does not ask again.
    close(&mut f);
    open(&mut f);
    assert_eq!(f.sent_with("get_predicted_agent").len(), 1);
}

#[test]
fn an_error_is_not_asked_again_in_a_loop() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    open(&mut f);
    f.fail("get_predicted_agent", "group_unavailable");
    assert_eq!(f.c.state().predicted_agent, None);
    for _ in 0..10 {
        f.advance(60_000);
        close(&mut f);
        open(&mut f);
    }
    assert_eq!(f.sent_with("get_predicted_agent").len(), 1, "one request, whatever the clock and the visitor do");
}

#[test]
fn a_running_chat_needs_no_prediction() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    open(&mut f);
    assert!(f.sent_with("get_predicted_agent").is_empty());
}

#[test]
fn a_window_opened_before_the_login_asks_once_the_chat_is_looked_up() {
    let mut f = Fake::new();
    f.input(livechat_widget::session::Input::Start);
    open(&mut f);
    f.input(livechat_widget::session::Input::Opened);
    f.answer("login", json!({"customer": {"id": "c1", "type": "customer"}, "has_active_thread": false, "chats": []}));
    assert!(f.sent_with("get_predicted_agent").is_empty(), "not before the look-up says no chat runs");
    f.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    assert_eq!(f.pending("get_predicted_agent").len(), 1);
    // A reconnect looks the chat up again, and asks nothing more.
    f.input(livechat_widget::session::Input::Closed { code: 1006, reason: String::new() });
    f.advance(31_000);
    f.input(livechat_widget::session::Input::Opened);
    f.answer("login", json!({"customer": {"id": "c1", "type": "customer"}, "has_active_thread": false, "chats": []}));
    f.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    assert_eq!(f.sent_with("get_predicted_agent").len(), 1);
}
