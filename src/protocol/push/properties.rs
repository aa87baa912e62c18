//! Property pushes (spec: "Pushes > Properties"). `*_updated` carry only the changed
//! properties; `*_deleted` carry namespace to deleted names.

use serde_json::Value;

use crate::protocol::properties::{DeletedProperties, Properties};
use crate::protocol::read::{obj, Obj, Read};

/// The changed `properties` (lenient: a bad value is empty).
fn changed(o: Obj) -> Properties {
    o.get("properties").map(Properties::from_json).unwrap_or_default()
}

/// The deleted `properties` (lenient: a bad value is empty).
fn deleted(o: Obj) -> DeletedProperties {
    o.get("properties").map(DeletedProperties::from_json).unwrap_or_default()
}

/// `chat_properties_updated`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatPropertiesUpdated {
    /// The chat.
    pub chat_id: String,
    /// Changed properties.
    pub properties: Properties,
}

/// `chat_properties_deleted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatPropertiesDeleted {
    /// The chat.
    pub chat_id: String,
    /// Deleted names by namespace.
    pub properties: DeletedProperties,
}

/// `thread_properties_updated`.
#[derive(Debug, Clone, PartialEq)]
pub struct ThreadPropertiesUpdated {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Changed properties.
    pub properties: Properties,
}

/// `thread_properties_deleted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadPropertiesDeleted {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Deleted names by namespace.
    pub properties: DeletedProperties,
}

/// `event_properties_updated`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventPropertiesUpdated {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event_id: String,
    /// Changed properties.
    pub properties: Properties,
}

/// `event_properties_deleted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventPropertiesDeleted {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event_id: String,
    /// Deleted names by namespace.
    pub properties: DeletedProperties,
}

impl ChatPropertiesUpdated {
    /// Reads the `chat_properties_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ChatPropertiesUpdated { chat_id: o.str("chat_id")?, properties: changed(o) })
    }
}

impl ChatPropertiesDeleted {
    /// Reads the `chat_properties_deleted` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ChatPropertiesDeleted { chat_id: o.str("chat_id")?, properties: deleted(o) })
    }
}

impl ThreadPropertiesUpdated {
    /// Reads the `thread_properties_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ThreadPropertiesUpdated {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            properties: changed(o),
        })
    }
}

impl ThreadPropertiesDeleted {
    /// Reads the `thread_properties_deleted` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ThreadPropertiesDeleted {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            properties: deleted(o),
        })
    }
}

impl EventPropertiesUpdated {
    /// Reads the `event_properties_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(EventPropertiesUpdated {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            event_id: o.str("event_id")?,
            properties: changed(o),
        })
    }
}

impl EventPropertiesDeleted {
    /// Reads the `event_properties_deleted` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(EventPropertiesDeleted {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            event_id: o.str("event_id")?,
            properties: deleted(o),
        })
    }
}
