//! Property requests (spec: "Methods > Properties").

use serde::{Deserialize, Serialize};

use crate::protocol::properties::{DeletedProperties, Properties};

/// `update_chat_properties`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateChatProperties {
    /// The chat.
    pub chat_id: String,
    /// Properties to set.
    pub properties: Properties,
}

/// `delete_chat_properties`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeleteChatProperties {
    /// The chat.
    pub chat_id: String,
    /// Namespace to property names.
    pub properties: DeletedProperties,
}

/// `update_thread_properties`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateThreadProperties {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Properties to set.
    pub properties: Properties,
}

/// `delete_thread_properties`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeleteThreadProperties {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Namespace to property names.
    pub properties: DeletedProperties,
}

/// `update_event_properties`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UpdateEventProperties {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event_id: String,
    /// Properties to set.
    pub properties: Properties,
}

/// `delete_event_properties`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DeleteEventProperties {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// The event.
    pub event_id: String,
    /// Namespace to property names.
    pub properties: DeletedProperties,
}
