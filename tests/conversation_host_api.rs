//! The host page's JS API (`LiveChatWidget`) as the conversation feeds it:
//! `new_event`, `form_submitted`, greetings and button clicks, and the calls
//! that update the customer (issue 5, "The JS API").

mod common_conversation;

use common_conversation::{Fake, AGENT, CHAT, CUSTOMER};
use livechat_widget::conversation::host_api::PublicState;
use livechat_widget::conversation::Intent;
use livechat_widget::protocol::{FilledFormField, FormFieldType};
use serde_json::{json, Value};

/// Every host event queued so far, as the JSON the loader receives.
fn host_events(f: &mut Fake) -> Vec<Value> {
    std::iter::from_fn(|| f.c.poll_host_event()).map(|e| serde_json::to_value(e).unwrap()).collect()
}

fn names(events: &[Value]) -> Vec<&str> {
    events.iter().filter_map(|e| e["name"].as_str()).collect()
}

#[test]
fn an_agent_message_is_announced_once_with_its_created_at() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    host_events(&mut f);
    f.agent_says("E1", "Hi");
    // The same push again (a repeat after a reconnect) is not a new event.
    f.agent_says("E1", "Hi");
    let events = host_events(&mut f);
    assert_eq!(names(&events), ["new_event"]);
    assert_eq!(events[0]["data"]["type"], "message");
    assert_eq!(events[0]["data"]["author"], json!({"id": AGENT, "type": "agent"}));
    // agent_says stamps 2026-01-01T00:00:01Z.
    assert_eq!(events[0]["data"]["timestamp"], 1_767_225_601_000u64);
}

#[test]
fn history_restored_after_login_is_not_announced() {
    let mut f = Fake::new();
    f.login_with_chat(json!([{"id": "OLD", "type": "message", "author_id": AGENT,
        "created_at": "2026-01-01T00:00:00.000000Z", "text": "earlier"}]));
    assert!(names(&host_events(&mut f)).iter().all(|n| *n != "new_event"));
}

// The customer's own message: announced when the server accepts it, not again
// when its incoming_event echo arrives.
#[test]
fn the_customers_message_is_announced_once_when_accepted() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("Hello".into()));
    assert!(host_events(&mut f).is_empty(), "not before the server has it");
    let send = f.pending("send_event").remove(0);
    let custom_id = send["payload"]["event"]["custom_id"].clone();
    f.answer("send_event", json!({"event_id": "E9"}));
    f.push(
        "incoming_event",
        json!({"chat_id": CHAT, "thread_id": "T1", "event": {"id": "E9", "custom_id": custom_id,
        "type": "message", "author_id": CUSTOMER, "created_at": "2026-01-01T00:00:05.000000Z", "text": "Hello"}}),
    );
    let events = host_events(&mut f);
    assert_eq!(names(&events), ["new_event"]);
    assert_eq!(events[0]["data"]["author"], json!({"id": CUSTOMER, "type": "customer"}));
}

#[test]
fn the_echo_before_the_response_announces_the_customers_message_once() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("Hello".into()));
    let custom_id = f.pending("send_event")[0]["payload"]["event"]["custom_id"].clone();
    f.push(
        "incoming_event",
        json!({"chat_id": CHAT, "thread_id": "T1", "event": {"id": "E9", "custom_id": custom_id,
        "type": "message", "author_id": CUSTOMER, "created_at": "2026-01-01T00:00:05.000000Z", "text": "Hello"}}),
    );
    f.answer("send_event", json!({"event_id": "E9"}));
    let events = host_events(&mut f);
    assert_eq!(names(&events), ["new_event"]);
    assert_eq!(events[0]["data"]["author"]["type"], "customer");
}

#[test]
fn submitting_forms_announces_form_submitted_with_the_form_type() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": true, "form": {"id": "PRE", "fields": [
        {"id": "n", "type": "name", "label": "Name:", "required": false}]}}));
    f.intent(Intent::SubmitPrechat(vec![FilledFormField::text("n", FormFieldType::Name, "Name:", "Ann")]));
    let events = host_events(&mut f);
    assert_eq!(events[0], json!({"name": "form_submitted", "data": {"type": "prechat"}}));
}

// As on LiveChat's widget: the prechat's name and e-mail answers update the customer.
#[test]
fn prechat_name_and_email_answers_become_the_customers() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": true, "form": {"id": "PRE", "fields": [
        {"id": "n", "type": "name", "label": "Name:", "required": false},
        {"id": "e", "type": "email", "label": "E-mail:", "required": false}]}}));
    f.intent(Intent::SubmitPrechat(vec![
        FilledFormField::text("n", FormFieldType::Name, "Name:", " Ann "),
        FilledFormField::text("e", FormFieldType::Email, "E-mail:", "ann@example.com"),
    ]));
    assert_eq!(f.sent_with("update_customer")[0]["payload"], json!({"name": "Ann", "email": "ann@example.com"}));
    let public = PublicState::of(f.c.state(), f.c.session_variables());
    assert_eq!(public.customer_data.name.as_deref(), Some("Ann"));
}

// Spec "Pushes > incoming_greeting" / "greeting_canceled".
#[test]
fn greetings_are_announced_when_displayed_and_hidden() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    host_events(&mut f);
    f.push(
        "incoming_greeting",
        json!({"id": 7, "unique_id": "U1", "displayed_first_time": true,
        "event": {"id": "G1", "type": "message", "text": "Need help?"}, "agent": {"id": AGENT, "name": "Ann"}}),
    );
    let greeting = json!({"id": 7, "uniqueId": "U1"});
    let events = host_events(&mut f);
    assert_eq!(names(&events), ["new_event", "greeting_displayed"]);
    // LiveChat's new_event names the greeting whose content the event is.
    assert_eq!(events[0]["data"]["greeting"], greeting);
    assert_eq!(events[0]["data"]["author"], json!({"id": AGENT, "type": "agent"}));
    assert_eq!(events[1], json!({"name": "greeting_displayed", "data": greeting}));
    f.intent(Intent::CancelGreeting);
    assert_eq!(host_events(&mut f), [json!({"name": "greeting_hidden", "data": {"id": 7, "uniqueId": "U1"}})]);
    assert_eq!(f.sent_with("cancel_greeting").len(), 1);
}

