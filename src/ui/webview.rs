//! The webview panel: a page from a webview button in a sandboxed, titled,
//! closable iframe over the conversation.

use leptos::html;
use leptos::prelude::*;

use super::dynamic::{click, dyn_view};
use super::i18n::strings;
use super::view_state::{PanelHeight, ViewState};

/// What the framed page may do: run its scripts and forms, open pop-ups, keep
/// its own origin; never navigate the widget (no `allow-top-navigation`).
pub const SANDBOX: &str = "allow-scripts allow-forms allow-popups allow-same-origin";

/// The panel, while a webview is open. Focus moves to its close button; Escape
/// (handled by the window) or the button closes it.
#[component]
pub fn WebviewPanel() -> impl IntoView {
    let view = ViewState::expect();
    let t = strings();
    let close_ref = NodeRef::<html::Button>::new();
    Effect::new(move |_| {
        if let Some(button) = close_ref.get() {
            let _ = button.focus();
        }
    });
    dyn_view(move || {
        view.webview.get().map(|w| {
            let class = match w.height {
                PanelHeight::Compact => "lc-webview lc-webview-compact",
                PanelHeight::Tall => "lc-webview lc-webview-tall",
                PanelHeight::Full => "lc-webview lc-webview-full",
            };
            let title = if w.title.trim().is_empty() { t.webview_title.to_owned() } else { w.title.clone() };
            let (label, heading) = (title.clone(), title.clone());
            view! {
                <div class=class role="dialog" aria-label=label>
                    <div class="lc-webview-bar">
                        <span class="lc-webview-title">{heading}</span>
                        <button
                            type="button"
                            class="lc-icon-btn"
                            aria-label=t.webview_close
                            node_ref=close_ref
                            on:click=click(move || view.close_webview())
                        >
                            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>
                            </svg>
                        </button>
                    </div>
                    <iframe class="lc-webview-frame" src=w.url title=title sandbox=SANDBOX referrerpolicy="no-referrer"></iframe>
                </div>
            }
            .into_any()
        })
    })
}
