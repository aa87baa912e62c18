//! The widget's configuration, as the iframe page receives it in its URL query
//! (`?license=12345678&group=0&region=fra&...`). Pure parsing, no IO, so a
//! wrong config is a clear error in a native test rather than a broken widget.

use std::fmt;

use crate::session::is_valid_region;

/// Production RTM host (the region prefix `api`/`api-fra` goes in front).
pub const DEFAULT_API_HOST: &str = "livechatinc.com";
/// Production accounts service (customer tokens).
pub const DEFAULT_ACCOUNTS_URL: &str = "https://accounts.livechatinc.com";
/// The client id the widget presents to the accounts service.
pub const DEFAULT_CLIENT_ID: &str = "livechat-widget-rs";

/// Where customer access tokens come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Identity {
    /// The accounts service's cookie grant (LiveChat's default).
    #[default]
    CookieGrant,
    /// The host page's `custom_identity_provider`, asked through the loader.
    Custom,
}

/// Everything the widget needs to know about where and for whom it runs.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    /// LiveChat license id (required).
    pub license: u64,
    /// Group the chat goes to.
    pub group: u32,
    /// Data centre: `dal` (default) or `fra`.
    pub region: Option<String>,
    /// Host the RTM region prefix is put in front of, with its scheme.
    pub api_scheme: String,
    /// For example `livechatinc.com` or `localhost:8787`.
    pub api_host: String,
    /// Base URL of the accounts service, without a trailing slash.
    pub accounts_url: String,
    /// OAuth client id for the cookie grant.
    pub client_id: String,
    /// Where tokens come from.
    pub identity: Identity,
    /// The site owner's `__lc.language` (a BCP 47 tag), if any.
    pub language: Option<String>,
    /// The host page's `<html lang>`, if any: the language when `language` has no table.
    pub html_lang: Option<String>,
    /// Accent colour as a CSS colour (validated: hex only).
    pub accent_color: Option<String>,
    /// Session variables (`params`), sent as the customer's session fields.
    pub params: Vec<(String, String)>,
    /// The host page's URL and title, for `customer_page`.
    pub page_url: Option<String>,
    /// The host page's title.
    pub page_title: Option<String>,
    /// The host page's referrer.
    pub referrer: Option<String>,
    /// Origin of the host page (postMessage target); `None` when not embedded.
    pub host_origin: Option<String>,
    /// The host's viewport is phone-sized (`narrow=1`): full-screen layout.
    pub narrow: bool,
    /// `window.__lc` settings of LiveChat's this widget cannot honour, each with why
    /// (the driver logs them; the loader passes them on for this).
    pub unsupported: Vec<&'static str>,
}

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    /// `license` is missing.
    MissingLicense,
    /// A value has the wrong form.
    Invalid {
        /// The key.
        key: &'static str,
        /// The offending value.
        value: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::MissingLicense => write!(f, "LiveChat widget: `license` is required (window.__lc.license)"),
            ConfigError::Invalid { key, value } => write!(f, "LiveChat widget: invalid `{key}`: {value:?}"),
        }
    }
}

impl std::error::Error for ConfigError {}

impl WidgetConfig {
    /// A configuration for `license` with every default.
    pub fn new(license: u64) -> Self {
        WidgetConfig {
            license,
            group: 0,
            region: None,
            api_scheme: "wss".into(),
            api_host: DEFAULT_API_HOST.into(),
            accounts_url: DEFAULT_ACCOUNTS_URL.into(),
            client_id: DEFAULT_CLIENT_ID.into(),
            identity: Identity::CookieGrant,
            language: None,
            html_lang: None,
            accent_color: None,
            params: Vec::new(),
            page_url: None,
            page_title: None,
            referrer: None,
            host_origin: None,
            narrow: false,
            unsupported: Vec::new(),
        }
    }

