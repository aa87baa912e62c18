//! Tabs of one site sharing one connection, end to end on a simulated clock:
//! real [`Conversation`](livechat_widget::conversation::Conversation)s behind
//! real [`Router`](livechat_widget::relay::Router)s, a simulated tab lock and
//! channel, and a scripted server (issue 6, "One connection per visitor"; spec:
//! "Methods > General RTM API request format" for request_id, "Login", "Access >
//! Server pinging"). The lock path, the channel election where the lock is
//! denied, and the solo fallbacks.

mod common_relay;

use common_relay::world::{Browser, World};
use livechat_widget::conversation::Intent;
use livechat_widget::relay::{Message, RouterInput, TabRole, CLAIM_MS, DECIDE_TIMEOUT_MS, LEASE_MS};
use livechat_widget::session::ConnectionStatus;

use TabRole::{Deciding, Follower, Leader, Solo};

fn all_connected(w: &World) -> bool {
    w.tabs.iter().filter(|t| t.alive).all(|t| t.conv.status() == &ConnectionStatus::Connected)
}

/// Every open tab says something; each message reaches the server once and shows in every open tab.
fn every_tab_speaks_once_everywhere(w: &mut World) {
    let open: Vec<usize> = (0..w.tabs.len()).filter(|&i| w.tabs[i].alive).collect();
    let before = w.received();
    let said: Vec<String> = open.iter().map(|i| format!("from tab {i}")).collect();
    for (&i, text) in open.iter().zip(&said) {
        w.say(i, text);
    }
    assert_eq!(w.received()[before.len()..], said[..]);
    for &i in &open {
        assert!(w.texts(i).ends_with(&said), "tab {i} shows {:?}", w.texts(i));
        assert!(w.tabs[i].conv.outbox().is_empty(), "tab {i} got its confirmation (request_id routed back)");
    }
}

