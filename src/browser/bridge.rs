//! The widget's side of the postMessage bridge with the host page's loader:
//! asks the loader to size the iframe for what is on screen. Messages go to the
//! host's concrete origin only, never `*`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

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
}

#[derive(Serialize)]
struct LayoutMessage {
    #[serde(rename = "type")]
    kind: &'static str,
    layout: Layout,
}

/// Posts the layout to the parent window at `host_origin`.
pub fn post_layout(host_origin: &str, layout: Layout) {
    post_to_host(host_origin, &LayoutMessage { kind: "lc:layout", layout });
}

fn post_to_host(host_origin: &str, message: &impl Serialize) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if let Ok(value) = serde_wasm_bindgen::to_value(message) {
        let _ = parent.post_message(&value, host_origin);
    }
}

#[derive(Serialize)]
struct StoreMessage<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    key: &'a str,
    value: &'a str,
}

/// Asks the loader to keep `key = value` in the host page's localStorage (the
/// loader accepts only keys in the widget's namespace).
pub fn post_store(host_origin: &str, key: &str, value: &str) {
    post_to_host(host_origin, &StoreMessage { kind: "lc:store", key, value });
}

#[derive(Serialize)]
struct TokenRequest {
    #[serde(rename = "type")]
    kind: &'static str,
    id: u32,
    fresh: bool,
}

/// Asks the host's `custom_identity_provider` for a token (`getFreshToken` when
/// `fresh`, after `invalidate`); the answer arrives through [`HostListener`].
pub fn request_host_token(host_origin: &str, id: u32, fresh: bool) {
    if fresh {
        post_to_host(host_origin, &serde_json::json!({ "type": "lc:invalidate" }));
    }
    post_to_host(host_origin, &TokenRequest { kind: "lc:token", id, fresh });
}

/// The loader's answer to a token request.
#[derive(Debug, Deserialize)]
struct TokenReply {
    #[serde(rename = "type")]
    kind: String,
    id: u32,
    #[serde(default)]
    token: Option<TokenResponse>,
    #[serde(default)]
    error: Option<String>,
}

/// Listens for the loader's messages; only from the host's origin and the
/// parent window, and only of the expected shape. Removed on drop.
pub struct HostListener {
    closure: Closure<dyn FnMut(MessageEvent)>,
}

impl HostListener {
    /// Calls `on_token(id, token or error)` for every well-formed token reply.
    pub fn listen(
        host_origin: String,
        on_token: impl Fn(u32, Result<TokenResponse, String>) + 'static,
    ) -> Option<Self> {
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
            let Ok(reply) = serde_wasm_bindgen::from_value::<TokenReply>(e.data()) else { return };
            if reply.kind != "lc:token" {
                return;
            }
            match (reply.token, reply.error) {
                (Some(token), _) => on_token(reply.id, Ok(token)),
                (None, error) => on_token(reply.id, Err(error.unwrap_or_else(|| "no token".into()))),
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
