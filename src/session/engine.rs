//! The session engine: one state machine driven by [`Input`]s and the clock,
//! answering with [`Output`]s (str0m style: `handle_input`, then drain `poll_output`).

use std::collections::VecDeque;

use serde_json::{Map, Value};

use crate::protocol::OutgoingFrame;

use super::backoff::Prng;
use super::config::{SessionConfig, Token};
use super::io::{ConnectionStatus, Input, Output, RequestError, SessionEvent};
use super::reconnect::Cause;
use super::requests::{RequestId, Requests};
use super::timers::earliest;
use super::url::{connect_url, is_valid_region, web_api_origin, DEFAULT_REGION};
use crate::protocol::request::{CustomerPage, LoginCustomer};

/// Where the session is; the socket is open in `AwaitingToken`, `LoggingIn` and `Connected`.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Phase {
    Idle,
    /// No socket yet: waiting for `Input::Token` (token first, so the service's 30 s
    /// login window is not spent on the identity provider); due by `deadline`.
    FetchingToken {
        deadline: u64,
    },
    /// `Output::Connect` emitted; `deadline` bounds a hanging connect.
    Connecting {
        deadline: u64,
    },
    /// Socket open, waiting for `Input::Token`; login due by `deadline`.
    AwaitingToken {
        deadline: u64,
    },
    /// Login sent with `login_id`; its response due by `deadline`.
    LoggingIn {
        login_id: String,
        deadline: u64,
    },
    Connected {
        ping_at: u64,
    },
    /// Reconnect at `at`; `server_wait` when the server chose the wait (not skipped early).
    Waiting {
        at: u64,
        server_wait: bool,
        reason: Cause,
    },
    Offline,
    Paused(Cause),
    /// The login was refused for a reason retrying cannot fix: until `Input::Retry`.
    Refused(Cause),
    Stopped(Cause),
}

/// The sans-IO session engine of one widget instance. See the [module docs](super).
#[derive(Debug)]
pub struct Session {
    pub(super) config: SessionConfig,
    pub(super) phase: Phase,
    pub(super) region: String,
    pub(super) token: Option<Token>,
    /// The next token must bypass the identity provider's cache.
    pub(super) need_fresh_token: bool,
    /// The token the current (or last) login used.
    pub(super) login_token: Option<Token>,
    /// A failed refresh is tried again no earlier than this.
    pub(super) refresh_retry_at: u64,
    /// `FetchToken` emitted, no `Input::Token` yet.
    pub(super) token_pending: bool,
    pub(super) storage: Map<String, Value>,
    pub(super) requests: Requests,
    pub(super) rng: Prng,
    /// Connections lost since the last successful login.
    pub(super) failures: u32,
    /// A fresh token was already tried after an authentication failure.
    pub(super) auth_retried: bool,
    /// Logins refused in a row (errors that stay), since the last good one or `Input::Retry`.
    pub(super) refused_logins: u32,
    /// The login goes without the configured `group_id` (it was not found or not allowed).
    pub(super) group_dropped: bool,
    pub(super) online: bool,
    /// The engine closed a socket and connected again at once: the old
    /// socket's `Closed` may still arrive while the new one is connecting.
    pub(super) stale_close_expected: bool,
    /// When the last frame arrived (or the socket opened).
    pub(super) last_rx_ms: u64,
    outputs: VecDeque<Output>,
    events: VecDeque<SessionEvent>,
    reported: ConnectionStatus,
}

impl Session {
    /// A session in the `Idle` state; send [`Input::Start`] to connect.
    pub fn new(config: SessionConfig) -> Self {
        let region = config.region.clone().filter(|r| is_valid_region(r)).unwrap_or_else(|| DEFAULT_REGION.to_owned());
        Session {
            region,
            token: config.token.clone(),
            need_fresh_token: false,
            login_token: None,
            refresh_retry_at: 0,
            token_pending: false,
            storage: config.customer_side_storage.clone(),
            // One slot stays free for the ping.
            requests: Requests::new(config.timings.max_in_flight.saturating_sub(1)),
            rng: Prng::new(config.seed),
            failures: 0,
            auth_retried: false,
            refused_logins: 0,
            group_dropped: false,
            online: true,
            stale_close_expected: false,
            last_rx_ms: 0,
            outputs: VecDeque::new(),
            events: VecDeque::new(),
            reported: ConnectionStatus::Idle,
            phase: Phase::Idle,
            config,
        }
    }