#[test]
fn with_the_lock_the_first_tab_leads_and_three_tabs_log_in_over_one_connection() {
    let mut w = World::start(Browser::Locks, 3);
    assert_eq!(w.roles(), [Leader, Follower, Follower]);
    assert_eq!((w.server.connects, w.server.logins), (1, 1), "one connection, one login (spec: Login)");
    assert_eq!(w.server.owners(), [0]);
    assert!(all_connected(&w));
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn followers_stay_connected_on_pings_answered_by_the_leader() {
    let mut w = World::start(Browser::Locks, 2);
    w.advance(120_000); // spec "Access > Server pinging": every 15 s
    assert_eq!((w.server.connects, w.server.logins), (1, 1));
    assert_eq!(w.tabs[1].conv.status(), &ConnectionStatus::Connected, "the follower's watchdog is fed");
}

#[test]
fn the_session_waits_for_the_lock_and_starts_with_the_role() {
    let mut w = World::new(Browser::Locks);
    w.open();
    assert_eq!(w.tabs[0].roles, [Leader], "the lock answered: no deciding timeout");
    assert_eq!(w.server.connects, 1);
    assert!(w.tabs[0].logs.is_empty(), "{:?}", w.tabs[0].logs);
}

#[test]
fn hand_over_through_the_lock_reconnects_every_tab_through_the_new_leader_at_once() {
    let mut w = World::start(Browser::Locks, 3);
    w.close(0);
    assert_eq!(w.roles(), [Leader, Follower], "the lock passed to the next tab in line");
    assert_eq!(w.tabs[1].roles, [Follower, Leader]);
    assert_eq!((w.server.connects, w.server.logins), (2, 2), "one new connection for the new leader");
    assert_eq!(w.server.owners(), [1]);
    assert_eq!(w.tabs[2].conv.status(), &ConnectionStatus::Connected, "no backoff: connected at the same instant");
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn a_message_forwarded_when_the_leader_died_is_reconciled_not_sent_twice() {
    let mut w = World::start(Browser::Locks, 3);
    // The server takes tab 2's message but the leader dies before the response goes out.
    w.server.lose_responses = true;
    w.say(2, "in flight at the hand-over");
    assert_eq!(w.received(), ["in flight at the hand-over"]);
    assert!(!w.tabs[2].conv.outbox().is_empty());
    w.server.lose_responses = false;
    w.crash(0);
    assert_eq!(w.tabs[1].router.role(), Leader);
    // After the new login, get_chat shows the message by custom_id: nothing is sent again.
    w.advance(1_000);
    assert_eq!(w.received(), ["in flight at the hand-over"], "delivered once");
    assert!(w.tabs[2].conv.outbox().is_empty(), "reconciled by custom_id");
    assert_eq!(w.texts(2), ["in flight at the hand-over"]);
}

#[test]
fn a_message_the_dead_leader_never_forwarded_is_sent_once_through_the_new_one() {
    let mut w = World::start(Browser::Locks, 2);
    // Tab 1 writes; the channel message never reaches the leader, which dies.
    w.tabs[1].conv.handle_intent(Intent::SendMessage("lost with the leader".into()), w.now);
    w.step(1);
    w.channel.clear();
    w.crash(0);
    w.advance(1_000);
    assert_eq!(w.received(), ["lost with the leader"]);
    assert!(w.tabs[1].conv.outbox().is_empty());
}

#[test]
fn a_follower_coming_into_view_has_the_leader_check_the_real_socket() {
    let mut w = World::start(Browser::Locks, 2);
    let pings = w.server.count("ping");
    w.feed(1, RouterInput::Check);
    assert_eq!(w.server.count("ping"), pings + 1, "the leader pinged at once (spec: Access > Server pinging)");
}

#[test]
fn a_follower_back_from_the_page_cache_reconnects_through_the_leader_at_once() {
    let mut w = World::start(Browser::Locks, 2);
    w.feed(1, RouterInput::PageHide);
    assert_eq!(w.posted.last(), Some(&(1, Message::Close { conn: "t1-1".into() })), "its connection let go");
    let now_ms = w.now;
    w.feed(1, RouterInput::PageShow { now_ms });
    assert!(w.posted.contains(&(1, Message::Open { conn: "t1-2".into() })));
    assert!(all_connected(&w), "without waiting for a backoff");
    assert_eq!(w.server.connects, 1);
}

#[test]
fn without_the_lock_the_tabs_elect_the_lowest_id_on_the_channel_and_share_one_connection() {
    let mut w = World::start(Browser::LockDenied, 3);
    assert_eq!(w.roles(), [Leader, Follower, Follower]);
    assert_eq!(w.tabs[0].roles, [Leader], "elected, never solo");
    assert_eq!((w.server.connects, w.server.logins), (1, 1));
    assert!(all_connected(&w));
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn claims_that_crossed_settle_on_the_lowest_id_and_the_others_step_down() {
    // Opened in the same instant: each tab's claim reaches only the tabs already open.
    let mut w = World::new(Browser::LockDenied);
    for _ in 0..3 {
        w.open();
    }
    assert_eq!(w.roles(), [Deciding, Deciding, Deciding], "the claims are still listening");
    assert_eq!(w.server.connects, 0, "the sessions wait for the election");
    w.advance(CLAIM_MS);
    assert_eq!(w.roles(), [Leader, Follower, Follower]);
    assert_eq!(w.tabs[2].roles, [Leader, Follower], "it heard no rival, led, and stepped down for t0");
    w.run_until(1_000, "every tab connected", all_connected);
    assert_eq!(w.server.owners(), [0], "the tabs that stepped down closed their sockets");
    assert_eq!(w.server.logins, 1);
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn when_the_elected_leader_leaves_the_others_elect_again_and_reconnect_through_the_winner() {
    let mut w = World::start(Browser::LockDenied, 3);
    w.close(0);
    w.run_until(CLAIM_MS, "a new leader", |w| w.tabs[1].router.role() == Leader);
    assert_eq!(w.roles(), [Leader, Follower]);
    w.run_until(1_000, "every tab connected again", all_connected);
    assert_eq!((w.server.connects, w.server.logins), (2, 2));
    assert_eq!(w.server.owners(), [1]);
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn when_the_elected_leader_vanishes_a_new_one_is_elected_after_its_lease() {
    let mut w = World::start(Browser::LockDenied, 3);
    w.crash(0);
    w.run_until(LEASE_MS + CLAIM_MS, "a new leader", |w| w.tabs[1].router.role() == Leader);
    assert!(w.tabs[1].logs.iter().any(|l| l == "no answer from the leader tab; connecting alone"));
    assert_eq!(w.tabs[1].roles, [Follower, Solo, Leader], "alone while no leader answered, then elected");
    w.run_until(1_000, "every tab connected again", all_connected);
    assert!(w.server.owners().contains(&1));
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn without_a_channel_every_tab_keeps_its_own_connection() {
    let mut w = World::start(Browser::NoChannel, 3);
    assert_eq!(w.roles(), [Solo, Solo, Solo]);
    assert!(w.tabs.iter().all(|t| t.roles.is_empty()), "solo from the start");
    assert_eq!((w.server.connects, w.server.logins), (3, 3));
    assert_eq!(w.server.owners(), [0, 1, 2]);
    assert!(all_connected(&w));
    every_tab_speaks_once_everywhere(&mut w);
}

#[test]
fn a_lock_that_never_answers_leaves_the_tab_alone_after_the_decide_timeout() {
    let mut w = World::new(Browser::LockSilent);
    w.open();
    w.advance(DECIDE_TIMEOUT_MS - 1);
    assert_eq!(w.roles(), [Deciding]);
    assert_eq!(w.server.connects, 0, "the session waits for the lock");
    w.advance(1);
    assert_eq!(w.tabs[0].roles, [Solo]);
    assert_eq!(w.tabs[0].logs, ["no answer from the tab lock; connecting alone"]);
    w.settle();
    assert_eq!((w.server.connects, w.server.logins), (1, 1));
    assert!(all_connected(&w));
}

#[test]
fn a_follower_whose_leader_never_answers_connects_alone() {
    let mut w = World::start(Browser::Locks, 1);
    // The leader's page is frozen: it holds the lock but answers nothing.
    w.tabs[0].frozen = true;
    let i = w.open();
    assert_eq!(w.tabs[i].router.role(), Follower);
    w.run_until(120_000, "the follower to go solo", |w| w.tabs[1].router.role() == Solo);
    assert!(w.tabs[1].logs.iter().any(|l| l == "no answer from the leader tab; connecting alone"));
    w.run_until(1_000, "its own connection", |w| w.tabs[1].conv.status() == &ConnectionStatus::Connected);
    assert_eq!(w.server.owners(), [0, 1], "the frozen leader's and its own");
    w.say(1, "alone");
    assert_eq!(w.received(), ["alone"]);
    assert!(w.tabs[1].conv.outbox().is_empty());
}
