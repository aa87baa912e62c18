//! Where the session's socket really is: a WebSocket of this tab (alone, or as
//! the leader that shares it), or a virtual one through the leader tab
//! ([`crate::relay`]). The driver hands every `Connect`/`Send`/`Close` here and
//! feeds back the inputs each call returns.

use std::rc::Rc;

use crate::relay::{ElectedRole, Election, ElectionOutput, Hub, HubOutput, Link, LinkOutput, Message};
use crate::session::Input;

use super::socket::{Socket, SocketEvent};
use super::tabs::{TabEvent, Tabs};
use super::warn;

/// How long to wait for the lock's first answer before connecting alone.
const DECIDE_TIMEOUT_MS: u64 = 1_000;

enum Role {
    /// Waiting for the lock's first answer; `Input::Start` waits too.
    Deciding { until: u64 },
    /// Own connection, nothing shared (no Web Locks or BroadcastChannel, or no leader answered).
    Solo,
    /// Own connection, shared with the other tabs.
    Leader(Hub),
    /// Through the leader tab.
    Follower(Link),
}

/// The session's transport. See the [module docs](self).
pub struct Transport {
    role: Role,
    socket: Option<Socket>,
    tabs: Option<Tabs>,
    /// The channel election, when the lock was denied.
    election: Option<Election>,
    tab_id: String,
    on_socket: Rc<dyn Fn(SocketEvent)>,
}

impl Transport {
    /// A transport whose real sockets report to `on_socket`. With `tabs` it waits
    /// for the election (the first [`TabEvent`] returns `Input::Start`); without,
    /// it is alone and the caller starts the session at once.
    pub fn new(tab_id: String, tabs: Option<Tabs>, on_socket: Rc<dyn Fn(SocketEvent)>, now_ms: u64) -> Transport {
        let role = if tabs.is_some() { Role::Deciding { until: now_ms + DECIDE_TIMEOUT_MS } } else { Role::Solo };
        Transport { role, socket: None, tabs, election: None, tab_id, on_socket }
    }

    /// True once the session may start (the role is known).
    pub fn decided(&self) -> bool {
        !matches!(self.role, Role::Deciding { .. })
    }

    /// `Output::Connect`.
    pub fn connect(&mut self, url: &str, now_ms: u64) -> Vec<Input> {
        let mut inputs = Vec::new();
        if let Role::Follower(link) = &mut self.role {
            link.connect(now_ms);
            self.drain(&mut inputs);
            return inputs;
        }
        self.drop_socket("reconnecting");
        self.drain(&mut inputs);
        match Socket::connect(url, self.on_socket.clone()) {
            Ok(socket) => self.socket = Some(socket),
            Err(reason) => inputs.push(Input::Closed { code: 1006, reason }),
        }
        inputs
    }

    /// `Output::Send`.
    pub fn send(&mut self, text: String) -> Vec<Input> {
        let mut inputs = Vec::new();
        match &mut self.role {
            Role::Leader(hub) => hub.send_local(text),
            Role::Follower(link) => link.send(text),
            Role::Solo | Role::Deciding { .. } => self.send_real(&text),
        }
        self.drain(&mut inputs);
        inputs
    }

    /// `Output::Close`.
    pub fn close(&mut self) -> Vec<Input> {
        let mut inputs = Vec::new();
        match &mut self.role {
            Role::Follower(link) => link.close(),
            _ => self.drop_socket("the leader tab's connection closed"),
        }
        self.drain(&mut inputs);
        inputs
    }

    /// Something the real socket reported.
    pub fn socket_event(&mut self, event: SocketEvent) -> Vec<Input> {
        let mut inputs = Vec::new();
        match (event, &mut self.role) {
            (SocketEvent::Binary, _) => warn("ignored a binary frame"),
            (SocketEvent::Opened, _) => inputs.push(Input::Opened),
            (SocketEvent::Message(text), Role::Leader(hub)) => hub.real_frame(text),
            (SocketEvent::Message(text), _) => inputs.push(Input::Frame(text)),
            (SocketEvent::Closed { code, reason }, role) => {
                if let Role::Leader(hub) = role {
                    hub.real_closed("the leader tab's connection closed");
                }
                inputs.push(Input::Closed { code, reason });
            }
        }
        self.drain(&mut inputs);
        inputs
    }

    /// Something the lock or the channel reported.
    pub fn tab_event(&mut self, event: TabEvent, now_ms: u64) -> Vec<Input> {
        let mut inputs = Vec::new();
        match event {
            TabEvent::Leader => self.become_leader(&mut inputs),
            TabEvent::Follower => self.become_follower(&mut inputs),
            TabEvent::LockDenied => {
                if self.election.is_none() && matches!(self.role, Role::Deciding { .. }) {
                    self.election = Some(Election::new(self.tab_id.clone(), now_ms));
                }
            }
            TabEvent::Message(text) => match Message::decode(&text) {
                Err(e) => warn(&e),
                Ok(message) => {
                    if let Some(election) = &mut self.election {
                        election.channel(&message, now_ms);
                    }
                    match &mut self.role {
                        Role::Leader(hub) => hub.channel(message, now_ms),
                        Role::Follower(link) => link.channel(message),
                        _ => {}
                    }
                }
            },
            TabEvent::PageShow => {
                // Back from the back/forward cache: the others may have elected meanwhile.
                if self.election.is_some() {
                    self.election = Some(Election::new(self.tab_id.clone(), now_ms));
                }
                if matches!(self.role, Role::Follower(_)) {
                    inputs.push(Input::Reconnect);
                }
            }
            TabEvent::PageHide => {
                if let Some(election) = &mut self.election {
                    election.leave();
                }
                if let Role::Follower(link) = &mut self.role {
                    link.close();
                }
            }
        }
        self.drain(&mut inputs);
        inputs
    }

