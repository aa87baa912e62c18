//! The conversation layer end to end against a scripted server: what the widget
//! sends for each customer intent, and that messages survive lost connections.

mod common_conversation;

use common_conversation::{chat, Fake, AGENT, CHAT, CUSTOMER};
use livechat_widget::chat::{ChatPhase, Delivery, FormSlot, Visibility};
use livechat_widget::conversation::{split_message, Intent};
use livechat_widget::protocol::{Answer, AnswerOption, FilledFormField, FormFieldType};
use serde_json::json;

fn prechat_form() -> serde_json::Value {
    json!({"enabled": true, "form": {"id": "PRE", "fields": [
        {"id": "n", "type": "name", "label": "Name:", "required": false},
        {"id": "g", "type": "group_chooser", "label": "Department", "required": true,
         "options": [{"id": "0", "group_id": 1, "label": "Marketing"}, {"id": "1", "group_id": 2, "label": "Sales"}]}
    ]}})
}

// Issue: login then availability, the prechat form and the chat to restore.
#[test]
fn login_asks_for_availability_prechat_and_the_last_chat() {
    let mut f = Fake::new();
    f.login_with(json!({"customer": {"id": CUSTOMER}, "has_active_thread": false, "chats": []}));
    assert_eq!(f.actions_since(1), ["list_group_statuses", "get_form", "list_chats"]);
    assert_eq!(f.pending("list_group_statuses")[0]["payload"], json!({"group_ids": [0]}));
    assert_eq!(f.pending("get_form")[0]["payload"], json!({"group_id": 0, "type": "prechat"}));
}

// Spec: "Start Chat" with initial events; every customer event carries a custom_id.
#[test]
fn first_message_starts_the_chat_then_messages_go_to_the_thread() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    f.intent(Intent::SendMessage("Hello".into()));
    assert_eq!(f.texts(), ["Hello"]);
    let start = f.pending("start_chat").remove(0);
    let event = &start["payload"]["chat"]["thread"]["events"][0];
    assert_eq!(event["type"], "message");
    assert_eq!(event["text"], "Hello");
    let custom_id = event["custom_id"].as_str().expect("custom_id").to_owned();

    // A second message while start_chat is under way waits for the chat.
    f.intent(Intent::SendMessage("Anyone?".into()));
    assert!(f.pending("send_event").is_empty());
    f.answer("start_chat", json!({"chat_id": CHAT, "thread_id": "T1", "event_ids": ["E1"]}));
    assert_eq!(f.c.state().timeline.by_custom_id(&custom_id).map(|e| e.delivery), Some(Delivery::Sent));
    let send = f.pending("send_event").remove(0);
    assert_eq!(send["payload"]["chat_id"], CHAT);
    assert_eq!(send["payload"]["event"]["text"], "Anyone?");
    assert_ne!(send["payload"]["event"]["custom_id"], json!(custom_id), "custom_ids are unique");
    f.answer("send_event", json!({"event_id": "E2"}));
    assert!(f.c.outbox().is_empty());
    assert_eq!(f.texts(), ["Hello", "Anyone?"]);
}

// Issue 4: "Submitting starts the chat with a filled_form event"; group_chooser sets the group.
#[test]
fn prechat_submission_starts_the_chat_in_the_chosen_group() {
    let mut f = Fake::new();
    f.login_fresh(prechat_form());
    assert!(matches!(f.c.state().prechat, FormSlot::Ready(_)));
    let fields = vec![
        FilledFormField::text("n", FormFieldType::Name, "Name:", "Thomas"),
        FilledFormField {
            id: "g".into(),
            field_type: FormFieldType::GroupChooser,
            label: "Department".into(),
            answer: Answer::Choice(AnswerOption { id: "1".into(), label: "Sales".into(), group_id: Some(2) }),
        },
    ];
    f.intent(Intent::SubmitPrechat(fields));
    let start = f.pending("start_chat").remove(0);
    assert_eq!(start["payload"]["chat"]["access"], json!({"group_ids": [2]}));
    let form = &start["payload"]["chat"]["thread"]["events"][0];
    assert_eq!(form["type"], "filled_form");
    assert_eq!(form["form_id"], "PRE");
    assert_eq!(form["fields"][0], json!({"type": "name", "id": "n", "label": "Name:", "answer": "Thomas"}));
    assert_eq!(form["fields"][1]["answer"], json!({"id": "1", "label": "Sales", "group_id": 2}));
    assert_eq!(f.c.state().prechat, FormSlot::Done);
    assert_eq!(f.c.state().group_id, 2);
}

