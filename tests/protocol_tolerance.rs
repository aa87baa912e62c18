//! Tolerance: the shapes the spec samples disagree on, unknown types/actions/fields,
//! and missing optional fields all decode (spec README "Notes for readers").

use livechat_widget::protocol::{
    Answer, Chat, Event, EventBody, FilledFormField, FormField, FormOption, GetFormResponse, Push, Response, Thread,
    User, Visibility,
};
use serde_json::json;

fn event(v: serde_json::Value) -> Event {
    Event::from_json(&v)
}

#[test]
fn visibility_or_legacy_recipients() {
    // data-structures-visibility vs data-structures-recipients.
    let a = event(json!({"id": "1", "type": "message", "text": "x", "visibility": "agents"}));
    let b = event(json!({"id": "1", "type": "message", "text": "x", "recipients": "agents"}));
    assert_eq!(a.visibility, Some(Visibility::Agents));
    assert_eq!(b.visibility, Some(Visibility::Agents));
    assert!(!b.is_visible_to_customer());
    let c = event(json!({"id": "1", "type": "message", "text": "x", "visibility": "supervisors"}));
    assert_eq!(c.visibility, Some(Visibility::Other("supervisors".into())));
}

#[test]
fn created_at_or_legacy_timestamp_and_order() {
    // objects-legacy "Event > Message": timestamp + order instead of created_at.
    let e = event(json!({"id": "1", "type": "message", "text": "x", "timestamp": 1473433500, "order": 3}));
    assert_eq!(e.created_at.as_deref(), Some("2016-09-09T15:05:00.000000Z"));
    assert_eq!(e.order, Some(3));
    let e = event(
        json!({"id": "1", "type": "message", "text": "x", "created_at": "2020-05-14T07:22:40.269000Z", "timestamp": 1}),
    );
    assert_eq!(e.created_at.as_deref(), Some("2020-05-14T07:22:40.269000Z"));
    let e = event(json!({"id": "1", "type": "message", "text": "x", "timestamp": "not a time"}));
    assert_eq!(e.created_at, None);
}

#[test]
fn properites_misspelling_accepted_on_chat_and_thread() {
    // spec "Chats" sample spells `properites`.
    let chat = Chat::from_json(&json!({
        "id": "C", "properites": {"ns": {"k": "v"}},
        "threads": [{"id": "T", "active": true, "properites": {"ns": {"t": 1}}}]
    }))
    .unwrap();
    assert_eq!(chat.properties["ns"]["k"], "v");
    assert_eq!(chat.threads[0].properties["ns"]["t"], 1);
    // Both present: `properties` wins instead of a duplicate-field error.
    let t =
        Thread::from_json(&json!({"id": "T", "properties": {"a": {"x": 1}}, "properites": {"b": {"y": 2}}})).unwrap();
    assert!(t.properties.contains_key("a"));
}

#[test]
fn group_chooser_ids_string_or_number() {
    // customer-rtm "Filled form fields": "id": "2"; data-structures-visibility: "id": 2.
    for id in [json!("2"), json!(2)] {
        let f = FilledFormField::from_json(&json!({
            "type": "group_chooser", "id": 154417206262605324u64, "label": "Dept",
            "answer": {"id": id, "group_id": 1, "label": "Marketing"}
        }))
        .unwrap();
        assert_eq!(f.id, "154417206262605324");
        match f.answer {
            Answer::Choice(o) => assert_eq!((o.id.as_str(), o.group_id), ("2", Some(1))),
            a => panic!("{a:?}"),
        }
    }
    let o = FormOption::from_json(&json!({"id": 0, "group_id": 1, "label": "Marketing"})).unwrap();
    assert_eq!(o.id, "0");
}

#[test]
fn unknown_event_type_kept_raw() {
    let raw = json!({"id": "9", "type": "hologram", "created_at": "2020-01-01T00:00:00Z", "beam": [1, 2]});
    let e = event(raw.clone());
    assert_eq!(e.id, "9");
    assert_eq!(e.created_at.as_deref(), Some("2020-01-01T00:00:00Z"));
    match &e.body {
        EventBody::Unknown { event_type, raw: kept } => {
            assert_eq!(event_type, "hologram");
            assert_eq!(kept, &raw);
        }
        b => panic!("{b:?}"),
    }
}

#[test]
fn known_event_type_with_broken_body_becomes_unknown_not_an_error() {
    let e = event(json!({"id": "1", "type": "file", "url": "u", "size": "big"}));
    assert!(matches!(e.body, EventBody::Unknown { ref event_type, .. } if event_type == "file"));
    // A thread with such an event still decodes.
    let t = Thread::from_json(&json!({"id": "T", "events": [42, {"type": "message", "text": 5}]})).unwrap();
    assert_eq!(t.events.len(), 2);
}

#[test]
fn unknown_push_action_kept_raw() {
    let p = Push::decode("incoming_hologram", json!({"a": 1})).unwrap();
    assert_eq!(p, Push::Unknown { action: "incoming_hologram".into(), payload: json!({"a": 1}) });
    assert_eq!(p.action(), "incoming_hologram");
}

#[test]
fn unknown_fields_ignored_everywhere() {
    let p = Push::decode(
        "incoming_event",
        json!({"chat_id": "C", "thread_id": "T", "future": true,
               "event": {"id": "E", "type": "message", "text": "hi", "sparkles": {"x": 1}}}),
    )
    .unwrap();
    assert!(matches!(p, Push::IncomingEvent(ref e) if e.event.text() == Some("hi")));
    let r = Response::decode("send_event", json!({"event_id": "E", "latency": 3})).unwrap();
    assert!(matches!(r, Response::SendEvent(ref s) if s.event_id == "E"));
}

