//! [`Hub`]: the leader tab's side. It owns the view of the one real RTM
//! connection and multiplexes the followers' virtual connections over it.

use std::collections::VecDeque;

use serde_json::{Map, Value};

use super::envelope::{self, field, forwarded_id, split_forwarded, with_request_id};
use super::message::Message;

/// A virtual connection silent for this long is dropped (its tab went away without
/// saying so). Followers ping every 15 s (spec: "Access > Server pinging"), so a
/// live one is never this quiet.
pub const CONN_IDLE_MS: u64 = 60_000;

/// What the leader's driver must do; drain [`Hub::poll_output`] after every call.
#[derive(Debug, Clone, PartialEq)]
pub enum HubOutput {
    /// Post this on the tabs' channel.
    Broadcast(Message),
    /// Send this frame on the real socket.
    SendReal(String),
    /// Give this frame to the leader's own session (`Input::Frame`).
    Local(String),
    /// A follower's page became visible or came online: check the real socket now
    /// (`Input::Visible` to the leader's own session).
    Check,
    /// Something to log; never fatal.
    Log(String),
}

/// One follower's virtual connection.
#[derive(Debug)]
struct Follower {
    last_seen: u64,
    logged_in: bool,
    /// The follower's `login` waits for the real connection's: its `request_id`, if any.
    pending_login: Option<Option<String>>,
}

/// The real connection as the hub has seen it pass.
#[derive(Debug, Default)]
enum Real {
    /// No socket, or not logged in yet.
    #[default]
    Down,
    /// The leader's own `login` went out with this `request_id`.
    LoggingIn(Option<String>),
    /// Logged in: the login response payload and the `customer_side_storage_updated` push that followed.
    LoggedIn { login_id: Option<String>, payload: Value, storage: Option<Value> },
}

/// The leader's multiplexer (sans IO). See the [module docs](super).
#[derive(Debug)]
pub struct Hub {
    tab: String,
    /// The virtual connections, sorted by id (a sorted Vec: few, and no map code to link).
    followers: Vec<(String, Follower)>,
    real: Real,
    out: VecDeque<HubOutput>,
}

impl Hub {
    /// The hub of the tab with id `tab`.
    pub fn new(tab: impl Into<String>) -> Hub {
        Hub { tab: tab.into(), followers: Vec::new(), real: Real::Down, out: VecDeque::new() }
    }

    /// Tells every tab that this one leads now: their connections to an older leader are gone.
    pub fn announce(&mut self) {
        self.broadcast(Message::Leader { leader: self.tab.clone() });
    }

    /// The next thing to do, or `None` when drained.
    pub fn poll_output(&mut self) -> Option<HubOutput> {
        self.out.pop_front()
    }

    /// How many followers have a virtual connection.
    pub fn followers(&self) -> usize {
        self.followers.len()
    }

    /// The leader's own session sends `text`: it goes out on the real socket; a
    /// `login` is remembered so that its answer can be given to the followers.
    pub fn send_local(&mut self, text: String) {
        if let Some(frame) = envelope::parse(&text) {
            if field(&frame, "action") == Some("login") {
                self.real = Real::LoggingIn(field(&frame, "request_id").map(str::to_owned));
            }
        }
        self.out.push_back(HubOutput::SendReal(text));
    }

    /// The real socket closed (or the leader's session let go of it). Followers
    /// logged in over it lose their virtual connections, as they would a socket;
    /// followers still waiting for a login keep waiting for the next one.
    pub fn real_closed(&mut self, reason: &str) {
        self.real = Real::Down;
        self.close_followers(reason, |f| f.logged_in);
    }

