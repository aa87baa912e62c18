//! LiveChat customer chat widget.
//!
//! - [`protocol`]: serde types of the Customer Chat RTM API v3.2 (no IO).
//! - [`session`]: the sans-IO session engine (connect URL, login, ping, requests, reconnect policy).
//! - [`chat`]: chat state and its reducer (no IO).
//! - [`ui`]: Leptos components.

pub mod chat;
pub mod conversation;
pub mod protocol;
pub mod session;
pub mod ui;
pub mod widget_config;

/// Mounts the widget into the page's `<body>`; called by the binary's `main`.
pub fn start() {
    leptos::mount::mount_to_body(ui::App);
}
