//! The shared server state, the fan-out of pushes to open connections, and the queue
//! of domain events (`bus`) the methods emit.

use crate::bus::SandboxEvent;
use crate::config::Config;
use crate::error::RtmError;
use crate::faults::Faults;
use crate::frames::push_frame;
use crate::model::{Chat, Customer, License, TokenInfo};
use crate::util;
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;
use tokio::sync::{mpsc, watch};

/// Shared handle to the application.
pub type Shared = Arc<App>;

/// How to kill a socket without a close frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropMode {
    /// Stop reading and writing but keep the TCP connection open.
    HalfOpen,
    /// Drop the TCP connection at once, without a WebSocket close frame.
    Abort,
}

/// A message for one connection's task.
#[derive(Debug)]
pub enum Out {
    /// A push frame to send as is.
    Push(String),
    /// A (delayed) response frame; counts down the pending requests.
    Response(String),
    /// Send customer_disconnected with this reason and close.
    Disconnect {
        /// The reason.
        reason: String,
        /// Optional `data`.
        data: Option<Value>,
    },
    /// Kill the socket without a close frame.
    Drop(DropMode),
}

/// One open WebSocket connection.
#[derive(Debug)]
pub struct ConnEntry {
    /// License from the URL.
    pub license_id: u64,
    /// Data centre it connected to.
    pub region: &'static str,
    /// Customer once logged in.
    pub customer_id: Option<String>,
    /// `connected`, `logged_in` or `half_open`.
    pub status: &'static str,
    /// When it connected.
    pub connected_at: String,
    /// Its task's inbox.
    pub tx: mpsc::UnboundedSender<Out>,
}

/// Everything the sandbox knows.
#[derive(Debug, Default)]
pub struct State {
    /// Licenses by id.
    pub licenses: BTreeMap<u64, License>,
    /// Customers by id.
    pub customers: HashMap<String, Customer>,
    /// Access tokens.
    pub tokens: HashMap<String, TokenInfo>,
    /// Chats by id.
    pub chats: HashMap<String, Chat>,
    /// Open connections by id.
    pub conns: BTreeMap<u64, ConnEntry>,
    /// Fault settings.
    pub faults: Faults,
    /// Counter for connection ids and ordering.
    pub seq: u64,
    /// Whether the scripted agent acts.
    pub agent_enabled: bool,
    /// Greeting counter (configured greeting ids alternate).
    pub greetings_sent: u64,
    /// Recent activity for the console (newest last).
    pub log: Vec<Value>,
    /// What a client sent that the reference does not document, accepted (newest last,
    /// the first 1,000 kept): `{at, action, customer_id, message}`.
    pub warnings: Vec<Value>,
    /// Files uploaded with `upload_file`, oldest first (`uploads.rs`).
    pub files: Vec<crate::files::StoredFile>,
    /// Tickets left through `/v2/tickets/new`, oldest first.
    pub tickets: Vec<Value>,
    /// The ticket endpoint's fault: `fail` (500) or `hang` (no answer).
    pub ticket_fault: Option<String>,
}

/// The application: configuration, the bound port and the state.
#[derive(Debug)]
pub struct App {
    /// Configuration.
    pub cfg: Config,
    /// The port actually bound.
    pub port: u16,
    /// State behind one lock; never held across an await.
    pub st: Mutex<State>,
    /// Becomes `true` when the server stops.
    pub shutdown: watch::Receiver<bool>,
    /// Where `emit` queues domain events (the scripted agent reads them).
    pub events: mpsc::UnboundedSender<SandboxEvent>,
}

impl App {
    /// Locks the state (a poisoned lock is taken over: the state stays usable).
    pub fn lock(&self) -> MutexGuard<'_, State> {
        self.st.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A scripted-agent delay scaled by the time scale.
    pub fn scaled(&self, ms: u64) -> Duration {
        Duration::from_micros(((ms as f64) * 1000.0 * self.cfg.time_scale) as u64)
    }

