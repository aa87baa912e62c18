//! Properties (spec: "Other common structures > Properties"): key-value storages
//! grouped by namespace, set on a chat, a thread or an event.

use std::collections::BTreeMap;

use serde_json::Value;

use super::btree_map::btree_map;
use super::request::payload::Payload;
use super::vec_map::VecMap;

/// `{"<namespace>": {"<property_name>": <value>}}`, namespaces in order.
pub type Properties = VecMap<String, BTreeMap<String, Value>>;

/// What `delete_*_properties` sends and `*_properties_deleted` pushes carry:
/// `{"<namespace>": ["<property_name>", ...]}`, sorted by namespace, one entry
/// per namespace (a later duplicate wins).
pub type DeletedProperties = VecMap<String, Vec<String>>;

impl Properties {
    /// Reads a properties object leniently, so it never fails: anything but an object
    /// (`null` included) is empty, and a namespace whose value is not an object is
    /// skipped instead of failing the whole frame.
    pub fn from_json(v: &Value) -> Properties {
        let mut out = Properties::new();
        if let Value::Object(map) = v {
            for (ns, props) in map {
                if let Value::Object(p) = props {
                    out.insert(ns.clone(), btree_map(p.iter().map(|(k, v)| (k.clone(), v.clone()))));
                }
            }
        }
        out
    }

    /// The wire shape (`update_*_properties`, initial chat and thread properties,
    /// event properties).
    pub fn to_value(&self) -> Value {
        let mut out = Payload::new();
        for (ns, props) in self {
            let mut inner = Payload::new();
            for (k, v) in props {
                inner.put(k, v.clone());
            }
            out.put(ns, inner.done());
        }
        out.done()
    }
}

impl DeletedProperties {
    /// Reads deleted-properties leniently, so it never fails: non-string names and
    /// non-array namespaces are skipped, and anything but an object is empty.
    pub fn from_json(v: &Value) -> DeletedProperties {
        let mut out = DeletedProperties::new();
        if let Value::Object(map) = v {
            for (ns, names) in map {
                if let Value::Array(a) = names {
                    out.insert(ns.clone(), a.iter().filter_map(|n| n.as_str().map(str::to_owned)).collect());
                }
            }
        }
        out
    }

    /// The wire shape (`delete_*_properties`).
    pub fn to_value(&self) -> Value {
        let mut out = Payload::new();
        for (ns, names) in self {
            out.put(ns, Value::from(names.as_slice()));
        }
        out.done()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn deleted_properties_keep_one_sorted_entry_per_namespace_and_the_json_shape() {
        // spec "Delete Chat Properties": properties is {"<namespace>": ["<property_name>"]}.
        let d: DeletedProperties = [("b", vec!["x"]), ("a", vec!["y"]), ("b", vec!["z"])]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
            .collect();
        assert_eq!(d.len(), 2);
        assert_eq!(d["b"], vec!["z".to_owned()]);
        assert_eq!(d.to_value(), json!({"a": ["y"], "b": ["z"]}));
        assert_eq!(d.to_value().to_string(), r#"{"a":["y"],"b":["z"]}"#);
        // A push's payload reads back to the same map; a bad namespace is skipped.
        assert_eq!(DeletedProperties::from_json(&json!({"b": ["z"], "a": ["y", 1], "c": "x"})), d);
    }

    #[test]
    fn properties_read_leniently_and_write_their_namespaces() {
        let p = Properties::from_json(&json!({"ns": {"k": 1, "s": "v"}, "bad": 3}));
        assert_eq!(p.keys().collect::<Vec<_>>(), ["ns"]);
        assert_eq!(p.to_value(), json!({"ns": {"k": 1, "s": "v"}}));
        assert!(Properties::from_json(&Value::Null).is_empty());
    }
}
