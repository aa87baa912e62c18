//! Validation of events sent by the customer (send_event, initial events of
//! start_chat and activate_chat), following the request tables of the spec.

use crate::util::{self, ApiError, Params};
use serde_json::{Map, Value};

/// Largest message text in bytes (16 KB).
pub const MAX_TEXT_BYTES: usize = 16 * 1024;

/// Validates an event from a request and returns it without server-side fields.
pub fn validate_event(v: &Value) -> Result<Map<String, Value>, ApiError> {
    let m = v.as_object().ok_or_else(|| ApiError::validation("`event` must be an object"))?;
    let p = Params(m);
    let ty = p.req_str("type")?;
    p.opt_str("custom_id")?;
    if let Some(props) = p.opt_obj("properties")? {
        util::check_properties_set(props)?;
    }
    for k in ["recipients", "visibility"] {
        match p.opt_str(k)? {
            None | Some("all") | Some("agents") => {}
            Some(_) => return Err(ApiError::validation(format!("`{k}` must be `all` or `agents`"))),
        }
    }
    let mut out = m.clone();
    for k in ["id", "created_at", "author_id"] {
        out.remove(k);
    }
    match ty {
        "message" => {
            let text = p.req_str("text")?;
            if text.len() > MAX_TEXT_BYTES {
                return Err(ApiError::validation("`text` is longer than 16 KB; split it into several messages"));
            }
            if let Some(pb) = p.opt_obj("postback")? {
                let pp = Params(pb);
                for k in ["id", "thread_id", "event_id"] {
                    pp.req_str(k).map_err(|e| {
                        ApiError::validation(format!(
                            "postback.{}",
                            e.message.trim_start_matches('`').replacen('`', "` ", 1)
                        ))
                    })?;
                }
                let (t, v) = (pp.opt_str("type")?, pp.opt_str("value")?);
                if t.is_some() != v.is_some() {
                    return Err(ApiError::validation("`postback.type` and `postback.value` go together"));
                }
            }
        }
        "file" => {
            let url = p.req_str("url")?;
            let name = url.rsplit('/').next().unwrap_or("file").to_string();
            let ct = match name.rsplit('.').next().map(str::to_ascii_lowercase).as_deref() {
                Some("png") => "image/png",
                Some("jpg") | Some("jpeg") => "image/jpeg",
                Some("gif") => "image/gif",
                Some("pdf") => "application/pdf",
                _ => "application/octet-stream",
            };
            out.entry("name").or_insert_with(|| Value::from(name));
            out.insert("content_type".into(), Value::from(ct));
        }
        "filled_form" => {
            p.req_str("form_id")?;
            for f in p.req_arr("fields")? {
                let fm = f.as_object().ok_or_else(|| ApiError::validation("`fields` must hold objects"))?;
                let fp = Params(fm);
                fp.req_str("type")?;
                fp.req_str("id")?;
                fp.req_str("label")?;
            }
        }
        "rich_message" => {
            match p.req_str("template_id")? {
                "cards" | "sticker" | "quick_replies" => {}
                _ => return Err(ApiError::validation("`template_id` must be cards, sticker or quick_replies")),
            }
            if let Some(els) = p.opt_arr("elements")? {
                if els.len() > 10 {
                    return Err(ApiError::validation("`elements` may hold at most 10 elements"));
                }
                for e in els {
                    let em = e.as_object().ok_or_else(|| ApiError::validation("`elements` must hold objects"))?;
                    if Params(em).opt_arr("buttons")?.is_some_and(|b| b.len() > 13) {
                        return Err(ApiError::validation("`elements.buttons` may hold at most 13 buttons"));
                    }
                }
            }
        }
        "custom" => {
            p.opt_obj("content")?;
        }
        "system_message" => {
            p.req_str("system_message_type")?;
            p.opt_str("text")?;
            p.opt_obj("text_vars")?;
        }
        other => return Err(ApiError::validation(format!("unsupported event type `{other}`"))),
    }
    Ok(out)
}
