//! The driver loop: browser events in, conversation outputs carried out.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::conversation::{Conversation, ConversationConfig};
use crate::session::{Application, CustomerPage, Input, LoginCustomer, Output, SessionConfig};
use crate::ui::{provide_language, App, ChatContext};
use crate::widget_config::{Identity, WidgetConfig};

use super::bridge::{post_layout, request_host_token, HostListener, Layout};
use super::identity::cookie_grant;
use super::page_events::PageEvents;
use super::socket::{Socket, SocketEvent};
use super::storage::{snapshot_from_fragment, Store};

/// Milliseconds since the epoch (the engine's clock).
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

struct Driver {
    ctx: ChatContext,
    config: WidgetConfig,
    store: Store,
    socket: Option<Socket>,
    timer: Option<Timeout>,
    _page_events: Option<PageEvents>,
    _host_listener: Option<HostListener>,
    /// The id of the token request the host's provider is answering.
    token_request: u32,
    me: Weak<RefCell<Driver>>,
}

/// Feeds one input to the conversation and carries out what follows. Called
/// from browser callbacks only, never while the driver is borrowed.
fn input(me: &Weak<RefCell<Driver>>, input: Input) {
    let Some(rc) = me.upgrade() else { return };
    let ctx = rc.borrow().ctx;
    let now = now_ms();
    ctx.conversation.update(|c| c.handle_input(input, now));
    flush(&rc);
}

/// Drains the conversation's outputs and performs them.
fn flush(rc: &Rc<RefCell<Driver>>) {
    let mut deferred = Vec::new();
    {
        let mut driver = rc.borrow_mut();
        let ctx = driver.ctx;
        while let Some(output) = ctx.conversation.try_update_untracked(|c| c.poll_output()).flatten() {
            if let Some(input) = driver.perform(output) {
                deferred.push(input);
            }
        }
        while let Some(notice) = ctx.conversation.try_update_untracked(|c| c.poll_notice()).flatten() {
            web_sys::console::warn_1(&format!("LiveChat widget: {}", notice.0).into());
        }
        driver.arm_timer();
    }
    let me = Rc::downgrade(rc);
    for i in deferred {
        input(&me, i);
    }
}

impl Driver {
    /// Carries out one output; returns an input to feed back when it failed at once.
    fn perform(&mut self, output: Output) -> Option<Input> {
        match output {
            Output::Connect { url } => {
                self.socket = None;
                let me = self.me.clone();
                let on_event: Rc<dyn Fn(SocketEvent)> = Rc::new(move |event| match event {
                    SocketEvent::Opened => input(&me, Input::Opened),
                    SocketEvent::Message(text) => input(&me, Input::Frame(text)),
                    SocketEvent::Binary => web_sys::console::warn_1(&"LiveChat widget: ignored a binary frame".into()),
                    SocketEvent::Closed { code, reason } => input(&me, Input::Closed { code, reason }),
                });
                match Socket::connect(&url, on_event) {
                    Ok(socket) => self.socket = Some(socket),
                    Err(reason) => return Some(Input::Closed { code: 1006, reason }),
                }
            }
            Output::Send(text) => {
                if let Some(Err(e)) = self.socket.as_ref().map(|s| s.send(&text)) {
                    web_sys::console::warn_1(&format!("LiveChat widget: {e}").into());
                }
            }
            Output::Close => self.socket = None,
            Output::FetchToken { fresh } if self.config.identity == Identity::Custom => {
                self.token_request += 1;
                match &self.config.host_origin {
                    Some(origin) => request_host_token(origin, self.token_request, fresh),
                    None => return Some(Input::Token(Err("custom identity needs the loader".into()))),
                }
            }
            Output::FetchToken { .. } => {
                let me = self.me.clone();
                let (accounts, license, client_id) =
                    (self.config.accounts_url.clone(), self.config.license, self.config.client_id.clone());
                let redirect = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
                leptos::task::spawn_local(async move {
                    let token = cookie_grant(&accounts, license, &client_id, &redirect, now_ms()).await;
                    input(&me, Input::Token(token));
                });
            }
            Output::Store { key, value } => self.store.set(&key, &value),
            // The driver keeps one timer for the conversation's earliest deadline (arm_timer).
            Output::ArmTimer(_) | Output::Event(_) => {}
        }
        None
    }

