//! Protocol types of the LiveChat Customer Chat RTM API v3.2: frames, requests,
//! responses, pushes, events, users and errors. Pure data and serde, no IO.

pub mod disconnect;
pub mod error;
pub mod frame;

pub use disconnect::{CustomerDisconnected, DisconnectReason};
pub use error::{ErrorType, RtmError};
pub use frame::{DecodeError, FrameKind, IncomingFrame, OutgoingFrame, MAX_FRAME_BYTES};
