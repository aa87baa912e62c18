//! [`Router`]: where this tab's session connects, and where every frame goes.
//!
//! The browser reports the tab lock, the channel, the real socket and the
//! session's own `Connect`/`Send`/`Close`; the router decides the tab's
//! [`TabRole`] and routes between them (sans IO: no web-sys, time passed in as
//! milliseconds). Drain [`Router::poll_output`] after every
//! [`Router::handle_input`], and call it again with [`RouterInput::Tick`] at
//! [`Router::poll_timeout`], as str0m's API asks.
//!
//! - With a channel to share on, the tab is [`TabRole::Deciding`] until the lock
//!   answers: it leads when it holds the lock and follows when another tab does.
//!   The session's `Input::Start` waits for that answer.
//! - A denied lock starts the channel [`Election`]; its result decides the same way.
//! - No answer within [`DECIDE_TIMEOUT_MS`], or no channel at all: the tab is
//!   [`TabRole::Solo`], with its own connection shared with nobody.
//! - A follower whose leader never answers ([`LinkOutput::Standalone`]) goes solo too.

use std::collections::VecDeque;

use crate::session::Input;

use super::election::{ElectedRole, Election, ElectionOutput};
use super::follower::{Link, LinkOutput};
use super::leader::{Hub, HubOutput};
use super::message::Message;

/// How long to wait for the lock's first answer before connecting alone.
pub const DECIDE_TIMEOUT_MS: u64 = 1_000;

/// Why followers logged in over the real connection lose it when it closes.
const LEADER_CLOSED: &str = "the leader tab's connection closed";

/// The tab's part in the shared connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TabRole {
    /// Waiting for the lock's (or the election's) first answer; the session waits too.
    Deciding,
    /// Own connection, nothing shared (no channel, or no leader answered).
    Solo,
    /// Own connection, shared with the other tabs.
    Leader,
    /// Through the leader tab.
    Follower,
}

/// What happened to the tab, with the time where the router needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum RouterInput {
    /// The session asked for a connection (`Output::Connect`).
    Connect {
        /// The RTM URL to open when the tab has its own socket.
        url: String,
        /// Now, in ms since the epoch.
        now_ms: u64,
    },
    /// The session sends a frame (`Output::Send`).
    Send(String),
    /// The session lets go of its connection (`Output::Close`).
    Close,
    /// The real socket opened.
    SocketOpened,
    /// A text frame arrived on the real socket.
    SocketFrame(String),
    /// The real socket closed (or could not be opened: code 1006).
    SocketClosed {
        /// WebSocket close code.
        code: u16,
        /// WebSocket close reason, possibly empty.
        reason: String,
    },
    /// This tab holds the tab lock: at the start, or after the holder went away.
    LockAcquired,
    /// Another tab held the lock when this one asked (this one waits in line for it).
    LockHeld,
    /// The browser refused the lock (third-party storage blocked): elect on the channel.
    LockDenied {
        /// Now, in ms since the epoch.
        now_ms: u64,
    },
    /// A message from another tab on the channel (its JSON text).
    Channel {
        /// The message as posted.
        text: String,
        /// Now, in ms since the epoch.
        now_ms: u64,
    },
    /// The page is going away (`pagehide`).
    PageHide,
    /// The page came back from the back/forward cache: rejoin.
    PageShow {
        /// Now, in ms since the epoch.
        now_ms: u64,
    },
    /// The page came online or became visible: a follower asks the leader to check the socket.
    Check,
    /// The time is `now_ms`: the deadline from [`Router::poll_timeout`] may be due.
    Tick(u64),
}

/// What the browser must do, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum RouterOutput {
    /// Open the real socket to this URL (any previous one was closed just before).
    OpenSocket(String),
    /// Close the real socket, if any, and detach its listeners.
    CloseSocket,
    /// Send this frame on the real socket, if one is open.
    SendSocket(String),
    /// Post this message (JSON text) on the tabs' channel.
    Post(String),
    /// Feed this to the tab's own session.
    Session(Input),
    /// The tab's role is now this.
    RoleChanged(TabRole),
    /// Something to log; never fatal.
    Log(String),
}

/// The role's state: the leader's hub or the follower's link lives here.
enum State {
    Deciding { until: u64 },
    Solo,
    Leader(Hub),
    Follower(Link),
}

/// One tab's routing (sans IO). See the [module docs](self).
pub struct Router {
    state: State,
    /// The channel election, when the lock was denied.
    election: Option<Election>,
    tab: String,
    out: VecDeque<RouterOutput>,
}

