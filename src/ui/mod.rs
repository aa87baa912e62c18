//! Leptos components of the widget. They read signals derived from the core's
//! state and send intents; they never build a protocol frame.
//!
//! - [`App`] (`app.rs`): the root; [`launcher`], [`window`] with [`header`],
//!   [`banner`] (connection), [`queue`], [`chat_view`] and [`message`] (the log),
//!   [`rich`] (rich messages), [`webview`], [`composer`], [`form`] and
//!   [`form_field`] (prechat, postchat and ticket), [`chat_end`], [`greeting`],
//!   [`rating`], [`ticket`] (nobody online), [`sound_toggle`];
//!   [`attach`] (attach button, drop, paste) and [`upload_tray`] (files on their way).
//! - [`lazy_window`]: the lazy boundary: the window's code as a wasm chunk.
//! - [`safe_url`]: the only gate for URLs from the network.
//! - [`dynamic`]: one boxed type per kind of reactive part (child, attribute,
//!   class, handler), so Leptos compiles its glue once rather than per closure.
//! - [`i18n`]: every user-facing string.

mod app;
pub mod attach;
pub mod avatar;
pub mod banner;
pub mod chat_end;
pub mod chat_form;
pub mod chat_view;
pub mod composer;
pub mod context;
pub mod dynamic;
pub mod form;
pub mod form_field;
pub mod form_model;
pub mod greeting;
pub mod header;
pub mod i18n;
pub mod launcher;
pub mod lazy_window;
pub mod message;
pub mod queue;
pub mod rating;
pub mod rich;
pub mod safe_url;
pub mod sound_toggle;
pub mod theme;
pub mod ticket;
pub mod transcript;
pub mod transcript_button;
pub mod upload_tray;
pub mod view_state;
pub mod webview;
pub mod window;

pub use app::App;
pub use chat_view::WINDOW_PAGE;
pub use context::ChatContext;
pub use i18n::provide_language;
