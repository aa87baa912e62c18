//! The browser driver: it owns the sans-IO
//! [`Conversation`](crate::conversation::Conversation), the WebSocket, the
//! timer, storage and page lifecycle listeners, feeds what they report into the
//! core, carries out what it asks for, and publishes what changed
//! ([`crate::slices`]). It never imports the UI.

mod bridge;
mod driver;
mod identity;
mod language_file;
mod listeners;
mod page_events;
mod socket;
mod sound;
mod storage;
mod tabs;
mod ticket;
mod transport;
mod upload;

pub use bridge::{post_event, post_layout, post_state, post_store, HostListener, HostMessage, Layout};
pub use driver::{now_ms, Running, Widget};
pub use identity::{cookie_grant, TokenResponse};
pub use language_file::{fetch_within, language_file, FetchError};
pub use socket::{Socket, SocketEvent};
pub use storage::{snapshot_from_fragment, Store};
pub use tabs::{TabEvent, Tabs};
pub use transport::Transport;

/// The visitor's languages in order of preference (`navigator.languages`, else
/// `navigator.language`), for the widget's language when the site names none.
pub fn languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let listed: Vec<String> = navigator.languages().iter().filter_map(|l| l.as_string()).collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Logs `text` to the console as an error of the widget (something is wrong with the build
/// or the server, and the widget carries on without it).
pub(crate) fn error(text: &str) {
    web_sys::console::error_1(&["LiveChat widget: ", text].concat().into());
}

/// Logs `text` to the console as a warning of the widget; never fatal.
pub(crate) fn warn(text: &str) {
    web_sys::console::warn_1(&["LiveChat widget: ", text].concat().into());
}
