//! The UI's window on the conversation: the published [`Slices`] to read, a
//! way to send an [`Intent`], and the clock. Provided once at the root; every
//! component reads it with [`ChatContext::expect`]. Nothing here writes the core.

use std::rc::Rc;

use leptos::prelude::*;

use crate::chat::Visibility;
use crate::conversation::Intent;
use crate::slices::Slices;

/// Carries out an intent (the browser driver in production, a scripted owner in tests).
pub type SendIntent = Rc<dyn Fn(Intent)>;

/// Milliseconds since the epoch; `js_sys::Date::now()` in the browser.
pub type Clock = Rc<dyn Fn() -> u64>;

/// Hands files the visitor picked, dropped or pasted to whoever uploads them
/// (the browser driver): the files are browser objects, so they travel beside
/// the intents rather than in one.
pub type AttachFiles = Rc<dyn Fn(Vec<web_sys::File>)>;

/// Shared by every component: small and `Copy`, as in thaw's context types.
#[derive(Clone, Copy)]
pub struct ChatContext {
    /// What the conversation's owner published (read-only signals).
    pub slices: Slices,
    send: StoredValue<SendIntent, LocalStorage>,
    clock: StoredValue<Clock, LocalStorage>,
    attach: Option<StoredValue<AttachFiles, LocalStorage>>,
}

impl ChatContext {
    /// A context over `slices`, sending intents through `send`.
    pub fn new(slices: Slices, send: SendIntent, clock: Clock) -> Self {
        ChatContext { slices, send: StoredValue::new_local(send), clock: StoredValue::new_local(clock), attach: None }
    }

    /// The same context, able to send files through `attach` (without it the
    /// window offers no attach button, drop or paste).
    pub fn with_attach(self, attach: AttachFiles) -> Self {
        ChatContext { attach: Some(StoredValue::new_local(attach)), ..self }
    }

    /// Whether files can be sent.
    pub fn can_attach(&self) -> bool {
        self.attach.is_some()
    }

    /// Sends the visitor's files (nothing when files cannot be sent, or there are none).
    pub fn attach_files(&self, files: Vec<web_sys::File>) {
        if let (Some(attach), false) = (self.attach, files.is_empty()) {
            let attach = attach.get_value();
            attach(files);
        }
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

    /// Asks for a customer intent to be carried out.
    pub fn send(&self, intent: Intent) {
        let send = self.send.get_value();
        send(intent);
    }

    /// Opens or minimises the chat window (showing the widget if it was hidden).
    pub fn set_open(&self, open: bool) {
        self.send(Intent::SetVisibility(if open { Visibility::Maximized } else { Visibility::Minimized }));
    }

    /// Whether the chat window is open, tracked.
    pub fn is_open(&self) -> bool {
        self.slices.visibility.get() == Visibility::Maximized
    }
}
