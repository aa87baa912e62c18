//! Forms and filled forms (spec: "Filled form fields", data-structures "Form fields",
//! objects-legacy "Event > Filled form", and the `get_form` response).

use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::Value;

use super::lenient::{null_default, opt_string_or_number, scalar_to_string, string_or_number};
use super::wire_enum::wire_enum;

wire_enum! {
    /// The `type` of a form field.
    pub enum FormFieldType {
        /// A heading text, no input.
        Header => "header",
        /// The customer's name.
        Name => "name",
        /// The customer's e-mail.
        Email => "email",
        /// A one-line question.
        Question => "question",
        /// The subject (ticket forms).
        Subject => "subject",
        /// A multi-line answer.
        Textarea => "textarea",
        /// One option out of several, as radio buttons.
        Radio => "radio",
        /// One option out of several, as a drop-down.
        Select => "select",
        /// Any number of options.
        Checkbox => "checkbox",
        /// Picks the group (department) the chat goes to.
        GroupChooser => "group_chooser",
        /// Legacy: a plain text input (objects-legacy "Event > Filled form").
        Text => "text",
        /// Legacy: the chat window title, no input.
        Title => "title",
        /// Legacy: an information paragraph, no input.
        Information => "information",
    }
}

impl FormFieldType {
    /// Whether the field shows text only and takes no answer.
    pub fn is_decoration(&self) -> bool {
        matches!(self, FormFieldType::Header | FormFieldType::Title | FormFieldType::Information)
    }
}

wire_enum! {
    /// Which survey `get_form` asks for.
    pub enum FormType {
        /// Shown before the chat starts.
        Prechat => "prechat",
        /// Shown after the chat ends.
        Postchat => "postchat",
    }
}

/// One choice of a radio, select, checkbox or group_chooser field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOption {
    /// Option id; a string or a number on the wire, always a string here.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Text shown for the option.
    #[serde(default, deserialize_with = "null_default")]
    pub label: String,
    /// The group a group_chooser option routes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<u32>,
}

/// One field of an empty form (`get_form` response, `form` event).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FormField {
    /// Field id (`id`; legacy fields use `name`). Normalised to a string.
    pub id: String,
    /// Field type.
    #[serde(rename = "type")]
    pub field_type: FormFieldType,
    /// Label shown to the customer.
    pub label: String,
    /// Whether the customer must answer.
    pub required: bool,
    /// Choices for radio, select, checkbox and group_chooser.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<FormOption>,
}

impl<'de> Deserialize<'de> for FormField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // `id` and legacy `name` are separate fields here, so a field carrying both
        // is not a duplicate-field error; `id` wins.
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default, deserialize_with = "opt_string_or_number")]
            id: Option<String>,
            #[serde(default, deserialize_with = "opt_string_or_number")]
            name: Option<String>,
            #[serde(rename = "type")]
            field_type: FormFieldType,
            #[serde(default, deserialize_with = "null_default")]
            label: String,
            #[serde(default, deserialize_with = "null_default")]
            required: bool,
            #[serde(default, deserialize_with = "null_default")]
            options: Vec<FormOption>,
        }
        let r = Raw::deserialize(d)?;
        Ok(FormField {
            id: r.id.or(r.name).unwrap_or_default(),
            field_type: r.field_type,
            label: r.label,
            required: r.required,
            options: r.options,
        })
    }
}

/// An empty form (spec: `get_form` response `form`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    /// Form id.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Fields in display order.
    #[serde(default, deserialize_with = "null_default")]
    pub fields: Vec<FormField>,
}

/// The `get_form` response payload.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GetFormResponse {
    /// `false` when the survey is disabled; then `form` is absent.
    pub enabled: bool,
    /// The form, when enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form: Option<Form>,
}

impl<'de> Deserialize<'de> for GetFormResponse {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default)]
            enabled: Option<bool>,
            #[serde(default)]
            form: Option<Form>,
        }
        let raw = Raw::deserialize(d)?;
        // A missing `enabled` is read from whether a form came along.
        let enabled = raw.enabled.unwrap_or(raw.form.is_some());
        Ok(GetFormResponse { enabled, form: raw.form })
    }
}

/// A chosen option in a filled form: `{id, label}` for radio/select/checkbox,
/// `{id, group_id, label}` for group_chooser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerOption {
    /// Option id; a string or a number on decode, sent as a string.
    #[serde(deserialize_with = "string_or_number")]
    pub id: String,
    /// Option label.
    #[serde(default, deserialize_with = "null_default")]
    pub label: String,
    /// The chosen group (group_chooser only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<u32>,
}

/// The answer of one filled form field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// No answer (legacy `title`/`information` fields, or an unanswered field).
    None,
    /// `"answer": "text"` for name, email, question, subject, textarea (legacy `value`).
    Text(String),
    /// `"answer": {id, label}` for radio/select, `{id, group_id, label}` for group_chooser.
    Choice(AnswerOption),
    /// `"answers": [{id, label}, ...]` for checkbox.
    Choices(Vec<AnswerOption>),
}

/// One field of a `filled_form` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledFormField {
    /// Field id (`id`; legacy `name`).
    pub id: String,
    /// Field type.
    pub field_type: FormFieldType,
    /// Field label.
    pub label: String,
    /// The customer's answer.
    pub answer: Answer,
}

impl FilledFormField {
    /// A text answer (name, email, question, subject, textarea).
    pub fn text(
        id: impl Into<String>,
        field_type: FormFieldType,
        label: impl Into<String>,
        answer: impl Into<String>,
    ) -> Self {
        FilledFormField { id: id.into(), field_type, label: label.into(), answer: Answer::Text(answer.into()) }
    }
}

impl Serialize for FilledFormField {
    /// Always the current shape (`id`/`answer`/`answers`), also for fields decoded from legacy `name`/`value`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", &self.field_type)?;
        m.serialize_entry("id", &self.id)?;
        m.serialize_entry("label", &self.label)?;
        match &self.answer {
            Answer::None => {}
            Answer::Text(t) => m.serialize_entry("answer", t)?,
            Answer::Choice(o) => m.serialize_entry("answer", o)?,
            Answer::Choices(os) => m.serialize_entry("answers", os)?,
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for FilledFormField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default, deserialize_with = "opt_string_or_number")]
            id: Option<String>,
            #[serde(default, deserialize_with = "opt_string_or_number")]
            name: Option<String>,
            #[serde(rename = "type")]
            field_type: FormFieldType,
            #[serde(default, deserialize_with = "null_default")]
            label: String,
            #[serde(default)]
            answer: Option<Value>,
            #[serde(default)]
            answers: Option<Vec<AnswerOption>>,
            #[serde(default)]
            value: Option<Value>,
        }
        let raw = Raw::deserialize(d)?;
        let id = raw.id.or(raw.name).unwrap_or_default();
        let answer = if let Some(list) = raw.answers {
            Answer::Choices(list)
        } else {
            match raw.answer.or(raw.value) {
                None | Some(Value::Null) => Answer::None,
                Some(Value::Object(o)) => {
                    Answer::Choice(AnswerOption::deserialize(Value::Object(o)).map_err(serde::de::Error::custom)?)
                }
                Some(Value::Array(a)) => Answer::Choices(
                    Vec::<AnswerOption>::deserialize(Value::Array(a)).map_err(serde::de::Error::custom)?,
                ),
                Some(other) => Answer::Text(scalar_to_string(&other).unwrap_or_default()),
            }
        };
        Ok(FilledFormField { id, field_type: raw.field_type, label: raw.label, answer })
    }
}
