//! Backing off when the service refuses for now (spec: "Errors": `too_many_requests`
//! "will be unblocked automatically after some time", `service_unavailable`, `internal`).
//!
//! After such a refusal of `send_event`, `start_chat`, `activate_chat` or the chat's
//! look-up, nothing is sent again until the session's exponential backoff with full
//! jitter has passed; then one request probes (the look-up, or the oldest pending
//! event), and only once the service accepts it does the rest of the outbox follow.

use crate::protocol::ErrorType;
use crate::session::{backoff_delay, Prng, RequestError, Timings};

/// What the next attempt does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Next {
    /// Send the oldest pending event again (the service said it took nothing).
    Resend,
    /// Look the chat up first: whether the service got the events is unknown.
    LookUp,
}

/// How a failed request's error is met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Refused for now, nothing created (`too_many_requests`, `service_unavailable`).
    NotTaken,
    /// It may or may not have been carried out (`internal`, a timeout of either side).
    Unknown,
    /// The connection went: the next login looks the chat up anyway.
    ConnectionLost,
}

impl Refusal {
    /// Whether (and how) an error may go away by itself; `None` for errors that stay.
    pub(crate) fn of(error: &RequestError) -> Option<Refusal> {
        match error {
            RequestError::ConnectionLost => Some(Refusal::ConnectionLost),
            RequestError::Timeout => Some(Refusal::Unknown),
            RequestError::Rtm(e) => match e.kind {
                ErrorType::TooManyRequests | ErrorType::ServiceUnavailable => Some(Refusal::NotTaken),
                ErrorType::Internal | ErrorType::RequestTimeout => Some(Refusal::Unknown),
                _ => None,
            },
            RequestError::Decode(_) => None,
        }
    }
}

/// The backoff between attempts while the service refuses.
#[derive(Debug, Clone)]
pub(crate) struct Retry {
    /// Refusals in a row (0: none; the outbox sends freely).
    attempt: u32,
    /// When the next attempt is due.
    at: Option<u64>,
    next: Next,
    base_ms: u64,
    cap_ms: u64,
    rng: Prng,
}

impl Retry {
    /// A retry with the session's backoff `timings`, jitter from `seed`.
    pub(crate) fn new(timings: &Timings, seed: u64) -> Self {
        Retry {
            attempt: 0,
            at: None,
            next: Next::LookUp,
            base_ms: timings.backoff_base_ms,
            cap_ms: timings.backoff_cap_ms,
            rng: Prng::new(seed ^ 0xB0FF),
        }
    }

    /// The service refused: the next attempt waits out the backoff. A look-up
    /// wanted by an earlier refusal is not downgraded to a plain resend.
    pub(crate) fn refused(&mut self, next: Next, now_ms: u64) {
        self.attempt = self.attempt.saturating_add(1);
        if self.at.is_none() || next == Next::LookUp {
            self.next = next;
        }
        let wait = backoff_delay(self.attempt, self.base_ms, self.cap_ms, &mut self.rng);
        self.at = Some(now_ms.saturating_add(wait));
    }

    /// The service accepted something: back to sending freely.
    pub(crate) fn accepted(&mut self) {
        self.attempt = 0;
        self.at = None;
    }

    /// A new login looks the chat up itself: no timer, but still one probe at a time.
    pub(crate) fn logged_in(&mut self) {
        self.at = None;
    }

    /// While refusals are not yet answered by an acceptance, only one request probes.
    pub(crate) fn probing(&self) -> bool {
        self.attempt > 0
    }

    /// Waiting out a backoff: nothing may be sent.
    pub(crate) fn holding(&self) -> bool {
        self.at.is_some()
    }

    /// When to tick for the next attempt.
    pub(crate) fn poll_timeout(&self) -> Option<u64> {
        self.at
    }

    /// The attempt that is due at `now_ms`, if any (taken: it happens once).
    pub(crate) fn take_due(&mut self, now_ms: u64) -> Option<Next> {
        let at = self.at?;
        if now_ms < at {
            return None;
        }
        self.at = None;
        Some(self.next)
    }
}
