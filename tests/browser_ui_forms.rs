//! Browser tests of the customer journey around the conversation: the prechat
//! form with every field type, greetings, the queue banner, the end of a chat
//! and the postchat form.
#![cfg(target_arch = "wasm32")]

mod common_browser;

use common_browser::{agent_event, chat, mount, settle, AGENT, CHAT};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn every_field_form() -> Value {
    json!({"enabled": true, "form": {"id": "PRE", "fields": [
        {"id": "h", "type": "header", "label": "Welcome!"},
        {"id": "n", "type": "name", "label": "Your name", "required": true},
        {"id": "e", "type": "email", "label": "Your email", "required": true},
        {"id": "q", "type": "question", "label": "Your question"},
        {"id": "s", "type": "subject", "label": "Subject"},
        {"id": "t", "type": "textarea", "label": "Details"},
        {"id": "r", "type": "radio", "label": "Chat purpose", "required": true,
         "options": [{"id": "0", "label": "Support"}, {"id": "1", "label": "Sales"}]},
        {"id": "sel", "type": "select", "label": "Plan", "options": [{"id": "0", "label": "Free"}, {"id": "1", "label": "Pro"}]},
        {"id": "c", "type": "checkbox", "label": "Company industry",
         "options": [{"id": "0", "label": "automotive"}, {"id": "1", "label": "it"}, {"id": "2", "label": "retail"}]},
        {"id": "g", "type": "group_chooser", "label": "Choose department",
         "options": [{"id": "0", "group_id": 1, "label": "Marketing"}, {"id": "2", "group_id": 2, "label": "Sales"}]},
        {"id": "i", "type": "information", "label": "We reply within minutes."},
        {"id": "ti", "type": "title", "label": "Chat title"}
    ]}})
}

fn focused_id() -> String {
    leptos::prelude::document().active_element().map(|e| e.id()).unwrap_or_default()
}

// Issue 4, "Prechat form": every field type renders as a real labelled control
// inside a real <form>; required fields are enforced; the answers have the documented shapes.
#[wasm_bindgen_test]
async fn prechat_form_renders_every_field_type_and_submits_the_filled_form() {
    let w = mount();
    w.login_fresh(every_field_form());
    w.open().await;
    let form = w.get("form.lc-form");
    assert!(w.q(".lc-composer").is_none(), "the form comes before the composer");
    assert!(form.text_content().unwrap_or_default().contains("Welcome!"));
    assert!(form.text_content().unwrap_or_default().contains("We reply within minutes."));
    assert!(form.text_content().unwrap_or_default().contains("Chat title"));
    assert_eq!(focused_id(), "lc-pre-1", "focus moves to the first field on open");
    // Every control has a label.
    for control in w.qa("form.lc-form input, form.lc-form select, form.lc-form textarea") {
        let id = control.id();
        assert!(!id.is_empty());
        assert!(w.q(&format!("label[for='{id}']")).is_some(), "no label for #{id}");
    }
    assert_eq!(w.get("#lc-pre-1").get_attribute("type").as_deref(), Some("text"));
    assert_eq!(w.get("#lc-pre-2").get_attribute("type").as_deref(), Some("email"));
    assert_eq!(w.get("#lc-pre-5").tag_name(), "TEXTAREA");
    assert_eq!(w.qa("input[name='lc-pre-6'][type=radio]").len(), 2);
    assert_eq!(w.get("#lc-pre-7").tag_name(), "SELECT");
    assert_eq!(w.qa("input[name='lc-pre-8'][type=checkbox]").len(), 3);
    assert_eq!(w.qa("input[name='lc-pre-9'][type=radio]").len(), 2, "a short group_chooser is radios");
    assert!(w.get("fieldset").text_content().unwrap_or_default().contains("Chat purpose"));

    // Submitting empty: errors next to the fields, focus on the first invalid one, nothing sent.
    w.click("form.lc-form button[type=submit]").await;
    assert!(w.sent_with("start_chat").is_empty());
    let name = w.get("#lc-pre-1");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(name.get_attribute("aria-describedby").as_deref(), Some("lc-pre-1-error"));
    assert_eq!(w.get("#lc-pre-1-error").text_content().as_deref(), Some("This field is required."));
    assert_eq!(focused_id(), "lc-pre-1");

    w.set_value("#lc-pre-1", "Thomas Anderson").await;
    assert_eq!(
        w.get("#lc-pre-1").get_attribute("aria-invalid").as_deref(),
        Some("false"),
        "errors clear as fields are fixed"
    );
    w.set_value("#lc-pre-2", "not-an-email").await;
    w.click("form.lc-form button[type=submit]").await;
    assert!(w.sent_with("start_chat").is_empty());
    assert_eq!(focused_id(), "lc-pre-2");
    assert!(w.get("#lc-pre-2-error").text_content().unwrap_or_default().contains("valid e-mail"));

    w.set_value("#lc-pre-2", "t.anderson@example.com").await;
    w.set_value("#lc-pre-3", "Where is my order?").await;
    w.set_value("#lc-pre-5", "Order 42\nplaced Monday").await;
    w.click("#lc-pre-6-o0").await;
    w.set_value("#lc-pre-7", "1").await;
    w.click("#lc-pre-8-o2").await;
    w.click("#lc-pre-8-o0").await;
    w.click("#lc-pre-8-o1").await;
    w.click("#lc-pre-8-o1").await; // unchecked again
    w.click("#lc-pre-9-o1").await;
    w.click("form.lc-form button[type=submit]").await;

    let start = w.sent_with("start_chat");
    assert_eq!(start.len(), 1, "{:?}", w.actions_since(0));
    let payload = &start[0]["payload"]["chat"];
    assert_eq!(payload["access"], json!({"group_ids": [2]}), "group_chooser routes the chat");
    let event = &payload["thread"]["events"][0];
    assert_eq!(event["type"], "filled_form");
    assert_eq!(event["form_id"], "PRE");
    assert_eq!(
        event["fields"],
        json!([
            {"type": "name", "id": "n", "label": "Your name", "answer": "Thomas Anderson"},
            {"type": "email", "id": "e", "label": "Your email", "answer": "t.anderson@example.com"},
            {"type": "question", "id": "q", "label": "Your question", "answer": "Where is my order?"},
            {"type": "textarea", "id": "t", "label": "Details", "answer": "Order 42\nplaced Monday"},
            {"type": "radio", "id": "r", "label": "Chat purpose", "answer": {"id": "0", "label": "Support"}},
            {"type": "select", "id": "sel", "label": "Plan", "answer": {"id": "1", "label": "Pro"}},
            {"type": "checkbox", "id": "c", "label": "Company industry",
             "answers": [{"id": "0", "label": "automotive"}, {"id": "2", "label": "retail"}]},
            {"type": "group_chooser", "id": "g", "label": "Choose department", "answer": {"id": "2", "label": "Sales", "group_id": 2}}
        ])
    );
    settle().await;
    assert!(w.q("form.lc-form").is_none(), "the form gives way to the composer");
    assert!(w.q(".lc-composer").is_some());
    assert!(w.get(".lc-filled-form").text_content().unwrap_or_default().contains("Thomas Anderson"));
}

