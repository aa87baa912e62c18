//! The uploads a reload would cut, in storage: `[{id, name, size, content_type}]`.
//! Files refused before sending are not kept (the visitor saw why, and there is
//! nothing to pick again); everything else comes back as interrupted.

use serde_json::{json, Value};

use super::{FileInfo, UploadError, UploadState, Uploads};

impl Uploads {
    /// Takes back what a previous page load stored: each upload as interrupted.
    /// Entries that do not decode (another version, tampering) are skipped.
    pub fn restore(&mut self, stored: &str) {
        let Ok(Value::Array(items)) = crate::json::parse(stored) else { return };
        for item in &items {
            let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_owned);
            let (Some(id), Some(name), Some(size)) =
                (text("id"), text("name"), item.get("size").and_then(Value::as_u64))
            else {
                continue;
            };
            if self.items.iter().any(|u| u.id == id) {
                continue;
            }
            let file = FileInfo { name, size, content_type: text("content_type").unwrap_or_default() };
            self.items.push(super::Upload { id, file, state: UploadState::Failed(UploadError::Interrupted) });
        }
        self.persisted = Some(self.stored());
    }

    /// The stored text, when it differs from what storage last received
    /// (nothing stored yet counts as no uploads, so a page without any writes nothing).
    pub fn take_store(&mut self) -> Option<String> {
        let value = self.stored();
        if self.persisted.as_deref().unwrap_or("[]") == value {
            return None;
        }
        self.persisted = Some(value.clone());
        Some(value)
    }

    fn stored(&self) -> String {
        let kept = self.items.iter().filter(|u| !matches!(&u.state, UploadState::Failed(e) if e.is_refusal()));
        let entries: Vec<Value> = kept
            .map(|u| json!({ "id": u.id, "name": u.file.name, "size": u.file.size, "content_type": u.file.content_type }))
            .collect();
        Value::Array(entries).to_string()
    }
}
