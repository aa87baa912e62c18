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
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    let message = LayoutMessage { kind: "lc:layout", layout };
    if let Ok(value) = serde_wasm_bindgen::to_value(&message) {
        let _ = parent.post_message(&value, host_origin);
    }
}
