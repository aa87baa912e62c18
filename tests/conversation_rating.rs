//! Rating the chat (issue 17 item 2): good / bad and a comment as the current
//! thread's `rating` properties (spec "Update Thread Properties", "Delete Thread
//! Properties", pushes "thread_properties_updated" / "thread_properties_deleted"),
//! restored from the thread after a reload, and `rating_submitted` for the host page.

mod common_conversation;

use common_conversation::{chat, Fake, CHAT};
use livechat_widget::chat::{Rating, RatingError, Score};
use livechat_widget::conversation::Intent;
use serde_json::{json, Value};

fn host_events(f: &mut Fake) -> Vec<Value> {
    std::iter::from_fn(|| f.c.poll_host_event()).map(|e| serde_json::to_value(e).unwrap()).collect()
}

fn rating_events(f: &mut Fake) -> Vec<Value> {
    host_events(f).into_iter().filter(|e| e["name"] == "rating_submitted").map(|e| e["data"].clone()).collect()
}

fn rate(f: &mut Fake, score: Score, comment: Option<&str>) {
    f.intent(Intent::Rate { score, comment: comment.map(str::to_owned) });
}

#[test]
fn a_rating_during_the_chat_sets_the_current_threads_properties_and_tells_the_host_once() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    host_events(&mut f);
    rate(&mut f, Score::Good, Some("  Quick and kind "));
    let sent = f.pending("update_thread_properties");
    assert_eq!(
        sent[0]["payload"],
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": {"score": 1, "comment": "Quick and kind"}}})
    );
    // Shown at once, before the server answers; the host hears it only once the server has it.
    assert_eq!(f.c.state().rating.shown(), Some(&Rating::new(Score::Good, Some("Quick and kind".into()))));
    assert!(rating_events(&mut f).is_empty());
    f.push(
        "thread_properties_updated",
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": {"score": 1, "comment": "Quick and kind"}}}),
    );
    f.answer("update_thread_properties", json!({}));
    assert_eq!(rating_events(&mut f), [json!("good")], "the push and the answer announce it once");
    assert_eq!(f.c.state().rating.pending, None);
    assert_eq!(f.c.state().rating.confirmed.as_ref().map(|r| r.score), Some(Score::Good));
    // The same rating again sends nothing.
    rate(&mut f, Score::Good, Some("Quick and kind"));
    assert_eq!(f.sent_with("update_thread_properties").len(), 1);
}

#[test]
fn a_rating_after_the_chat_ended_goes_to_the_last_thread() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.push("chat_deactivated", json!({"chat_id": CHAT, "thread_id": "T1"}));
    rate(&mut f, Score::Bad, None);
    let sent = f.pending("update_thread_properties");
    assert_eq!(sent[0]["payload"]["thread_id"], "T1");
    assert_eq!(sent[0]["payload"]["properties"], json!({"rating": {"score": 0}}));
    f.answer("update_thread_properties", json!({}));
    host_events(&mut f);
    // Taken back: both names deleted, as LiveChat's cancelRate does.
    f.intent(Intent::RemoveRating);
    let sent = f.pending("delete_thread_properties");
    assert_eq!(
        sent[0]["payload"],
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": ["score", "comment"]}})
    );
    assert_eq!(f.c.state().rating.shown(), None);
    f.answer("delete_thread_properties", json!({}));
    assert_eq!(rating_events(&mut f), [json!("none")]);
    // Nothing left to take back.
    f.intent(Intent::RemoveRating);
    assert_eq!(f.sent_with("delete_thread_properties").len(), 1);
}

#[test]
fn the_rating_is_restored_from_the_threads_properties_after_a_reload() {
    let mut f = Fake::new();
    f.login_with(json!({"customer": {"id": common_conversation::CUSTOMER, "type": "customer"},
        "chats": [{"chat_id": CHAT, "has_unread_events": false}]}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    f.answer("get_form", json!({"enabled": false}));
    let mut payload = chat(false, json!([]));
    payload["thread"]["properties"] = json!({"rating": {"score": 0, "comment": "Too slow"}});
    f.answer("get_chat", payload);
    assert_eq!(f.c.state().rating.shown(), Some(&Rating::new(Score::Bad, Some("Too slow".into()))));
    assert!(rating_events(&mut f).is_empty(), "restoring is not a new rating");
}

#[test]
fn pushes_for_the_current_thread_update_the_rating_and_others_are_ignored() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.push(
        "thread_properties_updated",
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": {"score": 1}}}),
    );
    f.push(
        "thread_properties_updated",
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": {"comment": "Nice"}}}),
    );
    assert_eq!(f.c.state().rating.confirmed, Some(Rating::new(Score::Good, Some("Nice".into()))));
    // Another thread or chat, and a bad score, change nothing.
    f.push(
        "thread_properties_updated",
        json!({"chat_id": CHAT, "thread_id": "T0", "properties": {"rating": {"score": 0}}}),
    );
    f.push(
        "thread_properties_deleted",
        json!({"chat_id": "OTHER", "thread_id": "T1", "properties": {"rating": ["score"]}}),
    );
    f.push("thread_properties_updated", json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": "bad"}}));
    assert_eq!(f.c.state().rating.confirmed.as_ref().map(|r| r.score), Some(Score::Good));
    f.push(
        "thread_properties_deleted",
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": ["comment"]}}),
    );
    assert_eq!(f.c.state().rating.confirmed, Some(Rating::new(Score::Good, None)));
    f.push(
        "thread_properties_deleted",
        json!({"chat_id": CHAT, "thread_id": "T1", "properties": {"rating": ["score"]}}),
    );
    assert_eq!(f.c.state().rating.confirmed, None);
}

// Bad input: no thread to rate (nothing started yet) sends nothing and says so.
#[test]
fn a_rating_without_a_thread_is_refused_without_a_request() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    rate(&mut f, Score::Good, None);
    assert!(f.sent_with("update_thread_properties").is_empty());
    assert_eq!(f.c.state().rating.error, Some(RatingError::NoThread));
    assert_eq!(f.c.state().rating.shown(), None);
}

// Bad input: the server refuses the thread (ended and gone, or unknown): what the
// server has shows again, with the error, and nothing is retried on its own.
#[test]
fn a_refused_rating_puts_back_the_servers_rating_and_is_not_retried() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    rate(&mut f, Score::Good, None);
    f.answer("update_thread_properties", json!({}));
    host_events(&mut f);
    rate(&mut f, Score::Bad, Some("no"));
    f.fail("update_thread_properties", "not_found");
    assert_eq!(f.c.state().rating.shown(), Some(&Rating::new(Score::Good, None)));
    assert!(matches!(f.c.state().rating.error, Some(RatingError::Failed(_))));
    assert!(rating_events(&mut f).is_empty());
    f.advance(120_000);
    assert_eq!(f.sent_with("update_thread_properties").len(), 2, "no retry loop");
    // The next try clears the error.
    rate(&mut f, Score::Bad, Some("no"));
    assert_eq!(f.c.state().rating.error, None);
}

#[test]
fn a_new_thread_starts_unrated() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    rate(&mut f, Score::Good, None);
    f.answer("update_thread_properties", json!({}));
    f.push("chat_deactivated", json!({"chat_id": CHAT, "thread_id": "T1"}));
    f.intent(Intent::SendMessage("again".into()));
    f.answer("activate_chat", json!({"thread_id": "T2", "event_ids": ["E2"]}));
    assert_eq!(f.c.state().thread_id.as_deref(), Some("T2"));
    assert_eq!(f.c.state().rating.shown(), None);
}
