//! Request dispatch, `login`, and the customer, greeting and "other" methods of the
//! Customer Chat RTM API v3.2. Chat, event and property methods are in `chats.rs`.

use crate::content;
use crate::model::{customer_profile_json, Customer};
use crate::state::{push_frame, Out, Shared, State};
use crate::util::{self, ApiError, Params};
use serde_json::{json, Map, Value};
use std::time::Instant;

/// Per-connection protocol state the methods read and change.
#[derive(Debug, Clone)]
pub struct Session {
    /// Connection id.
    pub conn_id: u64,
    /// License from the URL.
    pub license_id: u64,
    /// Data centre.
    pub region: &'static str,
    /// The customer once logged in.
    pub customer_id: Option<String>,
    /// Whether login succeeded.
    pub logged_in: bool,
    /// When the login token expires.
    pub token_expires: Option<Instant>,
    /// request_id of the request being handled.
    pub request_id: Option<Value>,
}

/// What a method produced.
#[derive(Debug)]
pub enum Outcome {
    /// A successful response payload.
    Reply(Value),
    /// No response: push customer_disconnected with this reason and close.
    Disconnect(String, Option<Value>),
}

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
) -> Result<Outcome, ApiError> {
    let p = Params(payload);
    if !ACTIONS.contains(&action) {
        return Err(ApiError::validation(format!("unknown action `{action}`")));
    }
    if action == "login" {
        return login(app, s, &p);
    }
    let Some(cid) = s.customer_id.clone().filter(|_| s.logged_in) else {
        return Err(ApiError::new("authentication", "log in first: send the `login` request"));
    };
    let v = match action {
        "ping" => json!({}),
        "update_customer" => update_customer(app, s, &cid, &p)?,
        "set_customer_session_fields" => set_session_fields(app, s, &cid, &p)?,
        "update_customer_page" => update_customer_page(app, s, &cid, &p)?,
        "get_customer" => {
            let st = app.lock();
            customer_profile_json(st.customers.get(&cid).ok_or_else(|| ApiError::new("internal", "customer vanished"))?)
        }
        "list_group_statuses" => list_group_statuses(app, s, &p)?,
        "get_form" => get_form(app, s, &p)?,
        "get_predicted_agent" => get_predicted_agent(app, s, &cid, &p)?,
        "get_url_info" => get_url_info(&p)?,
        "mark_events_as_seen" => mark_events_as_seen(app, s, &cid, &p)?,
        "accept_greeting" | "cancel_greeting" => greeting_answer(app, s, &cid, action, &p)?,
        _ => crate::chats::dispatch(app, s, &cid, action, &p)?,
    };
    Ok(Outcome::Reply(v))
}

fn origin(s: &Session) -> Option<(u64, Option<&Value>)> {
    Some((s.conn_id, s.request_id.as_ref()))
}

