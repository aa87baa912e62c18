//! The widget's side of the postMessage bridge with the host page's loader
//! (docs/bridge.md): iframe sizes, storage, tokens, the JS API's state and
//! events out; tokens, `LiveChatWidget.call` commands and the viewport class in.
//! Messages go to the host's concrete origin only, never `*`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

use crate::conversation::host_api::{CommandData, HostCommand, HostEvent, PublicState};

use super::identity::TokenResponse;

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

/// Any message from the loader; fields by `type` (docs/bridge.md).
#[derive(Debug, Deserialize)]
struct RawHostMessage {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    id: Option<u32>,
    #[serde(default)]
    token: Option<TokenResponse>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    method: Option<String>,
    #[serde(default)]
    data: CommandData,
    #[serde(default)]
    narrow: Option<bool>,
}

/// A well-formed message from the loader.
#[derive(Debug)]
pub enum HostMessage {
    /// The answer to token request `id`.
    Token(u32, Result<TokenResponse, String>),
    /// A `LiveChatWidget.call`.
    Command(HostCommand),
    /// Whether the host's viewport is phone-sized.
    Viewport {
        /// Under 480 px wide.
        narrow: bool,
    },
}

impl HostMessage {
    fn from_raw(raw: RawHostMessage) -> Option<HostMessage> {
        match raw.kind.as_str() {
            "lc:token" => Some(HostMessage::Token(
                raw.id?,
                match (raw.token, raw.error) {
                    (Some(token), _) => Ok(token),
                    (None, error) => Err(error.unwrap_or_else(|| "no token".into())),
                },
            )),
            "lc:command" => HostCommand::parse(&raw.method?, raw.data).map(HostMessage::Command),
            "lc:viewport" => Some(HostMessage::Viewport { narrow: raw.narrow? }),
            _ => None,
        }
    }
}

/// Listens for the loader's messages; only from the host's origin and the
/// parent window, and only of the expected shape. Removed on drop.
pub struct HostListener {
    closure: Closure<dyn FnMut(MessageEvent)>,
}

impl HostListener {
    /// Calls `on_message` for every well-formed message from the loader.
    pub fn listen(host_origin: String, on_message: impl Fn(HostMessage) + 'static) -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten();
        let closure = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let from_parent = match (e.source(), &parent) {
                (Some(source), Some(parent)) => source.loose_eq(parent),
                _ => false,
            };
            if e.origin() != host_origin || !from_parent {
                return;
            }
            // Read as JSON text: one deserializer (serde_json's) for these types.
            let Some(text) = js_sys::JSON::stringify(&e.data()).ok().and_then(|t| t.as_string()) else { return };
            let Ok(raw) = serde_json::from_str::<RawHostMessage>(&text) else { return };
            if let Some(message) = HostMessage::from_raw(raw) {
                on_message(message);
            }
        });
        window.add_event_listener_with_callback("message", closure.as_ref().unchecked_ref()).ok()?;
        Some(HostListener { closure })
    }
}

impl Drop for HostListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback("message", self.closure.as_ref().unchecked_ref());
        }
    }
}
