//! Test harness for the session engine, in the manner of str0m's
//! `tests/common.rs`: a fake clock, a scripted server that reads `Send`
//! outputs and answers with frames, and helpers to drain and inspect outputs.
#![allow(dead_code)]

use std::collections::VecDeque;

use livechat_widget::session::{
    ConnectionStatus, Input, Output, RequestError, RequestId, Session, SessionConfig, SessionEvent, Token,
};
use serde_json::{json, Value};

/// Start of the fake clock (any non-zero epoch will do).
pub const T0: u64 = 1_000_000;

/// A token that never expires.
pub fn token() -> Token {
    Token { token_type: "Bearer".into(), access_token: "dal:test_token".into(), expires_at_ms: None }
}

/// A config holding a token, with a fixed seed.
pub fn config() -> SessionConfig {
    let mut c = SessionConfig::new(123, None);
    c.token = Some(token());
    c.seed = 42;
    c
}

/// A config with no token: the engine must ask for one.
pub fn config_without_token() -> SessionConfig {
    let mut c = config();
    c.token = None;
    c
}

/// One session, its clock, its timer and everything it said.
pub struct Harness {
    /// The engine under test.
    pub s: Session,
    /// The fake clock (ms).
    pub now: u64,
    /// The engine's [`Session::poll_timeout`] after the last input.
    pub timer: Option<u64>,
    /// Answer every ping at once, like a healthy server.
    pub auto_pong: bool,
    /// Frames the engine sent, parsed.
    pub sent: Vec<Value>,
    /// Every other output, in order (Send excluded).
    pub log: Vec<Output>,
    /// Events for the layer above, in order.
    pub events: Vec<SessionEvent>,
    inbox: VecDeque<String>,
}

impl Harness {
    /// A harness around a fresh `Idle` session at `T0`.
    pub fn new(config: SessionConfig) -> Self {
        Harness {
            s: Session::new(config),
            now: T0,
            timer: None,
            auto_pong: false,
            sent: Vec::new(),
            log: Vec::new(),
            events: Vec::new(),
            inbox: VecDeque::new(),
        }
    }

    /// Feeds one input at the current time and drains all outputs.
    pub fn input(&mut self, input: Input) {
        self.s.handle_input(input, self.now);
        self.drain();
    }

    /// Calls `Session::request` and drains.
    pub fn request(&mut self, action: &'static str, payload: Value) -> RequestId {
        let id = self.s.request(action, payload, self.now);
        self.drain();
        id
    }

    /// Drains outputs; frames the scripted server queued are fed in turn.
    pub fn drain(&mut self) {
        loop {
            while let Some(out) = self.s.poll_output() {
                match out {
                    Output::Send(text) => {
                        let v: Value = serde_json::from_str(&text).expect("engine sent invalid JSON");
                        if self.auto_pong && v["action"] == "ping" {
                            self.inbox.push_back(ok_frame(&v, json!({})));
                        }
                        self.sent.push(v);
                    }
                    other => self.log.push(other),
                }
            }
            self.events.extend(std::iter::from_fn(|| self.s.poll_event()));
            match self.inbox.pop_front() {
                Some(frame) => self.s.handle_input(Input::Frame(frame), self.now),
                None => break,
            }
        }
        // As the driver does: one timer, for whatever the engine says is next.
        self.timer = self.s.poll_timeout();
    }

    /// Moves the clock forward by `ms`, firing the armed timer whenever it falls due.
    pub fn advance(&mut self, ms: u64) {
        let target = self.now + ms;
        for _ in 0..100_000 {
            match self.timer {
                Some(at) if at <= target => {
                    self.now = self.now.max(at);
                    self.timer = None;
                    self.input(Input::Tick);
                }
                _ => {
                    self.now = target;
                    return;
                }
            }
        }
        panic!("timer never settled");
    }

    /// Moves the clock without firing any timer (a throttled background tab).
    pub fn sleep_without_ticks(&mut self, ms: u64) {
        self.now += ms;
    }

    /// Feeds a raw frame.
    pub fn frame(&mut self, text: &str) {
        self.input(Input::Frame(text.to_owned()));
    }

    /// Feeds a push frame.
    pub fn push(&mut self, action: &str, payload: Value, request_id: Option<&str>) {
        let mut f = json!({ "action": action, "type": "push", "payload": payload });
        if let Some(id) = request_id {
            f["request_id"] = json!(id);
        }
        self.frame(&f.to_string());
    }

    /// Answers a sent request successfully.
    pub fn respond_ok(&mut self, req: &Value, payload: Value) {
        self.frame(&ok_frame(req, payload));
    }

