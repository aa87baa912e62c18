//! The events a customer sends (`send_event`, and the initial events of `start_chat` and
//! `activate_chat`), checked against the request tables of spec "Events" and rebuilt from
//! their documented fields only: anything else is left out of the stored and echoed event
//! and reported as a warning (the reference does not say it is refused).

use crate::error::RtmError;
use crate::params::{self, Params};
use serde_json::{Map, Value};

/// Largest message text in bytes (16 KB).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

/// Filled-form field types (spec "Filled form fields", plus `subject` from the data
/// structures document), and where each keeps its answer.
const TEXT_FIELDS: &[&str] = &["name", "email", "question", "subject", "textarea"];
const CHOICE_FIELDS: &[&str] = &["radio", "select", "group_chooser"];

/// An event as the server keeps it (no server-side fields yet) and what was dropped.
#[derive(Debug)]
pub struct Checked {
    /// The documented fields of the event.
    pub event: Map<String, Value>,
    /// One line per undocumented field left out.
    pub warnings: Vec<String>,
}

/// Copies the documented `keys` of `m` into a new map; every other key is a warning
/// (`path.key`).
fn pick(m: &Map<String, Value>, keys: &[&str], path: &str, warnings: &mut Vec<String>) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in m {
        if v.is_null() {
            continue; // an optional field left empty
        }
        if keys.contains(&k.as_str()) {
            out.insert(k.clone(), v.clone());
        } else {
            warnings.push(format!("`{path}.{k}` is not in the v3.2 request table; left out of the event"));
        }
    }
    out
}

fn obj<'a>(v: &'a Value, path: &str) -> Result<&'a Map<String, Value>, RtmError> {
    v.as_object().ok_or_else(|| RtmError::validation(format!("`{path}` must be an object")))
}

fn req_str<'a>(m: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a str, RtmError> {
    match m.get(key) {
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(RtmError::validation(format!("`{path}.{key}` must be a string"))),
        None => Err(RtmError::validation(format!("`{path}.{key}` is required"))),
    }
}

/// Validates an event from a request. `cdn` is the origin file URLs must live on
/// (`http://cdn.localhost:PORT`).
pub fn validate_event(v: &Value, cdn: &str) -> Result<Checked, RtmError> {
    let m = obj(v, "event")?;
    let p = Params(m);
    let ty = p.req_str("type")?;
    p.opt_str("custom_id")?;
    if let Some(props) = p.opt_obj("properties")? {
        params::check_properties_set(props)?;
    }
    // Not in the tables, but in the send_event and incoming_event samples.
    for k in ["recipients", "visibility"] {
        match p.opt_str(k)? {
            None | Some("all") | Some("agents") => {}
            Some(_) => return Err(RtmError::validation(format!("`{k}` must be `all` or `agents`"))),
        }
    }
    let mut warnings = Vec::new();
    let own: &[&str] = match ty {
        "message" => &["text", "postback"],
        "file" => &["url"],
        "filled_form" => &["form_id", "fields"],
        "rich_message" => &["template_id", "elements"],
        "custom" => &["content"],
        "system_message" => &["text", "system_message_type", "text_vars"],
        other => return Err(RtmError::validation(format!("unsupported event type `{other}`"))),
    };
    let keys: Vec<&str> =
        ["custom_id", "type", "properties", "recipients", "visibility"].iter().chain(own).copied().collect();
    let mut out = pick(m, &keys, "event", &mut warnings);
    match ty {
        "message" => {
            let text = p.req_str("text")?;
            if text.len() > MAX_TEXT_BYTES {
                return Err(RtmError::validation("`text` is longer than 16 KB; split it into several messages"));
            }
            if let Some(pb) = p.get("postback") {
                let pb = obj(pb, "postback")?;
                for k in ["id", "thread_id", "event_id"] {
                    req_str(pb, k, "postback")?;
                }
                let (t, v) = (Params(pb).opt_str("type")?, Params(pb).opt_str("value")?);
                if t.is_some() != v.is_some() {
                    return Err(RtmError::validation("`postback.type` and `postback.value` go together"));
                }
                let kept = pick(pb, &["id", "thread_id", "event_id", "type", "value"], "event.postback", &mut warnings);
                out.insert("postback".into(), Value::Object(kept));
            }
        }
        "file" => {
            let url = p.req_str("url")?;
            // Spec "File": the URL "has to point to the LiveChat CDN"; here, the sandbox's.
            let on_cdn = url.strip_prefix(cdn).is_some_and(|rest| rest.starts_with('/'));
            if !on_cdn {
                return Err(RtmError::validation(format!("`url` has to point to the CDN ({cdn}/...)")));
            }
            let path = url[cdn.len()..].split(['?', '#']).next().unwrap_or("");
            let name = path.rsplit('/').next().filter(|n| !n.is_empty()).unwrap_or("file").to_string();
            let ct = match name.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
                Some("png") => "image/png",
                Some("jpg") | Some("jpeg") => "image/jpeg",
                Some("gif") => "image/gif",
                Some("pdf") => "application/pdf",
                _ => "application/octet-stream",
            };
            out.insert("name".into(), Value::from(name));
            out.insert("content_type".into(), Value::from(ct));
        }
        "filled_form" => {
            p.req_str("form_id")?;
            let mut fields = Vec::new();
            for (i, f) in p.req_arr("fields")?.iter().enumerate() {
                fields.push(Value::Object(filled_field(f, &format!("fields[{i}]"), &mut warnings)?));
            }
            out.insert("fields".into(), Value::Array(fields));
        }
        "rich_message" => {
            match p.req_str("template_id")? {
                "cards" | "sticker" | "quick_replies" => {}
                _ => return Err(RtmError::validation("`template_id` must be cards, sticker or quick_replies")),
            }
            if let Some(els) = p.opt_arr("elements")? {
                if els.len() > 10 {
                    return Err(RtmError::validation("`elements` may hold at most 10 elements"));
                }
                let mut kept = Vec::new();
                for (i, e) in els.iter().enumerate() {
                    kept.push(Value::Object(element(e, &format!("elements[{i}]"), &mut warnings)?));
                }
                out.insert("elements".into(), Value::Array(kept));
            }
        }
        "custom" => {
            p.opt_obj("content")?;
        }
        _ => {
            p.req_str("system_message_type")?;
            p.opt_str("text")?;
            p.opt_obj("text_vars")?;
        }
    }
    Ok(Checked { event: out, warnings })
}

