//! Properties (spec: "Other common structures > Properties"): key-value storages
//! grouped by namespace, set on a chat, a thread or an event.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

/// `{"<namespace>": {"<property_name>": <value>}}`.
pub type Properties = BTreeMap<String, BTreeMap<String, Value>>;

/// What `delete_*_properties` sends and `*_properties_deleted` pushes carry:
/// `{"<namespace>": ["<property_name>", ...]}`.
///
/// A `Vec` kept sorted by namespace with one entry per namespace (a later
/// duplicate wins), like the map it replaces, without linking a B-tree for
/// this one value type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeletedProperties(Vec<(String, Vec<String>)>);

impl DeletedProperties {
    /// No namespaces.
    pub fn new() -> Self {
        DeletedProperties(Vec::new())
    }

    /// Sets the property names of `namespace`, replacing any it had.
    pub fn insert(&mut self, namespace: String, names: Vec<String>) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&namespace)) {
            Ok(i) => self.0[i].1 = names,
            Err(i) => self.0.insert(i, (namespace, names)),
        }
    }

    /// The property names of `namespace`.
    pub fn get(&self, namespace: &str) -> Option<&Vec<String>> {
        self.0.iter().find(|(k, _)| k == namespace).map(|(_, v)| v)
    }

    /// Each namespace with its property names, in namespace order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Vec<String>)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// How many namespaces there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no namespaces.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, Vec<String>)> for DeletedProperties {
    fn from_iter<I: IntoIterator<Item = (String, Vec<String>)>>(pairs: I) -> Self {
        let mut out = DeletedProperties::new();
        for (namespace, names) in pairs {
            out.insert(namespace, names);
        }
        out
    }
}

impl std::ops::Index<&str> for DeletedProperties {
    type Output = Vec<String>;

    /// The property names of `namespace`; panics when it has none, like a map's index.
    fn index(&self, namespace: &str) -> &Vec<String> {
        self.get(namespace).expect("no such namespace")
    }
}

/// Read from the object it stands for.
impl<'de> serde::Deserialize<'de> for DeletedProperties {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<String, Vec<String>>::deserialize(deserializer)?.into_iter().collect())
    }
}

/// Serialized as the object it stands for, namespaces in order.
impl Serialize for DeletedProperties {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

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
