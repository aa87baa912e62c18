//! Chat pushes (spec: "Pushes > Chats", "Chat access", "Chat users").

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::protocol::chat::{Chat, Queue, Transfer};
use crate::protocol::user::User;

/// `incoming_chat`: a chat came with a new thread (after `start_chat`, `activate_chat`, or an agent's start).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IncomingChat {
    /// The chat, with its new `thread` (and initial events).
    pub chat: Chat,
    /// Who started it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requester_id: Option<String>,
    /// Where it was transferred from; the spec sample nests it in `chat`, both places are read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transferred_from: Option<Transfer>,
}

impl<'de> Deserialize<'de> for IncomingChat {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            chat: Value,
            #[serde(default)]
            requester_id: Option<String>,
            #[serde(default)]
            transferred_from: Option<Transfer>,
        }
        let r = Raw::deserialize(d)?;
        let nested = r.chat.get("transferred_from").and_then(|t| Transfer::deserialize(t).ok());
        let chat = Chat::deserialize(r.chat).map_err(serde::de::Error::custom)?;
        Ok(IncomingChat { chat, requester_id: r.requester_id, transferred_from: r.transferred_from.or(nested) })
    }
}

/// `chat_deactivated`: the open thread was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatDeactivated {
    /// The chat.
    pub chat_id: String,
    /// The closed thread.
    pub thread_id: String,
    /// Who closed it; absent when the router did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
}

/// `chat_transferred`: the chat went to another group or agent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChatTransferred {
    /// The chat.
    pub chat_id: String,
    /// Present if the chat is active.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// Who transferred it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_id: Option<String>,
    /// New groups and agents.
    #[serde(default)]
    pub transferred_to: Transfer,
    /// Present if the chat is queued after the transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub queue: Option<Queue>,
}

/// `user_added_to_chat`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserAddedToChat {
    /// The chat.
    pub chat_id: String,
    /// Present when added to an active chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// The user (customer or agent).
    pub user: User,
    /// Why, for example `manual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Present if an agent added the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_id: Option<String>,
}

/// `user_removed_from_chat`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRemovedFromChat {
    /// The chat.
    pub chat_id: String,
    /// Present when removed from an active chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thread_id: Option<String>,
    /// The removed user.
    pub user_id: String,
    /// Why, for example `manual`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// Present if an agent removed the user.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requester_id: Option<String>,
}
