//! Single-page apps: the host page's navigations (the loader's `lc:page`)
//! become `update_customer_page` (spec "Methods > Customers > Update Customer
//! Page"): never before login, once per new page, and the next login carries
//! the page the customer is on (issue 16).

mod common_conversation;

use common_conversation::Fake;
use livechat_widget::conversation::Intent;
use livechat_widget::session::CustomerPage;
use serde_json::json;

fn navigate(f: &mut Fake, url: &str, title: &str) {
    f.intent(Intent::UpdateCustomerPage(CustomerPage { url: Some(url.into()), title: Some(title.into()) }));
}

#[test]
fn before_login_a_navigation_sends_nothing_and_the_login_carries_it() {
    let mut f = Fake::new();
    navigate(&mut f, "https://shop.test/cart", "Cart");
    f.login_with_chat(json!([]));
    assert!(f.sent_with("update_customer_page").is_empty());
    let login = f.sent_with("login").remove(0);
    assert_eq!(login["payload"]["customer_page"], json!({"url": "https://shop.test/cart", "title": "Cart"}));
}

#[test]
fn after_login_each_new_page_is_sent_once() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    navigate(&mut f, "https://shop.test/p/1", "Shoes");
    navigate(&mut f, "https://shop.test/p/1", "Shoes");
    navigate(&mut f, "https://shop.test/p/2", "Socks");
    let sent: Vec<_> = f.sent_with("update_customer_page").into_iter().map(|r| r["payload"].clone()).collect();
    assert_eq!(
        sent,
        [
            json!({"url": "https://shop.test/p/1", "title": "Shoes"}),
            json!({"url": "https://shop.test/p/2", "title": "Socks"})
        ]
    );
}

#[test]
fn a_navigation_while_reconnecting_rides_in_the_next_login() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.input(livechat_widget::session::Input::Closed { code: 1006, reason: String::new() });
    navigate(&mut f, "https://shop.test/help", "Help");
    assert!(f.sent_with("update_customer_page").is_empty());
    f.reconnect_with_chat(json!([]));
    let login = f.sent_with("login").pop().unwrap();
    assert_eq!(login["payload"]["customer_page"]["url"], "https://shop.test/help");
    assert!(f.sent_with("update_customer_page").is_empty(), "the login told it");
}
