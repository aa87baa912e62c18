//! The spec's "Chats" methods: list_chats, list_threads, get_chat, start_chat,
//! activate_chat and deactivate_chat.

use crate::bus::SandboxEvent;
use crate::content;
use crate::error::{ErrorKind, RtmError};
use crate::event_shape;
use crate::model::{Chat, Queue, Thread, QUEUE_START};
use crate::params::{self, Params};
use crate::session::Session;
use crate::state::{Shared, State};
use crate::util;
use serde_json::{json, Map, Value};

fn sort_desc(p: &Params) -> Result<bool, RtmError> {
    match p.opt_str("sort_order")? {
        None | Some("desc") => Ok(true),
        Some("asc") => Ok(false),
        Some(_) => Err(RtmError::validation("`sort_order` must be `asc` or `desc`")),
    }
}

/// Page ids are opaque to clients: `<offset>.<limit>.<a|d>` base-16 encoded.
fn encode_page(offset: usize, limit: usize, desc: bool) -> String {
    format!("{offset}.{limit}.{}", if desc { 'd' } else { 'a' }).bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode_page(id: &str) -> Result<(usize, usize, bool), RtmError> {
    let bad = || RtmError::validation("invalid `page_id`");
    if !id.len().is_multiple_of(2) || !id.is_ascii() {
        return Err(bad());
    }
    let bytes: Vec<u8> = (0..id.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&id[i..i + 2], 16))
        .collect::<Result<_, _>>()
        .map_err(|_| bad())?;
    let s = String::from_utf8(bytes).map_err(|_| bad())?;
    let mut it = s.split('.');
    let off = it.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
    let off: usize = off;
    let lim = it.next().and_then(|v| v.parse().ok()).filter(|l: &usize| (1..=100).contains(l)).ok_or_else(bad)?;
    if off > 1_000_000 {
        return Err(bad());
    }
    let desc = match it.next() {
        Some("d") => true,
        Some("a") => false,
        _ => return Err(bad()),
    };
    Ok((off, lim, desc))
}

fn limit(p: &Params, default: u64, max: u64) -> Result<usize, RtmError> {
    match p.opt_u64("limit")? {
        None => Ok(default as usize),
        Some(l) if (1..=max).contains(&l) => Ok(l as usize),
        Some(_) => Err(RtmError::validation(format!("`limit` must be between 1 and {max}"))),
    }
}

fn paginate(total: usize, off: usize, lim: usize, desc: bool, out: &mut Value) {
    if off.saturating_add(lim) < total {
        out["next_page_id"] = Value::from(encode_page(off + lim, lim, desc));
    }
    if off > 0 {
        out["previous_page_id"] = Value::from(encode_page(off.saturating_sub(lim), lim, desc));
    }
}

/// `list_chats`: the customer's chat summaries, paged.
pub fn list_chats(app: &Shared, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let (off, lim, desc) = match p.opt_str("page_id")? {
        Some(pid) => decode_page(pid)?,
        None => (0, limit(p, 10, 25)?, sort_desc(p)?),
    };
    if p.opt_str("page_id")?.is_some() {
        limit(p, 10, 25)?;
        sort_desc(p)?;
    }
    let st = app.lock();
    let customer = st.customers.get(cid);
    let mut chats: Vec<&Chat> = st.chats.values().filter(|c| c.customer_id == cid).collect();
    chats.sort_by(|a, b| {
        let ka = (a.threads.last().map(|t| t.created_at.clone()), a.seq);
        let kb = (b.threads.last().map(|t| t.created_at.clone()), b.seq);
        ka.cmp(&kb)
    });
    if desc {
        chats.reverse();
    }
    let present = st.is_present(cid);
    let avatar = content::avatar_url(app.port);
    let page: Vec<Value> =
        chats.iter().skip(off).take(lim).map(|c| c.summary_json(customer, present, &avatar)).collect();
    let mut out = json!({ "chats_summary": page, "total_chats": chats.len() });
    paginate(chats.len(), off, lim, desc, &mut out);
    Ok(out)
}

