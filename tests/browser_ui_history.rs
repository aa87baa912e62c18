//! Browser tests of a long history (issue 7): the log renders a window of the
//! newest rows, keyed by event id, so the DOM does not grow with the history;
//! "Load earlier messages" (a button, keyboard reachable) renders the next page,
//! then fetches an older thread once every loaded row is shown.
#![cfg(target_arch = "wasm32")]

mod common_browser;

use common_browser::{chat, mount, settle, AGENT, CHAT, CUSTOMER};
use livechat_widget::ui::WINDOW_PAGE;
use serde_json::{json, Value};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `count` messages from `first` on, agent and customer taking turns, a second apart.
fn messages(first: usize, count: usize) -> Value {
    (first..first + count)
        .map(|i| {
            let author = if i % 3 == 0 { CUSTOMER } else { AGENT };
            json!({"id": format!("E{i}"), "type": "message", "text": format!("message {i}"), "author_id": author,
                "created_at": format!("2026-01-01T{:02}:{:02}:{:02}.000000Z", i / 3600, i / 60 % 60, i % 60)})
        })
        .collect()
}

fn row_texts(w: &common_browser::Widget) -> Vec<String> {
    w.qa(".lc-log .lc-row .lc-bubble-text").iter().map(|e| e.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn a_long_history_renders_only_the_newest_rows_and_earlier_ones_on_request() {
    let w = mount();
    w.login_with_chat(chat(true, messages(0, 1_000)));
    w.open().await;
    let log = w.get("[role=log]");
    assert_eq!(log.get_attribute("aria-live").as_deref(), Some("polite"));
    let texts = row_texts(&w);
    assert_eq!(texts.len(), WINDOW_PAGE, "only the newest rows are in the DOM");
    assert_eq!(texts.last().map(String::as_str), Some("message 999"));
    assert_eq!(texts.first().map(String::as_str), Some(format!("message {}", 1_000 - WINDOW_PAGE).as_str()));

    // A new message slides the window: the DOM keeps its size.
    w.push(
        "incoming_event",
        json!({"chat_id": CHAT, "thread_id": "T1", "event": {"id": "E1000", "type": "message", "text": "message 1000",
            "author_id": AGENT, "created_at": "2026-01-01T01:00:00.000000Z"}}),
    );
    settle().await;
    let texts = row_texts(&w);
    assert_eq!(texts.len(), WINDOW_PAGE);
    assert_eq!(texts.last().map(String::as_str), Some("message 1000"));

    // The customer's own message shows at once and is updated in place when confirmed.
    w.set_value("#lc-composer-input", "mine").await;
    w.key("#lc-composer-input", "Enter", false).await;
    let own = w.get(".lc-log .lc-row-own:last-child");
    assert!(own.text_content().unwrap_or_default().contains("mine"));
    let sent = w.sent_with("send_event");
    let custom_id = sent.last().unwrap()["payload"]["event"]["custom_id"].as_str().unwrap().to_owned();
    w.answer("send_event", json!({"event_id": "E1001"}));
    w.push(
        "incoming_event",
        json!({"chat_id": CHAT, "thread_id": "T1", "event": {"id": "E1001", "type": "message", "text": "mine",
            "custom_id": custom_id, "author_id": CUSTOMER, "created_at": "2026-01-01T01:00:01.000000Z"}}),
    );
    settle().await;
    let confirmed = w.get(".lc-log .lc-row-own:last-child");
    assert!(confirmed.is_same_node(Some(&own)), "the row is keyed: confirmation does not re-mount it");
    assert!(w.q(".lc-log .lc-row-own:last-child .lc-status-sent").is_some());

    // "Load earlier messages" is a button: it renders the next page above.
    let button = w.get("button.lc-load-earlier");
    assert_eq!(button.tag_name(), "BUTTON");
    w.click("button.lc-load-earlier").await;
    let texts = row_texts(&w);
    assert_eq!(texts.len(), 2 * WINDOW_PAGE);
    assert_eq!(texts.last().map(String::as_str), Some("mine"));
    assert!(w.sent_with("get_chat").len() == 1, "loaded rows are shown without asking the server");
}

#[wasm_bindgen_test]
async fn the_last_page_then_an_older_thread_and_focus_stays_in_the_widget() {
    let w = mount();
    let mut latest = chat(true, messages(200, 30));
    latest["thread"]["previous_thread_id"] = json!("T0");
    w.login_with_chat(latest);
    w.open().await;
    assert_eq!(row_texts(&w).len(), 30);
    // Everything loaded is shown, but an older thread exists: the button fetches it.
    w.click("button.lc-load-earlier").await;
    let asked = w.sent_with("get_chat");
    assert_eq!(asked.last().unwrap()["payload"], json!({"chat_id": CHAT, "thread_id": "T0"}));
    let mut older = chat(false, messages(0, 200));
    older["thread"]["id"] = json!("T0");
    w.answer("get_chat", older);
    settle().await;
    let texts = row_texts(&w);
    assert_eq!(texts.len(), 30 + WINDOW_PAGE, "the fetched thread shows one page more");
    assert_eq!(texts.last().map(String::as_str), Some("message 229"));
    assert_eq!(texts.first().map(String::as_str), Some(format!("message {}", 200 - WINDOW_PAGE).as_str()));

    // Showing the rest: the button goes, and focus moves to the log rather than the page.
    while w.q("button.lc-load-earlier").is_some() {
        w.get("button.lc-load-earlier").focus().unwrap();
        w.click("button.lc-load-earlier").await;
        settle().await;
    }
    assert_eq!(row_texts(&w).len(), 230);
    assert_eq!(w.get("[role=log]").get_attribute("tabindex").as_deref(), Some("-1"));
    let active = leptos::prelude::document().active_element().unwrap();
    assert_eq!(active.get_attribute("role").as_deref(), Some("log"), "focus is on the log");
}
