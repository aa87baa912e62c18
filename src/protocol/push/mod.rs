//! Pushes: server-initiated messages (spec: "Pushes"), decoded by their `action`.
//! An unknown action is kept raw ([`Push::Unknown`]), never an error.

pub mod chats;
pub mod customers;
pub mod events;
pub mod other;
pub mod properties;

use serde::Deserialize;
use serde_json::Value;

pub use chats::{ChatDeactivated, ChatTransferred, IncomingChat, UserAddedToChat, UserRemovedFromChat};
pub use customers::{CustomerPageUpdated, CustomerSideStorageUpdated, CustomerUpdated};
pub use events::{IncomingEvent, IncomingRichMessagePostback, PostbackToggle};
pub use other::{
    EventsMarkedAsSeen, GreetingRef, IncomingMulticast, IncomingSneakPeek, IncomingTypingIndicator,
    QueuePositionUpdated, SneakPeek, TypingIndicator,
};
pub use properties::{
    ChatPropertiesDeleted, ChatPropertiesUpdated, EventPropertiesDeleted, EventPropertiesUpdated,
    ThreadPropertiesDeleted, ThreadPropertiesUpdated,
};

use super::disconnect::CustomerDisconnected;
use super::frame::DecodeError;
use super::greeting::Greeting;

macro_rules! pushes {
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) => $action:literal, )*) => {
        /// A decoded push.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Push {
            $( $(#[$doc])* $variant($ty), )*
            /// An action this version does not know, kept raw.
            Unknown {
                /// The frame's action.
                action: String,
                /// The payload as received.
                payload: Value,
            },
        }

        impl Push {
            /// Every push action this enum decodes, in spec order.
            pub const ACTIONS: &'static [&'static str] = &[$($action),*];

            /// Decodes a push payload by its action. Unknown actions are `Ok(Push::Unknown)`;
            /// a known action with a payload of the wrong shape is [`DecodeError::Payload`].
            pub fn decode(action: &str, payload: Value) -> Result<Push, DecodeError> {
                let err = |e: serde_json::Error| DecodeError::Payload { action: action.to_owned(), reason: e.to_string() };
                Ok(match action {
                    $( $action => Push::$variant(<$ty>::deserialize(payload).map_err(err)?), )*
                    _ => Push::Unknown { action: action.to_owned(), payload },
                })
            }

            /// The push's action.
            pub fn action(&self) -> &str {
                match self {
                    $( Push::$variant(_) => $action, )*
                    Push::Unknown { action, .. } => action,
                }
            }

            /// The payload in wire shape (for a test server emitting pushes).
            pub fn payload(&self) -> Value {
                match self {
                    $( Push::$variant(p) => serde_json::to_value(p).unwrap_or(Value::Null), )*
                    Push::Unknown { payload, .. } => payload.clone(),
                }
            }
        }
    };
}

pushes! {
    /// `incoming_chat`.
    IncomingChat(Box<IncomingChat>) => "incoming_chat",
    /// `chat_deactivated`.
    ChatDeactivated(ChatDeactivated) => "chat_deactivated",
    /// `chat_transferred`.
    ChatTransferred(ChatTransferred) => "chat_transferred",
    /// `user_added_to_chat`.
    UserAddedToChat(UserAddedToChat) => "user_added_to_chat",
    /// `user_removed_from_chat`.
    UserRemovedFromChat(UserRemovedFromChat) => "user_removed_from_chat",
    /// `incoming_event`.
    IncomingEvent(IncomingEvent) => "incoming_event",
    /// `event_updated` (same payload as `incoming_event`).
    EventUpdated(IncomingEvent) => "event_updated",
    /// `incoming_rich_message_postback`.
    IncomingRichMessagePostback(IncomingRichMessagePostback) => "incoming_rich_message_postback",
    /// `chat_properties_updated`.
    ChatPropertiesUpdated(ChatPropertiesUpdated) => "chat_properties_updated",
    /// `chat_properties_deleted`.
    ChatPropertiesDeleted(ChatPropertiesDeleted) => "chat_properties_deleted",
    /// `thread_properties_updated`.
    ThreadPropertiesUpdated(ThreadPropertiesUpdated) => "thread_properties_updated",
    /// `thread_properties_deleted`.
    ThreadPropertiesDeleted(ThreadPropertiesDeleted) => "thread_properties_deleted",
    /// `event_properties_updated`.
    EventPropertiesUpdated(EventPropertiesUpdated) => "event_properties_updated",
    /// `event_properties_deleted`.
    EventPropertiesDeleted(EventPropertiesDeleted) => "event_properties_deleted",
    /// `customer_updated`.
    CustomerUpdated(CustomerUpdated) => "customer_updated",
    /// `customer_page_updated`.
    CustomerPageUpdated(CustomerPageUpdated) => "customer_page_updated",
    /// `customer_side_storage_updated`.
    CustomerSideStorageUpdated(CustomerSideStorageUpdated) => "customer_side_storage_updated",
    /// `customer_disconnected`.
    CustomerDisconnected(CustomerDisconnected) => "customer_disconnected",
    /// `incoming_typing_indicator`.
    IncomingTypingIndicator(IncomingTypingIndicator) => "incoming_typing_indicator",
    /// `incoming_sneak_peek` (agent-side; decoded tolerantly if it comes).
    IncomingSneakPeek(IncomingSneakPeek) => "incoming_sneak_peek",
    /// `incoming_multicast`.
    IncomingMulticast(IncomingMulticast) => "incoming_multicast",
    /// `events_marked_as_seen`.
    EventsMarkedAsSeen(EventsMarkedAsSeen) => "events_marked_as_seen",
    /// `incoming_greeting`.
    IncomingGreeting(Box<Greeting>) => "incoming_greeting",
    /// `greeting_accepted`.
    GreetingAccepted(GreetingRef) => "greeting_accepted",
    /// `greeting_canceled`.
    GreetingCanceled(GreetingRef) => "greeting_canceled",
    /// `queue_position_updated`.
    QueuePositionUpdated(QueuePositionUpdated) => "queue_position_updated",
}
