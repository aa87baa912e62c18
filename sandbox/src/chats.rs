//! Chat, thread and event methods: list_chats, list_threads, get_chat, start_chat,
//! activate_chat, deactivate_chat, send_event, send_rich_message_postback and
//! send_sneak_peek (property methods: `properties.rs`; event validation: `events.rs`).

use crate::methods::Session;
use crate::model::{Chat, Queue, Thread};
use crate::state::{Shared, State};
use crate::util::{self, ApiError, Params};
use serde_json::{json, Map, Value};

/// Queue length a new chat starts at.
pub const QUEUE_START: u64 = 3;
/// Seconds of estimated wait per queue position.
pub const WAIT_PER_POSITION: u64 = 3;

/// Runs a chat method for a logged-in customer.
pub fn dispatch(app: &Shared, s: &Session, cid: &str, action: &str, p: &Params) -> Result<Value, ApiError> {
    match action {
        "list_chats" => list_chats(app, cid, p),
        "list_threads" => list_threads(app, cid, p),
        "get_chat" => get_chat(app, cid, p),
        "start_chat" => start_chat(app, s, cid, p),
        "activate_chat" => activate_chat(app, s, cid, p),
        "deactivate_chat" => deactivate_chat(app, s, cid, p),
        "send_event" => send_event(app, s, cid, p),
        "send_rich_message_postback" => send_postback(app, s, cid, p),
        "send_sneak_peek" => send_sneak_peek(app, cid, p),
        "update_chat_properties"
        | "delete_chat_properties"
        | "update_thread_properties"
        | "delete_thread_properties"
        | "update_event_properties"
        | "delete_event_properties" => crate::properties::properties(app, s, cid, action, p),
        _ => Err(ApiError::validation(format!("unknown action `{action}`"))),
    }
}

pub(crate) fn origin(s: &Session) -> Option<(u64, Option<&Value>)> {
    Some((s.conn_id, s.request_id.as_ref()))
}

pub(crate) fn own_chat<'a>(st: &'a mut State, cid: &str, chat_id: &str) -> Result<&'a mut Chat, ApiError> {
    match st.chats.get_mut(chat_id) {
        Some(c) if c.customer_id == cid => Ok(c),
        _ => Err(ApiError::not_found("Chat not found")),
    }
}

fn sort_desc(p: &Params) -> Result<bool, ApiError> {
    match p.opt_str("sort_order")? {
        None | Some("desc") => Ok(true),
        Some("asc") => Ok(false),
        Some(_) => Err(ApiError::validation("`sort_order` must be `asc` or `desc`")),
    }
}

/// Page ids are opaque to clients: `<offset>.<limit>.<a|d>` base-16 encoded.
fn encode_page(offset: usize, limit: usize, desc: bool) -> String {
    format!("{offset}.{limit}.{}", if desc { 'd' } else { 'a' }).bytes().map(|b| format!("{b:02x}")).collect()
}

