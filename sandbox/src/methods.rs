//! Request dispatch: every customer action of the Customer Chat RTM API v3.2 and the
//! module that runs it (`status`, `customers`, `chats`, `events`, `properties`, `other`).

use crate::error::{ErrorKind, RtmError};
use crate::params::Params;
use crate::session::{Outcome, Session};
use crate::state::Shared;
use crate::{chats, customers, documented, events, other, properties, status};
use serde_json::{json, Map, Value};

/// Every customer action the sandbox knows.
pub const ACTIONS: &[&str] = &[
    "login",
    "ping",
    "list_chats",
    "list_threads",
    "get_chat",
    "start_chat",
    "activate_chat",
    "deactivate_chat",
    "send_event",
    "send_rich_message_postback",
    "send_sneak_peek",
    "update_chat_properties",
    "delete_chat_properties",
    "update_thread_properties",
    "delete_thread_properties",
    "update_event_properties",
    "delete_event_properties",
    "update_customer",
    "update_customer_page",
    "set_customer_session_fields",
    "get_customer",
    "list_group_statuses",
    "get_form",
    "get_predicted_agent",
    "get_url_info",
    "mark_events_as_seen",
    "accept_greeting",
    "cancel_greeting",
];

/// Runs one request. Unknown actions are `validation` errors; every action other than
/// `login` and `ping` needs a logged-in connection (`authentication` error otherwise).
pub fn dispatch(
    app: &Shared,
    s: &mut Session,
    action: &str,
    payload: &Map<String, Value>,
) -> Result<Outcome, RtmError> {
    let p = Params(payload);
    if !ACTIONS.contains(&action) {
        return Err(RtmError::validation(format!("unknown action `{action}`")));
    }
    if let Some(table) = documented::request_params(action) {
        let who = s.customer_id.clone().unwrap_or_else(|| format!("conn {}", s.conn_id));
        for path in documented::undocumented(table, payload) {
            app.warn(action, &who, format!("`{path}` is not in the v3.2 request table of `{action}`"));
        }
    }
    if action == "login" {
        return status::login(app, s, &p);
    }
    let Some(cid) = s.customer_id.clone().filter(|_| s.logged_in) else {
        return Err(RtmError::new(ErrorKind::Authentication, "log in first: send the `login` request"));
    };
    let v = match action {
        "ping" => json!({}),
        "list_chats" => chats::list_chats(app, &cid, &p)?,
        "list_threads" => chats::list_threads(app, &cid, &p)?,
        "get_chat" => chats::get_chat(app, &cid, &p)?,
        "start_chat" => chats::start_chat(app, s, &cid, &p)?,
        "activate_chat" => chats::activate_chat(app, s, &cid, &p)?,
        "deactivate_chat" => chats::deactivate_chat(app, s, &cid, &p)?,
        "send_event" => events::send_event(app, s, &cid, &p)?,
        "send_rich_message_postback" => events::send_postback(app, s, &cid, &p)?,
        "send_sneak_peek" => events::send_sneak_peek(app, &cid, &p)?,
        "update_chat_properties"
        | "delete_chat_properties"
        | "update_thread_properties"
        | "delete_thread_properties"
        | "update_event_properties"
        | "delete_event_properties" => properties::properties(app, s, &cid, action, &p)?,
        "update_customer" => customers::update_customer(app, s, &cid, &p)?,
        "set_customer_session_fields" => customers::set_session_fields(app, s, &cid, &p)?,
        "update_customer_page" => customers::update_customer_page(app, s, &cid, &p)?,
        "get_customer" => customers::get_customer(app, &cid)?,
        "list_group_statuses" => status::list_group_statuses(app, s, &p)?,
        "get_form" => other::get_form(app, s, &p)?,
        "get_predicted_agent" => other::get_predicted_agent(app, s, &cid, &p)?,
        "get_url_info" => other::get_url_info(&p)?,
        "mark_events_as_seen" => other::mark_events_as_seen(app, s, &cid, &p)?,
        "accept_greeting" | "cancel_greeting" => other::greeting_answer(app, s, &cid, action, &p)?,
        _ => return Err(RtmError::validation(format!("unknown action `{action}`"))),
    };
    Ok(Outcome::Reply(v))
}
