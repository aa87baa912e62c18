//! Chat state and its reducer: what the widget shows, derived from responses
//! and pushes. Pure data, no IO.

pub mod chat_form;
pub mod custom_id;
pub mod predicted_agent;
pub mod rating;
mod reducer;
pub mod state;
pub mod ticket;
pub mod timeline;

pub use custom_id::CustomIdGenerator;
pub use rating::{Rating, RatingError, RatingState, Score};
pub use state::{Availability, ChatPhase, ChatState, FormSlot, Participant, QueueStatus, Visibility};
pub use ticket::TicketStatus;
pub use timeline::{Delivery, Entry, Incoming, Merged, Timeline};