fn decode_page(id: &str) -> Result<(usize, usize, bool), ApiError> {
    let bad = || ApiError::validation("invalid `page_id`");
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

fn limit(p: &Params, default: u64, max: u64) -> Result<usize, ApiError> {
    match p.opt_u64("limit")? {
        None => Ok(default as usize),
        Some(l) if (1..=max).contains(&l) => Ok(l as usize),
        Some(_) => Err(ApiError::validation(format!("`limit` must be between 1 and {max}"))),
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

fn list_chats(app: &Shared, cid: &str, p: &Params) -> Result<Value, ApiError> {
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
    let avatar = app.url("cdn", "/assets/agent.png");
    let page: Vec<Value> =
        chats.iter().skip(off).take(lim).map(|c| c.summary_json(customer, present, &avatar)).collect();
    let mut out = json!({ "chats_summary": page, "total_chats": chats.len() });
    paginate(chats.len(), off, lim, desc, &mut out);
    Ok(out)
}

fn list_threads(app: &Shared, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let min_events = p.opt_u64("min_events_count")?;
    if min_events.is_some() && p.get("limit").is_some() {
        return Err(ApiError::validation("`limit` and `min_events_count` cannot be used together"));
    }
    if let Some(m) = min_events {
        if !(1..=100).contains(&m) {
            return Err(ApiError::validation("`min_events_count` must be between 1 and 100"));
        }
    }
    let (off, lim, desc) = match p.opt_str("page_id")? {
        Some(pid) => decode_page(pid)?,
        None => (0, limit(p, 3, 100)?, sort_desc(p)?),
    };
    let mut st = app.lock();
    let avatar = app.url("cdn", "/assets/agent.png");
    let _ = avatar;
    let chat = own_chat(&mut st, cid, chat_id)?;
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

fn get_chat(app: &Shared, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let thread_id = p.opt_str("thread_id")?;
    let mut st = app.lock();
    let present = st.is_present(cid);
    let customer = st.customers.get(cid).cloned();
    let chat = own_chat(&mut st, cid, chat_id)?;
    let idx = match thread_id {
        Some(t) => Some(chat.thread_index(t).ok_or_else(|| ApiError::not_found("Thread not found"))?),
        None => chat.threads.len().checked_sub(1),
    };
    Ok(chat.chat_json(idx, customer.as_ref(), present, &app.url("cdn", "/assets/agent.png")))
}

struct NewChat {
    properties: Map<String, Value>,
    access: Option<Value>,
    events: Vec<Map<String, Value>>,
    thread_properties: Map<String, Value>,
    continuous: Option<bool>,
}

fn parse_chat_arg(cid: &str, chat: Option<&Map<String, Value>>, p: &Params) -> Result<NewChat, ApiError> {
    let empty = Map::new();
    let c = Params(chat.unwrap_or(&empty));
    let properties = c.opt_obj("properties")?.cloned().unwrap_or_default();
    util::check_properties_set(&properties)?;
    let access = match c.opt_obj("access")? {
        Some(a) => {
            let ids = Params(a).opt_arr("group_ids")?;
            if ids.is_some_and(|ids| ids.iter().any(|v| !v.is_u64())) {
                return Err(ApiError::validation("`chat.access.group_ids` must be an array of group ids"));
            }
            Some(Value::Object(a.clone()))
        }
        None => None,
    };
    if let Some(users) = c.opt_arr("users")? {
        if users.len() > 1 {
            return Err(ApiError::validation("`chat.users` may hold only one user (the customer)"));
        }
        for u in users {
            let ok = u.get("type").and_then(Value::as_str) == Some("customer")
                && u.get("id").and_then(Value::as_str).is_none_or(|id| id == cid);
            if !ok {
                return Err(ApiError::validation("`chat.users` may hold only the requesting customer"));
            }
        }
    }
    let mut events = vec![];
    let mut thread_properties = Map::new();
    if let Some(t) = c.opt_obj("thread")? {
        let tp = Params(t);
        if let Some(evs) = tp.opt_arr("events")? {
            for e in evs {
                events.push(crate::events::validate_event(e)?);
            }
        }
        if let Some(pr) = tp.opt_obj("properties")? {
            util::check_properties_set(pr)?;
            thread_properties = pr.clone();
        }
    }
    Ok(NewChat { properties, access, events, thread_properties, continuous: p.opt_bool("continuous")? })
}

fn check_group_online(st: &State, s: &Session, group: u64, continuous: bool) -> Result<(), ApiError> {
    let g = st
        .licenses
        .get(&s.license_id)
        .and_then(|l| l.groups.get(&group))
        .ok_or_else(|| ApiError::new("group_not_found", "Group not found"))?;
    if g.status == "offline" && !continuous {
        return Err(ApiError::new("groups_offline", "Groups offline"));
    }
    Ok(())
}

/// Opens a new queued thread with the initial events; returns (thread id, event ids).
fn open_thread(chat: &mut Chat, cid: &str, nc: NewChat) -> (String, Vec<String>) {
    let mut t = Thread::new(util::short_id(), cid);
    t.properties = nc.thread_properties;
    t.queue = Some(Queue {
        position: QUEUE_START,
        wait_time: QUEUE_START * WAIT_PER_POSITION,
        queued_at: util::now_rfc3339(),
    });
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
    let body = chat.chat_json(chat.threads.len().checked_sub(1), customer, true, &app.url("cdn", "/assets/agent.png"));
    st.push_to_customer(cid, "incoming_chat", json!({ "requester_id": cid, "chat": body }), origin(s));
}

fn start_chat(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let nc = parse_chat_arg(cid, p.opt_obj("chat")?, p)?;
    let mut st = app.lock();
    if st.chats.values().any(|c| c.customer_id == cid && c.is_active()) {
        return Err(ApiError::new("limit_reached", "The customer already has an active chat"));
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
    drop(st);
    crate::agent::on_thread_opened(app, &chat_id, &tid);
    let mut out = json!({ "chat_id": chat_id, "thread_id": tid });
    if !event_ids.is_empty() {
        out["event_ids"] = json!(event_ids);
    }
    Ok(out)
}

fn activate_chat(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_arg = p.req_obj("chat")?;
    let chat_id = Params(chat_arg).req_str("id").map_err(|e| ApiError::validation(format!("chat.{}", e.message)))?;
    let nc = parse_chat_arg(cid, Some(chat_arg), p)?;
    let mut st = app.lock();
    let group = {
        let chat = own_chat(&mut st, cid, chat_id)?;
        if chat.is_active() {
            return Err(ApiError::new("not_allowed", "The chat is already active"));
        }
        chat.access.get("group_ids").and_then(|g| g.get(0)).and_then(Value::as_u64).unwrap_or(0)
    };
    check_group_online(&st, s, group, nc.continuous.unwrap_or(false))?;
    let chat = own_chat(&mut st, cid, chat_id)?;
    util::merge_properties(&mut chat.properties, &nc.properties);
    if let Some(a) = nc.access.clone() {
        chat.access = a;
    }
    let (tid, event_ids) = open_thread(chat, cid, nc);
    st.note("activate_chat", cid, json!({ "chat_id": chat_id, "thread_id": tid }));
    incoming_chat(app, &st, s, cid, chat_id);
    drop(st);
    crate::agent::on_thread_opened(app, chat_id, &tid);
    let mut out = json!({ "thread_id": tid });
    if !event_ids.is_empty() {
        out["event_ids"] = json!(event_ids);
    }
    Ok(out)
}

fn deactivate_chat(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let mut st = app.lock();
    let chat = own_chat(&mut st, cid, chat_id)?;
    let t = chat.active_thread().ok_or_else(|| ApiError::new("chat_inactive", "No active chat thread"))?;
    let ev = t.add_event(
        crate::content::system_message("manual_archived_customer", "The customer closed the chat", json!({})),
        None,
    );
    t.active = false;
    t.queue = None;
    let tid = t.id.clone();
    chat.agent_present = false;
    let o = origin(s);
    st.push_to_customer(cid, "incoming_event", json!({ "chat_id": chat_id, "thread_id": tid, "event": ev }), o);
    st.push_to_customer(cid, "chat_deactivated", json!({ "chat_id": chat_id, "thread_id": tid, "user_id": cid }), o);
    st.note("deactivate_chat", cid, json!({ "chat_id": chat_id }));
    Ok(json!({}))
}

fn send_event(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let raw = p.get("event").ok_or_else(|| ApiError::validation("`event` is required"))?;
    let ev = crate::events::validate_event(raw)?;
    let attach = p.opt_bool("attach_to_last_thread")?.unwrap_or(false);
    let mut st = app.lock();
    let chat = own_chat(&mut st, cid, chat_id)?;
    let active = chat.is_active();
    let attachable = attach && !chat.threads.is_empty();
    if !active && !attachable {
        return Err(ApiError::new("chat_inactive", "No active chat thread"));
    }
    let Some(t) = chat.threads.last_mut() else {
        return Err(ApiError::new("chat_inactive", "No active chat thread"));
    };
    let stored = t.add_event(ev, Some(cid));
    let tid = t.id.clone();
    let event_id = stored.get("id").cloned().unwrap_or(Value::Null);
    if let Some(c) = st.customers.get_mut(cid) {
        c.events_seen_up_to = stored.get("created_at").and_then(Value::as_str).map(str::to_string);
    }
    st.push_to_customer(
        cid,
        "incoming_event",
        json!({ "chat_id": chat_id, "thread_id": tid, "event": stored }),
        origin(s),
    );
    drop(st);
    if active {
        crate::agent::on_customer_event(app, chat_id, &tid, &stored);
    }
    Ok(json!({ "event_id": event_id }))
}

fn send_postback(app: &Shared, s: &Session, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let thread_id = p.req_str("thread_id")?;
    let event_id = p.req_str("event_id")?;
    let pb = p.req_obj("postback")?;
    let pp = Params(pb);
    let pid = pp.req_str("id").map_err(|_| ApiError::validation("`postback.id` is required and must be a string"))?;
    let toggled = pp
        .opt_bool("toggled")
        .ok()
        .flatten()
        .ok_or_else(|| ApiError::validation("`postback.toggled` is required and must be a boolean"))?;
    let mut st = app.lock();
    let chat = own_chat(&mut st, cid, chat_id)?;
    let ti = chat.thread_index(thread_id).ok_or_else(|| ApiError::not_found("Thread not found"))?;
    let thread = &mut chat.threads[ti];
    let active = thread.active;
    let ev = thread
        .events
        .iter_mut()
        .find(|e| e.get("id").and_then(Value::as_str) == Some(event_id))
        .ok_or_else(|| ApiError::not_found("Event not found"))?;
    if ev.get("type").and_then(Value::as_str) != Some("rich_message") {
        return Err(ApiError::validation("the event is not a rich message"));
    }
    let mut button_text = None;
    if let Some(els) = ev.get_mut("elements").and_then(Value::as_array_mut) {
        for b in els.iter_mut().filter_map(|e| e.get_mut("buttons")).filter_map(Value::as_array_mut).flatten() {
            if b.get("postback_id").and_then(Value::as_str) != Some(pid) {
                continue;
            }
            button_text = b.get("text").and_then(Value::as_str).map(str::to_string);
            if let Some(ids) = b.get_mut("user_ids").and_then(Value::as_array_mut) {
                ids.retain(|u| u.as_str() != Some(cid));
                if toggled {
                    ids.push(Value::from(cid));
                }
            }
        }
    }
    if active {
        st.push_to_customer(
            cid,
            "incoming_rich_message_postback",
            json!({ "user_id": cid, "chat_id": chat_id, "thread_id": thread_id, "event_id": event_id, "postback": { "id": pid, "toggled": toggled } }),
            origin(s),
        );
    }
    st.note("postback", cid, json!({ "chat_id": chat_id, "postback_id": pid, "toggled": toggled }));
    drop(st);
    if active && toggled {
        crate::agent::on_postback(app, chat_id, thread_id, pid, button_text.as_deref());
    }
    Ok(json!({}))
}

fn send_sneak_peek(app: &Shared, cid: &str, p: &Params) -> Result<Value, ApiError> {
    let chat_id = p.req_str("chat_id")?;
    let text = p.req_str("sneak_peek_text")?;
    let mut st = app.lock();
    let chat = own_chat(&mut st, cid, chat_id)?;
    chat.sneak_peek = Some(json!({ "text": text, "at": util::now_rfc3339() }));
    Ok(json!({}))
}
