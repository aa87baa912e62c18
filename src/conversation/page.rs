//! The host page's navigation in a single-page app (the loader reports history
//! and hash changes): when the server hears of it with `update_customer_page`
//! (spec: "Methods > Customers > Update Customer Page"). Before login nothing is
//! sent: the next login's `customer_page` carries the page. After login each
//! navigation to a page the server was not told of sends one request; a repeat of
//! the same page (routers call `replaceState` for their own state) sends none.

use crate::protocol::request::{CustomerPage, UpdateCustomerPage};

/// The page the customer is on and the one the server was last told of.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageTracker {
    /// Where the customer is now (what the next login sends).
    current: CustomerPage,
    /// What the server knows: the last login's page or the last update; `None` before login.
    told: Option<CustomerPage>,
}

impl PageTracker {
    /// A tracker starting on `page` (the page the widget was loaded on).
    pub(crate) fn new(page: CustomerPage) -> Self {
        PageTracker { current: page, told: None }
    }

    /// A login just carried the current page as its `customer_page`.
    pub(crate) fn logged_in(&mut self) {
        self.told = Some(self.current.clone());
    }

    /// The host navigated to `page`; `logged_in` says whether a request may go
    /// now. Returns the request to send, if any.
    pub(crate) fn navigated(&mut self, page: CustomerPage, logged_in: bool) -> Option<UpdateCustomerPage> {
        self.current = page;
        let url = self.current.url.clone().filter(|u| !u.is_empty())?;
        let told = self.told.as_mut().filter(|_| logged_in)?;
        if *told == self.current {
            return None;
        }
        *told = self.current.clone();
        Some(UpdateCustomerPage { url, title: self.current.title.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str, title: &str) -> CustomerPage {
        CustomerPage { url: Some(url.into()), title: Some(title.into()) }
    }

    #[test]
    fn nothing_is_sent_before_login_and_the_login_carries_the_page() {
        let mut pages = PageTracker::new(page("https://shop/", "Shop"));
        assert_eq!(pages.navigated(page("https://shop/a", "A"), false), None);
        pages.logged_in();
        assert_eq!(pages.navigated(page("https://shop/a", "A"), true), None, "the login told it");
    }

    #[test]
    fn each_new_page_is_sent_once() {
        let mut pages = PageTracker::new(page("https://shop/", "Shop"));
        pages.logged_in();
        let sent = pages.navigated(page("https://shop/b", "B"), true);
        assert_eq!(sent, Some(UpdateCustomerPage { url: "https://shop/b".into(), title: Some("B".into()) }));
        assert_eq!(pages.navigated(page("https://shop/b", "B"), true), None);
        assert!(pages.navigated(page("https://shop/b", "B, 2 items"), true).is_some(), "a new title is news");
    }

    #[test]
    fn while_disconnected_the_page_waits_for_the_next_login() {
        let mut pages = PageTracker::new(page("https://shop/", "Shop"));
        pages.logged_in();
        assert_eq!(pages.navigated(page("https://shop/c", "C"), false), None);
        pages.logged_in();
        assert_eq!(pages.navigated(page("https://shop/c", "C"), true), None);
    }
}
