//! Reducer rules the UI relies on, each fed with spec-shaped frames through the
//! real decoders (spec sections named per test).

use livechat_widget::chat::{Availability, ChatPhase, ChatState, Delivery, FormSlot, Visibility};
use livechat_widget::protocol::{
    Chat, Event, FormType, GetFormResponse, ListGroupStatusesResponse, LoginResponse, Push, Response,
};
use serde_json::{json, Value};

const CUSTOMER: &str = "b7eff798-f8df-4364-8059-649c35c9ed0c";
const AGENT: &str = "b5657aff34dd32e198160d54666df9d8";

fn push(action: &str, payload: Value) -> Push {
    Push::decode(action, payload).expect("spec-shaped push")
}

fn message(id: &str, author: &str, at: &str, text: &str) -> Value {
    json!({"id": id, "created_at": at, "type": "message", "author_id": author, "text": text})
}

fn login(extra: Value) -> LoginResponse {
    let mut payload = json!({
        "customer": {"id": CUSTOMER, "type": "customer", "name": "Thomas Anderson"},
        "has_active_thread": true,
        "chats": [{"chat_id": "PJ0MRSHTDG", "has_unread_events": false}]
    });
    if let (Some(p), Some(e)) = (payload.as_object_mut(), extra.as_object()) {
        p.extend(e.clone());
    }
    match Response::decode("login", payload).expect("login response") {
        Response::Login(l) => *l,
        other => panic!("not a login response: {other:?}"),
    }
}

fn chat(thread: Value) -> Chat {
    Chat::from_json(&json!({
        "id": "PJ0MRSHTDG",
        "users": [
            {"id": CUSTOMER, "type": "customer", "present": true},
            {"id": AGENT, "type": "agent", "name": "Agent Smith", "present": true, "avatar": "https://example.com/a.png"}
        ],
        "thread": thread
    }))
    .expect("chat")
}

fn logged_in() -> ChatState {
    let mut s = ChatState::new(0);
    s.apply_login(&login(json!({})));
    s
}

fn active_chat() -> ChatState {
    let mut s = logged_in();
    s.apply_chat(&chat(json!({"id": "K600PKZON8", "active": true, "events": [
        message("E1", AGENT, "2020-05-07T07:11:29.000000Z", "Hello")
    ]})));
    s
}

fn texts(s: &ChatState) -> Vec<String> {
    s.timeline.entries().iter().filter_map(|e| e.event.text().map(str::to_owned)).collect()
}

// Spec: "Methods > Status > Login" response.
#[test]
fn login_sets_customer_last_chat_and_unseen_greeting() {
    let mut s = ChatState::new(1);
    s.apply_login(&login(json!({
        "greeting": {"id": 7, "unique_id": "Q10O0N5B5D", "displayed_first_time": true, "accepted": false,
                     "agent": {"id": AGENT, "name": "Agent Smith"},
                     "event": message("G1", AGENT, "2020-01-01T00:00:00.000000Z", "Need help?")},
        "__priv_dynamic_config": {"online_groups_ids": [1, 3]}
    })));
    assert_eq!(s.customer_id(), Some(CUSTOMER));
    assert_eq!(s.chat_id.as_deref(), Some("PJ0MRSHTDG"));
    assert_eq!(s.greeting.as_ref().map(|g| g.unique_id.as_str()), Some("Q10O0N5B5D"));
    assert_eq!(s.availability, Availability::Online);
}

#[test]
fn login_greeting_already_accepted_is_not_shown_again() {
    let mut s = ChatState::new(0);
    s.apply_login(&login(
        json!({"greeting": {"id": 7, "unique_id": "U", "displayed_first_time": false, "accepted": true}}),
    ));
    assert!(s.greeting.is_none());
}

// Spec: "Methods > Status > List Group Statuses": online_for_queue still takes chats (queued).
#[test]
fn group_statuses_set_availability_of_the_configured_group() {
    let r = ListGroupStatusesResponse::from_json(
        &json!({"groups_status": {"1": "online", "2": "offline", "3": "online_for_queue"}}),
    )
    .unwrap();
    for (group, want) in [(1, Availability::Online), (2, Availability::Offline), (3, Availability::Online)] {
        let mut s = ChatState::new(group);
        s.apply_group_statuses(&r.groups_status);
        assert_eq!(s.availability, want, "group {group}");
    }
}

