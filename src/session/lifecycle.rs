//! The connection lifecycle: connect, token, login, ping, timers, and ending a
//! connection through the reconnect policy table.

use serde_json::{Map, Value};

use super::backoff::backoff_delay;
use super::config::Token;
use super::engine::{Phase, Session};
use super::io::{Output, RequestError, SessionEvent};
use super::reconnect::{is_refused_login, policy, Action, Cause, Delay, PolicyContext};
use super::requests::Pending;
use super::timers::due;
use crate::protocol::request::Login;

impl Session {
    pub(super) fn socket_open_or_opening(&self) -> bool {
        matches!(
            self.phase,
            Phase::Connecting { .. } | Phase::AwaitingToken { .. } | Phase::LoggingIn { .. } | Phase::Connected { .. }
        )
    }

    pub(super) fn connect(&mut self, now_ms: u64) {
        if !self.online {
            self.phase = Phase::Offline;
            return;
        }
        self.stale_close_expected = false;
        if !self.token_usable(now_ms) {
            self.phase = Phase::FetchingToken { deadline: now_ms.saturating_add(self.config.timings.token_timeout_ms) };
            self.fetch_token();
            return;
        }
        self.open_socket(now_ms);
    }

    fn open_socket(&mut self, now_ms: u64) {
        let url = self.connect_url();
        self.phase = Phase::Connecting { deadline: now_ms.saturating_add(self.config.timings.login_timeout_ms) };
        self.push(Output::Connect { url });
    }

    /// A token is held, not rejected, and fresh for a while yet.
    fn token_usable(&self, now_ms: u64) -> bool {
        let margin = self.config.timings.token_margin_ms;
        !self.need_fresh_token && self.token.as_ref().is_some_and(|t| t.is_fresh_at(now_ms, margin))
    }

    fn fetch_token(&mut self) {
        if !self.token_pending {
            self.token_pending = true;
            // A held token that expired must not come back from a cache either.
            let fresh = self.need_fresh_token || self.token.is_some();
            self.push(Output::FetchToken { fresh });
        }
    }

    pub(super) fn on_opened(&mut self, now_ms: u64) {
        if !matches!(self.phase, Phase::Connecting { .. }) {
            return;
        }
        self.stale_close_expected = false;
        self.last_rx_ms = now_ms;
        let deadline = now_ms.saturating_add(self.config.timings.login_timeout_ms);
        if self.token_usable(now_ms) {
            self.send_login(deadline);
            return;
        }
        // The token went stale while the socket opened (it was fetched first).
        self.phase = Phase::AwaitingToken { deadline };
        self.fetch_token();
    }

    pub(super) fn on_token(&mut self, result: Result<Token, String>, now_ms: u64) {
        self.token_pending = false;
        match result {
            Ok(token) => {
                self.token = Some(token);
                self.need_fresh_token = false;
                match self.phase {
                    Phase::FetchingToken { .. } => self.open_socket(now_ms),
                    Phase::AwaitingToken { deadline } => self.send_login(deadline),
                    _ => {}
                }
            }
            Err(e) => {
                if matches!(self.phase, Phase::FetchingToken { .. } | Phase::AwaitingToken { .. }) {
                    self.end_connection(Cause::TokenFailed(e), now_ms, true);
                } else {
                    // A refresh while connected: the current token still works; try again later.
                    self.refresh_retry_at = now_ms.saturating_add(self.config.timings.backoff_cap_ms);
                }
            }
        }
    }

    pub(super) fn send_login(&mut self, deadline: u64) {
        let Some(token) = self.token.as_ref() else { return };
        let c = &self.config;
        let payload = Login {
            token: token.login_value(),
            customer: Some(c.customer.clone()).filter(|x| !x.is_empty()),
            customer_page: Some(c.customer_page.clone()).filter(|x| !x.is_empty()),
            customer_side_storage: Some(self.storage.clone()).filter(|m| !m.is_empty()),
            is_mobile: c.is_mobile,
            group_id: c.group_id.filter(|_| !self.group_dropped).and_then(|g| u32::try_from(g).ok()),
            referrer: c.referrer.clone(),
            application: c.application.clone(),
        };
        self.login_token = Some(token.clone());
        let login_id = self.requests.next_id().wire();
        self.send(&login_id, "login", &payload.to_value());
        self.phase = Phase::LoggingIn { login_id, deadline };
    }

