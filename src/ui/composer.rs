//! The composer: a labelled textarea where Enter sends and Shift+Enter breaks the line.

use leptos::prelude::*;

use crate::conversation::{split_message, Intent, MAX_MESSAGE_BYTES};
use crate::perf;
use crate::session::ConnectionStatus;

use super::attach::{on_paste, AttachButton};
use super::context::ChatContext;
use super::dynamic::{dyn_flag_attr, dyn_text, handler};
use super::i18n::strings;
use super::upload_tray::UploadTray;
use super::view_state::ViewState;

/// How many messages `text` becomes (the core splits text over the 16 KB limit).
pub fn parts_needed(text: &str) -> usize {
    if text.len() <= MAX_MESSAGE_BYTES {
        1
    } else {
        split_message(text, MAX_MESSAGE_BYTES).len()
    }
}

/// The message input. Disabled only when the session stopped for good: while
/// reconnecting, messages are shown at once and wait in order to be sent.
#[component]
pub fn Composer() -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let text = RwSignal::new(String::new());
    // The host's messageDraft fills an empty composer, now or when it arrives; the
    // visitor's own text is never replaced. It goes once a message is sent.
    Effect::new(move || {
        if let Some(draft) = ctx.slices.message_draft.get() {
            if text.with_untracked(|t| t.trim().is_empty()) {
                text.set(draft);
            }
        }
    });
    // A plain read: what depends on it only sets `disabled`.
    let stopped = move || ctx.slices.status.with(|s| matches!(s, ConnectionStatus::Stopped { .. }));
    let send = move || {
        let message = text.get_untracked();
        if message.trim().is_empty() || stopped() {
            return;
        }
        text.set(String::new());
        ctx.send(Intent::SendMessage(message));
    };
    let on_keydown = handler(move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            send();
        }
    });
    let on_input = handler(move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        ctx.send(Intent::Typing(value));
    });
    let parts_note = dyn_text(move || {
        let n = text.with(|s| parts_needed(s));
        (n > 1).then(|| t.message_parts(n))
    });
    view! {
        <form class="lc-composer" on:submit=handler(move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            send();
            view.focus_composer();
        })>
            <UploadTray/>
            {ctx.can_attach().then(|| view! { <AttachButton/> })}
            <label for="lc-composer-input" class="lc-sr-only">{t.composer_label}</label>
            <textarea
                id="lc-composer-input"
                class="lc-composer-input"
                rows="1"
                node_ref=view.composer
                placeholder=t.composer_placeholder
                aria-describedby="lc-composer-hint lc-composer-parts"
                prop:value=move || text.get()
                disabled=dyn_flag_attr(stopped)
                on:input=on_input
                on:keydown=on_keydown
                on:paste=on_paste(ctx)
                on:focus=|_| perf::mark_and_measure(perf::COMPOSER_FOCUSED, "lc:open", perf::LAUNCHER_CLICK)
            ></textarea>
            <button
                type="submit"
                class="lc-send"
                aria-label=t.send
                disabled=dyn_flag_attr(move || stopped() || text.with(|s| s.trim().is_empty()))
            >
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M3.4 20.4l17.45-7.48a1 1 0 0 0 0-1.84L3.4 3.6a.99.99 0 0 0-1.39.91L2 9.12c0 .5.37.93.87.99L17 12 2.87 13.88c-.5.07-.87.5-.87 1l.01 4.61c0 .71.73 1.2 1.39.91z" fill="currentColor"/>
                </svg>
            </button>
            <p id="lc-composer-parts" class="lc-composer-parts" aria-live="polite">{parts_note}</p>
            <p id="lc-composer-hint" class="lc-sr-only">{t.composer_hint}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_needs_several_parts() {
        assert_eq!(parts_needed("hi"), 1);
        assert_eq!(parts_needed(&"a".repeat(MAX_MESSAGE_BYTES)), 1);
        assert_eq!(parts_needed(&"a".repeat(MAX_MESSAGE_BYTES + 1)), 2);
    }
}
