//! Group statuses (spec: `list_group_statuses` response `groups_status`).

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
///
/// A few groups at most, so a `Vec` kept sorted by id with one entry per id
/// (a later duplicate wins), like the map it replaces, without linking a
/// B-tree for this one key and value type.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GroupStatuses(Vec<(u32, GroupStatus)>);

impl GroupStatuses {
    /// No groups.
    pub fn new() -> Self {
        GroupStatuses(Vec::new())
    }

    /// Sets the status of group `id`, replacing any it had.
    pub fn insert(&mut self, id: u32, status: GroupStatus) {
        match self.0.binary_search_by_key(&id, |(k, _)| *k) {
            Ok(i) => self.0[i].1 = status,
            Err(i) => self.0.insert(i, (id, status)),
        }
    }

    /// The status of group `id`, if the response had it.
    pub fn get(&self, id: &u32) -> Option<&GroupStatus> {
        self.0.iter().find(|(k, _)| k == id).map(|(_, s)| s)
    }

    /// How many groups have a status.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether no group has a status.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::ops::Index<&u32> for GroupStatuses {
    type Output = GroupStatus;

    /// The status of group `id`; panics when it has none, like a map's index.
    fn index(&self, id: &u32) -> &GroupStatus {
        self.get(id).expect("no status for this group")
    }
}

/// Serialized as the object it was read from, groups in id order.
impl Serialize for GroupStatuses {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_status_per_group_the_later_wins_and_serialized_in_id_order() {
        let r = ListGroupStatusesResponse::from_json(
            &serde_json::json!({"groups_status": {"9": "offline", "07": "offline", "7": "online", "2": "online"}}),
        )
        .unwrap();
        assert_eq!(r.groups_status.len(), 3);
        assert_eq!(r.groups_status.get(&7), Some(&GroupStatus::Online));
        assert_eq!(r.groups_status.get(&3), None);
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"groups_status":{"2":"online","7":"online","9":"offline"}}"#
        );
    }
}
