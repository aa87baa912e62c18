//! LiveChat customer chat widget.
//!
//! - [`protocol`]: serde types of the Customer Chat RTM API v3.2 (no IO).
//! - [`session`]: the sans-IO session engine (connect URL, login, ping, requests, reconnect policy).
//! - [`chat`]: chat state and its reducer (no IO).
//! - [`conversation`]: session + chat state + customer intents, still sans IO.
//! - [`upload`]: the visitor's file uploads as a state machine (no IO).
//! - [`relay`]: one RTM connection shared by the tabs of a site (leader hub, follower link), sans IO.
//! - [`browser`]: the driver that owns the conversation, the WebSocket, timers and storage (web-sys).
//! - [`slices`]: the signals the driver publishes and the UI reads.
//! - [`ui`]: Leptos components.
//! - [`perf`]: `performance` marks for the bench.
//! - [`widget_config`]: the widget's configuration from its page URL.
//! - [`workload`]: the core's benchmark workload (native bench and wasm `bench_core`).

pub mod browser;
pub mod chat;
pub mod conversation;
pub mod perf;
pub mod protocol;
pub mod relay;
pub mod session;
pub mod slices;
pub mod ui;
pub mod upload;
pub mod widget_config;
pub mod workload;

/// Starts the widget on its iframe page: the composition root, the one place
/// that knows both the driver and the UI. The driver reads the config from the
/// URL and owns the conversation; the UI is mounted over what it publishes and
/// sends it intents; then the driver connects. Called by the binary's `main`.
pub fn start() {
    use leptos::prelude::*;

    let Some(widget) = browser::Widget::from_page() else { return };
    let config = widget.config();
    if let Some(color) = &config.accent_color {
        ui::theme::apply_accent(color);
    }
    // The language: the site's, else the host page's, else the visitor's (ui::i18n::choose).
    let lang = ui::i18n::choose(config.language.as_deref(), config.html_lang.as_deref(), &browser::languages());
    widget.set_title_text(lang.unread_title);
    let ctx = ui::ChatContext::new(widget.slices(), widget.intents(), std::rc::Rc::new(browser::now_ms))
        .with_attach(widget.attach_files());
    leptos::mount::mount_to_body(move || {
        ctx.provide();
        ui::provide_language(lang.code);
        view! { <ui::App/> }
    });
    widget.run();
}
