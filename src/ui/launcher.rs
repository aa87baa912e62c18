//! The launcher: the round bubble that opens and minimises the chat, with the
//! unread count and the agents' availability.

use leptos::prelude::*;

use crate::chat::Availability;

use super::context::ChatContext;
use super::dynamic::{click, dyn_attr, dyn_class, dyn_view, handler};
use super::i18n::strings;
use super::lazy_window::WindowChunk;
use super::view_state::ViewState;

/// The minimised bubble. Clicking toggles the window; its accessible name says
/// what a click does, how many messages are unread and whether agents are online.
/// Pointing at it or focusing it prefetches the window's chunk.
#[component]
pub fn Launcher() -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let chunk = WindowChunk::expect();
    let t = strings();
    // Plain reads, not memos: what depends on them only sets attributes and text.
    let unread = move || ctx.slices.unread.get();
    let availability = move || ctx.slices.availability.get();
    let open = Memo::new(move |_| ctx.is_open());
    let label = move || {
        let mut parts = vec![if open.get() { t.launcher_close.to_owned() } else { t.launcher_open.to_owned() }];
        let n = unread();
        if n > 0 && !open.get() {
            parts.push(t.unread(n));
        }
        match availability() {
            Availability::Online => parts.push(t.agents_online.to_owned()),
            Availability::Offline => parts.push(t.agents_offline.to_owned()),
            Availability::Unknown => {}
        }
        parts.join(", ")
    };
    let toggle = click(move || {
        crate::perf::mark(crate::perf::LAUNCHER_CLICK);
        let now_open = !open.get_untracked();
        ctx.set_open(now_open);
    });
    let badge = dyn_view(move || {
        let n = unread();
        (n > 0 && !open.get()).then(|| {
            let text = if n > 99 { "99+".to_owned() } else { n.to_string() };
            view! { <span class="lc-badge" aria-hidden="true">{text}</span> }.into_any()
        })
    });
    view! {
        <button
            type="button"
            class="lc-launcher"
            node_ref=view.launcher
            aria-label=dyn_attr(move || Some(label()))
            aria-expanded=dyn_attr(move || Some(if open.get() { "true" } else { "false" }.to_owned()))
            aria-controls="lc-window"
            on:click=toggle
            on:pointerenter=handler(move |_: web_sys::PointerEvent| chunk.prefetch())
            on:focus=handler(move |_: web_sys::FocusEvent| chunk.prefetch())
        >
            <svg class="lc-launcher-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                {dyn_view(move || Some(icon_path(open.get())))}
            </svg>
            <span
                class="lc-presence"
                class:lc-online=dyn_class(move || availability() == Availability::Online)
                class:lc-offline=dyn_class(move || availability() == Availability::Offline)
                aria-hidden="true"
            ></span>
            {badge}
        </button>
    }
}

/// The launcher's icon: a chevron while the window is open, a speech bubble
/// otherwise. One element whose attributes change, not two view types.
fn icon_path(open: bool) -> AnyView {
    let (d, fill, stroke) = if open {
        ("M6 9l6 6 6-6", "none", Some("currentColor"))
    } else {
        (
            "M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-4.2 3.6c-.5.4-1.3.1-1.3-.6V16A2.5 2.5 0 0 1 4 13.5z",
            "currentColor",
            None,
        )
    };
    let stroked = |value: &'static str| stroke.map(|_| value);
    view! {
        <path d=d fill=fill stroke=stroke stroke-width=stroked("2.2") stroke-linecap=stroked("round") stroke-linejoin=stroked("round")/>
    }
    .into_any()
}
