//! The header's "Download the transcript" button: the document from
//! [`transcript_html`] as a `Blob`, saved through an `<a download>`. Nothing
//! leaves the browser.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::chat_view::{is_shown, LogWindow};
use super::context::ChatContext;
use super::dynamic::{click, dyn_view};
use super::i18n::strings;
use super::transcript::{transcript_html, TRANSCRIPT_FILE_NAME};

/// Saves `html` as a file named [`TRANSCRIPT_FILE_NAME`].
fn save(html: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&html.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(TRANSCRIPT_FILE_NAME);
    link.click();
    // The click has started the download; the URL is not needed any more.
    web_sys::Url::revoke_object_url(&url)
}

/// Downloads the conversation; shown once the log has something to keep.
#[component]
pub fn TranscriptButton() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let log = ctx.slices.log;
    let has_rows = Memo::new(move |_| log.with(|l| l.entries.iter().any(|e| is_shown(e))));
    let download = move || {
        let html = log.with_untracked(|l| {
            let all = LogWindow::newest(l, l.entries.len(), t.agent_fallback);
            transcript_html(t, &all.rows)
        });
        if let Err(err) = save(&html) {
            web_sys::console::warn_2(&"livechat: transcript download failed".into(), &err);
        }
    };
    dyn_view(move || {
        has_rows.get().then(|| {
            view! {
                <button type="button" class="lc-header-btn lc-icon-btn lc-transcript" aria-label=t.transcript_download
                    on:click=click(download)>
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M12 4v10m0 0l-4-4m4 4l4-4M5 19h14" fill="none" stroke="currentColor" stroke-width="2"
                            stroke-linecap="round" stroke-linejoin="round"/>
                    </svg>
                </button>
            }
            .into_any()
        })
    })
}
