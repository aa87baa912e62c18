//! Tabs of one site on one simulated clock, each a real [`Conversation`] behind
//! a real [`Router`], doing what `src/browser/transport.rs` and the driver do
//! with its outputs: a simulated tab lock and BroadcastChannel, and real sockets
//! to the scripted [`Server`].

use std::collections::VecDeque;

use livechat_widget::conversation::{Conversation, ConversationConfig, Intent, Output};
use livechat_widget::relay::{Message, Router, RouterInput, RouterOutput, TabRole};
use livechat_widget::session::{Input, SessionConfig, Token};

use super::server::Server;

/// What the browser gives the widget's iframe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browser {
    /// Web Locks and BroadcastChannel.
    Locks,
    /// The lock request is refused (third-party storage blocked); the channel works.
    LockDenied,
    /// The lock request never answers; the channel works.
    LockSilent,
    /// No BroadcastChannel: nothing to share on.
    NoChannel,
}

pub struct Tab {
    pub conv: Conversation,
    pub router: Router,
    /// The page is open.
    pub alive: bool,
    /// Open but frozen (a stopped or stuck page): it keeps the lock and runs nothing.
    pub frozen: bool,
    /// The id of its real socket, if one is open.
    pub socket: Option<u64>,
    inbox: VecDeque<Input>,
    /// Every role the router reported, in order.
    pub roles: Vec<TabRole>,
    /// What the router asked to log.
    pub logs: Vec<String>,
}

enum Wire {
    Opened,
    Frame(String),
}

pub struct World {
    pub browser: Browser,
    pub tabs: Vec<Tab>,
    pub now: u64,
    pub server: Server,
    /// Messages posted on the channel: (sender, text).
    pub channel: VecDeque<(usize, String)>,
    /// Every message posted, in order: (sender, message).
    pub posted: Vec<(usize, Message)>,
    /// Socket events on their way from the server: (socket id, event).
    wire: VecDeque<(u64, Wire)>,
    lock_holder: Option<usize>,
    /// The tabs waiting for the lock, in the order they asked.
    lock_queue: VecDeque<usize>,
}

impl World {
    /// A browser without tabs yet.
    pub fn new(browser: Browser) -> World {
        World {
            browser,
            tabs: Vec::new(),
            now: 1_700_000_000_000,
            server: Server::default(),
            channel: VecDeque::new(),
            posted: Vec::new(),
            wire: VecDeque::new(),
            lock_holder: None,
            lock_queue: VecDeque::new(),
        }
    }

    /// `tabs` tabs opened one after the other, each once the previous one knew its role.
    pub fn start(browser: Browser, tabs: usize) -> World {
        let mut w = World::new(browser);
        for _ in 0..tabs {
            let i = w.open();
            w.run_until(5_000, "the tab to know its role", |w| w.tabs[i].router.decided());
        }
        w
    }

