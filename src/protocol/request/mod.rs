//! Requests: one struct per customer method (spec: "Methods"), and [`Request`], which
//! knows each method's `action` and writes the frame.
//!
//! Requests are only sent, so each struct has a writer and no reader: `to_value`
//! gives exactly its request table, required fields always, optional ones only when
//! set, and `{}` for methods without parameters.

pub mod chats;
pub mod customers;
pub mod events;
pub mod other;
pub(crate) mod payload;
pub mod properties;
pub mod status;

use serde_json::Value;

pub use chats::{
    ActivateChat, ChatToActivate, ChatUserRef, DeactivateChat, GetChat, InitialThread, ListChats, ListThreads, NewChat,
    SortOrder, StartChat,
};
pub use customers::{GetCustomer, SetCustomerSessionFields, UpdateCustomer, UpdateCustomerPage};
pub use events::{RichMessagePostback, SendEvent, SendRichMessagePostback, SendSneakPeek};
pub use other::{AcceptGreeting, CancelGreeting, GetForm, GetPredictedAgent, GetUrlInfo, MarkEventsAsSeen, Ping};
pub use properties::{
    DeleteChatProperties, DeleteEventProperties, DeleteThreadProperties, UpdateChatProperties, UpdateEventProperties,
    UpdateThreadProperties,
};
pub use status::{Application, CustomerPage, ListGroupStatuses, Login, LoginCustomer};

use super::frame::OutgoingFrame;

macro_rules! requests {
    ($( $(#[$doc:meta])* $variant:ident => $action:literal, )*) => {
        /// Any customer request, one variant per method.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Request {
            $( $(#[$doc])* $variant($variant), )*
        }

        impl Request {
            /// Every action this enum can send, in spec order.
            pub const ACTIONS: &'static [&'static str] = &[$($action),*];

            /// The method name, as in the frame's `action`.
            pub fn action(&self) -> &'static str {
                match self {
                    $( Request::$variant(_) => $action, )*
                }
            }

            /// The frame's `payload`.
            pub fn payload(&self) -> Value {
                match self {
                    $( Request::$variant(r) => r.to_value(), )*
                }
            }
        }

        $(
            impl From<$variant> for Request {
                fn from(r: $variant) -> Request {
                    Request::$variant(r)
                }
            }
        )*
    };
}

requests! {
    /// `list_chats`.
    ListChats => "list_chats",
    /// `list_threads`.
    ListThreads => "list_threads",
    /// `get_chat`.
    GetChat => "get_chat",
    /// `start_chat`.
    StartChat => "start_chat",
    /// `activate_chat`.
    ActivateChat => "activate_chat",
    /// `deactivate_chat`.
    DeactivateChat => "deactivate_chat",
    /// `send_event`.
    SendEvent => "send_event",
    /// `send_rich_message_postback`.
    SendRichMessagePostback => "send_rich_message_postback",
    /// `send_sneak_peek`.
    SendSneakPeek => "send_sneak_peek",
    /// `update_chat_properties`.
    UpdateChatProperties => "update_chat_properties",
    /// `delete_chat_properties`.
    DeleteChatProperties => "delete_chat_properties",
    /// `update_thread_properties`.
    UpdateThreadProperties => "update_thread_properties",
    /// `delete_thread_properties`.
    DeleteThreadProperties => "delete_thread_properties",
    /// `update_event_properties`.
    UpdateEventProperties => "update_event_properties",
    /// `delete_event_properties`.
    DeleteEventProperties => "delete_event_properties",
    /// `update_customer`.
    UpdateCustomer => "update_customer",
    /// `update_customer_page`.
    UpdateCustomerPage => "update_customer_page",
    /// `set_customer_session_fields`.
    SetCustomerSessionFields => "set_customer_session_fields",
    /// `get_customer`.
    GetCustomer => "get_customer",
    /// `login`.
    Login => "login",
    /// `list_group_statuses`.
    ListGroupStatuses => "list_group_statuses",
    /// `get_form`.
    GetForm => "get_form",
    /// `get_predicted_agent`.
    GetPredictedAgent => "get_predicted_agent",
    /// `get_url_info`.
    GetUrlInfo => "get_url_info",
    /// `mark_events_as_seen`.
    MarkEventsAsSeen => "mark_events_as_seen",
    /// `accept_greeting`.
    AcceptGreeting => "accept_greeting",
    /// `cancel_greeting`.
    CancelGreeting => "cancel_greeting",
    /// `ping`.
    Ping => "ping",
}

impl Request {
    /// The JSON text to send: `{"request_id"?, "action", "payload"}`.
    pub fn to_frame(&self, request_id: Option<&str>) -> String {
        let payload = self.payload();
        OutgoingFrame { request_id, action: self.action(), payload: &payload }.to_json()
    }

    /// `send_event` of a `message` with a `custom_id`: what the composer sends.
    pub fn send_message(chat_id: impl Into<String>, text: impl Into<String>, custom_id: impl Into<String>) -> Request {
        Request::SendEvent(SendEvent::new(chat_id, super::new_event::NewEvent::message(text).with_custom_id(custom_id)))
    }
}
