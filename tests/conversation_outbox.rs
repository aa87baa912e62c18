//! The durable outbox (issue 6, "Durable outbox"): customer events not yet
//! confirmed survive a reload through storage, are reconciled with the chat's
//! history by `custom_id` after the next login, and only what the server lacks
//! is sent again, once, in the original order.

mod common_conversation;

use common_conversation::{Fake, CHAT, CUSTOMER};
use livechat_widget::chat::Delivery;
use livechat_widget::conversation::{ConversationConfig, Intent};
use serde_json::{json, Value};

const KEY: &str = "livechat:123:0:outbox";

fn fake() -> Fake {
    Fake::with_config(ConversationConfig { outbox_key: Some(KEY.into()), ..Default::default() })
}

/// A page load that restores what the previous one stored.
fn reload(previous: &Fake) -> Fake {
    let mut f = fake();
    f.c.restore_outbox(previous.last_stored(KEY).expect("the outbox was stored"));
    f
}

fn stored_texts(f: &Fake) -> Vec<String> {
    let stored: Value = serde_json::from_str(f.last_stored(KEY).unwrap_or("[]")).unwrap();
    stored.as_array().unwrap().iter().map(|e| e["event"]["text"].as_str().unwrap_or_default().to_owned()).collect()
}

fn deliveries(f: &Fake) -> Vec<Delivery> {
    f.c.state().timeline.entries().iter().map(|e| e.delivery).collect()
}

#[test]
fn messages_typed_before_the_connection_survive_a_reload_and_are_sent_once_in_order() {
    let mut f = fake();
    for text in ["one", "two", "three"] {
        f.intent(Intent::SendMessage(text.into()));
    }
    assert_eq!(stored_texts(&f), ["one", "two", "three"]);

    let mut g = reload(&f);
    assert_eq!(g.texts(), ["one", "two", "three"], "shown at once after the reload");
    assert_eq!(deliveries(&g), [Delivery::Pending; 3]);
    g.login_with_chat(json!([]));
    let sends = g.sent_with("send_event");
    let texts: Vec<_> = sends.iter().map(|s| s["payload"]["event"]["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["one", "two", "three"]);
    for (i, _) in sends.iter().enumerate() {
        g.answer("send_event", json!({"event_id": format!("E{i}")}));
    }
    assert_eq!(deliveries(&g), [Delivery::Sent; 3]);
    assert!(stored_texts(&g).is_empty(), "confirmed events leave storage");
}

// Reconciled by custom_id: the history already holds what the last page sent
// just before it was closed, so it is not sent twice.
#[test]
fn what_the_history_already_has_is_not_sent_again() {
    let mut f = fake();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("arrived".into()));
    f.intent(Intent::SendMessage("lost".into()));
    let sent = f.sent_with("send_event");
    let arrived_id = sent[0]["payload"]["event"]["custom_id"].clone();
    // The page closes before either response.
    let mut g = reload(&f);
    g.login_with_chat(json!([{"id": "E1", "custom_id": arrived_id, "type": "message", "author_id": CUSTOMER,
        "created_at": "2026-01-01T00:00:01.000000Z", "text": "arrived"}]));
    let resent: Vec<_> = g.sent_with("send_event").iter().map(|s| s["payload"]["event"]["text"].clone()).collect();
    assert_eq!(resent, [json!("lost")]);
    assert_eq!(g.texts(), ["arrived", "lost"]);
    g.answer("send_event", json!({"event_id": "E2"}));
    assert!(stored_texts(&g).is_empty());
}

#[test]
fn a_failed_message_stays_failed_across_a_reload_and_can_be_retried_or_removed() {
    let mut f = fake();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("rejected".into()));
    f.fail("send_event", "validation");
    assert_eq!(deliveries(&f), [Delivery::Failed]);
    let stored: Value = serde_json::from_str(f.last_stored(KEY).unwrap()).unwrap();
    assert_eq!(stored[0]["failed"], true);

    let mut g = reload(&f);
    g.login_with_chat(json!([]));
    assert_eq!(deliveries(&g), [Delivery::Failed]);
    assert!(g.sent_with("send_event").is_empty(), "a failed message waits for the customer");
    let custom_id = g.c.state().timeline.entries()[0].custom_id.clone().unwrap();
    g.intent(Intent::RetryMessage { custom_id: custom_id.clone() });
    assert_eq!(g.sent_with("send_event").len(), 1);
    g.fail("send_event", "validation");
    g.intent(Intent::RemoveMessage { custom_id });
    assert!(g.texts().is_empty());
    assert!(stored_texts(&g).is_empty());
}