impl Router {
    /// The router of tab `tab`. With a channel to `share` on it is deciding until
    /// the lock answers (or [`DECIDE_TIMEOUT_MS`] after `now_ms`); without, it is solo.
    pub fn new(tab: impl Into<String>, share: bool, now_ms: u64) -> Router {
        let state = if share { State::Deciding { until: now_ms + DECIDE_TIMEOUT_MS } } else { State::Solo };
        Router { state, election: None, tab: tab.into(), out: VecDeque::new() }
    }

    /// The tab's role now.
    pub fn role(&self) -> TabRole {
        match self.state {
            State::Deciding { .. } => TabRole::Deciding,
            State::Solo => TabRole::Solo,
            State::Leader(_) => TabRole::Leader,
            State::Follower(_) => TabRole::Follower,
        }
    }

    /// True once the session may start (the role is known).
    pub fn decided(&self) -> bool {
        self.role() != TabRole::Deciding
    }

    /// The next thing to do, or `None` when drained.
    pub fn poll_output(&mut self) -> Option<RouterOutput> {
        self.out.pop_front()
    }

    /// When [`RouterInput::Tick`] is due.
    pub fn poll_timeout(&self) -> Option<u64> {
        let role = match &self.state {
            State::Deciding { until } => Some(*until),
            State::Leader(hub) => hub.next_timeout(),
            State::Follower(link) => link.next_timeout(),
            State::Solo => None,
        };
        [role, self.election.as_ref().and_then(Election::next_timeout)].into_iter().flatten().min()
    }

    /// Takes in what happened; what follows is queued for [`Router::poll_output`].
    pub fn handle_input(&mut self, input: RouterInput) {
        match input {
            RouterInput::Connect { url, now_ms } => self.connect(url, now_ms),
            RouterInput::Send(text) => match &mut self.state {
                State::Leader(hub) => hub.send_local(text),
                State::Follower(link) => link.send(text),
                State::Solo | State::Deciding { .. } => self.out.push_back(RouterOutput::SendSocket(text)),
            },
            RouterInput::Close => match &mut self.state {
                State::Follower(link) => link.close(),
                _ => self.drop_socket(LEADER_CLOSED),
            },
            RouterInput::SocketOpened => self.feed_session(Input::Opened),
            RouterInput::SocketFrame(text) => match &mut self.state {
                State::Leader(hub) => hub.real_frame(text),
                _ => self.feed_session(Input::Frame(text)),
            },
            RouterInput::SocketClosed { code, reason } => {
                if let State::Leader(hub) = &mut self.state {
                    hub.real_closed(LEADER_CLOSED);
                }
                self.feed_session(Input::Closed { code, reason });
            }
            RouterInput::LockAcquired => self.become_leader(),
            RouterInput::LockHeld => self.become_follower(),
            RouterInput::LockDenied { now_ms } => {
                if self.election.is_none() && matches!(self.state, State::Deciding { .. }) {
                    self.election = Some(Election::new(self.tab.clone(), now_ms));
                }
            }
            RouterInput::Channel { text, now_ms } => self.channel(&text, now_ms),
            RouterInput::PageShow { now_ms } => {
                // Back from the back/forward cache: the others may have elected meanwhile.
                if self.election.is_some() {
                    self.election = Some(Election::new(self.tab.clone(), now_ms));
                }
                if matches!(self.state, State::Follower(_)) {
                    self.feed_session(Input::Reconnect);
                }
            }
            RouterInput::PageHide => {
                if let Some(election) = &mut self.election {
                    election.leave();
                }
                if let State::Follower(link) = &mut self.state {
                    link.close();
                }
            }
            RouterInput::Check => {
                if let State::Follower(link) = &mut self.state {
                    link.check();
                }
            }
            RouterInput::Tick(now_ms) => self.tick(now_ms),
        }
        self.drain();
    }

    /// `Output::Connect`: a virtual connection through the leader, or a real socket.
    fn connect(&mut self, url: String, now_ms: u64) {
        if let State::Follower(link) = &mut self.state {
            link.connect(now_ms);
            return;
        }
        self.drop_socket("reconnecting");
        self.drain();
        self.out.push_back(RouterOutput::OpenSocket(url));
    }

