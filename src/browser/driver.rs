//! The driver: owns the [`Conversation`], feeds it what the browser reports
//! (socket, tabs, timers, page lifecycle, the host page), carries out its
//! outputs, and after every flush publishes what changed ([`Publisher`]) and
//! tells the host page's JS API.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use serde_json::Value;

use crate::chat::{ChatState, Visibility};
use crate::conversation::host_api::{session_fields, PublicState};
use crate::conversation::{Conversation, ConversationConfig, Intent, Notice, Output};
use crate::session::{Application, CustomerPage, Input, LoginCustomer, SessionConfig};
use crate::slices::{Publisher, Slices};
use crate::upload::{FileInfo, UploadOutput};

mod running;
use crate::widget_config::{Identity, WidgetConfig};
pub use running::Running;

use super::bridge::{
    post_event, post_layout, post_state, post_title, request_host_token, HostListener, HostMessage, Layout,
};
use super::identity::cookie_grant;
use super::page_events::PageEvents;
use super::socket::SocketEvent;
use super::sound::Sound;
use super::storage::{snapshot_from_fragment, Store};
use super::tabs::{TabEvent, Tabs};
use super::ticket::post_ticket;
use super::transport::Transport;
use super::upload::{UploadEvent, UploadIo};
use super::warn;

/// Milliseconds since the epoch (the core's clock).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

struct Driver {
    conversation: Conversation,
    publisher: Publisher,
    config: WidgetConfig,
    store: Store,
    /// The real socket, or the virtual one through the leader tab.
    transport: Transport,
    /// The visitor's files and the upload request under way.
    uploads: UploadIo,
    timer: Option<Timeout>,
    _page_events: Option<PageEvents>,
    _host_listener: Option<HostListener>,
    /// The id of the token request the host's provider is answering.
    token_request: u32,
    /// The JS API state last posted to the loader.
    posted_state: Option<PublicState>,
    /// The layout last posted to the loader (each post is host main-thread work).
    posted_layout: Option<Layout>,
    /// The reply chime (unlocked by the visitor's first interaction).
    sound: Sound,
    /// The host tab's title text beside the unread count ("New message").
    title_text: &'static str,
    /// The unread count last shown in the host tab's title.
    posted_title: u32,
    me: Weak<RefCell<Driver>>,
}

/// Feeds one input to the conversation and carries out what follows. Called
/// from browser callbacks only, never while the driver is borrowed.
fn input(me: &Weak<RefCell<Driver>>, input: Input) {
    let Some(rc) = me.upgrade() else { return };
    rc.borrow_mut().conversation.handle_input(input, now_ms());
    flush(&rc);
}

/// Feeds inputs one by one (each may produce more work).
fn inputs(me: &Weak<RefCell<Driver>>, inputs: Vec<Input>) {
    for i in inputs {
        input(me, i);
    }
}

/// An intent from the UI or the host page.
fn intent(me: &Weak<RefCell<Driver>>, intent: Intent) {
    let Some(rc) = me.upgrade() else { return };
    let Ok(mut driver) = rc.try_borrow_mut() else {
        // Sent from inside a flush (a reactive callback): carry it out right after. (The
        // driver's tasks go to wasm-bindgen's queue, not Leptos' executor, which is only set
        // up when the UI mounts: the driver runs before that when the UI awaits its language.)
        let me = me.clone();
        wasm_bindgen_futures::spawn_local(async move { self::intent(&me, intent) });
        return;
    };
    driver.conversation.handle_intent(intent, now_ms());
    drop(driver);
    flush(&rc);
}

/// An upload request reported progress or its end.
fn on_upload(me: &Weak<RefCell<Driver>>, event: UploadEvent) {
    let Some(rc) = me.upgrade() else { return };
    {
        let mut driver = rc.borrow_mut();
        match event {
            UploadEvent::Progress { id, sent, total } => {
                driver.conversation.upload_progress(&id, sent, total, now_ms())
            }
            UploadEvent::Done { id, answer } => driver.conversation.upload_answered(&id, answer, now_ms()),
        }
    }
    flush(&rc);
}

