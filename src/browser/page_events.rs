//! Page lifecycle signals fed to the engine: `online`/`offline`,
//! `visibilitychange` to visible and `pageshow` (back from the bfcache) trigger
//! an immediate liveness check. Listeners are removed on drop.

use std::rc::Rc;

use web_sys::VisibilityState;

use crate::session::Input;

use super::listeners::Listeners;

/// The registered listeners; dropping this removes them.
pub struct PageEvents {
    _listeners: Listeners,
}

impl PageEvents {
    /// Listens on the window and document, sending inputs to `on_input` and
    /// whether the tab went to the background to `on_hidden`.
    pub fn listen(on_input: Rc<dyn Fn(Input)>, on_hidden: Rc<dyn Fn(bool)>) -> PageEvents {
        let mut listeners = Listeners::default();
        if let Some(window) = web_sys::window() {
            let cb = on_input.clone();
            listeners.add(&window, "online", move |_| cb(Input::Online));
            let cb = on_input.clone();
            listeners.add(&window, "offline", move |_| cb(Input::Offline));
            let cb = on_input.clone();
            listeners.add(&window, "pageshow", move |_| cb(Input::Visible));
            if let Some(document) = window.document() {
                let doc = document.clone();
                listeners.add(&document, "visibilitychange", move |_| {
                    let visible = doc.visibility_state() == VisibilityState::Visible;
                    on_hidden(!visible);
                    if visible {
                        on_input(Input::Visible);
                    }
                });
            }
        }
        PageEvents { _listeners: listeners }
    }
}
