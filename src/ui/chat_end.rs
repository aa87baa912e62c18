//! The end of a chat: the notice, the postchat form, and a way to start again.

use leptos::prelude::*;

use crate::chat::{ChatPhase, FormSlot};

use super::context::ChatContext;
use super::form::{SurveyForm, SurveyKind};
use super::i18n::strings;
use super::view_state::ViewState;

/// Shown when the chat has ended (`chat_deactivated`): "The chat has ended",
/// the postchat form when there is one, and "Start a new chat", which focuses
/// the composer (the next message reactivates the chat).
#[component]
pub fn ChatEnd() -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let ended = Memo::new(move |_| ctx.with_state(|s| s.phase == ChatPhase::Ended));
    let postchat = Memo::new(move |_| {
        ctx.with_state(|s| match &s.postchat {
            FormSlot::Ready(form) if s.phase == ChatPhase::Ended => Some(form.clone()),
            _ => None,
        })
    });
    let thanks = Memo::new(move |_| ctx.with_state(|s| s.postchat == FormSlot::Done));
    move || {
        ended.get().then(|| {
            view! {
                <div class="lc-ended">
                    <p class="lc-ended-text" role="status">{t.chat_ended}</p>
                    {move || postchat.get().map(|form| view! { <SurveyForm form=form kind=SurveyKind::Postchat/> })}
                    {move || (thanks.get() && view.postchat_sent.get()).then(|| view! { <p class="lc-thanks">{t.postchat_thanks}</p> })}
                    <button type="button" class="lc-btn lc-btn-primary" on:click=move |_| view.focus_composer()>
                        {t.start_new_chat}
                    </button>
                </div>
            }
        })
    }
}
