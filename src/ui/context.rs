//! The UI's window on the core: the conversation as a signal, intents going in,
//! and the widget's own view state (open or minimised). Provided once at the
//! root; every component reads it with [`ChatContext::expect`].

use std::rc::Rc;

use leptos::prelude::*;

use crate::chat::ChatState;
use crate::conversation::host_api::Visibility;
use crate::conversation::{Conversation, Intent};
use crate::session::ConnectionStatus;

/// Performs the IO the conversation asks for after it changed (the browser
/// driver in production, a scripted fake in tests).
pub type Flush = Rc<dyn Fn()>;

/// Milliseconds since the epoch; `js_sys::Date::now()` in the browser.
pub type Clock = Rc<dyn Fn() -> u64>;

/// Shared by every component: small and `Copy`, as in thaw's context types.
#[derive(Clone, Copy)]
pub struct ChatContext {
    /// The sans-IO conversation. Components read it through [`ChatContext::with_state`].
    pub conversation: RwSignal<Conversation>,
    /// Whether the chat window is open (maximised) rather than the launcher only.
    pub open: RwSignal<bool>,
    /// Whether the host page hid the widget (`LiveChatWidget.call("hide")`).
    pub hidden: RwSignal<bool>,
    flush: StoredValue<Flush, LocalStorage>,
    clock: StoredValue<Clock, LocalStorage>,
}

impl ChatContext {
    /// Wraps a conversation. `flush` runs after every intent to carry out its outputs.
    pub fn new(conversation: Conversation, flush: Flush, clock: Clock) -> Self {
        ChatContext {
            conversation: RwSignal::new(conversation),
            open: RwSignal::new(false),
            hidden: RwSignal::new(false),
            flush: StoredValue::new_local(flush),
            clock: StoredValue::new_local(clock),
        }
    }

    /// Replaces the IO hook (the driver installs itself after creating the context).
    pub fn set_flush(&self, flush: Flush) {
        self.flush.set_value(flush);
    }

    /// Provides the context to the component tree below.
    pub fn provide(self) {
        provide_context(self);
    }

    /// The context provided at the root. Panics only on a programming error
    /// (a component mounted outside [`crate::ui::App`]).
    pub fn expect() -> Self {
        expect_context::<ChatContext>()
    }

    /// The current time from the context's clock.
    pub fn now(&self) -> u64 {
        self.clock.with_value(|c| c())
    }

    /// Reads the chat state, tracking it (use inside reactive closures).
    pub fn with_state<T>(&self, f: impl FnOnce(&ChatState) -> T) -> T {
        self.conversation.with(|c| f(c.state()))
    }

    /// The connection status, tracked.
    pub fn status(&self) -> ConnectionStatus {
        self.conversation.with(|c| c.status().clone())
    }

    /// Carries out a customer intent and performs the resulting IO.
    pub fn send(&self, intent: Intent) {
        let now = self.now();
        self.conversation.update(|c| c.handle_intent(intent, now));
        self.flush.with_value(|f| f());
    }

    /// Opens or minimises the chat window (showing the widget if it was hidden).
    /// Opening counts as viewing the chat.
    pub fn set_open(&self, open: bool) {
        self.hidden.set(false);
        self.open.set(open);
        self.send(Intent::SetViewing(open));
    }

    /// Maximises, minimises or hides the widget.
    pub fn set_visibility(&self, visibility: Visibility) {
        match visibility {
            Visibility::Maximized => self.set_open(true),
            Visibility::Minimized => self.set_open(false),
            Visibility::Hidden => {
                self.open.set(false);
                self.hidden.set(true);
                self.send(Intent::SetViewing(false));
            }
        }
    }

    /// The widget's visibility, untracked (for the host page's JS API).
    pub fn visibility_untracked(&self) -> Visibility {
        if self.hidden.get_untracked() {
            Visibility::Hidden
        } else if self.open.get_untracked() {
            Visibility::Maximized
        } else {
            Visibility::Minimized
        }
    }
}
