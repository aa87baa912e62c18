//! JSON text to [`Value`]: the one place the widget parses JSON (frames, tab messages, the
//! loader's messages, storage, language tables, upload and ticket answers).
//!
//! Natively this is `serde_json::from_str`. In the browser build it is the browser's own
//! `JSON.parse`, whose result is walked into a [`Value`]: serde_json's parser (its number
//! parser with its power-of-ten table, string unescaping, error positions) then never reaches
//! the wasm, which the first-download budget of issue 19 pays for (the figure, measured by the
//! size report, is in `docs/size.md`). Everything after parsing is the same `Value` on both
//! sides, so the protocol's readers, and their native tests, do not know which parser ran.
//!
//! Where the two parsers differ, the browser's is the more tolerant, and the walk evens out
//! what the readers would see:
//! - numbers: `JSON.parse` gives doubles; an integral one within ±2^53 becomes an integer
//!   [`Value`] (as serde_json makes `3`), so `as_u64` reads it. `3.0` therefore reads as an
//!   integer too, and an integer beyond 2^53 (which the protocol never sends: its ids are
//!   strings) keeps only a double's precision;
//! - an object's members come sorted by key in a [`Value`]; [`parse_ordered`] keeps the
//!   text's order, except that the browser lists integer-like keys (`"1"`) first;
//! - a lone UTF-16 surrogate in a string (serde_json refuses the text) becomes U+FFFD;
//! - nesting deeper than [`MAX_DEPTH`] is refused, as serde_json refuses it, so a hostile
//!   frame cannot exhaust the stack of the walk.

use serde_json::Value;

/// The deepest nesting accepted (serde_json's own recursion limit).
pub const MAX_DEPTH: usize = 128;

/// Parses `text` as one JSON value; the error says why it is not one.
pub fn parse(text: &str) -> Result<Value, String> {
    imp::parse(text)
}

/// A JSON value whose top-level object, if it is one, keeps its members in document order
/// (a [`Value`] object is sorted by key).
#[derive(Debug, Clone, PartialEq)]
pub enum Ordered {
    /// An object's members in the order of the text.
    Object(Vec<(String, Value)>),
    /// Any other value.
    Other(Value),
}

/// Parses `text` like [`parse`], keeping a top-level object's member order.
pub fn parse_ordered(text: &str) -> Result<Ordered, String> {
    imp::parse_ordered(text)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use serde_json::Value;

    use super::Ordered;

    pub fn parse(text: &str) -> Result<Value, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    pub fn parse_ordered(text: &str) -> Result<Ordered, String> {
        // One pass over the text: an object reads as its members, anything else as a Value.
        #[derive(serde::Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Object(Members),
            Other(Value),
        }
        match serde_json::from_str(text).map_err(|e| e.to_string())? {
            Raw::Object(Members(m)) => Ok(Ordered::Object(m)),
            Raw::Other(v) => Ok(Ordered::Other(v)),
        }
    }

    /// An object's members in the order the deserializer meets them.
    struct Members(Vec<(String, Value)>);

    impl<'de> serde::Deserialize<'de> for Members {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct MembersVisitor;
            impl<'de> serde::de::Visitor<'de> for MembersVisitor {
                type Value = Members;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a JSON object")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                    let mut members = Vec::new();
                    while let Some(entry) = map.next_entry()? {
                        members.push(entry);
                    }
                    Ok(Members(members))
                }
            }
            d.deserialize_map(MembersVisitor)
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, Object, Reflect, JSON};
    use serde_json::{Map, Number, Value};
    use wasm_bindgen::{JsCast, JsValue};

    use super::{Ordered, MAX_DEPTH};

    /// The largest integer a double holds exactly (2^53).
    const EXACT: f64 = 9_007_199_254_740_992.0;

    pub fn parse(text: &str) -> Result<Value, String> {
        let parsed = JSON::parse(text).map_err(|e| js_error(&e))?;
        walk(&parsed, MAX_DEPTH)
    }

    pub fn parse_ordered(text: &str) -> Result<Ordered, String> {
        let parsed = JSON::parse(text).map_err(|e| js_error(&e))?;
        if is_plain_object(&parsed) {
            let mut members = Vec::new();
            for_each_member(&parsed, |key, item| {
                members.push((key, walk(&item, MAX_DEPTH - 1)?));
                Ok(())
            })?;
            Ok(Ordered::Object(members))
        } else {
            walk(&parsed, MAX_DEPTH).map(Ordered::Other)
        }
    }

    fn is_plain_object(v: &JsValue) -> bool {
        v.is_object() && !Array::is_array(v)
    }

    /// Calls `f` with each member of the object `v`, in the order of its text (what
    /// `Object.keys` gives for the string keys of a parsed object).
    fn for_each_member(v: &JsValue, mut f: impl FnMut(String, JsValue) -> Result<(), String>) -> Result<(), String> {
        let keys = Object::keys(v.unchecked_ref::<Object>());
        for i in 0..keys.length() {
            let key = keys.get(i);
            let item = Reflect::get(v, &key).map_err(|e| js_error(&e))?;
            f(key.as_string().unwrap_or_default(), item)?;
        }
        Ok(())
    }

    fn walk(v: &JsValue, depth: usize) -> Result<Value, String> {
        if let Some(s) = v.as_string() {
            return Ok(Value::String(s));
        }
        if let Some(n) = v.as_f64() {
            return Ok(number(n));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Value::Bool(b));
        }
        if v.is_null() {
            return Ok(Value::Null);
        }
        let depth = depth.checked_sub(1).ok_or_else(|| format!("nested deeper than {MAX_DEPTH}"))?;
        if Array::is_array(v) {
            let items: &Array = v.unchecked_ref();
            let mut out = Vec::with_capacity(items.length() as usize);
            for i in 0..items.length() {
                out.push(walk(&items.get(i), depth)?);
            }
            return Ok(Value::Array(out));
        }
        // What JSON.parse returns is one of the above or a plain object.
        if !v.is_object() {
            return Err("not a JSON value".to_owned());
        }
        let mut out = Map::new();
        for_each_member(v, |key, item| {
            out.insert(key, walk(&item, depth)?);
            Ok(())
        })?;
        Ok(Value::Object(out))
    }

    /// An integral double within ±2^53 as an integer, like serde_json reads `3`.
    fn number(n: f64) -> Value {
        if n.fract() == 0.0 && n.abs() <= EXACT {
            // `as` is exact here: the value is integral and in range.
            if n >= 0.0 {
                Value::Number(Number::from(n as u64))
            } else {
                Value::Number(Number::from(n as i64))
            }
        } else {
            Number::from_f64(n).map_or(Value::Null, Value::Number)
        }
    }

    fn js_error(e: &JsValue) -> String {
        e.dyn_ref::<js_sys::Error>().map_or_else(|| "not JSON".to_owned(), |e| String::from(e.message()))
    }
}
