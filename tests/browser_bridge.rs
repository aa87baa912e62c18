//! The widget's side of the loader bridge in a real browser (docs/bridge.md):
//! messages are accepted only from the host's origin and the parent window and
//! only in the expected shape; what the widget posts are plain objects.
//! The test page is its own parent (`window.parent === window`).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use livechat_widget::browser::{post_event, post_state, HostListener, HostMessage, Store};
use livechat_widget::chat::ChatState;
use livechat_widget::conversation::host_api::{ButtonClickedData, HostCommand, HostEvent, PublicState, Visibility};
use livechat_widget::conversation::Intent;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn own_origin() -> String {
    window().location().origin().unwrap()
}

fn post_json(json: &str) {
    let value = js_sys::JSON::parse(json).unwrap();
    window().post_message(&value, "*").unwrap();
}

/// Messages need a task turn to arrive.
async fn settle() {
    TimeoutFuture::new(30).await;
}

fn listen(origin: String) -> (HostListener, Rc<RefCell<Vec<HostMessage>>>) {
    let got = Rc::new(RefCell::new(Vec::new()));
    let sink = got.clone();
    let listener = HostListener::listen(origin, move |m| sink.borrow_mut().push(m)).unwrap();
    (listener, got)
}

#[wasm_bindgen_test]
async fn commands_from_the_host_origin_are_accepted() {
    let (_listener, got) = listen(own_origin());
    post_json(r#"{"type":"lc:command","method":"update_session_variables","data":{"plan":"pro","cart":"3"}}"#);
    post_json(r#"{"type":"lc:command","method":"hide"}"#);
    post_json(r#"{"type":"lc:viewport","narrow":true}"#);
    post_json(r#"{"type":"lc:page","url":"https://shop.test/cart","title":"Cart"}"#);
    post_json(r#"{"type":"lc:command","method":"maximize","data":{"messageDraft":"I need help!"}}"#);
    settle().await;
    let got = got.borrow();
    assert_eq!(got.len(), 5, "{got:?}");
    match &got[0] {
        HostMessage::Command(HostCommand::Customer(Intent::SetSessionVariables { variables, merge: true })) => {
            assert_eq!(variables, &[("plan".to_string(), "pro".to_string()), ("cart".to_string(), "3".to_string())]);
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(got[1], HostMessage::Command(HostCommand::Hide)));
    assert!(matches!(got[2], HostMessage::Viewport { narrow: true }));
    match &got[3] {
        HostMessage::Page(page) => {
            assert_eq!((page.url.as_deref(), page.title.as_deref()), (Some("https://shop.test/cart"), Some("Cart")))
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&got[4], HostMessage::Command(HostCommand::Maximize { message_draft: Some(d) }) if d == "I need help!")
    );
}

#[wasm_bindgen_test]
async fn messages_from_another_origin_or_of_another_shape_are_ignored() {
    let (_foreign, foreign) = listen("https://evil.example".into());
    let (_own, own) = listen(own_origin());
    post_json(r#"{"type":"lc:command","method":"maximize"}"#);
    for junk in [
        r#"{"type":"lc:command","method":"set_customer_name","data":42}"#,
        r#"{"type":"lc:command","method":"eval","data":"alert(1)"}"#,
        r#"{"type":"lc:command"}"#,
        r#"{"type":"lc:viewport"}"#,
        r#"{"type":"lc:token"}"#,
        r#"{"type":"lc:page","title":"no url"}"#,
        r#"{"type":"lc:page","url":5}"#,
        r#"{"type":"something-else"}"#,
        r#""lc:command""#,
        "null",
        "[1,2]",
    ] {
        post_json(junk);
    }
    settle().await;
    assert!(foreign.borrow().is_empty(), "the origin check failed");
    assert_eq!(own.borrow().len(), 1, "only the well-formed maximize: {:?}", own.borrow());
}

#[wasm_bindgen_test]
async fn state_and_events_are_posted_as_plain_objects() {
    let seen: Rc<RefCell<Vec<JsValue>>> = Rc::default();
    let sink = seen.clone();
    let closure = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        sink.borrow_mut().push(e.data());
    });
    window().add_event_listener_with_callback("message", closure.as_ref().unchecked_ref()).unwrap();
    let mut chat = ChatState::new(0);
    chat.set_visibility(Visibility::Hidden);
    let state = PublicState::of(&chat, &[("plan".into(), "pro".into())]);
    post_state(&own_origin(), &state);
    post_event(
        &own_origin(),
        &HostEvent::RichMessageButtonClicked(ButtonClickedData {
            event_id: "E".into(),
            postback_id: "P".into(),
            greeting: None,
        }),
    );
    settle().await;
    window().remove_event_listener_with_callback("message", closure.as_ref().unchecked_ref()).unwrap();
    let seen = seen.borrow();
    let json: Vec<String> = seen.iter().map(|v| js_sys::JSON::stringify(v).unwrap().into()).collect();
    assert_eq!(json.len(), 2, "{json:?}");
    // Plain objects: a `Map` would stringify as `{}`. Key order is not part of the bridge.
    let parsed: Vec<serde_json::Value> = json.iter().map(|j| serde_json::from_str(j).unwrap()).collect();
    assert_eq!(parsed[0]["type"], "lc:state", "{}", json[0]);
    assert_eq!(parsed[0]["ready"], false, "{}", json[0]);
    assert_eq!(parsed[0]["state"], serde_json::json!({"availability": "offline", "visibility": "hidden"}));
    assert_eq!(parsed[0]["customer_data"]["sessionVariables"], serde_json::json!({"plan": "pro"}), "{}", json[0]);
    assert_eq!(
        parsed[1],
        serde_json::json!({"type": "lc:event", "name": "rich_message_button_clicked", "data": {"eventId": "E", "postbackId": "P"}})
    );
}

/// Each message to the host is work on its main thread (issue 7's loader budget): writing the
/// value a key already holds, or the one the host's snapshot gave, posts nothing.
#[wasm_bindgen_test]
async fn storing_an_unchanged_value_posts_no_store_message() {
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = seen.clone();
    let closure = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        sink.borrow_mut().push(js_sys::JSON::stringify(&e.data()).unwrap().into());
    });
    window().add_event_listener_with_callback("message", closure.as_ref().unchecked_ref()).unwrap();
    let key = "livechat:1:0:customer_side_storage";
    let snapshot = [(key.to_string(), "{\"a\":\"1\"}".to_string())].into_iter().collect();
    let store = Store::open(snapshot, Some(own_origin()));
    store.set(key, "{\"a\":\"1\"}");
    store.set(key, "{\"a\":\"2\"}");
    store.set(key, "{\"a\":\"2\"}");
    store.set("livechat:1:0:outbox", "[]");
    store.set("livechat:1:0:outbox", "[]");
    settle().await;
    window().remove_event_listener_with_callback("message", closure.as_ref().unchecked_ref()).unwrap();
    let stores: Vec<serde_json::Value> = seen
        .borrow()
        .iter()
        .map(|j| serde_json::from_str::<serde_json::Value>(j).unwrap())
        .filter(|m| m["type"] == "lc:store")
        .collect();
    assert_eq!(stores.len(), 2, "{stores:?}");
    assert_eq!(stores[0], serde_json::json!({"type": "lc:store", "key": key, "value": "{\"a\":\"2\"}"}));
    assert_eq!(stores[1]["key"], "livechat:1:0:outbox");
    assert_eq!(store.get(key).as_deref(), Some("{\"a\":\"2\"}"));
}
