//! The browser half of the tabs' shared connection ([`crate::relay`]): the Web
//! Lock that elects the leader and the BroadcastChannel the tabs talk on. Where
//! the lock is refused (a third-party iframe without storage access) it reports
//! [`TabEvent::LockDenied`] and the tabs elect on the channel
//! ([`Election`](crate::relay::Election)).
//!
//! web-sys exposes `LockManager` only behind `web_sys_unstable_apis`, so the lock
//! is taken through `js_sys::Reflect`. The lock callbacks are handed to JS for
//! good (`Closure::once_into_js`: each runs at most once); they check `alive`,
//! so a lock granted after this value was dropped is released at once. The
//! channel's, `pagehide` and `pageshow` listeners are owned and detached on drop
//! ([`Listeners`]).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

use super::listeners::Listeners;
use super::warn;

/// What the tabs machinery reports.
#[derive(Debug, Clone, PartialEq)]
pub enum TabEvent {
    /// This tab holds the lock: it leads (now, or after the previous leader went away).
    Leader,
    /// Another tab held the lock when this one asked: it follows (and waits in line).
    Follower,
    /// A message from another tab (its JSON text).
    Message(String),
    /// The page is going away (`pagehide`).
    PageHide,
    /// The page came back from the back/forward cache (`pageshow`, persisted): rejoin.
    PageShow,
    /// The browser refused the lock (third-party storage blocked): elect on the channel.
    LockDenied,
}

/// This tab's membership: the channel, its listeners, and the lock request.
pub struct Tabs {
    channel: BroadcastChannel,
    listeners: Listeners,
    alive: Rc<Cell<bool>>,
    /// Resolves the promise that holds the lock (releases it).
    release: Rc<RefCell<Option<Function>>>,
}

impl Tabs {
    /// Joins the tabs sharing `name` (`livechat:<license>:<group>`): opens the channel
    /// `name` and asks for the lock `<name>:connection`. `None` when the browser has
    /// no Web Locks or no BroadcastChannel (then the tab keeps its own connection).
    pub fn join(name: &str, on_event: Rc<dyn Fn(TabEvent)>) -> Option<Tabs> {
        let window = web_sys::window()?;
        let locks = Reflect::get(&window.navigator(), &"locks".into()).ok().filter(|l| l.is_object())?;
        let request: Function = Reflect::get(&locks, &"request".into()).ok()?.dyn_into().ok()?;
        let channel = BroadcastChannel::new(name).ok()?;
        let mut listeners = Listeners::default();
        let cb = on_event.clone();
        listeners.add(&channel, "message", move |e| match e.unchecked_into::<MessageEvent>().data().as_string() {
            Some(text) => cb(TabEvent::Message(text)),
            None => warn("ignored a tab message that is not text"),
        });
        let cb = on_event.clone();
        listeners.add(&window, "pagehide", move |_| cb(TabEvent::PageHide));
        let cb = on_event.clone();
        listeners.add(&window, "pageshow", move |e| {
            if Reflect::get(&e, &"persisted".into()).ok().and_then(|p| p.as_bool()) == Some(true) {
                cb(TabEvent::PageShow);
            }
        });
        let tabs = Tabs { channel, listeners, alive: Rc::new(Cell::new(true)), release: Rc::new(RefCell::new(None)) };
        tabs.request_lock(&locks, &request, &[name, ":connection"].concat(), on_event);
        Some(tabs)
    }

    /// Posts a message (JSON text) to the other tabs.
    pub fn post(&self, text: &str) {
        if let Err(e) = self.channel.post_message(&JsValue::from_str(text)) {
            warn(&format!("tab message not sent: {e:?}"));
        }
    }

    /// Asks for the lock without waiting; when it is taken, reports `Follower` and
    /// waits in line for it.
    fn request_lock(&self, locks: &JsValue, request: &Function, lock_name: &str, on_event: Rc<dyn Fn(TabEvent)>) {
        let (alive, release) = (self.alive.clone(), self.release.clone());
        let (denied_alive, denied_event) = (self.alive.clone(), on_event.clone());
        let (locks2, request2, name2) = (locks.clone(), request.clone(), JsValue::from_str(lock_name));
        let first = Closure::once_into_js(move |lock: JsValue| -> JsValue {
            if !alive.get() {
                return JsValue::UNDEFINED;
            }
            if !lock.is_null() {
                on_event(TabEvent::Leader);
                return hold(&release);
            }
            on_event(TabEvent::Follower);
            let queued = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
                if !alive.get() {
                    return JsValue::UNDEFINED;
                }
                on_event(TabEvent::Leader);
                hold(&release)
            });
            if let Err(e) = request2.call2(&locks2, &name2, &queued) {
                warn(&format!("cannot wait for the tab lock: {e:?}"));
            }
            JsValue::UNDEFINED
        });
        let options = Object::new();
        let _ = Reflect::set(&options, &"ifAvailable".into(), &JsValue::TRUE);
        let denied = Closure::once_into_js(move |_error: JsValue| {
            if denied_alive.get() {
                denied_event(TabEvent::LockDenied);
            }
        });
        match request.call3(locks, &JsValue::from_str(lock_name), &options, &first) {
            Ok(promise) => {
                let catch = Reflect::get(&promise, &"catch".into()).ok().and_then(|c| c.dyn_into::<Function>().ok());
                if let Some(catch) = catch {
                    let _ = catch.call1(&promise, &denied);
                }
            }
            Err(_) => {
                if let Ok(f) = denied.dyn_into::<Function>() {
                    let _ = f.call0(&JsValue::UNDEFINED);
                }
            }
        }
    }
}

/// A promise that stays pending (holding the lock) until `release` is called.
fn hold(release: &Rc<RefCell<Option<Function>>>) -> JsValue {
    let slot = release.clone();
    Promise::new(&mut |resolve, _reject| *slot.borrow_mut() = Some(resolve)).into()
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.alive.set(false);
        if let Some(resolve) = self.release.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
        drop(std::mem::take(&mut self.listeners));
        self.channel.close();
    }
}
