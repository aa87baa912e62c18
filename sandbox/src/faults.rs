//! Fault settings that change how connections answer: injected errors, delayed,
//! dropped or reordered responses, ignored pings and rejected logins. Each set applies
//! to one customer id or to everyone (`*`).

use crate::error::RtmError;
use serde_json::{json, Value};
use std::collections::{HashMap, VecDeque};
use std::time::Instant;

/// Key of the faults that apply to every connection.
pub const ALL: &str = "*";

/// An injected error for the next matching request(s).
#[derive(Debug, Clone)]
pub struct ErrorFault {
    /// The error to answer.
    pub error: RtmError,
    /// Only requests with this action, if set.
    pub action: Option<String>,
    /// How many requests still get it.
    pub remaining: u32,
    /// Every matching request gets it until then instead (`seconds`), if set.
    pub until: Option<Instant>,
}

/// Logins are refused until a time or for a number of attempts.
#[derive(Debug, Clone)]
pub struct RejectLogins {
    /// `users_limit_reached` (an error) or a customer_disconnected reason such as
    /// `too_many_connections`.
    pub reason: String,
    /// Until when, if time-bound.
    pub until: Option<Instant>,
    /// How many more logins, if count-bound.
    pub remaining: Option<u32>,
}

/// The faults configured for one target.
#[derive(Debug, Clone, Default)]
pub struct FaultSet {
    /// Ping requests get no answer.
    pub ignore_pings: bool,
    /// Responses are held this many ms; `Some(n)` counts down, `None` = until cleared.
    pub delay: Option<(u64, Option<u32>)>,
    /// The next N responses are never sent.
    pub drop_responses: u32,
    /// The next N responses are held and sent after the following one.
    pub reorder_responses: u32,
    /// Errors to answer instead of the real result.
    pub errors: VecDeque<ErrorFault>,
    /// Login refusal.
    pub reject_logins: Option<RejectLogins>,
}

/// What to do with one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseFault {
    /// Send it.
    Normal,
    /// Never send it.
    Drop,
    /// Send it after this many ms.
    Delay(u64),
    /// Hold it until the next response has gone.
    Reorder,
}

/// All fault sets by target.
#[derive(Debug, Default)]
pub struct Faults {
    sets: HashMap<String, FaultSet>,
}

impl Faults {
    fn keys(customer: Option<&str>) -> Vec<String> {
        let mut k = vec![];
        if let Some(c) = customer {
            k.push(c.to_string());
        }
        k.push(ALL.to_string());
        k
    }

    /// The set for a target, created if missing.
    pub fn set_mut(&mut self, target: &str) -> &mut FaultSet {
        self.sets.entry(target.to_string()).or_default()
    }

    /// Removes the faults of a target (or all targets with `None`).
    pub fn clear(&mut self, target: Option<&str>) {
        match target {
            Some(t) => {
                self.sets.remove(t);
            }
            None => self.sets.clear(),
        }
    }

    /// Takes an injected error for this request, if one matches.
    pub fn take_error(&mut self, customer: Option<&str>, action: &str) -> Option<RtmError> {
        for k in Self::keys(customer) {
            let Some(set) = self.sets.get_mut(&k) else {
                continue;
            };
            set.errors.retain(|e| e.until.is_none_or(|u| u > Instant::now()));
            if let Some(pos) = set.errors.iter().position(|e| e.action.as_deref().is_none_or(|a| a == action)) {
                let e = &mut set.errors[pos];
                let err = e.error.clone();
                e.remaining = e.remaining.saturating_sub(u32::from(e.until.is_none()));
                if e.remaining == 0 {
                    set.errors.remove(pos);
                }
                return Some(err);
            }
        }
        None
    }

    /// Decides (and counts down) the fault for the next response.
    pub fn take_response(&mut self, customer: Option<&str>) -> ResponseFault {
        for k in Self::keys(customer) {
            let Some(set) = self.sets.get_mut(&k) else {
                continue;
            };
            if set.drop_responses > 0 {
                set.drop_responses -= 1;
                return ResponseFault::Drop;
            }
            if set.reorder_responses > 0 {
                set.reorder_responses -= 1;
                return ResponseFault::Reorder;
            }
            if let Some((ms, left)) = set.delay {
                set.delay = match left {
                    Some(n) if n <= 1 => None,
                    Some(n) => Some((ms, Some(n - 1))),
                    None => Some((ms, None)),
                };
                return ResponseFault::Delay(ms);
            }
        }
        ResponseFault::Normal
    }

    /// Whether pings from this customer are ignored.
    pub fn ignores_pings(&self, customer: Option<&str>) -> bool {
        Self::keys(customer).iter().any(|k| self.sets.get(k).is_some_and(|s| s.ignore_pings))
    }

    /// The refusal reason for a login of this customer, counting it down.
    pub fn take_login_rejection(&mut self, customer: Option<&str>) -> Option<String> {
        let now = Instant::now();
        for k in Self::keys(customer) {
            let Some(set) = self.sets.get_mut(&k) else {
                continue;
            };
            let Some(r) = set.reject_logins.as_mut() else {
                continue;
            };
            if r.until.is_some_and(|u| u <= now) {
                set.reject_logins = None;
                continue;
            }
            let reason = r.reason.clone();
            if let Some(n) = r.remaining.as_mut() {
                *n = n.saturating_sub(1);
                if *n == 0 {
                    set.reject_logins = None;
                }
            }
            return Some(reason);
        }
        None
    }

    /// A JSON view for the admin state.
    pub fn to_json(&self) -> Value {
        let now = Instant::now();
        let mut out = serde_json::Map::new();
        for (k, s) in &self.sets {
            out.insert(
                k.clone(),
                json!({
                    "ignore_pings": s.ignore_pings,
                    "delay_ms": s.delay.map(|d| d.0),
                    "delay_remaining": s.delay.and_then(|d| d.1),
                    "drop_responses": s.drop_responses,
                    "reorder_responses": s.reorder_responses,
                    "errors": s.errors.iter().map(|e| json!({"type": e.error.kind.name(), "action": e.action, "remaining": e.remaining})).collect::<Vec<_>>(),
                    "reject_logins": s.reject_logins.as_ref().map(|r| json!({
                        "reason": r.reason,
                        "remaining": r.remaining,
                        "seconds_left": r.until.map(|u| u.saturating_duration_since(now).as_secs_f64()),
                    })),
                }),
            );
        }
        Value::Object(out)
    }
}
