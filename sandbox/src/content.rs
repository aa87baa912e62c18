//! Canned content the scripted agent and the console use: the agent's profile, the
//! prechat and postchat forms, rich message templates, greetings and the image file.

use crate::util::{host_url, now_rfc3339};
use serde_json::{json, Map, Value};

/// The agent's id.
pub const AGENT_ID: &str = "b5657aff34dd32e198160d54666df9d8";
/// The agent's name.
pub const AGENT_NAME: &str = "Sam Carter";
/// The agent's job title.
pub const AGENT_JOB: &str = "Support Agent";

/// Size and dimensions of the served demo photo (`assets/photo.png`).
pub const PHOTO: &[u8] = include_bytes!("../assets/photo.png");
/// The agent's avatar (`assets/agent.png`).
pub const AVATAR: &[u8] = include_bytes!("../assets/agent.png");
/// The sticker image (`assets/sticker.png`).
pub const STICKER: &[u8] = include_bytes!("../assets/sticker.png");

fn png_size(b: &[u8]) -> (u64, u64) {
    if b.len() > 24 {
        let w = u32::from_be_bytes([b[16], b[17], b[18], b[19]]);
        let h = u32::from_be_bytes([b[20], b[21], b[22], b[23]]);
        (w as u64, h as u64)
    } else {
        (0, 0)
    }
}

/// The agent's avatar on the cdn host.
pub fn avatar_url(port: u16) -> String {
    host_url(port, "cdn", "/assets/agent.png")
}

/// The User > Agent object.
pub fn agent_user(present: bool, avatar: &str) -> Value {
    json!({
        "id": AGENT_ID,
        "type": "agent",
        "name": AGENT_NAME,
        "avatar": avatar,
        "job_title": AGENT_JOB,
        "present": present,
    })
}

/// The agent object of greetings and get_predicted_agent.
pub fn agent_profile(port: u16) -> Value {
    json!({
        "id": AGENT_ID,
        "name": AGENT_NAME,
        "type": "agent",
        "avatar": avatar_url(port),
        "job_title": AGENT_JOB,
        "is_bot": false,
    })
}

fn opts(labels: &[&str]) -> Value {
    Value::Array(labels.iter().enumerate().map(|(i, l)| json!({ "id": i.to_string(), "label": l })).collect())
}

/// The prechat form of a group: every field type the widget must render.
pub fn prechat_form(group_id: u64, groups: &[(u64, String)]) -> Value {
    let chooser: Vec<Value> = groups
        .iter()
        .enumerate()
        .map(|(i, (gid, name))| json!({ "id": i.to_string(), "group_id": gid, "label": name }))
        .collect();
    json!({
        "id": format!("prechat-{group_id}"),
        "fields": [
            { "id": "f-header", "type": "header", "label": "Welcome to Northwind Goods! Tell us a little about you before we start." },
            { "id": "f-name", "type": "name", "label": "Name:", "required": true },
            { "id": "f-email", "type": "email", "label": "E-mail:", "required": true },
            { "id": "f-question", "type": "question", "label": "What are you looking for?", "required": false },
            { "id": "f-subject", "type": "subject", "label": "Subject:", "required": false },
            { "id": "f-textarea", "type": "textarea", "label": "Anything else we should know?", "required": false },
            { "id": "f-radio", "type": "radio", "label": "Chat purpose:", "required": true, "options": opts(&["Order status", "Product question", "Returns"]) },
            { "id": "f-select", "type": "select", "label": "Country:", "required": false, "options": opts(&["United States", "United Kingdom", "Germany", "Poland"]) },
            { "id": "f-checkbox", "type": "checkbox", "label": "I am interested in:", "required": false, "options": opts(&["Lamps", "Chairs", "Textiles"]) },
            { "id": "f-group", "type": "group_chooser", "label": "Choose a department:", "required": true, "options": chooser },
        ]
    })
}

/// The postchat form of a group. Like LiveChat's own postchat survey it has a `rating`
/// field with a `label` and a `comment_label` (the spec's "Form fields" table does not list
/// that type; LiveChat's customer-sdk 2.0.4 reads it in `parseFields`). A rating is the
/// thread's `rating` properties (set with `update_thread_properties`), so the filled form
/// carries answers for the other fields only ("Filled form fields" lists no `rating`).
pub fn postchat_form(group_id: u64) -> Value {
    json!({
        "id": format!("postchat-{group_id}"),
        "fields": [
            { "id": "p-header", "type": "header", "label": "Thanks for chatting with us!" },
            { "id": "p-rating", "type": "rating", "label": "How would you rate this chat?", "comment_label": "Tell us why (optional)", "required": false },
            { "id": "p-recommend", "type": "radio", "label": "Would you recommend us to a friend?", "required": false, "options": opts(&["Yes", "Maybe", "No"]) },
            { "id": "p-comment", "type": "textarea", "label": "Any comments?", "required": false },
        ]
    })
}