fn login(app: &Shared, s: &mut Session, p: &Params) -> Result<Outcome, ApiError> {
    if s.logged_in {
        return Err(ApiError::new("not_allowed", "this connection is already logged in"));
    }
    let token = p.req_str("token")?;
    let token = token.strip_prefix("Bearer ").unwrap_or(token).trim();
    let cust = p.opt_obj("customer")?;
    if let Some(c) = cust {
        let cp = Params(c);
        for k in ["avatar", "email", "name"] {
            cp.opt_str(k).map_err(|e| ApiError::validation(format!("customer.{}", e.message)))?;
        }
        if let Some(sf) = cp.opt_arr("session_fields")? {
            util::check_session_fields(sf, 100)?;
        }
    }
    let page = p.opt_obj("customer_page")?;
    if let Some(pg) = page {
        Params(pg).opt_str("title")?;
        Params(pg).opt_str("url")?;
    }
    let css = p.opt_obj("customer_side_storage")?;
    p.opt_bool("is_mobile")?;
    let group_id = p.opt_u64("group_id")?;
    p.opt_str("referrer")?;
    let application = p.opt_obj("application")?;
    if let Some(a) = application {
        for k in ["name", "version", "channel_type"] {
            Params(a).opt_str(k)?;
        }
    }

    let mut st = app.lock();
    let info = st.tokens.get(token).cloned().ok_or_else(|| ApiError::new("authentication", "Invalid access token"))?;
    if info.expires_at <= Instant::now() {
        return Err(ApiError::new("authentication", "Access token expired"));
    }
    if info.license_id != s.license_id {
        return Err(ApiError::new("authentication", "The access token was issued for another license"));
    }
    let groups: Vec<u64> =
        st.licenses.get(&s.license_id).map(|l| l.groups.keys().copied().collect()).unwrap_or_default();
    if let Some(g) = group_id {
        if !groups.contains(&g) {
            return Err(ApiError::new("group_not_found", "Group not found"));
        }
    }
    if let Some(reason) = st.faults.take_login_rejection(Some(&info.customer_id)) {
        if util::default_error_message(&reason).is_some() {
            let msg = util::default_error_message(&reason).unwrap_or_default();
            return Err(ApiError::new(&reason, msg));
        }
        let data = (reason == "customer_temporarily_blocked").then(|| json!({ "timeout": 30 }));
        return Ok(Outcome::Disconnect(reason, data));
    }
    let cid = info.customer_id.clone();
    let c = st.customers.entry(cid.clone()).or_insert_with(|| new_customer(&cid, s.license_id));
    if let Some(cu) = cust {
        let cp = Params(cu);
        if let Ok(Some(v)) = cp.opt_str("name") {
            c.name = Some(v.to_string());
        }
        if let Ok(Some(v)) = cp.opt_str("email") {
            c.email = Some(v.to_string());
        }
        if let Ok(Some(v)) = cp.opt_str("avatar") {
            c.avatar = Some(v.to_string());
        }
        if let Ok(Some(v)) = cp.opt_arr("session_fields") {
            c.session_fields = v.clone();
        }
    }
    if let Some(pg) = page {
        c.page = Some(json!({ "url": pg.get("url"), "title": pg.get("title"), "timestamp": util::now_secs() }));
    }
    c.application = application.map(|a| Value::Object(a.clone()));
    c.group_id = group_id.unwrap_or(0);
    c.visits += 1;
    c.page_views += 1;
    c.last_login_at = Some(util::now_rfc3339());
    // Check that the client kept what the last customer_side_storage_updated said.
    let received = css.map(|m| Value::Object(m.clone()));
    c.css_check = match (&c.css_sent, &received) {
        (None, _) => "first_visit",
        (Some(_), None) => "missing",
        (Some(sent), Some(Value::Object(got))) if sent == got => "ok",
        _ => "mismatch",
    }
    .to_string();
    c.css_received = received;
    let mut next = Map::new();
    next.insert("customer_visits".into(), Value::from(c.visits.to_string()));
    next.insert("visitor_id".into(), Value::from(c.visitor_id.clone()));
    c.css_sent = Some(next);
    let check = c.css_check.clone();

    s.logged_in = true;
    s.customer_id = Some(cid.clone());
    s.token_expires = Some(info.expires_at);
    if let Some(conn) = st.conns.get_mut(&s.conn_id) {
        conn.customer_id = Some(cid.clone());
        conn.status = "logged_in";
    }
    st.note("login", &cid, json!({ "conn_id": s.conn_id, "customer_side_storage_check": check }));
    let payload = login_payload(app, &st, &cid, s.license_id);
    Ok(Outcome::Reply(payload))
}

/// A new customer record.
pub fn new_customer(id: &str, license_id: u64) -> Customer {
    Customer { id: id.to_string(), license_id, visitor_id: util::short_id(), ..Customer::default() }
}

