//! The three ways a visitor hands over files: the attach button (a real button
//! that opens the file picker, so it is reachable by keyboard), dropping files
//! onto the chat window, and pasting into the composer. Each gives the files to
//! [`ChatContext::attach_files`]; the upload itself is the driver's and the core's.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::ChatContext;
use super::dynamic::{click, handler, Handler};
use super::i18n::strings;

/// The files of a `FileList` (file input, drop, paste).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Opens the file picker of the attach button (for "choose the file again").
pub fn open_file_picker() {
    let input = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".lc-attach-input").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        input.click();
    }
}

/// Whether a drag carries files (not text or a link dragged from the page).
fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| dt.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
}

/// The attach button and its file input (hidden: the button opens it).
#[component]
pub fn AttachButton() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let input = NodeRef::<html::Input>::new();
    let on_change = handler(move |ev: leptos::ev::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        ctx.attach_files(files_of(el.files()));
        // The same file can be picked again (after a failure or a cancel).
        el.set_value("");
    });
    view! {
        <button type="button" class="lc-attach" aria-label=t.files.attach title=t.files.attach
            on:click=click(move || {
                if let Some(el) = input.get_untracked() {
                    el.click();
                }
            })>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M16.5 6.5l-7.8 7.8a2 2 0 0 0 2.8 2.8l7.8-7.8a4 4 0 0 0-5.7-5.7l-7.8 7.8a6 6 0 0 0 8.5 8.5l6.4-6.4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
            </svg>
        </button>
        <input type="file" class="lc-attach-input" multiple="" hidden="" tabindex="-1" aria-hidden="true"
            node_ref=input on:change=on_change/>
    }
}

/// Paste into the composer: pasted files (a screenshot, a copied file) are
/// sent; pasted text goes into the composer as usual.
pub fn on_paste(ctx: ChatContext) -> Handler<web_sys::ClipboardEvent> {
    handler(move |ev: web_sys::ClipboardEvent| {
        let files = files_of(ev.clipboard_data().and_then(|d| d.files()));
        if !files.is_empty() {
            ev.prevent_default();
            ctx.attach_files(files);
        }
    })
}

/// Dropping files onto the chat window: the handlers for its element, and
/// whether files are being dragged over it (for the overlay).
#[derive(Clone, Copy)]
pub struct DropTarget {
    /// Files are over the window.
    pub active: RwSignal<bool>,
    /// Whether files may be dropped now (not while the prechat form stands before the chat).
    enabled: Signal<bool>,
}

impl DropTarget {
    /// A drop target with no drag over it, taking files while `enabled`.
    pub fn new(enabled: Signal<bool>) -> Self {
        DropTarget { active: RwSignal::new(false), enabled }
    }

    /// `dragover`: accepts files (a drop needs the default prevented).
    pub fn on_dragover(self, ctx: ChatContext) -> Handler<web_sys::DragEvent> {
        handler(move |ev: web_sys::DragEvent| {
            if ctx.can_attach() && self.enabled.get_untracked() && carries_files(&ev) {
                ev.prevent_default();
                if let Some(dt) = ev.data_transfer() {
                    dt.set_drop_effect("copy");
                }
                self.active.set(true);
            }
        })
    }

    /// `dragleave`: the overlay goes when the drag leaves the window itself.
    pub fn on_dragleave(self) -> Handler<web_sys::DragEvent> {
        handler(move |ev: web_sys::DragEvent| {
            let current = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let into = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
            let inside = matches!((current, into), (Some(c), Some(n)) if c.contains(Some(&n)));
            if !inside {
                self.active.set(false);
            }
        })
    }

    /// `drop`: sends the dropped files.
    pub fn on_drop(self, ctx: ChatContext) -> Handler<web_sys::DragEvent> {
        handler(move |ev: web_sys::DragEvent| {
            self.active.set(false);
            let files = files_of(ev.data_transfer().and_then(|dt| dt.files()));
            if !files.is_empty() && self.enabled.get_untracked() {
                ev.prevent_default();
                ctx.attach_files(files);
            }
        })
    }
}

/// The overlay shown while files are dragged over the window.
#[component]
pub fn DropOverlay(target: DropTarget) -> impl IntoView {
    let t = strings();
    view! {
        <div class="lc-drop-overlay" hidden=move || !target.active.get() aria-hidden="true">
            <p>{t.files.drop_here}</p>
        </div>
    }
}
