//! The channel election used where Web Locks are denied (issue 6, "One
//! connection per visitor"): one leader among tabs that claim at once, a quick
//! hand-over when the leader leaves, and crossed claims settled.

mod common_relay;

use std::collections::VecDeque;

use common_relay::{drain_link, opened_link};
use livechat_widget::relay::{ElectedRole, Election, ElectionOutput, LinkOutput, Message, CLAIM_MS, LEASE_MS};
use livechat_widget::session::Input;

/// Tabs on a simulated channel (every message reaches every other tab, encoded and decoded).
struct Tabs {
    tabs: Vec<(Election, bool)>,
    channel: VecDeque<(usize, String)>,
    now: u64,
}

impl Tabs {
    fn start(ids: &[&str]) -> Tabs {
        let tabs = ids.iter().map(|id| (Election::new(*id, 0), true)).collect();
        let mut t = Tabs { tabs, channel: VecDeque::new(), now: 0 };
        t.settle();
        t
    }

    fn settle(&mut self) {
        loop {
            for (i, (e, alive)) in self.tabs.iter_mut().enumerate() {
                while let Some(out) = e.poll_output() {
                    if let (ElectionOutput::Broadcast(m), true) = (out, *alive) {
                        self.channel.push_back((i, m.encode()));
                    }
                }
            }
            let Some((from, text)) = self.channel.pop_front() else { return };
            let message = Message::decode(&text).expect("well-formed");
            for (j, (e, alive)) in self.tabs.iter_mut().enumerate() {
                if j != from && *alive {
                    e.channel(&message, self.now);
                }
            }
        }
    }

    fn advance(&mut self, ms: u64) {
        self.now += ms;
        for (e, alive) in self.tabs.iter_mut() {
            if *alive {
                e.tick(self.now);
            }
        }
        self.settle();
    }

    fn leaders(&self) -> Vec<usize> {
        (0..self.tabs.len()).filter(|&i| self.tabs[i].1 && self.tabs[i].0.role() == Some(ElectedRole::Leader)).collect()
    }
}

#[test]
fn a_lone_tab_leads_after_its_claim_window() {
    let mut t = Tabs::start(&["b"]);
    assert_eq!(t.tabs[0].0.role(), None);
    t.advance(CLAIM_MS);
    assert_eq!(t.leaders(), [0]);
}

#[test]
fn tabs_claiming_at_once_agree_on_the_lowest_id() {
    let mut t = Tabs::start(&["c", "a", "b"]);
    t.advance(CLAIM_MS);
    assert_eq!(t.leaders(), [1]);
    assert!(t.tabs.iter().all(|(e, _)| e.role().is_some()), "every tab decided");
}

#[test]
fn a_leader_answers_a_later_claim_and_the_claimer_follows() {
    let mut t = Tabs::start(&["b"]);
    t.advance(CLAIM_MS);
    // A tab with a lower id opens later: it follows the existing leader, never takes over.
    t.tabs.push((Election::new("a", t.now), true));
    t.settle();
    assert_eq!(t.tabs[1].0.role(), Some(ElectedRole::Follower));
    t.advance(CLAIM_MS);
    assert_eq!(t.leaders(), [0]);
}

#[test]
fn when_the_leader_leaves_the_others_elect_one_within_a_claim_window() {
    let mut t = Tabs::start(&["a", "b", "c"]);
    t.advance(CLAIM_MS);
    assert_eq!(t.leaders(), [0]);
    t.tabs[0].0.leave();
    t.settle();
    t.tabs[0].1 = false;
    t.advance(CLAIM_MS);
    assert_eq!(t.leaders(), [1], "a new leader {CLAIM_MS} ms after the old one left");
}

#[test]
fn a_silent_leader_loses_its_lease() {
    let mut t = Tabs::start(&["a", "b"]);
    t.advance(CLAIM_MS);
    t.tabs[0].1 = false; // crashed: no Leaving
    t.advance(LEASE_MS - CLAIM_MS - 1);
    assert!(t.leaders().is_empty());
    t.advance(CLAIM_MS + 1);
    t.advance(CLAIM_MS);
    assert_eq!(t.leaders(), [1]);
}

#[test]
fn crossed_claims_leave_one_leader() {
    // Two tabs that never heard each other's claims both lead...
    let mut a = Election::new("a", 0);
    let mut b = Election::new("b", 0);
    a.tick(CLAIM_MS);
    b.tick(CLAIM_MS);
    let drain = |e: &mut Election| std::iter::from_fn(|| e.poll_output()).collect::<Vec<_>>();
    drain(&mut a);
    drain(&mut b);
    assert_eq!((a.role(), b.role()), (Some(ElectedRole::Leader), Some(ElectedRole::Leader)));
    // ...until they hear each other: the higher id steps down, the lower says it leads.
    b.channel(&Message::Leader { leader: "a".into() }, 1);
    assert_eq!(drain(&mut b), [ElectionOutput::Became(ElectedRole::Follower)]);
    a.channel(&Message::Leader { leader: "b".into() }, 1);
    assert_eq!(drain(&mut a), [ElectionOutput::Broadcast(Message::Leader { leader: "a".into() })]);
    assert_eq!(a.role(), Some(ElectedRole::Leader));
}

#[test]
fn a_follower_link_waits_for_the_next_leader_after_leaving_then_reconnects_at_once() {
    let mut link = opened_link("f", "a");
    link.channel(Message::Leader { leader: "a".into() });
    assert!(drain_link(&mut link).is_empty(), "the answer to someone's claim: same leader, nothing to do");
    link.channel(Message::Leaving { leader: "a".into() });
    assert_eq!(
        drain_link(&mut link),
        [LinkOutput::Input(Input::Closed { code: 1001, reason: "the leader tab went away".into() })]
    );
    link.channel(Message::Leader { leader: "b".into() });
    assert_eq!(drain_link(&mut link), [LinkOutput::Input(Input::Reconnect)]);
    link.connect(10);
    drain_link(&mut link);
    link.channel(Message::Leader { leader: "b".into() });
    assert!(drain_link(&mut link).is_empty(), "an open on its way to the leader it knows is left alone");
}