// Nothing lost: a send in flight when the socket dies is resent once after the
// reconnect, unless the history shows the server already has it.
#[test]
fn message_lost_in_flight_is_resent_once_after_reconnect() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("lost".into()));
    let first = f.pending("send_event").remove(0);
    let custom_id = first["payload"]["event"]["custom_id"].clone();
    let before = f.sent.len();
    f.reconnect_with_chat(json!([]));
    let resent: Vec<_> = f.sent[before..].iter().filter(|v| v["action"] == "send_event").cloned().collect();
    assert_eq!(resent.len(), 1, "resent exactly once");
    assert_eq!(resent[0]["payload"]["event"]["custom_id"], custom_id, "with the same custom_id");
    f.answer("send_event", json!({"event_id": "E1"}));
    assert_eq!(f.texts(), ["lost"]);
}

#[test]
fn message_that_reached_the_server_before_the_drop_is_not_resent() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("made it".into()));
    let custom_id = f.pending("send_event")[0]["payload"]["event"]["custom_id"].clone();
    let before = f.sent_with("send_event").len();
    f.reconnect_with_chat(json!([{"id": "E7", "custom_id": custom_id, "type": "message", "author_id": CUSTOMER,
        "created_at": "2026-01-01T00:00:05.000000Z", "text": "made it"}]));
    assert_eq!(f.sent_with("send_event").len(), before, "not sent twice");
    assert_eq!(f.texts(), ["made it"]);
    assert!(f.c.outbox().is_empty());
}

#[test]
fn messages_typed_while_offline_wait_and_go_in_order() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.input(livechat_widget::session::Input::Offline);
    for text in ["one", "two", "three"] {
        f.intent(Intent::SendMessage(text.into()));
    }
    assert_eq!(f.texts(), ["one", "two", "three"]);
    f.input(livechat_widget::session::Input::Online);
    f.input(livechat_widget::session::Input::Opened);
    f.answer("login", json!({"customer": {"id": CUSTOMER}, "has_active_thread": true, "chats": [{"chat_id": CHAT}]}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_chat", chat(true, json!([])));
    let texts: Vec<_> = f.pending("send_event").iter().map(|r| r["payload"]["event"]["text"].clone()).collect();
    assert_eq!(texts, [json!("one"), json!("two"), json!("three")]);
}

#[test]
fn rejected_message_fails_and_can_be_retried_or_removed() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("bad".into()));
    let custom_id = f.pending("send_event")[0]["payload"]["event"]["custom_id"].as_str().unwrap().to_owned();
    f.fail("send_event", "validation");
    assert_eq!(f.c.state().timeline.by_custom_id(&custom_id).map(|e| e.delivery), Some(Delivery::Failed));
    f.intent(Intent::RetryMessage { custom_id: custom_id.clone() });
    assert_eq!(f.pending("send_event")[0]["payload"]["event"]["custom_id"], json!(custom_id));
    f.fail("send_event", "validation");
    f.intent(Intent::RemoveMessage { custom_id });
    assert!(f.texts().is_empty());
}

