//! Event listeners owned by a value and removed on drop. Every listener of the
//! driver is a `Closure<dyn FnMut(Event)>` added with `addEventListener` (one
//! closure type and one way to attach it: each distinct closure signature or
//! web-sys setter would bring its own glue); handlers cast the event to what
//! they read.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// One registered listener: where, which event, and the closure that must outlive it.
type Listener = (EventTarget, &'static str, Closure<dyn FnMut(Event)>);

/// Registered listeners; dropping this removes them.
#[derive(Default)]
pub struct Listeners(Vec<Listener>);

impl Listeners {
    /// Calls `f` for every `name` event on `target`; false when the browser refused the listener.
    pub fn add(&mut self, target: &EventTarget, name: &'static str, f: impl FnMut(Event) + 'static) -> bool {
        let closure = Closure::<dyn FnMut(Event)>::new(f);
        let added = target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref()).is_ok();
        if added {
            self.0.push((target.clone(), name, closure));
        }
        added
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for (target, name, closure) in &self.0 {
            let _ = target.remove_event_listener_with_callback(name, closure.as_ref().unchecked_ref());
        }
    }
}