#[test]
fn missing_optional_fields() {
    let p = Push::decode("chat_deactivated", json!({"chat_id": "C", "thread_id": "T"})).unwrap();
    assert!(matches!(p, Push::ChatDeactivated(ref d) if d.user_id.is_none()));
    let p = Push::decode("chat_transferred", json!({"chat_id": "C", "transferred_to": {"group_ids": [2]}})).unwrap();
    assert!(matches!(p, Push::ChatTransferred(ref t) if t.thread_id.is_none() && t.queue.is_none()));
    let r = Response::decode("login", json!({"customer": {"id": "c"}})).unwrap();
    match r {
        Response::Login(l) => assert!(!l.has_active_thread && l.greeting.is_none() && l.online_groups_ids.is_none()),
        r => panic!("{r:?}"),
    }
    let f = GetFormResponse::from_json(&json!({"enabled": false})).unwrap();
    assert!(!f.enabled && f.form.is_none());
}

#[test]
fn empty_responses_accept_null_empty_or_anything() {
    for p in [json!(null), json!({}), json!({"unexpected": 1})] {
        assert_eq!(Response::decode("ping", p.clone()).unwrap(), Response::Empty);
        assert_eq!(Response::decode("deactivate_chat", p).unwrap(), Response::Empty);
    }
    assert_eq!(Response::decode("future_method", json!({"x": 1})).unwrap(), Response::Unknown(json!({"x": 1})));
}

#[test]
fn users_by_type_or_by_shape() {
    assert!(matches!(User::from_json(&json!({"id": "a", "job_title": "Support"})), User::Agent(_)));
    assert!(matches!(User::from_json(&json!({"id": "c"})), User::Customer(_)));
    match User::from_json(&json!({"id": "b", "type": "bot", "x": 1})) {
        User::Other { user_type, raw } => assert_eq!((user_type.as_str(), raw["x"].as_i64()), ("bot", Some(1))),
        u => panic!("{u:?}"),
    }
}

#[test]
fn group_status_keys_and_unknown_statuses() {
    let r = Response::decode(
        "list_group_statuses",
        json!({"groups_status": {"1": "online", "07": "offline", "x": "online", "4": "busy", "5": 3}}),
    )
    .unwrap();
    match r {
        Response::ListGroupStatuses(s) => {
            assert_eq!(s.groups_status.len(), 3);
            assert_eq!(s.groups_status[&7], livechat_widget::protocol::GroupStatus::Offline);
            assert_eq!(s.groups_status[&4], livechat_widget::protocol::GroupStatus::Other("busy".into()));
        }
        r => panic!("{r:?}"),
    }
}

#[test]
fn button_type_missing_or_unknown() {
    let e = event(json!({"id": "1", "type": "rich_message", "template_id": "carousel",
        "elements": [{"buttons": [{"text": "a"}, {"text": "b", "type": "share", "webview_height": "huge", "target": "popup"}]}]}));
    match e.body {
        EventBody::RichMessage(r) => {
            assert_eq!(r.template_id.as_str(), "carousel");
            assert_eq!(r.elements[0].buttons[0].button_type, None);
            assert_eq!(r.elements[0].buttons[1].button_type.as_ref().unwrap().as_str(), "share");
            assert_eq!(r.elements[0].buttons[1].webview_height.as_ref().unwrap().as_str(), "huge");
            assert_eq!(r.elements[0].buttons[1].target.as_ref().unwrap().as_str(), "popup");
        }
        b => panic!("{b:?}"),
    }
}

#[test]
fn typing_indicator_with_recipients_and_legacy_customer_seen_timestamp() {
    let p = Push::decode(
        "incoming_typing_indicator",
        json!({"chat_id": "C", "thread_id": "T",
        "typing_indicator": {"author_id": "a", "recipients": "all", "timestamp": 1574245378, "is_typing": false}}),
    )
    .unwrap();
    assert!(
        matches!(p, Push::IncomingTypingIndicator(ref t) if t.typing_indicator.visibility == Some(Visibility::All))
    );
}

#[test]
fn queue_position_update_without_queued_at_reads_the_fields_it_has() {
    // spec "Pushes > queue_position_updated": queue.{position, wait_time}; queued_at is optional.
    let p = Push::decode(
        "queue_position_updated",
        json!({"chat_id": "C", "thread_id": "T", "queue": {"position": 2, "wait_time": 30}, "extra": 1}),
    )
    .unwrap();
    match p {
        Push::QueuePositionUpdated(q) => {
            assert_eq!((q.chat_id.as_str(), q.thread_id.as_str()), ("C", "T"));
            assert_eq!((q.queue.position, q.queue.wait_time, q.queue.queued_at), (Some(2), Some(30), None));
        }
        p => panic!("{p:?}"),
    }
}

#[test]
fn form_field_with_id_and_legacy_name() {
    let f =
        FormField::from_json(&json!({"id": 5, "name": "email", "type": "email", "label": "E-mail", "required": null}))
            .unwrap();
    assert_eq!((f.id.as_str(), f.required), ("5", false));
    let f =
        FormField::from_json(&json!({"name": "Chat window title", "type": "title", "label": "Let's talk!"})).unwrap();
    assert_eq!(f.id, "Chat window title");
}