fn greeting(unique_id: &str, text: &str) -> Value {
    json!({"id": 7, "unique_id": unique_id, "displayed_first_time": true,
        "event": {"id": format!("G-{unique_id}"), "created_at": "2026-01-01T00:00:05.000000Z", "type": "message",
                  "author_id": AGENT, "text": text},
        "agent": {"id": AGENT, "name": "Agent Smith", "avatar": "https://example.com/a.png", "job_title": "Support", "is_bot": false}})
}

// Issue 4, "Greeting": opening sends accept_greeting, dismissing sends cancel_greeting.
#[wasm_bindgen_test]
async fn greeting_dismiss_and_accept_send_their_requests() {
    let w = mount();
    w.login_fresh(json!({"enabled": false}));
    w.push("incoming_greeting", greeting("U1", "Hi! Can I help?"));
    settle().await;
    let card = w.get(".lc-greeting");
    assert!(card.text_content().unwrap_or_default().contains("Hi! Can I help?"));
    assert!(card.text_content().unwrap_or_default().contains("Agent Smith"));
    assert_eq!(card.get_attribute("aria-label").as_deref(), Some("Message from Agent Smith"));
    assert_eq!(w.get(".lc-greeting img.lc-avatar").get_attribute("src").as_deref(), Some("https://example.com/a.png"));

    w.click(".lc-greeting-dismiss").await;
    let cancel = w.sent_with("cancel_greeting");
    assert_eq!(cancel.len(), 1);
    assert_eq!(cancel[0]["payload"], json!({"unique_id": "U1"}));
    assert!(w.q(".lc-greeting").is_none());

    w.push("incoming_greeting", greeting("U2", "Still there?"));
    settle().await;
    w.click(".lc-greeting-open").await;
    let accept = w.sent_with("accept_greeting");
    assert_eq!(accept.len(), 1);
    assert_eq!(accept[0]["payload"], json!({"greeting_id": 7, "unique_id": "U2"}));
    assert!(w.q(".lc-window").is_some(), "accepting opens the chat");
    assert!(w.q(".lc-greeting").is_none());
    assert!(w.get(".lc-log").text_content().unwrap_or_default().contains("Still there?"));
}

