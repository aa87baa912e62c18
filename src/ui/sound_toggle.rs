//! The header's reply-sound toggle (`aria-pressed`); off until the visitor turns
//! it on, remembered by the core's storage.

use leptos::prelude::*;

use crate::conversation::Intent;

use super::context::ChatContext;
use super::dynamic::{click, dyn_attr};
use super::i18n::strings;

/// Turns the short reply sound on or off.
#[component]
pub fn SoundToggle() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let on = ctx.slices.sound_on;
    let label = dyn_attr(move || Some(if on.get() { t.sound_off } else { t.sound_on }.to_owned()));
    let pressed = dyn_attr(move || Some(on.get().to_string()));
    view! {
        <button type="button" class="lc-header-btn lc-icon-btn lc-sound" aria-label=label aria-pressed=pressed
            on:click=click(move || ctx.send(Intent::SetSound(!on.get_untracked())))>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor"/>
                <path class="lc-sound-waves" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12" stroke="currentColor"
                    stroke-width="2" fill="none" stroke-linecap="round"/>
            </svg>
        </button>
    }
}
