//! Every request serialises to the shape of its spec request table / REQUEST sample
//! (spec: "Methods"), with unset optional fields absent.

use std::collections::BTreeMap;
use std::path::Path;

use livechat_widget::protocol::request::*;
use livechat_widget::protocol::{
    Access, Answer, AnswerOption, ButtonType, DeletedProperties, FilledFormField, FormFieldType, FormType,
    MessagePostback, NewEvent, Properties, Request, RichButton, RichElement, RichImage, RichMessage, TemplateId,
};
use serde_json::{json, Value};

fn sample_payload(method: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/spec/request_{method}.json"));
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(v["action"], method);
    v["payload"].clone()
}

fn assert_payload(req: impl Into<Request>, expected: Value) {
    let req = req.into();
    assert_eq!(req.payload(), expected, "{}", req.action());
    // And the frame carries it unchanged.
    let frame: Value = serde_json::from_str(&req.to_frame(Some("7"))).unwrap();
    assert_eq!(frame, json!({"request_id": "7", "action": req.action(), "payload": expected}));
}

fn props(value: &str) -> Properties {
    let mut inner = BTreeMap::new();
    inner.insert("string_property".to_string(), json!(value));
    let mut p = Properties::new();
    p.insert("0805e283233042b37f460ed8fbf22160".to_string(), inner);
    p
}

fn deleted() -> DeletedProperties {
    [("0805e283233042b37f460ed8fbf22160".to_string(), vec!["string_property".to_string()])].into_iter().collect()
}

fn session_fields() -> Vec<BTreeMap<String, String>> {
    vec![
        BTreeMap::from([("custom_key".to_string(), "custom_value".to_string())]),
        BTreeMap::from([("another_custom_key".to_string(), "another_custom_value".to_string())]),
    ]
}

/// The request the widget builds for each spec REQUEST sample (spec: "Methods >
/// <method>", the sample in tests/fixtures/spec/request_<method>.json), one per method.
fn sample_requests() -> Vec<Request> {
    let (c, t, e) = ("Q1GZ3FNAT9".to_string(), "Q1GZ3FNAU9".to_string(), "Q1GZ3FNAU9_1".to_string());
    vec![
        ListChats::default().into(),
        ListThreads::new("PWJ8Y4THAV").into(),
        GetChat { chat_id: "PJ0MRSHTDG".into(), thread_id: Some("K600PKZON8".into()) }.into(),
        StartChat::default().into(),
        ActivateChat::new("PWJ8Y4THAV", vec![]).into(),
        DeactivateChat { chat_id: "PJ0MRSHTDG".into() }.into(),
        SendEvent::new("PW94SJTGW6", NewEvent::message("hello world")).into(),
        SendRichMessagePostback {
            chat_id: "PJ0MRSHTDG".into(),
            thread_id: "K600PKZON8".into(),
            event_id: "a0c22fdd-fb71-40b5-bfc6-a8a0bc3117f7".into(),
            postback: RichMessagePostback { id: "Method URL_yes".into(), toggled: true },
        }
        .into(),
        SendSneakPeek { chat_id: "PJ0MRSHTDG".into(), sneak_peek_text: "hello world".into() }.into(),
        UpdateChatProperties { chat_id: c.clone(), properties: props("Chat property value updated by Customer") }
            .into(),
        DeleteChatProperties { chat_id: c.clone(), properties: deleted() }.into(),
        UpdateThreadProperties {
            chat_id: c.clone(),
            thread_id: t.clone(),
            properties: props("Thread property value updated by Customer"),
        }
        .into(),
        DeleteThreadProperties { chat_id: c.clone(), thread_id: t.clone(), properties: deleted() }.into(),
        UpdateEventProperties {
            chat_id: c.clone(),
            thread_id: t.clone(),
            event_id: e.clone(),
            properties: props("Event property value updated by Customer"),
        }
        .into(),
        DeleteEventProperties { chat_id: c, thread_id: t, event_id: e, properties: deleted() }.into(),
        UpdateCustomer {
            name: Some("Thomas Anderson".into()),
            email: Some("t.anderson@example.com".into()),
            avatar: Some("example.com/avatars/1.png".into()),
            session_fields: Some(session_fields()),
        }
        .into(),
        UpdateCustomerPage { url: "https://livechatinc.com/pricing".into(), title: None }.into(),
        SetCustomerSessionFields { session_fields: session_fields() }.into(),
        GetCustomer {}.into(),
        Login::new("Bearer dal:test_1fgTbfXmgthj4cZSA").into(),
        ListGroupStatuses { all: Some(true), group_ids: None }.into(),
        GetForm { group_id: 0, form_type: FormType::Prechat }.into(),
        GetPredictedAgent {}.into(),
        GetUrlInfo { url: "https://livechatinc.com".into() }.into(),
        MarkEventsAsSeen { chat_id: "PJ0MRSHTDG".into(), seen_up_to: "2017-10-12T15:19:21.010200Z".into() }.into(),
        AcceptGreeting { greeting_id: 7, unique_id: "Q10X0W041P".into() }.into(),
        CancelGreeting { unique_id: "Q10X0W041P".into() }.into(),
        Ping {}.into(),
    ]
}

