//! Where the session's socket really is: the IO half of the tabs' routing. The
//! [`Router`] decides whether this tab's socket is its own (alone, or as the
//! leader that shares it) or a virtual one through the leader tab; this file
//! owns the WebSocket and the tabs' channel, feeds what they report into the
//! router and carries out what it asks for. The driver hands every
//! `Connect`/`Send`/`Close` here and feeds back the inputs each call returns.

use std::rc::Rc;

use crate::relay::{Router, RouterInput, RouterOutput};
use crate::session::Input;

use super::socket::{Socket, SocketEvent};
use super::tabs::{TabEvent, Tabs};
use super::warn;

/// The session's transport. See the [module docs](self).
pub struct Transport {
    router: Router,
    socket: Option<Socket>,
    tabs: Option<Tabs>,
    on_socket: Rc<dyn Fn(SocketEvent)>,
}

impl Transport {
    /// A transport whose real sockets report to `on_socket`. With `tabs` it waits
    /// for the election (the first [`TabEvent`] returns `Input::Start`); without,
    /// it is alone and the caller starts the session at once.
    pub fn new(tab_id: String, tabs: Option<Tabs>, on_socket: Rc<dyn Fn(SocketEvent)>, now_ms: u64) -> Transport {
        let router = Router::new(tab_id, tabs.is_some(), now_ms);
        Transport { router, socket: None, tabs, on_socket }
    }

    /// True once the session may start (the role is known).
    pub fn decided(&self) -> bool {
        self.router.decided()
    }

    /// `Output::Connect`.
    pub fn connect(&mut self, url: &str, now_ms: u64) -> Vec<Input> {
        self.route(RouterInput::Connect { url: url.to_owned(), now_ms })
    }

    /// `Output::Send`.
    pub fn send(&mut self, text: String) -> Vec<Input> {
        self.route(RouterInput::Send(text))
    }

    /// `Output::Close`.
    pub fn close(&mut self) -> Vec<Input> {
        self.route(RouterInput::Close)
    }

    /// Something the real socket reported.
    pub fn socket_event(&mut self, event: SocketEvent) -> Vec<Input> {
        self.route(match event {
            SocketEvent::Binary => {
                warn("ignored a binary frame");
                return Vec::new();
            }
            SocketEvent::Opened => RouterInput::SocketOpened,
            SocketEvent::Message(text) => RouterInput::SocketFrame(text),
            SocketEvent::Closed { code, reason } => RouterInput::SocketClosed { code, reason },
        })
    }

    /// Something the lock or the channel reported.
    pub fn tab_event(&mut self, event: TabEvent, now_ms: u64) -> Vec<Input> {
        self.route(match event {
            TabEvent::Leader => RouterInput::LockAcquired,
            TabEvent::Follower => RouterInput::LockHeld,
            TabEvent::LockDenied => RouterInput::LockDenied { now_ms },
            TabEvent::Message(text) => RouterInput::Channel { text, now_ms },
            TabEvent::PageHide => RouterInput::PageHide,
            TabEvent::PageShow => RouterInput::PageShow { now_ms },
        })
    }

    /// The page came online or became visible: a follower asks the leader to
    /// check. The driver gives the signal itself to the session.
    pub fn page_signal(&mut self, input: &Input) {
        if matches!(input, Input::Online | Input::Visible) {
            self.route(RouterInput::Check);
        }
    }

    /// Timers of the relay (and the election's fallback).
    pub fn tick(&mut self, now_ms: u64) -> Vec<Input> {
        self.route(RouterInput::Tick(now_ms))
    }

    /// When [`Transport::tick`] is due.
    pub fn next_timeout(&self) -> Option<u64> {
        self.router.poll_timeout()
    }

    /// Feeds `input` to the router and carries out its outputs; the inputs for
    /// the session are returned.
    fn route(&mut self, input: RouterInput) -> Vec<Input> {
        self.router.handle_input(input);
        let mut inputs = Vec::new();
        while let Some(output) = self.router.poll_output() {
            match output {
                RouterOutput::OpenSocket(url) => match Socket::connect(&url, self.on_socket.clone()) {
                    Ok(socket) => self.socket = Some(socket),
                    Err(reason) => self.router.handle_input(RouterInput::SocketClosed { code: 1006, reason }),
                },
                RouterOutput::CloseSocket => self.socket = None,
                RouterOutput::SendSocket(text) => {
                    if let Some(Err(e)) = self.socket.as_ref().map(|s| s.send(&text)) {
                        warn(&e);
                    }
                }
                RouterOutput::Post(text) => {
                    if let Some(tabs) = &self.tabs {
                        tabs.post(&text);
                    }
                }
                RouterOutput::Session(input) => inputs.push(input),
                // Nothing here depends on the role itself, only on what the router asks.
                RouterOutput::RoleChanged(_) => {}
                RouterOutput::Log(text) => warn(&text),
            }
        }
        inputs
    }
}
