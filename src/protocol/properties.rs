//! Properties (spec: "Other common structures > Properties"): key-value storages
//! grouped by namespace, set on a chat, a thread or an event.

use std::collections::BTreeMap;

use serde_json::Value;

use super::vec_map::VecMap;

/// `{"<namespace>": {"<property_name>": <value>}}`, namespaces in order.
pub type Properties = VecMap<String, BTreeMap<String, Value>>;

/// What `delete_*_properties` sends and `*_properties_deleted` pushes carry:
/// `{"<namespace>": ["<property_name>", ...]}`, sorted by namespace, one entry
/// per namespace (a later duplicate wins).
pub type DeletedProperties = VecMap<String, Vec<String>>;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deleted_properties_keep_one_sorted_entry_per_namespace_and_the_json_shape() {
        let d: DeletedProperties = [("b", vec!["x"]), ("a", vec!["y"]), ("b", vec!["z"])]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.into_iter().map(str::to_owned).collect()))
            .collect();
        assert_eq!(d.len(), 2);
        assert_eq!(d["b"], vec!["z".to_owned()]);
        let text = serde_json::to_string(&d).unwrap();
        assert_eq!(text, r#"{"a":["y"],"b":["z"]}"#);
        assert_eq!(serde_json::from_str::<DeletedProperties>(&text).unwrap(), d);
        assert_eq!(deleted_properties_from(&serde_json::from_str(&text).unwrap()), d);
    }
}