    /// Feeds one input at time `now_ms`; then drain [`Session::poll_output`].
    pub fn handle_input(&mut self, input: Input, now_ms: u64) {
        match input {
            Input::Start => {
                if self.phase == Phase::Idle {
                    self.connect(now_ms);
                }
            }
            Input::Opened => self.on_opened(now_ms),
            Input::Frame(text) => self.on_frame(&text, now_ms),
            Input::Closed { code, reason } => {
                let stale = self.stale_close_expected && matches!(self.phase, Phase::Connecting { .. });
                self.stale_close_expected = false;
                if !stale && self.socket_open_or_opening() {
                    self.end_connection(Cause::ConnectionLost { code, reason }, now_ms, false);
                }
            }
            Input::Tick => self.on_tick(now_ms),
            Input::Token(result) => self.on_token(result, now_ms),
            Input::Online => {
                self.online = true;
                self.check_now(now_ms);
            }
            Input::Visible => {
                if self.phase == Phase::Offline {
                    self.online = true;
                }
                self.check_now(now_ms);
            }
            Input::Offline => self.go_offline(),
            Input::Resume => {
                if matches!(self.phase, Phase::Paused(_)) {
                    self.failures = 0;
                    self.connect(now_ms);
                }
            }
            Input::Retry => {
                if matches!(self.phase, Phase::Refused(_)) {
                    // The customer asked: start over, the configured group and every remedy included.
                    self.failures = 0;
                    self.refused_logins = 0;
                    self.auth_retried = false;
                    self.group_dropped = false;
                    self.connect(now_ms);
                }
            }
            Input::Reconnect => self.reconnect_now(now_ms),
            Input::Shutdown => {
                if !matches!(self.phase, Phase::Stopped(_)) {
                    self.end_connection(Cause::Shutdown, now_ms, true);
                }
            }
        }
        self.after_input();
    }

    /// The next thing the driver must do, or `None` when drained.
    pub fn poll_output(&mut self) -> Option<Output> {
        self.outputs.pop_front()
    }

    /// The next thing the layer above should learn, or `None` when drained.
    /// Kept apart from [`Session::poll_output`], as quinn-proto keeps `poll` apart from
    /// `poll_transmit`: what to do and what happened are different queues.
    pub fn poll_event(&mut self) -> Option<SessionEvent> {
        self.events.pop_front()
    }

    /// When the driver should send [`Input::Tick`] next: the one timer protocol.
    /// Ask again after every input; `None` means no timer.
    pub fn poll_timeout(&self) -> Option<u64> {
        let t = &self.config.timings;
        match &self.phase {
            Phase::FetchingToken { deadline }
            | Phase::Connecting { deadline }
            | Phase::AwaitingToken { deadline }
            | Phase::LoggingIn { deadline, .. } => Some(*deadline),
            Phase::Connected { ping_at } => earliest([
                Some(*ping_at),
                Some(self.last_rx_ms.saturating_add(t.watchdog_ms)),
                self.requests.next_deadline(),
                self.token_refresh_at(),
            ]),
            Phase::Waiting { at, .. } => Some(*at),
            Phase::Idle | Phase::Offline | Phase::Paused(_) | Phase::Refused(_) | Phase::Stopped(_) => None,
        }
    }

    /// Sends `action` with `payload` as soon as the session is logged in and a
    /// slot is free (at most 10 in flight, FIFO). Usable in any state; the answer
    /// comes as [`SessionEvent::Response`] with the returned id.
    pub fn request(&mut self, action: &'static str, payload: Value, now_ms: u64) -> RequestId {
        let id = self.requests.next_id();
        if matches!(self.phase, Phase::Stopped(_)) {
            self.event(SessionEvent::Response { id, action, result: Err(RequestError::ConnectionLost) });
        } else {
            self.requests.enqueue(id, action, payload);
            self.flush(now_ms);
        }
        self.after_input();
        id
    }

