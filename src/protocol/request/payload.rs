//! A small builder for the JSON the widget sends: one object filled field by field,
//! with optional fields left out when unset (each request table's "required/optional").
//! Every `to_value` writer of src/protocol builds its object with it.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

/// A request payload being built.
#[derive(Default)]
pub struct Payload(Map<String, Value>);

impl Payload {
    /// An empty payload (`{}`).
    pub fn new() -> Self {
        Payload::default()
    }

    /// Sets `key`.
    pub fn put(&mut self, key: &str, v: Value) -> &mut Self {
        self.0.insert(key.to_owned(), v);
        self
    }

    /// Sets a string `key`.
    pub fn str(&mut self, key: &str, v: &str) -> &mut Self {
        self.put(key, Value::String(v.to_owned()))
    }

    /// Sets `key` when `v` is set.
    pub fn opt(&mut self, key: &str, v: Option<Value>) -> &mut Self {
        if let Some(v) = v {
            self.put(key, v);
        }
        self
    }

    /// Sets a string `key` when `v` is set.
    pub fn opt_str(&mut self, key: &str, v: &Option<String>) -> &mut Self {
        self.opt(key, v.as_deref().map(Value::from))
    }

    /// The finished object.
    pub fn done(&mut self) -> Value {
        Value::Object(std::mem::take(&mut self.0))
    }
}

/// A `"key": "value"` object (`text_vars`, one session field).
pub fn string_map(map: &BTreeMap<String, String>) -> Value {
    let mut p = Payload::new();
    for (k, v) in map {
        p.str(k, v);
    }
    p.done()
}
