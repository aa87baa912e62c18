//! Incoming frames: login and request responses, pushes the engine acts on.

use serde_json::Value;

use crate::protocol::{CustomerDisconnected, ErrorType, FrameKind, IncomingFrame, RtmError};

use super::engine::{Phase, Session};
use super::io::{Output, RequestError, SessionEvent};
use super::reconnect::Cause;
use super::requests::Pending;

impl Session {
    /// One text frame from the socket. Bad frames become `Malformed` events; never fatal.
    pub(super) fn on_frame(&mut self, text: &str, now_ms: u64) {
        if !matches!(self.phase, Phase::AwaitingToken { .. } | Phase::LoggingIn { .. } | Phase::Connected { .. }) {
            return; // A socket this session already let go of.
        }
        // Anything at all, even garbage, proves the socket is alive.
        self.last_rx_ms = now_ms;
        match IncomingFrame::decode(text) {
            Err(e) => self.malformed(e.to_string()),
            Ok(frame) if frame.kind == FrameKind::Push => self.on_push(frame, now_ms),
            Ok(frame) => self.on_response(frame, now_ms),
        }
    }

    fn on_response(&mut self, frame: IncomingFrame, now_ms: u64) {
        if let Phase::LoggingIn { login_id, .. } = &self.phase {
            let is_login = match frame.request_id.as_deref() {
                Some(id) => id == login_id,
                None => frame.action == "login",
            };
            if is_login {
                if frame.success {
                    self.logged_in(frame.payload, now_ms);
                } else {
                    let error = frame.error.unwrap_or_else(|| RtmError::from_json(&Value::Null));
                    self.end_connection(Cause::LoginFailed(error), now_ms, true);
                }
                return;
            }
        }
        if let Some(req) = frame.request_id.as_deref().and_then(|id| self.requests.resolve(id)) {
            self.on_request_response(req, frame, now_ms);
            return;
        }
        if frame.action == "ping" {
            return; // Liveness only.
        }
        let id = frame.request_id.as_deref().unwrap_or("none");
        self.malformed(format!("`{}` response to unknown request_id {id}", frame.action));
    }

    fn on_request_response(&mut self, req: Pending, frame: IncomingFrame, now_ms: u64) {
        let result = if frame.success {
            Ok(frame.payload)
        } else {
            match frame.error {
                Some(e) if e.kind == ErrorType::PendingRequestsLimitReached => {
                    let hold = now_ms.saturating_add(self.config.timings.limit_retry_ms);
                    self.requests.requeue_front(req, Some(hold));
                    return;
                }
                Some(e) if e.kind == ErrorType::MisdirectedRequest && e.region().is_some() => {
                    let region = e.region().unwrap_or_default().to_owned();
                    // Sent again once logged in to the right region.
                    self.requests.requeue_front(req, None);
                    self.end_connection(Cause::Misdirected { region }, now_ms, true);
                    return;
                }
                Some(e) => Err(RequestError::Rtm(e)),
                None => Err(RequestError::Decode("failed response without an error object".into())),
            }
        };
        self.event(SessionEvent::Response { id: req.id, action: req.action, result });
        self.flush(now_ms);
    }

    fn on_push(&mut self, frame: IncomingFrame, now_ms: u64) {
        let IncomingFrame { request_id, action, payload, .. } = frame;
        let acted_on = match action.as_str() {
            "customer_side_storage_updated" | "customer_disconnected" => Some(payload.clone()),
            _ => None,
        };
        self.event(SessionEvent::Push { request_id, action: action.clone(), payload });
        let Some(payload) = acted_on else { return };
        if action == "customer_side_storage_updated" {
            self.on_storage_updated(payload);
        } else {
            match CustomerDisconnected::from_json(&payload) {
                // The server closes the socket next; closing first means that
                // Closed input is ignored rather than scheduled twice.
                Ok(d) => self.end_connection(Cause::Disconnected(d), now_ms, true),
                Err(e) => self.malformed(format!("bad customer_disconnected payload: {e}")),
            }
        }
    }

    fn on_storage_updated(&mut self, payload: Value) {
        match payload {
            Value::Object(mut map) => match map.remove("customer_side_storage") {
                Some(Value::Object(storage)) => {
                    // Through Value's Display: no second serializer for a bare Map.
                    let value = Value::Object(storage.clone()).to_string();
                    self.storage = storage;
                    let key = self.config.storage_key.clone();
                    self.push(Output::Store { key, value });
                }
                _ => self.malformed("customer_side_storage_updated without a customer_side_storage map".into()),
            },
            _ => self.malformed("customer_side_storage_updated payload is not an object".into()),
        }
    }
}
