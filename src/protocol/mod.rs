//! Protocol types of the LiveChat Customer Chat RTM API v3.2: frames, requests,
//! responses, pushes, events, users and errors. Pure data, no IO.
//!
//! One codec per type and direction, hand-written over `serde_json::Value` (no
//! derived `Serialize` / `Deserialize`), with one naming scheme:
//!
//! - **Reader** of what the widget receives: `T::from_json(&Value) -> Read<T>`
//!   ([`read`]). Types that never fail, because they keep what they do not understand
//!   ([`Event`], [`User`], [`RtmError`], [`Properties`], [`DeletedProperties`]), return
//!   `T` itself under the same name. The frame and the enums dispatched by `action`
//!   read with `decode` ([`IncomingFrame::decode`], [`Push::decode`],
//!   [`Response::decode`]), which reports a [`DecodeError`].
//! - **Writer** of what the widget sends: `to_value(&self) -> Value` (requests, the
//!   events of [`NewEvent`] and the parts they carry); [`OutgoingFrame::to_json`]
//!   writes the frame's text.
//! - Aliases of std types read and write with free functions named after them
//!   (`user::session_fields_from_json`, `user::session_fields_to_value`).
//!
//! A type has a reader only if the widget receives it and a writer only if it sends
//! it. Parts that go both ways (a message's postback, filled form fields, rich
//! message elements, access, properties) have one of each, and so has [`NewEvent`],
//! which the outbox stores and reads back.

pub mod btree_map;
pub mod chat;
pub mod disconnect;
pub mod error;
pub mod event;
pub mod form;
pub mod frame;
pub mod greeting;
pub mod group_status;
pub mod lenient;
pub mod new_event;
pub mod properties;
pub mod push;
pub mod read;
pub mod request;
pub mod response;
pub mod rich_message;
pub mod time;
pub mod user;
pub mod vec_map;
mod wire_enum;

pub use chat::{Access, Chat, ChatSummary, LastEvent, LastEvents, Queue, Thread, Transfer};
pub use disconnect::{CustomerDisconnected, DisconnectReason};
pub use error::{ErrorType, RtmError};
pub use event::{
    CustomEvent, Event, EventBody, FileEvent, FilledFormEvent, FormEvent, MessageEvent, MessagePostback, SystemMessage,
    Visibility,
};
pub use form::{
    Answer, AnswerOption, FilledFormField, Form, FormField, FormFieldType, FormOption, FormType, GetFormResponse,
};
pub use frame::{DecodeError, FrameKind, IncomingFrame, OutgoingFrame, MAX_FRAME_BYTES};
pub use greeting::Greeting;
pub use group_status::{GroupStatus, GroupStatuses, ListGroupStatusesResponse};
pub use new_event::{NewEvent, NewEventBody};
pub use properties::{DeletedProperties, Properties};
pub use push::Push;
pub use request::Request;
pub use response::{
    ActivateChatResponse, ListChatsResponse, ListThreadsResponse, LoginChat, LoginResponse, Response,
    SendEventResponse, StartChatResponse, UrlInfo,
};
pub use rich_message::{
    ButtonTarget, ButtonType, RichButton, RichElement, RichImage, RichMessage, TemplateId, WebviewHeight,
};
pub use user::{Agent, Customer, CustomerStatistics, SessionFields, User};
pub use vec_map::{VecMap, VecSet};
