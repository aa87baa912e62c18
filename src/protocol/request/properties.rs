//! Property requests (spec: "Methods > Properties").

use serde_json::Value;

use super::payload::Payload;
use crate::protocol::properties::{DeletedProperties, Properties};

/// `update_chat_properties`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateChatProperties {
    /// The chat.
    pub chat_id: String,
    /// Properties to set.
    pub properties: Properties,
}

/// `delete_chat_properties`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeleteChatProperties {
    /// The chat.
    pub chat_id: String,
    /// Namespace to property names.
    pub properties: DeletedProperties,
}

/// `update_thread_properties`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UpdateThreadProperties {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Properties to set.
    pub properties: Properties,
}

/// `delete_thread_properties`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeleteThreadProperties {
    /// The chat.
    pub chat_id: String,
    /// The thread.
    pub thread_id: String,
    /// Namespace to property names.
    pub properties: DeletedProperties,
}

/// `update_event_properties`.
#[derive(Debug, Clone, PartialEq, Default)]
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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

impl UpdateChatProperties {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("chat_id", &self.chat_id).put("properties", self.properties.to_value()).done()
    }
}

impl DeleteChatProperties {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("chat_id", &self.chat_id).put("properties", self.properties.to_value()).done()
    }
}

impl UpdateThreadProperties {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("chat_id", &self.chat_id)
            .str("thread_id", &self.thread_id)
            .put("properties", self.properties.to_value())
            .done()
    }
}

impl DeleteThreadProperties {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("chat_id", &self.chat_id)
            .str("thread_id", &self.thread_id)
            .put("properties", self.properties.to_value())
            .done()
    }
}

impl UpdateEventProperties {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("chat_id", &self.chat_id)
            .str("thread_id", &self.thread_id)
            .str("event_id", &self.event_id)
            .put("properties", self.properties.to_value())
            .done()
    }
}

impl DeleteEventProperties {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("chat_id", &self.chat_id)
            .str("thread_id", &self.thread_id)
            .str("event_id", &self.event_id)
            .put("properties", self.properties.to_value())
            .done()
    }
}
