//! Browser tests of the languages (issue 16, "one right-to-left language with dir=rtl
//! layout"): a right-to-left table sets `dir="rtl"` on the widget root and, with the
//! widget's CSS, the window's content mirrors (own bubbles on the left, agent's on the
//! right, the header's title on the right, the send button on the left) while the
//! launcher and the window stay at the iframe's corner.
#![cfg(target_arch = "wasm32")]

mod common_browser;

use common_browser::{agent_event, chat, install_css, mount_in, settle, Widget, CUSTOMER};
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// (left, right) of the first element matching `selector`, in px.
fn edges(w: &Widget, selector: &str) -> (f64, f64) {
    let r = w.get(selector).get_bounding_client_rect();
    (r.left(), r.right())
}

/// A chat with one agent message and one of the customer's, opened in `code`.
async fn opened(code: &'static str) -> Widget {
    install_css();
    let w = mount_in(Some(code));
    let own = json!({"id": "E2", "type": "message", "text": "ok", "author_id": CUSTOMER,
        "created_at": "2026-01-01T00:00:02.000000Z"});
    w.login_with_chat(chat(true, json!([agent_event("E1", 1, json!({"type": "message", "text": "hello"})), own])));
    w.open().await;
    settle().await;
    w
}

#[wasm_bindgen_test]
async fn arabic_renders_right_to_left_and_the_window_mirrors() {
    let ltr = opened("en").await;
    assert_eq!(ltr.get("main").get_attribute("dir").as_deref(), Some("ltr"));
    let (ltr_launcher, ltr_window) = (edges(&ltr, ".lc-launcher"), edges(&ltr, ".lc-window"));
    assert!(edges(&ltr, ".lc-row-own .lc-bubble").0 > edges(&ltr, ".lc-row:not(.lc-row-own) .lc-bubble").0);
    assert!(edges(&ltr, ".lc-send").0 > edges(&ltr, ".lc-composer-input").0);
    drop(ltr);

    let w = opened("ar").await;
    let main = w.get("main");
    assert_eq!(main.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(main.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(w.get("#lc-composer-input").get_attribute("placeholder").as_deref(), Some("اكتب رسالة…"));
    // The launcher and the window keep their corner (the loader places the iframe).
    assert_eq!(edges(&w, ".lc-launcher"), ltr_launcher);
    assert_eq!(edges(&w, ".lc-window"), ltr_window);
    // Inside, everything runs from the right.
    let own = edges(&w, ".lc-row-own .lc-bubble");
    let agent = edges(&w, ".lc-row:not(.lc-row-own) .lc-bubble");
    assert!(own.0 < agent.0 && own.1 < agent.1, "own {own:?} left of the agent's {agent:?}");
    let window = edges(&w, ".lc-window");
    assert!(agent.1 > window.1 - 60.0, "the agent's bubble starts at the right: {agent:?} in {window:?}");
    assert!(edges(&w, ".lc-send").1 < edges(&w, ".lc-composer-input").0, "send on the left");
    assert!(edges(&w, ".lc-header-who").0 > edges(&w, ".lc-header-actions").0, "title on the right");
}

#[wasm_bindgen_test]
async fn hebrew_is_right_to_left_too_and_japanese_is_not() {
    let w = mount_in(Some("he-IL"));
    settle().await;
    assert_eq!(w.get("main").get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(w.get("main").get_attribute("lang").as_deref(), Some("he"));
    drop(w);
    let w = mount_in(Some("ja"));
    settle().await;
    assert_eq!(w.get("main").get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(w.get(".lc-launcher").get_attribute("aria-label").as_deref(), Some("チャットを開く"));
}
