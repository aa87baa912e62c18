//! What the composition root does with the running widget once the UI is there (it may
//! be mounted after the connection started, when it waits for its language's table).

use std::cell::RefCell;
use std::rc::Weak;

use super::{intent, Driver};
use crate::chat::Visibility;
use crate::conversation::Intent;

/// The running widget, for what the composition root does once the UI is there.
pub struct Running {
    pub(super) driver: Weak<RefCell<Driver>>,
}

impl Running {
    /// The text beside the unread count in the host tab's title, in the widget's language.
    pub fn set_title_text(&self, text: &'static str) {
        if let Some(driver) = self.driver.upgrade() {
            driver.borrow_mut().title_text = text;
        }
    }

    /// The UI is mounted: the page's static launcher goes, and a click on it while the
    /// widget was starting opens the window.
    pub fn ui_mounted(&self) {
        if take_over_boot_launcher() {
            intent(&self.driver, Intent::SetVisibility(Visibility::Maximized));
        }
    }
}

/// The iframe page shows a static launcher until the wasm runs (docs/bridge.md):
/// removes it; returns whether the visitor already clicked it.
fn take_over_boot_launcher() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    if let Some(boot) = document.get_element_by_id("lc-boot") {
        boot.remove();
    }
    let clicked = document.document_element().and_then(|root| root.get_attribute("data-lc-open"));
    clicked.as_deref() == Some("1")
}
