//! The predicted agent (spec "Get Predicted Agent"): who would take a chat
//! started now, so the header can show a face before the chat starts. Kept
//! apart from `reducer.rs` only for its size.

use crate::protocol::Agent;

use super::state::{ChatPhase, ChatState, Participant};

impl ChatState {
    /// Keeps the agent from a `get_predicted_agent` response.
    pub fn apply_predicted_agent(&mut self, agent: &Agent) {
        self.predicted_agent = Some(Participant::from_agent(agent));
    }

    /// Whether a predicted agent is worth asking for: no chat runs.
    pub fn wants_predicted_agent(&self) -> bool {
        !matches!(self.phase, ChatPhase::Active | ChatPhase::Queued)
    }
}
