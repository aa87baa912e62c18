//! HTTP side: routing by Host header (one port serves every origin), the RTM WebSocket
//! endpoint per data centre, the accounts token endpoint with its identity cookie, the
//! widget's static files, the demo shop, the agent console and the image assets.

use crate::model::{Customer, TokenInfo};
use crate::state::Shared;
use crate::wire::{Framing, Wire};
use crate::{conn, content, frames, sockjs, uploads, util};
use axum::body::{Body, Bytes};
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{FromRequestParts, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};
use std::time::Instant;
use tower::ServiceExt;

const SHOP_INDEX: &str = include_str!("../site/index.html");
const SHOP_CSS: &str = include_str!("../site/style.css");
const SHOP_STRICT: &str = include_str!("../site/strict-csp.html");
const SHOP_SIZES: &str = include_str!("../site/sizes.html");
const SHOP_CUSTOM_IDENTITY: &str = include_str!("../site/custom-identity.html");
const SHOP_CONFIG: &str = include_str!("../site/lc-config.js");
const SHOP_HOSTILE: &str = include_str!("../site/hostile.html");
const SHOP_HOSTILE_CSS: &str = include_str!("../site/hostile.css");
const SHOP_FRA: &str = include_str!("../site/fra.html");
const SHOP_JS_API: &str = include_str!("../site/js-api.html");
const SHOP_JS_API_JS: &str = include_str!("../site/js-api.js");
const CONSOLE_HTML: &str = include_str!("../console/index.html");
const CONSOLE_JS: &str = include_str!("../console/console.js");
const CONSOLE_CSS: &str = include_str!("../console/console.css");

/// The site a request is for, from its Host header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Site {
    /// RTM (and tests) in dal: `api.localhost`, `127.0.0.1`, `localhost`.
    Dal,
    /// RTM in fra: `api-fra.localhost`.
    Fra,
    /// `accounts.localhost`.
    Accounts,
    /// `widget.localhost`.
    Widget,
    /// `shop.localhost`.
    Shop,
    /// `console.localhost`.
    Console,
    /// `cdn.localhost`: images.
    Cdn,
}

/// The host name without the port, lower-cased.
fn host_name(headers: &HeaderMap, uri: &axum::http::Uri) -> String {
    let raw = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_string)
        .or_else(|| uri.authority().map(|a| a.to_string()))
        .unwrap_or_default();
    let name = if let Some(rest) = raw.strip_prefix('[') {
        format!("[{}]", rest.split(']').next().unwrap_or(""))
    } else {
        raw.split(':').next().unwrap_or("").to_string()
    };
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Maps a host name to a site; `None` for hosts the sandbox does not serve.
pub fn site_of(host: &str) -> Option<Site> {
    Some(match host {
        "api.localhost" | "127.0.0.1" | "localhost" | "[::1]" => Site::Dal,
        "api-fra.localhost" => Site::Fra,
        "accounts.localhost" => Site::Accounts,
        "widget.localhost" => Site::Widget,
        "shop.localhost" => Site::Shop,
        "console.localhost" => Site::Console,
        "cdn.localhost" => Site::Cdn,
        _ => return None,
    })
}

/// Rejects requests whose Host is not one of ours (guards the admin API against DNS
/// rebinding: only loopback names reach it).
pub async fn host_guard(req: Request, next: Next) -> Response {
    let host = host_name(req.headers(), req.uri());
    if site_of(&host).is_none() {
        return (StatusCode::MISDIRECTED_REQUEST, format!("The sandbox does not serve host `{host}`.\n"))
            .into_response();
    }
    next.run(req).await
}

fn html(body: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8"), (header::CACHE_CONTROL, "no-store")], body).into_response()
}

fn typed(ct: &'static str, body: impl Into<Body>) -> Response {
    ([(header::CONTENT_TYPE, ct), (header::CACHE_CONTROL, "no-store")], body.into()).into_response()
}

fn not_found(what: &str) -> Response {
    (StatusCode::NOT_FOUND, format!("Not found: {what}\n")).into_response()
}

