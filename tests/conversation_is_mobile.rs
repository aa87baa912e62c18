//! `is_mobile` tells the truth (issue 18, item 3): embedded, the widget's iframe is
//! always narrow (a launcher's width), so the login's `is_mobile` (spec: "Methods >
//! Login") comes from the host viewport the loader reports (`narrow=1`, then
//! `lc:viewport`), not from the iframe's own width.

mod common_conversation;

use common_conversation::{Fake, CUSTOMER};
use livechat_widget::session::Input;
use livechat_widget::widget_config::WidgetConfig;
use serde_json::json;

const EMBEDDED: &str = "license=1&origin=https%3A%2F%2Fshop.example";

#[test]
fn embedded_a_desktop_host_is_not_mobile_whatever_the_iframe_width() {
    let desktop = WidgetConfig::from_query(EMBEDDED, false).unwrap();
    assert!(!desktop.is_narrow(Some(84.0)), "an 84 px launcher iframe on a desktop page");
    let phone = WidgetConfig::from_query(&format!("{EMBEDDED}&narrow=1"), false).unwrap();
    assert!(phone.is_narrow(Some(1280.0)));
}

#[test]
fn on_a_page_of_its_own_the_widget_looks_at_its_own_width() {
    let alone = WidgetConfig::from_query("license=1", false).unwrap();
    assert!(alone.is_narrow(Some(375.0)));
    assert!(!alone.is_narrow(Some(1280.0)));
    assert!(!alone.is_narrow(None));
}

#[test]
fn a_viewport_change_is_sent_with_the_next_login() {
    let mut f = Fake::new();
    f.c.set_is_mobile(false);
    f.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "chats": []}));
    assert_eq!(f.sent_with("login")[0]["payload"]["is_mobile"], false);
    f.c.set_is_mobile(true);
    f.input(Input::Closed { code: 1006, reason: String::new() });
    f.advance(31_000);
    f.input(Input::Opened);
    assert_eq!(f.sent_with("login")[1]["payload"]["is_mobile"], true);
}
