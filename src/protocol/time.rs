//! Legacy unix `timestamp` (seconds) to the RFC 3339 `created_at` form the
//! current API uses (`2017-10-12T15:19:21.010200Z`), so events from both eras
//! sort together as strings.

use serde_json::Value;

// 0000-01-01 .. 9999-12-31 in unix seconds.
const MIN_SECONDS: i64 = -62_167_219_200;
const MAX_SECONDS: i64 = 253_402_300_799;

/// Converts unix seconds (integer or fractional) to RFC 3339 UTC with microseconds.
/// `None` outside years 0000-9999 or for non-finite input.
pub fn unix_to_rfc3339(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || !(MIN_SECONDS as f64..=MAX_SECONDS as f64).contains(&seconds) {
        return None;
    }
    let whole = seconds.floor();
    let micros = (((seconds - whole) * 1_000_000.0).round() as i64).clamp(0, 999_999);
    format_unix(whole as i64, micros)
}

/// Whole unix seconds (floored) plus `0..=999_999` microseconds to RFC 3339 UTC.
fn format_unix(secs: i64, micros: i64) -> Option<String> {
    if !(MIN_SECONDS..=MAX_SECONDS).contains(&secs) || (secs == MAX_SECONDS && micros > 0) {
        return None;
    }
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    Some(format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{micros:06}Z", rem / 3600, (rem % 3600) / 60, rem % 60))
}

/// Reads a legacy `timestamp` value (number, or a numeric string) and converts it.
pub fn timestamp_value_to_rfc3339(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => unix_to_rfc3339(n.as_f64()?),
        Value::String(s) => {
            let (secs, micros) = parse_unix_seconds(s.trim())?;
            format_unix(secs, micros)
        }
        _ => None,
    }
}

/// Reads decimal unix seconds (`1473433500`, `-1.25`, `.5`: an optional sign, digits, an
/// optional fraction; no exponent) into floored whole seconds and microseconds, the
/// fraction rounded to the microsecond as [`unix_to_rfc3339`] does. By hand rather than
/// `str::parse::<f64>()`, which links core's float parser and its tables for this one
/// string form (12.3 KB brotli of the widget, issue 19).
fn parse_unix_seconds(text: &str) -> Option<(i64, i64)> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (int, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|c| c.is_ascii_digit());
    // 12 digits hold every second up to year 9999 and cannot overflow an i64.
    if (int.is_empty() && fraction.is_empty()) || int.len() > 12 || !all_digits(int) || !all_digits(fraction) {
        return None;
    }
    let whole = int.bytes().fold(0_i64, |n, c| n * 10 + i64::from(c - b'0'));
    // Microseconds from the first six digits, rounded half up by the seventh.
    let mut micros =
        fraction.bytes().chain(std::iter::repeat(b'0')).take(6).fold(0_i64, |n, c| n * 10 + i64::from(c - b'0'));
    if fraction.as_bytes().get(6).is_some_and(|&c| c >= b'5') {
        micros = (micros + 1).min(999_999);
    }
    Some(match (negative, micros) {
        (false, _) => (whole, micros),
        (true, 0) => (-whole, 0),
        (true, _) => (-whole - 1, 1_000_000 - micros),
    })
}

/// Parses an RFC 3339 date-time (`2017-10-12T15:19:21.010200Z`, or with a
/// `+hh:mm` offset) to unix milliseconds. `None` for anything else or dates before 1970.
pub fn rfc3339_to_unix_ms(text: &str) -> Option<u64> {
    let b = text.as_bytes();
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (y, mo, d, h, mi, s) = (num(0..4)?, num(5..7)?, num(8..10)?, num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || s > 60 {
        return None;
    }
    let mut rest = &text[19..];
    let mut millis = 0;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let padded = format!("{:0<3}", &fraction[..digits.min(3)]);
        millis = padded.parse::<i64>().ok()?;
        rest = &fraction[digits..];
    }
    let offset_s = match rest {
        "Z" | "z" => 0,
        _ if rest.len() == 6 && rest.is_char_boundary(1) && rest.as_bytes()[3] == b':' => {
            let sign = match rest.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let at = text.len() - 5;
            sign * (num(at..at + 2)? * 3600 + num(at + 3..at + 5)? * 60)
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    let secs = days * 86_400 + h * 3600 + mi * 60 + s - offset_s;
    u64::try_from(secs * 1000 + millis).ok()
}

/// (year, month, day) to days since 1970-01-01 (the inverse of `civil_from_days`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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
    fn rfc3339_parses_to_unix_ms() {
        // Spec "Events": "created_at": "2017-10-12T15:19:21.010200Z".
        assert_eq!(rfc3339_to_unix_ms("2017-10-12T15:19:21.010200Z"), Some(1_507_821_561_010));
        assert_eq!(rfc3339_to_unix_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(rfc3339_to_unix_ms("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(rfc3339_to_unix_ms("1970-01-01T00:00:00.5-00:30"), Some(1_800_500));
        for bad in [
            "",
            "2017-10-12",
            "2017-13-12T15:19:21Z",
            "2017-10-12T15:19:21",
            "2017-10-12T15:19:21.Z",
            "1969-12-31T23:59:59Z",
            "２０17-10-12T15:19:21Z",
        ] {
            assert_eq!(rfc3339_to_unix_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn rfc3339_round_trips_unix_to_rfc3339() {
        for secs in [0.0, 951_782_400.0, 1_473_433_500.25, 4_102_444_800.0] {
            let text = unix_to_rfc3339(secs).unwrap();
            assert_eq!(rfc3339_to_unix_ms(&text), Some((secs * 1000.0) as u64), "{text}");
        }
    }

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

    #[test]
    fn legacy_string_timestamp_reads_like_the_number() {
        // objects-legacy.md: `timestamp` is unix seconds; some payloads carry it as a string.
        for (text, number) in [
            ("1473433500", 1_473_433_500.0),
            (" 1473433500 ", 1_473_433_500.0),
            ("+951782400.5", 951_782_400.5),
            ("1473433500.25", 1_473_433_500.25),
            ("-1", -1.0),
            ("-1.25", -1.25),
            (".5", 0.5),
            ("7.", 7.0),
            ("0.0000004", 0.0),
            ("0.0000005", 0.000_001),
            ("253402300799", 253_402_300_799.0),
            ("-62167219200", -62_167_219_200.0),
        ] {
            let expected = unix_to_rfc3339(number);
            assert!(expected.is_some(), "{text}");
            assert_eq!(timestamp_value_to_rfc3339(&Value::from(text)), expected, "{text}");
        }
        assert_eq!(
            timestamp_value_to_rfc3339(&Value::from("0.9999999")).as_deref(),
            Some("1970-01-01T00:00:00.999999Z")
        );
        for bad in [
            "",
            "-",
            ".",
            "1e9",
            "inf",
            "NaN",
            "1.2.3",
            "12a",
            "--1",
            "1 2",
            "253402300799.5",
            "-62167219201",
            "9999999999999",
            "１",
        ] {
            assert_eq!(timestamp_value_to_rfc3339(&Value::from(bad)), None, "{bad}");
        }
    }
}
