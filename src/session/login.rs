//! The `login` request payload (spec: "Methods > Status > Login > Request").
//!
//! The only request the session engine builds itself: it must be sent within
//! 30 s of the socket opening (spec: "Access > Authorization"), before anything
//! else. Every optional field is omitted when unset, as in the spec's table.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

/// `customer`: what the widget knows about the customer (all optional).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LoginCustomer {
    /// `customer.name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `customer.email`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `customer.avatar`: the URL of the customer's avatar.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar: Option<String>,
    /// `customer.session_fields`: object-enclosed `key: value` pairs, order kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub session_fields: Vec<BTreeMap<String, String>>,
}

impl LoginCustomer {
    /// True when no field is set, so `customer` is left out of the request.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.email.is_none() && self.avatar.is_none() && self.session_fields.is_empty()
    }
}

/// `customer_page`: the page the customer is on.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CustomerPage {
    /// `customer_page.url`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `customer_page.title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

impl CustomerPage {
    /// True when neither field is set, so `customer_page` is left out.
    pub fn is_empty(&self) -> bool {
        self.url.is_none() && self.title.is_none()
    }
}

/// `application`: which client is logging in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Application {
    /// `application.name`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `application.version`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// `application.channel_type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel_type: Option<String>,
}

/// The payload of the `login` request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LoginRequest {
    /// `token`: `"<token_type> <access_token>"`, for example `"Bearer dal:abc"`.
    pub token: String,
    /// `customer`, omitted when empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<LoginCustomer>,
    /// `customer_page`, omitted when empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer_page: Option<CustomerPage>,
    /// `customer_side_storage`: the map from the last `customer_side_storage_updated`
    /// push, omitted when empty.
    #[serde(skip_serializing_if = "Map::is_empty")]
    pub customer_side_storage: Map<String, Value>,
    /// `is_mobile`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_mobile: Option<bool>,
    /// `group_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_id: Option<u64>,
    /// `referrer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub referrer: Option<String>,
    /// `application`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<Application>,
}
