//! Properties (spec: "Other common structures > Properties"): key-value storages
//! grouped by namespace, set on a chat, a thread or an event.

use std::collections::BTreeMap;

use serde_json::Value;

/// `{"<namespace>": {"<property_name>": <value>}}`.
pub type Properties = BTreeMap<String, BTreeMap<String, Value>>;

/// What `delete_*_properties` sends and `*_properties_deleted` pushes carry:
/// `{"<namespace>": ["<property_name>", ...]}`.
pub type DeletedProperties = BTreeMap<String, Vec<String>>;

/// Reads a properties object leniently: anything but an object (`null` included) is
/// empty, and a namespace whose value is not an object is skipped instead of failing
/// the whole frame.
pub fn properties_from(v: &Value) -> Properties {
    let mut out = Properties::new();
    if let Value::Object(map) = v {
        for (ns, props) in map {
            if let Value::Object(p) = props {
                let mut inner = BTreeMap::new();
                for (k, v) in p {
                    inner.insert(k.clone(), v.clone());
                }
                out.insert(ns.clone(), inner);
            }
        }
    }
    out
}

/// Reads deleted-properties leniently: non-string names and non-array namespaces are
/// skipped, and anything but an object is empty.
pub fn deleted_properties_from(v: &Value) -> DeletedProperties {
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
