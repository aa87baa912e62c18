//! Property pushes (spec: "Pushes > Properties"). `*_updated` carry only the changed
//! properties; `*_deleted` carry namespace to deleted names.

use serde::{Deserialize, Serialize};

use crate::protocol::properties::{lenient_deleted_properties, lenient_properties, DeletedProperties, Properties};

/// `chat_properties_updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatPropertiesUpdated {
    /// The chat.
    pub chat_id: String,
    /// Changed properties.
    #[serde(default, deserialize_with = "lenient_properties")]
    pub properties: Properties,
}

/// `chat_properties_deleted`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatPropertiesDeleted {
    /// The chat.
    pub chat_id: String,
    /// Deleted names by namespace.
    #[serde(default, deserialize_with = "lenient_deleted_properties")]
    pub properties: DeletedProperties,
}

/// `thread_properties_updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThreadPropertiesUpdated {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Changed properties.
    #[serde(default, deserialize_with = "lenient_properties")]
    pub properties: Properties,
}

/// `thread_properties_deleted`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadPropertiesDeleted {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Deleted names by namespace.
    #[serde(default, deserialize_with = "lenient_deleted_properties")]
    pub properties: DeletedProperties,
}

/// `event_properties_updated`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPropertiesUpdated {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event_id: String,
    /// Changed properties.
    #[serde(default, deserialize_with = "lenient_properties")]
    pub properties: Properties,
}

/// `event_properties_deleted`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventPropertiesDeleted {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event_id: String,
    /// Deleted names by namespace.
    #[serde(default, deserialize_with = "lenient_deleted_properties")]
    pub properties: DeletedProperties,
}
