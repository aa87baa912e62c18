//! A mounted widget over a real `Conversation` and a scripted server, for the
//! browser tests: the frames the widget sends are collected, server frames are
//! fed in by hand, and small DOM helpers click, type and read.
#![allow(dead_code)]

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use leptos::prelude::*;
use livechat_widget::conversation::{Conversation, ConversationConfig, Intent, Output};
use livechat_widget::session::{Input, SessionConfig, Token};
use livechat_widget::slices::Publisher;
use livechat_widget::ui::{App, ChatContext};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;

/// The customer the fake server logs in.
pub const CUSTOMER: &str = "b7eff798-f8df-4364-8059-649c35c9ed0c";
/// The agent of the fake server.
pub const AGENT: &str = "b5657aff34dd32e198160d54666df9d8";
/// The chat the fake server hands out.
pub const CHAT: &str = "PJ0MRSHTDG";

/// The conversation's owner in a test, as the browser driver is in the widget:
/// it feeds inputs and intents, collects the frames sent, and publishes.
struct Owner {
    conversation: Conversation,
    publisher: Publisher,
    sent: Rc<RefCell<Vec<String>>>,
}

impl Owner {
    fn flush(&mut self) {
        while let Some(out) = self.conversation.poll_output() {
            if let Output::Send(text) = out {
                self.sent.borrow_mut().push(text);
            }
        }
        self.publisher.publish(&self.conversation);
    }
}

/// A widget mounted into its own container.
pub struct Widget {
    /// The context the widget reads.
    pub ctx: ChatContext,
    /// The container it is mounted in.
    pub root: web_sys::HtmlElement,
    /// Every text frame the widget sent, in order.
    pub sent: Rc<RefCell<Vec<String>>>,
    /// The fake clock (ms).
    pub now: Rc<Cell<u64>>,
    owner: Rc<RefCell<Owner>>,
    answered: RefCell<HashSet<String>>,
    _handle: Box<dyn Any>,
}

fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Mounts the widget in English.
pub fn mount() -> Widget {
    mount_in(None)
}

/// The table of the language tagged `tag` (`he-IL`), read from the build's file as the
/// widget reads a fetched one; English for a tag without a table.
pub fn table(tag: &str) -> &'static livechat_widget::ui::i18n::Strings {
    use livechat_widget::ui::i18n::{english, lookup, read_table};
    let json = match lookup(tag).unwrap_or("en") {
        "ar" => include_str!("../../src/ui/i18n/lang/ar.json"),
        "he" => include_str!("../../src/ui/i18n/lang/he.json"),
        "ja" => include_str!("../../src/ui/i18n/lang/ja.json"),
        "pl" => include_str!("../../src/ui/i18n/lang/pl.json"),
        "de" => include_str!("../../src/ui/i18n/lang/de.json"),
        "en" => return english(),
        other => panic!("no test table for {other}: add it here"),
    };
    read_table(json, lookup(tag).unwrap()).unwrap()
}

/// Mounts the widget, with `language`'s table provided when given.
pub fn mount_in(language: Option<&'static str>) -> Widget {
    let mut session = SessionConfig::new(123, None);
    session.token = Some(Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None });
    let config = ConversationConfig { group_id: 0, seed: 7, sneak_peek_interval_ms: 1_000, ..Default::default() };
    let now = Rc::new(Cell::new(1_700_000_000_000u64));
    let conversation = Conversation::new(session, config);
    let (publisher, slices) = Publisher::new(&conversation);
    let sent = Rc::new(RefCell::new(Vec::new()));
    let owner = Rc::new(RefCell::new(Owner { conversation, publisher, sent: sent.clone() }));
    let (intent_owner, intent_clock) = (owner.clone(), now.clone());
    let send = Rc::new(move |intent: Intent| {
        let mut owner = intent_owner.borrow_mut();
        owner.conversation.handle_intent(intent, intent_clock.get());
        owner.flush();
    });
    let clock = now.clone();
    let ctx = ChatContext::new(slices, send, Rc::new(move || clock.get()));
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        ctx.provide();
        if let Some(code) = language {
            livechat_widget::ui::provide_language(table(code));
        }
        view! { <App/> }
    });
    Widget { ctx, root, sent, now, owner, answered: RefCell::new(HashSet::new()), _handle: Box::new(handle) }
}

/// Lets effects and the DOM catch up.
pub async fn settle() {
    leptos::task::tick().await;
    leptos::task::tick().await;
}

impl Widget {
    /// Feeds an input to the conversation and collects what it sent.
    pub fn input(&self, input: Input) {
        let mut owner = self.owner.borrow_mut();
        owner.conversation.handle_input(input, self.now.get());
        owner.flush();
    }

    /// Every frame sent so far, parsed.
    pub fn frames(&self) -> Vec<Value> {
        self.sent.borrow().iter().filter_map(|t| serde_json::from_str(t).ok()).collect()
    }

    /// Frames sent with this action.
    pub fn sent_with(&self, action: &str) -> Vec<Value> {
        self.frames().into_iter().filter(|v| v["action"] == action).collect()
    }

    /// Actions sent from frame index `from` on (pings left out).
    pub fn actions_since(&self, from: usize) -> Vec<String> {
        self.frames()[from..]
            .iter()
            .filter_map(|v| v["action"].as_str().map(str::to_owned))
            .filter(|a| a != "ping")
            .collect()
    }

