//! Rating the chat: "Good" / "Bad" toggle buttons (`aria-pressed`), an optional
//! comment once a score is chosen, and "Remove rating". The same control shows
//! during the chat, when it ends, and for a postchat survey's `rating` field.
//! The rating shown is the core's (the change under way, else the server's).
//! "Remove rating" goes with the comment box it sits in: focus moves to "Good".

use leptos::prelude::*;

use crate::chat::{ChatPhase, RatingError, Score};
use crate::conversation::Intent;

use super::context::ChatContext;
use super::dynamic::{click, dyn_attr, dyn_view, handler};
use super::i18n::strings;

/// The rating control; `question` and `comment_label` replace the default texts
/// (a postchat `rating` field's `label` and `comment_label`; empty ones are ignored).
#[component]
pub fn RatingControl(
    /// The question above the buttons.
    #[prop(optional)]
    question: Option<String>,
    /// The comment box's label.
    #[prop(optional)]
    comment_label: Option<String>,
    /// Distinguishes the DOM ids of two controls on screen.
    #[prop(default = "lc-rate")]
    id: &'static str,
) -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let question = question.filter(|q| !q.trim().is_empty()).unwrap_or_else(|| t.rate_question.to_owned());
    let comment_label =
        comment_label.filter(|l| !l.trim().is_empty()).unwrap_or_else(|| t.rate_comment_label.to_owned());
    let shown = Memo::new(move |_| ctx.slices.rating.with(|r| r.shown().cloned()));
    let score = Memo::new(move |_| shown.with(|r| r.as_ref().map(|r| r.score)));
    let comment = RwSignal::new(String::new());
    // The comment box starts from the server's comment whenever it changes.
    Effect::new(move |_| comment.set(shown.with(|r| r.as_ref().and_then(|r| r.comment.clone()).unwrap_or_default())));
    let rate = move |s: Score| {
        let text = comment.get_untracked();
        ctx.send(Intent::Rate { score: s, comment: Some(text) });
    };
    let pressed = move |s: Score| dyn_attr(move || Some((score.get() == Some(s)).to_string()));
    let question_id = format!("{id}-q");
    let labelled_by = question_id.clone();
    let comment_id = format!("{id}-comment");
    let good_ref = NodeRef::<leptos::html::Button>::new();
    let remove = move || {
        if let Some(el) = good_ref.get_untracked() {
            let _ = el.focus();
        }
        ctx.send(Intent::RemoveRating);
    };
    let comment_box = dyn_view(move || {
        score.get().map(|s| {
            let comment_id = comment_id.clone();
            view! {
                <div class="lc-rate-comment">
                    <label for=comment_id.clone()>{comment_label.clone()}</label>
                    <textarea id=comment_id rows="2" maxlength="1000"
                        prop:value=move || comment.get()
                        on:input:target=move |ev| comment.set(ev.target().value())></textarea>
                    <div class="lc-form-actions">
                        <button type="button" class="lc-btn" on:click=click(move || rate(s))>{t.rate_send_comment}</button>
                        <button type="button" class="lc-btn" on:click=click(remove)>
                            {t.rate_remove}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        })
    });
    let status = dyn_view(move || {
        let (error, done) = ctx.slices.rating.with(|r| (r.error.clone(), r.pending.is_none() && r.confirmed.is_some()));
        let text = match error {
            Some(RatingError::Failed(_) | RatingError::NoThread) => t.rate_failed,
            None if done => t.rate_thanks,
            None => return None,
        };
        Some(view! { <p class="lc-rate-status">{text}</p> }.into_any())
    });
    let on_good = handler(move |_: leptos::ev::MouseEvent| rate(Score::Good));
    let on_bad = handler(move |_: leptos::ev::MouseEvent| rate(Score::Bad));
    view! {
        <div class="lc-rate" role="group" aria-labelledby=labelled_by>
            <p id=question_id class="lc-rate-question">{question}</p>
            <div class="lc-rate-buttons">
                <button type="button" class="lc-btn lc-rate-good" aria-pressed=pressed(Score::Good) node_ref=good_ref
                    on:click=on_good>
                    <span aria-hidden="true">"\u{1F44D} "</span>{t.rate_good}
                </button>
                <button type="button" class="lc-btn lc-rate-bad" aria-pressed=pressed(Score::Bad) on:click=on_bad>
                    <span aria-hidden="true">"\u{1F44E} "</span>{t.rate_bad}
                </button>
            </div>
            {comment_box}
            <div role="status" aria-live="polite">{status}</div>
        </div>
    }
}

/// The rating during the chat and after it ends (the chat window's own control;
/// a postchat form with a `rating` field shows that one instead).
#[component]
pub fn ChatRating() -> impl IntoView {
    let ctx = ChatContext::expect();
    let visible = Memo::new(move |_| {
        let phase = ctx.slices.phase.get();
        let postchat_rates = ctx.slices.forms.with(|f| match &f.postchat {
            crate::chat::FormSlot::Ready(form) => {
                form.fields.iter().any(|x| x.field_type == crate::protocol::FormFieldType::Rating)
            }
            _ => false,
        });
        match phase {
            ChatPhase::Active => ctx.slices.agent.with(Option::is_some),
            ChatPhase::Ended => !postchat_rates,
            _ => false,
        }
    });
    dyn_view(move || visible.get().then(|| view! { <RatingControl/> }.into_any()))
}
