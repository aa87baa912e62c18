//! No retry storm (issue 18, item 1). When `send_event`, `start_chat`, `activate_chat`
//! or the chat's look-up fail with `too_many_requests`, `service_unavailable` or
//! `internal` (spec: "Errors": such limits are "unblocked automatically after some
//! time"), the conversation waits out the session's exponential backoff with jitter
//! before it tries again, a failed look-up does not resend, and each message is
//! delivered exactly once when the service accepts again.

mod common_conversation;

use common_conversation::{chat, Fake, CHAT, CUSTOMER};
use livechat_widget::chat::Delivery;
use livechat_widget::conversation::Intent;
use serde_json::{json, Value};

/// The requests that carry or look for the customer's events.
const DELIVERY: [&str; 5] = ["send_event", "start_chat", "activate_chat", "get_chat", "list_chats"];

fn delivery_requests(f: &Fake) -> usize {
    f.sent.iter().filter(|v| DELIVERY.contains(&v["action"].as_str().unwrap_or_default())).count()
}

/// For `ms` of simulated time, in 50 ms steps, the service answers every delivery
/// request with `kind`. Gives up past 1,000 requests (a storm).
fn refuse_for(f: &mut Fake, kind: &str, ms: u64) {
    for _ in 0..ms / 50 {
        for action in DELIVERY {
            while !f.pending(action).is_empty() && delivery_requests(f) < 1_000 {
                f.fail(action, kind);
            }
        }
        f.advance(50);
    }
}

/// Answers what the service accepts: get_chat with `events`, each send_event with an id.
fn accept_all(f: &mut Fake, events: Value, ms: u64) {
    let mut n = 0;
    for _ in 0..ms / 50 {
        while !f.pending("get_chat").is_empty() {
            f.answer("get_chat", chat(true, events.clone()));
        }
        while !f.pending("send_event").is_empty() {
            n += 1;
            f.answer("send_event", json!({"event_id": format!("OK{n}")}));
        }
        f.advance(50);
    }
}

/// Ticks at each timer until a request with `action` is sent (at most 60 s).
fn wait_for(f: &mut Fake, action: &str) {
    let deadline = f.now + 60_000;
    while f.pending(action).is_empty() {
        let at = f.c.poll_timeout().expect("a timer is armed");
        assert!(at <= deadline, "no `{action}` within 60 s");
        f.advance(at.saturating_sub(f.now));
    }
}

fn deliveries(f: &Fake) -> Vec<Delivery> {
    f.c.state().timeline.entries().iter().map(|e| e.delivery).collect()
}

/// Texts of the send_event requests, in order.
fn sent_texts(f: &Fake) -> Vec<String> {
    f.sent_with("send_event").iter().map(|v| v["payload"]["event"]["text"].as_str().unwrap().to_owned()).collect()
}

#[test]
fn messages_sent_during_10_s_of_too_many_requests_make_a_few_requests_and_arrive_once() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    let before = delivery_requests(&f);
    f.intent(Intent::SendMessage("one".into()));
    refuse_for(&mut f, "too_many_requests", 3_000);
    f.intent(Intent::SendMessage("two".into()));
    refuse_for(&mut f, "too_many_requests", 3_000);
    f.intent(Intent::SendMessage("three".into()));
    refuse_for(&mut f, "too_many_requests", 4_000);
    let during = delivery_requests(&f) - before;
    assert!(during <= 8, "{during} requests in 10 s of too_many_requests");
    assert_eq!(deliveries(&f), [Delivery::Pending; 3], "waiting, not failed");

    accept_all(&mut f, json!([]), 35_000);
    assert_eq!(deliveries(&f), [Delivery::Sent; 3]);
    // Refused requests created nothing; each message was accepted exactly once, in order.
    let accepted: Vec<String> = sent_texts(&f).split_off(sent_texts(&f).len() - 3);
    assert_eq!(accepted, ["one", "two", "three"]);
}

#[test]
fn the_retry_waits_for_the_backoff_instead_of_going_again_at_once() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("hello".into()));
    let at = f.sent.len();
    f.fail("send_event", "service_unavailable");
    assert_eq!(f.actions_since(at), Vec::<String>::new(), "nothing at once");
    let wake = f.c.poll_timeout().unwrap();
    assert!(wake <= f.now + 1_000, "the first retry within the first backoff window (1 s)");
    f.advance(wake - f.now);
    assert_eq!(f.actions_since(at), ["send_event"], "nothing taken: sent again without a look-up");
    f.answer("send_event", json!({"event_id": "E1"}));
    assert_eq!(deliveries(&f), [Delivery::Sent]);
}

// `internal`: the service may have stored the event before failing, so the chat is
// looked up first, and a look-up that fails does not send blind.
#[test]
fn after_internal_the_chat_is_looked_up_and_a_failed_look_up_does_not_resend() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.intent(Intent::SendMessage("maybe stored".into()));
    let custom_id = f.pending("send_event")[0]["payload"]["event"]["custom_id"].clone();
    f.fail("send_event", "internal");
    let at = f.sent.len();
    f.advance(f.c.poll_timeout().unwrap() - f.now);
    assert_eq!(f.actions_since(at), ["get_chat"]);
    f.fail("get_chat", "too_many_requests");
    assert_eq!(f.actions_since(at), ["get_chat"], "a failed look-up sends nothing");
    f.advance(f.c.poll_timeout().unwrap() - f.now);
    assert_eq!(f.actions_since(at), ["get_chat", "get_chat"], "looked up again after a backoff");
    // The service had stored it after all: confirmed from the history, not sent twice.
    f.answer(
        "get_chat",
        chat(
            true,
            json!([{"id": "E1", "custom_id": custom_id, "type": "message", "author_id": CUSTOMER,
        "created_at": "2026-01-01T00:00:01.000000Z", "text": "maybe stored"}]),
        ),
    );
    assert_eq!(f.sent_with("send_event").len(), 1);
    assert_eq!(deliveries(&f), [Delivery::Sent]);
    assert_eq!(f.texts(), ["maybe stored"]);
}

#[test]
fn a_refused_start_chat_backs_off_too() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    f.intent(Intent::SendMessage("first".into()));
    refuse_for(&mut f, "too_many_requests", 10_000);
    assert!(f.sent_with("start_chat").len() <= 6, "{} start_chat in 10 s", f.sent_with("start_chat").len());
    let at = f.sent.len();
    wait_for(&mut f, "start_chat");
    assert_eq!(f.actions_since(at), ["start_chat"]);
    f.answer("start_chat", json!({"chat_id": CHAT, "thread_id": "T1", "event_ids": ["E1"]}));
    assert_eq!(deliveries(&f), [Delivery::Sent]);
}

// The look-up after login refused: the restored outbox is not sent blind.
#[test]
fn a_refused_look_up_at_login_holds_the_outbox_until_the_chat_is_known() {
    let mut f = Fake::new();
    f.intent(Intent::SendMessage("typed before login".into()));
    f.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
        "chats": [{"chat_id": CHAT, "has_unread_events": false}]}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_form", json!({"enabled": false}));
    f.fail("get_chat", "too_many_requests");
    for action in ["send_event", "start_chat", "activate_chat"] {
        assert!(f.sent_with(action).is_empty(), "no blind {action}");
    }
    f.advance(f.c.poll_timeout().unwrap() - f.now);
    f.answer("get_chat", chat(true, json!([])));
    assert_eq!(sent_texts(&f), ["typed before login"]);
}