// Spec: "Methods > Other > Get Form": `enabled: false` means no form object.
#[test]
fn disabled_prechat_is_skipped_and_enabled_postchat_is_ready() {
    let mut s = ChatState::new(0);
    let disabled = GetFormResponse::from_json(&json!({"enabled": false})).unwrap();
    s.apply_form(&FormType::Prechat, &disabled);
    assert_eq!(s.prechat, FormSlot::Disabled);
    let enabled = GetFormResponse::from_json(&json!({"enabled": true, "form": {"id": "F", "fields": [
        {"id": "1", "type": "question", "label": "How did we do?", "required": false}
    ]}}))
    .unwrap();
    s.apply_form(&FormType::Postchat, &enabled);
    assert!(matches!(s.postchat, FormSlot::Ready(ref f) if f.id == "F"));
}

// Spec: "Pushes > Chats > incoming_chat", "Threads" (queue), "queue_position_updated", "user_added_to_chat".
#[test]
fn queued_chat_counts_down_and_leaves_the_queue_when_an_agent_joins() {
    let mut s = logged_in();
    s.apply_push(&push(
        "incoming_chat",
        json!({"chat": {"id": "PJ0MRSHTDG", "users": [], "thread": {
        "id": "K600PKZON8", "active": true, "events": [],
        "queue": {"position": 3, "wait_time": 120, "queued_at": "2020-05-07T07:11:28.288340Z"}}}}),
    ));
    assert_eq!(s.phase, ChatPhase::Queued);
    assert_eq!(s.queue.and_then(|q| q.position), Some(3));

    s.apply_push(&push(
        "queue_position_updated",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "queue": {"position": 1, "wait_time": 30}}),
    ));
    assert_eq!(s.queue.map(|q| (q.position, q.wait_time_s)), Some((Some(1), Some(30))));

    s.apply_push(&push(
        "user_added_to_chat",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "user": {"id": AGENT, "type": "agent", "name": "Agent Smith", "present": true}, "reason": "manual"}),
    ));
    assert_eq!(s.phase, ChatPhase::Active);
    assert!(s.queue.is_none());
    assert_eq!(s.users[AGENT].name.as_deref(), Some("Agent Smith"));
}

// Spec: "Pushes > Chat access > chat_transferred": `queue` present if queued after the transfer.
#[test]
fn transfer_into_a_queue_shows_the_queue_again() {
    let mut s = active_chat();
    s.apply_push(&push(
        "chat_transferred",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "transferred_to": {"group_ids": [1]}, "queue": {"position": 2, "wait_time": 60}}),
    ));
    assert_eq!(s.phase, ChatPhase::Queued);
    assert_eq!(s.queue.and_then(|q| q.position), Some(2));
}

// Spec: "Pushes > Events > incoming_event".
#[test]
fn agent_messages_count_as_unread_once_and_only_while_not_viewing() {
    let mut s = active_chat();
    let e = push(
        "incoming_event",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "event": message("E2", AGENT, "2020-05-07T07:12:00.000000Z", "Anything else?")}),
    );
    s.apply_push(&e);
    s.apply_push(&e); // a repeat must not show twice nor count twice
    assert_eq!(s.unread, 1);
    assert_eq!(texts(&s), ["Hello", "Anything else?"]);
    s.set_visibility(Visibility::Maximized);
    assert_eq!(s.unread, 0);
    s.apply_push(&push(
        "incoming_event",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "event": message("E3", AGENT, "2020-05-07T07:13:00.000000Z", "Still there?")}),
    ));
    assert_eq!(s.unread, 0);
}

