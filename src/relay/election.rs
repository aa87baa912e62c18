//! [`Election`]: who leads when Web Locks are denied.
//!
//! A widget iframe is a third-party document; where the browser blocks
//! third-party storage (Chromium's incognito-style contexts, strict privacy
//! settings), `navigator.locks` rejects every request, while the partitioned
//! BroadcastChannel still works. The tabs then elect on the channel:
//!
//! - A tab without a leader broadcasts [`Message::Claim`] and listens for
//!   [`CLAIM_MS`]. A leader answers any claim with [`Message::Leader`], which makes
//!   the claimer a follower. Otherwise the lowest id among the claims heard wins
//!   and announces itself; the others follow it.
//! - A leader whose page goes away says [`Message::Leaving`]: the others claim at
//!   once, so a hand-over takes about one claim window plus a login.
//! - A follower that has heard nothing from its leader for [`LEASE_MS`] (pings
//!   through the leader are answered every 15 s while it lives) claims again.
//! - Two leaders at once (claims that crossed): the one that hears a lower id
//!   step down; the lower one reasserts itself.

use std::collections::VecDeque;

use super::message::Message;

/// How long a claim listens for rivals and leaders.
pub const CLAIM_MS: u64 = 200;

/// A follower that heard nothing from its leader for this long claims.
pub const LEASE_MS: u64 = 45_000;

/// The tab's part, as the election decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElectedRole {
    /// Lead: own the real connection.
    Leader,
    /// Follow: connect through the leader.
    Follower,
}

/// What the driver must do; drain [`Election::poll_output`] after every call.
#[derive(Debug, Clone, PartialEq)]
pub enum ElectionOutput {
    /// Post this on the tabs' channel.
    Broadcast(Message),
    /// The tab's role changed (the first one ends the undecided start).
    Became(ElectedRole),
}

/// The channel election of one tab (sans IO). See the [module docs](self).
#[derive(Debug)]
pub struct Election {
    tab: String,
    role: Option<ElectedRole>,
    /// A claim under way: until when, and the rival claimants heard.
    claim: Option<(u64, Vec<String>)>,
    /// The leader a follower knows, and when it was last heard.
    leader: Option<(String, u64)>,
    /// A follower without a leader claims at this time.
    claim_at: Option<u64>,
    /// The page is going away: take part no more.
    left: bool,
    out: VecDeque<ElectionOutput>,
}

impl Election {
    /// The election of tab `tab`; it starts with a claim at `now_ms`.
    pub fn new(tab: impl Into<String>, now_ms: u64) -> Election {
        let mut e = Election {
            tab: tab.into(),
            role: None,
            claim: None,
            leader: None,
            claim_at: None,
            left: false,
            out: VecDeque::new(),
        };
        e.start_claim(now_ms);
        e
    }

    /// The next thing to do, or `None` when drained.
    pub fn poll_output(&mut self) -> Option<ElectionOutput> {
        self.out.pop_front()
    }

    /// The role decided so far.
    pub fn role(&self) -> Option<ElectedRole> {
        self.role
    }

    /// A message from another tab.
    pub fn channel(&mut self, message: &Message, now_ms: u64) {
        if self.left {
            return;
        }
        match message {
            Message::Claim { tab } => match self.role {
                Some(ElectedRole::Leader) => self.announce(),
                _ => {
                    if let Some((_, rivals)) = &mut self.claim {
                        rivals.push(tab.clone());
                    }
                }
            },
            Message::Leader { leader } => self.heard_leader(leader, now_ms),
            Message::Leaving { leader } => {
                if self.leader.as_ref().is_some_and(|(l, _)| l == leader) {
                    self.leader = None;
                    self.start_claim(now_ms);
                }
            }
            // Only a leader sends these: its follower's lease goes on.
            Message::Opened { leader, .. } => self.heard_leader(leader, now_ms),
            Message::Down { .. } | Message::Closed { .. } => {
                if let Some((_, at)) = &mut self.leader {
                    *at = now_ms;
                }
            }
            Message::Open { .. } | Message::Up { .. } | Message::Close { .. } | Message::Check => {}
        }
    }

    /// The page is going away: a leader lets the others elect at once.
    pub fn leave(&mut self) {
        self.left = true;
        if self.role == Some(ElectedRole::Leader) {
            self.out.push_back(ElectionOutput::Broadcast(Message::Leaving { leader: self.tab.clone() }));
        }
    }

    /// Ends a claim window, or claims when the leader's lease ran out.
    pub fn tick(&mut self, now_ms: u64) {
        if self.left {
            return;
        }
        if let Some((until, rivals)) = &self.claim {
            if now_ms < *until {
                return;
            }
            let won = rivals.iter().all(|r| *r > self.tab);
            self.claim = None;
            if won {
                self.set_role(ElectedRole::Leader);
                self.announce();
            } else {
                // The winner announces itself; if it never does, claim again.
                self.set_role(ElectedRole::Follower);
                self.claim_at = Some(now_ms + CLAIM_MS * 5);
            }
            return;
        }
        if self.role == Some(ElectedRole::Follower) {
            let lease_over = match &self.leader {
                Some((_, at)) => now_ms >= at.saturating_add(LEASE_MS),
                None => self.claim_at.is_some_and(|at| now_ms >= at),
            };
            if lease_over {
                self.leader = None;
                self.start_claim(now_ms);
            }
        }
    }

    /// When [`Election::tick`] is due.
    pub fn next_timeout(&self) -> Option<u64> {
        if let Some((until, _)) = &self.claim {
            return Some(*until);
        }
        match (&self.role, &self.leader) {
            (Some(ElectedRole::Follower), Some((_, at))) => Some(at.saturating_add(LEASE_MS)),
            (Some(ElectedRole::Follower), None) => self.claim_at,
            _ => None,
        }
    }

    fn heard_leader(&mut self, leader: &str, now_ms: u64) {
        if leader == self.tab {
            return;
        }
        if self.role == Some(ElectedRole::Leader) && *leader > *self.tab {
            // Claims crossed: the lower id leads; say so again.
            self.announce();
            return;
        }
        self.claim = None;
        self.claim_at = None;
        self.leader = Some((leader.to_owned(), now_ms));
        self.set_role(ElectedRole::Follower);
    }

    fn start_claim(&mut self, now_ms: u64) {
        self.claim_at = None;
        self.claim = Some((now_ms + CLAIM_MS, Vec::new()));
        self.out.push_back(ElectionOutput::Broadcast(Message::Claim { tab: self.tab.clone() }));
    }

    fn announce(&mut self) {
        self.out.push_back(ElectionOutput::Broadcast(Message::Leader { leader: self.tab.clone() }));
    }

    fn set_role(&mut self, role: ElectedRole) {
        if self.role != Some(role) {
            self.role = Some(role);
            self.out.push_back(ElectionOutput::Became(role));
        }
    }
}
