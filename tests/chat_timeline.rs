//! The timeline shows each event once and in order, however often and in
//! whatever order the server repeats it (issue: "events in order and
//! deduplicated by event id and by custom_id").

use livechat_widget::chat::timeline::{Delivery, Incoming, Merged, Timeline};

fn server(id: &str, custom: Option<&str>, at: &str, text: &'static str) -> Incoming<&'static str> {
    Incoming {
        event_id: Some(id.into()),
        custom_id: custom.map(Into::into),
        thread_id: Some("T1".into()),
        created_at: Some(at.into()),
        event: text,
    }
}

fn texts(t: &Timeline<&'static str>) -> Vec<&'static str> {
    t.entries().iter().map(|e| e.event).collect()
}

#[test]
fn local_message_shows_once_before_and_after_confirmation_and_echo() {
    let mut t = Timeline::default();
    t.push_local("c1".into(), "hello");
    assert_eq!(t.entries()[0].delivery, Delivery::Pending);
    let key_before = t.entries()[0].key();

    assert!(t.confirm("c1", Some("E1".into()), None));
    assert_eq!(t.merge(server("E1", Some("c1"), "2020-01-01T00:00:01.000000Z", "hello")), Merged::Updated);
    // A reconnect's get_chat repeats it again, this time matched by event id only.
    assert_eq!(t.merge(server("E1", None, "2020-01-01T00:00:01.000000Z", "hello")), Merged::Updated);

    assert_eq!(texts(&t), ["hello"]);
    assert_eq!(t.entries()[0].delivery, Delivery::Sent);
    assert_eq!(t.entries()[0].key(), key_before, "the row keeps its key, so the UI does not re-mount it");
}

#[test]
fn echo_before_response_is_matched_by_custom_id() {
    // incoming_event may arrive before the send_event response.
    let mut t = Timeline::default();
    t.push_local("c1".into(), "hi");
    t.merge(server("E1", Some("c1"), "2020-01-01T00:00:01.000000Z", "hi"));
    assert!(t.confirm("c1", Some("E1".into()), None));
    assert_eq!(t.len(), 1);
    assert!(t.contains_event("E1"));
}

#[test]
fn events_sort_by_created_at_and_pending_stay_last() {
    let mut t = Timeline::default();
    t.merge(server("E3", None, "2020-01-01T00:00:03.000000Z", "third"));
    t.push_local("c1".into(), "pending");
    t.merge(server("E1", None, "2020-01-01T00:00:01.000000Z", "first"));
    t.merge(server("E2", None, "2020-01-01T00:00:02.000000Z", "second"));
    assert_eq!(texts(&t), ["first", "second", "third", "pending"]);
    // Confirmed with an earlier time than an agent reply that came meanwhile: it moves.
    t.merge(server("E4", None, "2020-01-01T00:00:05.000000Z", "agent"));
    t.merge(server("E9", Some("c1"), "2020-01-01T00:00:04.000000Z", "pending"));
    assert_eq!(texts(&t), ["first", "second", "third", "pending", "agent"]);
}

#[test]
fn failed_sends_can_be_retried_or_removed_but_sent_ones_never_fail() {
    let mut t = Timeline::default();
    t.push_local("c1".into(), "a");
    t.push_local("c2".into(), "b");
    assert!(t.fail("c1"));
    assert_eq!(t.entries()[0].delivery, Delivery::Failed);
    t.push_local("c1".into(), "a"); // retry
    assert_eq!(t.entries()[0].delivery, Delivery::Pending);
    assert_eq!(t.len(), 2);

    t.confirm("c2", Some("E2".into()), None);
    t.fail("c2");
    assert_eq!(t.by_custom_id("c2").map(|e| e.delivery), Some(Delivery::Sent));
    assert_eq!(t.remove_failed("c2"), None, "only failed entries can be removed");

    t.fail("c1");
    assert_eq!(t.remove_failed("c1"), Some("a"));
    assert_eq!(texts(&t), ["b"]);
    assert_eq!(t.unsent().count(), 0);
}

#[test]
fn ties_keep_arrival_order() {
    let mut t = Timeline::default();
    for (id, text) in [("A", "one"), ("B", "two"), ("C", "three")] {
        t.merge(server(id, None, "2020-01-01T00:00:00.000000Z", text));
    }
    assert_eq!(texts(&t), ["one", "two", "three"]);
}

// Issue 7: a 5,000-event history, merged again after a reconnect, keeps one entry
// per event in order, and every row key finds its entry (indexed, not walked).
#[test]
fn a_long_history_merged_twice_shows_each_event_once_and_every_key_finds_its_entry() {
    let texts_of: Vec<&'static str> = (0..5_000).map(|i| &*Box::leak(format!("m{i}").into_boxed_str())).collect();
    let at = |i: usize| format!("2020-01-01T{:02}:{:02}:{:02}.{:06}Z", i / 3600, i / 60 % 60, i % 60, i);
    let mut t = Timeline::default();
    for round in 0..2 {
        for (i, text) in texts_of.iter().enumerate() {
            let merged = t.merge(Incoming {
                event_id: Some(format!("E{i}")),
                custom_id: (i % 10 == 0).then(|| format!("c{i}")),
                thread_id: Some("T1".into()),
                created_at: Some(at(i)),
                event: *text,
            });
            assert_eq!(merged, if round == 0 { Merged::Inserted } else { Merged::Updated });
        }
    }
    t.push_local("late".into(), "pending");
    assert_eq!(t.len(), 5_001);
    assert_eq!(texts(&t)[..3], ["m0", "m1", "m2"]);
    for e in t.entries() {
        assert_eq!(t.by_key(&e.key()).map(|found| found.seq), Some(e.seq), "{}", e.key());
    }
    assert_eq!(t.by_event_id("E4321").map(|e| e.event), Some("m4321"));
    assert_eq!(t.by_custom_id("c4320").map(|e| e.event), Some("m4320"));
    assert!(t.by_key("e:nope").is_none());
}
