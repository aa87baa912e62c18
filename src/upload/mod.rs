//! The visitor's file uploads, sans IO: each file is queued, uploaded (one at a
//! time, so the files reach the chat in the order they were picked) with its
//! progress, and then handed over as an [`Uploaded`] file for the outbox; or it
//! fails with a reason, or is cancelled. The driver does only the request
//! (Customer Chat Web API `upload_file`: multipart `file`, `Authorization`,
//! `license_id` in the query, on the region host of the socket) and reports
//! progress and the answer back; the clock comes in as milliseconds.
//!
//! What a reload would cut (queued and uploading files, and failed ones that can
//! be tried again) is stored; the next page load shows each as interrupted, to be
//! picked again, since the file itself went with the page.

mod answer;
mod file;
mod stored;

use std::collections::VecDeque;

pub use answer::UploadAnswer;
pub use file::{FileInfo, UploadError, MAX_FILE_BYTES};

/// An upload with no progress for this long is aborted (a stalled network).
pub const STALL_TIMEOUT_MS: u64 = 30_000;

/// Path of `upload_file` on the region host (customer-sdk: `/v3.2/customer/action/upload_file`).
pub const UPLOAD_PATH: &str = "/v3.2/customer/action/upload_file";

/// Where an upload goes and with which credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadTarget {
    /// For example `https://api-fra.livechatinc.com/v3.2/customer/action/upload_file?license_id=123`.
    pub url: String,
    /// The `Authorization` header: `Bearer <access token>`.
    pub authorization: String,
}

/// Where one upload stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadState {
    /// Waiting for its turn (or for the session to log in).
    Queued,
    /// Being sent: `sent` of `total` bytes (the multipart body, a little over the file).
    Uploading {
        /// Bytes sent so far.
        sent: u64,
        /// Bytes to send (0 until the browser knows).
        total: u64,
    },
    /// It did not give a URL; retried or removed by the visitor, never by itself.
    Failed(UploadError),
}

/// One file the visitor attached.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upload {
    /// Its id, which becomes the `custom_id` of its `file` event.
    pub id: String,
    /// The file.
    pub file: FileInfo,
    /// Where it stands.
    pub state: UploadState,
}

impl Upload {
    /// Progress from 0 to 100 while uploading.
    pub fn percent(&self) -> Option<u8> {
        match self.state {
            UploadState::Uploading { sent, total } if total > 0 => Some((sent.min(total) * 100 / total) as u8),
            UploadState::Uploading { .. } => Some(0),
            _ => None,
        }
    }
}

/// A finished upload: its file and the URL for the `file` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uploaded {
    /// The upload's id (the event's `custom_id`).
    pub id: String,
    /// The file.
    pub file: FileInfo,
    /// The URL `upload_file` answered.
    pub url: String,
}

/// What the driver must do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadOutput {
    /// Send the file held under `id` to `target` and report progress and the answer.
    Start {
        /// The upload.
        id: String,
        /// Where and how.
        target: UploadTarget,
    },
    /// Abort the request of `id` (cancelled or stalled); report nothing more for it.
    Abort {
        /// The upload.
        id: String,
    },
    /// The file under `id` is no longer needed (uploaded, cancelled or removed).
    Release {
        /// The upload.
        id: String,
    },
}

/// The uploads of one page load. See the [module docs](self).
#[derive(Debug, Default)]
pub struct Uploads {
    items: Vec<Upload>,
    /// The upload under way and when it stalls.
    active: Option<(String, u64)>,
    out: VecDeque<UploadOutput>,
    /// What storage last received; `None` before the first write.
    persisted: Option<String>,
}

impl Uploads {
    /// Every upload not yet handed over, oldest first.
    pub fn items(&self) -> &[Upload] {
        &self.items
    }

    /// Adds a file; one that cannot be uploaded fails at once (never sent).
    pub fn add(&mut self, id: String, file: FileInfo) {
        let state = match file.refusal() {
            Some(error) => {
                self.out.push_back(UploadOutput::Release { id: id.clone() });
                UploadState::Failed(error)
            }
            None => UploadState::Queued,
        };
        self.items.push(Upload { id, file, state });
    }

