//! Customer access tokens from the accounts service, cookie grant
//! (`POST {accounts}/v2/customer/token` with `grant_type: "cookie"` and the
//! identity cookie included), as LiveChat's own widget gets them.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Headers, Request, RequestCredentials, RequestInit, Response};

use crate::session::Token;

/// The accounts service's answer (unknown fields ignored).
#[derive(Debug, Clone)]
pub struct TokenResponse {
    /// The access token, for example `dal:...`.
    pub access_token: String,
    /// `Bearer`.
    pub token_type: Option<String>,
    /// Lifetime in milliseconds (see [`TokenResponse::from_json`] for the two units).
    pub expires_in_ms: Option<f64>,
    /// The customer id.
    pub entity_id: Option<String>,
}

/// Read through a [`Value`] (whose deserializer is linked anyway) rather than derived.
impl<'de> Deserialize<'de> for TokenResponse {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        TokenResponse::from_json(&Value::deserialize(d)?).ok_or_else(|| D::Error::custom("not a token response"))
    }
}

impl TokenResponse {
    /// An object with a string `access_token`; the optional fields may be absent or
    /// `null`, and anything else of the wrong type makes it no token response. Each field
    /// is also read by its camelCase name (`accessToken`, ...): the loader relays a custom
    /// identity provider's token as the provider gave it, in LiveChat's JS API shape.
    pub(super) fn from_json(v: &Value) -> Option<TokenResponse> {
        let field = |snake: &str, camel: &str| v.get(snake).or_else(|| v.get(camel));
        let text = |snake: &str, camel: &str| match field(snake, camel) {
            None | Some(Value::Null) => Some(None),
            Some(Value::String(s)) => Some(Some(s.clone())),
            Some(_) => None,
        };
        Some(TokenResponse {
            access_token: field("access_token", "accessToken")?.as_str()?.to_owned(),
            token_type: text("token_type", "tokenType")?,
            // The accounts service gives `expires_in` in seconds (customer-sdk 2.0.4 keeps
            // `1e3 * expires_in`); a custom provider's token is in the JS API's shape, whose
            // `expiresIn` is already in milliseconds.
            expires_in_ms: match (v.get("expires_in"), v.get("expiresIn")) {
                (Some(s), _) if !s.is_null() => Some(s.as_f64()? * 1000.0),
                (_, Some(ms)) if !ms.is_null() => Some(ms.as_f64()?),
                _ => None,
            },
            entity_id: text("entity_id", "entityId")?,
        })
    }
}

/// Fetches a token with the cookie grant. `now_ms` turns `expires_in` into an expiry time.
pub async fn cookie_grant(
    accounts_url: &str,
    license: u64,
    client_id: &str,
    redirect_uri: &str,
    now_ms: u64,
) -> Result<Token, String> {
    // A `Value` and its text: the serializer every JSON body of the crate goes through.
    let body = json!({
        "grant_type": "cookie",
        "client_id": client_id,
        "license_id": license,
        "response_type": "token",
        "redirect_uri": redirect_uri,
    })
    .to_string();
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_credentials(RequestCredentials::Include);
    init.set_body(&body.into());
    let headers = Headers::new().map_err(js_error)?;
    headers.set("Content-Type", "application/json").map_err(js_error)?;
    init.set_headers(&headers);
    let url = accounts_url.to_owned() + "/v2/customer/token";
    let request = Request::new_with_str_and_init(&url, &init).map_err(js_error)?;
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await
        .map_err(|e| format!("token request failed: {e:?}"))?
        .dyn_into()
        .map_err(|_| "not a Response".to_string())?;
    if !response.ok() {
        return Err(format!("token request answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_error)?).await.map_err(js_error)?;
    let answer =
        crate::json::parse(&text.as_string().unwrap_or_default()).map_err(|e| format!("bad token response: {e}"))?;
    TokenResponse::from_json(&answer).ok_or("bad token response: not a token response")?.into_token(now_ms)
}

/// A JS exception as text (one formatting call site for them all).
fn js_error(e: wasm_bindgen::JsValue) -> String {
    format!("{e:?}")
}

impl TokenResponse {
    /// The engine's token; its lifetime counts from `now_ms`. An empty token is an error.
    pub fn into_token(self, now_ms: u64) -> Result<Token, String> {
        if self.access_token.is_empty() {
            return Err("the identity provider returned an empty token".into());
        }
        Ok(Token {
            token_type: self.token_type.filter(|t| !t.is_empty()).unwrap_or_else(|| "Bearer".into()),
            access_token: self.access_token,
            expires_at_ms: self
                .expires_in_ms
                .filter(|ms| ms.is_finite() && *ms > 0.0)
                .map(|ms| now_ms.saturating_add(ms as u64)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::TokenResponse;
    use serde_json::json;

    fn response(token: &str, expires_in_ms: Option<f64>) -> TokenResponse {
        TokenResponse { access_token: token.into(), token_type: None, expires_in_ms, entity_id: None }
    }

    #[test]
    fn expiry_counts_from_now_and_bearer_is_the_default_type() {
        let t = response("dal:abc", Some(28_800_000.0)).into_token(1_000).unwrap();
        assert_eq!((t.token_type.as_str(), t.expires_at_ms), ("Bearer", Some(28_801_000)));
        assert_eq!(t.login_value(), "Bearer dal:abc");
    }

    #[test]
    fn reads_the_answer_and_refuses_wrong_types() {
        let t: TokenResponse =
            serde_json::from_value(json!({"access_token": "dal:x", "expires_in": 5, "token_type": null, "x": 1}))
                .unwrap();
        assert_eq!((t.access_token.as_str(), t.expires_in_ms, t.token_type), ("dal:x", Some(5000.0), None));
        for bad in [
            json!({}),
            json!({"access_token": 1}),
            json!({"access_token": "t", "expires_in": "5"}),
            json!({"access_token": "t", "entity_id": 2}),
            json!("t"),
        ] {
            assert!(serde_json::from_value::<TokenResponse>(bad.clone()).is_err(), "{bad}");
        }
    }

    /// The accounts service's `expires_in` is in seconds (customer-sdk 2.0.4 and customer-auth
    /// multiply it by 1000): 28,800 is 8 hours, not 29 s, or the token would be refreshed at once
    /// and again. A custom identity provider's `expiresIn` (LiveChat's JS API shape) is in ms.
    #[test]
    fn the_services_lifetime_is_in_seconds_and_a_custom_providers_in_milliseconds() {
        let service = TokenResponse::from_json(&json!({"access_token": "dal:x", "expires_in": 28_800})).unwrap();
        assert_eq!(service.into_token(1_000).unwrap().expires_at_ms, Some(28_801_000));
        let custom = TokenResponse::from_json(&json!({"accessToken": "dal:x", "expiresIn": 28_800_000})).unwrap();
        assert_eq!(custom.into_token(1_000).unwrap().expires_at_ms, Some(28_801_000));
    }

    #[test]
    fn empty_tokens_and_nonsense_lifetimes_are_refused_or_ignored() {
        assert!(response("", Some(1.0)).into_token(0).is_err());
        for bad in [f64::NAN, -5.0, 0.0] {
            assert_eq!(response("t", Some(bad)).into_token(0).unwrap().expires_at_ms, None);
        }
    }
}
