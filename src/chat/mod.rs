//! Chat state and its reducer: what the widget shows, derived from responses
//! and pushes. Pure data, no IO.

pub mod custom_id;
mod reducer;
pub mod state;
pub mod timeline;

pub use custom_id::CustomIdGenerator;
pub use state::{Availability, ChatPhase, ChatState, FormSlot, Participant, QueueStatus, Visibility};
pub use timeline::{Delivery, Entry, Incoming, Merged, Timeline};
