//! Pushes: server-initiated messages (spec: "Pushes"), decoded by their `action`.
//! An unknown action is kept raw ([`Push::Unknown`]), never an error.

pub mod chats;
pub mod customers;
pub mod events;
pub mod other;
pub mod properties;

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
    ($( $(#[$doc:meta])* $variant:ident($ty:ty) => $action:literal by $read:path, )*) => {
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
                // One error path for every action (not one `format!` per arm).
                let read: Result<Push, &'static str> = match action {
                    $( $action => $read(&payload).map(|p| Push::$variant(p.into())), )*
                    _ => return Ok(Push::Unknown { action: action.to_owned(), payload }),
                };
                read.map_err(|e| DecodeError::unreadable(action, e))
            }

            /// The push's action.
            pub fn action(&self) -> &str {
                match self {
                    $( Push::$variant(_) => $action, )*
                    Push::Unknown { action, .. } => action,
                }
            }
        }
    };
}

pushes! {
    /// `incoming_chat`.
    IncomingChat(Box<IncomingChat>) => "incoming_chat" by IncomingChat::from_json,
    /// `chat_deactivated`.
    ChatDeactivated(ChatDeactivated) => "chat_deactivated" by ChatDeactivated::from_json,
    /// `chat_transferred`.
    ChatTransferred(ChatTransferred) => "chat_transferred" by ChatTransferred::from_json,
    /// `user_added_to_chat`.
    UserAddedToChat(UserAddedToChat) => "user_added_to_chat" by UserAddedToChat::from_json,
    /// `user_removed_from_chat`.
    UserRemovedFromChat(UserRemovedFromChat) => "user_removed_from_chat" by UserRemovedFromChat::from_json,
    /// `incoming_event`.
    IncomingEvent(IncomingEvent) => "incoming_event" by IncomingEvent::from_json,
    /// `event_updated` (same payload as `incoming_event`).
    EventUpdated(IncomingEvent) => "event_updated" by IncomingEvent::from_json,
    /// `incoming_rich_message_postback`.
    IncomingRichMessagePostback(IncomingRichMessagePostback) => "incoming_rich_message_postback" by IncomingRichMessagePostback::from_json,
    /// `chat_properties_updated`.
    ChatPropertiesUpdated(ChatPropertiesUpdated) => "chat_properties_updated" by ChatPropertiesUpdated::from_json,
    /// `chat_properties_deleted`.
    ChatPropertiesDeleted(ChatPropertiesDeleted) => "chat_properties_deleted" by ChatPropertiesDeleted::from_json,
    /// `thread_properties_updated`.
    ThreadPropertiesUpdated(ThreadPropertiesUpdated) => "thread_properties_updated" by ThreadPropertiesUpdated::from_json,
    /// `thread_properties_deleted`.
    ThreadPropertiesDeleted(ThreadPropertiesDeleted) => "thread_properties_deleted" by ThreadPropertiesDeleted::from_json,
    /// `event_properties_updated`.
    EventPropertiesUpdated(EventPropertiesUpdated) => "event_properties_updated" by EventPropertiesUpdated::from_json,
    /// `event_properties_deleted`.
    EventPropertiesDeleted(EventPropertiesDeleted) => "event_properties_deleted" by EventPropertiesDeleted::from_json,
    /// `customer_updated`.
    CustomerUpdated(CustomerUpdated) => "customer_updated" by CustomerUpdated::from_json,
    /// `customer_page_updated`.
    CustomerPageUpdated(CustomerPageUpdated) => "customer_page_updated" by CustomerPageUpdated::from_json,
    /// `customer_side_storage_updated`.
    CustomerSideStorageUpdated(CustomerSideStorageUpdated) => "customer_side_storage_updated" by CustomerSideStorageUpdated::from_json,
    /// `customer_disconnected`.
    CustomerDisconnected(CustomerDisconnected) => "customer_disconnected" by CustomerDisconnected::from_json,
    /// `incoming_typing_indicator`.
    IncomingTypingIndicator(IncomingTypingIndicator) => "incoming_typing_indicator" by IncomingTypingIndicator::from_json,
    /// `incoming_sneak_peek` (agent-side; decoded tolerantly if it comes).
    IncomingSneakPeek(IncomingSneakPeek) => "incoming_sneak_peek" by IncomingSneakPeek::from_json,
    /// `incoming_multicast`.
    IncomingMulticast(IncomingMulticast) => "incoming_multicast" by IncomingMulticast::from_json,
    /// `events_marked_as_seen`.
    EventsMarkedAsSeen(EventsMarkedAsSeen) => "events_marked_as_seen" by EventsMarkedAsSeen::from_json,
    /// `incoming_greeting`.
    IncomingGreeting(Box<Greeting>) => "incoming_greeting" by Greeting::from_json,
    /// `greeting_accepted`.
    GreetingAccepted(GreetingRef) => "greeting_accepted" by GreetingRef::from_json,
    /// `greeting_canceled`.
    GreetingCanceled(GreetingRef) => "greeting_canceled" by GreetingRef::from_json,
    /// `queue_position_updated`.
    QueuePositionUpdated(QueuePositionUpdated) => "queue_position_updated" by QueuePositionUpdated::from_json,
}
