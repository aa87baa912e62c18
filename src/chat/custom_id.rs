//! `custom_id` generation for outgoing customer events.
//!
//! Every event the customer sends carries a `custom_id` (spec: "Events", every
//! request table lists it) so the message can be shown at once and matched when
//! the server echoes it back in `incoming_event`, in the `send_event` response,
//! or in the history after a reconnect.

/// Makes `custom_id`s that are unique per visitor: a per-page random prefix (so
/// two tabs or two page loads never collide), the time, and a counter.
#[derive(Debug, Clone)]
pub struct CustomIdGenerator {
    prefix: String,
    counter: u64,
}

impl CustomIdGenerator {
    /// `seed` should be random per page load (the browser driver passes
    /// `Math.random()` bits); tests pass a fixed seed.
    pub fn new(seed: u64) -> Self {
        CustomIdGenerator { prefix: format!("{:012x}", seed & 0xffff_ffff_ffff), counter: 0 }
    }

    /// The next id, for example `"018c3f2a9b10.1a2b3c4d5e6f.1"`.
    pub fn next(&mut self, now_ms: u64) -> String {
        self.counter += 1;
        format!("{now_ms:x}.{}.{}", self.prefix, self.counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_within_a_page_and_across_seeds() {
        let mut a = CustomIdGenerator::new(1);
        let mut b = CustomIdGenerator::new(2);
        let ids: std::collections::HashSet<String> = (0..100).flat_map(|_| [a.next(5), b.next(5)]).collect();
        assert_eq!(ids.len(), 200);
    }
}