/// `list_threads`: threads of a chat, paged or by `min_events_count`.
pub fn list_threads(app: &Shared, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let min_events = p.opt_u64("min_events_count")?;
    if min_events.is_some() && p.get("limit").is_some() {
        return Err(RtmError::validation("`limit` and `min_events_count` cannot be used together"));
    }
    if let Some(m) = min_events {
        if !(1..=100).contains(&m) {
            return Err(RtmError::validation("`min_events_count` must be between 1 and 100"));
        }
    }
    let (off, lim, desc) = match p.opt_str("page_id")? {
        Some(pid) => decode_page(pid)?,
        None => (0, limit(p, 3, 100)?, sort_desc(p)?),
    };
    let mut st = app.lock();
    let chat = st.own_chat(cid, chat_id)?;
    let mut idx: Vec<usize> = (0..chat.threads.len()).rev().collect(); // newest first
    let total = idx.len();
    let (selected, paged) = if let Some(m) = min_events {
        let mut count = 0usize;
        let mut sel = vec![];
        for i in idx {
            if count >= m as usize {
                break;
            }
            count += chat.threads[i].events.len();
            sel.push(i);
        }
        (sel, false)
    } else {
        if !desc {
            idx.reverse();
        }
        (idx.into_iter().skip(off).take(lim).collect(), true)
    };
    let mut selected = selected;
    if !paged && !desc {
        selected.reverse();
    }
    let threads: Vec<Value> = selected.iter().map(|i| chat.thread_json(*i)).collect();
    let mut out = json!({ "threads": threads, "found_threads": total });
    if paged {
        paginate(total, off, lim, desc, &mut out);
    }
    Ok(out)
}

/// `get_chat`: a chat with one thread (the last one by default).
pub fn get_chat(app: &Shared, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let thread_id = p.opt_str("thread_id")?;
    let mut st = app.lock();
    let present = st.is_present(cid);
    let customer = st.customers.get(cid).cloned();
    let chat = st.own_chat(cid, chat_id)?;
    let idx = match thread_id {
        Some(t) => Some(chat.thread_index(t).ok_or_else(|| RtmError::not_found("Thread not found"))?),
        None => chat.threads.len().checked_sub(1),
    };
    Ok(chat.chat_json(idx, customer.as_ref(), present, &content::avatar_url(app.port)))
}

struct NewChat {
    properties: Map<String, Value>,
    access: Option<Value>,
    events: Vec<Map<String, Value>>,
    thread_properties: Map<String, Value>,
    continuous: Option<bool>,
}

fn parse_chat_arg(
    app: &Shared,
    action: &str,
    cid: &str,
    chat: Option<&Map<String, Value>>,
    p: &Params,
) -> Result<NewChat, RtmError> {
    let empty = Map::new();
    let c = Params(chat.unwrap_or(&empty));
    let properties = c.opt_obj("properties")?.cloned().unwrap_or_default();
    params::check_properties_set(&properties)?;
    let access = match c.opt_obj("access")? {
        Some(a) => {
            let ids = Params(a).opt_arr("group_ids")?;
            if ids.is_some_and(|ids| ids.iter().any(|v| !v.is_u64())) {
                return Err(RtmError::validation("`chat.access.group_ids` must be an array of group ids"));
            }
            Some(Value::Object(a.clone()))
        }
        None => None,
    };
    if let Some(users) = c.opt_arr("users")? {
        if users.len() > 1 {
            return Err(RtmError::validation("`chat.users` may hold only one user (the customer)"));
        }
        for u in users {
            let ok = u.get("type").and_then(Value::as_str) == Some("customer")
                && u.get("id").and_then(Value::as_str).is_none_or(|id| id == cid);
            if !ok {
                return Err(RtmError::validation("`chat.users` may hold only the requesting customer"));
            }
        }
    }
    let mut events = vec![];
    let mut thread_properties = Map::new();
    if let Some(t) = c.opt_obj("thread")? {
        let tp = Params(t);
        if let Some(evs) = tp.opt_arr("events")? {
            let cdn = util::host_url(app.port, "cdn", "");
            for (i, e) in evs.iter().enumerate() {
                let checked = event_shape::validate_event(e, &cdn)?;
                for w in checked.warnings {
                    app.warn(action, cid, format!("chat.thread.events[{i}]: {w}"));
                }
                events.push(checked.event);
            }
        }
        if let Some(pr) = tp.opt_obj("properties")? {
            params::check_properties_set(pr)?;
            thread_properties = pr.clone();
        }
    }
    Ok(NewChat { properties, access, events, thread_properties, continuous: p.opt_bool("continuous")? })
}

