//! The ticket endpoint LiveChat's v3.2 customer client posts the ticket form to
//! (`POST /v2/tickets/new` on the region's API host, a JSON body, no token), its
//! validation answer (422 with `errors: [{"incorrect requester structure": [..]}]`),
//! and the sandbox's own fault for it (`/admin/tickets` `fault`: `fail` or `hang`).

use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::{json, Value};

use crate::state::Shared;
use crate::util;

/// The ticket form of a group (`get_form` type `ticket`): fields without ids, as LiveChat sends it.
pub fn ticket_form() -> Value {
    json!({ "fields": [
        { "type": "header", "label": "Our team is away. Leave a message and we will answer by e-mail." },
        { "type": "name", "label": "Your name:", "required": false },
        { "type": "email", "label": "E-mail:", "required": true },
        { "type": "subject", "label": "Subject:", "required": false },
        { "type": "textarea", "label": "Message:", "required": true },
    ]})
}

/// `/v2/tickets/new` (and its CORS preflight).
pub async fn new_ticket(app: Shared, req: Request) -> Response {
    let origin = req.headers().get(header::ORIGIN).cloned();
    let resp = match *req.method() {
        Method::OPTIONS => StatusCode::NO_CONTENT.into_response(),
        Method::POST => create(&app, req).await,
        _ => (StatusCode::METHOD_NOT_ALLOWED, "POST only\n").into_response(),
    };
    with_cors(origin, resp)
}

async fn create(app: &Shared, req: Request) -> Response {
    let fault = app.lock().ticket_fault.clone();
    match fault.as_deref() {
        Some("fail") => return (StatusCode::INTERNAL_SERVER_ERROR, "ticket fault\n").into_response(),
        // Never answers: the client's own deadline must end it.
        Some("hang") => std::future::pending::<()>().await,
        _ => {}
    }
    let Ok(bytes) = to_bytes(req.into_body(), 64 * 1024).await else {
        return invalid("body too large or unreadable");
    };
    let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&bytes) else {
        return invalid("body must be a JSON object");
    };
    let license = body.get("licence_id").and_then(Value::as_u64);
    let mut st = app.lock();
    if license.is_none_or(|l| !st.licenses.contains_key(&l)) {
        return invalid("unknown licence_id");
    }
    let mail = body.get("requester").and_then(|r| r.get("mail")).and_then(Value::as_str).unwrap_or("");
    if !mail.contains('@') {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            axum::Json(json!({ "errors": [{ "incorrect requester structure": ["requester.mail must be an e-mail address"] }] })),
        )
            .into_response();
    }
    let id = format!("TK{:05}", st.tickets.len() + 1);
    let visitor = body.get("visitor_id").and_then(Value::as_str).unwrap_or("").to_owned();
    let mut ticket = Value::Object(body);
    ticket["id"] = json!(id);
    ticket["created_at"] = json!(util::now_rfc3339());
    st.tickets.push(ticket);
    st.note("ticket", &visitor, json!({ "id": id }));
    axum::Json(json!({ "id": id })).into_response()
}

fn invalid(why: &str) -> Response {
    (StatusCode::BAD_REQUEST, axum::Json(json!({ "errors": [{ "validation": [why] }] }))).into_response()
}

fn with_cors(origin: Option<HeaderValue>, mut resp: Response<Body>) -> Response {
    if let Some(origin) = origin {
        let h = resp.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type"));
        h.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    resp
}
