//! Legacy unix `timestamp` (seconds) to the RFC 3339 `created_at` form the
//! current API uses (`2017-10-12T15:19:21.010200Z`), so events from both eras
//! sort together as strings.

use serde_json::Value;

/// Converts unix seconds (integer or fractional) to RFC 3339 UTC with microseconds.
/// `None` outside years 0000-9999 or for non-finite input.
pub fn unix_to_rfc3339(seconds: f64) -> Option<String> {
    if !seconds.is_finite() {
        return None;
    }
    // 0000-01-01 .. 9999-12-31 in unix seconds.
    const MIN: f64 = -62_167_219_200.0;
    const MAX: f64 = 253_402_300_799.0;
    if !(MIN..=MAX).contains(&seconds) {
        return None;
    }
    let whole = seconds.floor();
    let micros = (((seconds - whole) * 1_000_000.0).round() as i64).clamp(0, 999_999);
    let secs = whole as i64;
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    Some(format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}Z", rem / 3600, (rem % 3600) / 60, rem % 60))
}

/// Reads a legacy `timestamp` value (number, or a numeric string) and converts it.
pub fn timestamp_value_to_rfc3339(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => unix_to_rfc3339(n.as_f64()?),
        Value::String(s) => unix_to_rfc3339(s.trim().parse::<f64>().ok()?),
        _ => None,
    }
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian
/// (Howard Hinnant's `civil_from_days` algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_sample_timestamp_converts() {
        // objects-legacy.md "Event > Message": "timestamp": 1473433500
        assert_eq!(unix_to_rfc3339(1_473_433_500.0).as_deref(), Some("2016-09-09T15:05:00.000000Z"));
        assert_eq!(unix_to_rfc3339(0.0).as_deref(), Some("1970-01-01T00:00:00.000000Z"));
        assert_eq!(unix_to_rfc3339(951_782_400.5).as_deref(), Some("2000-02-29T00:00:00.500000Z"));
        assert_eq!(unix_to_rfc3339(-1.0).as_deref(), Some("1969-12-31T23:59:59.000000Z"));
        assert_eq!(unix_to_rfc3339(1e300), None);
        assert_eq!(unix_to_rfc3339(f64::NAN), None);
    }
}
