//! A corpus of hostile agent content (issue 6, "Bad input"): markup and event
//! handlers in every text field, script URLs (mixed case, whitespace, control
//! characters) in every URL field, 16 KB messages, RTL and zero-width text and
//! huge images. Nothing executes, no script URL reaches the DOM, and nothing
//! pushes the chat window wider than itself (the widget's own CSS is loaded).
#![cfg(target_arch = "wasm32")]

mod common_browser;

use common_browser::*;
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const MARKUP: &[&str] = &[
    r#"<script>window.__lc_pwned = 1</script>"#,
    r#"<img src=x onerror="window.__lc_pwned = 2">"#,
    r#"<svg onload="window.__lc_pwned = 3"></svg>"#,
    r#""><iframe src="javascript:window.parent.__lc_pwned = 4"></iframe>"#,
    r#"<a href="javascript:window.__lc_pwned = 5">x</a>"#,
];

const SCRIPT_URLS: &[&str] = &[
    "javascript:window.__lc_pwned=6",
    "JaVaScRiPt:window.__lc_pwned=7",
    " \t\njavascript:window.__lc_pwned=8",
    "java\u{0}script:window.__lc_pwned=9",
    "jav&#x09;ascript:window.__lc_pwned=10",
    "data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19sY19wd25lZD0xMTwvc2NyaXB0Pg==",
    "  DaTa:image/svg+xml,<svg onload=alert(1)>",
    "vbscript:msgbox(12)",
    "VBSCRIPT:msgbox(13)",
    "\u{200b}javascript:alert(14)",
];

/// Every event shape with a URL or text field, filled from the corpus.
fn corpus() -> Vec<Value> {
    let mut events = Vec::new();
    let mut second = 0;
    let mut next = || {
        second += 1;
        second
    };
    for (i, text) in MARKUP.iter().enumerate() {
        events.push(agent_event(&format!("M{i}"), next(), json!({"type": "message", "text": text})));
    }
    for (i, url) in SCRIPT_URLS.iter().enumerate() {
        events.push(agent_event(
            &format!("F{i}"),
            next(),
            json!({"type": "file", "name": MARKUP[i % MARKUP.len()], "url": url, "content_type": "image/png",
                   "thumbnail_url": url, "thumbnail2x_url": url, "width": 100_000, "height": 100_000, "size": 1}),
        ));
        let buttons: Vec<Value> = ["url", "webview", "phone", "message"]
            .iter()
            .map(|kind| json!({"type": kind, "text": MARKUP[0], "value": url, "postback_id": format!("p{i}{kind}"), "user_ids": []}))
            .collect();
        events.push(agent_event(
            &format!("R{i}"),
            next(),
            json!({"type": "rich_message", "template_id": if i % 2 == 0 { "cards" } else { "quick_replies" },
                   "elements": [{"title": MARKUP[1], "subtitle": MARKUP[2],
                                 "image": {"url": url, "name": MARKUP[3], "width": 100_000, "height": 100_000},
                                 "buttons": buttons}]}),
        ));
    }
    let long_word = "W".repeat(16 * 1024);
    events.push(agent_event("L1", next(), json!({"type": "message", "text": long_word})));
    let long_text = "lorem ipsum ".repeat(16 * 1024 / 12);
    events.push(agent_event("L2", next(), json!({"type": "message", "text": long_text})));
    let rtl = "\u{202e}gnp.exe\u{202c} \u{200f}مرحبا\u{200e} z\u{200b}e\u{200d}r\u{feff}o \u{2066}isolate";
    events.push(agent_event("U1", next(), json!({"type": "message", "text": rtl})));
    events.push(agent_event(
        "S1",
        next(),
        json!({"type": "system_message", "system_message_type": "x", "text": MARKUP[1]}),
    ));
    events
}

fn hostile_users() -> Value {
    json!([{"id": CUSTOMER, "type": "customer", "present": true},
           {"id": AGENT, "type": "agent", "name": MARKUP[1], "avatar": SCRIPT_URLS[0], "job_title": MARKUP[2], "present": true}])
}

#[wasm_bindgen_test]
async fn hostile_agent_content_never_executes_nor_reaches_a_url_attribute() {
    install_css();
    let w = mount();
    let mut payload = chat(true, json!(corpus()));
    payload["users"] = hostile_users();
    w.login_with_chat(payload);
    w.open().await;
    settle().await;

    assert!(w.q(".lc-log script, .lc-log iframe, .lc-log svg image, .lc-log object, .lc-log embed").is_none());
    for el in w.qa("*") {
        for name in el.get_attribute_names().iter() {
            let name = name.as_string().unwrap_or_default().to_ascii_lowercase();
            assert!(!name.starts_with("on"), "event handler attribute {name} on {}", el.outer_html());
            if ["href", "src", "srcset", "action", "formaction", "xlink:href"].contains(&name.as_str()) {
                let value = el.get_attribute(&name).unwrap_or_default();
                let scheme: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace() && !c.is_control())
                    .collect::<String>()
                    .to_ascii_lowercase();
                assert!(
                    scheme.starts_with("https:")
                        || scheme.starts_with("http:")
                        || scheme.starts_with("tel:")
                        || scheme.starts_with("blob:"),
                    "{name}={value:?} on {}",
                    el.outer_html().chars().take(200).collect::<String>()
                );
            }
        }
    }
    // Every button that could run something: clicking must not execute either.
    for el in w.qa(".lc-log button") {
        el.unchecked_into::<web_sys::HtmlElement>().click();
    }
    settle().await;
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__lc_pwned".into()).unwrap();
    assert!(pwned.is_undefined(), "hostile content executed: {pwned:?}");
    assert!(w.text().contains("<script>window.__lc_pwned = 1</script>"), "markup shows as text");
}

#[wasm_bindgen_test]
async fn long_words_rtl_text_and_huge_images_stay_inside_the_window() {
    install_css();
    let w = mount();
    w.login_with_chat(chat(true, json!(corpus())));
    w.open().await;
    settle().await;
    let window = w.get(".lc-window").get_bounding_client_rect();
    assert!(window.width() > 100.0, "the window is laid out: {}", window.width());
    let log = w.get(".lc-log");
    assert!(
        log.scroll_width() <= log.client_width() + 1,
        "the log scrolls sideways: {} > {}",
        log.scroll_width(),
        log.client_width()
    );
    for el in w.qa(".lc-log .lc-bubble, .lc-log img, .lc-log .lc-card") {
        let rect = el.get_bounding_client_rect();
        assert!(
            rect.left() >= window.left() - 1.0 && rect.right() <= window.right() + 1.0,
            "{} spans {}..{} outside the window {}..{}",
            el.tag_name(),
            rect.left(),
            rect.right(),
            window.left(),
            window.right()
        );
    }
}