    /// A frame from the real socket: to the leader's session, to the follower
    /// whose request it answers (with its own `request_id`), or, for a push, to
    /// every tab (with the `request_id` only for the requester, as the server does).
    pub fn real_frame(&mut self, text: String) {
        let Some(frame) = envelope::parse(&text) else {
            self.out.push_back(HubOutput::Local(text));
            return;
        };
        let is_push = field(&frame, "type") == Some("push");
        let request_id = field(&frame, "request_id").map(str::to_owned);
        let forwarded =
            request_id.as_deref().and_then(split_forwarded).map(|(c, o)| (c.to_owned(), o.map(str::to_owned)));
        if let Some((conn, original)) = forwarded {
            let known = self.slot(&conn).is_ok();
            if is_push {
                let others = self.push_recipients(&frame, Some(&conn));
                let stripped = with_request_id(frame.clone(), None);
                self.out.push_back(HubOutput::Local(stripped.clone()));
                self.down(others, stripped);
            }
            if known {
                self.down(vec![conn], with_request_id(frame, original.as_deref()));
            }
            return;
        }
        if is_push {
            self.on_own_push(&frame, request_id.as_deref());
            let recipients = self.push_recipients(&frame, None);
            let stripped = if request_id.is_some() { with_request_id(frame, None) } else { text.clone() };
            self.down(recipients, stripped);
        } else if let Real::LoggingIn(login_id) = &self.real {
            let is_login = match (&request_id, login_id) {
                (Some(got), Some(sent)) => got == sent,
                _ => field(&frame, "action") == Some("login"),
            };
            if is_login && frame.get("success") == Some(&Value::Bool(true)) {
                let payload = frame.get("payload").cloned().unwrap_or(Value::Object(Map::new()));
                self.real = Real::LoggedIn { login_id: login_id.clone(), payload, storage: None };
                self.answer_pending_logins();
            }
        }
        self.out.push_back(HubOutput::Local(text));
    }

    /// A message from another tab at `now_ms`.
    pub fn channel(&mut self, message: Message, now_ms: u64) {
        match message {
            Message::Open { conn } => {
                let follower = Follower { last_seen: now_ms, logged_in: false, pending_login: None };
                match self.slot(&conn) {
                    Ok(i) => self.followers[i].1 = follower,
                    Err(i) => self.followers.insert(i, (conn.clone(), follower)),
                }
                self.broadcast(Message::Opened { conn, leader: self.tab.clone() });
            }
            Message::Up { conn, text } => self.follower_frame(conn, text, now_ms),
            Message::Close { conn } => {
                if let Ok(i) = self.slot(&conn) {
                    self.followers.remove(i);
                }
            }
            Message::Check => self.out.push_back(HubOutput::Check),
            // Another leader's traffic (the election settles who leads) and election messages.
            Message::Opened { .. }
            | Message::Down { .. }
            | Message::Closed { .. }
            | Message::Leader { .. }
            | Message::Claim { .. }
            | Message::Leaving { .. } => {}
        }
    }

    /// Drops virtual connections silent for [`CONN_IDLE_MS`].
    pub fn tick(&mut self, now_ms: u64) {
        self.close_followers("idle virtual connection", |f| now_ms >= f.last_seen.saturating_add(CONN_IDLE_MS));
    }

    /// When [`Hub::tick`] is due next.
    pub fn next_timeout(&self) -> Option<u64> {
        self.followers.iter().map(|(_, f)| f.last_seen.saturating_add(CONN_IDLE_MS)).min()
    }

