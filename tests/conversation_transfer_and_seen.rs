//! Smaller ones of issue 18, item 6: `chat_transferred` adopts the new group (spec:
//! "Pushes > Chat access > chat_transferred", `transferred_to.group_ids`), so
//! availability and the postchat form ask for it; `events_marked_as_seen` by the
//! customer (another tab or device; spec: "Pushes > Other > events_marked_as_seen")
//! clears the unread count.

mod common_conversation;

use common_conversation::{Fake, CHAT, CUSTOMER};
use livechat_widget::chat::Visibility;
use livechat_widget::conversation::Intent;
use serde_json::json;

#[test]
fn a_transfer_to_another_group_asks_for_that_groups_availability_and_postchat_form() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.push("chat_transferred", json!({"chat_id": CHAT, "thread_id": "T1", "transferred_to": {"group_ids": [5]}}));
    assert_eq!(f.c.state().group_id, 5);
    assert_eq!(f.pending("list_group_statuses")[0]["payload"]["group_ids"], json!([5]));
    f.answer("list_group_statuses", json!({"groups_status": {"5": "online"}}));
    f.push("chat_deactivated", json!({"chat_id": CHAT, "thread_id": "T1"}));
    let form = f.pending("get_form").pop().expect("the postchat form is asked for");
    assert_eq!((form["payload"]["group_id"].clone(), form["payload"]["type"].clone()), (json!(5), json!("postchat")));
}

#[test]
fn a_transfer_to_agents_only_keeps_the_group() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.push("chat_transferred", json!({"chat_id": CHAT, "transferred_to": {"agent_ids": ["a2"]}}));
    assert_eq!(f.c.state().group_id, 0);
    assert!(f.pending("list_group_statuses").is_empty());
}

#[test]
fn seen_by_the_customer_elsewhere_clears_the_unread_count() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SetVisibility(Visibility::Minimized));
    f.agent_says("E1", "Hello?");
    f.agent_says("E2", "Still there?");
    assert_eq!(f.c.state().unread, 2);
    f.push(
        "events_marked_as_seen",
        json!({"user_id": CUSTOMER, "chat_id": CHAT, "seen_up_to": "2026-01-01T00:00:02.000000Z"}),
    );
    assert_eq!(f.c.state().unread, 0);
    // Opening this tab need not mark the same events again.
    let marks = f.sent_with("mark_events_as_seen").len();
    f.intent(Intent::SetVisibility(Visibility::Maximized));
    assert_eq!(f.sent_with("mark_events_as_seen").len(), marks);
}

#[test]
fn seen_by_the_agent_leaves_the_unread_count() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SetVisibility(Visibility::Minimized));
    f.agent_says("E1", "Hello?");
    f.push(
        "events_marked_as_seen",
        json!({"user_id": common_conversation::AGENT, "chat_id": CHAT, "seen_up_to": "2026-01-01T00:00:01.000000Z"}),
    );
    assert_eq!(f.c.state().unread, 1);
}
