//! Customer requests (spec: "Methods > Customers").

use serde_json::Value;

use super::payload::Payload;
use crate::protocol::user::{session_fields_to_value, SessionFields};

/// `update_customer`: at least one field must be set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UpdateCustomer {
    /// Name.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Avatar URL.
    pub avatar: Option<String>,
    /// Session fields, in order.
    pub session_fields: Option<SessionFields>,
}

/// `update_customer_page`: the page the customer is on.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UpdateCustomerPage {
    /// Page URL.
    pub url: String,
    /// Page title.
    pub title: Option<String>,
}

/// `set_customer_session_fields`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SetCustomerSessionFields {
    /// Session fields, in order (max 100 keys).
    pub session_fields: SessionFields,
}

/// `get_customer`: no parameters. The spec's sample sends `session_fields` here,
/// but there is no request table and the method only reads, so we send `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GetCustomer {}

impl UpdateCustomer {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        customer_fields(&self.name, &self.email, &self.avatar, &self.session_fields)
    }
}

/// The customer's own fields as `update_customer` and `login`'s `customer` send them.
pub(super) fn customer_fields(
    name: &Option<String>,
    email: &Option<String>,
    avatar: &Option<String>,
    session_fields: &Option<SessionFields>,
) -> Value {
    Payload::new()
        .opt_str("name", name)
        .opt_str("email", email)
        .opt_str("avatar", avatar)
        .opt("session_fields", session_fields.as_deref().map(session_fields_to_value))
        .done()
}

impl UpdateCustomerPage {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().str("url", &self.url).opt_str("title", &self.title).done()
    }
}

impl SetCustomerSessionFields {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new().put("session_fields", session_fields_to_value(&self.session_fields)).done()
    }
}

impl GetCustomer {
    /// The request payload: `{}`.
    pub fn to_value(&self) -> Value {
        Payload::new().done()
    }
}
