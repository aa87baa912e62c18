//! A `form` event inside the chat (data structures, "Form": for example
//! `ask_for_email`), rendered with the survey's fields and answered with a
//! `filled_form` through [`Intent::SubmitChatForm`]. Once its answer is in the
//! log the form gives way to the answer's card (see `LogWindow::newest`).

use std::sync::atomic::{AtomicUsize, Ordering};

use leptos::prelude::*;

use crate::protocol::{Form, FormEvent};

use super::form::{SurveyForm, SurveyKind};

/// Numbers the forms on screen so their field ids stay unique (event ids are
/// network text, not fit for a DOM id).
static NEXT: AtomicUsize = AtomicUsize::new(0);

/// The form of a `form` event, for the customer to fill in.
#[component]
pub fn ChatForm(
    /// The `form` event's id.
    event_id: String,
    /// Its body.
    form: FormEvent,
) -> impl IntoView {
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let form = Form { id: form.form_id, fields: form.fields };
    view! { <SurveyForm form=form kind=SurveyKind::InChat event_id=event_id prefix=format!("lc-cf{n}")/> }
}
