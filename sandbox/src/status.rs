//! The spec's "Status" methods: `login` (and what follows its response) and
//! `list_group_statuses`.

use crate::bus::SandboxEvent;
use crate::content;
use crate::error::{ErrorKind, RtmError};
use crate::frames::push_frame;
use crate::model::{customer_profile_json, Chat, Customer};
use crate::params::{self, Params};
use crate::session::{Outcome, Session};
use crate::state::{Out, Shared, State};
use crate::util;
use serde_json::{json, Map, Value};
use std::time::Instant;

/// `login`: checks the token and the license, applies the customer's details, and
/// answers the customer with its chats; a login fault may refuse it.
pub fn login(app: &Shared, s: &mut Session, p: &Params) -> Result<Outcome, RtmError> {
    if s.logged_in {
        return Err(RtmError::new(ErrorKind::NotAllowed, "this connection is already logged in"));
    }
    let token = p.req_str("token")?;
    // The sample's token is `Bearer <access_token>`: the token type, a space, the token.
    let token = token.strip_prefix("Bearer ").ok_or_else(|| {
        RtmError::new(ErrorKind::Authentication, "`token` must be `Bearer <access_token>` (the token type first)")
    })?;
    let cust = p.opt_obj("customer")?;
    if let Some(c) = cust {
        let cp = Params(c);
        for k in ["avatar", "email", "name"] {
            cp.opt_str(k).map_err(|e| RtmError::validation(format!("customer.{}", e.message)))?;
        }
        if let Some(sf) = cp.opt_arr("session_fields")? {
            params::check_session_fields(sf, 100)?;
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
    let info = st
        .tokens
        .get(token)
        .cloned()
        .ok_or_else(|| RtmError::new(ErrorKind::Authentication, "Invalid access token"))?;
    if info.expires_at <= Instant::now() {
        return Err(RtmError::new(ErrorKind::Authentication, "Access token expired"));
    }
    if info.license_id != s.license_id {
        return Err(RtmError::new(ErrorKind::Authentication, "The access token was issued for another license"));
    }
    let groups: Vec<u64> =
        st.licenses.get(&s.license_id).map(|l| l.groups.keys().copied().collect()).unwrap_or_default();
    if let Some(g) = group_id {
        if !groups.contains(&g) {
            return Err(RtmError::from(ErrorKind::GroupNotFound));
        }
    }
    if let Some(reason) = st.faults.take_login_rejection(Some(&info.customer_id)) {
        if let Some(kind) = ErrorKind::from_name(&reason) {
            return Err(kind.into());
        }
        let data = (reason == "customer_temporarily_blocked").then(|| json!({ "timeout": 30 }));
        return Ok(Outcome::Disconnect(reason, data));
    }
    let cid = info.customer_id.clone();
    let c = st.customers.entry(cid.clone()).or_insert_with(|| Customer::new(&cid, s.license_id));
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

fn login_payload(app: &Shared, st: &State, cid: &str, license_id: u64) -> Value {
    let Some(c) = st.customers.get(cid) else {
        return json!({});
    };
    let chats: Vec<&Chat> = c.chat_ids.iter().filter_map(|id| st.chats.get(id)).collect();
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
            "agent": content::agent_profile(app.port),
            "displayed_first_time": false,
        });
    }
    out
}

/// Runs after the login response went out: customer_side_storage_updated (to this
/// connection, with the login's request_id), then the `LoggedIn` event.
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
    app.emit(SandboxEvent::LoggedIn { customer_id: cid.to_string() });
}

/// `list_group_statuses`: the status of all or some groups of the license.
pub fn list_group_statuses(app: &Shared, s: &Session, p: &Params) -> Result<Value, RtmError> {
    let all = p.opt_bool("all")?.unwrap_or(false);
    let ids = p.opt_arr("group_ids")?;
    let ids: Option<Vec<u64>> = match ids {
        Some(a) => Some(
            a.iter()
                .map(|v| v.as_u64().ok_or_else(|| RtmError::validation("`group_ids` must be an array of group ids")))
                .collect::<Result<_, _>>()?,
        ),
        None => None,
    };
    if !all && ids.is_none() {
        return Err(RtmError::validation("one of `all` (true) or `group_ids` is required"));
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