// Issue: "a message the customer sent shows once, before and after the server confirms it".
#[test]
fn own_message_is_pending_then_sent_and_shows_once() {
    let mut s = active_chat();
    let local = Event::from_json(
        &json!({"id": "", "type": "message", "author_id": CUSTOMER, "text": "Hi!", "custom_id": "c1"}),
    );
    s.send_local("c1".into(), local);
    assert_eq!(s.timeline.by_custom_id("c1").map(|e| e.delivery), Some(Delivery::Pending));
    s.apply_push(&push(
        "incoming_event",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "event": {"id": "E9", "custom_id": "c1", "created_at": "2020-05-07T07:12:00.000000Z",
                  "type": "message", "author_id": CUSTOMER, "text": "Hi!"}}),
    ));
    s.confirm_sent("c1", Some("E9".into()));
    assert_eq!(texts(&s), ["Hello", "Hi!"]);
    assert_eq!(s.timeline.by_event_id("E9").map(|e| e.delivery), Some(Delivery::Sent));
    assert_eq!(s.unread, 0, "own messages are never unread");
}

#[test]
fn failed_send_is_marked_failed() {
    let mut s = active_chat();
    s.send_local("c2".into(), Event::from_json(&json!({"id": "", "type": "message", "text": "lost?"})));
    s.fail_send("c2");
    assert_eq!(s.timeline.by_custom_id("c2").map(|e| e.delivery), Some(Delivery::Failed));
}

// Reconnect gap-fill: get_chat repeats known events and adds missed ones, once each, in order.
#[test]
fn get_chat_after_reconnect_merges_without_duplicates() {
    let mut s = active_chat();
    s.apply_chat(&chat(json!({"id": "K600PKZON8", "active": true, "events": [
        message("E1", AGENT, "2020-05-07T07:11:29.000000Z", "Hello"),
        message("E2", AGENT, "2020-05-07T07:11:40.000000Z", "Missed while offline")
    ]})));
    assert_eq!(texts(&s), ["Hello", "Missed while offline"]);
}

// Spec: "Pushes > Other > incoming_typing_indicator".
#[test]
fn typing_shows_until_stopped_or_the_agent_sends() {
    let mut s = active_chat();
    let typing = |on: bool| {
        push(
            "incoming_typing_indicator",
            json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "typing_indicator": {"author_id": AGENT, "recipients": "all", "timestamp": 1574245378, "is_typing": on}}),
        )
    };
    s.apply_push(&typing(true));
    assert_eq!(s.typing_agents().map(|p| p.id.as_str()).collect::<Vec<_>>(), [AGENT]);
    s.apply_push(&typing(false));
    assert!(s.typing.is_empty());
    s.apply_push(&typing(true));
    s.apply_push(&push(
        "incoming_event",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "event": message("E5", AGENT, "2020-05-07T07:14:00.000000Z", "Done")}),
    ));
    assert!(s.typing.is_empty());
}

// Spec: "Pushes > Chats > chat_deactivated".
#[test]
fn deactivated_chat_ends_and_clears_queue_and_typing() {
    let mut s = active_chat();
    s.typing.insert(AGENT.into());
    assert!(s.apply_push(&push("chat_deactivated", json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8"}))));
    assert_eq!(s.phase, ChatPhase::Ended);
    assert!(!s.can_send());
    assert!(s.typing.is_empty());
    // Starting again on the same chat (activate_chat) makes it active.
    s.chat_started("PJ0MRSHTDG", "NEWTHREAD");
    assert_eq!(s.phase, ChatPhase::Active);
    assert_eq!(texts(&s), ["Hello"], "history stays");
}

// Spec: "incoming_greeting" (a new greeting cancels the displayed one), "greeting_accepted", "greeting_canceled".
#[test]
fn greetings_replace_each_other_and_close_only_on_their_own_id() {
    let mut s = logged_in();
    let greeting = |uid: &str| {
        push(
            "incoming_greeting",
            json!({"id": 7, "unique_id": uid, "displayed_first_time": true,
        "event": message("G", AGENT, "2020-01-01T00:00:00.000000Z", "Hi there"), "agent": {"id": AGENT, "name": "Agent Smith"}}),
        )
    };
    s.apply_push(&greeting("A"));
    s.apply_push(&greeting("B"));
    assert_eq!(s.greeting.as_ref().map(|g| g.unique_id.as_str()), Some("B"));
    assert!(!s.apply_push(&push("greeting_canceled", json!({"unique_id": "A"}))));
    assert!(s.greeting.is_some());
    assert!(s.apply_push(&push("greeting_accepted", json!({"unique_id": "B"}))));
    assert!(s.greeting.is_none());
}

// Spec: "incoming_rich_message_postback"; buttons' `user_ids` list who toggled them.
#[test]
fn rich_message_postback_toggles_the_button_for_the_user() {
    let mut s = active_chat();
    s.apply_push(&push(
        "incoming_event",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8", "event": {
        "id": "RM1", "created_at": "2020-05-07T07:12:00.000000Z", "type": "rich_message", "author_id": AGENT,
        "template_id": "quick_replies", "elements": [{"title": "Pick one", "buttons": [
            {"text": "Yes", "type": "message", "value": "yes", "postback_id": "action_yes", "user_ids": []}
        ]}]}}),
    ));
    let postback = |toggled: bool| {
        push(
            "incoming_rich_message_postback",
            json!({"user_id": CUSTOMER, "chat_id": "PJ0MRSHTDG",
        "thread_id": "K600PKZON8", "event_id": "RM1", "postback": {"id": "action_yes", "toggled": toggled}}),
        )
    };
    let user_ids = |s: &ChatState| match &s.timeline.by_event_id("RM1").unwrap().event.body {
        livechat_widget::protocol::EventBody::RichMessage(r) => r.elements[0].buttons[0].user_ids.clone(),
        _ => unreachable!(),
    };
    assert!(s.apply_push(&postback(true)));
    assert_eq!(user_ids(&s), [CUSTOMER]);
    assert!(!s.apply_push(&postback(true)), "toggling twice changes nothing");
    assert!(s.apply_push(&postback(false)));
    assert!(user_ids(&s).is_empty());
}