#[test]
fn a_restored_message_starts_a_chat_when_there_is_none() {
    let mut f = fake();
    f.intent(Intent::SendMessage("hello".into()));
    let mut g = reload(&f);
    g.login_fresh(json!({"enabled": false}));
    let start = g.pending("start_chat").remove(0);
    assert_eq!(start["payload"]["chat"]["thread"]["events"][0]["text"], "hello");
    g.answer("start_chat", json!({"chat_id": CHAT, "thread_id": "T1", "event_ids": ["E1"]}));
    assert!(stored_texts(&g).is_empty());
}

#[test]
fn storage_that_does_not_decode_is_ignored() {
    for junk in ["", "{", "{}", "[1, {\"custom_id\": 5}]", "[{\"custom_id\": \"x\", \"event\": {\"type\": \"form\"}}]"]
    {
        let mut f = fake();
        f.c.restore_outbox(junk);
        f.login_with_chat(json!([]));
        assert!(f.texts().is_empty(), "{junk}");
        assert!(f.sent_with("send_event").is_empty(), "{junk}");
    }
}

#[test]
fn without_a_key_nothing_is_stored() {
    let mut f = Fake::new();
    f.intent(Intent::SendMessage("memory only".into()));
    assert!(f.stored.iter().all(|(k, _)| !k.ends_with(":outbox")));
}

// Found by the fault suite's three tabs (end2end/faults): another tab (or device) of the
// same customer started the chat first, so this tab's start_chat gets `limit_reached`
// (the customer already has an active chat). The message is not "Not sent": the chat is
// looked up and the message goes into it, once.
#[test]
fn a_chat_started_elsewhere_first_takes_the_message_instead_of_failing_it() {
    let mut f = fake();
    f.login_fresh(json!({"enabled": false}));
    f.intent(Intent::SendMessage("from the second tab".into()));
    let start = f.pending("start_chat").remove(0);
    let custom_id = start["payload"]["chat"]["thread"]["events"][0]["custom_id"].clone();
    f.fail("start_chat", "limit_reached");
    assert_eq!(deliveries(&f), [Delivery::Pending], "still pending, not failed");
    f.answer("list_chats", json!({"chats_summary": [{"id": CHAT}], "total_chats": 1}));
    f.answer("get_chat", common_conversation::chat(true, json!([])));
    let sends = f.pending("send_event");
    assert_eq!(sends.len(), 1);
    assert_eq!(sends[0]["payload"]["chat_id"], CHAT);
    assert_eq!(sends[0]["payload"]["event"]["custom_id"], custom_id, "the same custom_id");
    f.answer("send_event", json!({"event_id": "E1"}));
    assert_eq!(deliveries(&f), [Delivery::Sent]);
    assert!(f.sent_with("start_chat").len() == 1 && stored_texts(&f).is_empty());
}

// activate_chat on a chat another tab already reactivated gets `not_allowed`: same thing.
#[test]
fn a_chat_reactivated_elsewhere_first_takes_the_message_instead_of_failing_it() {
    let mut f = fake();
    f.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": false,
        "chats": [{"chat_id": CHAT, "has_unread_events": false}]}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_form", json!({"enabled": false}));
    f.answer("get_chat", common_conversation::chat(false, json!([])));
    f.intent(Intent::SendMessage("back again".into()));
    f.fail("activate_chat", "not_allowed");
    assert_eq!(deliveries(&f), [Delivery::Pending], "still pending, not failed");
    f.answer("get_chat", common_conversation::chat(true, json!([])));
    let sends = f.pending("send_event");
    assert_eq!(sends.len(), 1, "sent into the active thread: {:?}", f.sent_with("activate_chat"));
    f.answer("send_event", json!({"event_id": "E1"}));
    assert_eq!(deliveries(&f), [Delivery::Sent]);
}

// A conflict that does not go away (the chat still looks startable) fails the message
// after one look-up instead of looping.
#[test]
fn a_second_start_conflict_in_a_row_fails_the_message() {
    let mut f = fake();
    f.login_fresh(json!({"enabled": false}));
    f.intent(Intent::SendMessage("stuck".into()));
    f.fail("start_chat", "limit_reached");
    f.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    f.fail("start_chat", "limit_reached");
    assert_eq!(deliveries(&f), [Delivery::Failed]);
    assert_eq!(f.sent_with("start_chat").len(), 2);
}
