//! Status requests (spec: "Methods > Status": `login`, `list_group_statuses`).

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::protocol::user::SessionFields;

/// `customer` of `login`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LoginCustomer {
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

/// `customer_page` of `login`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CustomerPage {
    /// Page URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// `application` of `login`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Application {
    /// Application name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Application version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Channel type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel_type: Option<String>,
}

/// `login`: authorizes the connection and returns the customer's initial state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Login {
    /// Access token, for example `Bearer dal:...`.
    pub token: String,
    /// Customer data to set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<LoginCustomer>,
    /// The page the customer is on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_page: Option<CustomerPage>,
    /// The map from the last `customer_side_storage_updated` push.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_side_storage: Option<Map<String, Value>>,
    /// Whether the widget runs on a mobile device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_mobile: Option<bool>,
    /// Group to chat with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_id: Option<u32>,
    /// The page's referrer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referrer: Option<String>,
    /// Application info.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
}

impl LoginCustomer {
    /// True when no field is set (the login then omits `customer`).
    pub fn is_empty(&self) -> bool {
        self.name.is_none()
            && self.email.is_none()
            && self.avatar.is_none()
            && self.session_fields.as_ref().is_none_or(Vec::is_empty)
    }
}

impl CustomerPage {
    /// True when no field is set (the login then omits `customer_page`).
    pub fn is_empty(&self) -> bool {
        self.url.is_none() && self.title.is_none()
    }
}

impl Login {
    /// A login with only the token.
    pub fn new(token: impl Into<String>) -> Self {
        Login { token: token.into(), ..Default::default() }
    }
}

/// `list_group_statuses`: one of `all` or `group_ids` must be set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ListGroupStatuses {
    /// Statuses of all groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<bool>,
    /// Statuses of these groups.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_ids: Option<Vec<u32>>,
}
