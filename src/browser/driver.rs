//! The driver loop: browser events in, conversation outputs carried out.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::conversation::host_api::{session_fields, HostCommand, PublicState, Visibility};
use crate::conversation::{Conversation, ConversationConfig};
use crate::session::{Application, CustomerPage, Input, LoginCustomer, Output, SessionConfig};
use crate::ui::theme::accent_properties;
use crate::ui::{provide_language, App, ChatContext};
use crate::widget_config::{Identity, WidgetConfig};

use super::bridge::{
    post_event, post_layout, post_state, request_host_token, state_value, HostListener, HostMessage, Layout,
};
use super::identity::cookie_grant;
use super::page_events::PageEvents;
use super::socket::SocketEvent;
use super::storage::{snapshot_from_fragment, Store};
use super::tabs::{TabEvent, Tabs};
use super::transport::Transport;
use super::warn;

/// Milliseconds since the epoch (the engine's clock).
fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

struct Driver {
    ctx: ChatContext,
    config: WidgetConfig,
    store: Store,
    /// The real socket, or the virtual one through the leader tab.
    transport: Transport,
    timer: Option<Timeout>,
    _page_events: Option<PageEvents>,
    _host_listener: Option<HostListener>,
    /// The id of the token request the host's provider is answering.
    token_request: u32,
    /// The JS API state last posted to the loader, as posted: compared as a
    /// [`Value`] (whose equality is linked anyway), not through `PublicState`'s.
    posted_state: Option<Value>,
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

/// Feeds inputs one by one (each may produce more work).
fn inputs(me: &Weak<RefCell<Driver>>, inputs: Vec<Input>) {
    for i in inputs {
        input(me, i);
    }
}

/// The real socket reported something: through the transport (a leader routes it).
fn on_socket(me: &Weak<RefCell<Driver>>, event: SocketEvent) {
    let Some(rc) = me.upgrade() else { return };
    let follow = rc.borrow_mut().transport.socket_event(event);
    inputs(me, follow);
}

/// The tab lock or another tab reported something.
fn on_tab(me: &Weak<RefCell<Driver>>, event: TabEvent) {
    let Some(rc) = me.upgrade() else { return };
    let follow = rc.borrow_mut().transport.tab_event(event, now_ms());
    inputs(me, follow);
    flush(&rc);
}

/// A page lifecycle signal: to the session, and from a follower to the leader too.
fn on_page(me: &Weak<RefCell<Driver>>, signal: Input) {
    let Some(rc) = me.upgrade() else { return };
    rc.borrow_mut().transport.page_signal(&signal);
    input(me, signal);
}

/// The driver's one timer fired: the relay's deadlines, then the conversation's.
fn on_timer(me: &Weak<RefCell<Driver>>) {
    let Some(rc) = me.upgrade() else { return };
    let follow = rc.borrow_mut().transport.tick(now_ms());
    inputs(me, follow);
    input(me, Input::Tick);
}

/// Drains the conversation's outputs and performs them.
fn flush(rc: &Rc<RefCell<Driver>>) {
    let mut deferred = Vec::new();
    {
        let mut driver = rc.borrow_mut();
        let ctx = driver.ctx;
        while let Some(output) = ctx.conversation.try_update_untracked(|c| c.poll_output()).flatten() {
            driver.perform(output, &mut deferred);
        }
        while let Some(notice) = ctx.conversation.try_update_untracked(|c| c.poll_notice()).flatten() {
            warn(&notice.0);
        }
        driver.post_to_host_api();
        driver.arm_timer();
    }
    inputs(&Rc::downgrade(rc), deferred);
}

impl Driver {
    /// Carries out one output; inputs to feed back afterwards go to `deferred`.
    fn perform(&mut self, output: Output, deferred: &mut Vec<Input>) {
        match output {
            Output::Connect { url } => deferred.extend(self.transport.connect(&url, now_ms())),
            Output::Send(text) => deferred.extend(self.transport.send(text)),
            Output::Close => deferred.extend(self.transport.close()),
            Output::FetchToken { fresh } if self.config.identity == Identity::Custom => {
                self.token_request += 1;
                match &self.config.host_origin {
                    Some(origin) => request_host_token(origin, self.token_request, fresh),
                    None => deferred.push(Input::Token(Err("custom identity needs the loader".into()))),
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
    }

    /// Relays the JS API's events, and its state when it changed, to the loader.
    fn post_to_host_api(&mut self) {
        let ctx = self.ctx;
        let Some(origin) = self.config.host_origin.as_deref() else {
            // Not embedded: nobody to tell, but do not let the events pile up.
            while ctx.conversation.try_update_untracked(|c| c.poll_host_event()).flatten().is_some() {}
            return;
        };
        while let Some(event) = ctx.conversation.try_update_untracked(|c| c.poll_host_event()).flatten() {
            post_event(origin, &event);
        }
        let visibility = ctx.visibility_untracked();
        let state = ctx.conversation.with_untracked(|c| PublicState::of(c.state(), visibility, c.session_variables()));
        let state = state_value(&state);
        if self.posted_state.as_ref() != Some(&state) {
            post_state(origin, state.clone());
            self.posted_state = Some(state);
        }
    }

    fn arm_timer(&mut self) {
        let next = self.ctx.conversation.with_untracked(|c| c.next_timeout());
        let next = [next, self.transport.next_timeout()].into_iter().flatten().min();
        self.timer = next.map(|at| {
            let me = self.me.clone();
            let delay = at.saturating_sub(now_ms()).min(u32::MAX as u64) as u32;
            Timeout::new(delay, move || on_timer(&me))
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
        .and_then(|text| match serde_json::from_str(&text) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        })
        .unwrap_or_default();
    s.customer = LoginCustomer {
        session_fields: Some(session_fields(&config.params)).filter(|f| !f.is_empty()),
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
    let outbox_key = config.storage_namespace() + ":outbox";
    let stored_outbox = store.get(&outbox_key);
    let mut conversation = Conversation::new(
        session_config(&config, &store, seed),
        ConversationConfig { group_id: config.group, seed, outbox_key: Some(outbox_key), ..Default::default() },
    );
    if let Some(stored) = stored_outbox {
        conversation.restore_outbox(&stored);
    }
    let ctx = ChatContext::new(conversation, Rc::new(|| {}), Rc::new(now_ms));
    let tabs_name = config.storage_namespace();
    let tab_id = format!("{:x}", seed & 0xffff_ffff_ffff);
    let driver = Rc::new_cyclic(|me: &Weak<RefCell<Driver>>| {
        let socket_me = me.clone();
        let on_socket: Rc<dyn Fn(SocketEvent)> = Rc::new(move |event| on_socket(&socket_me, event));
        let tab_me = me.clone();
        let tabs = Tabs::join(&tabs_name, Rc::new(move |event| on_tab(&tab_me, event)));
        RefCell::new(Driver {
            ctx,
            config,
            store,
            transport: Transport::new(tab_id, tabs, on_socket, now_ms()),
            timer: None,
            _page_events: None,
            _host_listener: None,
            token_request: 0,
            posted_state: None,
            me: me.clone(),
        })
    });
    let me = Rc::downgrade(&driver);
    let page_me = me.clone();
    driver.borrow_mut()._page_events = Some(PageEvents::listen(Rc::new(move |i| on_page(&page_me, i))));
    if let Some(origin) = host_origin.clone() {
        let host_me = me.clone();
        let listener = HostListener::listen(origin, move |message| on_host_message(&host_me, message));
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
    apply_page_classes(&driver.borrow().config);
    leptos::mount::mount_to_body(move || {
        ctx.provide();
        provide_language(&language);
        view! { <App/> }
    });
    take_over_boot_launcher(ctx);
    if let Some(origin) = host_origin {
        // Resize the host's iframe whenever what is on screen changes. The effect reruns on
        // every chat state change; only a new layout is posted (each post is host main-thread work).
        Effect::new(move |posted: Option<Layout>| {
            let layout = if ctx.hidden.get() {
                Layout::Hidden
            } else if ctx.open.get() {
                Layout::Maximized
            } else if ctx.with_state(|s| s.greeting.is_some()) {
                Layout::Greeting
            } else {
                Layout::Minimized
            };
            if posted != Some(layout) {
                post_layout(&origin, layout);
            }
            layout
        });
    }
    // With other tabs to ask, the session starts once the tab lock has answered.
    if driver.borrow().transport.decided() {
        input(&me, Input::Start);
    } else {
        flush(&driver);
    }
    drop(driver);
}

/// A message from the loader: a token answer, a `LiveChatWidget.call`, or the viewport class.
fn on_host_message(me: &Weak<RefCell<Driver>>, message: HostMessage) {
    let Some(rc) = me.upgrade() else { return };
    let ctx = rc.borrow().ctx;
    match message {
        HostMessage::Token(id, reply) => {
            // Only the answer to the latest request counts.
            if rc.borrow().token_request == id {
                input(me, Input::Token(reply.and_then(|t| t.into_token(now_ms()))));
            }
        }
        HostMessage::Command(HostCommand::Maximize) => ctx.set_visibility(Visibility::Maximized),
        HostMessage::Command(HostCommand::Minimize) => ctx.set_visibility(Visibility::Minimized),
        HostMessage::Command(HostCommand::Hide) => ctx.set_visibility(Visibility::Hidden),
        HostMessage::Command(HostCommand::Customer(intent)) => ctx.send(intent),
        HostMessage::Viewport { narrow } => set_narrow(narrow),
    }
}

/// The phone layout (`lc-narrow` on `<html>`): the loader knows the host's
/// viewport; a widget page opened on its own looks at its own.
fn set_narrow(narrow: bool) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force("lc-narrow", narrow);
    }
}

/// The viewport class and the host's accent colour, before the first render.
fn apply_page_classes(config: &WidgetConfig) {
    let Some(window) = web_sys::window() else { return };
    let narrow = match config.host_origin {
        Some(_) => config.narrow,
        None => window.inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < 480.0),
    };
    set_narrow(narrow);
    let root = window.document().and_then(|d| d.document_element());
    let (Some(root), Some(color)) =
        (root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()), &config.accent_color)
    else {
        return;
    };
    // CSSOM writes, not a style attribute: allowed under the page's strict CSP.
    for (name, value) in accent_properties(color) {
        let _ = root.style().set_property(name, &value);
    }
}

/// The iframe page shows a static launcher until the wasm runs (docs/bridge.md):
/// remove it, and open the chat if the visitor already clicked it.
fn take_over_boot_launcher(ctx: ChatContext) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = document.get_element_by_id("lc-boot") {
        boot.remove();
    }
    let clicked = document.document_element().and_then(|root| root.get_attribute("data-lc-open"));
    if clicked.as_deref() == Some("1") {
        ctx.set_open(true);
    }
}
