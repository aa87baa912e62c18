//! The SockJS endpoint at `/v3.2/customer/rtm/sjs` (LiveChat's customer-sdk connects
//! there): `GET /info` and the WebSocket transport `/<server>/<session>/websocket`, whose
//! frames `wire` unwraps. Only the WebSocket transport is served; SockJS's polling and
//! streaming fallbacks get 404, so a client without WebSocket fails clearly.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// A SockJS path below the endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// `/info`: the server's options.
    Info,
    /// `/<server>/<session>/websocket`: the raw WebSocket transport.
    WebSocket,
}

/// Reads the path after `/sjs`; `None` for anything SockJS's WebSocket transport does
/// not use. Server and session ids are SockJS's: no dots, not empty.
pub fn route(rest: &str) -> Option<Route> {
    let parts: Vec<&str> = rest.trim_start_matches('/').split('/').collect();
    let id_ok = |s: &str| !s.is_empty() && !s.contains('.');
    match parts.as_slice() {
        ["info"] => Some(Route::Info),
        [server, session, "websocket"] if id_ok(server) && id_ok(session) => Some(Route::WebSocket),
        _ => None,
    }
}

/// The `/info` answer: WebSocket on, any origin, no sticky cookie.
pub fn info() -> Response {
    let body = serde_json::json!({
        "websocket": true,
        "origins": ["*:*"],
        "cookie_needed": false,
        "entropy": crate::util::rand_u64() as u32,
    });
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, "application/json; charset=UTF-8"),
            (header::CACHE_CONTROL, "no-store, no-cache, no-transform, must-revalidate, max-age=0"),
        ],
        body.to_string(),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes() {
        assert_eq!(route("/info"), Some(Route::Info));
        assert_eq!(route("/123/abcdefgh/websocket"), Some(Route::WebSocket));
        assert_eq!(route("/123/abcdefgh/xhr"), None);
        assert_eq!(route("/../x/websocket"), None);
        assert_eq!(route(""), None);
    }
}
