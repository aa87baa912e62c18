//! The lazy boundary around the chat window (issue 19): in the release build
//! (`--features split`, scripts/split.sh) [`ChatWindow`] and everything only it
//! uses (the log, the composer, forms, rich messages, the webview) are a wasm
//! chunk of their own, fetched when the browser is idle after login, when the
//! visitor points at or focuses the launcher, or at the latest when the window
//! opens. Until it lands the window's frame shows at once with a plain
//! textarea, and what the visitor typed there moves into the composer.
//! Without the feature (tests, `cargo check`) the window is an ordinary call.

use leptos::html;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use super::context::ChatContext;
use super::dynamic::{dyn_view, fresh, handler};
use super::i18n::strings;
use super::view_state::{after_render, ViewState};
use super::window::ChatWindow;
use crate::chat::{ChatPhase, FormSlot};
use crate::conversation::Intent;
use crate::session::ConnectionStatus;

/// The first retry of a failed chunk fetch, doubled after each failure up to
/// [`MAX_RETRY_MS`]: a CDN that keeps failing is not asked in a tight loop.
const FIRST_RETRY_MS: u32 = 1_000;
/// The longest wait between two fetches of the chunk.
const MAX_RETRY_MS: u32 = 30_000;

/// The window's view, from its chunk. With `split` the macro turns this into an
/// `async fn` that fetches the chunk first (and a `preload_chat_window` that only
/// fetches it); `fallible` makes a failed fetch an `Err` instead of an abort.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        chat_window,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_chat_window)
    )
)]
fn chat_window() -> Result<AnyView, SplitLoaderError> {
    Ok(fresh(view! { <ChatWindow/> }))
}

/// Fetches the chunk (without the `split` feature there is none to fetch).
#[cfg(not(feature = "split"))]
async fn preload_chat_window() -> Result<(), SplitLoaderError> {
    Ok(())
}

/// The window's view once the chunk is there, built now, in the caller's owner.
#[cfg(feature = "split")]
fn loaded_window() -> Option<AnyView> {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    // A loaded chunk resolves on the first poll (the loader's cell is set).
    let mut call = std::pin::pin!(chat_window());
    match call.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(view)) => Some(view),
        _ => None,
    }
}

/// The window's view (no chunk without the `split` feature).
#[cfg(not(feature = "split"))]
fn loaded_window() -> Option<AnyView> {
    chat_window().ok()
}

/// Whether the window's chunk has arrived; provided by [`crate::ui::App`], `Copy`.
#[derive(Clone, Copy)]
pub struct WindowChunk {
    loaded: RwSignal<bool>,
    fetching: StoredValue<bool>,
}

/// The idle prefetch's bound: the chunk is fetched this long after the first login even if
/// the browser never went idle (`requestIdleCallback`'s own timeout, as in boot.js).
pub const PREFETCH_AT_THE_LATEST: std::time::Duration = std::time::Duration::from_secs(2);

impl WindowChunk {
    /// Creates the state, provides it below, and prefetches the chunk once the
    /// browser is idle after the first login, or [`PREFETCH_AT_THE_LATEST`] after it.
    pub fn provide() -> Self {
        // Without the split there is no chunk: the window is there from the start.
        let chunk = WindowChunk { loaded: RwSignal::new(!cfg!(feature = "split")), fetching: StoredValue::new(false) };
        provide_context(chunk);
        let ctx = ChatContext::expect();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let connected = ctx.slices.status.with(|s| matches!(s, ConnectionStatus::Connected));
            if connected {
                request_idle_callback(move || chunk.prefetch());
                // A busy page may not go idle for seconds; boot.js gives the wasm the same
                // bound. `prefetch` runs once, whichever comes first.
                set_timeout(move || chunk.prefetch(), PREFETCH_AT_THE_LATEST);
            }
            connected
        });
        chunk
    }

    /// The state provided by [`crate::ui::App`].
    pub fn expect() -> Self {
        expect_context::<WindowChunk>()
    }

    /// Starts fetching the chunk unless it is there or on its way; a failed
    /// fetch is retried with a growing pause until it succeeds.
    pub fn prefetch(&self) {
        if self.loaded.get_untracked() || self.fetching.get_value() {
            return;
        }
        self.fetching.set_value(true);
        let chunk = *self;
        leptos::task::spawn_local(async move {
            let mut pause = FIRST_RETRY_MS;
            while let Err(e) = preload_chat_window().await {
                // Warned after the pause: a fetch cut by the frame going away (the host's
                // `destroy`, a navigation) fails too, and the frame's timers go with it.
                gloo_timers::future::TimeoutFuture::new(pause).await;
                web_sys::console::warn_2(
                    &"LiveChat widget: the chat window's code did not load, retrying".into(),
                    &e.to_string().into(),
                );
                pause = (pause * 2).min(MAX_RETRY_MS);
            }
            chunk.fetching.set_value(false);
            chunk.loaded.set(true);
        });
    }
}

/// The chat window, or its frame while the chunk is on its way.
#[component]
pub fn LazyChatWindow() -> impl IntoView {
    let chunk = WindowChunk::expect();
    chunk.prefetch();
    dyn_view(move || {
        Some(if chunk.loaded.get() { loaded_window().unwrap_or_else(|| ().into_any()) } else { window_frame() })
    })
}

/// The window's frame: the window's box with a plain composer, focused at once
/// (none while a prechat form is due: the form comes first).
/// When the chunk lands, what was typed goes into the real composer as a message
/// draft (`Intent::SetMessageDraft`, the path of the host's `messageDraft`).
fn window_frame() -> AnyView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let input = NodeRef::<html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    on_cleanup(move || {
        let Some(typed) = input.get_untracked().map(|el| el.value()).filter(|v| !v.is_empty()) else { return };
        // The same way as the host's messageDraft: the composer takes it whenever it mounts.
        ctx.send(Intent::SetMessageDraft(typed));
        after_render(move || {
            if let Some(composer) = view.composer.get_untracked() {
                let _ = composer.focus();
            }
        });
    });
    let on_keydown = handler(move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.prevent_default();
            ctx.set_open(false);
            view.focus_launcher();
        }
    });
    // Enter keeps the text for the composer (sending needs the window's code).
    let on_input_keydown = handler(move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() {
            ev.prevent_default();
        }
    });
    // Where the window will show a prechat form there is no composer to type into yet.
    let prechat_due = ctx.slices.phase.get_untracked() == ChatPhase::NoChat
        && ctx.slices.forms.with_untracked(|f| matches!(f.prechat, FormSlot::Ready(_)));
    let composer = (!prechat_due).then(|| {
        view! {
            <form class="lc-composer">
                <textarea class="lc-composer-input" rows="1" aria-label=t.composer_label placeholder=t.composer_placeholder node_ref=input on:keydown=on_input_keydown></textarea>
            </form>
        }
    });
    view! {
        <section id="lc-window" class="lc-window" role="dialog" aria-label=t.widget_label aria-busy="true" on:keydown=on_keydown>
            <div class="lc-body"></div>
            {composer}
        </section>
    }
    .into_any()
}
