//! Properties (spec: "Other common structures > Properties"): key-value storages
//! grouped by namespace, set on a chat, a thread or an event.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `{"<namespace>": {"<property_name>": <value>}}`.
pub type Properties = BTreeMap<String, BTreeMap<String, Value>>;

/// What `delete_*_properties` sends and `*_properties_deleted` pushes carry:
/// `{"<namespace>": ["<property_name>", ...]}`.
pub type DeletedProperties = BTreeMap<String, Vec<String>>;

/// Reads a properties object leniently: `null` is empty, and a namespace whose
/// value is not an object is skipped instead of failing the whole frame.
pub fn properties_from(v: &Value) -> Properties {
    match v {
        Value::Object(map) => map
            .iter()
            .filter_map(|(ns, props)| match props {
                Value::Object(p) => Some((ns.clone(), p.iter().map(|(k, v)| (k.clone(), v.clone())).collect())),
                _ => None,
            })
            .collect(),
        _ => Properties::new(),
    }
}

/// serde `deserialize_with` form of [`properties_from`].
pub fn lenient_properties<'de, D: Deserializer<'de>>(d: D) -> Result<Properties, D::Error> {
    Ok(properties_from(&Value::deserialize(d)?))
}

/// Reads deleted-properties leniently: non-string names and non-array namespaces are skipped.
pub fn lenient_deleted_properties<'de, D: Deserializer<'de>>(d: D) -> Result<DeletedProperties, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Object(map) => map
            .into_iter()
            .filter_map(|(ns, names)| match names {
                Value::Array(a) => Some((ns, a.into_iter().filter_map(|n| n.as_str().map(str::to_owned)).collect())),
                _ => None,
            })
            .collect(),
        _ => DeletedProperties::new(),
    })
}
