//! The widget's side of the postMessage bridge with the host page's loader
//! (docs/bridge.md): iframe sizes, storage, tokens, the JS API's state and
//! events out; tokens, `LiveChatWidget.call` commands, navigations and the viewport class in.
//! Messages go to the host's concrete origin only, never `*`.

use serde::Serialize;
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

use crate::conversation::host_api::{CommandData, HostCommand, HostEvent, PublicState};
use crate::session::CustomerPage;

use super::identity::TokenResponse;
use super::listeners::Listeners;

/// What the iframe needs room for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Only the launcher bubble.
    Minimized,
    /// The launcher and a greeting card.
    Greeting,
    /// The open chat window.
    Maximized,
    /// Nothing (`LiveChatWidget.call("hide")`).
    Hidden,
}

/// Posts the layout to the parent window at `host_origin`.
pub fn post_layout(host_origin: &str, layout: Layout) {
    post_to_host(host_origin, "lc:layout", json!({ "layout": layout }));
}

/// The unread count for the host tab's title (`lc:title`); 0 gives the title back.
pub fn post_title(host_origin: &str, count: u32, text: &str) {
    post_to_host(host_origin, "lc:title", json!({ "count": count, "text": text }));
}

/// Posts `{type: kind, ...fields}` to the parent window at `host_origin`.
/// Everything goes through a [`Value`] and its JSON text: one serializer for
/// these types (serde_json's to `Value`), not one per message type and target.
fn post_to_host(host_origin: &str, kind: &str, mut fields: Value) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if let Value::Object(map) = &mut fields {
        map.insert("type".into(), kind.into());
    }
    // Plain objects, as the loader reads them.
    if let Ok(value) = js_sys::JSON::parse(&fields.to_string()) {
        let _ = parent.post_message(&value, host_origin);
    }
}

/// Asks the loader to keep `key = value` in the host page's localStorage (the
/// loader accepts only keys in the widget's namespace).
pub fn post_store(host_origin: &str, key: &str, value: &str) {
    post_to_host(host_origin, "lc:store", json!({ "key": key, "value": value }));
}

/// Asks the host's `custom_identity_provider` for a token (`getFreshToken` when
/// `fresh`, after `invalidate`); the answer arrives through [`HostListener`].
pub fn request_host_token(host_origin: &str, id: u32, fresh: bool) {
    if fresh {
        post_to_host(host_origin, "lc:invalidate", json!({}));
    }
    post_to_host(host_origin, "lc:token", json!({ "id": id, "fresh": fresh }));
}

/// Posts the JS API's state (`lc:state`): what `LiveChatWidget.get` answers.
pub fn post_state(host_origin: &str, state: &PublicState) {
    post_to_host(host_origin, "lc:state", serde_json::to_value(state).unwrap_or_default());
}

/// Posts one of the JS API's events (`lc:event` with `name` and `data`).
pub fn post_event(host_origin: &str, event: &HostEvent) {
    post_to_host(host_origin, "lc:event", serde_json::to_value(event).unwrap_or_default());
}

/// A well-formed message from the loader.
#[derive(Debug)]
pub enum HostMessage {
    /// The answer to token request `id`.
    Token(u32, Result<TokenResponse, String>),
    /// A `LiveChatWidget.call`.
    Command(HostCommand),
    /// The host page navigated (`lc:page`, a single-page app's history or hash change).
    Page(CustomerPage),
    /// Whether the host's viewport is phone-sized.
    Viewport {
        /// Under 480 px wide.
        narrow: bool,
    },
}

impl HostMessage {
    /// Reads a message of the loader (the JSON object `raw`; fields by `type`,
    /// docs/bridge.md). Every field may be absent or `null`; one of the wrong type
    /// makes the message malformed, whatever its `type`. `data` is read by
    /// `command_data` (its JSON text), whose object keys keep their order.
    /// Read from a [`Value`] (whose deserializer is linked anyway), not derived.
    fn from_raw(raw: &Map<String, Value>, command_data: impl FnOnce() -> Option<String>) -> Option<HostMessage> {
        let kind = raw.get("type")?.as_str()?;
        let id = field(raw, "id", |v| v.as_u64().and_then(|n| u32::try_from(n).ok()))?;
        let token = field(raw, "token", TokenResponse::from_json)?;
        let error = field(raw, "error", Value::as_str)?;
        let method = field(raw, "method", Value::as_str)?;
        let narrow = field(raw, "narrow", Value::as_bool)?;
        let url = field(raw, "url", Value::as_str)?;
        let title = field(raw, "title", Value::as_str)?;
        match kind {
            "lc:token" => Some(HostMessage::Token(
                id?,
                match (token, error) {
                    (Some(token), _) => Ok(token),
                    (None, error) => Err(error.unwrap_or("no token").to_owned()),
                },
            )),
            "lc:command" => {
                let data = command_data().map(|text| CommandData::parse(&text)).unwrap_or_default();
                HostCommand::parse(method?, data).map(HostMessage::Command)
            }
            "lc:viewport" => Some(HostMessage::Viewport { narrow: narrow? }),
            "lc:page" => Some(HostMessage::Page(CustomerPage {
                url: Some(url?.to_owned()),
                title: title.filter(|t| !t.is_empty()).map(str::to_owned),
            })),
            _ => None,
        }
    }
}

/// The field `name` read by `read`: `Some(None)` when absent or `null`, `None` when of the wrong type.
fn field<'a, T>(
    raw: &'a Map<String, Value>,
    name: &str,
    read: impl FnOnce(&'a Value) -> Option<T>,
) -> Option<Option<T>> {
    match raw.get(name) {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

/// The JSON text of a JS value (`None` for `undefined`, a function or a cycle).
fn json_text(value: &JsValue) -> Option<String> {
    js_sys::JSON::stringify(value).ok()?.as_string()
}

/// Listens for the loader's messages; only from the host's origin and the
/// parent window, and only of the expected shape. Removed on drop.
pub struct HostListener {
    _listeners: Listeners,
}

impl HostListener {
    /// Calls `on_message` for every well-formed message from the loader.
    pub fn listen(host_origin: String, on_message: impl Fn(HostMessage) + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten();
        let mut listeners = Listeners::default();
        let added = listeners.add(&window, "message", move |e| {
            let e = e.unchecked_into::<MessageEvent>();
            let from_parent = match (e.source(), &parent) {
                (Some(source), Some(parent)) => source.loose_eq(parent),
                _ => false,
            };
            if e.origin() != host_origin || !from_parent {
                return;
            }
            // Read as JSON text (JSON's semantics: no `undefined`, no functions), by the one
            // JSON reader, `crate::json`.
            let data = e.data();
            let Some(Ok(Value::Object(raw))) = json_text(&data).map(|text| crate::json::parse(&text)) else { return };
            let command_data = || json_text(&js_sys::Reflect::get(&data, &"data".into()).ok()?);
            if let Some(message) = HostMessage::from_raw(&raw, command_data) {
                on_message(message);
            }
        });
        added.then_some(HostListener { _listeners: listeners })
    }
}
