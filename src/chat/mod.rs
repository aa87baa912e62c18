//! Chat state and its reducer: what the widget shows, derived from responses
//! and pushes. Pure data, no IO.

pub mod custom_id;
pub mod timeline;

pub use custom_id::CustomIdGenerator;
pub use timeline::{Delivery, Entry, Incoming, Merged, Timeline};
