//! Customer requests (spec: "Methods > Customers").

use serde::{Deserialize, Serialize};

use crate::protocol::user::SessionFields;

/// `update_customer`: at least one field must be set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UpdateCustomer {
    /// Name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Avatar URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// Session fields, in order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session_fields: Option<SessionFields>,
}

/// `update_customer_page`: the page the customer is on.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UpdateCustomerPage {
    /// Page URL.
    pub url: String,
    /// Page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `set_customer_session_fields`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct SetCustomerSessionFields {
    /// Session fields, in order (max 100 keys).
    pub session_fields: SessionFields,
}

/// `get_customer`: no parameters. The spec's sample sends `session_fields` here,
/// but there is no request table and the method only reads, so we send `{}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GetCustomer {}