/// What the widget must send for a method's REQUEST sample: the sample itself, except
/// where the sample shows more than the method's request table.
fn expected_for_sample(method: &str) -> Value {
    let mut expected = sample_payload(method);
    match method {
        // The get_customer sample carries session_fields, but the method has no request
        // table and only reads: we send `{}`.
        "get_customer" => {
            assert!(expected.get("session_fields").is_some());
            expected = json!({});
        }
        // The send_event sample shows "recipients": "all", but no customer request table
        // lists recipients/visibility (and "all" is the default), so we do not send it.
        "send_event" => {
            assert_eq!(expected["event"]["recipients"], "all");
            expected["event"].as_object_mut().unwrap().remove("recipients");
        }
        _ => {}
    }
    expected
}

#[test]
fn every_request_sample_is_what_its_builder_sends() {
    let requests = sample_requests();
    for req in &requests {
        assert_payload(req.clone(), expected_for_sample(req.action()));
    }
    // One request per method, and one per REQUEST sample in the fixtures: a new sample
    // or method without a builder check fails here.
    let mut built: Vec<&str> = requests.iter().map(Request::action).collect();
    built.sort_unstable();
    built.dedup();
    let mut actions = Request::ACTIONS.to_vec();
    actions.sort_unstable();
    assert_eq!(built, actions);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/spec");
    let mut samples: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|f| f.unwrap().file_name().into_string().unwrap())
        .filter_map(|name| Some(name.strip_prefix("request_")?.strip_suffix(".json")?.to_owned()))
        .collect();
    samples.sort_unstable();
    assert_eq!(samples, actions);
}

