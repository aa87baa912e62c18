//! The Customer Chat Web API's `upload_file` (as LiveChat's customer-sdk 2.0.4 calls it:
//! `POST /v3.2/customer/action/upload_file?license_id=N` on the region host, multipart
//! field `file`, `Authorization: Bearer <token>`; answer `{"url": ...}`), the uploaded
//! files kept in memory and served from the cdn origin, and the details the service
//! adds to a `file` event that points at one of them (spec "Events > File": `name`,
//! `content_type`; `size`, `width`, `height`, thumbnails only for images).
//!
//! Errors have the spec's shape (`{"error": {"type", "message"}}`) with an HTTP
//! status: 400 `validation` (no `license_id`, not multipart, no `file`, an empty file),
//! 401 `authentication` (no, unknown or expired token, or one of another license),
//! 413 `validation` (over 10 MB), 415 `validation` (a refused type), 421
//! `misdirected_request` (the license lives in the other data centre).

use crate::files::StoredFile;
use crate::state::{Shared, State};
use crate::util;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use std::time::Instant;

/// The path of `upload_file`.
pub const UPLOAD_PATH: &str = "/v3.2/customer/action/upload_file";
/// LiveChat's limit on an uploaded file: 10 MB.
pub const MAX_FILE_BYTES: usize = 10 * 1024 * 1024;
/// Room for the multipart framing around the file.
const MAX_BODY_BYTES: usize = MAX_FILE_BYTES + 64 * 1024;
/// Extensions the sandbox refuses (programs and scripts), as the widget does.
const REFUSED: &[&str] =
    &["exe", "msi", "bat", "cmd", "com", "scr", "pif", "cpl", "vbs", "vbe", "js", "jse", "wsf", "ps1", "jar", "dll"];
/// At most this many files are kept; the oldest go first.
const MAX_FILES: usize = 200;

fn error(status: StatusCode, kind: &str, message: &str) -> Response {
    (status, axum::Json(json!({ "error": { "type": kind, "message": message } }))).into_response()
}

fn cors(headers: &HeaderMap, mut resp: Response) -> Response {
    let h = resp.headers_mut();
    let origin = headers.get(header::ORIGIN).cloned().unwrap_or(HeaderValue::from_static("*"));
    h.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    h.insert(header::VARY, HeaderValue::from_static("Origin"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Serves `upload_file` on a region host (`region` is `dal` or `fra`).
pub async fn upload_file(app: Shared, req: Request, region: &str) -> Response {
    let (parts, body) = req.into_parts();
    let headers = parts.headers;
    if parts.method == Method::OPTIONS {
        let mut r = StatusCode::NO_CONTENT.into_response();
        let h = r.headers_mut();
        h.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST, OPTIONS"));
        h.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("authorization, content-type"));
        h.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
        return cors(&headers, r);
    }
    if parts.method != Method::POST {
        return cors(&headers, error(StatusCode::METHOD_NOT_ALLOWED, "validation", "Use POST"));
    }
    let query = parts.uri.query().unwrap_or("");
    let license = query.split('&').find_map(|kv| kv.strip_prefix("license_id=")).and_then(|v| v.parse::<u64>().ok());
    let bytes = match axum::body::to_bytes(Body::new(body), MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => return cors(&headers, too_large()),
    };
    cors(&headers, accept(&app, &headers, license, region, bytes))
}

fn too_large() -> Response {
    error(StatusCode::PAYLOAD_TOO_LARGE, "validation", "The file is too big (max size is 10 MB)")
}

fn accept(app: &Shared, headers: &HeaderMap, license: Option<u64>, region: &str, body: Bytes) -> Response {
    let Some(license) = license else {
        return error(StatusCode::BAD_REQUEST, "validation", "`license_id` is required in the query");
    };
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let mut st = app.lock();
    let customer = token.and_then(|t| st.tokens.get(t)).filter(|t| t.expires_at > Instant::now());
    let Some(customer) = customer.filter(|t| t.license_id == license).map(|t| t.customer_id.clone()) else {
        return error(StatusCode::UNAUTHORIZED, "authentication", "Invalid access token");
    };
    match st.licenses.get(&license).map(|l| l.region.as_str()) {
        Some(home) if home != region => {
            let body = json!({ "error": { "type": "misdirected_request", "message": "Wrong region", "data": { "region": home } } });
            return (StatusCode::MISDIRECTED_REQUEST, axum::Json(body)).into_response();
        }
        _ => {}
    }
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let Some(boundary) = boundary_of(content_type) else {
        return error(StatusCode::BAD_REQUEST, "validation", "The body must be multipart/form-data");
    };
    let Some(part) = file_part(&body, &boundary) else {
        return error(StatusCode::BAD_REQUEST, "validation", "`file` is required");
    };
    if part.bytes.len() > MAX_FILE_BYTES {
        return too_large();
    }
    if part.bytes.is_empty() {
        return error(StatusCode::BAD_REQUEST, "validation", "The file is empty");
    }
    let name = safe_name(&part.filename);
    let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    if REFUSED.contains(&extension.as_str()) {
        return error(StatusCode::UNSUPPORTED_MEDIA_TYPE, "validation", "Files of this type are not accepted");
    }
    let content_type = match part.content_type.as_deref() {
        Some(ct) if !ct.is_empty() && ct != "application/octet-stream" => ct.to_ascii_lowercase(),
        _ => type_of(&extension).to_string(),
    };
    let file = StoredFile {
        id: util::token_body().chars().filter(char::is_ascii_alphanumeric).take(24).collect(),
        name,
        content_type,
        bytes: body.slice_ref(part.bytes),
        customer_id: customer.clone(),
        uploaded_at: util::now_rfc3339(),
    };
    let url = file.url(app.port);
    st.note("upload_file", &customer, json!({ "name": file.name, "size": file.bytes.len(), "url": url }));
    if st.files.len() >= MAX_FILES {
        st.files.remove(0);
    }
    st.files.push(file);
    (StatusCode::OK, axum::Json(json!({ "url": url }))).into_response()
}

fn type_of(extension: &str) -> &'static str {
    match extension {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "txt" => "text/plain",
        _ => "application/octet-stream",
    }
}

/// A file name safe in a URL path: letters, digits, `.`, `-`, `_` (others become `_`).
fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let safe: String = base
        .chars()
        .take(120)
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' })
        .collect();
    if safe.trim_matches(['.', '_']).is_empty() {
        "file".into()
    } else {
        safe
    }
}

