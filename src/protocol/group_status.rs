//! Group statuses (spec: `list_group_statuses` response `groups_status`).

use serde_json::Value;

use super::read::{obj, Read};
use super::vec_map::VecMap;
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
/// that are not numbers and values that are not strings are skipped. Sorted
/// by id, one entry per id (a later duplicate wins).
pub type GroupStatuses = VecMap<u32, GroupStatus>;

/// The `list_group_statuses` response payload.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_status_per_group_the_later_wins_in_id_order() {
        let r = ListGroupStatusesResponse::from_json(
            &serde_json::json!({"groups_status": {"9": "offline", "07": "offline", "7": "online", "2": "online"}}),
        )
        .unwrap();
        assert_eq!(r.groups_status.len(), 3);
        assert_eq!(r.groups_status.get(&7), Some(&GroupStatus::Online));
        assert_eq!(r.groups_status.get(&3), None);
        // "07" and "7" are one group: the later key in the object wins.
        let statuses: Vec<_> = r.groups_status.iter().map(|(id, s)| (*id, s.as_str())).collect();
        assert_eq!(statuses, [(2, "online"), (7, "online"), (9, "offline")]);
    }
}
