//! Page lifecycle signals fed to the engine: `online`/`offline`,
//! `visibilitychange` to visible and `pageshow` (back from the bfcache) trigger
//! an immediate liveness check. Listeners are removed on drop.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget, VisibilityState};

use crate::session::Input;

/// One registered listener: where, which event, and the closure that must outlive it.
type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);

/// The registered listeners; dropping this removes them.
pub struct PageEvents {
    listeners: Vec<Listener>,
}

impl PageEvents {
    /// Listens on the window and document, sending inputs to `on_input`.
    pub fn listen(on_input: Rc<dyn Fn(Input)>) -> PageEvents {
        let mut events = PageEvents { listeners: Vec::new() };
        let Some(window) = web_sys::window() else { return events };
        let document = window.document();
        let cb = on_input.clone();
        events.add(window.clone().into(), "online", move |_| cb(Input::Online));
        let cb = on_input.clone();
        events.add(window.clone().into(), "offline", move |_| cb(Input::Offline));
        let cb = on_input.clone();
        events.add(window.into(), "pageshow", move |_| cb(Input::Visible));
        if let Some(document) = document {
            let doc = document.clone();
            events.add(document.into(), "visibilitychange", move |_| {
                if doc.visibility_state() == VisibilityState::Visible {
                    on_input(Input::Visible);
                }
            });
        }
        events
    }

    fn add(&mut self, target: EventTarget, name: &'static str, f: impl FnMut(Event) + 'static) {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        if target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).is_ok() {
            self.listeners.push((target, name, closure));
        }
    }
}

impl Drop for PageEvents {
    fn drop(&mut self) {
        for (target, name, closure) in &self.listeners {
            let _ = target.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
    }
}
