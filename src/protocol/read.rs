//! Hand-written readers for incoming payloads: one small, non-generic pass over
//! `serde_json::Value` per type instead of serde-derived `Deserialize` impls (which
//! cost far more code in the wasm).
//!
//! The rules are those of the serde derives they replace: unknown fields are
//! ignored; an optional field that is missing or `null` is absent; a required field
//! that is missing, or any field present with the wrong type, fails the object.
//! The lenient shapes (ids as numbers, `null` lists) are spelled out per helper.

use serde_json::{Map, Value};

use super::lenient::scalar_to_string;

/// The result of reading a payload. The error names what did not read: a field
/// (missing, or of the wrong type), `object` / `list` for a value of the wrong shape,
/// or `string` / `u32` for an item of a list of those.
pub type Read<T> = Result<T, &'static str>;

/// A JSON object being read field by field.
#[derive(Clone, Copy)]
pub struct Obj<'a>(&'a Map<String, Value>);

/// `v` as an object to read, or an error for any other JSON type.
pub fn obj(v: &Value) -> Read<Obj<'_>> {
    match v {
        Value::Object(m) => Ok(Obj(m)),
        _ => Err("object"),
    }
}

/// A string, and nothing else.
fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// A `u32` (non-negative integer in range).
fn u32_of(v: &Value) -> Option<u32> {
    u32::try_from(v.as_u64()?).ok()
}

impl<'a> Obj<'a> {
    /// The field as present, `null` included.
    pub fn get(self, key: &str) -> Option<&'a Value> {
        self.0.get(key)
    }

    /// The field unless missing or `null`.
    pub fn opt(self, key: &str) -> Option<&'a Value> {
        self.0.get(key).filter(|v| !v.is_null())
    }

    /// A required field (`null` counts as present).
    pub fn req(self, key: &'static str) -> Read<&'a Value> {
        self.0.get(key).ok_or(key)
    }

    /// An optional field read with `f`; a present value `f` rejects is an error.
    fn opt_with<T>(self, key: &'static str, f: fn(&Value) -> Option<T>) -> Read<Option<T>> {
        match self.opt(key) {
            None => Ok(None),
            Some(v) => f(v).map(Some).ok_or(key),
        }
    }

    /// A required field read with `f`.
    fn req_with<T>(self, key: &'static str, f: fn(&Value) -> Option<T>) -> Read<T> {
        f(self.req(key)?).ok_or(key)
    }

    /// A required string.
    pub fn str(self, key: &'static str) -> Read<String> {
        self.req_with(key, string)
    }

    /// An optional string.
    pub fn opt_str(self, key: &'static str) -> Read<Option<String>> {
        self.opt_with(key, string)
    }

    /// A string where missing or `null` is empty.
    pub fn text(self, key: &'static str) -> Read<String> {
        Ok(self.opt_str(key)?.unwrap_or_default())
    }

    /// A required id given as a string or a number (any scalar is stringified).
    pub fn id(self, key: &'static str) -> Read<String> {
        self.req_with(key, scalar_to_string)
    }

    /// An optional id given as a string or a number.
    pub fn opt_id(self, key: &'static str) -> Read<Option<String>> {
        self.opt_with(key, scalar_to_string)
    }

    /// An id given as a string or a number where missing is empty (but `null` is an error).
    pub fn id_or_empty(self, key: &'static str) -> Read<String> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(_) => self.id(key),
        }
    }

    /// A required non-negative integer.
    pub fn u64(self, key: &'static str) -> Read<u64> {
        self.req_with(key, Value::as_u64)
    }

    /// A non-negative integer where missing is 0 (but `null` is an error).
    pub fn u64_or_zero(self, key: &'static str) -> Read<u64> {
        match self.get(key) {
            None => Ok(0),
            Some(_) => self.u64(key),
        }
    }

    /// An optional non-negative integer.
    pub fn opt_u64(self, key: &'static str) -> Read<Option<u64>> {
        self.opt_with(key, Value::as_u64)
    }

    /// An optional `u32`.
    pub fn opt_u32(self, key: &'static str) -> Read<Option<u32>> {
        self.opt_with(key, u32_of)
    }

    /// A required boolean.
    pub fn bool(self, key: &'static str) -> Read<bool> {
        self.req_with(key, Value::as_bool)
    }

    /// An optional boolean.
    pub fn opt_bool(self, key: &'static str) -> Read<Option<bool>> {
        self.opt_with(key, Value::as_bool)
    }

    /// A boolean where missing or `null` is `false`.
    pub fn flag(self, key: &'static str) -> Read<bool> {
        Ok(self.opt_bool(key)?.unwrap_or_default())
    }

    /// An optional nested value read with `f` (missing or `null`: `None`).
    pub fn opt_obj<T>(self, key: &'static str, f: fn(&Value) -> Read<T>) -> Read<Option<T>> {
        self.opt(key).map(f).transpose()
    }

    /// A list where missing or `null` is empty; every item must read with `f`.
    pub fn list<T>(self, key: &'static str, f: fn(&Value) -> Read<T>) -> Read<Vec<T>> {
        match self.opt(key) {
            None => Ok(Vec::new()),
            Some(v) if !v.is_array() => Err(key),
            Some(v) => list(v, f),
        }
    }

    /// A list of strings where missing or `null` is empty; any other item is an error.
    pub fn str_list(self, key: &'static str) -> Read<Vec<String>> {
        self.list(key, |v| string(v).ok_or("string"))
    }

    /// A list of `u32` where missing or `null` is empty; any other item is an error.
    pub fn u32_list(self, key: &'static str) -> Read<Vec<u32>> {
        self.list(key, |v| u32_of(v).ok_or("u32"))
    }
}

/// An array whose every item reads with `f`.
pub fn list<T>(v: &Value, f: fn(&Value) -> Read<T>) -> Read<Vec<T>> {
    let Value::Array(items) = v else { return Err("list") };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        out.push(f(item)?);
    }
    Ok(out)
}