#[test]
fn a_postback_announces_rich_message_button_clicked() {
    let mut f = Fake::new();
    f.login_with_chat(json!([{"id": "R1", "type": "rich_message", "author_id": AGENT, "template_id": "quick_replies",
        "created_at": "2026-01-01T00:00:00.000000Z",
        "elements": [{"title": "Pick", "buttons": [{"type": "message", "text": "Yes", "postback_id": "yes", "user_ids": []}]}]}]));
    host_events(&mut f);
    f.intent(Intent::Postback { event_id: "R1".into(), postback_id: "yes".into() });
    let events = host_events(&mut f);
    assert_eq!(
        events[0],
        json!({"name": "rich_message_button_clicked", "data": {"eventId": "R1", "postbackId": "yes"}})
    );
}

// Spec "Methods > Update Customer": name and e-mail go out when connected and
// ride in every later login.
#[test]
fn set_customer_name_and_email_update_the_customer_now_and_in_later_logins() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SetCustomerName("Ann".into()));
    f.intent(Intent::SetCustomerEmail("ann@example.com".into()));
    let updates = f.sent_with("update_customer");
    assert_eq!(updates[0]["payload"], json!({"name": "Ann"}));
    assert_eq!(updates[1]["payload"], json!({"email": "ann@example.com"}));
    let public = PublicState::of(f.c.state(), f.c.session_variables());
    assert_eq!(
        (public.customer_data.name.as_deref(), public.customer_data.email.as_deref()),
        (Some("Ann"), Some("ann@example.com"))
    );
    f.reconnect_with_chat(json!([]));
    let login = f.sent_with("login").pop().unwrap();
    assert_eq!(login["payload"]["customer"]["name"], "Ann");
    assert_eq!(login["payload"]["customer"]["email"], "ann@example.com");
}

// Spec "Methods > Set Customer Session Fields": the whole list, in order.
#[test]
fn session_variables_replace_or_merge_and_are_sent_in_order() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    let pairs = |p: &[(&str, &str)]| p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>();
    f.intent(Intent::SetSessionVariables { variables: pairs(&[("cart", "2"), ("plan", "pro")]), merge: false });
    f.intent(Intent::SetSessionVariables { variables: pairs(&[("cart", "3"), ("coupon", "X")]), merge: true });
    let sent = f.sent_with("set_customer_session_fields");
    assert_eq!(sent[0]["payload"], json!({"session_fields": [{"cart": "2"}, {"plan": "pro"}]}));
    assert_eq!(sent[1]["payload"], json!({"session_fields": [{"cart": "3"}, {"plan": "pro"}, {"coupon": "X"}]}));
    f.intent(Intent::SetSessionVariables { variables: pairs(&[("only", "1")]), merge: false });
    assert_eq!(f.sent_with("set_customer_session_fields")[2]["payload"], json!({"session_fields": [{"only": "1"}]}));
    f.reconnect_with_chat(json!([]));
    assert_eq!(f.sent_with("login").pop().unwrap()["payload"]["customer"]["session_fields"], json!([{"only": "1"}]));
}

#[test]
fn before_the_first_connection_session_variables_wait_for_the_login() {
    let mut f = Fake::new();
    f.intent(Intent::SetSessionVariables { variables: vec![("a".into(), "1".into())], merge: true });
    f.login_with_chat(json!([]));
    assert!(f.sent_with("set_customer_session_fields").is_empty());
    assert_eq!(f.sent_with("login")[0]["payload"]["customer"]["session_fields"], json!([{"a": "1"}]));
}

// A quick reply on a greeting's card: rich_message_button_clicked names the greeting.
#[test]
fn a_postback_on_a_greetings_card_names_the_greeting() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.push(
        "incoming_greeting",
        json!({"id": 7, "unique_id": "U1", "displayed_first_time": true, "agent": {"id": AGENT, "name": "Ann"},
        "event": {"id": "G1", "type": "rich_message", "template_id": "quick_replies", "created_at": "2026-01-01T00:00:00.000000Z",
            "elements": [{"title": "Help?", "buttons": [{"type": "message", "text": "Yes", "postback_id": "yes", "user_ids": []}]}]}}),
    );
    f.intent(Intent::AcceptGreeting);
    host_events(&mut f);
    f.intent(Intent::Postback { event_id: "G1".into(), postback_id: "yes".into() });
    let events = host_events(&mut f);
    assert_eq!(events[0]["name"], "rich_message_button_clicked");
    assert_eq!(events[0]["data"]["greeting"], json!({"id": 7, "uniqueId": "U1"}));
}

// LiveChat's `maximize` with `{ messageDraft }`: the composer starts with it until a message goes.
#[test]
fn a_message_draft_waits_in_the_state_until_a_message_is_sent() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SetMessageDraft("I need help!".into()));
    assert_eq!(f.c.state().message_draft.as_deref(), Some("I need help!"));
    f.intent(Intent::SendMessage("I need help!".into()));
    assert_eq!(f.c.state().message_draft, None);
    f.intent(Intent::SetMessageDraft("  ".into()));
    assert_eq!(f.c.state().message_draft, None, "a blank draft is no draft");
}