/// A message event body (no id yet).
pub fn message(text: &str) -> Map<String, Value> {
    obj(json!({ "type": "message", "text": text }))
}

fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

fn image(port: u16, file: &str, bytes: &[u8], alt: &str) -> Value {
    let (w, h) = png_size(bytes);
    json!({
        "name": file,
        "url": host_url(port, "cdn", &format!("/assets/{file}")),
        "content_type": "image/png",
        "size": bytes.len(),
        "width": w,
        "height": h,
        "alternative_text": alt,
    })
}

/// A quick-replies rich message.
pub fn quick_replies(title: &str, options: &[(&str, &str)]) -> Map<String, Value> {
    let buttons: Vec<Value> = options
        .iter()
        .map(
            |(text, pid)| json!({ "text": text, "type": "message", "value": text, "postback_id": pid, "user_ids": [] }),
        )
        .collect();
    obj(json!({
        "type": "rich_message",
        "template_id": "quick_replies",
        "elements": [{ "title": title, "buttons": buttons }],
    }))
}

/// A card with url, phone, webview and message buttons.
pub fn card(port: u16) -> Map<String, Value> {
    obj(json!({
        "type": "rich_message",
        "template_id": "cards",
        "elements": [{
            "title": "Aurora desk lamp",
            "subtitle": "Warm dimmable light, brushed brass. $89.00",
            "image": image(port, "photo.png", PHOTO, "A brass desk lamp on a wooden desk"),
            "buttons": [
                { "text": "Open product page", "type": "url", "value": host_url(port, "shop", "/#aurora-lamp"), "postback_id": "open_product", "user_ids": [], "target": "new" },
                { "text": "Call the store", "type": "phone", "value": "+15550100", "postback_id": "call_store", "user_ids": [] },
                { "text": "See sizes", "type": "webview", "value": host_url(port, "shop", "/sizes.html"), "webview_height": "tall", "postback_id": "see_sizes", "user_ids": [] },
                { "text": "Tell me more", "type": "message", "value": "Tell me more about the Aurora lamp", "postback_id": "tell_more", "user_ids": [] },
            ]
        }],
    }))
}

/// A sticker rich message.
pub fn sticker(port: u16) -> Map<String, Value> {
    obj(json!({
        "type": "rich_message",
        "template_id": "sticker",
        "elements": [{ "image": image(port, "sticker.png", STICKER, "A thumbs-up sticker") }],
    }))
}

/// A file event with the demo photo.
pub fn file_event(port: u16) -> Map<String, Value> {
    let (w, h) = png_size(PHOTO);
    let url = host_url(port, "cdn", "/assets/photo.png");
    obj(json!({
        "type": "file",
        "name": "aurora-lamp.png",
        "url": url,
        "thumbnail_url": url,
        "thumbnail2x_url": url,
        "content_type": "image/png",
        "size": PHOTO.len(),
        "width": w,
        "height": h,
        "alternative_text": "The Aurora lamp, photographed in our studio",
    }))
}

/// An empty `ask_for_email` form for the customer to fill in (data structures,
/// "Form": "gathering contact info from customers so that the overloaded agent
/// can contact them later").
pub fn ask_for_email_form() -> Map<String, Value> {
    obj(json!({
        "type": "form",
        "form_id": "ask_for_email",
        "form_type": "ask_for_email",
        "fields": [
            { "type": "header", "id": "h", "label": "We're busy right now. Leave your e-mail and we'll get back to you." },
            { "type": "email", "id": "email", "label": "E-mail:", "required": true },
        ],
    }))
}

/// A system message event.
pub fn system_message(kind: &str, text: &str, vars: Value) -> Map<String, Value> {
    obj(json!({ "type": "system_message", "system_message_type": kind, "text": text, "text_vars": vars }))
}

/// The greeting event: a plain message or a rich message card.
pub fn greeting_event(port: u16, rich: bool, id: &str) -> Value {
    let mut ev = if rich {
        obj(json!({
            "type": "rich_message",
            "template_id": "cards",
            "elements": [{
                "title": "Spring sale: 20% off lamps",
                "subtitle": "Need help choosing? I'm here.",
                "image": image(port, "photo.png", PHOTO, "Lamps on sale"),
                "buttons": [
                    { "text": "Chat with us", "type": "message", "value": "Hi! I'd like some help choosing a lamp.", "postback_id": "greeting_chat", "user_ids": [] },
                    { "text": "See lamps", "type": "url", "value": host_url(port, "shop", "/#lamps"), "postback_id": "greeting_lamps", "user_ids": [], "target": "current" },
                ]
            }]
        }))
    } else {
        message(&format!("Hi there! I'm {AGENT_NAME}. Can I help you find something today?"))
    };
    ev.insert("id".into(), Value::from(id));
    ev.insert("created_at".into(), Value::from(now_rfc3339()));
    ev.insert("author_id".into(), Value::from(AGENT_ID));
    ev.insert("recipients".into(), Value::from("all"));
    Value::Object(ev)
}