/// Serves every non-admin request, picking the site by Host.
pub async fn dispatch(State(app): State<Shared>, req: Request) -> Response {
    let host = host_name(req.headers(), req.uri());
    let Some(site) = site_of(&host) else {
        return (StatusCode::MISDIRECTED_REQUEST, "unknown host\n").into_response();
    };
    let path = req.uri().path().to_string();
    match site {
        Site::Dal | Site::Fra => {
            let region = if site == Site::Dal { "dal" } else { "fra" };
            if path.starts_with("/v3.") && path.ends_with("/customer/rtm/ws") {
                return rtm(app, req, region).await;
            }
            if let Some(rest) = path.strip_prefix("/v3.").and_then(|p| p.split_once("/customer/rtm/sjs")) {
                return match sockjs::route(rest.1) {
                    Some(sockjs::Route::Info) => cors(req.headers(), sockjs::info()),
                    Some(sockjs::Route::WebSocket) => rtm(app, req, region).await,
                    None => not_found(&path),
                };
            }
            if path == uploads::UPLOAD_PATH {
                return uploads::upload_file(app, req, if site == Site::Dal { "dal" } else { "fra" }).await;
            }
            if path == "/v2/tickets/new" {
                return crate::tickets::new_ticket(app, req).await;
            }
            if path.starts_with("/assets/") {
                return asset(&path);
            }
            if path == "/" && site == Site::Dal {
                return html(index_page(&app));
            }
            not_found(&path)
        }
        Site::Cdn if path.starts_with("/uploads/") => {
            uploads::serve(&app.lock(), &path).unwrap_or_else(|| not_found(&path))
        }
        Site::Cdn => asset(&path),
        Site::Accounts => accounts(app, req).await,
        Site::Widget => widget(app, req).await,
        Site::Shop => shop(&app, &path),
        Site::Console => match path.as_str() {
            "/" | "/index.html" => html(CONSOLE_HTML.to_string()),
            "/console.js" => typed("text/javascript; charset=utf-8", CONSOLE_JS),
            "/console.css" => typed("text/css; charset=utf-8", CONSOLE_CSS),
            _ => not_found(&path),
        },
    }
}

fn asset(path: &str) -> Response {
    let bytes: &'static [u8] = match path {
        "/assets/photo.png" => content::PHOTO,
        "/assets/agent.png" => content::AVATAR,
        "/assets/sticker.png" => content::STICKER,
        _ => return not_found(path),
    };
    ([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=3600")], bytes).into_response()
}

fn index_page(app: &Shared) -> String {
    let p = app.port;
    format!(
        "<!doctype html><meta charset=utf-8><title>LiveChat sandbox</title><h1>LiveChat sandbox</h1><ul>\
<li><a href=\"http://shop.localhost:{p}/\">shop.localhost</a> demo website with the widget snippet</li>\
<li><a href=\"http://console.localhost:{p}/\">console.localhost</a> agent console</li>\
<li>ws://api.localhost:{p}/v3.2/customer/rtm/ws?license_id={l} (dal), ws://api-fra.localhost:{p}/... (fra)</li>\
<li>http://accounts.localhost:{p}/v2/customer/token</li>\
<li><a href=\"http://widget.localhost:{p}/\">widget.localhost</a> widget build</li>\
<li><a href=\"/admin/state\">/admin/state</a> admin API</li></ul>",
        l = app.cfg.license
    )
}

async fn rtm(app: Shared, req: Request, region: &'static str) -> Response {
    let path = req.uri().path().to_string();
    let license_id = req
        .uri()
        .query()
        .unwrap_or("")
        .split('&')
        .find_map(|kv| kv.strip_prefix("license_id="))
        .and_then(|v| v.parse::<u64>().ok());
    let (mut parts, _body) = req.into_parts();
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(u) => u,
        Err(e) => return (StatusCode::BAD_REQUEST, format!("expected a WebSocket upgrade: {e}\n")).into_response(),
    };
    let max = app.cfg.max_frame_bytes;
    let framing = if path.ends_with("/websocket") { Framing::SockJs } else { Framing::Raw };
    let supported = path.starts_with("/v3.2/");
    upgrade.max_message_size(max).max_frame_size(max).on_upgrade(move |ws| async move {
        if !supported {
            let mut wire = Wire::open(ws, framing).await;
            let _ = wire.send_text(frames::disconnected_frame("unsupported_version", None)).await;
            let _ = wire.close(1000, "unsupported_version").await;
            return;
        }
        conn::serve(app, ws, framing, license_id, region).await
    })
}

fn cors(headers: &HeaderMap, mut resp: Response) -> Response {
    if let Some(origin) = headers.get(header::ORIGIN) {
        let h = resp.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin.clone());
        h.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, HeaderValue::from_static("true"));
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    resp
}

fn cookie_name(license: u64) -> String {
    format!("__lc_cid_{license}")
}

fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

