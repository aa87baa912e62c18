//! Group statuses (spec: `list_group_statuses` response `groups_status`).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListGroupStatusesResponse {
    /// Status of each requested group that exists.
    #[serde(default, deserialize_with = "lenient_group_statuses")]
    pub groups_status: GroupStatuses,
}

fn lenient_group_statuses<'de, D: Deserializer<'de>>(d: D) -> Result<GroupStatuses, D::Error> {
    Ok(match Value::deserialize(d)? {
        Value::Object(map) => map
            .iter()
            .filter_map(|(k, v)| Some((k.trim().parse::<u32>().ok()?, GroupStatus::parse(v.as_str()?))))
            .collect(),
        _ => GroupStatuses::new(),
    })
}
