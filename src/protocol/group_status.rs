//! Group statuses (spec: `list_group_statuses` response `groups_status`).

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::read::{obj, Read};
use super::wire_enum::wire_enum;

wire_enum! {
    /// Availability of a group.
    pub enum GroupStatus {
        /// Agents are accepting chats.
        Online => "online",
        /// Nobody is available: show the ticket form.
        Offline => "offline",
        /// Agents are online but busy: new chats are queued.
        OnlineForQueue => "online_for_queue",
    }
}

/// `groups_status`: group id to status. Keys arrive as strings (`"1"`); keys
/// that are not numbers and values that are not strings are skipped.
pub type GroupStatuses = BTreeMap<u32, GroupStatus>;

/// The `list_group_statuses` response payload.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ListGroupStatusesResponse {
    /// Status of each requested group that exists.
    pub groups_status: GroupStatuses,
}

impl ListGroupStatusesResponse {
    /// Reads the payload; never fails on a bad `groups_status` (see [`GroupStatuses`]).
    pub fn from_json(v: &Value) -> Read<Self> {
        let mut groups_status = GroupStatuses::new();
        if let Some(Value::Object(map)) = obj(v)?.get("groups_status") {
            for (k, v) in map {
                if let (Ok(id), Some(status)) = (k.trim().parse::<u32>(), v.as_str()) {
                    groups_status.insert(id, GroupStatus::parse(status));
                }
            }
        }
        Ok(ListGroupStatusesResponse { groups_status })
    }
}
