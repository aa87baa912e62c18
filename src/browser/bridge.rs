//! The widget's side of the postMessage bridge with the host page's loader:
//! asks the loader to size the iframe for what is on screen. Messages go to the
//! host's concrete origin only, never `*`.

use serde::Serialize;

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
