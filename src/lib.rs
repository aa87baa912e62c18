//! LiveChat customer chat widget.
//!
//! - [`protocol`]: serde types of the Customer Chat RTM API v3.2 (no IO).
//! - [`session`]: the sans-IO session engine (connect URL, login, ping, requests, reconnect policy).
//! - [`chat`]: chat state and its reducer (no IO).
//! - [`conversation`]: session + chat state + customer intents, still sans IO.
//! - [`relay`]: one RTM connection shared by the tabs of a site (leader hub, follower link), sans IO.
//! - [`browser`]: the driver that owns the WebSocket, timers and storage (web-sys).
//! - [`ui`]: Leptos components.
//! - [`widget_config`]: the widget's configuration from its page URL.
//! - [`workload`]: the core's benchmark workload (native bench and wasm `bench_core`).

pub mod browser;
pub mod chat;
pub mod conversation;
pub mod protocol;
pub mod relay;
pub mod session;
pub mod ui;
pub mod widget_config;
pub mod workload;

/// Starts the widget on its iframe page: reads the config from the URL, mounts
/// the component tree and connects. Called by the binary's `main`.
pub fn start() {
    browser::start();
}
