//! One customer WebSocket connection: the frame loop, the login/ping/token deadlines,
//! the pending-request limit and the response faults (delay, drop, reorder).

use crate::error::{ErrorKind, RtmError};
use crate::faults::ResponseFault;
use crate::frames::{disconnected_frame, response_frame};
use crate::methods;
use crate::session::{Outcome, Session};
use crate::state::{ConnEntry, DropMode, Out, Shared};
use crate::wire::{Framing, Incoming, Wire};
use crate::{status, util};
use axum::extract::ws::WebSocket;
use serde_json::{json, Map, Value};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::Instant;

/// At most this many requests may wait for their responses on one connection.
pub const MAX_PENDING: usize = 10;
/// A reordered response is released after this long if no other response follows.
const REORDER_FLUSH: Duration = Duration::from_millis(1000);

struct Conn {
    app: Shared,
    s: Session,
    tx: mpsc::UnboundedSender<Out>,
    login_deadline: Option<Instant>,
    ping_deadline: Option<Instant>,
    token_deadline: Option<Instant>,
    pending: usize,
    held: Option<String>,
    held_until: Option<Instant>,
    /// SockJS only: when the next heartbeat `h` is due.
    heartbeat: Option<Instant>,
}

enum Flow {
    Continue,
    Close,
    HalfOpen,
    Abort,
}

/// SockJS heartbeats come this often (SockJS's default is 25 s), and always well inside
/// the ping deadline: LiveChat's SockJS client pings in answer to each.
fn heartbeat_every(app: &Shared) -> Duration {
    Duration::from_secs(25).min(app.cfg.ping_timeout * 5 / 6)
}

/// Serves an upgraded socket for `license_id` on the data centre `region`, its frames
/// raw or in SockJS framing.
pub async fn serve(app: Shared, ws: WebSocket, framing: Framing, license_id: Option<u64>, region: &'static str) {
    let mut ws = Wire::open(ws, framing).await;
    // The license must exist and live in this data centre.
    let license_region = {
        let st = app.lock();
        license_id.and_then(|id| st.licenses.get(&id)).map(|l| l.region.clone())
    };
    let (Some(license_id), Some(lregion)) = (license_id, license_region) else {
        let _ = disconnect(&mut ws, "license_not_found", None).await;
        return;
    };
    if lregion != region {
        let _ = disconnect(&mut ws, "misdirected_connection", Some(json!({ "region": lregion }))).await;
        return;
    }

    let (tx, mut rx) = mpsc::unbounded_channel();
    let conn_id = {
        let mut st = app.lock();
        let id = st.next_seq();
        st.conns.insert(
            id,
            ConnEntry {
                license_id,
                region,
                customer_id: None,
                status: "connected",
                connected_at: util::now_rfc3339(),
                tx: tx.clone(),
            },
        );
        id
    };
    app.log(format!("conn {conn_id}: connected license {license_id} ({region})"));
    let mut c = Conn {
        s: Session::new(conn_id, license_id, region),
        login_deadline: Some(Instant::now() + app.cfg.login_timeout),
        ping_deadline: None,
        token_deadline: None,
        pending: 0,
        held: None,
        held_until: None,
        heartbeat: (framing == Framing::SockJs).then(|| Instant::now() + heartbeat_every(&app)),
        tx,
        app: app.clone(),
    };
    let mut shutdown = app.shutdown.clone();
    let flow = loop {
        let deadline = [c.login_deadline, c.ping_deadline, c.token_deadline, c.held_until, c.heartbeat]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or_else(|| Instant::now() + Duration::from_secs(3600));
        let flow = tokio::select! {
            msg = ws.recv() => match msg {
                Incoming::Closed => Flow::Close,
                Incoming::Error(e) => {
                    // Oversized or broken frames end up here: say why if we still can.
                    app.log(format!("conn {conn_id}: read error {e}"));
                    let _ = ws.close(1009, "frame rejected").await;
                    Flow::Abort
                }
                Incoming::Text(t) => c.on_text(&mut ws, &t).await,
                Incoming::Binary => {
                    let f = response_frame(None, None, Err(RtmError::validation("binary frames are not supported; send JSON text frames")));
                    c.send(&mut ws, f).await
                }
                Incoming::Ping => {
                    // A control-frame ping keeps a logged-in connection alive too.
                    if c.s.logged_in { c.ping_deadline = Some(Instant::now() + app.cfg.ping_timeout); }
                    Flow::Continue
                }
                Incoming::Nothing => Flow::Continue,
            },
            out = rx.recv() => match out {
                None => Flow::Abort,
                Some(o) => c.on_out(&mut ws, o).await,
            },
            _ = tokio::time::sleep_until(deadline) => c.on_deadline(&mut ws).await,
            _ = shutdown.changed() => Flow::Close,
        };
        match flow {
            Flow::Continue => continue,
            other => break other,
        }
    };
    drop(rx);
    match flow {
        Flow::HalfOpen => {
            set_status(&app, conn_id, "half_open");
            app.log(format!("conn {conn_id}: half-open"));
            // Neither read nor write: the peer sees a live TCP connection that is silent.
            let mut sd = app.shutdown.clone();
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(600)) => {}
                _ = sd.changed() => {}
            }
        }
        Flow::Close => {
            let _ = ws.close(1000, "").await;
        }
        _ => {}
    }
    drop(ws);
    unregister(&app, conn_id);
    app.log(format!("conn {conn_id}: closed"));
}