    /// This tab leads now: at the start, after a hand-over, or after going alone.
    fn become_leader(&mut self, inputs: &mut Vec<Input>) {
        if matches!(self.role, Role::Leader(_)) {
            return;
        }
        let mut hub = Hub::new(self.tab_id.clone());
        hub.announce();
        match std::mem::replace(&mut self.role, Role::Leader(hub)) {
            Role::Deciding { .. } => inputs.push(Input::Start),
            // Hand-over (or leaving Solo): connect for real at once (the hub sees the login).
            Role::Follower(_) | Role::Solo | Role::Leader(_) => inputs.push(Input::Reconnect),
        }
    }

    /// Another tab leads: at the start, or a leader stepping down after crossed claims.
    fn become_follower(&mut self, inputs: &mut Vec<Input>) {
        match &mut self.role {
            Role::Deciding { .. } => {
                self.role = Role::Follower(Link::new(self.tab_id.clone()));
                inputs.push(Input::Start);
            }
            Role::Leader(hub) => {
                hub.real_closed("the tab stepped down as leader");
                self.drain(inputs);
                self.socket = None;
                self.role = Role::Follower(Link::new(self.tab_id.clone()));
                inputs.push(Input::Reconnect);
            }
            Role::Follower(_) | Role::Solo => {}
        }
    }

    /// The page came online or became visible: a follower asks the leader to check.
    pub fn page_signal(&mut self, input: &Input) {
        if let (Role::Follower(link), Input::Online | Input::Visible) = (&mut self.role, input) {
            link.check();
            self.drain(&mut Vec::new());
        }
    }

    /// Timers of the relay (and the election's fallback).
    pub fn tick(&mut self, now_ms: u64) -> Vec<Input> {
        let mut inputs = Vec::new();
        match &mut self.role {
            Role::Deciding { until } if now_ms >= *until => {
                warn("no answer from the tab lock; connecting alone");
                self.role = Role::Solo;
                inputs.push(Input::Start);
            }
            Role::Leader(hub) => hub.tick(now_ms),
            Role::Follower(link) => link.tick(now_ms),
            _ => {}
        }
        if let Some(election) = &mut self.election {
            election.tick(now_ms);
        }
        self.drain(&mut inputs);
        inputs
    }

    /// When [`Transport::tick`] is due.
    pub fn next_timeout(&self) -> Option<u64> {
        let role = match &self.role {
            Role::Deciding { until } => Some(*until),
            Role::Leader(hub) => hub.next_timeout(),
            Role::Follower(link) => link.next_timeout(),
            Role::Solo => None,
        };
        [role, self.election.as_ref().and_then(Election::next_timeout)].into_iter().flatten().min()
    }

    fn drop_socket(&mut self, reason: &str) {
        self.socket = None;
        if let Role::Leader(hub) = &mut self.role {
            hub.real_closed(reason);
        }
    }

    fn send_real(&self, text: &str) {
        if let Some(Err(e)) = self.socket.as_ref().map(|s| s.send(text)) {
            warn(&e);
        }
    }

    fn post(&self, message: &Message) {
        if let Some(tabs) = &self.tabs {
            tabs.post(&message.encode());
        }
    }

    /// Carries out what the hub or link asked for; inputs for the session go to `inputs`.
    fn drain(&mut self, inputs: &mut Vec<Input>) {
        loop {
            if let Some(out) = self.election.as_mut().and_then(Election::poll_output) {
                match out {
                    ElectionOutput::Broadcast(m) => self.post(&m),
                    ElectionOutput::Became(ElectedRole::Leader) => self.become_leader(inputs),
                    ElectionOutput::Became(ElectedRole::Follower) => self.become_follower(inputs),
                }
                continue;
            }
            match &mut self.role {
                Role::Leader(hub) => match hub.poll_output() {
                    None => return,
                    Some(HubOutput::Broadcast(m)) => self.post(&m),
                    Some(HubOutput::SendReal(text)) => self.send_real(&text),
                    Some(HubOutput::Local(text)) => inputs.push(Input::Frame(text)),
                    Some(HubOutput::Check) => inputs.push(Input::Visible),
                    Some(HubOutput::Log(text)) => warn(&text),
                },
                Role::Follower(link) => match link.poll_output() {
                    None => return,
                    Some(LinkOutput::Broadcast(m)) => self.post(&m),
                    Some(LinkOutput::Input(input)) => inputs.push(input),
                    Some(LinkOutput::Standalone) => {
                        warn("no answer from the leader tab; connecting alone");
                        self.role = Role::Solo;
                        inputs.push(Input::Reconnect);
                    }
                    Some(LinkOutput::Log(text)) => warn(&text),
                },
                Role::Solo | Role::Deciding { .. } => return,
            }
        }
    }
}
