//! The tabs' Web Lock and BroadcastChannel in headless Chromium (issue 6, "One
//! connection per visitor"). A first-party test page has Web Locks, so this covers
//! the lock path the end-to-end test cannot reach (there the widget is a
//! third-party iframe whose lock requests are denied, and the channel elects).
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::future::TimeoutFuture;
use livechat_widget::browser::{TabEvent, Tabs};
use livechat_widget::relay::Message;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

type Log = Rc<RefCell<Vec<TabEvent>>>;

fn join(name: &str) -> (Tabs, Log) {
    let log: Log = Rc::default();
    let sink = log.clone();
    let tabs = Tabs::join(name, Rc::new(move |e| sink.borrow_mut().push(e))).expect("locks and channels in Chromium");
    (tabs, log)
}

async fn until(log: &Log, what: &str, check: impl Fn(&[TabEvent]) -> bool) {
    for _ in 0..100 {
        if check(&log.borrow()) {
            return;
        }
        TimeoutFuture::new(20).await;
    }
    panic!("timed out waiting for {what}: {:?}", log.borrow());
}

#[wasm_bindgen_test]
async fn the_first_member_leads_the_second_follows_and_takes_over_when_the_first_goes() {
    let name = format!("livechat:test:{}", js_sys::Math::random());
    let (first, first_log) = join(&name);
    until(&first_log, "the first to lead", |l| l == [TabEvent::Leader]).await;
    let (second, second_log) = join(&name);
    until(&second_log, "the second to follow", |l| l == [TabEvent::Follower]).await;
    // Messages go to the other member, never back to the sender.
    let hello = Message::Check.encode();
    first.post(&hello);
    until(&second_log, "the message", |l| l.contains(&TabEvent::Message(hello.clone()))).await;
    assert!(!first_log.borrow().iter().any(|e| matches!(e, TabEvent::Message(_))));
    // Dropping the leader releases the lock: the waiting member leads at once.
    drop(first);
    until(&second_log, "the hand-over", |l| l.last() == Some(&TabEvent::Leader)).await;
    drop(second);
}