fn set_status(app: &Shared, conn_id: u64, status: &'static str) {
    if let Some(c) = app.lock().conns.get_mut(&conn_id) {
        c.status = status;
    }
}

fn unregister(app: &Shared, conn_id: u64) {
    let mut st = app.lock();
    if let Some(c) = st.conns.remove(&conn_id) {
        if let Some(cid) = c.customer_id {
            if c.status == "logged_in" && !st.is_present(&cid) {
                st.note("offline", &cid, Value::Null);
            }
        }
    }
}

async fn disconnect(ws: &mut Wire, reason: &str, data: Option<Value>) -> Result<(), axum::Error> {
    ws.send_text(disconnected_frame(reason, data)).await?;
    ws.close(1000, reason).await
}

impl Conn {
    async fn send(&mut self, ws: &mut Wire, frame: String) -> Flow {
        match ws.send_text(frame).await {
            Ok(()) => Flow::Continue,
            Err(_) => Flow::Abort,
        }
    }

    /// Sends a response now or as the faults say.
    async fn respond(&mut self, ws: &mut Wire, frame: String) -> Flow {
        let fault = self.app.lock().faults.take_response(self.s.customer_id.as_deref());
        match fault {
            ResponseFault::Drop => {
                self.pending = self.pending.saturating_sub(1);
                self.flush_held(ws).await
            }
            ResponseFault::Delay(ms) => {
                let tx = self.tx.clone();
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(ms)).await;
                    let _ = tx.send(Out::Response(frame));
                });
                Flow::Continue
            }
            ResponseFault::Reorder if self.held.is_none() => {
                self.held = Some(frame);
                self.held_until = Some(Instant::now() + REORDER_FLUSH);
                Flow::Continue
            }
            _ => {
                self.pending = self.pending.saturating_sub(1);
                if let Flow::Abort = self.send(ws, frame).await {
                    return Flow::Abort;
                }
                self.flush_held(ws).await
            }
        }
    }

    async fn flush_held(&mut self, ws: &mut Wire) -> Flow {
        self.held_until = None;
        match self.held.take() {
            Some(h) => {
                self.pending = self.pending.saturating_sub(1);
                self.send(ws, h).await
            }
            None => Flow::Continue,
        }
    }

    async fn on_text(&mut self, ws: &mut Wire, text: &str) -> Flow {
        let v: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                let f = response_frame(None, None, Err(RtmError::validation(format!("invalid JSON: {e}"))));
                return self.send(ws, f).await;
            }
        };
        let Value::Object(req) = v else {
            let f = response_frame(None, None, Err(RtmError::validation("a request must be a JSON object")));
            return self.send(ws, f).await;
        };
        let request_id = req.get("request_id").filter(|v| !v.is_null()).cloned();
        let action = req.get("action").and_then(Value::as_str).map(str::to_string);
        let early = if !request_id.as_ref().is_none_or(Value::is_string) {
            Some(RtmError::validation("`request_id` must be a string"))
        } else if action.is_none() {
            Some(RtmError::validation(if req.contains_key("action") {
                "`action` must be a string"
            } else {
                "`action` is required"
            }))
        } else {
            None
        };
        let empty = Map::new();
        let payload = match req.get("payload") {
            None | Some(Value::Null) => Ok(&empty),
            Some(Value::Object(m)) => Ok(m),
            Some(_) => Err(RtmError::validation("`payload` must be an object")),
        };
        if let Some(e) = early {
            let f = response_frame(request_id.as_ref(), action.as_deref(), Err(e));
            return self.send(ws, f).await;
        }
        let action = action.unwrap_or_default();

        if action == "ping" {
            if !self.s.logged_in {
                return Flow::Continue; // ping before login is a no-op
            }
            self.ping_deadline = Some(Instant::now() + self.app.cfg.ping_timeout);
            if self.app.lock().faults.ignores_pings(self.s.customer_id.as_deref()) {
                return Flow::Continue;
            }
        }
        if self.pending >= MAX_PENDING {
            let e = RtmError::from(ErrorKind::PendingRequestsLimitReached);
            let f = response_frame(request_id.as_ref(), Some(&action), Err(e));
            return self.send(ws, f).await;
        }
        self.pending += 1;
        let injected = self.app.lock().faults.take_error(self.s.customer_id.as_deref(), &action);
        self.s.request_id = request_id.clone();
        let was_logged_in = self.s.logged_in;
        let result = match (injected, payload) {
            (Some(e), _) => Err(e),
            (None, Err(e)) => Err(e),
            (None, Ok(p)) => methods::dispatch(&self.app, &mut self.s, &action, p),
        };
        let result = match result {
            Ok(Outcome::Reply(v)) => Ok(v),
            Ok(Outcome::Disconnect(reason, data)) => {
                // Login refused with a disconnect reason (e.g. too_many_connections).
                self.pending = self.pending.saturating_sub(1);
                return self.on_out(ws, Out::Disconnect { reason, data }).await;
            }
            Err(e) => Err(e),
        };
        if self.s.logged_in && !was_logged_in {
            self.login_deadline = None;
            self.ping_deadline = Some(Instant::now() + self.app.cfg.ping_timeout);
            self.token_deadline = self.s.token_expires.map(Instant::from_std);
        }
        let f = response_frame(request_id.as_ref(), Some(&action), result);
        let flow = self.respond(ws, f).await;
        if self.s.logged_in && !was_logged_in {
            status::after_login(&self.app, &self.s);
        }
        flow
    }

    async fn on_out(&mut self, ws: &mut Wire, o: Out) -> Flow {
        match o {
            Out::Push(f) => self.send(ws, f).await,
            Out::Response(f) => {
                self.pending = self.pending.saturating_sub(1);
                if let Flow::Abort = self.send(ws, f).await {
                    return Flow::Abort;
                }
                self.flush_held(ws).await
            }
            Out::Disconnect { reason, data } => {
                self.app.log(format!("conn {}: disconnect {reason}", self.s.conn_id));
                match disconnect(ws, &reason, data).await {
                    Ok(()) => Flow::Abort, // close frame already sent
                    Err(_) => Flow::Abort,
                }
            }
            Out::Drop(DropMode::HalfOpen) => Flow::HalfOpen,
            Out::Drop(DropMode::Abort) => Flow::Abort,
        }
    }

    async fn on_deadline(&mut self, ws: &mut Wire) -> Flow {
        let now = Instant::now();
        if self.held_until.is_some_and(|t| t <= now) {
            return self.flush_held(ws).await;
        }
        if self.heartbeat.is_some_and(|t| t <= now) {
            self.heartbeat = Some(now + heartbeat_every(&self.app));
            return if ws.heartbeat().await.is_ok() { Flow::Continue } else { Flow::Abort };
        }
        if self.login_deadline.is_some_and(|t| t <= now) || self.ping_deadline.is_some_and(|t| t <= now) {
            return self.on_out(ws, Out::Disconnect { reason: "connection_timeout".into(), data: None }).await;
        }
        if self.token_deadline.is_some_and(|t| t <= now) {
            return self.on_out(ws, Out::Disconnect { reason: "access_token_expired".into(), data: None }).await;
        }
        Flow::Continue
    }
}
