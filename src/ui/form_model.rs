//! The logic of the prechat and postchat forms, apart from the DOM: what each
//! field holds, how it is validated, and the `filled_form` answers it becomes
//! (spec: "Filled form fields": `answer` text for text fields, `answer`
//! `{id, label}` for radio and select, `{id, group_id, label}` for
//! group_chooser, `answers` for checkbox).

use std::collections::BTreeMap;

use crate::protocol::btree_map::btree_map;
use crate::protocol::{Answer, AnswerOption, FilledFormField, Form, FormField, FormFieldType, FormOption};

/// What the customer entered in one field.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum FieldValue {
    /// Text fields: name, email, question, subject, textarea (and unknown types).
    Text(String),
    /// Radio, select, group_chooser: the chosen option's id.
    One(Option<String>),
    /// Checkbox: the ids of the checked options, in the form's order.
    Many(Vec<String>),
    /// Header, title, information: nothing to answer.
    #[default]
    Nothing,
}

/// How a field is shown and answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// Text only, no control.
    Decoration,
    /// One-line text input of this HTML type (`text` or `email`).
    Line(&'static str),
    /// A `<textarea>`.
    Multiline,
    /// Radio buttons.
    Radio,
    /// A drop-down.
    Select,
    /// Check boxes.
    Checkbox,
}

/// The kind of control for a field type. A group_chooser is a drop-down when
/// it has many options, radio buttons otherwise.
pub fn field_kind(field: &FormField) -> FieldKind {
    match field.field_type {
        // A rating field holds no answer of the form: the rating is the thread's.
        FormFieldType::Header | FormFieldType::Title | FormFieldType::Information | FormFieldType::Rating => {
            FieldKind::Decoration
        }
        FormFieldType::Email => FieldKind::Line("email"),
        FormFieldType::Textarea => FieldKind::Multiline,
        FormFieldType::Radio => FieldKind::Radio,
        FormFieldType::Select => FieldKind::Select,
        FormFieldType::Checkbox => FieldKind::Checkbox,
        FormFieldType::GroupChooser if field.options.len() > 4 => FieldKind::Select,
        FormFieldType::GroupChooser => FieldKind::Radio,
        _ => FieldKind::Line("text"),
    }
}

/// The empty value of a field.
pub fn initial_value(field: &FormField) -> FieldValue {
    match field_kind(field) {
        FieldKind::Decoration => FieldValue::Nothing,
        FieldKind::Line(_) | FieldKind::Multiline => FieldValue::Text(String::new()),
        FieldKind::Radio | FieldKind::Select => FieldValue::One(None),
        FieldKind::Checkbox => FieldValue::Many(Vec::new()),
    }
}

/// Why a field's value is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    /// A required field is empty.
    Required,
    /// The e-mail address is malformed.
    InvalidEmail,
}

/// Checks one field's value.
pub fn validate(field: &FormField, value: &FieldValue) -> Option<FieldError> {
    let empty = match value {
        FieldValue::Text(t) => t.trim().is_empty(),
        FieldValue::One(choice) => choice.as_deref().and_then(|id| option(field, id)).is_none(),
        FieldValue::Many(ids) => !ids.iter().any(|id| option(field, id).is_some()),
        FieldValue::Nothing => false,
    };
    if empty {
        return field.required.then_some(FieldError::Required);
    }
    match (&field.field_type, value) {
        (FormFieldType::Email, FieldValue::Text(t)) if !is_valid_email(t.trim()) => Some(FieldError::InvalidEmail),
        _ => None,
    }
}

/// A pragmatic e-mail check: one `@`, something before it, a dotted domain after it, no spaces.
pub fn is_valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    !local.is_empty()
        && !domain.contains('@')
        && !s.chars().any(char::is_whitespace)
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty())
}

/// The errors of a whole form, by field id (only fields with an error).
pub fn validate_all(form: &Form, values: &BTreeMap<String, FieldValue>) -> BTreeMap<String, FieldError> {
    btree_map(form.fields.iter().filter_map(|f| {
        let value = values.get(&f.id).cloned().unwrap_or_else(|| initial_value(f));
        validate(f, &value).map(|e| (f.id.clone(), e))
    }))
}

