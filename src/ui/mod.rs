//! Leptos components of the widget. They read signals derived from the core's
//! state and send intents; they never build a protocol frame.

mod app;

pub use app::App;