/// The visitor handed over files: each becomes an upload the core knows by id.
fn attach(me: &Weak<RefCell<Driver>>, files: Vec<web_sys::File>) {
    let Some(rc) = me.upgrade() else { return };
    let Ok(mut driver) = rc.try_borrow_mut() else {
        let me = me.clone();
        wasm_bindgen_futures::spawn_local(async move { attach(&me, files) });
        return;
    };
    for file in files {
        let info = FileInfo { name: file.name(), size: file.size().max(0.0) as u64, content_type: file.type_() };
        let id = driver.conversation.attach_file(info, now_ms());
        driver.uploads.keep(id, file);
    }
    drop(driver);
    flush(&rc);
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

/// Drains the conversation's outputs and performs them, then publishes.
fn flush(rc: &Rc<RefCell<Driver>>) {
    let mut deferred = Vec::new();
    {
        let mut driver = rc.borrow_mut();
        while let Some(output) = driver.conversation.poll_output() {
            driver.perform(output, &mut deferred);
        }
        while let Some(output) = driver.conversation.poll_upload() {
            match output {
                UploadOutput::Start { id, target } => driver.uploads.start(&id, &target),
                UploadOutput::Abort { id } => driver.uploads.abort(&id),
                UploadOutput::Release { id } => driver.uploads.release(&id),
            }
        }
        while let Some(notice) = driver.conversation.poll_notice() {
            match notice {
                Notice::Warning(text) => warn(&text),
                Notice::Error(text) => web_sys::console::error_1(&text.into()),
            }
        }
        while let Some(request) = driver.conversation.poll_ticket() {
            let me = driver.me.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let answer = post_ticket(&request).await;
                let Some(rc) = me.upgrade() else { return };
                rc.borrow_mut().conversation.handle_ticket_answer(request.id, answer);
                flush(&rc);
            });
        }
        if driver.conversation.take_chime() {
            driver.sound.chime();
        }
        driver.post_to_host_api();
        driver.publisher.publish(&driver.conversation);
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
                wasm_bindgen_futures::spawn_local(async move {
                    let token = cookie_grant(&accounts, license, &client_id, &redirect, now_ms()).await;
                    input(&me, Input::Token(token));
                });
            }
            Output::Store { key, value } => self.store.set(&key, &value),
        }
    }

    /// Relays the JS API's events, its state and the iframe's layout, each when
    /// it changed, to the loader.
    fn post_to_host_api(&mut self) {
        let Some(origin) = self.config.host_origin.as_deref() else {
            // Not embedded: nobody to tell, but do not let the events pile up.
            while self.conversation.poll_host_event().is_some() {}
            return;
        };
        while let Some(event) = self.conversation.poll_host_event() {
            post_event(origin, &event);
        }
        let c = &self.conversation;
        let state = PublicState::of(c.state(), c.session_variables());
        if self.posted_state.as_ref() != Some(&state) {
            post_state(origin, &state);
            self.posted_state = Some(state);
        }
        let layout = layout(c.state());
        if self.posted_layout != Some(layout) {
            post_layout(origin, layout);
            self.posted_layout = Some(layout);
        }
        // The count is the launcher's (replies unseen while the window is closed or the tab hidden).
        let unread = c.state().unread;
        if unread != self.posted_title {
            post_title(origin, unread, self.title_text);
            self.posted_title = unread;
        }
    }

    fn arm_timer(&mut self) {
        let next = [self.conversation.poll_timeout(), self.transport.next_timeout()].into_iter().flatten().min();
        self.timer = next.map(|at| {
            let me = self.me.clone();
            let delay = at.saturating_sub(now_ms()).min(u32::MAX as u64) as u32;
            Timeout::new(delay, move || on_timer(&me))
        });
    }
}

