//! Responses, decoded by the action of the request they answer (spec: each method's
//! "Response"). The session engine remembers which action a `request_id` was for;
//! the frame's own `action` is not used (the `list_threads` sample answers with `get_chat`).

use serde_json::Value;

use super::chat::{Chat, ChatSummary, Thread};
use super::form::GetFormResponse;
use super::frame::DecodeError;
use super::greeting::Greeting;
use super::group_status::ListGroupStatusesResponse;
use super::lenient::ids_from;
use super::read::{obj, Read};
use super::user::{Agent, Customer};

/// `list_chats` response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListChatsResponse {
    /// Chat summaries.
    pub chats_summary: Vec<ChatSummary>,
    /// Estimated total.
    pub total_chats: u64,
    /// Next page, if any.
    pub next_page_id: Option<String>,
    /// Previous page, if any.
    pub previous_page_id: Option<String>,
}

/// `list_threads` response.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListThreadsResponse {
    /// Threads, in the requested order.
    pub threads: Vec<Thread>,
    /// Number of threads found.
    pub found_threads: u64,
    /// Next page, if any.
    pub next_page_id: Option<String>,
    /// Previous page, if any.
    pub previous_page_id: Option<String>,
}

/// `start_chat` response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StartChatResponse {
    /// The new chat.
    pub chat_id: String,
    /// Its first thread.
    pub thread_id: String,
    /// Ids of the initial user events, in order.
    pub event_ids: Vec<String>,
}

/// `activate_chat` response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActivateChatResponse {
    /// The new thread.
    pub thread_id: String,
    /// Ids of the initial user events, in order.
    pub event_ids: Vec<String>,
}

/// `send_event` response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SendEventResponse {
    /// The id the server gave the event.
    pub event_id: String,
}

/// One entry of the login response's `chats`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoginChat {
    /// The chat.
    pub chat_id: String,
    /// Whether it has events the customer has not seen.
    pub has_unread_events: bool,
}

/// `login` response: the customer's initial state.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LoginResponse {
    /// The customer.
    pub customer: Customer,
    /// Whether some chat has an active thread.
    pub has_active_thread: bool,
    /// The customer's chats.
    pub chats: Vec<LoginChat>,
    /// A pending greeting.
    pub greeting: Option<Greeting>,
    /// `__priv_dynamic_config.online_groups_ids` when present (undocumented, private).
    pub online_groups_ids: Option<Vec<u32>>,
}

/// `get_url_info` response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlInfo {
    /// Page title.
    pub title: Option<String>,
    /// Page description.
    pub description: Option<String>,
    /// Minified image on the LiveChat CDN.
    pub image_url: Option<String>,
    /// Original image URL.
    pub image_original_url: Option<String>,
    /// Image width.
    pub image_width: Option<u32>,
    /// Image height.
    pub image_height: Option<u32>,
    /// The URL.
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

impl Response {
    /// Decodes a successful response's payload by the action of the request it answers.
    pub fn decode(request_action: &str, payload: Value) -> Result<Response, DecodeError> {
        let v = &payload;
        let read = || -> Read<Response> {
            Ok(match request_action {
                "list_chats" => Response::ListChats(ListChatsResponse::from_json(v)?),
                "list_threads" => Response::ListThreads(ListThreadsResponse::from_json(v)?),
                "get_chat" => Response::GetChat(Chat::from_json(v)?),
                "start_chat" => Response::StartChat(StartChatResponse::from_json(v)?),
                "activate_chat" => Response::ActivateChat(ActivateChatResponse::from_json(v)?),
                "send_event" => Response::SendEvent(SendEventResponse { event_id: obj(v)?.str("event_id")? }),
                "get_customer" => Response::GetCustomer(Customer::from_json(v)?),
                "login" => Response::Login(Box::new(LoginResponse::from_json(v)?)),
                "list_group_statuses" => Response::ListGroupStatuses(ListGroupStatusesResponse::from_json(v)?),
                "get_form" => Response::GetForm(GetFormResponse::from_json(v)?),
                "get_predicted_agent" => Response::GetPredictedAgent(Agent::from_json(v)?),
                "get_url_info" => Response::GetUrlInfo(UrlInfo::from_json(v)?),
                a if EMPTY_ACTIONS.contains(&a) => Response::Empty,
                _ => Response::Unknown(v.clone()),
            })
        };
        read().map_err(|e| DecodeError::unreadable(request_action, e))
    }
}

impl ListChatsResponse {
    /// Reads the `list_chats` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ListChatsResponse {
            chats_summary: o.list("chats_summary", ChatSummary::from_json)?,
            total_chats: o.u64_or_zero("total_chats")?,
            next_page_id: o.opt_str("next_page_id")?,
            previous_page_id: o.opt_str("previous_page_id")?,
        })
    }
}

impl ListThreadsResponse {
    /// Reads the `list_threads` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ListThreadsResponse {
            threads: o.list("threads", Thread::from_json)?,
            found_threads: o.u64_or_zero("found_threads")?,
            next_page_id: o.opt_str("next_page_id")?,
            previous_page_id: o.opt_str("previous_page_id")?,
        })
    }
}

impl StartChatResponse {
    /// Reads the `start_chat` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(StartChatResponse {
            chat_id: o.str("chat_id")?,
            thread_id: o.str("thread_id")?,
            event_ids: ids_from(o.get("event_ids")),
        })
    }
}

impl ActivateChatResponse {
    /// Reads the `activate_chat` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(ActivateChatResponse { thread_id: o.str("thread_id")?, event_ids: ids_from(o.get("event_ids")) })
    }
}

impl LoginChat {
    /// Reads one entry of the login response's `chats`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(LoginChat { chat_id: o.str("chat_id")?, has_unread_events: o.flag("has_unread_events")? })
    }
}

impl LoginResponse {
    /// Reads the `login` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let online_groups_ids = o
            .opt("__priv_dynamic_config")
            .and_then(|c| c.get("online_groups_ids"))
            .and_then(Value::as_array)
            .map(|ids| ids.iter().filter_map(|v| u32::try_from(v.as_u64()?).ok()).collect());
        Ok(LoginResponse {
            customer: Customer::from_json(o.req("customer")?)?,
            has_active_thread: o.flag("has_active_thread")?,
            chats: o.list("chats", LoginChat::from_json)?,
            greeting: o.opt_obj("greeting", Greeting::from_json)?,
            online_groups_ids,
        })
    }
}

impl UrlInfo {
    /// Reads the `get_url_info` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(UrlInfo {
            title: o.opt_str("title")?,
            description: o.opt_str("description")?,
            image_url: o.opt_str("image_url")?,
            image_original_url: o.opt_str("image_original_url")?,
            image_width: o.opt_u32("image_width")?,
            image_height: o.opt_u32("image_height")?,
            url: o.opt_str("url")?,
        })
    }
}
