//! The prechat and postchat survey: a real `<form>` whose fields come from
//! `get_form`. Errors show next to their fields and focus moves to the first
//! invalid one; a valid form is sent as `SubmitPrechat` / `SubmitPostchat`.

use std::collections::BTreeMap;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::conversation::Intent;
use crate::protocol::btree_map::btree_map;
use crate::protocol::Form;

use super::context::ChatContext;
use super::dynamic::{click, handler};
use super::form_field::{focus_target_id, FieldView};
use super::form_model::{filled_fields, initial_value, validate_all, FieldError, FieldValue};
use super::i18n::strings;
use super::view_state::ViewState;

/// Which survey a form is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyKind {
    /// Before the chat: submitting starts it.
    Prechat,
    /// After the chat: submitting attaches the answers to the last thread; it can be skipped.
    Postchat,
    /// Nobody online: submitting leaves a ticket.
    Ticket,
    /// A `form` event in the chat: submitting answers it with a `filled_form`.
    InChat,
}

/// Values and errors of one form on screen, shared with its fields.
#[derive(Clone, Copy)]
pub struct FormState {
    /// What the customer entered, by field id.
    pub values: RwSignal<BTreeMap<String, FieldValue>>,
    /// Current errors, by field id (filled on the first submit, then kept live).
    pub errors: RwSignal<BTreeMap<String, FieldError>>,
    /// A submit was tried: fields revalidate as they change.
    pub tried: RwSignal<bool>,
}

/// A prechat or postchat form.
#[component]
pub fn SurveyForm(
    /// The form from `get_form`.
    form: Form,
    /// Prechat or postchat.
    kind: SurveyKind,
    /// The `form` event answered ([`SurveyKind::InChat`] only).
    #[prop(optional)]
    event_id: String,
    /// The ids' prefix of an in-chat form (unique per form on screen).
    #[prop(optional)]
    prefix: String,
) -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let prefix = match kind {
        SurveyKind::Prechat => "lc-pre".to_owned(),
        SurveyKind::Postchat => "lc-post".to_owned(),
        SurveyKind::Ticket => "lc-ticket".to_owned(),
        SurveyKind::InChat => prefix,
    };
    let ids = StoredValue::new((prefix.clone(), event_id));
    let values = btree_map(form.fields.iter().map(|f| (f.id.clone(), initial_value(f))));
    let state = FormState {
        values: RwSignal::new(values),
        errors: RwSignal::new(BTreeMap::new()),
        tried: RwSignal::new(false),
    };
    let stored = StoredValue::new(form.clone());
    let on_submit = handler(move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = stored.get_value();
        let errors = state.values.with_untracked(|v| validate_all(&form, v));
        state.tried.set(true);
        let first_invalid = form.fields.iter().enumerate().find(|(_, f)| errors.contains_key(&f.id));
        if let Some((index, field)) = first_invalid {
            let target = ids.with_value(|(prefix, _)| focus_target_id(prefix, index, field));
            state.errors.set(errors);
            if let Some(form) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                focus_in(&form, &target);
            }
            return;
        }
        state.errors.set(BTreeMap::new());
        let fields = state.values.with_untracked(|v| filled_fields(&form, v));
        match kind {
            SurveyKind::Prechat => ctx.send(Intent::SubmitPrechat(fields)),
            SurveyKind::Postchat => {
                view.postchat_sent.set(true);
                ctx.send(Intent::SubmitPostchat(fields));
            }
            // The form stays (with its answers) until the ticket is confirmed.
            SurveyKind::Ticket => return ctx.send(Intent::SubmitTicket(fields)),
            // The answer's card takes the form's place in the log.
            SurveyKind::InChat => {
                ctx.send(Intent::SubmitChatForm { event_id: ids.with_value(|(_, id)| id.clone()), fields })
            }
        }
        // The form gives way to the composer: the customer continues there.
        request_animation_frame(move || view.focus_composer());
    });
    let (title, submit) = match kind {
        SurveyKind::Prechat => (t.prechat_title, t.prechat_submit),
        SurveyKind::Postchat => (t.postchat_title, t.postchat_submit),
        SurveyKind::Ticket => (t.ticket_title, t.ticket_submit),
        SurveyKind::InChat => (t.chat_form_title, t.chat_form_submit),
    };
    let title_id = format!("{prefix}-title");
    let labelled_by = title_id.clone();
    let fields = form
        .fields
        .iter()
        .enumerate()
        .map(|(i, f)| view! { <FieldView field=f.clone() dom_id=format!("{prefix}-{i}") state=state/> })
        .collect_view();
    let skip = (kind == SurveyKind::Postchat).then(|| {
        view! {
            <button type="button" class="lc-btn" on:click=click(move || {
                ctx.send(Intent::SkipPostchat);
                request_animation_frame(move || view.focus_composer());
            })>{t.postchat_skip}</button>
        }
    });
    let class = if kind == SurveyKind::InChat { "lc-form lc-chat-form" } else { "lc-form" };
    view! {
        <form class=class novalidate=true aria-labelledby=labelled_by on:submit=on_submit>
            <h2 id=title_id class="lc-form-title">{title}</h2>
            {fields}
            <div class="lc-form-actions">
                <button type="submit" class="lc-btn lc-btn-primary">{submit}</button>
                {skip}
            </div>
        </form>
    }
}

/// Focuses the element with this id inside the form (the submit event's target).
fn focus_in(form: &web_sys::Element, id: &str) {
    if let Ok(Some(el)) = form.query_selector(&format!("#{id}")) {
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}