    /// Whether an upload would start now, given a target (none is under way and one is queued).
    pub fn can_start(&self) -> bool {
        self.active.is_none() && self.items.iter().any(|u| u.state == UploadState::Queued)
    }

    /// Starts the oldest queued upload when none is under way; `target` is
    /// `None` while there is no usable token (the upload waits).
    pub fn start_next(&mut self, target: Option<UploadTarget>, now_ms: u64) {
        let (None, Some(target)) = (&self.active, target) else { return };
        let Some(upload) = self.items.iter_mut().find(|u| u.state == UploadState::Queued) else { return };
        upload.state = UploadState::Uploading { sent: 0, total: 0 };
        self.active = Some((upload.id.clone(), now_ms + STALL_TIMEOUT_MS));
        self.out.push_back(UploadOutput::Start { id: upload.id.clone(), target });
    }

    /// The browser reported `sent` of `total` bytes.
    pub fn progress(&mut self, id: &str, sent: u64, total: u64, now_ms: u64) {
        let Some(upload) = self.active_mut(id) else { return };
        upload.state = UploadState::Uploading { sent, total };
        self.active = Some((id.to_owned(), now_ms + STALL_TIMEOUT_MS));
    }

    /// The request ended. Returns the file with its URL when it worked; else
    /// the upload shows as failed. An answer for anything but the upload under
    /// way (cancelled meanwhile) is ignored.
    pub fn answered(&mut self, id: &str, answer: UploadAnswer) -> Option<Uploaded> {
        self.active_mut(id)?;
        self.active = None;
        match answer.into_url() {
            Ok(url) => {
                let i = self.items.iter().position(|u| u.id == id)?;
                let upload = self.items.remove(i);
                self.out.push_back(UploadOutput::Release { id: id.to_owned() });
                Some(Uploaded { id: upload.id, file: upload.file, url })
            }
            Err(error) => {
                self.fail(id, error);
                None
            }
        }
    }

    /// Cancels a queued or running upload, or removes a failed one.
    pub fn cancel(&mut self, id: &str) {
        let Some(i) = self.items.iter().position(|u| u.id == id) else { return };
        if self.active.as_ref().is_some_and(|(a, _)| a == id) {
            self.active = None;
            self.out.push_back(UploadOutput::Abort { id: id.to_owned() });
        }
        let upload = self.items.remove(i);
        // A refused file was let go when it was added.
        if !matches!(&upload.state, UploadState::Failed(e) if e.is_refusal()) {
            self.out.push_back(UploadOutput::Release { id: id.to_owned() });
        }
    }

    /// Queues a failed upload again, when trying the same file again may work.
    pub fn retry(&mut self, id: &str) {
        if let Some(upload) = self.items.iter_mut().find(|u| u.id == id) {
            if matches!(&upload.state, UploadState::Failed(e) if e.is_retryable()) {
                upload.state = UploadState::Queued;
            }
        }
    }

    /// When the upload under way stalls.
    pub fn poll_timeout(&self) -> Option<u64> {
        self.active.as_ref().map(|(_, at)| *at)
    }

    /// Aborts the upload under way when it made no progress for [`STALL_TIMEOUT_MS`].
    pub fn tick(&mut self, now_ms: u64) {
        let Some((id, at)) = self.active.clone() else { return };
        if now_ms >= at {
            self.active = None;
            self.out.push_back(UploadOutput::Abort { id: id.clone() });
            self.fail(&id, UploadError::TimedOut);
        }
    }

    /// The next thing for the driver to do.
    pub fn poll_output(&mut self) -> Option<UploadOutput> {
        self.out.pop_front()
    }

    fn active_mut(&mut self, id: &str) -> Option<&mut Upload> {
        if self.active.as_ref().is_none_or(|(a, _)| a != id) {
            return None;
        }
        self.items.iter_mut().find(|u| u.id == id)
    }

    fn fail(&mut self, id: &str, error: UploadError) {
        if let Some(upload) = self.items.iter_mut().find(|u| u.id == id) {
            upload.state = UploadState::Failed(error);
        }
    }
}
