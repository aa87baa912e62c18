//! A file uploaded with `upload_file` (`uploads.rs`), as the state keeps it and the cdn serves it.

use crate::util::host_url;
use axum::body::Bytes;
use serde_json::{json, Map, Value};

/// One uploaded file.
#[derive(Debug, Clone)]
pub struct StoredFile {
    /// Its id in the URL.
    pub id: String,
    /// The name it was uploaded with (made safe for a URL path).
    pub name: String,
    /// Its MIME type (from the multipart part, else from the name).
    pub content_type: String,
    /// The bytes.
    pub bytes: Bytes,
    /// Who uploaded it.
    pub customer_id: String,
    /// When (RFC 3339).
    pub uploaded_at: String,
}

impl StoredFile {
    /// Where the cdn serves it.
    pub fn url(&self, port: u16) -> String {
        host_url(port, "cdn", &format!("/uploads/{}/{}", self.id, self.name))
    }

    /// Whether it is an image (its content type says so).
    pub fn is_image(&self) -> bool {
        self.content_type.starts_with("image/")
    }
}

fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 24 || &b[1..4] != b"PNG" {
        return None;
    }
    Some((u32::from_be_bytes([b[16], b[17], b[18], b[19]]), u32::from_be_bytes([b[20], b[21], b[22], b[23]])))
}

/// Adds what the service knows to `file` events that point at one of `files`
/// (spec "Events > File": `name`, `content_type`; `size`, `width`, `height` and
/// thumbnails only for images).
pub fn describe<'a>(files: &[StoredFile], port: u16, events: impl IntoIterator<Item = &'a mut Map<String, Value>>) {
    for ev in events {
        if ev.get("type").and_then(Value::as_str) != Some("file") {
            continue;
        }
        let url = ev.get("url").and_then(Value::as_str).unwrap_or_default().to_string();
        let Some(file) = files.iter().find(|f| f.url(port) == url) else { continue };
        ev.insert("name".into(), json!(file.name));
        ev.insert("content_type".into(), json!(file.content_type));
        if file.is_image() {
            ev.insert("size".into(), json!(file.bytes.len()));
            ev.insert("thumbnail_url".into(), json!(url));
            ev.insert("thumbnail2x_url".into(), json!(url));
            if let Some((w, h)) = png_size(&file.bytes) {
                ev.insert("width".into(), json!(w));
                ev.insert("height".into(), json!(h));
            }
        }
    }
}

/// The uploaded files, for the console and tests (oldest first).
pub fn to_json(files: &[StoredFile], port: u16) -> Value {
    Value::Array(
        files
            .iter()
            .map(|f| {
                json!({ "name": f.name, "content_type": f.content_type, "size": f.bytes.len(),
                "url": f.url(port), "customer_id": f.customer_id, "uploaded_at": f.uploaded_at })
            })
            .collect(),
    )
}
