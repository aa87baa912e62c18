//! Protocol types of the LiveChat Customer Chat RTM API v3.2: frames, requests,
//! responses, pushes, events, users and errors. Pure data: requests are built as
//! `serde_json::Value`s, and hand-written readers ([`read`]) decode what is received; no IO.

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
