//! Typed access to a request's `payload` that turns a missing or mistyped field into a
//! `validation` error, and the checks of the composite parameters several methods share.

use crate::error::RtmError;
use serde_json::{Map, Value};

/// Typed, validating access to a request's `payload` object.
pub struct Params<'a>(pub &'a Map<String, Value>);

fn type_err(key: &str, want: &str) -> RtmError {
    RtmError::validation(format!("`{key}` must be {want}"))
}

fn missing(key: &str) -> RtmError {
    RtmError::validation(format!("`{key}` is required"))
}

impl<'a> Params<'a> {
    /// The raw value, treating JSON `null` as absent.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }
    /// A required string.
    pub fn req_str(&self, key: &str) -> Result<&'a str, RtmError> {
        self.opt_str(key)?.ok_or_else(|| missing(key))
    }
    /// An optional string.
    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, RtmError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(type_err(key, "a string")),
        }
    }
    /// A required object.
    pub fn req_obj(&self, key: &str) -> Result<&'a Map<String, Value>, RtmError> {
        self.opt_obj(key)?.ok_or_else(|| missing(key))
    }
    /// An optional object.
    pub fn opt_obj(&self, key: &str) -> Result<Option<&'a Map<String, Value>>, RtmError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Object(m)) => Ok(Some(m)),
            Some(_) => Err(type_err(key, "an object")),
        }
    }
    /// A required array.
    pub fn req_arr(&self, key: &str) -> Result<&'a Vec<Value>, RtmError> {
        self.opt_arr(key)?.ok_or_else(|| missing(key))
    }
    /// An optional array.
    pub fn opt_arr(&self, key: &str) -> Result<Option<&'a Vec<Value>>, RtmError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Array(a)) => Ok(Some(a)),
            Some(_) => Err(type_err(key, "an array")),
        }
    }
    /// An optional boolean.
    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, RtmError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(type_err(key, "a boolean")),
        }
    }
    /// A required non-negative integer.
    pub fn req_u64(&self, key: &str) -> Result<u64, RtmError> {
        self.opt_u64(key)?.ok_or_else(|| missing(key))
    }
    /// An optional non-negative integer.
    pub fn opt_u64(&self, key: &str) -> Result<Option<u64>, RtmError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_u64().map(Some).ok_or_else(|| type_err(key, "a non-negative integer")),
        }
    }
}

/// Checks `session_fields`: an array of objects whose values are strings.
pub fn check_session_fields(v: &[Value], max: usize) -> Result<(), RtmError> {
    if v.len() > max {
        return Err(RtmError::validation(format!("`session_fields` may hold at most {max} items")));
    }
    for f in v {
        match f.as_object() {
            Some(m) if m.values().all(Value::is_string) => {}
            _ => return Err(RtmError::validation("`session_fields` must be an array of {\"key\": \"value\"} objects")),
        }
    }
    Ok(())
}

/// Checks a properties object to set: `{namespace: {name: value}}`.
pub fn check_properties_set(m: &Map<String, Value>) -> Result<(), RtmError> {
    for (ns, v) in m {
        if !v.is_object() {
            return Err(RtmError::validation(format!("`properties.{ns}` must be an object")));
        }
    }
    Ok(())
}

/// Checks a properties object to delete: `{namespace: ["name", ...]}`.
pub fn check_properties_delete(m: &Map<String, Value>) -> Result<(), RtmError> {
    for (ns, v) in m {
        match v.as_array() {
            Some(a) if a.iter().all(Value::is_string) => {}
            _ => return Err(RtmError::validation(format!("`properties.{ns}` must be an array of property names"))),
        }
    }
    Ok(())
}
