//! [`Link`]: a follower tab's virtual socket. Its session's `Connect`, `Send` and
//! `Close` become channel messages to the leader, and the leader's answers
//! become the session's `Opened`, `Frame` and `Closed` inputs.

use std::collections::VecDeque;

use crate::session::Input;

use super::message::Message;

/// A virtual connection the leader has not acknowledged within this long is
/// closed (the session then backs off and tries again).
pub const OPEN_TIMEOUT_MS: u64 = 2_000;

/// After this many unanswered opens in a row the tab stops waiting for a leader
/// and connects on its own ([`LinkOutput::Standalone`]).
pub const MAX_OPEN_FAILURES: u32 = 3;

/// What the follower's driver must do; drain [`Link::poll_output`] after every call.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkOutput {
    /// Post this on the tabs' channel.
    Broadcast(Message),
    /// Feed this to the tab's own session.
    Input(Input),
    /// No leader answers: give this tab its own real connection.
    Standalone,
    /// Something to log; never fatal.
    Log(String),
}

#[derive(Debug, Clone)]
struct Virtual {
    conn: String,
    /// The leader that acknowledged it; `None` while the open is unanswered.
    leader: Option<String>,
    open_deadline: Option<u64>,
}

/// A follower's virtual socket (sans IO). See the [module docs](super).
#[derive(Debug)]
pub struct Link {
    tab: String,
    opened: u64,
    current: Option<Virtual>,
    /// The last leader announced; a new one means reconnecting through it.
    known_leader: Option<String>,
    open_failures: u32,
    out: VecDeque<LinkOutput>,
}

impl Link {
    /// The link of the tab with id `tab`.
    pub fn new(tab: impl Into<String>) -> Link {
        Link { tab: tab.into(), opened: 0, current: None, known_leader: None, open_failures: 0, out: VecDeque::new() }
    }

    /// The next thing to do, or `None` when drained.
    pub fn poll_output(&mut self) -> Option<LinkOutput> {
        self.out.pop_front()
    }

    /// The session asked for a connection (`Output::Connect`): open a virtual one.
    pub fn connect(&mut self, now_ms: u64) {
        self.close();
        self.opened += 1;
        let conn = format!("{}-{}", self.tab, self.opened);
        self.current =
            Some(Virtual { conn: conn.clone(), leader: None, open_deadline: Some(now_ms + OPEN_TIMEOUT_MS) });
        self.broadcast(Message::Open { conn });
    }

    /// The session sends a frame (`Output::Send`).
    pub fn send(&mut self, text: String) {
        match &self.current {
            Some(Virtual { conn, leader: Some(_), .. }) => {
                let conn = conn.clone();
                self.broadcast(Message::Up { conn, text });
            }
            _ => self.out.push_back(LinkOutput::Log("dropped a frame sent before the leader tab answered".into())),
        }
    }

    /// The session lets go of its connection (`Output::Close`), or the page goes away.
    pub fn close(&mut self) {
        if let Some(v) = self.current.take() {
            self.broadcast(Message::Close { conn: v.conn });
        }
    }

    /// This page became visible or came online: ask the leader to check the real socket.
    pub fn check(&mut self) {
        self.broadcast(Message::Check);
    }

    /// A message from another tab.
    pub fn channel(&mut self, message: Message) {
        match message {
            Message::Opened { conn, leader } => {
                let Some(v) = self.current.as_mut().filter(|v| v.conn == conn && v.leader.is_none()) else { return };
                v.leader = Some(leader.clone());
                v.open_deadline = None;
                self.known_leader = Some(leader);
                self.open_failures = 0;
                self.out.push_back(LinkOutput::Input(Input::Opened));
            }
            Message::Down { conns, text } => {
                if self.current.as_ref().is_some_and(|v| v.leader.is_some() && conns.contains(&v.conn)) {
                    self.out.push_back(LinkOutput::Input(Input::Frame(text)));
                }
            }
            Message::Closed { conn, code, reason } => {
                if self.current.as_ref().is_some_and(|v| v.conn == conn) {
                    self.current = None;
                    self.out.push_back(LinkOutput::Input(Input::Closed { code, reason }));
                }
            }
            Message::Leader { leader } => {
                let same = self.known_leader.as_deref() == Some(leader.as_str());
                self.known_leader = Some(leader.clone());
                match &self.current {
                    Some(Virtual { leader: Some(l), .. }) if *l == leader => return,
                    // An open on its way: whoever leads answers it (or it times out).
                    Some(Virtual { leader: None, .. }) if same => return,
                    None if same => return,
                    _ => {}
                }
                // A hand-over: straight to the new leader, no backoff.
                self.close();
                self.open_failures = 0;
                self.out.push_back(LinkOutput::Input(Input::Reconnect));
            }
            Message::Leaving { leader } => {
                // The connection through it is gone; the next leader's announcement reconnects.
                if self.current.as_ref().is_some_and(|v| v.leader.as_deref() == Some(leader.as_str())) {
                    self.current = None;
                    self.known_leader = None;
                    let reason = "the leader tab went away".to_owned();
                    self.out.push_back(LinkOutput::Input(Input::Closed { code: 1001, reason }));
                }
            }
            // Traffic for the leader, and the election's.
            Message::Open { .. }
            | Message::Up { .. }
            | Message::Close { .. }
            | Message::Check
            | Message::Claim { .. } => {}
        }
    }

    /// Closes an open the leader did not answer within [`OPEN_TIMEOUT_MS`].
    pub fn tick(&mut self, now_ms: u64) {
        let Some(v) = self.current.clone() else { return };
        if v.open_deadline.is_none_or(|at| now_ms < at) {
            return;
        }
        self.close();
        self.open_failures += 1;
        self.out
            .push_back(LinkOutput::Input(Input::Closed { code: 1006, reason: "no answer from the leader tab".into() }));
        if self.open_failures >= MAX_OPEN_FAILURES {
            self.out.push_back(LinkOutput::Standalone);
        }
    }

    /// When [`Link::tick`] is due next.
    pub fn next_timeout(&self) -> Option<u64> {
        self.current.as_ref().and_then(|v| v.open_deadline)
    }

    fn broadcast(&mut self, message: Message) {
        self.out.push_back(LinkOutput::Broadcast(message));
    }
}
