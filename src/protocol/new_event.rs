//! Events the customer sends (spec: the "Request" tables of "Events > ..."), used by
//! `send_event` and by the initial thread events of `start_chat` / `activate_chat`.
//!
//! Only the request-table fields are written: no `id`, `created_at` or `author_id`
//! (server-generated), and no `recipients`/`visibility` either. The Customer RTM v3.2
//! request tables do not list it (only the `send_event` sample shows `"recipients":
//! "all"`, which is the server default anyway), so we follow the tables.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::event::{
    CustomEvent, Event, EventBody, FileEvent, FilledFormEvent, MessageEvent, MessagePostback, SystemMessage,
};
use super::form::FilledFormField;
use super::properties::Properties;
use super::read::Read;
use super::request::payload::string_map;
use super::rich_message::{RichElement, RichMessage};

/// The type-specific part of a [`NewEvent`].
#[derive(Debug, Clone, PartialEq)]
pub enum NewEventBody {
    /// `message`: `text`, optional `postback`.
    Message {
        /// Text, at most 16 KB.
        text: String,
        /// Set when the message answers a rich message button.
        postback: Option<MessagePostback>,
    },
    /// `filled_form`: `form_id`, `fields`.
    FilledForm {
        /// The form's id from `get_form`.
        form_id: String,
        /// Answered fields.
        fields: Vec<FilledFormField>,
    },
    /// `file`: `url` (a LiveChat CDN URL).
    File {
        /// The uploaded file URL.
        url: String,
    },
    /// `rich_message`: `template_id`, `elements`.
    RichMessage(RichMessage),
    /// `custom`: optional `content`.
    Custom {
        /// Free-form content.
        content: Option<Value>,
    },
    /// `system_message`: `system_message_type`, optional `text`, `text_vars`.
    SystemMessage {
        /// System message type.
        system_message_type: String,
        /// Text.
        text: Option<String>,
        /// Text variables.
        text_vars: Option<BTreeMap<String, String>>,
    },
}

/// An event to send: `custom_id`, `properties` and a body. Written by
/// [`NewEvent::to_value`] (requests and the stored outbox) and read back only by
/// [`NewEvent::from_json`] (the stored outbox).
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    /// Client-chosen id, echoed back by the server so the optimistic copy can be matched.
    pub custom_id: Option<String>,
    /// Event properties.
    pub properties: Option<Properties>,
    /// The type-specific part.
    pub body: NewEventBody,
}

impl NewEvent {
    fn with_body(body: NewEventBody) -> Self {
        NewEvent { custom_id: None, properties: None, body }
    }

    /// A `message` event.
    pub fn message(text: impl Into<String>) -> Self {
        Self::with_body(NewEventBody::Message { text: text.into(), postback: None })
    }

    /// A `message` answering a rich message button (`postback`).
    pub fn postback_message(text: impl Into<String>, postback: MessagePostback) -> Self {
        Self::with_body(NewEventBody::Message { text: text.into(), postback: Some(postback) })
    }

    /// A `filled_form` event (pre-chat or post-chat survey answers).
    pub fn filled_form(form_id: impl Into<String>, fields: Vec<FilledFormField>) -> Self {
        Self::with_body(NewEventBody::FilledForm { form_id: form_id.into(), fields })
    }

    /// A `file` event.
    pub fn file(url: impl Into<String>) -> Self {
        Self::with_body(NewEventBody::File { url: url.into() })
    }

    /// A `rich_message` event.
    pub fn rich_message(rich: RichMessage) -> Self {
        Self::with_body(NewEventBody::RichMessage(rich))
    }

    /// A `custom` event.
    pub fn custom(content: Option<Value>) -> Self {
        Self::with_body(NewEventBody::Custom { content })
    }

    /// A `system_message` event.
    pub fn system_message(system_message_type: impl Into<String>, text: Option<String>) -> Self {
        Self::with_body(NewEventBody::SystemMessage {
            system_message_type: system_message_type.into(),
            text,
            text_vars: None,
        })
    }

    /// Sets `custom_id`.
    pub fn with_custom_id(mut self, custom_id: impl Into<String>) -> Self {
        self.custom_id = Some(custom_id.into());
        self
    }

    /// Sets `properties`.
    pub fn with_properties(mut self, properties: Properties) -> Self {
        self.properties = Some(properties);
        self
    }