fn login_payload(app: &Shared, st: &State, cid: &str, license_id: u64) -> Value {
    let Some(c) = st.customers.get(cid) else {
        return json!({});
    };
    let chats: Vec<&crate::model::Chat> = c.chat_ids.iter().filter_map(|id| st.chats.get(id)).collect();
    let mut customer = customer_profile_json(c);
    customer["statistics"] = json!({
        "chats_count": chats.len(),
        "threads_count": chats.iter().map(|ch| ch.threads.len()).sum::<usize>(),
        "visits_count": c.visits,
        "page_views_count": c.page_views,
        "greetings_shown_count": c.greetings_shown,
        "greetings_accepted_count": c.greetings_accepted,
    });
    let online: Vec<u64> = st
        .licenses
        .get(&license_id)
        .map(|l| l.groups.values().filter(|g| g.status != "offline").map(|g| g.id).collect())
        .unwrap_or_default();
    let mut out = json!({
        "customer": customer,
        "has_active_thread": chats.iter().any(|ch| ch.is_active()),
        "chats": chats.iter().map(|ch| json!({
            "chat_id": ch.id,
            "has_unread_events": ch.has_unread(c.events_seen_up_to.as_deref()),
        })).collect::<Vec<_>>(),
        "__priv_dynamic_config": {
            "online_groups_ids": online,
            "customer_groups": { "monitoring": { "id": c.group_id } },
        },
    });
    if let Some(g) = &c.greeting {
        out["greeting"] = json!({
            "accepted": g.accepted,
            "id": g.id,
            "unique_id": g.unique_id,
            "event": g.event,
            "agent": content::agent_profile(app),
            "displayed_first_time": false,
        });
    }
    out
}

/// Runs after the login response went out: customer_side_storage_updated (to this
/// connection, with the login's request_id) and the scripted greeting.
pub fn after_login(app: &Shared, s: &Session) {
    let Some(cid) = s.customer_id.as_deref() else {
        return;
    };
    {
        let st = app.lock();
        let css = st.customers.get(cid).and_then(|c| c.css_sent.clone()).unwrap_or_default();
        if let Some(conn) = st.conns.get(&s.conn_id) {
            let f = push_frame(
                "customer_side_storage_updated",
                &json!({ "customer_side_storage": css }),
                s.request_id.as_ref(),
            );
            let _ = conn.tx.send(Out::Push(f));
        }
    }
    crate::agent::on_login(app, cid);
}

fn update_customer(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let name = p.opt_str("name")?;
    let email = p.opt_str("email")?;
    let avatar = p.opt_str("avatar")?;
    let sf = p.opt_arr("session_fields")?;
    if let Some(sf) = sf {
        util::check_session_fields(sf, 100)?;
    }
    if name.is_none() && email.is_none() && avatar.is_none() && sf.is_none() {
        return Err(ApiError::validation("at least one of `name`, `email`, `avatar`, `session_fields` is required"));
    }
    let mut st = app.lock();
    let c = st.customers.get_mut(cid).ok_or_else(|| ApiError::new("internal", "customer vanished"))?;
    if let Some(v) = name {
        c.name = Some(v.into());
    }
    if let Some(v) = email {
        c.email = Some(v.into());
    }
    if let Some(v) = avatar {
        c.avatar = Some(v.into());
    }
    if let Some(v) = sf {
        c.session_fields = v.clone();
    }
    let profile = customer_profile_json(c);
    push_customer_updated(&mut st, cid, profile, s);
    Ok(json!({}))
}

/// Tells the customer's connections what changed (spec: `customer_updated`).
fn push_customer_updated(st: &mut State, cid: &str, profile: Value, s: &Session) {
    st.push_to_customer(cid, "customer_updated", json!({ "customer": profile }), origin(s));
}

fn set_session_fields(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let sf = p.req_arr("session_fields")?;
    util::check_session_fields(sf, 100)?;
    let mut st = app.lock();
    let c = st.customers.get_mut(cid).ok_or_else(|| ApiError::new("internal", "customer vanished"))?;
    c.session_fields = sf.clone();
    let profile = customer_profile_json(c);
    push_customer_updated(&mut st, cid, profile, s);
    Ok(json!({}))
}

fn update_customer_page(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let url = p.req_str("url")?;
    let title = p.opt_str("title")?;
    let mut st = app.lock();
    let mut page = json!({ "url": url, "timestamp": util::now_secs() });
    if let Some(t) = title {
        page["title"] = Value::from(t);
    }
    if let Some(c) = st.customers.get_mut(cid) {
        c.page = Some(page.clone());
        c.page_views += 1;
    }
    st.push_to_customer(cid, "customer_page_updated", page, origin(s));
    Ok(json!({}))
}