fn check_group_online(st: &State, s: &Session, group: u64, continuous: bool) -> Result<(), RtmError> {
    let g = st
        .licenses
        .get(&s.license_id)
        .and_then(|l| l.groups.get(&group))
        .ok_or_else(|| RtmError::from(ErrorKind::GroupNotFound))?;
    if g.status == "offline" && !continuous {
        return Err(RtmError::from(ErrorKind::GroupsOffline));
    }
    Ok(())
}

/// Opens a new queued thread with the initial events; returns (thread id, event ids).
fn open_thread(chat: &mut Chat, cid: &str, nc: NewChat) -> (String, Vec<String>) {
    let mut t = Thread::new(util::short_id(), cid);
    t.properties = nc.thread_properties;
    t.queue = Some(Queue::new(QUEUE_START));
    let mut ids = vec![];
    for e in nc.events {
        let ev = t.add_event(e, Some(cid));
        if let Some(id) = ev.get("id").and_then(Value::as_str) {
            ids.push(id.to_string());
        }
    }
    let tid = t.id.clone();
    chat.threads.push(t);
    chat.agent_present = false;
    (tid, ids)
}

fn incoming_chat(app: &Shared, st: &State, s: &Session, cid: &str, chat_id: &str) {
    let Some(chat) = st.chats.get(chat_id) else {
        return;
    };
    let customer = st.customers.get(cid);
    let body = chat.chat_json(chat.threads.len().checked_sub(1), customer, true, &content::avatar_url(app.port));
    st.push_to_customer(cid, "incoming_chat", json!({ "requester_id": cid, "chat": body }), s.origin());
}

// A chat that starts ends the greeting on display.
fn end_greeting(st: &mut State, cid: &str) {
    if let Some(c) = st.customers.get_mut(cid) {
        c.greeting = None;
    }
}

/// `start_chat`: a new chat with a queued thread; pushes `incoming_chat`, emits `ChatStarted`.
pub fn start_chat(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let mut nc = parse_chat_arg(app, "start_chat", cid, p.opt_obj("chat")?, p)?;
    let mut st = app.lock();
    crate::files::describe(&st.files, app.port, nc.events.iter_mut());
    if st.chats.values().any(|c| c.customer_id == cid && c.is_active()) {
        return Err(RtmError::new(ErrorKind::LimitReached, "The customer already has an active chat"));
    }
    let group = nc
        .access
        .as_ref()
        .and_then(|a| a.get("group_ids"))
        .and_then(|g| g.get(0))
        .and_then(Value::as_u64)
        .or_else(|| st.customers.get(cid).map(|c| c.group_id))
        .unwrap_or(0);
    check_group_online(&st, s, group, nc.continuous.unwrap_or(false))?;
    let seq = st.next_seq();
    let mut chat = Chat {
        id: util::short_id(),
        customer_id: cid.to_string(),
        properties: nc.properties.clone(),
        access: nc.access.clone().unwrap_or_else(|| json!({ "group_ids": [group] })),
        threads: vec![],
        agent_in_chat: false,
        agent_present: false,
        sneak_peek: None,
        replies: 0,
        seq,
    };
    let (tid, event_ids) = open_thread(&mut chat, cid, nc);
    let chat_id = chat.id.clone();
    st.chats.insert(chat_id.clone(), chat);
    if let Some(c) = st.customers.get_mut(cid) {
        c.chat_ids.push(chat_id.clone());
    }
    st.note("start_chat", cid, json!({ "chat_id": chat_id, "thread_id": tid }));
    incoming_chat(app, &st, s, cid, &chat_id);
    end_greeting(&mut st, cid);
    drop(st);
    app.emit(SandboxEvent::ChatStarted { chat_id: chat_id.clone(), thread_id: tid.clone() });
    let mut out = json!({ "chat_id": chat_id, "thread_id": tid });
    if !event_ids.is_empty() {
        out["event_ids"] = json!(event_ids);
    }
    Ok(out)
}