    fn arm_timer(&mut self) {
        let next = self.ctx.conversation.with_untracked(|c| c.next_timeout());
        self.timer = next.map(|at| {
            let me = self.me.clone();
            let delay = at.saturating_sub(now_ms()).min(u32::MAX as u64) as u32;
            Timeout::new(delay, move || input(&me, Input::Tick))
        });
    }
}

/// Builds the session configuration from the widget config and what storage remembers.
fn session_config(config: &WidgetConfig, store: &Store, seed: u64) -> SessionConfig {
    let mut s = SessionConfig::new(config.license, Some(u64::from(config.group)));
    s.scheme = config.api_scheme.clone();
    s.base_host = config.api_host.clone();
    s.region = store.get(&s.region_key).filter(|r| !r.is_empty()).or_else(|| config.region.clone());
    s.customer_side_storage = store
        .get(&s.storage_key)
        .and_then(|text| serde_json::from_str::<Map<String, Value>>(&text).ok())
        .unwrap_or_default();
    s.customer = LoginCustomer {
        session_fields: Some(config.params.iter().map(|(k, v)| BTreeMap::from([(k.clone(), v.clone())])).collect())
            .filter(|f: &Vec<_>| !f.is_empty()),
        ..Default::default()
    };
    s.customer_page = CustomerPage { url: config.page_url.clone(), title: config.page_title.clone() };
    s.referrer = config.referrer.clone();
    s.is_mobile = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64()).map(|w| w < 480.0);
    s.application = Some(Application {
        name: Some("livechat-widget-rs".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        channel_type: None,
    });
    s.seed = seed;
    s
}

/// Reads the config from the page URL, creates the conversation, mounts the UI
/// and connects. A wrong config is reported on the console and nothing mounts.
pub fn start() {
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let query = location.search().unwrap_or_default();
    let page_is_http = location.protocol().is_ok_and(|p| p == "http:");
    let config = match WidgetConfig::from_query(&query, page_is_http) {
        Ok(config) => config,
        Err(e) => {
            web_sys::console::error_1(&e.to_string().into());
            return;
        }
    };
    let host_origin = config.host_origin.clone();
    let fragment = location.hash().unwrap_or_default();
    let namespace = format!("livechat:{}:", config.license);
    let store = Store::open(snapshot_from_fragment(&fragment, &namespace), host_origin.clone());
    let language = config.language.clone();
    let seed = (js_sys::Math::random() * (u64::MAX >> 11) as f64) as u64 ^ now_ms();
    let conversation = Conversation::new(
        session_config(&config, &store, seed),
        ConversationConfig { group_id: config.group, seed, ..Default::default() },
    );
    let ctx = ChatContext::new(conversation, Rc::new(|| {}), Rc::new(now_ms));
    let driver = Rc::new_cyclic(|me| {
        RefCell::new(Driver {
            ctx,
            config,
            store,
            socket: None,
            timer: None,
            _page_events: None,
            _host_listener: None,
            token_request: 0,
            me: me.clone(),
        })
    });
    let me = Rc::downgrade(&driver);
    let page_me = me.clone();
    driver.borrow_mut()._page_events = Some(PageEvents::listen(Rc::new(move |i| input(&page_me, i))));
    if let Some(origin) = host_origin.clone() {
        let token_me = me.clone();
        let listener = HostListener::listen(origin, move |id, reply| {
            let Some(rc) = token_me.upgrade() else { return };
            // Only the answer to the latest request counts.
            if rc.borrow().token_request != id {
                return;
            }
            input(&token_me, Input::Token(reply.and_then(|t| t.into_token(now_ms()))));
        });
        driver.borrow_mut()._host_listener = listener;
    }
    let flush_me = me.clone();
    ctx.set_flush(Rc::new(move || {
        if let Some(rc) = flush_me.upgrade() {
            flush(&rc);
        }
    }));
    // The driver lives as long as the page: the closures hold weak references to it.
    std::mem::forget(driver.clone());
    leptos::mount::mount_to_body(move || {
        ctx.provide();
        provide_language(&language);
        view! { <App/> }
    });
    if let Some(origin) = host_origin {
        // Resize the host's iframe whenever what is on screen changes.
        Effect::new(move |_| {
            let layout = if ctx.open.get() {
                Layout::Maximized
            } else if ctx.with_state(|s| s.greeting.is_some()) {
                Layout::Greeting
            } else {
                Layout::Minimized
            };
            post_layout(&origin, layout);
        });
    }
    input(&me, Input::Start);
    drop(driver);
}
