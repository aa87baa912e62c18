//! The slices the driver publishes: each is written only when what it shows
//! changed, so a keystroke wakes nothing but the composer (issue 15).

mod common_conversation;

use common_conversation::Fake;
use leptos::prelude::{GetUntracked, WithUntracked};
use livechat_widget::chat::Visibility;
use livechat_widget::conversation::Intent;
use livechat_widget::slices::{Publisher, Slices};
use serde_json::json;

/// The log's entries as published: a new value has a new allocation.
fn log_identity(slices: &Slices) -> *const () {
    slices.log.with_untracked(|log| log.entries.as_ptr().cast())
}

#[test]
fn typing_publishes_no_new_log_but_a_message_does() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.agent_says("E1", "hello");
    let (publisher, slices) = Publisher::new(&f.c);
    let before = log_identity(&slices);
    for text in ["h", "he", "hel", "hell", "hello"] {
        f.intent(Intent::Typing(text.into()));
        publisher.publish(&f.c);
    }
    assert_eq!(log_identity(&slices), before, "typing must not rewrite the log slice");
    assert!(!f.sent_with("send_sneak_peek").is_empty(), "the keystrokes did reach the core");
    f.agent_says("E2", "anything else?");
    publisher.publish(&f.c);
    assert_ne!(log_identity(&slices), before, "a new event is a new log");
    assert_eq!(slices.log.with_untracked(|log| log.entries.len()), 2);
    assert_eq!(slices.unread.get_untracked(), 2);
    f.intent(Intent::SetVisibility(Visibility::Maximized));
    publisher.publish(&f.c);
    assert_eq!(slices.unread.get_untracked(), 0);
    assert_eq!(slices.visibility.get_untracked(), Visibility::Maximized);
}

// Issue 17 item 5: the predicted agent reaches the header through its own slice.
#[test]
fn the_predicted_agent_is_published() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    let (publisher, slices) = Publisher::new(&f.c);
    assert!(slices.predicted_agent.with_untracked(Option::is_none));
    f.intent(Intent::SetVisibility(Visibility::Maximized));
    f.answer("get_predicted_agent", json!({"id": "a1", "name": "Agent Smith", "type": "agent", "is_bot": false}));
    publisher.publish(&f.c);
    assert_eq!(
        slices.predicted_agent.with_untracked(|p| p.as_ref().and_then(|p| p.name.clone())).as_deref(),
        Some("Agent Smith")
    );
}