    /// Login succeeded: reset the backoff, start pinging, send what waited.
    pub(super) fn logged_in(&mut self, payload: Value, now_ms: u64) {
        self.failures = 0;
        self.auth_retried = false;
        self.refused_logins = 0;
        self.phase = Phase::Connected { ping_at: now_ms.saturating_add(self.config.timings.ping_interval_ms) };
        self.event(SessionEvent::LoggedIn { payload });
        self.flush(now_ms);
    }

    pub(super) fn send_ping(&mut self, now_ms: u64) {
        let id = self.requests.next_id().wire();
        self.send(&id, "ping", &Value::Object(Map::new()));
        self.phase = Phase::Connected { ping_at: now_ms.saturating_add(self.config.timings.ping_interval_ms) };
    }

    /// Sends queued requests while logged in and slots are free.
    pub(super) fn flush(&mut self, now_ms: u64) {
        if !matches!(self.phase, Phase::Connected { .. }) {
            return;
        }
        for req in self.requests.take_sendable(now_ms, self.config.timings.request_timeout_ms) {
            self.send(&req.id.wire(), req.action, &req.payload);
        }
    }

    pub(super) fn fail(&mut self, reqs: Vec<Pending>, error: RequestError) {
        for r in reqs {
            self.event(SessionEvent::Response { id: r.id, action: r.action, result: Err(error.clone()) });
        }
    }

    pub(super) fn on_tick(&mut self, now_ms: u64) {
        let t = self.config.timings;
        match self.phase.clone() {
            Phase::FetchingToken { deadline } if now_ms >= deadline => {
                self.end_connection(Cause::TokenFailed("no answer from the identity provider".into()), now_ms, true)
            }
            Phase::Connecting { deadline } if now_ms >= deadline => {
                self.end_connection(Cause::ConnectTimeout, now_ms, true)
            }
            Phase::AwaitingToken { deadline } | Phase::LoggingIn { deadline, .. } if now_ms >= deadline => {
                self.end_connection(Cause::LoginTimeout, now_ms, true)
            }
            Phase::Connected { ping_at } => {
                if due(Some(self.last_rx_ms.saturating_add(t.watchdog_ms)), now_ms) {
                    self.end_connection(Cause::PingTimeout, now_ms, true);
                    return;
                }
                let expired = self.requests.expire(now_ms);
                self.fail(expired, RequestError::Timeout);
                self.flush(now_ms);
                if now_ms >= ping_at {
                    self.send_ping(now_ms);
                }
                if due(self.token_refresh_at(), now_ms) {
                    self.token_pending = true;
                    self.push(Output::FetchToken { fresh: true });
                }
            }
            Phase::Waiting { at, .. } if now_ms >= at => self.connect(now_ms),
            _ => {}
        }
    }

    /// When to fetch the next token while connected: `token_refresh_lead_ms`
    /// before the login's token expires, unless a newer one is held or on its way.
    pub(super) fn token_refresh_at(&self) -> Option<u64> {
        if self.token_pending || self.token != self.login_token {
            return None;
        }
        let expires_at = self.token.as_ref()?.expires_at_ms?;
        Some(expires_at.saturating_sub(self.config.timings.token_refresh_lead_ms).max(self.refresh_retry_at))
    }

    /// Visible / Online: ping now if connected, reconnect now if waiting.
    pub(super) fn check_now(&mut self, now_ms: u64) {
        match self.phase {
            Phase::Connected { .. } => {
                if due(Some(self.last_rx_ms.saturating_add(self.config.timings.watchdog_ms)), now_ms) {
                    self.end_connection(Cause::PingTimeout, now_ms, true);
                } else {
                    self.send_ping(now_ms);
                }
            }
            Phase::Waiting { server_wait: false, .. } | Phase::Offline => self.connect(now_ms),
            _ => {}
        }
    }