#[test]
fn pushes_for_another_chat_are_ignored() {
    let mut s = active_chat();
    assert!(!s.apply_push(&push(
        "incoming_event",
        json!({"chat_id": "OTHER", "thread_id": "T",
        "event": message("X1", AGENT, "2020-05-07T07:12:00.000000Z", "not yours")})
    )));
    assert!(!s.apply_push(&push("chat_deactivated", json!({"chat_id": "OTHER", "thread_id": "T"}))));
    assert_eq!(texts(&s), ["Hello"]);
    assert_eq!(s.phase, ChatPhase::Active);
}

#[test]
fn unknown_pushes_change_nothing() {
    let mut s = active_chat();
    let before = s.clone();
    assert!(!s.apply_push(&push("brand_new_push", json!({"anything": [1, 2, 3]}))));
    assert_eq!(s, before);
}

// Spec: "event_properties_updated" / "event_properties_deleted".
#[test]
fn event_properties_update_and_delete() {
    let mut s = active_chat();
    s.apply_push(&push(
        "event_properties_updated",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "event_id": "E1", "properties": {"ns": {"p": "v"}}}),
    ));
    assert_eq!(s.timeline.by_event_id("E1").unwrap().event.properties["ns"]["p"], "v");
    s.apply_push(&push(
        "event_properties_deleted",
        json!({"chat_id": "PJ0MRSHTDG", "thread_id": "K600PKZON8",
        "event_id": "E1", "properties": {"ns": ["p"]}}),
    ));
    assert!(s.timeline.by_event_id("E1").unwrap().event.properties["ns"].is_empty());
}

// History on scroll: list_threads returns older threads; their events go before.
#[test]
fn older_threads_merge_before_the_current_one() {
    let mut s = logged_in();
    s.apply_chat(&chat(json!({"id": "T2", "active": true, "previous_thread_id": "T1", "events": [
        message("E2", AGENT, "2020-05-08T00:00:00.000000Z", "today")
    ]})));
    assert_eq!(s.older_thread_id.as_deref(), Some("T1"));
    let older = livechat_widget::protocol::read::list(
        &json!([{
            "id": "T1", "active": false, "created_at": "2020-05-07T00:00:00.000000Z",
            "events": [message("E1", AGENT, "2020-05-07T00:00:01.000000Z", "yesterday")]
        }]),
        livechat_widget::protocol::Thread::from_json,
    )
    .unwrap();
    s.apply_older_threads("PJ0MRSHTDG", &older);
    assert_eq!(texts(&s), ["yesterday", "today"]);
    assert_eq!(s.older_thread_id, None);
    assert_eq!(s.phase, ChatPhase::Active, "older threads do not change the current thread's status");
}