/// `activate_chat`: a new queued thread in an inactive chat; pushes `incoming_chat`, emits `ChatActivated`.
pub fn activate_chat(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_arg = p.req_obj("chat")?;
    let chat_id = Params(chat_arg).req_str("id").map_err(|e| RtmError::validation(format!("chat.{}", e.message)))?;
    let mut nc = parse_chat_arg(app, "activate_chat", cid, Some(chat_arg), p)?;
    let mut st = app.lock();
    crate::files::describe(&st.files, app.port, nc.events.iter_mut());
    let group = {
        let chat = st.own_chat(cid, chat_id)?;
        if chat.is_active() {
            return Err(RtmError::new(ErrorKind::NotAllowed, "The chat is already active"));
        }
        chat.access.get("group_ids").and_then(|g| g.get(0)).and_then(Value::as_u64).unwrap_or(0)
    };
    check_group_online(&st, s, group, nc.continuous.unwrap_or(false))?;
    let chat = st.own_chat(cid, chat_id)?;
    util::merge_properties(&mut chat.properties, &nc.properties);
    if let Some(a) = nc.access.clone() {
        chat.access = a;
    }
    let (tid, event_ids) = open_thread(chat, cid, nc);
    st.note("activate_chat", cid, json!({ "chat_id": chat_id, "thread_id": tid }));
    incoming_chat(app, &st, s, cid, chat_id);
    end_greeting(&mut st, cid);
    drop(st);
    app.emit(SandboxEvent::ChatActivated { chat_id: chat_id.to_string(), thread_id: tid.clone() });
    let mut out = json!({ "thread_id": tid });
    if !event_ids.is_empty() {
        out["event_ids"] = json!(event_ids);
    }
    Ok(out)
}

/// `deactivate_chat`: closes the open thread; pushes the system message and `chat_deactivated`.
pub fn deactivate_chat(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, RtmError> {
    let chat_id = p.req_str("chat_id")?;
    let mut st = app.lock();
    let chat = st.own_chat(cid, chat_id)?;
    let t = chat.active_thread().ok_or_else(|| RtmError::from(ErrorKind::ChatInactive))?;
    let ev = t.add_event(
        content::system_message("manual_archived_customer", "The customer closed the chat", json!({})),
        None,
    );
    t.active = false;
    t.queue = None;
    let tid = t.id.clone();
    chat.agent_present = false;
    let o = s.origin();
    // Only the method's documented push (chat_deactivated) carries the request_id: clients
    // such as customer-sdk take the first push with it as the answer.
    st.push_to_customer(cid, "incoming_event", json!({ "chat_id": chat_id, "thread_id": tid, "event": ev }), None);
    st.push_to_customer(cid, "chat_deactivated", json!({ "chat_id": chat_id, "thread_id": tid, "user_id": cid }), o);
    st.note("deactivate_chat", cid, json!({ "chat_id": chat_id }));
    Ok(json!({}))
}
