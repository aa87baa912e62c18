//! The sneak-peek throttle: what the customer is typing reaches the agent at most
//! once per interval (spec "Send Sneak Peek"), the latest text winning.

/// Typed text waiting to go out as `send_sneak_peek`, and when the last one went.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SneakPeek {
    interval_ms: u64,
    pending: Option<String>,
    sent_at: Option<u64>,
}

impl SneakPeek {
    /// A throttle sending at most once per `interval_ms`.
    pub(crate) fn new(interval_ms: u64) -> Self {
        SneakPeek { interval_ms, pending: None, sent_at: None }
    }

    /// The composer now holds `text`.
    pub(crate) fn typed(&mut self, text: String) {
        self.pending = Some(text);
    }

    /// The text was sent as a message: nothing is left to peek at.
    pub(crate) fn clear(&mut self) {
        self.pending = None;
    }

    /// The text to send now, if the interval has passed since the last one.
    pub(crate) fn take_due(&mut self, now_ms: u64) -> Option<String> {
        let due = self.sent_at.is_none_or(|t| now_ms >= t + self.interval_ms);
        if !due {
            return None;
        }
        let text = self.pending.take()?;
        self.sent_at = Some(now_ms);
        Some(text)
    }

    /// When waiting text becomes due.
    pub(crate) fn poll_timeout(&self) -> Option<u64> {
        self.pending.as_ref().and(self.sent_at).map(|t| t + self.interval_ms)
    }
}