    /// How many frames were sent so far.
    pub fn sent_count(&self) -> usize {
        self.sent.borrow().len()
    }

    fn oldest_pending(&self, action: &str) -> Value {
        let answered = self.answered.borrow();
        self.frames()
            .into_iter()
            .find(|v| v["action"] == action && v["request_id"].as_str().is_some_and(|id| !answered.contains(id)))
            .unwrap_or_else(|| panic!("no unanswered `{action}` among {:?}", self.sent.borrow()))
    }

    /// Answers the oldest unanswered request with `action`.
    pub fn answer(&self, action: &str, payload: Value) {
        let req = self.oldest_pending(action);
        let id = req["request_id"].as_str().unwrap_or_default().to_owned();
        self.answered.borrow_mut().insert(id.clone());
        let frame =
            json!({"request_id": id, "action": action, "type": "response", "success": true, "payload": payload});
        self.input(Input::Frame(frame.to_string()));
    }

    /// Answers the oldest unanswered request with `action` with an error of type `kind`.
    pub fn fail(&self, action: &str, kind: &str) {
        let req = self.oldest_pending(action);
        let id = req["request_id"].as_str().unwrap_or_default().to_owned();
        self.answered.borrow_mut().insert(id.clone());
        let frame = json!({"request_id": id, "action": action, "type": "response", "success": false,
            "payload": {"error": {"type": kind, "message": "scripted"}}});
        self.input(Input::Frame(frame.to_string()));
    }

    /// Pushes `action` with `payload`.
    pub fn push(&self, action: &str, payload: Value) {
        self.input(Input::Frame(json!({"action": action, "type": "push", "payload": payload}).to_string()));
    }

    fn login_with(&self, login: Value) {
        self.input(Input::Start);
        self.input(Input::Opened);
        self.answer("login", login);
    }

    /// Logs in a customer without chats; `prechat` answers `get_form`.
    pub fn login_fresh(&self, prechat: Value) {
        self.login_with(
            json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": false, "chats": []}),
        );
        self.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
        self.answer("get_form", prechat);
        self.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    }

    /// Logs in a customer whose chat is `chat` (a `get_chat` payload).
    pub fn login_with_chat(&self, chat: Value) {
        self.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
            "chats": [{"chat_id": CHAT, "has_unread_events": false}]}));
        self.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
        self.answer("get_form", json!({"enabled": false}));
        self.answer("get_chat", chat);
    }

    /// The first element matching `selector` inside the widget.
    pub fn q(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    /// Every element matching `selector` inside the widget.
    pub fn qa(&self, selector: &str) -> Vec<web_sys::Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
    }

    /// The element matching `selector`; panics with the widget's HTML when absent.
    pub fn get(&self, selector: &str) -> web_sys::HtmlElement {
        self.q(selector).unwrap_or_else(|| panic!("no `{selector}` in {}", self.root.inner_html())).unchecked_into()
    }

    /// The widget's visible text.
    pub fn text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }

    /// Clicks the element matching `selector` and lets the UI settle.
    pub async fn click(&self, selector: &str) {
        self.get(selector).click();
        settle().await;
    }

    /// Opens the chat window with the launcher.
    pub async fn open(&self) {
        self.click(".lc-launcher").await;
        settle().await;
    }

    /// Sets the value of an input, textarea or select and fires `input` and `change`.
    pub async fn set_value(&self, selector: &str, value: &str) {
        let el = self.get(selector);
        if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            input.set_value(value);
        } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            area.set_value(value);
        } else if let Some(select) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            select.set_value(value);
        }
        for kind in ["input", "change"] {
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
            el.dispatch_event(&ev).unwrap();
        }
        settle().await;
    }

    /// Fires a `keydown` on the element; returns whether the widget prevented the default.
    pub async fn key(&self, selector: &str, key: &str, shift: bool) -> bool {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_shift_key(shift);
        init.set_bubbles(true);
        init.set_cancelable(true);
        let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.get(selector).dispatch_event(&ev).unwrap();
        settle().await;
        ev.default_prevented()
    }

    /// The id of the focused element.
    pub fn focused_id(&self) -> String {
        document().active_element().map(|e| e.id()).unwrap_or_default()
    }
}

/// A `get_chat` payload: chat [`CHAT`], thread `T1` with `events`, the customer and Agent Smith.
pub fn chat(active: bool, events: Value) -> Value {
    json!({"id": CHAT, "users": [{"id": CUSTOMER, "type": "customer", "present": true},
        {"id": AGENT, "type": "agent", "name": "Agent Smith", "present": true}],
        "thread": {"id": "T1", "active": active, "events": events, "created_at": "2026-01-01T00:00:00.000000Z"}})
}

/// An agent event of `kind` with extra fields.
pub fn agent_event(id: &str, second: u32, body: Value) -> Value {
    let mut event =
        json!({"id": id, "author_id": AGENT, "created_at": format!("2026-01-01T00:00:{second:02}.000000Z")});
    if let (Some(e), Value::Object(b)) = (event.as_object_mut(), body) {
        e.extend(b);
    }
    event
}

/// Puts the widget's stylesheet in the test page once, for tests that measure layout.
pub fn install_css() {
    let document = web_sys::window().unwrap().document().unwrap();
    if document.get_element_by_id("lc-test-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("lc-test-css");
        style.set_text_content(Some(include_str!("../../style/widget.css")));
        document.head().unwrap().append_child(&style).unwrap();
    }
}