fn token_error(status: StatusCode, error: &str, description: &str) -> Response {
    (status, axum::Json(json!({ "error": error, "error_description": description }))).into_response()
}

async fn accounts(app: Shared, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let headers = parts.headers.clone();
    // `/customer/token` is where LiveChat's customer-auth (customer-sdk 2.0.4) asks.
    if !matches!(parts.uri.path(), "/v2/customer/token" | "/customer/token") {
        return cors(&headers, not_found(parts.uri.path()));
    }
    if parts.method == Method::OPTIONS {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST, OPTIONS"));
        let allow = headers
            .get(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .cloned()
            .unwrap_or(HeaderValue::from_static("content-type"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, allow);
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        return cors(&headers, r);
    }
    if parts.method != Method::POST {
        return cors(&headers, (StatusCode::METHOD_NOT_ALLOWED, "use POST\n").into_response());
    }
    let bytes: Bytes = match axum::body::to_bytes(body, 64 * 1024).await {
        Ok(b) => b,
        Err(_) => {
            return cors(&headers, token_error(StatusCode::PAYLOAD_TOO_LARGE, "invalid_request", "body too large"))
        }
    };
    let req_json: Value = if bytes.iter().all(u8::is_ascii_whitespace) {
        json!({})
    } else {
        match serde_json::from_slice(&bytes) {
            Ok(v @ Value::Object(_)) => v,
            _ => {
                return cors(
                    &headers,
                    token_error(StatusCode::BAD_REQUEST, "invalid_request", "the body must be a JSON object"),
                )
            }
        }
    };
    let resp = issue_token(&app, &headers, &req_json);
    cors(&headers, resp)
}

fn issue_token(app: &Shared, headers: &HeaderMap, body: &Value) -> Response {
    match body.get("grant_type") {
        None | Some(Value::Null) => {}
        Some(Value::String(g)) if g == "cookie" => {}
        Some(_) => {
            return token_error(
                StatusCode::BAD_REQUEST,
                "unsupported_grant_type",
                "only grant_type `cookie` is supported",
            )
        }
    }
    match body.get("response_type") {
        None | Some(Value::Null) => {}
        Some(Value::String(r)) if r == "token" => {}
        Some(_) => {
            return token_error(
                StatusCode::BAD_REQUEST,
                "unsupported_response_type",
                "only response_type `token` is supported",
            )
        }
    }
    let license_id = match body.get("license_id") {
        None | Some(Value::Null) => Some(app.cfg.license),
        Some(Value::Number(n)) => n.as_u64(),
        Some(Value::String(s)) => s.parse().ok(),
        Some(_) => None,
    };
    let Some(license_id) = license_id else {
        return token_error(StatusCode::BAD_REQUEST, "invalid_request", "`license_id` must be a license number");
    };
    let mut st = app.lock();
    let Some(region) = st.licenses.get(&license_id).map(|l| l.region.clone()) else {
        return token_error(StatusCode::BAD_REQUEST, "invalid_request", "license not found");
    };
    let name = cookie_name(license_id);
    let cookie_id = read_cookie(headers, &name);
    let (cid, fresh) = match cookie_id {
        Some(id) => (id, false),
        None => (util::uuid(), true),
    };
    st.customers.entry(cid.clone()).or_insert_with(|| Customer::new(&cid, license_id));
    let token = format!("{region}:{}", util::token_body());
    let lifetime = app.cfg.token_lifetime;
    // Expired tokens are forgotten lazily so the map does not grow forever.
    let now = Instant::now();
    if st.tokens.len() > 10_000 {
        st.tokens.retain(|_, t| t.expires_at > now);
    }
    st.tokens.insert(token.clone(), TokenInfo { customer_id: cid.clone(), license_id, expires_at: now + lifetime });
    st.note("token", &cid, json!({ "new_customer": fresh }));
    drop(st);
    let payload = json!({
        "access_token": token,
        "entity_id": cid,
        // Seconds, as the accounts service answers (customer-sdk 2.0.4 keeps `1e3 * expires_in`).
        "expires_in": lifetime.as_millis().div_ceil(1000) as u64,
        "token_type": "Bearer",
        "creation_date": util::now_secs(),
        "license_id": license_id,
    });
    let mut resp = (StatusCode::OK, axum::Json(payload)).into_response();
    if fresh {
        // The widget's iframe is third-party on the customer's site (and Chromium
        // treats each `*.localhost` as its own site): only a `SameSite=None`
        // cookie reaches the accounts host from there. Partitioned (CHIPS) keeps
        // it working where third-party cookies are blocked, one identity per site.
        let attrs = if app.cfg.cookie_samesite_lax { "SameSite=Lax" } else { "SameSite=None; Secure; Partitioned" };
        let c = format!("{name}={cid}; Path=/; HttpOnly; {attrs}; Max-Age=34560000");
        if let Ok(v) = HeaderValue::from_str(&c) {
            resp.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    resp.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

async fn widget(app: Shared, req: Request) -> Response {
    let dir = app.cfg.widget_dir.clone();
    if !dir.is_dir() {
        let msg = format!(
            "<!doctype html><meta charset=utf-8><title>Widget not built</title><h1>The widget is not built</h1>\
<p>The sandbox serves the widget from <code>{}</code>, which does not exist.</p>\
<p>Build it with <code>trunk build</code> in the repository root (output: <code>dist/</code>), \
or start the sandbox with <code>--widget-dir PATH</code>.</p>",
            dir.display()
        );
        return (StatusCode::NOT_FOUND, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], msg).into_response();
    }
    let svc = tower_http::services::ServeDir::new(dir);
    match svc.oneshot(req).await {
        Ok(r) => {
            let (mut parts, body) = r.into_parts();
            parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            let is_html = parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|ct| ct.starts_with("text/html"));
            if is_html {
                if let Ok(v) = HeaderValue::from_str(&widget_csp(app.port)) {
                    parts.headers.insert(header::CONTENT_SECURITY_POLICY, v);
                }
            }
            Response::from_parts(parts, Body::new(body))
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e}\n")).into_response(),
    }
}

/// The Content-Security-Policy of the widget's pages (its iframe page, `index.html`): no
/// inline script or style, scripts and styles from the widget's origin, the wasm compiled
/// (`'wasm-unsafe-eval'`) and fetched (`connect-src 'self'`), sockets only to the two RTM
/// data centres, uploads (`upload_file`) only to their Web API hosts and tokens only
/// from accounts, images from anywhere on https plus the
/// sandbox's cdn, and webview panels on https plus the demo shop. The production
/// equivalent is in the README ("Content-Security-Policy").
pub fn widget_csp(port: u16) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data: blob: https: http://cdn.localhost:{port}; \
connect-src 'self' ws://api.localhost:{port} ws://api-fra.localhost:{port} http://api.localhost:{port} \
http://api-fra.localhost:{port} http://accounts.localhost:{port}; \
frame-src https: http://shop.localhost:{port}; base-uri 'none'; form-action 'none'"
    )
}

/// The CSP of the shop's strict pages: scripts only from the shop and the widget's host
/// (no inline script), frames only from the widget's host.
fn strict_shop_csp(port: u16) -> String {
    format!("script-src 'self' http://widget.localhost:{port}; frame-src http://widget.localhost:{port}")
}

fn with_csp(mut r: Response, csp: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(csp) {
        r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, v);
    }
    r
}