// Issue 4: "a quick reply click sends exactly the two documented frames".
#[test]
fn quick_reply_sends_the_postback_and_a_message_with_the_postback_object() {
    let mut f = Fake::new();
    f.login_with_chat(json!([{"id": "RM1", "type": "rich_message", "author_id": AGENT, "created_at": "2026-01-01T00:00:01.000000Z",
        "template_id": "quick_replies", "elements": [{"title": "Pick", "buttons": [
            {"text": "Yes please", "type": "message", "value": "yes", "postback_id": "action_yes", "user_ids": []}]}]}]));
    let from = f.sent.len();
    f.intent(Intent::Postback { event_id: "RM1".into(), postback_id: "action_yes".into() });
    assert_eq!(f.actions_since(from), ["send_rich_message_postback", "send_event"]);
    assert_eq!(
        f.sent[from]["payload"],
        json!({"chat_id": CHAT, "thread_id": "T1", "event_id": "RM1",
        "postback": {"id": "action_yes", "toggled": true}})
    );
    let event = &f.sent[from + 1]["payload"]["event"];
    assert_eq!(event["text"], "Yes please");
    assert_eq!(
        event["postback"],
        json!({"id": "action_yes", "thread_id": "T1", "event_id": "RM1", "type": "message", "value": "yes"})
    );
}

// Spec: "Accept Greeting" / "Cancel Greeting" request tables.
#[test]
fn greeting_accept_and_cancel_send_their_requests() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    let greeting = |uid: &str| {
        json!({"id": 7, "unique_id": uid, "displayed_first_time": true,
        "agent": {"id": AGENT, "name": "Agent Smith"},
        "event": {"id": format!("G-{uid}"), "type": "message", "text": "Can I help?", "created_at": "2026-01-01T00:00:00.000000Z"}})
    };
    f.push("incoming_greeting", greeting("A"));
    f.intent(Intent::CancelGreeting);
    assert_eq!(f.sent_with("cancel_greeting")[0]["payload"], json!({"unique_id": "A"}));
    assert!(f.c.state().greeting.is_none());

    f.push("incoming_greeting", greeting("B"));
    f.intent(Intent::AcceptGreeting);
    assert_eq!(f.sent_with("accept_greeting")[0]["payload"], json!({"greeting_id": 7, "unique_id": "B"}));
    // Choice: the conversation continues from the greeting's message; the chat
    // itself starts with the customer's first reply (no empty chats in the queue).
    assert_eq!(f.texts(), ["Can I help?"]);
    assert!(f.pending("start_chat").is_empty());
}

// Issue 4: "typing sends a debounced send_sneak_peek while a chat is active".
#[test]
fn sneak_peeks_are_throttled_and_carry_the_latest_text() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    for text in ["h", "he", "hel", "hell"] {
        f.intent(Intent::Typing(text.into()));
    }
    let peeks = f.sent_with("send_sneak_peek");
    assert_eq!(peeks.len(), 1);
    assert_eq!(peeks[0]["payload"], json!({"chat_id": CHAT, "sneak_peek_text": "h"}));
    f.advance(1_000);
    let peeks = f.sent_with("send_sneak_peek");
    assert_eq!(peeks.len(), 2);
    assert_eq!(peeks[1]["payload"]["sneak_peek_text"], "hell");
}