// Issue 17, item 5: "a broken avatar image replaced by the agent's initials".
// Port 9 on the loopback refuses the connection, so the picture fails to load.
#[wasm_bindgen_test]
async fn avatar_that_fails_to_load_gives_way_to_the_initials() {
    let w = mount();
    w.login_fresh(json!({"enabled": false}));
    let mut payload = greeting("U1", "Hi! Can I help?");
    payload["agent"]["avatar"] = json!("https://127.0.0.1:9/missing.png");
    w.push("incoming_greeting", payload);
    settle().await;
    assert!(w.q(".lc-greeting img.lc-avatar").is_some(), "the picture is tried first");
    for _ in 0..100 {
        if w.q(".lc-greeting img.lc-avatar").is_none() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(50).await;
    }
    assert!(w.q(".lc-greeting img.lc-avatar").is_none(), "the broken picture is gone");
    assert_eq!(w.get(".lc-greeting .lc-avatar-initials").text_content().as_deref(), Some("AS"));
}

// A rich greeting (quick replies) renders the same way as in the chat.
#[wasm_bindgen_test]
async fn rich_greeting_renders_its_buttons() {
    let w = mount();
    w.login_fresh(json!({"enabled": false}));
    let payload: Value = serde_json::from_str(include_str!("fixtures/spec/push_incoming_greeting.json")).unwrap();
    w.push("incoming_greeting", payload["payload"].clone());
    settle().await;
    assert!(w.get(".lc-greeting").text_content().unwrap_or_default().contains("Need help?"));
    let link = w.get(".lc-greeting a.lc-rich-btn");
    assert_eq!(link.get_attribute("href").as_deref(), Some("https://example.com/pricing"));
    assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
}

fn queued_chat() -> Value {
    let mut c = chat(true, json!([]));
    c["thread"]["queue"] = json!({"position": 3, "wait_time": 130, "queued_at": "2026-01-01T00:00:00.000000Z"});
    c["users"] = json!([{"id": common_browser::CUSTOMER, "type": "customer", "present": true}]);
    c
}

// Issue 4, "Queue": position and a human wait time, updated live; gone when an agent joins.
#[wasm_bindgen_test]
async fn queue_banner_follows_the_pushes() {
    let w = mount();
    w.login_with_chat(queued_chat());
    w.open().await;
    let text = w.get(".lc-queue").text_content().unwrap_or_default();
    assert_eq!(text, "You are number 3 in the queue. Expected wait: about 2 minutes.");
    assert_eq!(w.get(".lc-queue").get_attribute("role").as_deref(), Some("status"));

    w.push(
        "queue_position_updated",
        json!({"chat_id": CHAT, "thread_id": "T1", "queue": {"position": 1, "wait_time": 20}}),
    );
    settle().await;
    assert_eq!(
        w.get(".lc-queue").text_content().unwrap_or_default(),
        "You are number 1 in the queue. Expected wait: less than a minute."
    );

    w.push(
        "user_added_to_chat",
        json!({"chat_id": CHAT, "thread_id": "T1", "reason": "manual",
        "user": {"id": AGENT, "type": "agent", "name": "Agent Smith", "present": true}}),
    );
    settle().await;
    assert!(w.q(".lc-queue").is_none(), "the banner disappears when an agent joins");
    assert!(w.get(".lc-title").text_content().unwrap_or_default().contains("Agent Smith"));
}

// Issue 17, item 5: "the predicted agent's name and avatar before the chat starts"
// (spec "Get Predicted Agent"), in the header until an agent is in the chat.
#[wasm_bindgen_test]
async fn header_shows_the_predicted_agent_before_the_chat_starts() {
    let w = mount();
    w.login_fresh(json!({"enabled": false}));
    assert!(w.sent_with("get_predicted_agent").is_empty());
    w.open().await;
    assert_eq!(w.get(".lc-title").text_content().as_deref(), Some("Chat with us"), "nothing predicted yet");
    w.answer(
        "get_predicted_agent",
        json!({"id": "P1", "name": "Paula Predicted", "avatar": "https://example.com/p.png",
            "job_title": "support hero", "is_bot": false, "type": "agent"}),
    );
    settle().await;
    assert_eq!(w.get(".lc-title").text_content().as_deref(), Some("Paula Predicted"));
    assert_eq!(w.get(".lc-subtitle").text_content().as_deref(), Some("support hero"));
    assert_eq!(w.get(".lc-header img.lc-avatar").get_attribute("src").as_deref(), Some("https://example.com/p.png"));
    assert_eq!(w.sent_with("get_predicted_agent").len(), 1);
}

