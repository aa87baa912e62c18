//! Storage for what must survive a reload (`customer_side_storage`, the
//! remembered region). Three layers, so the chat never breaks:
//! - the host page's localStorage, through the loader: browsers may deny storage
//!   to a third-party iframe (Chromium with third-party data blocked, Safari),
//!   so the loader hands a snapshot in the iframe URL and keeps every write;
//! - the iframe's own localStorage through gloo-storage, where allowed;
//! - memory, when neither is available.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use super::bridge::post_store;

/// Whether `key` belongs to one tab rather than the whole site: the outbox and
/// the uploads. They live in sessionStorage (here and on the host), which
/// survives a reload of the tab but is not shared, so a second tab never sends
/// another tab's messages nor shows another tab's files.
pub fn is_tab_scoped(key: &str) -> bool {
    key.ends_with(":outbox") || key.ends_with(":uploads")
}

/// The browser storage area for `key`.
fn area(key: &str) -> web_sys::Storage {
    if is_tab_scoped(key) {
        SessionStorage::raw()
    } else {
        LocalStorage::raw()
    }
}

/// Key-value storage for the widget.
#[derive(Debug, Default)]
pub struct Store {
    local: bool,
    // A `BTreeMap<String, String>`, the map type the protocol already links (a
    // `HashMap` here would link its own hash table); it holds a handful of keys.
    memory: RefCell<BTreeMap<String, String>>,
    host_origin: Option<String>,
}

impl Store {
    /// Opens the store with the host's `snapshot` (keys in the widget's
    /// namespace) and, when embedded, the host origin to mirror writes to.
    pub fn open(snapshot: BTreeMap<String, String>, host_origin: Option<String>) -> Store {
        // Accessing localStorage can throw (SecurityError), which gloo-storage
        // would turn into a JS exception: probe it once through web-sys.
        let works = |s: Option<web_sys::Storage>| {
            s.is_some_and(|s| s.set_item("livechat:probe", "1").is_ok() && s.remove_item("livechat:probe").is_ok())
        };
        let local = web_sys::window()
            .is_some_and(|w| works(w.local_storage().ok().flatten()) && works(w.session_storage().ok().flatten()));
        Store { local, memory: RefCell::new(snapshot), host_origin }
    }

    /// Whether values survive a reload (the host keeps them, or local storage works).
    pub fn is_persistent(&self) -> bool {
        self.local || self.host_origin.is_some()
    }

    /// The text stored under `key`: the host's copy first (it is the durable one
    /// when the iframe's storage is denied or partitioned), then local storage.
    pub fn get(&self, key: &str) -> Option<String> {
        if let Some(v) = self.memory.borrow().get(key) {
            return Some(v.clone());
        }
        if self.local {
            if let Ok(Some(v)) = area(key).get_item(key) {
                return Some(v);
            }
        }
        None
    }

    /// Stores `value` under `key` in every layer available.
    /// Writing the value a key already holds does nothing: each write to the host is a
    /// message its main thread handles.
    pub fn set(&self, key: &str, value: &str) {
        if self.memory.borrow().get(key).is_some_and(|held| held == value) {
            return;
        }
        if self.local {
            let _ = area(key).set_item(key, value);
        }
        self.memory.borrow_mut().insert(key.to_owned(), value.to_owned());
        if let Some(origin) = &self.host_origin {
            post_store(origin, key, value);
        }
    }
}

/// Reads the host's snapshot from the iframe URL's fragment (`#s=<JSON object>`),
/// keeping only string values under `namespace`. Anything malformed is ignored.
pub fn snapshot_from_fragment(fragment: &str, namespace: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(encoded) = fragment.trim_start_matches('#').split('&').find_map(|p| p.strip_prefix("s=")) else {
        return out;
    };
    let json = crate::widget_config::percent_decode(encoded);
    let Ok(serde_json::Value::Object(map)) = crate::json::parse(&json) else { return out };
    // By `insert`, not `collect` (why: `protocol::btree_map`).
    for (k, v) in map {
        if let (true, serde_json::Value::String(v)) = (k.starts_with(namespace), v) {
            out.insert(k, v);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::snapshot_from_fragment;

    #[test]
    fn snapshot_keeps_only_string_values_in_the_namespace() {
        let fragment =
            "#s=%7B%22livechat%3A1%3A0%3Aregion%22%3A%22fra%22%2C%22other%22%3A%22x%22%2C%22livechat%3A1%3An%22%3A5%7D";
        let snap = snapshot_from_fragment(fragment, "livechat:1:");
        assert_eq!(snap.len(), 1);
        assert_eq!(snap["livechat:1:0:region"], "fra");
    }

    #[test]
    fn malformed_fragments_give_an_empty_snapshot() {
        for f in ["", "#", "#s=", "#s=%7B", "#s=[1,2]", "#x=1", "#s=%ZZ"] {
            assert!(snapshot_from_fragment(f, "livechat:1:").is_empty(), "{f}");
        }
    }
}
