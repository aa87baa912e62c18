//! Small helpers with no protocol knowledge: ids, RFC 3339 times, the sandbox's host
//! URLs, and merging/deleting namespaced properties maps.

use serde_json::{Map, Value};
use std::cell::Cell;
use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

thread_local! {
    static RNG: Cell<u64> = Cell::new({
        let mut h = RandomState::new().build_hasher();
        h.write_u128(now_micros() as u128);
        h.finish() | 1
    });
}

/// A fast non-cryptographic random number (xorshift64*), good enough for sandbox ids.
pub fn rand_u64() -> u64 {
    RNG.with(|c| {
        let mut x = c.get();
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        c.set(x);
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    })
}

fn rand_from(alphabet: &[u8], len: usize) -> String {
    (0..len).map(|_| alphabet[(rand_u64() % alphabet.len() as u64) as usize] as char).collect()
}

/// An id in the style of LiveChat chat and thread ids (`PJ0MRSHTDG`).
pub fn short_id() -> String {
    rand_from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 10)
}

/// A random opaque token body.
pub fn token_body() -> String {
    rand_from(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 27)
}

/// A version-4 style UUID, the shape of customer ids.
pub fn uuid() -> String {
    let a = rand_u64();
    let b = rand_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        ((b >> 48) & 0x3fff) | 0x8000,
        b & 0xffff_ffff_ffff
    )
}

/// Microseconds since the Unix epoch.
pub fn now_micros() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_micros() as i64).unwrap_or(0)
}

/// Seconds since the Unix epoch.
pub fn now_secs() -> i64 {
    now_micros() / 1_000_000
}

/// The current time as the API writes `created_at`: UTC with microseconds.
pub fn now_rfc3339() -> String {
    rfc3339_micros(now_micros())
}

// Howard Hinnant's days-from-civil algorithms.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Formats microseconds since the epoch as `2017-10-12T15:19:21.010200Z`.
pub fn rfc3339_micros(us: i64) -> String {
    let secs = us.div_euclid(1_000_000);
    let frac = us.rem_euclid(1_000_000);
    let (y, mo, d) = civil_from_days(secs.div_euclid(86_400));
    let sod = secs.rem_euclid(86_400);
    format!("{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{frac:06}Z", sod / 3600, (sod / 60) % 60, sod % 60)
}

/// Parses an RFC 3339 date-time (`Z` or a numeric offset, optional fraction) into
/// microseconds since the epoch; `None` if it is not one.
pub fn parse_rfc3339(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (h, mi, se) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
        return None;
    }
    let mut i = 19;
    let mut micros = 0i64;
    if b[i] == b'.' {
        i += 1;
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let digits = &s[start..i.min(start + 6)];
        micros = digits.parse::<i64>().ok()? * 10i64.pow(6 - digits.len() as u32);
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        b'+' | b'-' if i + 6 == b.len() && b[i + 3] == b':' => {
            let v = num(i + 1..i + 3)? * 3600 + num(i + 4..i + 6)? * 60;
            if b[i] == b'+' {
                v
            } else {
                -v
            }
        }
        _ => return None,
    };
    let days = days_from_civil(y, mo as u32, d as u32);
    let secs = days * 86_400 + h * 3600 + mi * 60 + se - offset;
    Some(secs * 1_000_000 + micros)
}

/// `http://<sub>.localhost:<port><path>`: the sandbox's hosts on its one port.
pub fn host_url(port: u16, sub: &str, path: &str) -> String {
    format!("http://{sub}.localhost:{port}{path}")
}

/// Merges `{ns: {k: v}}` into a properties map.
pub fn merge_properties(target: &mut Map<String, Value>, upd: &Map<String, Value>) {
    for (ns, vals) in upd {
        let entry = target.entry(ns.clone()).or_insert_with(|| Value::Object(Map::new()));
        if let (Some(t), Some(v)) = (entry.as_object_mut(), vals.as_object()) {
            for (k, val) in v {
                t.insert(k.clone(), val.clone());
            }
        }
    }
}

/// Deletes `{ns: [k, ...]}` from a properties map.
pub fn delete_properties(target: &mut Map<String, Value>, del: &Map<String, Value>) {
    for (ns, names) in del {
        if let (Some(t), Some(names)) = (target.get_mut(ns).and_then(Value::as_object_mut), names.as_array()) {
            for n in names.iter().filter_map(Value::as_str) {
                t.remove(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip() {
        let s = "2017-10-12T15:19:21.010200Z";
        let us = parse_rfc3339(s).unwrap();
        assert_eq!(rfc3339_micros(us), s);
        assert!(parse_rfc3339("2017-10-12T17:19:21+02:00").is_some());
        assert!(parse_rfc3339("yesterday").is_none());
        assert!(parse_rfc3339("2017-13-12T15:19:21Z").is_none());
    }

    #[test]
    fn ids_have_their_shapes() {
        assert_eq!(short_id().len(), 10);
        assert_eq!(uuid().len(), 36);
    }
}
