//! The spec's "Customers" methods: `update_customer`, `set_customer_session_fields`,
//! `update_customer_page` and `get_customer`.

use crate::error::RtmError;
use crate::model::customer_profile_json;
use crate::params::{self, Params};
use crate::session::Session;
use crate::state::{Shared, State};
use crate::util;
use serde_json::{json, Value};

/// `update_customer`: sets profile fields and pushes `customer_updated`.
pub fn update_customer(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let name = p.opt_str("name")?;
    let email = p.opt_str("email")?;
    let avatar = p.opt_str("avatar")?;
    let sf = p.opt_arr("session_fields")?;
    if let Some(sf) = sf {
        params::check_session_fields(sf, 100)?;
    }
    if name.is_none() && email.is_none() && avatar.is_none() && sf.is_none() {
        return Err(RtmError::validation("at least one of `name`, `email`, `avatar`, `session_fields` is required"));
    }
    let mut st = app.lock();
    let c = st.customers.get_mut(cid).ok_or_else(|| RtmError::internal("customer vanished"))?;
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
    st.push_to_customer(cid, "customer_updated", json!({ "customer": profile }), s.origin());
}

/// `set_customer_session_fields`: replaces the session fields, pushes `customer_updated`.
pub fn set_session_fields(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let sf = p.req_arr("session_fields")?;
    params::check_session_fields(sf, 100)?;
    let mut st = app.lock();
    let c = st.customers.get_mut(cid).ok_or_else(|| RtmError::internal("customer vanished"))?;
    c.session_fields = sf.clone();
    let profile = customer_profile_json(c);
    push_customer_updated(&mut st, cid, profile, s);
    Ok(json!({}))
}

/// `update_customer_page`: records the page and pushes `customer_page_updated`.
pub fn update_customer_page(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
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
    st.push_to_customer(cid, "customer_page_updated", page, s.origin());
    Ok(json!({}))
}

/// `get_customer`: the customer's id, type and profile fields.
pub fn get_customer(app: &Shared, cid: &str) -> Result<Value, RtmError> {
    let st = app.lock();
    Ok(customer_profile_json(st.customers.get(cid).ok_or_else(|| RtmError::internal("customer vanished"))?))
}
