//! Keeping the agents' availability fresh (`list_group_statuses`): at every login,
//! when the visitor opens the window, and at most once a minute while only the
//! launcher shows, so it can say the team is away (or back). Nobody online: the
//! ticket form is fetched, once, to leave a message.

use crate::chat::{Availability, FormSlot, Visibility};
use crate::protocol::request::{GetForm, GetPredictedAgent, ListGroupStatuses};
use crate::protocol::FormType;
use crate::session::ConnectionStatus;

use super::requests::Purpose;
use super::Conversation;

/// At most one check per this many milliseconds while the launcher shows.
pub const AVAILABILITY_INTERVAL_MS: u64 = 60_000;

/// When availability was last asked for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct AvailabilityCheck {
    last_ms: Option<u64>,
}

impl Conversation {
    /// Asks for the group's status now, unless a check is under way.
    pub(super) fn check_availability(&mut self, now_ms: u64) {
        if self.requests.any(&Purpose::GroupStatuses) {
            return;
        }
        self.availability_check.last_ms = Some(now_ms);
        let statuses = ListGroupStatuses { all: None, group_ids: Some(vec![self.state.group_id]) };
        self.requests.send(&mut self.session, statuses.into(), Purpose::GroupStatuses, now_ms);
    }

    /// When the next periodic check is due: only while connected and the launcher shows.
    pub(super) fn availability_timeout(&self) -> Option<u64> {
        let launcher = self.state.visibility == Visibility::Minimized;
        match (self.status == ConnectionStatus::Connected && launcher, self.availability_check.last_ms) {
            (true, Some(last)) => Some(last.saturating_add(AVAILABILITY_INTERVAL_MS)),
            _ => None,
        }
    }

    /// On every tick: the periodic check, when due.
    pub(super) fn availability_tick(&mut self, now_ms: u64) {
        if self.availability_timeout().is_some_and(|at| now_ms >= at) {
            self.check_availability(now_ms);
        }
    }

    /// The visitor opened the window: a fresh status if connected, and the
    /// predicted agent when no chat runs.
    pub(super) fn availability_on_open(&mut self, now_ms: u64) {
        if self.status == ConnectionStatus::Connected {
            self.check_availability(now_ms);
            self.ask_predicted_agent(now_ms);
        }
    }

    /// `get_predicted_agent` once per page, when no chat runs (spec "Get Predicted
    /// Agent"). Its errors (`group_offline`, `group_unavailable`) describe the
    /// group and would only repeat: it is not asked again.
    pub(super) fn ask_predicted_agent(&mut self, now_ms: u64) {
        if self.predicted_asked || !self.state.wants_predicted_agent() {
            return;
        }
        self.predicted_asked = true;
        self.requests.send(&mut self.session, GetPredictedAgent {}.into(), Purpose::PredictedAgent, now_ms);
    }

    /// A status arrived: nobody online brings the ticket form (once).
    pub(super) fn availability_known(&mut self, now_ms: u64) {
        let asking = self.requests.any(&Purpose::Form(FormType::Ticket));
        if self.state.availability == Availability::Offline && self.state.ticket == FormSlot::Unknown && !asking {
            let form = GetForm { group_id: self.state.group_id, form_type: FormType::Ticket };
            self.requests.send(&mut self.session, form.into(), Purpose::Form(FormType::Ticket), now_ms);
        }
    }
}
