//! What the driver tells the session engine once, at creation.

use serde_json::{Map, Value};

use super::timers::Timings;
use crate::protocol::request::{Application, CustomerPage, LoginCustomer};

/// An access token from the identity provider (spec: "Customer authorization flow").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The token type, for example `"Bearer"`.
    pub token_type: String,
    /// The access token itself, for example `"dal:test_1fgTbfXmgthj4cZSA"`.
    pub access_token: String,
    /// When the token expires (ms since the epoch, same clock as `now_ms`), if known.
    pub expires_at_ms: Option<u64>,
}

impl Token {
    /// The `token` field of the login request: `"<token_type> <access_token>"`.
    pub fn login_value(&self) -> String {
        if self.token_type.is_empty() {
            self.access_token.clone()
        } else {
            format!("{} {}", self.token_type, self.access_token)
        }
    }

    /// True when the token is still usable at `now_ms`, keeping `margin_ms` in hand.
    pub fn is_fresh_at(&self, now_ms: u64, margin_ms: u64) -> bool {
        self.expires_at_ms.is_none_or(|at| now_ms.saturating_add(margin_ms) < at)
    }
}

/// Configuration of one [`Session`](super::Session).
#[derive(Debug, Clone, PartialEq)]
pub struct SessionConfig {
    /// The LiveChat license (account) ID, sent as `license_id` in the connect URL.
    pub license_id: u64,
    /// `group_id` of the login request.
    pub group_id: Option<u64>,
    /// A region remembered from an earlier `misdirected_connection` (`"fra"`, `"dal"`);
    /// `None` means the default data center, `dal`.
    pub region: Option<String>,
    /// URL scheme: `"wss"`, or `"ws"` for a local server.
    pub scheme: String,
    /// Host the region prefix is put in front of: `"livechatinc.com"`, or for
    /// example `"localhost:8080"` (giving `api-fra.localhost:8080`).
    pub base_host: String,
    /// `customer` of the login request.
    pub customer: LoginCustomer,
    /// `customer_page` of the login request.
    pub customer_page: CustomerPage,
    /// `is_mobile` of the login request.
    pub is_mobile: Option<bool>,
    /// `referrer` of the login request.
    pub referrer: Option<String>,
    /// `application` of the login request.
    pub application: Option<Application>,
    /// The `customer_side_storage` map the driver loaded from local storage.
    pub customer_side_storage: Map<String, Value>,
    /// Storage key for `customer_side_storage` ([`Output::Store`](super::Output::Store)).
    pub storage_key: String,
    /// Storage key for the remembered region.
    pub region_key: String,
    /// A token the driver already holds, if any.
    pub token: Option<Token>,
    /// Seed of the jitter generator; give each page load a different one.
    pub seed: u64,
    /// Protocol timings (login deadline, ping cadence, timeouts, backoff).
    pub timings: Timings,
}

impl SessionConfig {
    /// A configuration with the production endpoint, the spec's timings and
    /// storage keys namespaced by license and group.
    pub fn new(license_id: u64, group_id: Option<u64>) -> Self {
        let ns = format!("livechat:{license_id}:{}", group_id.unwrap_or(0));
        SessionConfig {
            license_id,
            group_id,
            region: None,
            scheme: "wss".into(),
            base_host: "livechatinc.com".into(),
            customer: LoginCustomer::default(),
            customer_page: CustomerPage::default(),
            is_mobile: None,
            referrer: None,
            application: None,
            customer_side_storage: Map::new(),
            storage_key: format!("{ns}:customer_side_storage"),
            region_key: format!("{ns}:region"),
            token: None,
            seed: 0x5EED,
            timings: Timings::default(),
        }
    }
}