fn list_group_statuses(app: &Shared, s: &Session, p: &Params) -> Result<Value, ApiError> {
    let all = p.opt_bool("all")?.unwrap_or(false);
    let ids = p.opt_arr("group_ids")?;
    let ids: Option<Vec<u64>> = match ids {
        Some(a) => Some(
            a.iter()
                .map(|v| v.as_u64().ok_or_else(|| ApiError::validation("`group_ids` must be an array of group ids")))
                .collect::<Result<_, _>>()?,
        ),
        None => None,
    };
    if !all && ids.is_none() {
        return Err(ApiError::validation("one of `all` (true) or `group_ids` is required"));
    }
    let st = app.lock();
    let mut out = Map::new();
    if let Some(l) = st.licenses.get(&s.license_id) {
        for g in l.groups.values() {
            if all || ids.as_ref().is_some_and(|ids| ids.contains(&g.id)) {
                out.insert(g.id.to_string(), Value::from(g.status.clone()));
            }
        }
    }
    Ok(json!({ "groups_status": out }))
}

fn get_form(app: &Shared, s: &Session, p: &Params) -> Result<Value, ApiError> {
    let group_id = p.req_u64("group_id")?;
    let ty = p.req_str("type")?;
    if ty != "prechat" && ty != "postchat" {
        return Err(ApiError::validation("`type` must be `prechat` or `postchat`"));
    }
    let st = app.lock();
    let l = st.licenses.get(&s.license_id).ok_or_else(|| ApiError::new("internal", "license vanished"))?;
    let g = l.groups.get(&group_id).ok_or_else(|| ApiError::new("group_not_found", "Group not found"))?;
    let enabled = if ty == "prechat" { g.prechat } else { g.postchat };
    if !enabled {
        return Ok(json!({ "enabled": false }));
    }
    let form = if ty == "prechat" {
        let groups: Vec<(u64, String)> =
            l.groups.values().filter(|g| g.status != "offline").map(|g| (g.id, g.name.clone())).collect();
        content::prechat_form(group_id, &groups)
    } else {
        content::postchat_form(group_id)
    };
    Ok(json!({ "form": form, "enabled": true }))
}

fn get_predicted_agent(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let asked = p.opt_u64("group_id")?;
    let st = app.lock();
    let group = asked.or_else(|| st.customers.get(cid).map(|c| c.group_id)).unwrap_or(0);
    let g = st
        .licenses
        .get(&s.license_id)
        .and_then(|l| l.groups.get(&group))
        .ok_or_else(|| ApiError::new("group_not_found", "Group not found"))?;
    match g.status.as_str() {
        "offline" => Err(ApiError::new("group_offline", "Group is offline")),
        "online_for_queue" => Err(ApiError::new("group_unavailable", "No agent available for group")),
        _ => Ok(content::agent_profile(app)),
    }
}

fn get_url_info(p: &Params) -> Result<Value, ApiError> {
    let url = p.req_str("url")?;
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| ApiError::validation("`url` must be a valid http(s) URL"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(char::is_whitespace) {
        return Err(ApiError::validation("`url` must be a valid http(s) URL"));
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

fn mark_events_as_seen(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let seen = p.req_str("seen_up_to")?;
    let us =
        util::parse_rfc3339(seen).ok_or_else(|| ApiError::validation("`seen_up_to` must be an RFC 3339 date-time"))?;
    let mut st = app.lock();
    if st.chats.get(chat_id).is_none_or(|c| c.customer_id != cid) {
        return Err(ApiError::not_found("Chat not found"));
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
        origin(s),
    );
    Ok(json!({}))
}

fn greeting_answer(app: &Shared, s: &Session, cid: &str, action: &str, p: &Params) -> Result<Value, ApiError> {
    let gid = if action == "accept_greeting" { Some(p.req_u64("greeting_id")?) } else { None };
    let unique_id = p.req_str("unique_id")?;
    let mut st = app.lock();
    let c = st.customers.get_mut(cid).ok_or_else(|| ApiError::new("internal", "customer vanished"))?;
    let matches = c.greeting.as_ref().is_some_and(|g| g.unique_id == unique_id && gid.is_none_or(|id| id == g.id));
    if !matches {
        return Err(ApiError::new("greeting_not_found", "Greeting not found"));
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
    st.push_to_customer(cid, push, json!({ "unique_id": unique_id }), origin(s));
    Ok(json!({}))
}
