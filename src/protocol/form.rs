//! Forms and filled forms (spec: "Filled form fields", data-structures "Form fields",
//! objects-legacy "Event > Filled form", and the `get_form` response).

use serde_json::Value;

use super::lenient::scalar_to_string;
use super::read::{list, obj, Obj, Read};
use super::request::payload::Payload;
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
        /// Good / bad rating of the chat (LiveChat's postchat survey), with an
        /// optional comment labelled by `comment_label`.
        Rating => "rating",
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
        /// Leave a message while nobody is online (LiveChat's clients ask for it
        /// although the spec's table lists only the two surveys).
        Ticket => "ticket",
    }
}

/// One choice of a radio, select, checkbox or group_chooser field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormOption {
    /// Option id; a string or a number on the wire, always a string here.
    pub id: String,
    /// Text shown for the option.
    pub label: String,
    /// The group a group_chooser option routes to.
    pub group_id: Option<u32>,
}

impl FormOption {
    /// Reads one of a field's `options`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(FormOption { id: o.id("id")?, label: o.text("label")?, group_id: o.opt_u32("group_id")? })
    }
}

/// A field's `id`, or legacy `name` when `id` is absent (a field carrying both is not
/// an error; `id` wins).
fn field_id(o: Obj) -> Read<String> {
    let id = o.opt_id("id")?;
    let name = o.opt_id("name")?;
    Ok(id.or(name).unwrap_or_default())
}

/// A field's required `type`.
fn field_type(o: Obj) -> Read<FormFieldType> {
    Ok(FormFieldType::parse(&o.str("type")?))
}

/// One field of an empty form (`get_form` response, `form` event).
#[derive(Debug, Clone, PartialEq)]
pub struct FormField {
    /// Field id (`id`; legacy fields use `name`). Normalised to a string.
    pub id: String,
    /// Field type.
    pub field_type: FormFieldType,
    /// Label shown to the customer.
    pub label: String,
    /// Whether the customer must answer.
    pub required: bool,
    /// Choices for radio, select, checkbox and group_chooser.
    pub options: Vec<FormOption>,
    /// The comment box's label of a `rating` field.
    pub comment_label: Option<String>,
}

impl FormField {
    /// Reads one field of an empty form.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(FormField {
            id: field_id(o)?,
            field_type: field_type(o)?,
            label: o.text("label")?,
            required: o.flag("required")?,
            options: o.list("options", FormOption::from_json)?,
            comment_label: o.opt_str("comment_label")?,
        })
    }
}

/// An empty form (spec: `get_form` response `form`).
#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    /// Form id.
    pub id: String,
    /// Fields in display order.
    pub fields: Vec<FormField>,
}

impl Form {
    /// Reads the `get_form` response's `form`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let mut fields = o.list("fields", FormField::from_json)?;
        // Ticket forms come without field ids: number them so answers stay apart.
        for (i, field) in fields.iter_mut().enumerate().filter(|(_, f)| f.id.is_empty()) {
            field.id = i.to_string();
        }
        // Ticket forms come without an id too.
        Ok(Form { id: o.opt_id("id")?.unwrap_or_default(), fields })
    }
}

/// The `get_form` response payload.
#[derive(Debug, Clone, PartialEq)]
pub struct GetFormResponse {
    /// `false` when the survey is disabled; then `form` is absent.
    pub enabled: bool,
    /// The form, when enabled.
    pub form: Option<Form>,
}

impl GetFormResponse {
    /// Reads the `get_form` response payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let form = o.opt_obj("form", Form::from_json)?;
        // A missing `enabled` is read from whether a form came along.
        let enabled = o.opt_bool("enabled")?.unwrap_or(form.is_some());
        Ok(GetFormResponse { enabled, form })
    }
}

/// A chosen option in a filled form: `{id, label}` for radio/select/checkbox,
/// `{id, group_id, label}` for group_chooser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerOption {
    /// Option id; a string or a number on decode, sent as a string.
    pub id: String,
    /// Option label.
    pub label: String,
    /// The chosen group (group_chooser only).
    pub group_id: Option<u32>,
}

impl AnswerOption {
    /// Reads a chosen option.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(AnswerOption { id: o.id("id")?, label: o.text("label")?, group_id: o.opt_u32("group_id")? })
    }

    /// The request shape: `{id, label}`, with `group_id` for group_chooser.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("id", &self.id)
            .str("label", &self.label)
            .opt("group_id", self.group_id.map(Value::from))
            .done()
    }
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

impl FilledFormField {
    /// Reads one field of a `filled_form` event, current (`id`, `answer`, `answers`)
    /// or legacy (`name`, `value`).
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        let answers = o.opt("answers").map(|a| list(a, AnswerOption::from_json)).transpose()?;
        let answer = match answers {
            Some(list) => Answer::Choices(list),
            None => match o.opt("answer").or_else(|| o.opt("value")) {
                None => Answer::None,
                Some(v @ Value::Object(_)) => Answer::Choice(AnswerOption::from_json(v)?),
                Some(v @ Value::Array(_)) => Answer::Choices(list(v, AnswerOption::from_json)?),
                Some(other) => Answer::Text(scalar_to_string(other).unwrap_or_default()),
            },
        };
        Ok(FilledFormField { id: field_id(o)?, field_type: field_type(o)?, label: o.text("label")?, answer })
    }

    /// The request shape (spec "Filled form fields": `answer` text or option,
    /// `answers` for checkbox); always the current shape, also for fields read from
    /// legacy `name`/`value`.
    pub fn to_value(&self) -> Value {
        let mut p = Payload::new();
        p.str("type", self.field_type.as_str()).str("id", &self.id).str("label", &self.label);
        match &self.answer {
            Answer::None => {}
            Answer::Text(t) => {
                p.str("answer", t);
            }
            Answer::Choice(o) => {
                p.put("answer", o.to_value());
            }
            Answer::Choices(os) => {
                p.put("answers", Value::Array(os.iter().map(AnswerOption::to_value).collect()));
            }
        }
        p.done()
    }
}