    /// Sleeps a scaled delay; `false` if the server stopped meanwhile.
    pub async fn pause(&self, ms: u64) -> bool {
        let mut sd = self.shutdown.clone();
        if *sd.borrow() {
            return false;
        }
        tokio::select! {
            _ = tokio::time::sleep(self.scaled(ms)) => !*sd.borrow(),
            _ = sd.changed() => false,
        }
    }

    /// Queues a domain event for whoever reacts to it; never blocks, and once the
    /// server stopped nobody listens and the event is dropped.
    pub fn emit(&self, event: SandboxEvent) {
        let _ = self.events.send(event);
    }

    /// Records a warning (see `State::warn`); never call it while holding the lock.
    pub fn warn(&self, action: &str, customer_id: &str, message: impl Into<String>) {
        self.lock().warn(action, customer_id, message);
    }

    /// Logs a line when verbose.
    pub fn log(&self, line: impl AsRef<str>) {
        if self.cfg.verbose {
            eprintln!("[sandbox] {}", line.as_ref());
        }
    }
}

/// The requester of a push: its connection and request id.
pub type Origin<'a> = Option<(u64, Option<&'a Value>)>;

impl State {
    /// Next sequence number.
    pub fn next_seq(&mut self) -> u64 {
        self.seq += 1;
        self.seq
    }

    /// The customer's own chat, or `not_found` (also for another customer's chat).
    pub fn own_chat(&mut self, customer_id: &str, chat_id: &str) -> Result<&mut Chat, RtmError> {
        match self.chats.get_mut(chat_id) {
            Some(c) if c.customer_id == customer_id => Ok(c),
            _ => Err(RtmError::not_found("Chat not found")),
        }
    }

    /// Whether the customer has a logged-in connection.
    pub fn is_present(&self, customer_id: &str) -> bool {
        self.conns.values().any(|c| c.customer_id.as_deref() == Some(customer_id) && c.status == "logged_in")
    }

    /// Sends a push to every logged-in connection of a customer; the requester's copy
    /// carries its request_id. Returns how many connections got it.
    pub fn push_to_customer(&self, customer_id: &str, action: &str, payload: Value, origin: Origin<'_>) -> usize {
        let plain = push_frame(action, &payload, None);
        let mut n = 0;
        for (id, c) in &self.conns {
            if c.customer_id.as_deref() != Some(customer_id) || c.status != "logged_in" {
                continue;
            }
            let frame = match origin {
                Some((oid, Some(rid))) if oid == *id => push_frame(action, &payload, Some(rid)),
                _ => plain.clone(),
            };
            if c.tx.send(Out::Push(frame)).is_ok() {
                n += 1;
            }
        }
        n
    }

    /// Sends an instruction to the connections of one customer, or all with `None`.
    pub fn signal(&self, customer_id: Option<&str>, make: impl Fn() -> Out) -> usize {
        let mut n = 0;
        for c in self.conns.values() {
            if customer_id.is_none_or(|id| c.customer_id.as_deref() == Some(id)) && c.tx.send(make()).is_ok() {
                n += 1;
            }
        }
        n
    }

    /// Records a warning: the request was accepted, but the reference is silent on
    /// something in it. Shown in `/admin/state` (`warnings`), the activity log and stderr.
    pub fn warn(&mut self, action: &str, customer_id: &str, message: impl Into<String>) {
        let message = message.into();
        eprintln!("[sandbox] warning: {action} ({customer_id}): {message}");
        let w = json!({ "at": util::now_rfc3339(), "action": action, "customer_id": customer_id, "message": message });
        self.note("warning", customer_id, w.clone());
        if self.warnings.len() < 1000 {
            self.warnings.push(w);
        }
    }

    /// Adds an entry to the console's activity log (keeps the last 300).
    pub fn note(&mut self, kind: &str, customer_id: &str, detail: Value) {
        self.log.push(json!({ "at": util::now_rfc3339(), "kind": kind, "customer_id": customer_id, "detail": detail }));
        if self.log.len() > 300 {
            let extra = self.log.len() - 300;
            self.log.drain(..extra);
        }
    }
}