    /// Parses a URL query string (with or without the leading `?` or `#`).
    /// `page_is_http` chooses `ws` over `wss` when `api_host` names no scheme
    /// (a page served over plain http talks to a local server).
    pub fn from_query(query: &str, page_is_http: bool) -> Result<Self, ConfigError> {
        let pairs: Vec<(String, String)> = query
            .trim_start_matches(['?', '#'])
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        let get = |key: &str| pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.trim().to_owned());
        let license = get("license").filter(|v| !v.is_empty()).ok_or(ConfigError::MissingLicense)?;
        let license = license
            .parse::<u64>()
            .ok()
            .filter(|&l| l > 0)
            .ok_or(ConfigError::Invalid { key: "license", value: license })?;
        let mut config = WidgetConfig::new(license);
        if let Some(group) = get("group").filter(|v| !v.is_empty()) {
            config.group = group.parse().map_err(|_| ConfigError::Invalid { key: "group", value: group })?;
        }
        if let Some(region) = get("region").filter(|v| !v.is_empty()) {
            let region = region.to_ascii_lowercase();
            if !is_valid_region(&region) {
                return Err(ConfigError::Invalid { key: "region", value: region });
            }
            config.region = Some(region).filter(|r| r != "dal");
        }
        if let Some(host) = get("api_host").filter(|v| !v.is_empty()) {
            let (scheme, rest) = match host.split_once("://") {
                Some((s, r)) => (s.to_ascii_lowercase(), r.to_owned()),
                None => ((if page_is_http { "ws" } else { "wss" }).to_owned(), host.clone()),
            };
            let rest = rest.trim_end_matches('/').to_owned();
            if !matches!(scheme.as_str(), "ws" | "wss") || !is_host(&rest) {
                return Err(ConfigError::Invalid { key: "api_host", value: host });
            }
            config.api_scheme = scheme;
            config.api_host = rest;
        }
        if let Some(url) = get("accounts_url").filter(|v| !v.is_empty()) {
            let lower = url.to_ascii_lowercase();
            let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
            if !rest.is_some_and(|r| is_host(r.trim_end_matches('/'))) {
                return Err(ConfigError::Invalid { key: "accounts_url", value: url });
            }
            config.accounts_url = url.trim_end_matches('/').to_owned();
        }
        match get("identity").as_deref() {
            None | Some("") | Some("cookie") => {}
            Some("custom") => config.identity = Identity::Custom,
            Some(other) => return Err(ConfigError::Invalid { key: "identity", value: other.to_owned() }),
        }
        if let Some(id) = get("client_id").filter(|v| !v.is_empty()) {
            config.client_id = id;
        }
        config.language = get("language").or_else(|| get("lang")).filter(|v| !v.is_empty());
        config.html_lang = get("html_lang").filter(|v| !v.is_empty());
        if let Some(color) = get("accent_color").filter(|v| !v.is_empty()) {
            if !is_hex_color(&color) {
                return Err(ConfigError::Invalid { key: "accent_color", value: color });
            }
            config.accent_color = Some(color);
        }
        config.page_url = get("page_url").filter(|v| !v.is_empty());
        config.page_title = get("page_title").filter(|v| !v.is_empty());
        config.referrer = get("referrer").filter(|v| !v.is_empty());
        config.host_origin = get("origin").filter(|v| !v.is_empty());
        config.narrow = get("narrow").is_some_and(|v| v == "1");
        if get("chat_between_groups").is_some_and(|v| v == "true") {
            config.unsupported.push(
                "window.__lc.chat_between_groups is not supported: each group keeps its own customer and chat here",
            );
        }
        if get("product_name").is_some_and(|v| !v.is_empty() && v != "livechat") {
            config
                .unsupported
                .push("window.__lc.product_name: only \"livechat\" is supported (API v3.2 is LiveChat's)");
        }
        config.params = pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("param.")?.to_owned(), v.clone())))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        Ok(config)
    }

    /// Whether the visitor's viewport is phone-sized: embedded, the host's as the loader
    /// reports it (`narrow=1`, then `lc:viewport`); the iframe itself is always narrow
    /// (a launcher's width), so its own width (`own_width`) counts only on a page of its own.
    pub fn is_narrow(&self, own_width: Option<f64>) -> bool {
        match self.host_origin {
            Some(_) => self.narrow,
            None => own_width.is_some_and(|w| w < 480.0),
        }
    }

    /// localStorage namespace: one per license and group.
    pub fn storage_namespace(&self) -> String {
        format!("livechat:{}:{}", self.license, self.group)
    }
}

/// `host[:port]` made of letters, digits, dots and dashes (no path, no credentials).
fn is_host(s: &str) -> bool {
    let (host, port) = match s.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (s, None),
    };
    !host.is_empty()
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()))
}