    /// The current connection status.
    pub fn status(&self) -> ConnectionStatus {
        let attempt = self.failures;
        match &self.phase {
            Phase::Idle => ConnectionStatus::Idle,
            Phase::FetchingToken { .. } | Phase::Connecting { .. } => ConnectionStatus::Connecting { attempt },
            Phase::AwaitingToken { .. } | Phase::LoggingIn { .. } => ConnectionStatus::LoggingIn,
            Phase::Connected { .. } => ConnectionStatus::Connected,
            Phase::Waiting { at, reason, .. } => {
                ConnectionStatus::Reconnecting { attempt, at_ms: *at, reason: reason.clone() }
            }
            Phase::Offline => ConnectionStatus::Offline,
            Phase::Paused(reason) => ConnectionStatus::Paused { reason: reason.clone() },
            Phase::Refused(reason) => {
                ConnectionStatus::Refused { reason: reason.clone(), attempts: self.refused_logins }
            }
            Phase::Stopped(reason) => ConnectionStatus::Stopped { reason: reason.clone() },
        }
    }

    /// Whether the login goes without the configured `group_id` (it was not found
    /// or not allowed: the license's default group, 0, serves the customer).
    pub fn group_dropped(&self) -> bool {
        self.group_dropped
    }

    /// The region the session connects to (`"dal"` by default).
    pub fn region(&self) -> &str {
        &self.region
    }

    /// The current `customer_side_storage` map (sent with every login).
    pub fn customer_side_storage(&self) -> &Map<String, Value> {
        &self.storage
    }

    /// The origin of the Customer Chat Web API on the socket's region host, for
    /// example `https://api-fra.livechatinc.com` (`http` beside a `ws` socket).
    pub fn web_api_origin(&self) -> String {
        web_api_origin(&self.config.scheme, &self.config.base_host, &self.region)
    }

    /// The license the session connects for.
    pub fn license_id(&self) -> u64 {
        self.config.license_id
    }

    /// The token the session holds, if any (the Web API takes the same one).
    pub fn token(&self) -> Option<&Token> {
        self.token.as_ref()
    }

    /// The URL the next `Output::Connect` will carry.
    pub fn connect_url(&self) -> String {
        connect_url(&self.config.scheme, &self.config.base_host, &self.region, self.config.license_id)
    }

    /// The page the customer is on (`customer_page.url` of the login).
    pub fn page_url(&self) -> Option<&str> {
        self.config.customer_page.url.as_deref()
    }

    /// Updates the `customer_page` sent with the next login (after a navigation).
    pub fn set_customer_page(&mut self, page: CustomerPage) {
        self.config.customer_page = page;
    }

    /// Updates `is_mobile` sent with the next login (the host's viewport changed).
    pub fn set_is_mobile(&mut self, is_mobile: bool) {
        self.config.is_mobile = Some(is_mobile);
    }

    /// The `customer` the next login sends.
    pub fn customer(&self) -> &LoginCustomer {
        &self.config.customer
    }

    /// Updates the `customer` sent with the next login.
    pub fn set_customer(&mut self, customer: LoginCustomer) {
        self.config.customer = customer;
    }

    /// Requests sent and not yet answered.
    pub fn in_flight(&self) -> usize {
        self.requests.in_flight_len()
    }

    /// Requests waiting for login or for a free slot.
    pub fn queued(&self) -> usize {
        self.requests.queued_len()
    }

    // ----- outputs -----

    pub(super) fn push(&mut self, output: Output) {
        self.outputs.push_back(output);
    }

    pub(super) fn event(&mut self, event: SessionEvent) {
        self.events.push_back(event);
    }

    pub(super) fn malformed(&mut self, reason: String) {
        self.event(SessionEvent::Malformed { reason });
    }

    pub(super) fn send(&mut self, id: &str, action: &str, payload: &Value) {
        let text = OutgoingFrame { request_id: Some(id), action, payload }.to_json();
        self.push(Output::Send(text));
    }

    /// Reports a status change once per input.
    fn after_input(&mut self) {
        let status = self.status();
        if status != self.reported {
            self.reported = status.clone();
            self.event(SessionEvent::StatusChanged(status));
        }
    }
}