    fn channel(&mut self, text: &str, now_ms: u64) {
        let message = match Message::decode(text) {
            Ok(message) => message,
            Err(e) => return self.out.push_back(RouterOutput::Log(e)),
        };
        if let Some(election) = &mut self.election {
            election.channel(&message, now_ms);
        }
        match &mut self.state {
            State::Leader(hub) => hub.channel(message, now_ms),
            State::Follower(link) => link.channel(message),
            State::Solo | State::Deciding { .. } => {}
        }
    }

    fn tick(&mut self, now_ms: u64) {
        match &mut self.state {
            State::Deciding { until } if now_ms >= *until => {
                self.out.push_back(RouterOutput::Log("no answer from the tab lock; connecting alone".into()));
                self.set_state(State::Solo);
                self.feed_session(Input::Start);
            }
            State::Leader(hub) => hub.tick(now_ms),
            State::Follower(link) => link.tick(now_ms),
            State::Solo | State::Deciding { .. } => {}
        }
        if let Some(election) = &mut self.election {
            election.tick(now_ms);
        }
    }

    /// This tab leads now: at the start, after a hand-over, or after going alone.
    fn become_leader(&mut self) {
        if matches!(self.state, State::Leader(_)) {
            return;
        }
        let mut hub = Hub::new(self.tab.clone());
        hub.announce();
        let before = std::mem::replace(&mut self.state, State::Leader(hub));
        self.out.push_back(RouterOutput::RoleChanged(TabRole::Leader));
        match before {
            State::Deciding { .. } => self.feed_session(Input::Start),
            // Hand-over (or leaving Solo): connect for real at once (the hub sees the login).
            State::Follower(_) | State::Solo | State::Leader(_) => self.feed_session(Input::Reconnect),
        }
    }

    /// Another tab leads: at the start, or a leader stepping down after crossed claims.
    fn become_follower(&mut self) {
        match &mut self.state {
            State::Deciding { .. } => {
                self.set_state(State::Follower(Link::new(self.tab.clone())));
                self.feed_session(Input::Start);
            }
            State::Leader(_) => {
                self.drop_socket("the tab stepped down as leader");
                self.drain();
                self.set_state(State::Follower(Link::new(self.tab.clone())));
                self.feed_session(Input::Reconnect);
            }
            State::Follower(_) | State::Solo => {}
        }
    }

    /// Lets go of the real socket; the followers logged in over it lose theirs.
    fn drop_socket(&mut self, reason: &str) {
        self.out.push_back(RouterOutput::CloseSocket);
        if let State::Leader(hub) = &mut self.state {
            hub.real_closed(reason);
        }
    }

    fn set_state(&mut self, state: State) {
        self.state = state;
        self.out.push_back(RouterOutput::RoleChanged(self.role()));
    }

    fn feed_session(&mut self, input: Input) {
        self.out.push_back(RouterOutput::Session(input));
    }

    fn post(&mut self, message: &Message) {
        self.out.push_back(RouterOutput::Post(message.encode()));
    }

    /// Turns what the election, hub or link asked for into the router's outputs.
    fn drain(&mut self) {
        loop {
            if let Some(out) = self.election.as_mut().and_then(Election::poll_output) {
                match out {
                    ElectionOutput::Broadcast(m) => self.post(&m),
                    ElectionOutput::Became(ElectedRole::Leader) => self.become_leader(),
                    ElectionOutput::Became(ElectedRole::Follower) => self.become_follower(),
                }
                continue;
            }
            match &mut self.state {
                State::Leader(hub) => match hub.poll_output() {
                    None => return,
                    Some(HubOutput::Broadcast(m)) => self.post(&m),
                    Some(HubOutput::SendReal(text)) => self.out.push_back(RouterOutput::SendSocket(text)),
                    Some(HubOutput::Local(text)) => self.feed_session(Input::Frame(text)),
                    Some(HubOutput::Check) => self.feed_session(Input::Visible),
                    Some(HubOutput::Log(text)) => self.out.push_back(RouterOutput::Log(text)),
                },
                State::Follower(link) => match link.poll_output() {
                    None => return,
                    Some(LinkOutput::Broadcast(m)) => self.post(&m),
                    Some(LinkOutput::Input(input)) => self.feed_session(input),
                    Some(LinkOutput::Standalone) => {
                        self.out.push_back(RouterOutput::Log("no answer from the leader tab; connecting alone".into()));
                        self.set_state(State::Solo);
                        self.feed_session(Input::Reconnect);
                    }
                    Some(LinkOutput::Log(text)) => self.out.push_back(RouterOutput::Log(text)),
                },
                State::Solo | State::Deciding { .. } => return,
            }
        }
    }
}