fn boundary_of(content_type: &str) -> Option<String> {
    let mut parts = content_type.split(';').map(str::trim);
    if !parts.next()?.eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    parts.find_map(|p| p.strip_prefix("boundary=")).map(|b| b.trim_matches('"').to_string()).filter(|b| !b.is_empty())
}

struct Part<'a> {
    filename: String,
    content_type: Option<String>,
    bytes: &'a [u8],
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

/// The multipart part named `file` that carries a file name (RFC 7578).
fn file_part<'a>(body: &'a [u8], boundary: &str) -> Option<Part<'a>> {
    let delimiter = format!("--{boundary}");
    let mut at = find(body, delimiter.as_bytes(), 0)? + delimiter.len();
    loop {
        if body.get(at..at + 2) == Some(b"--") {
            return None;
        }
        let headers_start = find(body, b"\r\n", at)? + 2;
        let headers_end = find(body, b"\r\n\r\n", headers_start)?;
        let content_start = headers_end + 4;
        let next = find(body, format!("\r\n{delimiter}").as_bytes(), content_start)?;
        let head = String::from_utf8_lossy(&body[headers_start..headers_end]);
        let mut disposition = None;
        let mut content_type = None;
        for line in head.split("\r\n") {
            let Some((k, v)) = line.split_once(':') else { continue };
            match k.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => disposition = Some(v.trim().to_string()),
                "content-type" => content_type = Some(v.trim().to_string()),
                _ => {}
            }
        }
        let param = |d: &str, key: &str| {
            d.split(';').map(str::trim).find_map(|p| p.strip_prefix(key)).map(|v| v.trim_matches('"').to_string())
        };
        if let Some(d) = disposition {
            if param(&d, "name=").as_deref() == Some("file") {
                if let Some(filename) = param(&d, "filename=") {
                    return Some(Part { filename, content_type, bytes: &body[content_start..next] });
                }
            }
        }
        at = next + 2 + delimiter.len();
    }
}

/// The cdn's `/uploads/<id>/<name>`: the file as uploaded, never run as a page.
pub fn serve(st: &State, path: &str) -> Option<Response> {
    let rest = path.strip_prefix("/uploads/")?;
    let (id, name) = rest.split_once('/')?;
    let file = st.files.iter().find(|f| f.id == id && f.name == name)?;
    let mut r = Response::new(Body::from(file.bytes.clone()));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_str(&file.content_type).ok()?);
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_part_is_found_among_others() {
        let body = b"--XY\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a b.png\"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n--XY--\r\n";
        let part = file_part(body, "XY").expect("the file part");
        assert_eq!(
            (part.filename.as_str(), part.content_type.as_deref(), part.bytes),
            ("a b.png", Some("image/png"), &b"\x89PNG"[..])
        );
        assert!(
            file_part(b"--XY\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--XY--\r\n", "XY").is_none()
        );
        assert_eq!(boundary_of("multipart/form-data; boundary=\"XY\"").as_deref(), Some("XY"));
        assert_eq!(safe_name("../../etc/pass wd"), "pass_wd");
        assert_eq!(safe_name(".."), "file");
    }
}