/// One filled-form field, per its type (spec "Filled form fields"): text types carry
/// `answer` as a string, radio/select `answer: {id, label}`, group_chooser
/// `answer: {id, label, group_id}` with a numeric group, checkbox `answers: [{id, label}]`;
/// option ids are strings.
fn filled_field(f: &Value, path: &str, warnings: &mut Vec<String>) -> Result<Map<String, Value>, RtmError> {
    let m = obj(f, path)?;
    let ty = req_str(m, "type", path)?;
    req_str(m, "id", path)?;
    req_str(m, "label", path)?;
    let answer_key = if TEXT_FIELDS.contains(&ty) || CHOICE_FIELDS.contains(&ty) {
        "answer"
    } else if ty == "checkbox" {
        "answers"
    } else if ty == "rating" {
        // A postchat form's `rating` field: "Filled form fields" has no answer shape for it.
        return Err(RtmError::validation(format!(
            "`{path}` is a rating field, which a filled form does not carry: a rating is the thread's \
             `rating` properties (update_thread_properties)"
        )));
    } else {
        return Err(RtmError::validation(format!(
            "`{path}.type` must be one of checkbox, email, name, question, subject, textarea, group_chooser, radio, select"
        )));
    };
    let mut out = pick(m, &["type", "id", "label", answer_key], &format!("event.{path}"), warnings);
    let answer = m
        .get(answer_key)
        .ok_or_else(|| RtmError::validation(format!("`{path}.{answer_key}` is required for a {ty} field")))?;
    if TEXT_FIELDS.contains(&ty) {
        if !answer.is_string() {
            return Err(RtmError::validation(format!("`{path}.answer` must be a string for a {ty} field")));
        }
    } else if ty == "checkbox" {
        let list =
            answer.as_array().ok_or_else(|| RtmError::validation(format!("`{path}.answers` must be an array")))?;
        let mut kept = Vec::new();
        for (i, o) in list.iter().enumerate() {
            kept.push(Value::Object(option(o, &format!("{path}.answers[{i}]"), false, warnings)?));
        }
        out.insert("answers".into(), Value::Array(kept));
    } else {
        let o = option(answer, &format!("{path}.answer"), ty == "group_chooser", warnings)?;
        out.insert("answer".into(), Value::Object(o));
    }
    Ok(out)
}

/// A chosen option: `id` and `label` strings, and a numeric `group_id` for group_chooser.
fn option(v: &Value, path: &str, group: bool, warnings: &mut Vec<String>) -> Result<Map<String, Value>, RtmError> {
    let m = obj(v, path)?;
    req_str(m, "id", path)?;
    req_str(m, "label", path)?;
    if group {
        match m.get("group_id") {
            Some(g) if g.is_u64() => {}
            Some(_) => return Err(RtmError::validation(format!("`{path}.group_id` must be a number"))),
            None => {
                return Err(RtmError::validation(format!("`{path}.group_id` is required for a group_chooser field")))
            }
        }
    }
    let keys: &[&str] = if group { &["id", "label", "group_id"] } else { &["id", "label"] };
    Ok(pick(m, keys, &format!("event.{path}"), warnings))
}

/// A rich message element with its image and buttons (spec "Rich message").
fn element(e: &Value, path: &str, warnings: &mut Vec<String>) -> Result<Map<String, Value>, RtmError> {
    let m = obj(e, path)?;
    let mut out = pick(m, &["title", "subtitle", "image", "buttons"], &format!("event.{path}"), warnings);
    if let Some(img) = m.get("image") {
        let im = obj(img, &format!("{path}.image"))?;
        req_str(im, "url", &format!("{path}.image"))?;
        let keys = ["url", "name", "content_type", "size", "width", "height"];
        out.insert("image".into(), Value::Object(pick(im, &keys, &format!("event.{path}.image"), warnings)));
    }
    if let Some(bs) = Params(m).opt_arr("buttons")? {
        if bs.len() > 13 {
            return Err(RtmError::validation("`elements.buttons` may hold at most 13 buttons"));
        }
        let keys = ["text", "type", "value", "webview_height", "postback_id", "user_ids"];
        let mut kept = Vec::new();
        for (i, b) in bs.iter().enumerate() {
            let bp = format!("{path}.buttons[{i}]");
            kept.push(Value::Object(pick(obj(b, &bp)?, &keys, &format!("event.{bp}"), warnings)));
        }
        out.insert("buttons".into(), Value::Array(kept));
    }
    Ok(out)
}
