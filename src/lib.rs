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
//! - [`json`]: JSON text to `serde_json::Value` (the browser's `JSON.parse` in wasm).
//! - [`perf`]: `performance` marks for the bench.
//! - [`widget_config`]: the widget's configuration from its page URL.
//! - [`workload`]: the core's benchmark workload (native bench and wasm `bench_core`).

pub mod browser;
pub mod chat;
pub mod conversation;
pub mod json;
pub mod perf;
pub mod protocol;
pub mod relay;
pub mod session;
pub mod slices;
pub mod ui;
pub mod upload;
pub mod widget_config;
pub mod workload;

/// How long a visitor whose language is not English waits for its table before the
/// widget shows itself in English (the page's static launcher stands in meanwhile).
const LANGUAGE_WAIT_MS: u32 = 3_000;

/// Starts the widget on its iframe page: the composition root, the one place
/// that knows both the driver and the UI. The driver reads the config from the
/// URL and owns the conversation; the UI is mounted over what it publishes and
/// sends it intents; the driver connects at once. For a language other than English
/// the UI waits for its table (fetched now, alongside the connection; at most
/// [`LANGUAGE_WAIT_MS`], then English), so no English text flashes first.
/// Called by the binary's `main`.
pub fn start() {
    use ui::i18n::{english, read_table, Strings};

    let Some(widget) = browser::Widget::from_page() else { return };
    let config = widget.config();
    if let Some(color) = &config.accent_color {
        ui::theme::apply_accent(color);
    }
    // The language: the site's, else the host page's, else the visitor's (ui::i18n::choose).
    let code = ui::i18n::choose(config.language.as_deref(), config.html_lang.as_deref(), &browser::languages());
    let ctx = ui::ChatContext::new(widget.slices(), widget.intents(), std::rc::Rc::new(browser::now_ms))
        .with_attach(widget.attach_files());
    let mount = move |strings: &'static Strings, running: &browser::Running| {
        running.set_title_text(strings.unread_title);
        leptos::mount::mount_to_body(move || {
            use leptos::prelude::*;
            ctx.provide();
            ui::provide_language(strings);
            view! { <ui::App/> }
        });
        running.ui_mounted();
    };
    let running = widget.run();
    if code == "en" {
        return mount(english(), &running);
    }
    let Some(url) = browser::language_file(code) else {
        browser::error(&format!("the page names no table for language {code:?}: English instead"));
        return mount(english(), &running);
    };
    browser::fetch_within(url, LANGUAGE_WAIT_MS, move |fetched| {
        let strings = match fetched.map(|text| read_table(&text, code)) {
            Ok(Ok(strings)) => strings,
            Ok(Err(e)) => {
                browser::error(&format!("the {code} language table is malformed, English instead: {e}"));
                english()
            }
            Err(browser::FetchError::TimedOut) => {
                let s = LANGUAGE_WAIT_MS / 1000;
                browser::warn(&format!("the {code} language table did not arrive in {s} s: English instead"));
                english()
            }
            Err(browser::FetchError::Failed(e)) => {
                browser::error(&format!("could not load the {code} language table ({e}): English instead"));
                english()
            }
        };
        mount(strings, &running);
    });
}
