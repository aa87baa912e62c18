//! The right chat on login (issue 18, item 4). The login response's `chats` has no
//! order the spec promises (spec: "Methods > Login"; the sandbox lists the oldest
//! first), so with several chats the widget asks `list_chats` and restores the chat
//! with an active thread, then the one whose newest thread is the most recent
//! (spec: "Methods > List Chats", Chat summary `active`, `last_thread_created_at`).

mod common_conversation;

use common_conversation::{chat, Fake, CUSTOMER};
use livechat_widget::conversation::Intent;
use livechat_widget::session::Input;
use serde_json::{json, Value};

fn login_two_chats(f: &mut Fake) {
    f.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
        "chats": [{"chat_id": "OLD", "has_unread_events": false}, {"chat_id": "NEW", "has_unread_events": false}]}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_form", json!({"enabled": false}));
}

fn summary(id: &str, active: bool, created: &str) -> Value {
    json!({"id": id, "last_thread_id": format!("{id}-T"), "last_thread_created_at": created, "active": active})
}

fn chat_of(id: &str, active: bool) -> Value {
    let mut c = chat(active, json!([]));
    c["id"] = json!(id);
    c
}

#[test]
fn with_two_chats_the_one_with_an_active_thread_is_restored_wherever_it_is_listed() {
    for order in [["OLD", "NEW"], ["NEW", "OLD"]] {
        let mut f = Fake::new();
        login_two_chats(&mut f);
        assert!(f.pending("get_chat").is_empty(), "not chats[0] blindly");
        let summaries: Vec<Value> = order
            .iter()
            .map(|id| match *id {
                "NEW" => summary("NEW", true, "2026-01-02T00:00:00.000000Z"),
                _ => summary("OLD", false, "2026-01-01T00:00:00.000000Z"),
            })
            .collect();
        f.answer("list_chats", json!({"chats_summary": summaries, "total_chats": 2}));
        assert_eq!(f.pending("get_chat")[0]["payload"]["chat_id"], "NEW", "{order:?}");
        f.answer("get_chat", chat_of("NEW", true));
        assert_eq!(f.c.state().chat_id.as_deref(), Some("NEW"));
    }
}

#[test]
fn an_active_chat_beats_a_newer_ended_one_and_without_one_the_newest_wins() {
    let mut f = Fake::new();
    login_two_chats(&mut f);
    f.answer(
        "list_chats",
        json!({"chats_summary": [
        summary("ENDED", false, "2026-03-01T00:00:00.000000Z"),
        summary("ACTIVE", true, "2026-01-01T00:00:00.000000Z")], "total_chats": 2}),
    );
    assert_eq!(f.pending("get_chat")[0]["payload"]["chat_id"], "ACTIVE");

    let mut f = Fake::new();
    login_two_chats(&mut f);
    f.answer(
        "list_chats",
        json!({"chats_summary": [
        summary("A", false, "2026-01-01T00:00:00.000000Z"),
        summary("B", false, "2026-03-01T00:00:00.000000Z"),
        summary("C", false, "2026-02-01T00:00:00.000000Z")], "total_chats": 3}),
    );
    assert_eq!(f.pending("get_chat")[0]["payload"]["chat_id"], "B");
}

#[test]
fn reconnecting_does_not_switch_chats() {
    let mut f = Fake::new();
    login_two_chats(&mut f);
    f.answer(
        "list_chats",
        json!({"chats_summary": [summary("OLD", false, "2026-01-01T00:00:00.000000Z"),
        summary("NEW", true, "2026-01-02T00:00:00.000000Z")], "total_chats": 2}),
    );
    f.answer("get_chat", chat_of("NEW", true));
    for _ in 0..3 {
        f.input(Input::Closed { code: 1006, reason: String::new() });
        f.advance(31_000);
        f.input(Input::Opened);
        f.answer(
            "login",
            json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
            "chats": [{"chat_id": "OLD", "has_unread_events": false}, {"chat_id": "NEW", "has_unread_events": false}]}),
        );
        f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
        f.answer(
            "list_chats",
            json!({"chats_summary": [summary("OLD", false, "2026-01-01T00:00:00.000000Z"),
            summary("NEW", true, "2026-01-02T00:00:00.000000Z")], "total_chats": 2}),
        );
        f.answer("get_chat", chat_of("NEW", true));
        assert_eq!(f.c.state().chat_id.as_deref(), Some("NEW"));
    }
    f.intent(Intent::SendMessage("still here".into()));
    assert_eq!(f.pending("send_event")[0]["payload"]["chat_id"], "NEW");
}

// One chat: restored at once, as before (no list_chats).
#[test]
fn a_single_chat_is_restored_without_listing() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    assert!(f.sent_with("list_chats").is_empty());
}
