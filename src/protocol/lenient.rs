//! Tolerant serde helpers for shapes the spec samples disagree on: ids that are
//! strings in one sample and numbers in another, maps whose values should be
//! strings but may be numbers, and `null` where a list or map is expected.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
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

/// Deserialises an id given as a string or a number into a `String`.
pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let v = Value::deserialize(d)?;
    scalar_to_string(&v).ok_or_else(|| serde::de::Error::custom(format!("expected a string or number, got {v}")))
}

/// Like [`string_or_number`] for optional fields; `null` becomes `None`.
pub fn opt_string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Value::deserialize(d)?;
    if v.is_null() {
        return Ok(None);
    }
    scalar_to_string(&v)
        .map(Some)
        .ok_or_else(|| serde::de::Error::custom(format!("expected a string or number, got {v}")))
}

/// A `"key": "value"` map whose scalar values are stringified; other values are skipped.
/// `null` becomes an empty map.
pub fn string_map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    Ok(string_map_from(&Value::deserialize(d)?))
}

/// The conversion behind [`string_map`], for callers holding a `Value`.
pub fn string_map_from(v: &Value) -> BTreeMap<String, String> {
    match v {
        Value::Object(map) => map.iter().filter_map(|(k, v)| Some((k.clone(), scalar_to_string(v)?))).collect(),
        _ => BTreeMap::new(),
    }
}

/// `null` (or a missing field with `#[serde(default)]`) becomes `T::default()`.
pub fn null_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
}