/// How much of the host page the iframe needs.
fn layout(state: &ChatState) -> Layout {
    match state.visibility {
        Visibility::Hidden => Layout::Hidden,
        Visibility::Maximized => Layout::Maximized,
        Visibility::Minimized if state.greeting.is_some() => Layout::Greeting,
        Visibility::Minimized => Layout::Minimized,
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
        .and_then(|text| match crate::json::parse(&text) {
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
    s.is_mobile = Some(config.is_narrow(own_width()));
    s.application = Some(Application {
        name: Some("livechat-widget-rs".into()),
        version: Some(env!("CARGO_PKG_VERSION").into()),
        channel_type: None,
    });
    s.seed = seed;
    s
}

/// The widget's driver for this page, before it runs: what the composition
/// root needs to mount the UI over it.
pub struct Widget {
    driver: Rc<RefCell<Driver>>,
    slices: Slices,
}

impl Widget {
    /// Reads the config from the page URL and creates the conversation, the
    /// transport and the listeners. A wrong config is reported on the console
    /// and there is no widget.
    pub fn from_page() -> Option<Widget> {
        let window = web_sys::window()?;
        let location = window.location();
        let query = location.search().unwrap_or_default();
        let page_is_http = location.protocol().is_ok_and(|p| p == "http:");
        let config = match WidgetConfig::from_query(&query, page_is_http) {
            Ok(config) => config,
            Err(e) => {
                web_sys::console::error_1(&e.to_string().into());
                return None;
            }
        };
        config.unsupported.iter().for_each(|why| warn(why));
        set_narrow(config.is_narrow(own_width()));
        let host_origin = config.host_origin.clone();
        let fragment = location.hash().unwrap_or_default();
        let namespace = format!("livechat:{}:", config.license);
        let store = Store::open(snapshot_from_fragment(&fragment, &namespace), host_origin.clone());
        let seed = (js_sys::Math::random() * (u64::MAX >> 11) as f64) as u64 ^ now_ms();
        let outbox_key = config.storage_namespace() + ":outbox";
        let stored_outbox = store.get(&outbox_key);
        let uploads_key = config.storage_namespace() + ":uploads";
        let stored_uploads = store.get(&uploads_key);
        let sound_key = config.storage_namespace() + ":sound";
        let stored_sound = store.get(&sound_key);
        let mut conversation = Conversation::new(
            session_config(&config, &store, seed),
            ConversationConfig {
                group_id: config.group,
                seed,
                outbox_key: Some(outbox_key),
                uploads_key: Some(uploads_key),
                sound_key: Some(sound_key),
                ..Default::default()
            },
        );
        if let Some(stored) = stored_outbox {
            conversation.restore_outbox(&stored);
        }
        if let Some(stored) = stored_uploads {
            conversation.restore_uploads(&stored);
        }
        if let Some(stored) = stored_sound {
            conversation.restore_sound(&stored);
        }
        let (publisher, slices) = Publisher::new(&conversation);
        let tabs_name = config.storage_namespace();
        let tab_id = format!("{:x}", seed & 0xffff_ffff_ffff);
        let driver = Rc::new_cyclic(|me: &Weak<RefCell<Driver>>| {
            let socket_me = me.clone();
            let on_socket: Rc<dyn Fn(SocketEvent)> = Rc::new(move |event| on_socket(&socket_me, event));
            let tab_me = me.clone();
            let tabs = Tabs::join(&tabs_name, Rc::new(move |event| on_tab(&tab_me, event)));
            let upload_me = me.clone();
            let uploads = UploadIo::new(Rc::new(move |event| on_upload(&upload_me, event)));
            RefCell::new(Driver {
                conversation,
                publisher,
                config,
                store,
                transport: Transport::new(tab_id, tabs, on_socket, now_ms()),
                uploads,
                timer: None,
                _page_events: None,
                _host_listener: None,
                token_request: 0,
                posted_state: None,
                posted_layout: None,
                sound: Sound::listen(),
                title_text: "",
                posted_title: 0,
                me: me.clone(),
            })
        });
        let me = Rc::downgrade(&driver);
        let page_me = me.clone();
        let hidden_me = me.clone();
        let on_hidden = Rc::new(move |hidden| intent(&hidden_me, Intent::SetPageHidden(hidden)));
        driver.borrow_mut()._page_events = Some(PageEvents::listen(Rc::new(move |i| on_page(&page_me, i)), on_hidden));
        if let Some(origin) = host_origin {
            let host_me = me.clone();
            let listener = HostListener::listen(origin, move |message| on_host_message(&host_me, message));
            driver.borrow_mut()._host_listener = listener;
        }
        Some(Widget { driver, slices })
    }

    /// What the UI reads.
    pub fn slices(&self) -> Slices {
        self.slices
    }

    /// How the UI sends intents.
    pub fn intents(&self) -> Rc<dyn Fn(Intent)> {
        let me = Rc::downgrade(&self.driver);
        Rc::new(move |i| intent(&me, i))
    }

    /// How the UI hands over the visitor's files.
    pub fn attach_files(&self) -> Rc<dyn Fn(Vec<web_sys::File>)> {
        let me = Rc::downgrade(&self.driver);
        Rc::new(move |files| attach(&me, files))
    }

    /// The widget's configuration.
    pub fn config(&self) -> WidgetConfig {
        self.driver.borrow().config.clone()
    }

    /// Runs the widget for the life of the page: connects (with other tabs to ask, once
    /// the tab lock has answered), whether or not the UI is mounted yet (it may wait for
    /// its language's table); [`Running::ui_mounted`] then takes over the static launcher.
    pub fn run(self) -> Running {
        let me = Rc::downgrade(&self.driver);
        let running = Running { driver: me.clone() };
        if self.driver.borrow().transport.decided() {
            input(&me, Input::Start);
        } else {
            flush(&self.driver);
        }
        // The driver lives as long as the page: the closures hold weak references to it.
        std::mem::forget(self.driver);
        running
    }
}

/// A message from the loader: a token answer, a `LiveChatWidget.call`, or the viewport class.
fn on_host_message(me: &Weak<RefCell<Driver>>, message: HostMessage) {
    let Some(rc) = me.upgrade() else { return };
    match message {
        HostMessage::Token(id, reply) => {
            // Only the answer to the latest request counts.
            if rc.borrow().token_request == id {
                input(me, Input::Token(reply.and_then(|t| t.into_token(now_ms()))));
            }
        }
        HostMessage::Command(command) => command.into_intents().into_iter().for_each(|i| intent(me, i)),
        HostMessage::Page(page) => intent(me, Intent::UpdateCustomerPage(page)),
        HostMessage::Viewport { narrow } => {
            set_narrow(narrow);
            rc.borrow_mut().conversation.set_is_mobile(narrow);
        }
    }
}

/// The iframe's own width (a launcher's, when embedded).
fn own_width() -> Option<f64> {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|w| w.as_f64())
}

/// The phone layout (`lc-narrow` on `<html>`): the loader knows the host's
/// viewport; a widget page opened on its own looks at its own.
fn set_narrow(narrow: bool) {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.class_list().toggle_with_force("lc-narrow", narrow);
    }
}