    /// Answers a sent request with an error of `kind` and optional `data`.
    pub fn respond_err(&mut self, req: &Value, kind: &str, data: Option<Value>) {
        let mut error = json!({ "type": kind, "message": "scripted" });
        if let Some(d) = data {
            error["data"] = d;
        }
        let f = json!({ "request_id": req["request_id"], "action": req["action"], "type": "response", "success": false, "error": error });
        self.frame(&f.to_string());
    }

    /// Takes the frames sent so far.
    pub fn take_sent(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.sent)
    }

    /// Takes the non-Send outputs so far.
    pub fn take_log(&mut self) -> Vec<Output> {
        std::mem::take(&mut self.log)
    }

    /// Takes the events so far.
    pub fn take_events(&mut self) -> Vec<SessionEvent> {
        std::mem::take(&mut self.events)
    }

    /// The sent frames with this action.
    pub fn sent_with(&self, action: &str) -> Vec<Value> {
        self.sent.iter().filter(|v| v["action"] == action).cloned().collect()
    }

    /// The last sent frame with this action.
    pub fn last_sent(&self, action: &str) -> Value {
        self.sent_with(action).pop().unwrap_or_else(|| panic!("no `{action}` sent; sent: {:?}", self.sent))
    }

    /// Connect URLs requested so far.
    pub fn connects(&self) -> Vec<String> {
        self.log.iter().filter_map(|o| if let Output::Connect { url } = o { Some(url.clone()) } else { None }).collect()
    }

    /// How many times the engine asked to close the socket.
    pub fn closes(&self) -> usize {
        self.log.iter().filter(|o| matches!(o, Output::Close)).count()
    }

    /// `fresh` of every FetchToken so far.
    pub fn token_fetches(&self) -> Vec<bool> {
        self.log.iter().filter_map(|o| if let Output::FetchToken { fresh } = o { Some(*fresh) } else { None }).collect()
    }

    /// Every Store so far.
    pub fn stores(&self) -> Vec<(String, String)> {
        self.log
            .iter()
            .filter_map(
                |o| if let Output::Store { key, value } = o { Some((key.clone(), value.clone())) } else { None },
            )
            .collect()
    }

    /// Status changes reported so far.
    pub fn statuses(&self) -> Vec<ConnectionStatus> {
        self.events
            .iter()
            .filter_map(|e| if let SessionEvent::StatusChanged(s) = e { Some(s.clone()) } else { None })
            .collect()
    }

    /// Malformed reasons reported so far.
    pub fn malformed(&self) -> Vec<String> {
        self.events
            .iter()
            .filter_map(|e| if let SessionEvent::Malformed { reason } = e { Some(reason.clone()) } else { None })
            .collect()
    }

    /// Results of finished requests so far.
    pub fn responses(&self) -> Vec<(RequestId, &'static str, Result<Value, RequestError>)> {
        self.events
            .iter()
            .filter_map(|e| match e {
                SessionEvent::Response { id, action, result } => Some((*id, *action, result.clone())),
                _ => None,
            })
            .collect()
    }

    /// `Start`, `Opened`, and a successful login answer (the config holds a token).
    pub fn start_and_login(&mut self) {
        self.input(Input::Start);
        self.open_and_login();
    }

    /// Answers an unanswered `FetchToken` (the last output) with [`token`].
    pub fn give_token_if_asked(&mut self) {
        if matches!(self.log.last(), Some(Output::FetchToken { .. })) {
            self.input(Input::Token(Ok(token())));
        }
    }

    /// A token if asked for (before the socket), `Opened` (a token again if the held
    /// one went stale meanwhile) and a successful login answer.
    pub fn open_and_login(&mut self) {
        self.give_token_if_asked();
        self.input(Input::Opened);
        self.give_token_if_asked();
        let login = self.last_sent("login");
        self.respond_ok(&login, json!({ "customer": { "id": "c1" }, "chats": [] }));
        assert_eq!(self.s.status(), ConnectionStatus::Connected, "login should succeed");
    }

    /// Waits out a reconnect delay (if any) and logs in again.
    pub fn reconnect_and_login(&mut self) {
        if let ConnectionStatus::Reconnecting { at_ms, .. } = self.s.status() {
            self.advance(at_ms - self.now);
        }
        assert!(matches!(self.s.status(), ConnectionStatus::Connecting { .. }), "status {:?}", self.s.status());
        self.open_and_login();
    }
}

/// A success response frame to request `req`.
pub fn ok_frame(req: &Value, payload: Value) -> String {
    json!({ "request_id": req["request_id"], "action": req["action"], "type": "response", "success": true, "payload": payload })
        .to_string()
}