fn is_hex_color(s: &str) -> bool {
    s.strip_prefix('#').is_some_and(|h| matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Decodes `application/x-www-form-urlencoded` text; invalid escapes stay as they are.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_production_dal() {
        let c = WidgetConfig::from_query("?license=12345678", false).unwrap();
        assert_eq!((c.license, c.group, c.region.clone()), (12345678, 0, None));
        assert_eq!((c.api_scheme.as_str(), c.api_host.as_str()), ("wss", DEFAULT_API_HOST));
        assert_eq!(c.accounts_url, DEFAULT_ACCOUNTS_URL);
        assert_eq!(c.storage_namespace(), "livechat:12345678:0");
    }

    #[test]
    fn sandbox_config_parses() {
        let q = "license=1&group=2&region=FRA&api_host=localhost%3A8787&accounts_url=http%3A%2F%2Faccounts.localhost%3A8787%2F\
                 &language=pl&accent_color=%23ff0066&param.plan=gold&param.cart=3+items&origin=http%3A%2F%2Fshop.localhost%3A8787";
        let c = WidgetConfig::from_query(q, true).unwrap();
        assert_eq!(c.region.as_deref(), Some("fra"));
        assert_eq!((c.api_scheme.as_str(), c.api_host.as_str()), ("ws", "localhost:8787"));
        assert_eq!(c.accounts_url, "http://accounts.localhost:8787");
        assert_eq!(c.language.as_deref(), Some("pl"));
        assert_eq!(c.html_lang, None);
        let host = WidgetConfig::from_query("license=1&html_lang=pt-BR&lang=", true).unwrap();
        assert_eq!((host.language, host.html_lang.as_deref()), (None, Some("pt-BR")));
        assert_eq!(c.accent_color.as_deref(), Some("#ff0066"));
        assert_eq!(c.params, [("plan".to_string(), "gold".to_string()), ("cart".to_string(), "3 items".to_string())]);
        assert_eq!(c.host_origin.as_deref(), Some("http://shop.localhost:8787"));
        assert_eq!(c.identity, Identity::CookieGrant);
        assert!(!c.narrow);
        assert!(WidgetConfig::from_query("license=1&narrow=1", true).unwrap().narrow);
        let custom = WidgetConfig::from_query("license=1&identity=custom", true).unwrap();
        assert_eq!(custom.identity, Identity::Custom);
        assert!(WidgetConfig::from_query("license=1&identity=magic", true).is_err());
    }

    #[test]
    fn explicit_scheme_wins_and_dal_is_the_default_region() {
        let c = WidgetConfig::from_query("license=1&api_host=wss://example.com/&region=dal", true).unwrap();
        assert_eq!((c.api_scheme.as_str(), c.api_host.as_str(), c.region.clone()), ("wss", "example.com", None));
    }

    #[test]
    fn wrong_config_is_a_clear_error() {
        assert_eq!(WidgetConfig::from_query("group=1", false), Err(ConfigError::MissingLicense));
        for (q, key) in [
            ("license=abc", "license"),
            ("license=0", "license"),
            ("license=1&group=x", "group"),
            ("license=1&region=../evil", "region"),
            ("license=1&api_host=evil.com/path", "api_host"),
            ("license=1&api_host=http://evil.com", "api_host"),
            ("license=1&accounts_url=javascript:alert(1)", "accounts_url"),
            ("license=1&accent_color=red;background:url(x)", "accent_color"),
        ] {
            match WidgetConfig::from_query(q, false) {
                Err(ConfigError::Invalid { key: k, .. }) => assert_eq!(k, key, "{q}"),
                other => panic!("{q}: {other:?}"),
            }
        }
        assert!(ConfigError::MissingLicense.to_string().contains("license"));
    }

    #[test]
    fn percent_decoding_is_lenient() {
        assert_eq!(percent_decode("a%20b+c%zz%"), "a b c%zz%");
        assert_eq!(percent_decode("%F0%9F%98%81"), "😁");
    }

    #[test]
    fn livechat_settings_it_cannot_honour_are_named() {
        let config =
            WidgetConfig::from_query("license=1&chat_between_groups=true&product_name=textapp", false).unwrap();
        assert_eq!(config.unsupported.len(), 2);
        assert!(config.unsupported[0].contains("chat_between_groups"));
        assert!(config.unsupported[1].contains("product_name"));
        let config =
            WidgetConfig::from_query("license=1&chat_between_groups=false&product_name=livechat", false).unwrap();
        assert!(config.unsupported.is_empty());
    }
}
