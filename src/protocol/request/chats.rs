//! Chat requests (spec: "Methods > Chats").

use serde_json::Value;

use crate::protocol::chat::Access;
use crate::protocol::new_event::NewEvent;
use crate::protocol::properties::Properties;
use crate::protocol::wire_enum::wire_enum;

use super::payload::Payload;

wire_enum! {
    /// `sort_order` of `list_chats` / `list_threads`.
    pub enum SortOrder {
        /// Oldest first.
        Asc => "asc",
        /// Newest first (the default).
        Desc => "desc",
    }
}

/// `list_chats`: summaries of the customer's chats.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListChats {
    /// Default 10, max 25.
    pub limit: Option<u32>,
    /// Default `desc`.
    pub sort_order: Option<SortOrder>,
    /// Page from a previous response.
    pub page_id: Option<String>,
}

/// `list_threads`: threads of one chat.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListThreads {
    /// The chat.
    pub chat_id: String,
    /// Default `desc`.
    pub sort_order: Option<SortOrder>,
    /// Default 3, max 100; not together with `min_events_count`.
    pub limit: Option<u32>,
    /// Page from a previous response.
    pub page_id: Option<String>,
    /// 1-100: return as many latest threads as needed for this many events.
    pub min_events_count: Option<u32>,
}

impl ListThreads {
    /// `list_threads` of `chat_id` with defaults.
    pub fn new(chat_id: impl Into<String>) -> Self {
        ListThreads { chat_id: chat_id.into(), ..Default::default() }
    }
}

/// `get_chat`: one chat with one thread.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetChat {
    /// The chat.
    pub chat_id: String,
    /// Default: the latest thread.
    pub thread_id: Option<String>,
}

/// A user reference in `start_chat`'s `chat.users` (only one customer is allowed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatUserRef {
    /// User id.
    pub id: String,
    /// `customer`.
    pub user_type: String,
}

impl ChatUserRef {
    /// A reference to the customer `id`.
    pub fn customer(id: impl Into<String>) -> Self {
        ChatUserRef { id: id.into(), user_type: "customer".into() }
    }
}

/// `chat.thread` of `start_chat` / `activate_chat`: initial events and thread properties.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InitialThread {
    /// Initial events (for example the pre-chat `filled_form` and the first message).
    pub events: Option<Vec<NewEvent>>,
    /// Initial thread properties.
    pub properties: Option<Properties>,
}

/// `chat` of `start_chat`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct NewChat {
    /// Initial chat properties.
    pub properties: Option<Properties>,
    /// Access; default all agents.
    pub access: Option<Access>,
    /// Existing users; only one customer is allowed.
    pub users: Option<Vec<ChatUserRef>>,
    /// Initial thread.
    pub thread: Option<InitialThread>,
}

/// `start_chat`: starts a chat (push: `incoming_chat`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StartChat {
    /// The chat to start.
    pub chat: Option<NewChat>,
    /// Start as continuous (no online group required); default false.
    pub continuous: Option<bool>,
}

impl StartChat {
    /// A chat started with these initial events (an empty list sends no `chat`).
    pub fn with_events(events: Vec<NewEvent>) -> Self {
        if events.is_empty() {
            return StartChat::default();
        }
        StartChat {
            chat: Some(NewChat {
                thread: Some(InitialThread { events: Some(events), properties: None }),
                ..Default::default()
            }),
            continuous: None,
        }
    }
}

/// `chat` of `activate_chat`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChatToActivate {
    /// The chat to restart.
    pub id: String,
    /// Access; default all agents.
    pub access: Option<Access>,
    /// Initial chat properties.
    pub properties: Option<Properties>,
    /// Initial thread.
    pub thread: Option<InitialThread>,
}

/// `activate_chat`: restarts an archived chat (push: `incoming_chat`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActivateChat {
    /// The chat.
    pub chat: ChatToActivate,
    /// Set continuous mode; unset leaves it unchanged.
    pub continuous: Option<bool>,
}

impl ActivateChat {
    /// Activates `chat_id`, optionally with initial events (an empty list sends no `thread`).
    pub fn new(chat_id: impl Into<String>, events: Vec<NewEvent>) -> Self {
        let thread =
            if events.is_empty() { None } else { Some(InitialThread { events: Some(events), properties: None }) };
        ActivateChat { chat: ChatToActivate { id: chat_id.into(), thread, ..Default::default() }, continuous: None }
    }
}

/// `deactivate_chat`: closes the open thread.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DeactivateChat {
    /// The chat.
    pub chat_id: String,
}

impl ListChats {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .opt("limit", self.limit.map(Value::from))
            .opt("sort_order", self.sort_order.as_ref().map(SortOrder::to_value))
            .opt_str("page_id", &self.page_id)
            .done()
    }
}

impl ListThreads {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("chat_id", &self.chat_id)
            .opt("sort_order", self.sort_order.as_ref().map(SortOrder::to_value))
            .opt("limit", self.limit.map(Value::from))
            .opt_str("page_id", &self.page_id)
            .opt("min_events_count", self.min_events_count.map(Value::from))
            .done()
    }
}

impl GetChat {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("chat_id", &self.chat_id).opt_str("thread_id", &self.thread_id).done()
    }
}

impl InitialThread {
    /// The wire shape.
    pub fn to_value(&self) -> Value {
        let events = self.events.as_ref().map(|e| Value::Array(e.iter().map(NewEvent::to_value).collect()));
        Payload::new()
            .opt("events", events)
            .opt("properties", self.properties.as_ref().map(Properties::to_value))
            .done()
    }
}

impl NewChat {
    /// The wire shape.
    pub fn to_value(&self) -> Value {
        let users = self.users.as_ref().map(|u| {
            Value::Array(u.iter().map(|u| Payload::new().str("id", &u.id).str("type", &u.user_type).done()).collect())
        });
        Payload::new()
            .opt("properties", self.properties.as_ref().map(Properties::to_value))
            .opt("access", self.access.as_ref().map(Access::to_value))
            .opt("users", users)
            .opt("thread", self.thread.as_ref().map(InitialThread::to_value))
            .done()
    }
}

impl StartChat {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .opt("chat", self.chat.as_ref().map(NewChat::to_value))
            .opt("continuous", self.continuous.map(Value::from))
            .done()
    }
}

impl ActivateChat {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        let c = &self.chat;
        let chat = Payload::new()
            .str("id", &c.id)
            .opt("access", c.access.as_ref().map(Access::to_value))
            .opt("properties", c.properties.as_ref().map(Properties::to_value))
            .opt("thread", c.thread.as_ref().map(InitialThread::to_value))
            .done();
        Payload::new().put("chat", chat).opt("continuous", self.continuous.map(Value::from)).done()
    }
}

impl DeactivateChat {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("chat_id", &self.chat_id).done()
    }
}