    /// Opens one more tab (tab ids `t0`, `t1`, …): its index.
    pub fn open(&mut self) -> usize {
        let i = self.tabs.len();
        let mut session = SessionConfig::new(123, None);
        session.token = Some(Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None });
        session.seed = i as u64 + 1;
        let conv = Conversation::new(session, ConversationConfig { seed: i as u64 + 11, ..Default::default() });
        let router = Router::new(format!("t{i}"), self.browser != Browser::NoChannel, self.now);
        let mut tab = Tab {
            conv,
            router,
            alive: true,
            frozen: false,
            socket: None,
            inbox: VecDeque::new(),
            roles: Vec::new(),
            logs: Vec::new(),
        };
        // As the driver does: without tabs to ask, the session starts at once.
        if tab.router.decided() {
            tab.inbox.push_back(Input::Start);
        }
        self.tabs.push(tab);
        match self.browser {
            Browser::Locks if self.lock_holder.is_none() => {
                self.lock_holder = Some(i);
                self.route(i, RouterInput::LockAcquired);
            }
            Browser::Locks => {
                self.lock_queue.push_back(i);
                self.route(i, RouterInput::LockHeld);
            }
            Browser::LockDenied => self.route(i, RouterInput::LockDenied { now_ms: self.now }),
            Browser::LockSilent | Browser::NoChannel => {}
        }
        self.settle();
        i
    }

    /// Tab `i` closes: `pagehide`, then its page, its socket and its hold on the lock are gone.
    pub fn close(&mut self, i: usize) {
        self.route(i, RouterInput::PageHide);
        self.crash(i);
    }

    /// Tab `i` is gone without a word (crashed, killed).
    pub fn crash(&mut self, i: usize) {
        self.tabs[i].alive = false;
        if let Some(id) = self.tabs[i].socket.take() {
            self.server.close(id);
        }
        self.lock_queue.retain(|&t| t != i);
        if self.lock_holder == Some(i) {
            self.lock_holder = self.lock_queue.pop_front();
            if let Some(next) = self.lock_holder {
                self.route(next, RouterInput::LockAcquired);
            }
        }
        self.settle();
    }

    /// The browser reports `input` to tab `i`.
    pub fn feed(&mut self, i: usize, input: RouterInput) {
        self.route(i, input);
        self.settle();
    }

    /// The customer writes in tab `i`.
    pub fn say(&mut self, i: usize, text: &str) {
        self.tabs[i].conv.handle_intent(Intent::SendMessage(text.into()), self.now);
        self.settle();
    }

    /// Runs every tab, the channel and the sockets until nothing moves.
    pub fn settle(&mut self) {
        for _ in 0..100_000 {
            let mut moved = false;
            for i in 0..self.tabs.len() {
                moved |= self.step(i);
            }
            if let Some((from, text)) = self.channel.pop_front() {
                moved = true;
                for j in 0..self.tabs.len() {
                    if j != from && self.runs(j) {
                        self.route(j, RouterInput::Channel { text: text.clone(), now_ms: self.now });
                    }
                }
            }
            if let Some((socket, event)) = self.wire.pop_front() {
                moved = true;
                let owner = (0..self.tabs.len()).find(|&i| self.tabs[i].socket == Some(socket));
                if let Some(i) = owner.filter(|&i| self.runs(i) && self.server.is_open(socket)) {
                    let input = match event {
                        Wire::Opened => RouterInput::SocketOpened,
                        Wire::Frame(text) => RouterInput::SocketFrame(text),
                    };
                    self.route(i, input);
                }
            }
            if !moved {
                return;
            }
        }
        panic!("the tabs never settled");
    }

    /// Moves the clock `ms` forward, firing every tab's timer at its time on the way.
    pub fn advance(&mut self, ms: u64) {
        let end = self.now + ms;
        self.run(end, |_| false);
    }

    /// Runs the clock until `done` holds, at most `within_ms`.
    pub fn run_until(&mut self, within_ms: u64, what: &str, done: impl Fn(&World) -> bool) {
        let end = self.now + within_ms;
        assert!(self.run(end, done), "expected {what} within {within_ms} ms");
    }

    /// Fires timers in order until `done` holds (true) or the clock reaches `end` (false).
    fn run(&mut self, end: u64, done: impl Fn(&World) -> bool) -> bool {
        self.settle();
        for _ in 0..100_000 {
            if done(self) {
                return true;
            }
            let next = (0..self.tabs.len()).filter_map(|i| self.deadline(i)).min();
            match next {
                Some(at) if at <= end => {
                    self.now = self.now.max(at);
                    for i in 0..self.tabs.len() {
                        // The driver's one timer: the router's deadlines first, then the session's.
                        if self.deadline(i).is_some_and(|at| at <= self.now) {
                            self.route(i, RouterInput::Tick(self.now));
                            self.tabs[i].inbox.push_back(Input::Tick);
                        }
                    }
                    self.settle();
                }
                _ => {
                    self.now = end;
                    return done(self);
                }
            }
        }
        panic!("the timers never ran out");
    }

    /// When tab `i`'s timer fires (as the driver arms it).
    fn deadline(&self, i: usize) -> Option<u64> {
        let tab = &self.tabs[i];
        if !self.runs(i) {
            return None;
        }
        [tab.router.poll_timeout(), tab.conv.poll_timeout()].into_iter().flatten().min()
    }

    fn runs(&self, i: usize) -> bool {
        self.tabs[i].alive && !self.tabs[i].frozen
    }

    /// Tab `i` alone: its session's outputs carried out, and the inputs that
    /// follow fed back one by one; true if anything happened.
    pub fn step(&mut self, i: usize) -> bool {
        let mut moved = false;
        while self.runs(i) {
            while let Some(output) = self.tabs[i].conv.poll_output() {
                moved = true;
                match output {
                    Output::Connect { url } => self.route(i, RouterInput::Connect { url, now_ms: self.now }),
                    Output::Send(text) => self.route(i, RouterInput::Send(text)),
                    Output::Close => self.route(i, RouterInput::Close),
                    _ => {}
                }
            }
            let Some(input) = self.tabs[i].inbox.pop_front() else { break };
            moved = true;
            self.tabs[i].conv.handle_input(input, self.now);
        }
        moved
    }

    /// Feeds `input` to tab `i`'s router and does what it asks, as the transport does.
    fn route(&mut self, i: usize, input: RouterInput) {
        self.tabs[i].router.handle_input(input);
        while let Some(output) = self.tabs[i].router.poll_output() {
            let tab = &mut self.tabs[i];
            match output {
                RouterOutput::OpenSocket(_) => {
                    assert_eq!(tab.socket, None, "the router closes a socket before it opens the next");
                    let id = self.server.open(i);
                    tab.socket = Some(id);
                    self.wire.push_back((id, Wire::Opened));
                }
                RouterOutput::CloseSocket => {
                    if let Some(id) = tab.socket.take() {
                        self.server.close(id);
                    }
                }
                RouterOutput::SendSocket(text) => {
                    let id = tab.socket.expect("frames go out on an open socket");
                    let reply = self.server.receive(&text);
                    self.wire.extend(reply.requester.into_iter().map(|f| (id, Wire::Frame(f))));
                    for (other, _) in self.server.sockets.iter().filter(|(s, _)| *s != id) {
                        self.wire.extend(reply.others.iter().map(|f| (*other, Wire::Frame(f.clone()))));
                    }
                }
                RouterOutput::Post(text) => {
                    assert_ne!(self.browser, Browser::NoChannel, "posted without a channel");
                    self.posted.push((i, Message::decode(&text).expect("tabs post well-formed messages")));
                    self.channel.push_back((i, text));
                }
                RouterOutput::Session(input) => tab.inbox.push_back(input),
                RouterOutput::RoleChanged(role) => tab.roles.push(role),
                RouterOutput::Log(text) => tab.logs.push(text),
            }
        }
    }

    /// The roles of the open tabs, in tab order.
    pub fn roles(&self) -> Vec<TabRole> {
        self.tabs.iter().filter(|t| t.alive).map(|t| t.router.role()).collect()
    }

    /// The message texts tab `i` shows.
    pub fn texts(&self, i: usize) -> Vec<String> {
        self.tabs[i].conv.state().timeline.entries().iter().filter_map(|e| e.event.text().map(str::to_owned)).collect()
    }

    /// The message texts the server received, duplicates included.
    pub fn received(&self) -> Vec<String> {
        self.server.messages.iter().map(|(_, t)| t.clone()).collect()
    }
}
