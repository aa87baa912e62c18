//! Request ids, the in-flight table and the send queue (spec: "Methods >
//! General RTM API request format" and "Errors > pending_requests_limit_reached").

use std::collections::VecDeque;
use std::fmt;

use serde_json::Value;

/// Identifies one request for the lifetime of a session; on the wire it is
/// `"r<n>"` (see [`RequestId::wire`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

impl RequestId {
    /// The `request_id` string sent on the wire.
    pub fn wire(&self) -> String {
        format!("r{}", self.0)
    }

    /// Parses a wire `request_id` produced by [`RequestId::wire`].
    pub fn parse_wire(s: &str) -> Option<RequestId> {
        let digits = s.strip_prefix('r')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().map(RequestId)
    }
}

impl fmt::Display for RequestId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "r{}", self.0)
    }
}

/// A request the layer above asked for.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pending {
    pub id: RequestId,
    pub action: &'static str,
    pub payload: Value,
    /// When it fails with `Timeout`; set while in flight.
    pub deadline: Option<u64>,
}

/// Id generation, the in-flight table (at most `max_in_flight`) and the FIFO queue.
#[derive(Debug)]
pub(crate) struct Requests {
    last_id: u64,
    queue: VecDeque<Pending>,
    in_flight: Vec<Pending>,
    max_in_flight: usize,
    /// No sending before this time (after `pending_requests_limit_reached`).
    hold_until: Option<u64>,
}

impl Requests {
    /// An empty table allowing `max_in_flight` requests at once.
    pub fn new(max_in_flight: usize) -> Self {
        Requests {
            last_id: 0,
            queue: VecDeque::new(),
            in_flight: Vec::new(),
            max_in_flight: max_in_flight.max(1),
            hold_until: None,
        }
    }

    /// A fresh id, unique within the session (also used for login and ping).
    pub fn next_id(&mut self) -> RequestId {
        self.last_id += 1;
        RequestId(self.last_id)
    }

    /// Queues a request at the back.
    pub fn enqueue(&mut self, id: RequestId, action: &'static str, payload: Value) {
        self.queue.push_back(Pending { id, action, payload, deadline: None });
    }

    /// Puts a request the server refused back at the front of the queue and
    /// holds sending until `hold_until`.
    pub fn requeue_front(&mut self, mut req: Pending, hold_until: Option<u64>) {
        req.deadline = None;
        self.queue.push_front(req);
        if hold_until.is_some() {
            self.hold_until = hold_until;
        }
    }

    /// Moves queued requests into flight while there is room, oldest first,
    /// returning the ones to send now.
    pub fn take_sendable(&mut self, now_ms: u64, timeout_ms: u64) -> Vec<Pending> {
        if self.hold_until.is_some_and(|at| now_ms < at) {
            return Vec::new();
        }
        self.hold_until = None;
        let mut out = Vec::new();
        while self.in_flight.len() < self.max_in_flight {
            let Some(mut req) = self.queue.pop_front() else { break };
            req.deadline = Some(now_ms.saturating_add(timeout_ms));
            self.in_flight.push(req.clone());
            out.push(req);
        }
        out
    }

    /// Removes and returns the in-flight request with wire id `wire`.
    pub fn resolve(&mut self, wire: &str) -> Option<Pending> {
        let id = RequestId::parse_wire(wire)?;
        let pos = self.in_flight.iter().position(|r| r.id == id)?;
        Some(self.in_flight.remove(pos))
    }

    /// Removes and returns the in-flight requests whose deadline passed.
    pub fn expire(&mut self, now_ms: u64) -> Vec<Pending> {
        let (expired, kept) =
            std::mem::take(&mut self.in_flight).into_iter().partition(|r| r.deadline.is_some_and(|at| now_ms >= at));
        self.in_flight = kept;
        expired
    }

    /// Removes and returns every in-flight request (the socket died).
    pub fn drain_in_flight(&mut self) -> Vec<Pending> {
        std::mem::take(&mut self.in_flight)
    }

    /// Removes and returns every queued request (the session stopped).
    pub fn drain_queue(&mut self) -> Vec<Pending> {
        self.hold_until = None;
        self.queue.drain(..).collect()
    }

    /// The earliest request deadline, or the end of a hold if requests wait on it.
    pub fn next_deadline(&self) -> Option<u64> {
        let hold = self.hold_until.filter(|_| !self.queue.is_empty());
        self.in_flight.iter().filter_map(|r| r.deadline).chain(hold).min()
    }

    /// Number of requests in flight.
    pub fn in_flight_len(&self) -> usize {
        self.in_flight.len()
    }

    /// Number of requests waiting in the queue.
    pub fn queued_len(&self) -> usize {
        self.queue.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_ids_round_trip_and_reject_garbage() {
        assert_eq!(RequestId(7).wire(), "r7");
        assert_eq!(RequestId::parse_wire("r7"), Some(RequestId(7)));
        for bad in ["7", "r", "r-1", "rx", "r99999999999999999999999"] {
            assert_eq!(RequestId::parse_wire(bad), None, "{bad}");
        }
    }

    #[test]
    fn cap_and_fifo_order() {
        let mut r = Requests::new(2);
        for _ in 0..3 {
            let id = r.next_id();
            r.enqueue(id, "x", Value::Null);
        }
        let sent: Vec<_> = r.take_sendable(0, 10).iter().map(|p| p.id.0).collect();
        assert_eq!(sent, [1, 2]);
        assert!(r.take_sendable(0, 10).is_empty());
        assert!(r.resolve("r1").is_some());
        assert_eq!(r.take_sendable(1, 10)[0].id, RequestId(3));
        assert_eq!(r.next_deadline(), Some(10));
        assert_eq!(r.expire(10).len(), 1);
    }
}
