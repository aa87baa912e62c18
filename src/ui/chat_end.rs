//! The end of a chat: the notice, the postchat form, and a way to start again.

use leptos::html;
use leptos::prelude::*;

use crate::chat::{ChatPhase, FormSlot};

use super::context::ChatContext;
use super::dynamic::{click, dyn_view, fresh};
use super::form::{SurveyForm, SurveyKind};
use super::i18n::strings;
use super::view_state::{after_render, focus_element, focus_is_lost, ViewState};

/// The postchat form's first control (a `rating` field's Good is a button).
const FORM_FIRST: &str = "form.lc-form input, form.lc-form select, form.lc-form textarea, form.lc-form button";

/// Shown when the chat has ended (`chat_deactivated`): "The chat has ended",
/// the postchat form when there is one, and "Start a new chat", which focuses
/// the composer (the next message reactivates the chat).
#[component]
pub fn ChatEnd() -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let ended = Memo::new(move |_| ctx.slices.phase.get() == ChatPhase::Ended);
    let postchat = Memo::new(move |_| {
        ctx.slices.forms.with(|f| match &f.postchat {
            FormSlot::Ready(form) if ended.get() => Some(form.clone()),
            _ => None,
        })
    });
    let thanks = Memo::new(move |_| ctx.slices.forms.with(|f| f.postchat == FormSlot::Done));
    let ended_ref = NodeRef::<html::Div>::new();
    // When the customer ended the chat, the button they pressed is gone: focus
    // moves to the postchat form (or "Start a new chat" while there is none).
    // Focus that is somewhere else (the composer, say) stays where it is.
    Effect::new(move |_| {
        let (is_ended, has_form) = (ended.get(), postchat.with(Option::is_some));
        if !is_ended {
            return;
        }
        let _ = thanks.get();
        after_render(move || {
            let Some(block) = ended_ref.get_untracked() else { return };
            // The end of the chat is below the log: bring it into view.
            if let Some(body) = block.parent_element() {
                body.set_scroll_top(body.scroll_height());
            }
            let on_start = document().active_element().is_some_and(|el| el.class_list().contains("lc-ended-start"));
            if !(focus_is_lost() || on_start) {
                return;
            }
            let target = if has_form { FORM_FIRST } else { ".lc-ended-start" };
            if let Ok(Some(el)) = block.query_selector(target) {
                focus_element(el);
            }
        });
    });
    dyn_view(move || {
        ended.get().then(|| {
            let form = dyn_view(move || {
                postchat.get().map(|form| fresh(view! { <SurveyForm form=form kind=SurveyKind::Postchat/> }))
            });
            let thanks_note = dyn_view(move || {
                (thanks.get() && view.postchat_sent.get())
                    .then(|| view! { <p class="lc-thanks" role="status">{t.postchat_thanks}</p> }.into_any())
            });
            view! {
                <div class="lc-ended" node_ref=ended_ref>
                    <p class="lc-ended-text" role="status">{t.chat_ended}</p>
                    {form}
                    {thanks_note}
                    <button type="button" class="lc-btn lc-btn-primary lc-ended-start" on:click=click(move || view.focus_composer())>
                        {t.start_new_chat}
                    </button>
                </div>
            }
            .into_any()
        })
    })
}