/// The `filled_form` fields for the answers given. Decorations and unanswered
/// optional fields are left out (the spec's `answer` is required on every field sent).
pub fn filled_fields(form: &Form, values: &BTreeMap<String, FieldValue>) -> Vec<FilledFormField> {
    form.fields
        .iter()
        .filter_map(|f| {
            let answer = match values.get(&f.id)? {
                FieldValue::Text(t) if !t.trim().is_empty() => Answer::Text(t.trim().to_owned()),
                FieldValue::One(Some(id)) => Answer::Choice(answer_option(f, option(f, id)?)),
                FieldValue::Many(ids) => {
                    // In the form's order, whatever order they were checked in.
                    let chosen: Vec<AnswerOption> =
                        f.options.iter().filter(|o| ids.contains(&o.id)).map(|o| answer_option(f, o)).collect();
                    if chosen.is_empty() {
                        return None;
                    }
                    Answer::Choices(chosen)
                }
                _ => return None,
            };
            Some(FilledFormField { id: f.id.clone(), field_type: f.field_type.clone(), label: f.label.clone(), answer })
        })
        .collect()
}

fn option<'a>(field: &'a FormField, id: &str) -> Option<&'a FormOption> {
    field.options.iter().find(|o| o.id == id)
}

fn answer_option(field: &FormField, o: &FormOption) -> AnswerOption {
    let group_id = if field.field_type == FormFieldType::GroupChooser { o.group_id } else { None };
    AnswerOption { id: o.id.clone(), label: o.label.clone(), group_id }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(id: &str, field_type: FormFieldType, required: bool, options: &[(&str, &str, Option<u32>)]) -> FormField {
        FormField {
            id: id.into(),
            field_type,
            label: format!("{id}?"),
            required,
            options: options
                .iter()
                .map(|(id, label, g)| FormOption { id: (*id).into(), label: (*label).into(), group_id: *g })
                .collect(),
            comment_label: None,
        }
    }

    #[test]
    fn emails_are_checked_pragmatically() {
        assert!(is_valid_email("a@b.co"));
        assert!(is_valid_email("first.last+tag@sub.example.com"));
        for bad in ["", "a", "a@", "@b.co", "a@b", "a@b.", "a b@c.d", "a@b@c.d", "a@.b"] {
            assert!(!is_valid_email(bad), "{bad}");
        }
    }

    #[test]
    fn required_fields_and_emails_are_validated() {
        let name = field("n", FormFieldType::Name, true, &[]);
        assert_eq!(validate(&name, &FieldValue::Text("  ".into())), Some(FieldError::Required));
        assert_eq!(validate(&name, &FieldValue::Text("Ann".into())), None);
        let email = field("e", FormFieldType::Email, false, &[]);
        assert_eq!(validate(&email, &FieldValue::Text(String::new())), None);
        assert_eq!(validate(&email, &FieldValue::Text("nope".into())), Some(FieldError::InvalidEmail));
        let radio = field("r", FormFieldType::Radio, true, &[("0", "A", None)]);
        assert_eq!(validate(&radio, &FieldValue::One(Some("9".into()))), Some(FieldError::Required));
        let header = field("h", FormFieldType::Header, true, &[]);
        assert_eq!(validate(&header, &FieldValue::Nothing), None);
    }

    #[test]
    fn answers_have_the_documented_shapes() {
        let form = Form {
            id: "F".into(),
            fields: vec![
                field("h", FormFieldType::Header, false, &[]),
                field("n", FormFieldType::Name, false, &[]),
                field("q", FormFieldType::Question, false, &[]),
                field("r", FormFieldType::Radio, false, &[("0", "A", None), ("1", "B", None)]),
                field("c", FormFieldType::Checkbox, false, &[("0", "X", None), ("1", "Y", None), ("2", "Z", None)]),
                field("g", FormFieldType::GroupChooser, false, &[("0", "Sales", Some(2))]),
            ],
        };
        let values = BTreeMap::from([
            ("n".to_owned(), FieldValue::Text(" Ann ".into())),
            ("q".to_owned(), FieldValue::Text(String::new())),
            ("r".to_owned(), FieldValue::One(Some("1".into()))),
            ("c".to_owned(), FieldValue::Many(vec!["2".into(), "0".into()])),
            ("g".to_owned(), FieldValue::One(Some("0".into()))),
        ]);
        let filled = filled_fields(&form, &values);
        let answers: Vec<(&str, &Answer)> = filled.iter().map(|f| (f.id.as_str(), &f.answer)).collect();
        let opt =
            |id: &str, label: &str, g: Option<u32>| AnswerOption { id: id.into(), label: label.into(), group_id: g };
        assert_eq!(
            answers,
            [
                ("n", &Answer::Text("Ann".into())),
                ("r", &Answer::Choice(opt("1", "B", None))),
                ("c", &Answer::Choices(vec![opt("0", "X", None), opt("2", "Z", None)])),
                ("g", &Answer::Choice(opt("0", "Sales", Some(2)))),
            ]
        );
    }
}
