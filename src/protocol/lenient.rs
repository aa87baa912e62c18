//! Tolerant conversions for shapes the spec samples disagree on: ids that are
//! strings in one sample and numbers in another, maps whose values should be
//! strings but may be numbers, and `null` where a list or map is expected.
//! None of them fails: what does not fit is skipped.

use std::collections::BTreeMap;

use serde_json::Value;

/// Turns a scalar into its string form (`"2"` and `2` both become `"2"`);
/// `None` for null, arrays and objects.
pub fn scalar_to_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A `"key": "value"` map whose scalar values are stringified; other values are skipped.
/// Anything but an object (`null` included) is an empty map.
pub fn string_map_from(v: &Value) -> BTreeMap<String, String> {
    // By `insert`, not `collect` (why: `super::btree_map`).
    let mut out = BTreeMap::new();
    if let Value::Object(map) = v {
        for (k, v) in map {
            if let Some(s) = scalar_to_string(v) {
                out.insert(k.clone(), s);
            }
        }
    }
    out
}

/// Ids that may arrive as numbers: `["a", 1]` becomes `["a", "1"]`; other items are
/// skipped, and anything but an array is empty.
pub fn ids_from(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(scalar_to_string).collect(),
        _ => Vec::new(),
    }
}