// Issue 4, "Chat end": the chat ended, a postchat form, and starting again.
#[wasm_bindgen_test]
async fn chat_end_offers_postchat_and_a_new_chat() {
    let w = mount();
    w.login_with_chat(chat(true, json!([agent_event("E1", 1, json!({"type": "message", "text": "Bye!"}))])));
    w.open().await;

    // End chat asks first.
    w.click(".lc-end").await;
    assert!(w.sent_with("deactivate_chat").is_empty());
    w.click(".lc-confirm .lc-btn-danger").await;
    assert_eq!(w.sent_with("deactivate_chat")[0]["payload"], json!({"chat_id": CHAT}));

    w.push("chat_deactivated", json!({"chat_id": CHAT, "thread_id": "T1", "user_id": AGENT}));
    w.answer(
        "get_form",
        json!({"enabled": true, "form": {"id": "POST", "fields": [
        {"id": "rate", "type": "radio", "label": "How was it?", "required": true,
         "options": [{"id": "0", "label": "Good"}, {"id": "1", "label": "Bad"}]}]}}),
    );
    settle().await;
    assert!(w.text().contains("The chat has ended."));
    assert!(w.q(".lc-end").is_none(), "no end-chat button once ended");
    w.click("#lc-post-0-o0").await;
    w.click(".lc-ended form.lc-form button[type=submit]").await;
    let sent = w.sent_with("send_event");
    let last = sent.last().expect("postchat sent");
    assert_eq!(last["payload"]["attach_to_last_thread"], true);
    assert_eq!(last["payload"]["event"]["fields"][0]["answer"], json!({"id": "0", "label": "Good"}));
    settle().await;
    assert!(w.text().contains("Thank you for your feedback!"));

    w.click(".lc-ended .lc-btn-primary").await;
    assert_eq!(focused_id(), "lc-composer-input", "start a new chat focuses the composer");
    w.set_value("#lc-composer-input", "One more thing").await;
    let input = w.get("#lc-composer-input");
    let _ = input.dyn_ref::<web_sys::HtmlTextAreaElement>();
    w.key("#lc-composer-input", "Enter", false).await;
    assert_eq!(w.sent_with("activate_chat").len(), 1, "the next message reactivates the chat");
}

// Issue 4, "focus moves sensibly": the end-chat button gives way to its
// confirmation, which gives way to the end of the chat; focus follows each
// step instead of falling to the page (found by the e2e journey).
#[wasm_bindgen_test]
async fn ending_the_chat_by_keyboard_keeps_focus_in_the_flow() {
    let w = mount();
    w.login_with_chat(chat(true, json!([agent_event("E1", 1, json!({"type": "message", "text": "Bye!"}))])));
    w.open().await;

    w.get(".lc-end").focus().unwrap();
    w.click(".lc-end").await;
    settle().await;
    let active = leptos::prelude::document().active_element().map(|e| e.text_content().unwrap_or_default());
    assert_eq!(active.as_deref(), Some("Yes, end chat"), "focus moves to the confirmation");
    w.click(".lc-confirm .lc-btn:not(.lc-btn-danger)").await;
    settle().await;
    let active = leptos::prelude::document().active_element().map(|e| e.class_name()).unwrap_or_default();
    assert!(active.contains("lc-end"), "cancel returns focus to End chat, not {active}");

    w.click(".lc-end").await;
    settle().await;
    w.click(".lc-confirm .lc-btn-danger").await;
    settle().await;
    w.push("chat_deactivated", json!({"chat_id": CHAT, "thread_id": "T1", "user_id": AGENT}));
    settle().await;
    settle().await;
    let active = leptos::prelude::document().active_element().map(|e| e.class_name()).unwrap_or_default();
    assert!(active.contains("lc-ended-start"), "with no postchat yet, focus is on Start a new chat, not {active}");
    w.answer(
        "get_form",
        json!({"enabled": true, "form": {"id": "POST", "fields": [
        {"id": "rate", "type": "radio", "label": "How was it?", "required": true,
         "options": [{"id": "0", "label": "Good"}, {"id": "1", "label": "Bad"}]}]}}),
    );
    settle().await;
    settle().await;
    assert_eq!(focused_id(), "lc-post-0-o0", "the postchat form takes focus when it arrives");
}
