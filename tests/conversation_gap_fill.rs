//! Gap-fill after a reconnect (issue 6, "Gap-fill"): what was pushed while the
//! socket was down comes from `get_chat` after the next login, merged by event
//! id: each event once, in order; a chat that ended meanwhile shows as ended.

mod common_conversation;

use common_conversation::{Fake, AGENT};
use livechat_widget::chat::ChatPhase;
use serde_json::{json, Value};

fn agent(id: &str, second: u32, text: &str) -> Value {
    json!({"id": id, "type": "message", "author_id": AGENT,
           "created_at": format!("2026-01-01T00:00:{second:02}.000000Z"), "text": text})
}

#[test]
fn events_missed_while_disconnected_show_once_in_order() {
    let mut f = Fake::new();
    f.login_with_chat(json!([agent("E1", 1, "one")]));
    f.agent_says("E2", "two"); // stamped 00:00:01 by the fake: sorts by created_at
                               // The socket dies; E3 and E4 are pushed while nobody listens.
    f.reconnect_with_chat(json!([
        agent("E1", 1, "one"),
        agent("E2", 1, "two"),
        agent("E3", 3, "three"),
        agent("E4", 4, "four")
    ]));
    assert_eq!(f.texts(), ["one", "two", "three", "four"]);
    // A late duplicate push changes nothing.
    f.push("incoming_event", json!({"chat_id": "PJ0MRSHTDG", "thread_id": "T1", "event": agent("E3", 3, "three")}));
    assert_eq!(f.texts(), ["one", "two", "three", "four"]);
}

#[test]
fn a_chat_that_ended_while_offline_shows_as_ended_and_asks_for_the_postchat_form() {
    let mut f = Fake::new();
    f.login_with_chat(json!([agent("E1", 1, "hello")]));
    assert_eq!(f.c.state().phase, ChatPhase::Active);
    f.input(livechat_widget::session::Input::Closed { code: 1006, reason: String::new() });
    f.advance(31_000);
    f.input(livechat_widget::session::Input::Opened);
    f.answer(
        "login",
        json!({"customer": {"id": common_conversation::CUSTOMER, "type": "customer"},
        "has_active_thread": false, "chats": [{"chat_id": "PJ0MRSHTDG", "has_unread_events": true}]}),
    );
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_chat", common_conversation::chat(false, json!([agent("E1", 1, "hello"), agent("E2", 2, "bye")])));
    assert_eq!(f.c.state().phase, ChatPhase::Ended);
    assert_eq!(f.texts(), ["hello", "bye"]);
    assert_eq!(f.pending("get_form")[0]["payload"], json!({"group_id": 0, "type": "postchat"}));
}

#[test]
fn an_old_ended_chat_restored_on_a_new_page_does_not_ask_for_the_postchat_form() {
    let mut f = Fake::new();
    f.login_with(json!({"customer": {"id": common_conversation::CUSTOMER, "type": "customer"},
        "has_active_thread": false, "chats": [{"chat_id": "PJ0MRSHTDG", "has_unread_events": false}]}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_form", json!({"enabled": false}));
    f.answer("get_chat", common_conversation::chat(false, json!([agent("E1", 1, "yesterday")])));
    assert_eq!(f.c.state().phase, ChatPhase::Ended);
    assert!(f.pending("get_form").is_empty());
}
