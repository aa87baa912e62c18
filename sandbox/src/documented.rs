//! What the v3.2 reference documents a client may send: every method's request table
//! (spec "Methods", one `Parameter | Required | Data type` table each), as dotted paths.
//! A parameter outside its table is accepted (the reference is silent on it) but becomes a
//! warning (`State::warn`), so a client sending shapes of its own is caught by the tests.

use serde_json::{Map, Value};

/// The request table of `action`: its parameters, nested ones as `parent.child`.
/// `None` for an action the sandbox does not know (dispatch refuses it).
pub fn request_params(action: &str) -> Option<&'static [&'static str]> {
    Some(match action {
        "login" => &[
            "token",
            "customer",
            "customer.avatar",
            "customer.email",
            "customer.name",
            "customer.session_fields",
            "customer_page.title",
            "customer_page.url",
            "customer_side_storage",
            "is_mobile",
            "group_id",
            "referrer",
            "application",
            "application.name",
            "application.version",
            "application.channel_type",
        ],
        "ping" | "get_customer" | "get_predicted_agent" => &[],
        "list_chats" => &["limit", "sort_order", "page_id"],
        "list_threads" => &["chat_id", "sort_order", "limit", "page_id", "min_events_count"],
        "get_chat" => &["chat_id", "thread_id"],
        "start_chat" => &[
            "chat",
            "chat.properties",
            "chat.access",
            "chat.users",
            "chat.thread",
            "chat.thread.events",
            "chat.thread.properties",
            "continuous",
        ],
        "activate_chat" => &[
            "chat",
            "chat.id",
            "chat.access",
            "chat.properties",
            "chat.thread",
            "chat.thread.events",
            "chat.thread.properties",
            "continuous",
        ],
        "deactivate_chat" => &["chat_id"],
        // `event` is checked field by field against its type's table (event_shape).
        "send_event" => &["chat_id", "event", "attach_to_last_thread"],
        "send_rich_message_postback" => {
            &["chat_id", "event_id", "postback", "postback.id", "postback.toggled", "thread_id"]
        }
        "send_sneak_peek" => &["chat_id", "sneak_peek_text"],
        "update_chat_properties" | "delete_chat_properties" => &["chat_id", "properties"],
        "update_thread_properties" | "delete_thread_properties" => &["chat_id", "thread_id", "properties"],
        "update_event_properties" | "delete_event_properties" => &["chat_id", "thread_id", "event_id", "properties"],
        "update_customer" => &["name", "email", "avatar", "session_fields"],
        "update_customer_page" => &["url", "title"],
        "set_customer_session_fields" => &["session_fields"],
        "list_group_statuses" => &["all", "group_ids"],
        "get_form" => &["group_id", "type"],
        "get_url_info" => &["url"],
        "mark_events_as_seen" => &["chat_id", "seen_up_to"],
        "accept_greeting" => &["greeting_id", "unique_id"],
        "cancel_greeting" => &["unique_id"],
        _ => return None,
    })
}

/// The paths in `payload` that `table` does not document. Objects are looked into only
/// where the table documents their children (`properties` and the like are free-form).
pub fn undocumented(table: &[&str], payload: &Map<String, Value>) -> Vec<String> {
    let mut out = Vec::new();
    walk(table, "", payload, &mut out);
    out
}

fn walk(table: &[&str], prefix: &str, m: &Map<String, Value>, out: &mut Vec<String>) {
    for (k, v) in m {
        let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        let child = format!("{path}.");
        let has_children = table.iter().any(|p| p.starts_with(&child));
        if !table.contains(&path.as_str()) && !has_children {
            out.push(path);
        } else if let (true, Value::Object(inner)) = (has_children, v) {
            walk(table, &path, inner, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn nested_paths_are_checked_only_where_documented() {
        let t = request_params("start_chat").unwrap_or_default();
        let p = map(json!({
            "chat": { "properties": { "ns": { "free": 1 } }, "thread": { "events": [], "colour": "red" }, "x": 1 },
            "continuous": true,
            "extra": 2,
        }));
        assert_eq!(undocumented(t, &p), vec!["chat.thread.colour", "chat.x", "extra"]);
    }

    #[test]
    fn login_customer_page_children_count_as_documented() {
        let t = request_params("login").unwrap_or_default();
        let p = map(json!({ "token": "Bearer x", "customer_page": { "url": "u", "title": "t" }, "referrer": "r" }));
        assert!(undocumented(t, &p).is_empty());
        let p = map(json!({ "token": "Bearer x", "customer_page": { "url": "u", "favicon": "f" } }));
        assert_eq!(undocumented(t, &p), vec!["customer_page.favicon"]);
    }

    #[test]
    fn every_dispatched_action_has_a_table() {
        for a in crate::methods::ACTIONS {
            assert!(request_params(a).is_some(), "{a}");
        }
    }
}
