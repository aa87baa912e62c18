//! One field of a survey form as a real labelled control: text inputs, a
//! textarea, radio buttons, a drop-down or check boxes; headers and
//! information as text. Errors are tied to the control with
//! `aria-describedby` and `aria-invalid`.

use leptos::either::EitherOf4;
use leptos::prelude::*;

use crate::protocol::{FormField, FormFieldType};

use super::dynamic::{dyn_attr, dyn_class, dyn_text, dyn_view, fresh, handler};
use super::form::FormState;
use super::form_model::{field_kind, validate, FieldError, FieldKind, FieldValue};
use super::i18n::{strings, Strings};
use super::rating::RatingControl;

/// The id of the element that takes focus for a field: the control, or the
/// first option of a group.
pub fn focus_target_id(prefix: &str, index: usize, field: &FormField) -> String {
    match field_kind(field) {
        FieldKind::Radio | FieldKind::Checkbox => format!("{prefix}-{index}-o0"),
        _ => format!("{prefix}-{index}"),
    }
}

fn error_text(t: &Strings, e: FieldError) -> &'static str {
    match e {
        FieldError::Required => t.field_required,
        FieldError::InvalidEmail => t.email_invalid,
    }
}

fn autocomplete(field: &FormField) -> &'static str {
    match field.field_type {
        FormFieldType::Name => "name",
        FormFieldType::Email => "email",
        _ => "off",
    }
}

/// One field of a [`super::form::SurveyForm`].
#[component]
pub fn FieldView(
    /// The field.
    field: FormField,
    /// The DOM id of its control (options get `{dom_id}-o{n}`).
    dom_id: String,
    /// The form's values and errors.
    state: FormState,
) -> impl IntoView {
    let t = strings();
    let kind = field_kind(&field);
    let label = field.label.clone();
    if field.field_type == FormFieldType::Rating {
        // The same control as the window's: the rating goes to the thread at once.
        let comment_label = field.comment_label.clone();
        return view! { <RatingControl question=label comment_label=comment_label.unwrap_or_default() id="lc-form-rate"/> }
            .into_any();
    }
    if kind == FieldKind::Decoration {
        return match field.field_type {
            FormFieldType::Information => view! { <p class="lc-form-info">{label}</p> }.into_any(),
            _ => view! { <h3 class="lc-form-header">{label}</h3> }.into_any(),
        };
    }
    let stored = StoredValue::new(field.clone());
    // A plain read: what depends on it only sets attributes and text.
    let error = move || state.errors.with(|e| stored.with_value(|f| e.get(&f.id).copied()));
    let err_id = format!("{dom_id}-error");
    let described = {
        let err_id = err_id.clone();
        move || {
            let err_id = err_id.clone();
            dyn_attr(move || error().map(|_| err_id.clone()))
        }
    };
    let invalid = move || dyn_attr(move || Some(if error().is_some() { "true" } else { "false" }.to_owned()));
    // Stores a value and, after a first submit, revalidates the field at once.
    let set = move |value: FieldValue| {
        let field = stored.get_value();
        if state.tried.get_untracked() {
            let e = validate(&field, &value);
            state.errors.update(|errors| match e {
                Some(e) => drop(errors.insert(field.id.clone(), e)),
                None => drop(errors.remove(&field.id)),
            });
        }
        state.values.update(|v| drop(v.insert(field.id.clone(), value)));
    };
    let required = field.required;
    let marker = dyn_view(move || {
        required.then(|| {
            view! {
                <span class="lc-required" aria-hidden="true">" *"</span>
                <span class="lc-sr-only">" " {t.required}</span>
            }
            .into_any()
        })
    });
    let error_view = view! {
        <p id=err_id class="lc-field-error">{dyn_text(move || error().map(|e| error_text(t, e).to_owned()))}</p>
    };
    let control = match kind {
        FieldKind::Line(input_type) => EitherOf4::A(view! {
            <label class="lc-label" for=dom_id.clone()>{label}{marker}</label>
            <input
                id=dom_id
                class="lc-input"
                type=input_type
                autocomplete=autocomplete(&field)
                aria-invalid=invalid()
                aria-describedby=described()
                on:input=handler(move |ev: leptos::ev::Event| set(FieldValue::Text(event_target_value(&ev))))
            />
        }),
        FieldKind::Multiline => EitherOf4::B(view! {
            <label class="lc-label" for=dom_id.clone()>{label}{marker}</label>
            <textarea
                id=dom_id
                class="lc-input lc-textarea"
                rows="3"
                aria-invalid=invalid()
                aria-describedby=described()
                on:input=handler(move |ev: leptos::ev::Event| set(FieldValue::Text(event_target_value(&ev))))
            ></textarea>
        }),
        FieldKind::Select => {
            let options = field
                .options
                .iter()
                .map(|o| view! { <option value=o.id.clone()>{o.label.clone()}</option> })
                .collect_view();
            EitherOf4::C(view! {
                <label class="lc-label" for=dom_id.clone()>{label}{marker}</label>
                <select
                    id=dom_id
                    class="lc-input lc-select"
                    aria-invalid=invalid()
                    aria-describedby=described()
                    on:change=handler(move |ev: leptos::ev::Event| {
                        let v = event_target_value(&ev);
                        set(FieldValue::One((!v.is_empty()).then_some(v)));
                    })
                >
                    <option value="">{t.choose_option}</option>
                    {options}
                </select>
            })
        }
        // Radio buttons or check boxes (decorations returned above).
        _ => {
            let checkbox = kind == FieldKind::Checkbox;
            let input_type = if checkbox { "checkbox" } else { "radio" };
            let options = field
                .options
                .iter()
                .enumerate()
                .map(|(j, o)| {
                    let id = format!("{dom_id}-o{j}");
                    let option_id = o.id.clone();
                    let on_change = move |ev: leptos::ev::Event| {
                        let checked = event_target_checked(&ev);
                        let mut value =
                            state.values.with_untracked(|v| v.get(&stored.with_value(|f| f.id.clone())).cloned());
                        let value = match (&mut value, checkbox) {
                            (Some(FieldValue::Many(ids)), true) => {
                                ids.retain(|i| *i != option_id);
                                if checked {
                                    ids.push(option_id.clone());
                                }
                                FieldValue::Many(std::mem::take(ids))
                            }
                            (_, true) => FieldValue::Many(if checked { vec![option_id.clone()] } else { vec![] }),
                            (_, false) => FieldValue::One(Some(option_id.clone())),
                        };
                        set(value);
                    };
                    view! {
                        <div class="lc-option">
                            <input
                                id=id.clone()
                                type=input_type
                                name=dom_id.clone()
                                value=o.id.clone()
                                aria-invalid=invalid()
                                aria-describedby=described()
                                on:change=handler(on_change)
                            />
                            <label for=id>{o.label.clone()}</label>
                        </div>
                    }
                })
                .collect_view();
            EitherOf4::D(view! {
                <fieldset class="lc-fieldset">
                    <legend class="lc-label">{label}{marker}</legend>
                    {options}
                </fieldset>
            })
        }
    };
    // Fields are only ever built: their form is replaced, never patched (see `Fresh`).
    fresh(view! {
        <div class="lc-field" class:lc-field-invalid=dyn_class(move || error().is_some())>
            {control}
            {error_view}
        </div>
    })
}
