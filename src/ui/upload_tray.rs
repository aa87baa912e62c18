//! The files on their way into the chat, above the composer: each with its
//! name and size, a progress bar and Cancel while it uploads, and, when it
//! failed, why, with Retry (when trying again can help) and Remove. An upload
//! leaves the tray in the same update that shows its `file` event in the log.
//! A button that goes away under the keyboard hands focus on: Cancel and Remove
//! to the composer, Retry to the row's Cancel (the row stays).

use leptos::prelude::*;

use crate::conversation::Intent;
use crate::upload::{Upload, UploadError, UploadState};

use super::attach::open_file_picker;
use super::context::ChatContext;
use super::dynamic::{click, dyn_view};
use super::i18n::{strings, FileStrings};
use super::view_state::ViewState;

/// What the visitor reads about a failure.
pub fn error_text(t: &FileStrings, error: &UploadError) -> String {
    match error {
        UploadError::Empty => t.empty.into(),
        UploadError::TooLarge => t.too_large.into(),
        UploadError::RefusedType => t.refused_type.into(),
        UploadError::Network => t.network.into(),
        UploadError::TimedOut => t.timed_out.into(),
        UploadError::Rejected { message, .. } => t.rejected(message),
        UploadError::NoUrl => t.no_url.into(),
        UploadError::Interrupted => t.interrupted.into(),
    }
}

/// The tray (nothing while no file is on its way).
#[component]
pub fn UploadTray() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let ids = Memo::new(move |_| ctx.slices.uploads.with(|u| u.iter().map(|u| u.id.clone()).collect::<Vec<_>>()));
    dyn_view(move || {
        if ids.with(Vec::is_empty) {
            return None;
        }
        Some(
            view! {
                <ul class="lc-uploads" aria-label=t.files.tray_label>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <UploadRow id=id/>
                    </For>
                </ul>
            }
            .into_any(),
        )
    })
}

#[component]
fn UploadRow(id: String) -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = &strings().files;
    let lookup = id.clone();
    let upload: Memo<Option<Upload>> =
        Memo::new(move |_| ctx.slices.uploads.with(|u| u.iter().find(|u| u.id == lookup).cloned()));
    let name = move || upload.with(|u| u.as_ref().map(|u| u.file.name.clone()).unwrap_or_default());
    let size = move || upload.with(|u| u.as_ref().map(|u| t.size(u.file.size)).unwrap_or_default());
    let view = ViewState::expect();
    let cancel_id = id.clone();
    let cancel = click(move || {
        view.focus_composer();
        ctx.send(Intent::CancelUpload { id: cancel_id.clone() });
    });
    let cancel_ref = NodeRef::<leptos::html::Button>::new();
    let status = dyn_view(move || {
        let upload = upload.get()?;
        Some(match &upload.state {
            UploadState::Queued => view! { <p class="lc-upload-status">{t.queued}</p> }.into_any(),
            UploadState::Uploading { .. } => {
                let percent = upload.percent().unwrap_or(0);
                let label = t.uploading(&upload.file.name);
                view! {
                    <progress class="lc-upload-progress" max="100" value=percent.to_string() aria-label=label></progress>
                }
                .into_any()
            }
            UploadState::Failed(error) => {
                let id = upload.id.clone();
                let retry = if error.is_retryable() {
                    Some(
                        view! {
                            <button type="button" class="lc-link-btn lc-upload-retry"
                                on:click=click(move || {
                                    if let Some(el) = cancel_ref.get_untracked() {
                                        let _ = el.focus();
                                    }
                                    ctx.send(Intent::RetryUpload { id: id.clone() });
                                })>
                                {t.retry}
                            </button>
                        }
                        .into_any(),
                    )
                } else if *error == UploadError::Interrupted {
                    // The file went with the page: pick it again in place of this entry.
                    Some(
                        view! {
                            <button type="button" class="lc-link-btn lc-upload-retry"
                                on:click=click(move || {
                                    ctx.send(Intent::CancelUpload { id: id.clone() });
                                    open_file_picker();
                                    view.focus_composer();
                                })>
                                {t.choose_again}
                            </button>
                        }
                        .into_any(),
                    )
                } else {
                    None
                };
                view! {
                    <p class="lc-upload-error" role="alert">{error_text(t, error)}</p>
                    {retry}
                }
                .into_any()
            }
        })
    });
    let failed = move || upload.with(|u| matches!(u.as_ref().map(|u| &u.state), Some(UploadState::Failed(_))));
    let action = move || if failed() { t.remove } else { t.cancel };
    view! {
        <li class="lc-upload" class:lc-upload-failed=failed data-upload=id.clone()>
            <span class="lc-upload-name">{name}</span>
            <span class="lc-upload-size">{size}</span>
            {status}
            <button type="button" class="lc-link-btn lc-upload-cancel" aria-label=move || format!("{}: {}", action(), name())
                node_ref=cancel_ref on:click=cancel>
                {action}
            </button>
        </li>
    }
}
