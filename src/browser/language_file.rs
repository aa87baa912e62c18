//! The language tables other than English are files of the build, fetched on demand
//! (docs/decisions.md, "Language tables on demand"). The iframe page names them in
//! `<meta name="lc-languages" content="de=de.<hash>.json fr=…">`, written by the build
//! (scripts/hash-dist.mjs puts the content hashes in; `trunk serve` leaves the plain names).

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The URL of language `code`'s table, relative to the iframe page, as the page names it;
/// `None` when the page names none for it.
pub fn language_file(code: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let manifest = document.query_selector("meta[name=lc-languages]").ok()??.get_attribute("content")?;
    let file = manifest.split_whitespace().find_map(|entry| entry.strip_prefix(code)?.strip_prefix('='))?;
    Some(file.to_owned())
}

/// Why a file did not arrive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// No answer within the wait.
    TimedOut,
    /// The request failed or the server refused it (`HTTP 500`).
    Failed(String),
}

/// Fetches `url` and calls `done` once: with its text or why not, or with
/// [`FetchError::TimedOut`] after `wait_ms` without an answer (a later answer is dropped).
pub fn fetch_within(url: String, wait_ms: u32, done: impl FnOnce(Result<String, FetchError>) + 'static) {
    let done = Rc::new(RefCell::new(Some(done)));
    let late = done.clone();
    let timer = Timeout::new(wait_ms, move || {
        let done = late.borrow_mut().take();
        if let Some(done) = done {
            done(Err(FetchError::TimedOut));
        }
    });
    wasm_bindgen_futures::spawn_local(async move {
        let result = fetch_text(&url).await.map_err(FetchError::Failed);
        drop(timer);
        // Taken before the call: `done` mounts the UI, which may run for a while.
        let done = done.borrow_mut().take();
        if let Some(done) = done {
            done(result);
        }
    });
}

/// The text at `url` (same origin: the page's CSP allows `connect-src 'self'`), or why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let js_error = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let window = web_sys::window().ok_or("no window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| "not a response".to_owned())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(js_error)?).await.map_err(js_error)?;
    text.as_string().ok_or_else(|| "not text".to_owned())
}
