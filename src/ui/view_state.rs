//! State of the widget's own view, shared by components that move focus or
//! open panels: where focus goes back to, and the webview panel.

use leptos::html;
use leptos::prelude::*;

/// How tall a webview panel is (`webview_height` of the button).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelHeight {
    /// About a third of the window.
    Compact,
    /// Most of the window.
    Tall,
    /// The whole window.
    Full,
}

/// A page opened from a webview button, shown in a sandboxed iframe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webview {
    /// The checked `https` URL.
    pub url: String,
    /// The panel's height.
    pub height: PanelHeight,
    /// The iframe's title (the button's text).
    pub title: String,
}

/// View-only state, provided by [`crate::ui::App`]; `Copy` like [`crate::ui::ChatContext`].
#[derive(Clone, Copy)]
pub struct ViewState {
    /// The launcher button: focus returns here when the window closes.
    pub launcher: NodeRef<html::Button>,
    /// The composer's textarea.
    pub composer: NodeRef<html::Textarea>,
    /// The open webview panel, if any (open and close it with
    /// [`ViewState::open_webview`] and [`ViewState::close_webview`]).
    pub webview: RwSignal<Option<Webview>>,
    /// What had focus when the panel opened: focus goes back there on close.
    webview_opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
    /// The customer sent the postchat form (rather than skipping it): thank them.
    pub postchat_sent: RwSignal<bool>,
}

impl ViewState {
    /// Creates the state and provides it to the tree below.
    pub fn provide() -> Self {
        let state = ViewState {
            launcher: NodeRef::new(),
            composer: NodeRef::new(),
            webview: RwSignal::new(None),
            webview_opener: StoredValue::new_local(None),
            postchat_sent: RwSignal::new(false),
        };
        provide_context(state);
        state
    }

    /// The state provided by [`crate::ui::App`].
    pub fn expect() -> Self {
        expect_context::<ViewState>()
    }

    /// Opens a webview panel, remembering what had focus.
    pub fn open_webview(&self, webview: Webview) {
        self.webview_opener.set_value(document().active_element());
        self.webview.set(Some(webview));
    }

    /// Closes the webview panel; focus returns to the button that opened it
    /// (or the composer, if that button is gone).
    pub fn close_webview(&self) {
        self.webview.set(None);
        let opener = self.webview_opener.try_update_value(Option::take).flatten();
        let view = *self;
        after_render(move || match opener.filter(|el| el.is_connected()) {
            Some(el) => focus_element(el),
            None => view.focus_composer(),
        });
    }

    /// Moves focus to the composer, if it is on screen.
    pub fn focus_composer(&self) {
        if let Some(el) = self.composer.get_untracked() {
            let _ = el.focus();
        }
    }

    /// Moves focus to the launcher, now and again once the view has updated:
    /// on small screens the launcher is hidden while the window is open, and
    /// only shows after the close has been rendered.
    pub fn focus_launcher(&self) {
        let launcher = self.launcher;
        let focus = move || {
            if let Some(el) = launcher.get_untracked() {
                let _ = el.focus();
            }
        };
        focus();
        after_render(focus);
    }
}

/// Runs `f` once the pending view updates have been applied (the DOM shows
/// the state just set): for focus moves to elements that are about to appear.
pub fn after_render(f: impl FnOnce() + 'static) {
    leptos::task::spawn_local(async move {
        leptos::task::tick().await;
        f();
    });
}

/// Focus is nowhere (on the body): the focused element was just removed.
pub fn focus_is_lost() -> bool {
    let doc = document();
    match doc.active_element() {
        None => true,
        Some(el) => doc.body().is_some_and(|body| body.is_same_node(Some(&el))),
    }
}

/// Focuses `el` when it is an `HtmlElement`.
pub fn focus_element(el: web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}
