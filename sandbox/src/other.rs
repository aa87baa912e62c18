//! The spec's "Other" methods: `get_form`, `get_predicted_agent`, `get_url_info`,
//! `mark_events_as_seen`, `accept_greeting` and `cancel_greeting`.

use crate::content;
use crate::error::{ErrorKind, RtmError};
use crate::params::Params;
use crate::session::Session;
use crate::state::Shared;
use crate::util;
use serde_json::{json, Value};

/// `get_form`: the prechat or postchat form of a group, or `enabled: false`.
pub fn get_form(app: &Shared, s: &Session, p: &Params) -> Result<Value, RtmError> {
    let group_id = p.req_u64("group_id")?;
    let ty = p.req_str("type")?;
    if !["prechat", "postchat", "ticket"].contains(&ty) {
        return Err(RtmError::validation("`type` must be `prechat`, `postchat` or `ticket`"));
    }
    let st = app.lock();
    let l = st.licenses.get(&s.license_id).ok_or_else(|| RtmError::internal("license vanished"))?;
    let g = l.groups.get(&group_id).ok_or_else(|| RtmError::from(ErrorKind::GroupNotFound))?;
    let enabled = match ty {
        "prechat" => g.prechat,
        "ticket" => g.ticket,
        _ => g.postchat,
    };
    if !enabled {
        return Ok(json!({ "enabled": false }));
    }
    let form = if ty == "ticket" {
        crate::tickets::ticket_form()
    } else if ty == "prechat" {
        let groups: Vec<(u64, String)> =
            l.groups.values().filter(|g| g.status != "offline").map(|g| (g.id, g.name.clone())).collect();
        content::prechat_form(group_id, &groups)
    } else {
        content::postchat_form(group_id)
    };
    Ok(json!({ "form": form, "enabled": true }))
}

/// `get_predicted_agent`: the agent of an online group.
pub fn get_predicted_agent(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let asked = p.opt_u64("group_id")?;
    let st = app.lock();
    let group = asked.or_else(|| st.customers.get(cid).map(|c| c.group_id)).unwrap_or(0);
    let g = st
        .licenses
        .get(&s.license_id)
        .and_then(|l| l.groups.get(&group))
        .ok_or_else(|| RtmError::from(ErrorKind::GroupNotFound))?;
    match g.status.as_str() {
        "offline" => Err(RtmError::from(ErrorKind::GroupOffline)),
        "online_for_queue" => Err(RtmError::from(ErrorKind::GroupUnavailable)),
        _ => Ok(content::agent_profile(app.port)),
    }
}

/// `get_url_info`: a preview made up from the URL (nothing is fetched).
pub fn get_url_info(p: &Params) -> Result<Value, RtmError> {
    let url = p.req_str("url")?;
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| RtmError::validation("`url` must be a valid http(s) URL"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(RtmError::validation("`url` must be a valid http(s) URL"));
    }
    // The sandbox never fetches anything: the preview is made up from the URL.
    Ok(json!({
        "title": format!("{host} - sandbox preview"),
        "description": format!("A made-up preview of {url} (the sandbox does not fetch URLs)."),
        "image_url": "",
        "image_original_url": "",
        "image_width": 0,
        "image_height": 0,
        "url": url,
    }))
}

/// `mark_events_as_seen`: moves `events_seen_up_to` forward, pushes `events_marked_as_seen`.
pub fn mark_events_as_seen(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let seen = p.req_str("seen_up_to")?;
    let us =
        util::parse_rfc3339(seen).ok_or_else(|| RtmError::validation("`seen_up_to` must be an RFC 3339 date-time"))?;
    let mut st = app.lock();
    if st.chats.get(chat_id).is_none_or(|c| c.customer_id != cid) {
        return Err(RtmError::not_found("Chat not found"));
    }
    if let Some(c) = st.customers.get_mut(cid) {
        let newer = c.events_seen_up_to.as_deref().and_then(util::parse_rfc3339).is_none_or(|old| us > old);
        if newer {
            c.events_seen_up_to = Some(util::rfc3339_micros(us));
        }
    }
    st.push_to_customer(
        cid,
        "events_marked_as_seen",
        json!({ "user_id": cid, "chat_id": chat_id, "seen_up_to": seen }),
        s.origin(),
    );
    Ok(json!({}))
}

/// `accept_greeting` / `cancel_greeting` of the displayed greeting.
pub fn greeting_answer(app: &Shared, s: &Session, cid: &str, action: &str, p: &Params) -> Result<Value, RtmError> {
    let gid = if action == "accept_greeting" { Some(p.req_u64("greeting_id")?) } else { None };
    let unique_id = p.req_str("unique_id")?;
    let mut st = app.lock();
    let c = st.customers.get_mut(cid).ok_or_else(|| RtmError::internal("customer vanished"))?;
    let matches = c.greeting.as_ref().is_some_and(|g| g.unique_id == unique_id && gid.is_none_or(|id| id == g.id));
    if !matches {
        return Err(RtmError::from(ErrorKind::GreetingNotFound));
    }
    let push = if action == "accept_greeting" {
        if let Some(g) = c.greeting.as_mut() {
            g.accepted = true;
        }
        c.greetings_accepted += 1;
        "greeting_accepted"
    } else {
        c.greeting = None;
        "greeting_canceled"
    };
    st.note(push, cid, json!({ "unique_id": unique_id }));
    st.push_to_customer(cid, push, json!({ "unique_id": unique_id }), s.origin());
    Ok(json!({}))
}
