//! Customer pushes (spec: "Pushes > Customers").

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::protocol::lenient::string_map;
use crate::protocol::user::Customer;

/// `customer_updated`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerUpdated {
    /// The customer as now stored.
    pub customer: Customer,
}

/// `customer_page_updated`: the customer moved to another page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPageUpdated {
    /// Page URL.
    pub url: String,
    /// Page title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<u64>,
}

/// `customer_side_storage_updated`: keep this map (localStorage) and send it with `login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerSideStorageUpdated {
    /// The map to store.
    #[serde(default, deserialize_with = "string_map")]
    pub customer_side_storage: BTreeMap<String, String>,
}