    fn follower_frame(&mut self, conn: String, text: String, now_ms: u64) {
        let Some(follower) = self.follower(&conn) else {
            // A frame meant for a leader that is gone: make the follower reconnect.
            self.broadcast(Message::Closed { conn, code: 1006, reason: "unknown virtual connection".into() });
            return;
        };
        follower.last_seen = now_ms;
        let logged_in = follower.logged_in;
        let Some(frame) = envelope::parse(&text) else {
            self.log(format!("dropped a frame from tab connection {conn} that is not a JSON object"));
            return;
        };
        let id = field(&frame, "request_id").map(str::to_owned);
        match field(&frame, "action") {
            // Spec "Login": the real connection is logged in once, for every tab.
            Some("login") => {
                if let Some(f) = self.follower(&conn) {
                    f.pending_login = Some(id);
                }
                if matches!(self.real, Real::LoggedIn { .. }) {
                    self.answer_pending_logins();
                }
            }
            // Spec "Access > Server pinging": the leader pings the real socket;
            // before login a ping is a no-op.
            Some("ping") if logged_in => {
                self.down(vec![conn], envelope::response(id.as_deref(), "ping", Value::Object(Map::new())))
            }
            Some("ping") => {}
            Some(action) if !logged_in => {
                let answer = envelope::error(id.as_deref(), action, "authentication", "log in first");
                self.down(vec![conn], answer);
            }
            Some(_) => {
                let rewritten = forwarded_id(&conn, id.as_deref());
                self.out.push_back(HubOutput::SendReal(with_request_id(frame, Some(&rewritten))));
            }
            None => self.log(format!("dropped a frame without an action from tab connection {conn}")),
        }
    }

    /// Answers every follower `login` that waited, from the real connection's own.
    fn answer_pending_logins(&mut self) {
        let Real::LoggedIn { payload, storage, .. } = &self.real else { return };
        let (payload, storage) = (payload.clone(), storage.clone());
        let waiting: Vec<(String, Option<String>)> = self
            .followers
            .iter_mut()
            .filter_map(|(conn, f)| f.pending_login.take().map(|id| (conn.clone(), id)))
            .collect();
        for (conn, id) in waiting {
            if let Some(f) = self.follower(&conn) {
                f.logged_in = true;
            }
            self.down(vec![conn.clone()], envelope::response(id.as_deref(), "login", payload.clone()));
            if let Some(storage) = &storage {
                self.down(vec![conn], envelope::push(id.as_deref(), "customer_side_storage_updated", storage.clone()));
            }
        }
    }

    /// Remembers the `customer_side_storage_updated` push that follows the leader's login.
    fn on_own_push(&mut self, frame: &Map<String, Value>, request_id: Option<&str>) {
        if field(frame, "action") != Some("customer_side_storage_updated") {
            return;
        }
        if let Real::LoggedIn { login_id, storage, .. } = &mut self.real {
            if login_id.is_none() || login_id.as_deref() == request_id {
                *storage = frame.get("payload").cloned();
            }
        }
    }

    /// Who gets a push: the logged-in followers, and for `customer_disconnected`
    /// every follower (one still waiting for its login must stop or move as well).
    fn push_recipients(&self, frame: &Map<String, Value>, except: Option<&str>) -> Vec<String> {
        let everyone = field(frame, "action") == Some("customer_disconnected");
        self.followers
            .iter()
            .filter(|(conn, f)| (everyone || f.logged_in) && Some(conn.as_str()) != except)
            .map(|(conn, _)| conn.clone())
            .collect()
    }

    /// Drops the virtual connections for which `gone` holds and tells their tabs (code 1006).
    fn close_followers(&mut self, reason: &str, gone: impl Fn(&Follower) -> bool) {
        let out = &mut self.out;
        self.followers.retain(|(conn, f)| {
            if !gone(f) {
                return true;
            }
            let closed = Message::Closed { conn: conn.clone(), code: 1006, reason: reason.to_owned() };
            out.push_back(HubOutput::Broadcast(closed));
            false
        });
    }

    /// Where `conn` is in `followers` (or would go).
    fn slot(&self, conn: &str) -> Result<usize, usize> {
        self.followers.binary_search_by(|(c, _)| c.as_str().cmp(conn))
    }

    fn follower(&mut self, conn: &str) -> Option<&mut Follower> {
        let i = self.slot(conn).ok()?;
        Some(&mut self.followers[i].1)
    }

    fn down(&mut self, conns: Vec<String>, text: String) {
        if !conns.is_empty() {
            self.broadcast(Message::Down { conns, text });
        }
    }

    fn broadcast(&mut self, message: Message) {
        self.out.push_back(HubOutput::Broadcast(message));
    }

    fn log(&mut self, text: String) {
        self.out.push_back(HubOutput::Log(text));
    }
}
