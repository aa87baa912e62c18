//! Customer pushes (spec: "Pushes > Customers").

use std::collections::BTreeMap;

use serde_json::Value;

use crate::protocol::lenient::string_map_from;
use crate::protocol::read::{obj, Read};
use crate::protocol::user::Customer;

/// `customer_updated`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerUpdated {
    /// The customer as now stored.
    pub customer: Customer,
}

/// `customer_page_updated`: the customer moved to another page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerPageUpdated {
    /// Page URL.
    pub url: String,
    /// Page title.
    pub title: Option<String>,
    /// Unix seconds.
    pub timestamp: Option<u64>,
}

/// `customer_side_storage_updated`: keep this map (localStorage) and send it with `login`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerSideStorageUpdated {
    /// The map to store.
    pub customer_side_storage: BTreeMap<String, String>,
}

impl CustomerUpdated {
    /// Reads the `customer_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        Ok(CustomerUpdated { customer: Customer::from_json(obj(v)?.req("customer")?)? })
    }
}

impl CustomerPageUpdated {
    /// Reads the `customer_page_updated` payload.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(CustomerPageUpdated { url: o.str("url")?, title: o.opt_str("title")?, timestamp: o.opt_u64("timestamp")? })
    }
}

impl CustomerSideStorageUpdated {
    /// Reads the `customer_side_storage_updated` payload (a bad map is empty).
    pub fn from_json(v: &Value) -> Read<Self> {
        let storage = obj(v)?.get("customer_side_storage");
        Ok(CustomerSideStorageUpdated { customer_side_storage: storage.map(string_map_from).unwrap_or_default() })
    }
}