#[test]
fn methods_without_params_send_an_empty_payload_object() {
    // spec "Access > Server pinging": {"action": "ping", "payload": {}}
    assert_eq!(Request::Ping(Ping {}).to_frame(None), r#"{"action":"ping","payload":{}}"#);
    for req in [Request::from(GetCustomer {}), GetPredictedAgent {}.into(), StartChat::default().into()] {
        assert_eq!(req.payload(), json!({}), "{}", req.action());
    }
}

#[test]
fn list_requests_with_every_optional_field() {
    // spec "List Chats" / "List Threads" request tables.
    assert_payload(
        ListChats { limit: Some(25), sort_order: Some(SortOrder::Asc), page_id: Some("MTU=".into()) },
        json!({"limit": 25, "sort_order": "asc", "page_id": "MTU="}),
    );
    assert_payload(
        ListThreads { min_events_count: Some(20), sort_order: Some(SortOrder::Desc), ..ListThreads::new("C") },
        json!({"chat_id": "C", "sort_order": "desc", "min_events_count": 20}),
    );
}

#[test]
fn start_chat_with_initial_events_matches_request_table() {
    // spec "Start Chat": chat.{properties, access, users, thread.{events, properties}}, continuous.
    let fields = vec![FilledFormField::text("154417206262603539", FormFieldType::Name, "Your name", "Thomas")];
    let req = StartChat {
        chat: Some(NewChat {
            properties: Some(props("p")),
            access: Some(Access { group_ids: vec![1] }),
            users: Some(vec![ChatUserRef::customer("b7eff798")]),
            thread: Some(InitialThread {
                events: Some(vec![
                    NewEvent::filled_form("1473433500211", fields).with_custom_id("c1"),
                    NewEvent::message("Hi").with_custom_id("c2"),
                ]),
                properties: Some(props("t")),
            }),
        }),
        continuous: Some(true),
    };
    assert_payload(
        req,
        json!({
            "chat": {
                "properties": {"0805e283233042b37f460ed8fbf22160": {"string_property": "p"}},
                "access": {"group_ids": [1]},
                "users": [{"id": "b7eff798", "type": "customer"}],
                "thread": {
                    "events": [
                        {"custom_id": "c1", "type": "filled_form", "form_id": "1473433500211",
                         "fields": [{"type": "name", "id": "154417206262603539", "label": "Your name", "answer": "Thomas"}]},
                        {"custom_id": "c2", "type": "message", "text": "Hi"}
                    ],
                    "properties": {"0805e283233042b37f460ed8fbf22160": {"string_property": "t"}}
                }
            },
            "continuous": true
        }),
    );
    assert_payload(
        StartChat::with_events(vec![NewEvent::message("Hi")]),
        json!({"chat": {"thread": {"events": [{"type": "message", "text": "Hi"}]}}}),
    );
}

#[test]
fn activate_chat_with_events_and_continuous() {
    let mut req = ActivateChat::new("PWJ8Y4THAV", vec![NewEvent::message("back").with_custom_id("c")]);
    req.continuous = Some(false);
    assert_payload(
        req,
        json!({"chat": {"id": "PWJ8Y4THAV", "thread": {"events": [{"custom_id": "c", "type": "message", "text": "back"}]}},
               "continuous": false}),
    );
}

#[test]
fn send_event_with_attach_to_last_thread_and_the_composers_custom_id() {
    // spec "Send Event" request table: chat_id, event, attach_to_last_thread (see
    // expected_for_sample for the sample's recipients).
    assert_payload(
        SendEvent { attach_to_last_thread: Some(true), ..SendEvent::new("C", NewEvent::message("x")) },
        json!({"chat_id": "C", "event": {"type": "message", "text": "x"}, "attach_to_last_thread": true}),
    );
    assert_eq!(
        Request::send_message("C", "hi", "cid").payload(),
        json!({"chat_id": "C", "event": {"custom_id": "cid", "type": "message", "text": "hi"}})
    );
}

#[test]
fn outgoing_events_carry_only_request_table_fields() {
    // spec "Events > Message" request: custom_id, text, type, properties, postback{id, thread_id, event_id, type, value}.
    let pb = MessagePostback {
        id: "action_call".into(),
        thread_id: "K600PKZON8".into(),
        event_id: "75a9".into(),
        postback_type: Some("phone".into()),
        value: Some("790034890".into()),
    };
    let msg = NewEvent::postback_message("hello there", pb).with_custom_id("31").with_properties(props("v"));
    assert_eq!(
        msg.to_value(),
        json!({"custom_id": "31", "type": "message", "text": "hello there",
               "properties": {"0805e283233042b37f460ed8fbf22160": {"string_property": "v"}},
               "postback": {"id": "action_call", "thread_id": "K600PKZON8", "event_id": "75a9", "type": "phone", "value": "790034890"}})
    );
    // "Events > File" request: url only.
    assert_eq!(
        NewEvent::file("https://cdn.livechat-files.com/a.png").to_value(),
        json!({"type": "file", "url": "https://cdn.livechat-files.com/a.png"})
    );
    // "Events > Custom": content optional.
    assert_eq!(NewEvent::custom(None).to_value(), json!({"type": "custom"}));
    assert_eq!(NewEvent::custom(Some(json!({"a": 1}))).to_value(), json!({"type": "custom", "content": {"a": 1}}));
    // "Events > System message": system_message_type required, text optional.
    assert_eq!(
        NewEvent::system_message("routing.assigned", None).to_value(),
        json!({"type": "system_message", "system_message_type": "routing.assigned"})
    );
    // "Events > Rich message".
    let rich = RichMessage {
        template_id: TemplateId::Cards,
        elements: vec![RichElement {
            title: Some("T".into()),
            subtitle: Some("S".into()),
            image: Some(RichImage { url: "https://example.com/i.png".into(), ..Default::default() }),
            buttons: vec![RichButton {
                text: "yes".into(),
                button_type: Some(ButtonType::Message),
                value: Some("yes".into()),
                postback_id: "action_yes".into(),
                ..Default::default()
            }],
        }],
    };
    assert_eq!(
        NewEvent::rich_message(rich).to_value(),
        json!({"type": "rich_message", "template_id": "cards", "elements": [{"title": "T", "subtitle": "S",
               "image": {"url": "https://example.com/i.png"},
               "buttons": [{"text": "yes", "type": "message", "value": "yes", "postback_id": "action_yes", "user_ids": []}]}]})
    );
}

#[test]
fn filled_form_answers_serialise_per_field_type() {
    // spec "Filled form fields": answer string / {id,label} / answers [...] / {id, group_id, label}.
    let fields = vec![
        FilledFormField::text("1", FormFieldType::Email, "E-mail", "t@example.com"),
        FilledFormField {
            id: "2".into(),
            field_type: FormFieldType::Radio,
            label: "Purpose".into(),
            answer: Answer::Choice(AnswerOption { id: "0".into(), label: "Support".into(), group_id: None }),
        },
        FilledFormField {
            id: "3".into(),
            field_type: FormFieldType::Checkbox,
            label: "Industry".into(),
            answer: Answer::Choices(vec![AnswerOption { id: "1".into(), label: "it".into(), group_id: None }]),
        },
        FilledFormField {
            id: "4".into(),
            field_type: FormFieldType::GroupChooser,
            label: "Department".into(),
            answer: Answer::Choice(AnswerOption { id: "2".into(), label: "Marketing".into(), group_id: Some(1) }),
        },
    ];
    assert_eq!(
        NewEvent::filled_form("f", fields).to_value(),
        json!({"type": "filled_form", "form_id": "f", "fields": [
            {"type": "email", "id": "1", "label": "E-mail", "answer": "t@example.com"},
            {"type": "radio", "id": "2", "label": "Purpose", "answer": {"id": "0", "label": "Support"}},
            {"type": "checkbox", "id": "3", "label": "Industry", "answers": [{"id": "1", "label": "it"}]},
            {"type": "group_chooser", "id": "4", "label": "Department", "answer": {"id": "2", "label": "Marketing", "group_id": 1}}
        ]})
    );
}

#[test]
fn update_customer_sends_only_the_fields_set() {
    // spec "Update Customer" request table: name, email, avatar, session_fields, all optional.
    assert_payload(UpdateCustomer { name: Some("N".into()), ..Default::default() }, json!({"name": "N"}));
    assert_payload(
        UpdateCustomerPage { url: "https://shop.example/".into(), title: Some("Shop".into()) },
        json!({"url": "https://shop.example/", "title": "Shop"}),
    );
}

#[test]
fn session_fields_keep_their_order() {
    let sf = vec![
        BTreeMap::from([("z".to_string(), "1".to_string())]),
        BTreeMap::from([("a".to_string(), "2".to_string())]),
    ];
    let text = Request::from(SetCustomerSessionFields { session_fields: sf }).to_frame(None);
    assert!(text.contains(r#"[{"z":"1"},{"a":"2"}]"#), "{text}");
}

#[test]
fn login_with_every_field_of_its_request_table() {
    // spec "Login" request table.
    let full = Login {
        token: "Bearer dal:x".into(),
        customer: Some(LoginCustomer {
            name: Some("Thomas".into()),
            email: Some("t@example.com".into()),
            avatar: Some("https://example.com/a.png".into()),
            session_fields: Some(session_fields()),
        }),
        customer_page: Some(CustomerPage { url: Some("https://shop.example/".into()), title: Some("Shop".into()) }),
        customer_side_storage: json!({"customer_visits": "1"}).as_object().cloned(),
        is_mobile: Some(false),
        group_id: Some(2),
        referrer: Some("https://google.com/".into()),
        application: Some(Application {
            name: Some("livechat-widget".into()),
            version: Some("0.1.0".into()),
            channel_type: Some("code".into()),
        }),
    };
    assert_payload(
        full,
        json!({
            "token": "Bearer dal:x",
            "customer": {"name": "Thomas", "email": "t@example.com", "avatar": "https://example.com/a.png",
                         "session_fields": [{"custom_key": "custom_value"}, {"another_custom_key": "another_custom_value"}]},
            "customer_page": {"url": "https://shop.example/", "title": "Shop"},
            "customer_side_storage": {"customer_visits": "1"},
            "is_mobile": false,
            "group_id": 2,
            "referrer": "https://google.com/",
            "application": {"name": "livechat-widget", "version": "0.1.0", "channel_type": "code"}
        }),
    );
}

#[test]
fn list_group_statuses_by_group_ids() {
    // spec "List Group Statuses": `all` or `group_ids`.
    assert_payload(ListGroupStatuses { all: None, group_ids: Some(vec![1, 2]) }, json!({"group_ids": [1, 2]}));
    assert_payload(GetForm { group_id: 3, form_type: FormType::Postchat }, json!({"group_id": 3, "type": "postchat"}));
}

#[test]
fn request_ids_are_optional_in_frames() {
    let with: Value = serde_json::from_str(&Request::from(Ping {}).to_frame(Some("r1"))).unwrap();
    assert_eq!(with, json!({"request_id": "r1", "action": "ping", "payload": {}}));
    let without: Value = serde_json::from_str(&Request::from(Ping {}).to_frame(None)).unwrap();
    assert!(without.get("request_id").is_none());
}

#[test]
fn request_actions_are_the_28_customer_methods() {
    assert_eq!(Request::ACTIONS.len(), 28);
    // Received events re-serialise for sending without server fields.
    let e = livechat_widget::protocol::Event::from_json(&json!({
        "id": "X_1", "created_at": "2017-10-12T15:19:21.010200Z", "author_id": "a", "visibility": "all",
        "type": "message", "text": "hi", "custom_id": "c"
    }));
    assert_eq!(
        NewEvent::from_event(&e).unwrap().to_value(),
        json!({"custom_id": "c", "type": "message", "text": "hi"})
    );
}
