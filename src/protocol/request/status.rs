//! Status requests (spec: "Methods > Status": `login`, `list_group_statuses`).

use serde_json::{Map, Value};

use super::customers::customer_fields;
use super::payload::Payload;
use crate::protocol::user::SessionFields;

/// `customer` of `login`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoginCustomer {
    /// Name.
    pub name: Option<String>,
    /// E-mail.
    pub email: Option<String>,
    /// Avatar URL.
    pub avatar: Option<String>,
    /// Session fields, in order.
    pub session_fields: Option<SessionFields>,
}

/// `customer_page` of `login`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CustomerPage {
    /// Page URL.
    pub url: Option<String>,
    /// Page title.
    pub title: Option<String>,
}

/// `application` of `login`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Application {
    /// Application name.
    pub name: Option<String>,
    /// Application version.
    pub version: Option<String>,
    /// Channel type.
    pub channel_type: Option<String>,
}

/// `login`: authorizes the connection and returns the customer's initial state.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Login {
    /// Access token, for example `Bearer dal:...`.
    pub token: String,
    /// Customer data to set.
    pub customer: Option<LoginCustomer>,
    /// The page the customer is on.
    pub customer_page: Option<CustomerPage>,
    /// The map from the last `customer_side_storage_updated` push.
    pub customer_side_storage: Option<Map<String, Value>>,
    /// Whether the widget runs on a mobile device.
    pub is_mobile: Option<bool>,
    /// Group to chat with.
    pub group_id: Option<u32>,
    /// The page's referrer.
    pub referrer: Option<String>,
    /// Application info.
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListGroupStatuses {
    /// Statuses of all groups.
    pub all: Option<bool>,
    /// Statuses of these groups.
    pub group_ids: Option<Vec<u32>>,
}

impl Login {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        let customer = self.customer.as_ref().map(|c| customer_fields(&c.name, &c.email, &c.avatar, &c.session_fields));
        let page = self
            .customer_page
            .as_ref()
            .map(|p| Payload::new().opt_str("url", &p.url).opt_str("title", &p.title).done());
        let application = self.application.as_ref().map(|a| {
            Payload::new()
                .opt_str("name", &a.name)
                .opt_str("version", &a.version)
                .opt_str("channel_type", &a.channel_type)
                .done()
        });
        Payload::new()
            .str("token", &self.token)
            .opt("customer", customer)
            .opt("customer_page", page)
            .opt("customer_side_storage", self.customer_side_storage.clone().map(Value::Object))
            .opt("is_mobile", self.is_mobile.map(Value::from))
            .opt("group_id", self.group_id.map(Value::from))
            .opt_str("referrer", &self.referrer)
            .opt("application", application)
            .done()
    }
}

impl ListGroupStatuses {
    /// The request payload.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .opt("all", self.all.map(Value::from))
            .opt("group_ids", self.group_ids.as_deref().map(Value::from))
            .done()
    }
}
