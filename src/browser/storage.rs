//! localStorage through gloo-storage, with an in-memory fallback when storage
//! is unavailable (sandboxed iframe, private mode, quota) so the chat still works.

use std::cell::RefCell;
use std::collections::HashMap;

use gloo_storage::{LocalStorage, Storage};

/// Key-value storage for `customer_side_storage`, the remembered region and the outbox.
#[derive(Debug, Default)]
pub struct Store {
    available: bool,
    memory: RefCell<HashMap<String, String>>,
}

impl Store {
    /// Probes localStorage once: accessing it can throw (SecurityError), which
    /// gloo-storage would turn into a JS exception.
    pub fn open() -> Store {
        let available = web_sys::window()
            .and_then(|w| w.local_storage().ok().flatten())
            .is_some_and(|s| s.set_item("livechat:probe", "1").is_ok() && s.remove_item("livechat:probe").is_ok());
        Store { available, memory: RefCell::new(HashMap::new()) }
    }

    /// Whether values survive a reload.
    pub fn is_persistent(&self) -> bool {
        self.available
    }

    /// The raw text stored under `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        if self.available {
            if let Ok(Some(v)) = LocalStorage::raw().get_item(key) {
                return Some(v);
            }
        }
        self.memory.borrow().get(key).cloned()
    }

    /// Stores raw text under `key`; falls back to memory when storage refuses (quota).
    pub fn set(&self, key: &str, value: &str) {
        if self.available && LocalStorage::raw().set_item(key, value).is_ok() {
            return;
        }
        self.memory.borrow_mut().insert(key.to_owned(), value.to_owned());
    }
}
