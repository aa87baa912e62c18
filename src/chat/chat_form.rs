//! `form` events inside the chat (data structures, "Form": an empty form the
//! agent sends, for example `ask_for_email`) and whether they are answered.

use crate::protocol::{Event, EventBody};

use super::state::ChatState;
use super::timeline::Entry;

/// Whether `entry` is a `filled_form` answering the form `form_id`.
pub fn answers(entry: &Entry<Event>, form_id: &str) -> bool {
    matches!(&entry.event.body, EventBody::FilledForm(f) if f.form_id == form_id)
}

impl ChatState {
    /// Whether the `form` event `event_id` has its answer in the timeline: a
    /// `filled_form` with the same `form_id` after it (sent, pending or failed).
    pub fn chat_form_answered(&self, event_id: &str, form_id: &str) -> bool {
        let entries = self.timeline.entries();
        let Some(at) = entries.iter().position(|e| e.event_id.as_deref() == Some(event_id)) else { return false };
        entries[at + 1..].iter().any(|e| answers(e, form_id))
    }
}