// Spec: "Deactivate Chat", "chat_deactivated", "Get Form" (postchat), "Send Event" attach_to_last_thread.
#[test]
fn ending_the_chat_offers_the_postchat_form_and_a_new_message_reactivates() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::EndChat);
    assert_eq!(f.pending("deactivate_chat")[0]["payload"], json!({"chat_id": CHAT}));
    f.answer("deactivate_chat", json!({}));
    f.push("chat_deactivated", json!({"chat_id": CHAT, "thread_id": "T1", "user_id": CUSTOMER}));
    assert_eq!(f.c.state().phase, ChatPhase::Ended);
    assert_eq!(f.pending("get_form")[0]["payload"], json!({"group_id": 0, "type": "postchat"}));
    f.answer(
        "get_form",
        json!({"enabled": true, "form": {"id": "POST", "fields": [
        {"id": "r", "type": "radio", "label": "Rate us", "options": [{"id": "0", "label": "Good"}]}]}}),
    );
    f.intent(Intent::SubmitPostchat(vec![FilledFormField {
        id: "r".into(),
        field_type: FormFieldType::Radio,
        label: "Rate us".into(),
        answer: Answer::Choice(AnswerOption { id: "0".into(), label: "Good".into(), group_id: None }),
    }]));
    let post = f.pending("send_event").remove(0);
    assert_eq!(post["payload"]["attach_to_last_thread"], true);
    assert_eq!(post["payload"]["event"]["form_id"], "POST");

    f.intent(Intent::SendMessage("One more thing".into()));
    let activate = f.pending("activate_chat").remove(0);
    assert_eq!(activate["payload"]["chat"]["id"], CHAT);
    assert_eq!(activate["payload"]["chat"]["thread"]["events"][0]["text"], "One more thing");
    f.answer("activate_chat", json!({"thread_id": "T2", "event_ids": ["E9"]}));
    assert_eq!(f.c.state().phase, ChatPhase::Active);
}

// Spec: "Mark Events As Seen".
#[test]
fn viewing_marks_events_seen_up_to_the_latest() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.agent_says("E1", "hi");
    assert_eq!(f.c.state().unread, 1);
    f.intent(Intent::SetVisibility(Visibility::Maximized));
    assert_eq!(f.c.state().unread, 0);
    let seen = f.sent_with("mark_events_as_seen");
    assert_eq!(seen[0]["payload"], json!({"chat_id": CHAT, "seen_up_to": "2026-01-01T00:00:01.000000Z"}));
    f.agent_says("E2", "still there?");
    assert_eq!(f.sent_with("mark_events_as_seen").len(), 2, "new events while viewing are marked too");
}

#[test]
fn older_history_loads_one_thread_at_a_time() {
    let mut f = Fake::new();
    f.login_with(json!({"customer": {"id": CUSTOMER}, "has_active_thread": true, "chats": [{"chat_id": CHAT}]}));
    f.answer(
        "get_chat",
        json!({"id": CHAT, "users": [], "thread": {"id": "T2", "active": true, "previous_thread_id": "T1",
        "events": [{"id": "E2", "type": "message", "text": "new", "created_at": "2026-01-02T00:00:00.000000Z"}]}}),
    );
    f.intent(Intent::LoadOlder);
    f.intent(Intent::LoadOlder); // while loading: no second request
    assert_eq!(f.pending("get_chat").len(), 1);
    assert_eq!(f.pending("get_chat")[0]["payload"], json!({"chat_id": CHAT, "thread_id": "T1"}));
    f.answer(
        "get_chat",
        json!({"id": CHAT, "users": [], "thread": {"id": "T1", "active": false,
        "created_at": "2026-01-01T00:00:00.000000Z",
        "events": [{"id": "E1", "type": "message", "text": "old", "created_at": "2026-01-01T00:00:00.000000Z"}]}}),
    );
    assert_eq!(f.texts(), ["old", "new"]);
    assert_eq!(f.c.state().older_thread_id, None);
}

// Spec: "Events > Message": max 16 KB of text; "to send more, split text into several messages".
#[test]
fn long_text_is_split_into_parts_under_16_kb_at_char_boundaries() {
    let text = "😁 word ".repeat(4_000); // 36,000 bytes of 4-byte and 1-byte chars
    let parts = split_message(&text, 16 * 1024);
    assert_eq!(parts.len(), 3);
    assert!(parts.iter().all(|p| p.len() <= 16 * 1024));
    assert_eq!(parts.concat(), text);
    let unbroken = "x".repeat(40_000);
    assert_eq!(split_message(&unbroken, 16 * 1024).concat(), unbroken);

    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage(text));
    assert_eq!(f.pending("send_event").len(), 3);
}

#[test]
fn empty_messages_are_not_sent() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("  \n ".into()));
    assert!(f.sent_with("send_event").is_empty());
    assert!(f.texts().is_empty());
}
