//! Chat pushes (spec: "Pushes > Chats", "Chat access", "Chat users").

use serde_json::Value;

use crate::protocol::chat::{Chat, Queue, Transfer};
use crate::protocol::read::{obj, Read};
use crate::protocol::user::User;

/// `incoming_chat`: a chat came with a new thread (after `start_chat`, `activate_chat`, or an agent's start).
#[derive(Debug, Clone, PartialEq)]
pub struct IncomingChat {
    /// The chat, with its new `thread` (and initial events).
    pub chat: Chat,
    /// Who started it.
    pub requester_id: Option<String>,
    /// Where it was transferred from; the spec sample nests it in `chat`, both places are read.
    pub transferred_from: Option<Transfer>,
}

impl IncomingChat {
    /// Reads the `incoming_chat` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let chat = o.req("chat")?;
        let nested = chat.get("transferred_from").and_then(|t| Transfer::from_json(t).ok());
        Ok(IncomingChat {
            chat: Chat::from_json(chat)?,
            requester_id: o.opt_str("requester_id")?,
            transferred_from: o.opt_obj("transferred_from", Transfer::from_json)?.or(nested),
        })
    }
}

/// `chat_deactivated`: the open thread was closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatDeactivated {
    /// The chat.
    pub chat_id: String,
    /// The closed thread.
    pub thread_id: String,
    /// Who closed it; absent when the router did.
    pub user_id: Option<String>,
}

/// `chat_transferred`: the chat went to another group or agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChatTransferred {
    /// The chat.
    pub chat_id: String,
    /// Present if the chat is active.
    pub thread_id: Option<String>,
    /// Who transferred it.
    pub requester_id: Option<String>,
    /// New groups and agents.
    pub transferred_to: Transfer,
    /// Present if the chat is queued after the transfer.
    pub queue: Option<Queue>,
}

/// `user_added_to_chat`.
#[derive(Debug, Clone, PartialEq)]
pub struct UserAddedToChat {
    /// The chat.
    pub chat_id: String,
    /// Present when added to an active chat.
    pub thread_id: Option<String>,
    /// The user (customer or agent).
    pub user: User,
    /// Why, for example `manual`.
    pub reason: Option<String>,
    /// Present if an agent added the user.
    pub requester_id: Option<String>,
}

/// `user_removed_from_chat`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRemovedFromChat {
    /// The chat.
    pub chat_id: String,
    /// Present when removed from an active chat.
    pub thread_id: Option<String>,
    /// The removed user.
    pub user_id: String,
    /// Why, for example `manual`.
    pub reason: Option<String>,
    /// Present if an agent removed the user.
    pub requester_id: Option<String>,
}

impl ChatDeactivated {
    /// Reads the `chat_deactivated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ChatDeactivated {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            user_id: o.opt_str("user_id")?,
        })
    }
}

impl ChatTransferred {
    /// Reads the `chat_transferred` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ChatTransferred {
            chat_id: o.str("chat_id")?,
            thread_id: o.opt_str("thread_id")?,
            requester_id: o.opt_str("requester_id")?,
            // Missing is empty, but `null` is not a transfer.
            transferred_to: o.get("transferred_to").map(Transfer::from_json).transpose()?.unwrap_or_default(),
            queue: o.opt_obj("queue", Queue::from_json)?,
        })
    }
}

impl UserAddedToChat {
    /// Reads the `user_added_to_chat` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(UserAddedToChat {
            chat_id: o.str("chat_id")?,
            thread_id: o.opt_str("thread_id")?,
            user: User::from_json(o.req("user")?),
            reason: o.opt_str("reason")?,
            requester_id: o.opt_str("requester_id")?,
        })
    }
}

impl UserRemovedFromChat {
    /// Reads the `user_removed_from_chat` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(UserRemovedFromChat {
            chat_id: o.str("chat_id")?,
            thread_id: o.opt_str("thread_id")?,
            user_id: o.str("user_id")?,
            reason: o.opt_str("reason")?,
            requester_id: o.opt_str("requester_id")?,
        })
    }
}
