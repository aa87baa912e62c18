//! Nobody online: the ticket form ("Leave a message"), what became of it
//! (sending, sent with a confirmation, failed with the answers kept for another
//! try), and the note shown instead when the message waits in a continuous chat.
//! The confirmation takes the focus the form's Send button had.

use leptos::prelude::*;

use crate::chat::{Availability, FormSlot, TicketStatus};

use super::context::ChatContext;
use super::dynamic::{dyn_view, fresh};
use super::form::{SurveyForm, SurveyKind};
use super::i18n::strings;
use super::view_state::{after_render, focus_is_lost};

/// The ticket form to show: nobody online, a ticket form, and no chat running.
pub fn ticket_form(ctx: ChatContext) -> Memo<Option<crate::protocol::Form>> {
    Memo::new(move |_| {
        let offline = ctx.slices.availability.get() == Availability::Offline && !ctx.slices.can_send.get();
        ctx.slices.forms.with(|f| match &f.ticket {
            FormSlot::Ready(form) if offline => Some(form.clone()),
            _ => None,
        })
    })
}

/// The ticket form with its status; after it was sent, only the confirmation.
#[component]
pub fn TicketView(
    /// From [`ticket_form`].
    form: Memo<Option<crate::protocol::Form>>,
) -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let status = Memo::new(move |_| ctx.slices.forms.with(|f| f.ticket_status.clone()));
    let sent = Memo::new(move |_| matches!(status.get(), TicketStatus::Sent(_)));
    let sent_ref = NodeRef::<leptos::html::P>::new();
    Effect::new(move |_| {
        if sent.get() {
            after_render(move || {
                if let Some(el) = sent_ref.get_untracked().filter(|_| focus_is_lost()) {
                    let _ = el.focus();
                }
            });
        }
    });
    // Rebuilt only when the form itself changes, so a failure keeps what was typed.
    let body = dyn_view(move || {
        if sent.get() {
            return Some(
                view! { <p class="lc-thanks lc-ticket-sent" tabindex="-1" node_ref=sent_ref>{t.ticket_sent}</p> }
                    .into_any(),
            );
        }
        form.get().map(|form| fresh(view! { <SurveyForm form=form kind=SurveyKind::Ticket/> }))
    });
    let note = dyn_view(move || {
        let text = match status.get() {
            TicketStatus::Sending => t.ticket_sending,
            TicketStatus::Failed(_) => t.ticket_failed,
            _ => return None,
        };
        Some(view! { <p class="lc-ticket-status">{text}</p> }.into_any())
    });
    view! {
        <div class="lc-ticket">
            {body}
            <div role="status" aria-live="polite">{note}</div>
        </div>
    }
}

/// Nobody online and no ticket form: the message waits in the chat for an agent.
#[component]
pub fn ContinuousNote() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    dyn_view(move || {
        (ctx.slices.forms.with(|f| f.continuous) && !ctx.slices.can_send.get())
            .then(|| view! { <p class="lc-note lc-continuous">{t.continuous_note}</p> }.into_any())
    })
}