    /// `Input::Reconnect`: a new transport, at once; what was in flight is lost
    /// (the layer above reconciles it after the next login).
    pub(super) fn reconnect_now(&mut self, now_ms: u64) {
        if self.socket_open_or_opening() {
            self.close_and_fail_in_flight();
            self.token_pending = false;
            self.connect(now_ms);
            self.stale_close_expected = true;
        } else if matches!(self.phase, Phase::Waiting { server_wait: false, .. }) {
            self.connect(now_ms);
        }
    }

    pub(super) fn go_offline(&mut self) {
        self.online = false;
        if self.socket_open_or_opening() {
            self.close_and_fail_in_flight();
            self.phase = Phase::Offline;
        } else if matches!(self.phase, Phase::Waiting { .. } | Phase::FetchingToken { .. }) {
            self.phase = Phase::Offline;
        }
    }

    /// Lets go of the socket; what was in flight fails as `ConnectionLost`.
    fn close_and_fail_in_flight(&mut self) {
        self.push(Output::Close);
        let lost = self.requests.drain_in_flight();
        self.fail(lost, RequestError::ConnectionLost);
    }

    /// The connection ended for `cause`: close it (unless the socket already
    /// closed), fail what was in flight, and do what the policy table says.
    pub(super) fn end_connection(&mut self, cause: Cause, now_ms: u64, close_socket: bool) {
        let closing = close_socket && self.socket_open_or_opening();
        if closing {
            self.push(Output::Close);
        }
        let lost = self.requests.drain_in_flight();
        self.fail(lost, RequestError::ConnectionLost);
        // Ask again next time rather than wait on a token request that may be lost;
        // a late answer is still kept.
        self.token_pending = false;
        if is_refused_login(&cause) {
            self.refused_logins = self.refused_logins.saturating_add(1);
        }
        let ctx = PolicyContext {
            auth_retried: self.auth_retried,
            group_to_drop: self.config.group_id.is_some_and(|g| g != 0) && !self.group_dropped,
            refused_logins: self.refused_logins,
            region: &self.region,
        };
        match policy(&cause, ctx) {
            Action::Reconnect { delay, fresh_token, region, drop_group } => {
                self.failures = self.failures.saturating_add(1);
                self.group_dropped |= drop_group;
                if fresh_token {
                    // A token refreshed during the connection is already the fresh one.
                    let refreshed = self.token != self.login_token
                        && self
                            .token
                            .as_ref()
                            .is_some_and(|t| t.is_fresh_at(now_ms, self.config.timings.token_margin_ms));
                    if !refreshed {
                        self.token = None;
                        self.need_fresh_token = true;
                    }
                    self.auth_retried = true;
                }
                if let Some(region) = region {
                    self.region = region.clone();
                    let key = self.config.region_key.clone();
                    self.push(Output::Store { key, value: region });
                }
                let t = self.config.timings;
                match delay {
                    Delay::Now => {
                        self.connect(now_ms);
                        self.stale_close_expected = closing;
                    }
                    Delay::Backoff => {
                        let wait = backoff_delay(self.failures, t.backoff_base_ms, t.backoff_cap_ms, &mut self.rng);
                        self.wait(now_ms.saturating_add(wait), false, cause);
                    }
                    Delay::ServerWait(ms) => {
                        self.wait(now_ms.saturating_add(ms.unwrap_or(t.blocked_wait_ms)), true, cause);
                    }
                }
            }
            Action::Pause => self.phase = Phase::Paused(cause),
            Action::Refuse => self.phase = Phase::Refused(cause),
            Action::Stop => {
                let queued = self.requests.drain_queue();
                self.fail(queued, RequestError::ConnectionLost);
                self.phase = Phase::Stopped(cause);
            }
        }
    }

    pub(super) fn wait(&mut self, at: u64, server_wait: bool, reason: Cause) {
        self.phase = if self.online { Phase::Waiting { at, server_wait, reason } } else { Phase::Offline };
    }
}
