//! Responses, decoded by the action of the request they answer (spec: each method's
//! "Response"). The session engine remembers which action a `request_id` was for;
//! the frame's own `action` is not used (the `list_threads` sample answers with `get_chat`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::chat::{Chat, ChatSummary, Thread};
use super::form::GetFormResponse;
use super::frame::DecodeError;
use super::greeting::Greeting;
use super::group_status::ListGroupStatusesResponse;
use super::lenient::null_default;
use super::user::{lenient_ids, Agent, Customer};

/// `list_chats` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListChatsResponse {
    /// Chat summaries.
    #[serde(default, deserialize_with = "null_default")]
    pub chats_summary: Vec<ChatSummary>,
    /// Estimated total.
    #[serde(default)]
    pub total_chats: u64,
    /// Next page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_id: Option<String>,
    /// Previous page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_page_id: Option<String>,
}

/// `list_threads` response.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct ListThreadsResponse {
    /// Threads, in the requested order.
    #[serde(default, deserialize_with = "null_default")]
    pub threads: Vec<Thread>,
    /// Number of threads found.
    #[serde(default)]
    pub found_threads: u64,
    /// Next page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_id: Option<String>,
    /// Previous page, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_page_id: Option<String>,
}

/// `start_chat` response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct StartChatResponse {
    /// The new chat.
    pub chat_id: String,
    /// Its first thread.
    pub thread_id: String,
    /// Ids of the initial user events, in order.
    #[serde(default, deserialize_with = "lenient_ids", skip_serializing_if = "Vec::is_empty")]
    pub event_ids: Vec<String>,
}

/// `activate_chat` response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ActivateChatResponse {
    /// The new thread.
    pub thread_id: String,
    /// Ids of the initial user events, in order.
    #[serde(default, deserialize_with = "lenient_ids", skip_serializing_if = "Vec::is_empty")]
    pub event_ids: Vec<String>,
}

/// `send_event` response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SendEventResponse {
    /// The id the server gave the event.
    pub event_id: String,
}

/// One entry of the login response's `chats`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LoginChat {
    /// The chat.
    pub chat_id: String,
    /// Whether it has events the customer has not seen.
    #[serde(default, deserialize_with = "null_default")]
    pub has_unread_events: bool,
}

/// `login` response: the customer's initial state.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct LoginResponse {
    /// The customer.
    pub customer: Customer,
    /// Whether some chat has an active thread.
    pub has_active_thread: bool,
    /// The customer's chats.
    pub chats: Vec<LoginChat>,
    /// A pending greeting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greeting: Option<Greeting>,
    /// `__priv_dynamic_config.online_groups_ids` when present (undocumented, private).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub online_groups_ids: Option<Vec<u32>>,
}

impl<'de> Deserialize<'de> for LoginResponse {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            customer: Customer,
            #[serde(default, deserialize_with = "null_default")]
            has_active_thread: bool,
            #[serde(default, deserialize_with = "null_default")]
            chats: Vec<LoginChat>,
            #[serde(default)]
            greeting: Option<Greeting>,
            #[serde(default, rename = "__priv_dynamic_config")]
            dynamic_config: Option<Value>,
        }
        let r = Raw::deserialize(d)?;
        let online_groups_ids = r
            .dynamic_config
            .as_ref()
            .and_then(|c| c.get("online_groups_ids"))
            .and_then(Value::as_array)
            .map(|ids| ids.iter().filter_map(|v| u32::try_from(v.as_u64()?).ok()).collect());
        Ok(LoginResponse {
            customer: r.customer,
            has_active_thread: r.has_active_thread,
            chats: r.chats,
            greeting: r.greeting,
            online_groups_ids,
        })
    }
}

/// `get_url_info` response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UrlInfo {
    /// Page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Page description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Minified image on the LiveChat CDN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Original image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_original_url: Option<String>,
    /// Image width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_width: Option<u32>,
    /// Image height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_height: Option<u32>,
    /// The URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A decoded successful response.
#[derive(Debug, Clone, PartialEq)]
pub enum Response {
    /// `list_chats`.
    ListChats(ListChatsResponse),
    /// `list_threads`.
    ListThreads(ListThreadsResponse),
    /// `get_chat`: the chat with one `thread`.
    GetChat(Chat),
    /// `start_chat`.
    StartChat(StartChatResponse),
    /// `activate_chat`.
    ActivateChat(ActivateChatResponse),
    /// `send_event`.
    SendEvent(SendEventResponse),
    /// `get_customer`.
    GetCustomer(Customer),
    /// `login`.
    Login(Box<LoginResponse>),
    /// `list_group_statuses`.
    ListGroupStatuses(ListGroupStatusesResponse),
    /// `get_form`.
    GetForm(GetFormResponse),
    /// `get_predicted_agent`.
    GetPredictedAgent(Agent),
    /// `get_url_info`.
    GetUrlInfo(UrlInfo),
    /// A method without response payload (deactivate_chat, properties, customer updates,
    /// postbacks, sneak peeks, mark_events_as_seen, greetings, ping); whatever payload came is ignored.
    Empty,
    /// A response to an action this version does not know, kept raw.
    Unknown(Value),
}

/// Actions whose responses carry no payload.
const EMPTY_ACTIONS: &[&str] = &[
    "deactivate_chat",
    "send_rich_message_postback",
    "send_sneak_peek",
    "update_chat_properties",
    "delete_chat_properties",
    "update_thread_properties",
    "delete_thread_properties",
    "update_event_properties",
    "delete_event_properties",
    "update_customer",
    "update_customer_page",
    "set_customer_session_fields",
    "mark_events_as_seen",
    "accept_greeting",
    "cancel_greeting",
    "ping",
];

fn typed<T: for<'de> Deserialize<'de>>(action: &str, payload: Value) -> Result<T, DecodeError> {
    T::deserialize(payload).map_err(|e| DecodeError::Payload { action: action.to_owned(), reason: e.to_string() })
}

impl Response {
    /// Decodes a successful response's payload by the action of the request it answers.
    pub fn decode(request_action: &str, payload: Value) -> Result<Response, DecodeError> {
        let a = request_action;
        Ok(match a {
            "list_chats" => Response::ListChats(typed(a, payload)?),
            "list_threads" => Response::ListThreads(typed(a, payload)?),
            "get_chat" => Response::GetChat(typed(a, payload)?),
            "start_chat" => Response::StartChat(typed(a, payload)?),
            "activate_chat" => Response::ActivateChat(typed(a, payload)?),
            "send_event" => Response::SendEvent(typed(a, payload)?),
            "get_customer" => Response::GetCustomer(typed(a, payload)?),
            "login" => Response::Login(Box::new(typed(a, payload)?)),
            "list_group_statuses" => Response::ListGroupStatuses(typed(a, payload)?),
            "get_form" => Response::GetForm(typed(a, payload)?),
            "get_predicted_agent" => Response::GetPredictedAgent(typed(a, payload)?),
            "get_url_info" => Response::GetUrlInfo(typed(a, payload)?),
            _ if EMPTY_ACTIONS.contains(&a) => Response::Empty,
            _ => Response::Unknown(payload),
        })
    }
}