    /// The wire `type`.
    pub fn event_type(&self) -> &'static str {
        match self.body {
            NewEventBody::Message { .. } => "message",
            NewEventBody::FilledForm { .. } => "filled_form",
            NewEventBody::File { .. } => "file",
            NewEventBody::RichMessage(_) => "rich_message",
            NewEventBody::Custom { .. } => "custom",
            NewEventBody::SystemMessage { .. } => "system_message",
        }
    }

    /// The request JSON of this event: only the fields of its request table.
    pub fn to_value(&self) -> Value {
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        if let Some(c) = &self.custom_id {
            put("custom_id", c.as_str().into());
        }
        put("type", self.event_type().into());
        if let Some(p) = &self.properties {
            put("properties", p.to_value());
        }
        match &self.body {
            NewEventBody::Message { text, postback } => {
                put("text", text.as_str().into());
                if let Some(p) = postback {
                    put("postback", p.to_value());
                }
            }
            NewEventBody::FilledForm { form_id, fields } => {
                put("form_id", form_id.as_str().into());
                put("fields", Value::Array(fields.iter().map(FilledFormField::to_value).collect()));
            }
            NewEventBody::File { url } => put("url", url.as_str().into()),
            NewEventBody::RichMessage(r) => {
                put("template_id", r.template_id.as_str().into());
                if !r.elements.is_empty() {
                    put("elements", Value::Array(r.elements.iter().map(RichElement::to_value).collect()));
                }
            }
            NewEventBody::Custom { content } => {
                if let Some(c) = content {
                    put("content", c.clone());
                }
            }
            NewEventBody::SystemMessage { system_message_type, text, text_vars } => {
                if let Some(t) = text {
                    put("text", t.as_str().into());
                }
                put("system_message_type", system_message_type.as_str().into());
                if let Some(v) = text_vars {
                    put("text_vars", string_map(v));
                }
            }
        }
        Value::Object(m)
    }

    /// The event as the customer's own log shows it before the server answers:
    /// no id and no time yet, written by `author_id` when known.
    pub fn to_local_event(&self, author_id: Option<String>) -> Event {
        let body = match &self.body {
            NewEventBody::Message { text, postback } => {
                EventBody::Message(MessageEvent { text: text.clone(), postback: postback.clone() })
            }
            NewEventBody::FilledForm { form_id, fields } => EventBody::FilledForm(FilledFormEvent {
                form_id: form_id.clone(),
                form_type: None,
                fields: fields.clone(),
            }),
            NewEventBody::File { url } => EventBody::File(FileEvent { url: url.clone(), ..FileEvent::default() }),
            NewEventBody::RichMessage(r) => EventBody::RichMessage(r.clone()),
            NewEventBody::Custom { content } => EventBody::Custom(CustomEvent { content: content.clone() }),
            NewEventBody::SystemMessage { system_message_type, text, text_vars } => {
                EventBody::SystemMessage(SystemMessage {
                    text: text.clone(),
                    system_message_type: system_message_type.clone(),
                    text_vars: text_vars.clone().unwrap_or_default(),
                })
            }
        };
        Event {
            id: String::new(),
            custom_id: self.custom_id.clone(),
            created_at: None,
            order: None,
            author_id,
            visibility: None,
            properties: self.properties.clone().unwrap_or_default(),
            body,
        }
    }

    /// Reads an event as [`NewEvent::to_value`] writes it (the outbox in storage);
    /// `form` and unknown types, which a customer does not send, are an error.
    pub fn from_json(v: &Value) -> Read<NewEvent> {
        NewEvent::from_event(&Event::from_json(v)).ok_or("type")
    }

    /// The sendable part of a received event; `None` for `form` and unknown events,
    /// which a customer does not send.
    pub fn from_event(event: &Event) -> Option<NewEvent> {
        let body = match &event.body {
            EventBody::Message(m) => NewEventBody::Message { text: m.text.clone(), postback: m.postback.clone() },
            EventBody::FilledForm(f) => {
                NewEventBody::FilledForm { form_id: f.form_id.clone(), fields: f.fields.clone() }
            }
            EventBody::File(f) => NewEventBody::File { url: f.url.clone() },
            EventBody::RichMessage(r) => NewEventBody::RichMessage(r.clone()),
            EventBody::Custom(c) => NewEventBody::Custom { content: c.content.clone() },
            EventBody::SystemMessage(s) => NewEventBody::SystemMessage {
                system_message_type: s.system_message_type.clone(),
                text: s.text.clone(),
                text_vars: (!s.text_vars.is_empty()).then(|| s.text_vars.clone()),
            },
            EventBody::Form(_) | EventBody::Unknown { .. } => return None,
        };
        Some(NewEvent {
            custom_id: event.custom_id.clone(),
            properties: (!event.properties.is_empty()).then(|| event.properties.clone()),
            body,
        })
    }
}
