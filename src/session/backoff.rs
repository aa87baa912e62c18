//! Exponential backoff with full jitter, from a seeded deterministic generator.

/// A tiny deterministic generator (SplitMix64): same seed, same delays.
#[derive(Debug, Clone)]
pub struct Prng(u64);

impl Prng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Self {
        Prng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..=max`.
    pub fn up_to(&mut self, max: u64) -> u64 {
        let span = u128::from(max) + 1;
        ((u128::from(self.next_u64()) * span) >> 64) as u64
    }
}

/// The backoff window before reconnect attempt number `attempt` (1 for the
/// first retry): `min(cap, base * 2^(attempt-1))`, so the first retry waits at most `base`.
pub fn backoff_window(attempt: u32, base_ms: u64, cap_ms: u64) -> u64 {
    let doublings = attempt.saturating_sub(1).min(32);
    base_ms.saturating_mul(1u64 << doublings).min(cap_ms)
}

/// Full jitter: a delay drawn uniformly from `0..=backoff_window(attempt)`.
pub fn backoff_delay(attempt: u32, base_ms: u64, cap_ms: u64, rng: &mut Prng) -> u64 {
    rng.up_to(backoff_window(attempt, base_ms, cap_ms))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_doubles_from_base_and_caps() {
        let w: Vec<u64> = (1..=7).map(|n| backoff_window(n, 1_000, 30_000)).collect();
        assert_eq!(w, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
        assert_eq!(backoff_window(u32::MAX, 1_000, 30_000), 30_000);
    }

    #[test]
    fn up_to_stays_in_range() {
        let mut r = Prng::new(1);
        assert!((0..1000).all(|_| r.up_to(10) <= 10));
        assert_eq!(r.up_to(0), 0);
    }
}