fn fill(app: &Shared, template: &str) -> String {
    template.replace("{{PORT}}", &app.port.to_string()).replace("{{LICENSE}}", &app.cfg.license.to_string())
}

fn shop(app: &Shared, path: &str) -> Response {
    match path {
        "/" | "/index.html" => html(fill(app, SHOP_INDEX)),
        "/style.css" => typed("text/css; charset=utf-8", fill(app, SHOP_CSS)),
        "/sizes.html" => html(fill(app, SHOP_SIZES)),
        "/custom-identity.html" => html(fill(app, SHOP_CUSTOM_IDENTITY)),
        "/lc-config.js" => typed("text/javascript; charset=utf-8", fill(app, SHOP_CONFIG)),
        "/strict-csp.html" => with_csp(html(fill(app, SHOP_STRICT)), &strict_shop_csp(app.port)),
        "/hostile.html" => html(fill(app, SHOP_HOSTILE)),
        "/hostile.css" => typed("text/css; charset=utf-8", SHOP_HOSTILE_CSS),
        "/js-api.html" => with_csp(html(fill(app, SHOP_JS_API)), &strict_shop_csp(app.port)),
        "/js-api.js" => typed("text/javascript; charset=utf-8", SHOP_JS_API_JS),
        "/fra.html" => match app.cfg.fra_licenses.first() {
            Some(fra) => html(fill(app, SHOP_FRA).replace("{{FRA_LICENSE}}", &fra.to_string())),
            None => not_found("/fra.html: start the sandbox with --fra-license N"),
        },
        _ => not_found(path),
    }
}
