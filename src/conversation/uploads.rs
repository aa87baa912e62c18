//! The visitor's files: [`Uploads`] (`src/upload`) joined to the session (the
//! token and region host it uploads with) and to the outbox (a finished upload
//! becomes a `file` event with the upload's id as its `custom_id`, sent once
//! like every event).

use crate::protocol::{EventBody, FileEvent, NewEvent};
use crate::session::{ConnectionStatus, Input};
use crate::upload::{FileInfo, Upload, UploadAnswer, UploadOutput, UploadTarget, Uploaded, UPLOAD_PATH};

use super::Conversation;

impl Conversation {
    /// The visitor picked, dropped or pasted a file: queued (or refused at
    /// once). Returns the upload's id, under which the driver keeps the file.
    pub fn attach_file(&mut self, file: FileInfo, now_ms: u64) -> String {
        let greeting = super::greeting_ref(&self.state);
        if matches!(self.status, ConnectionStatus::Paused { .. }) {
            self.session.handle_input(Input::Resume, now_ms);
        }
        let id = self.ids.next(now_ms);
        self.uploads.add(id.clone(), file);
        self.pump(now_ms);
        self.start_uploads(now_ms);
        self.after(greeting);
        id
    }

    /// The browser sent `sent` of `total` bytes of upload `id`.
    pub fn upload_progress(&mut self, id: &str, sent: u64, total: u64, now_ms: u64) {
        self.uploads.progress(id, sent, total, now_ms);
    }

    /// Upload `id` ended with `answer` (status 0: no answer came). A URL
    /// becomes the `file` event; anything else shows as failed; the next file starts.
    pub fn upload_answered(&mut self, id: &str, answer: UploadAnswer, now_ms: u64) {
        let greeting = super::greeting_ref(&self.state);
        if let Some(uploaded) = self.uploads.answered(id, answer) {
            self.send_uploaded(uploaded, now_ms);
        } else if let Some(upload) = self.uploads.items().iter().find(|u| u.id == id) {
            self.warn(format!("upload of {:?} failed: {:?}", upload.file.name, upload.state));
        }
        self.pump(now_ms);
        self.start_uploads(now_ms);
        self.after(greeting);
    }

    /// The files not yet in the chat: queued, uploading or failed.
    pub fn uploads(&self) -> &[Upload] {
        self.uploads.items()
    }

    /// The next upload request to start or abort, or file to let go of.
    pub fn poll_upload(&mut self) -> Option<UploadOutput> {
        self.uploads.poll_output()
    }

    /// Takes back the uploads a previous page load stored: shown as interrupted.
    pub fn restore_uploads(&mut self, stored: &str) {
        self.uploads.restore(stored);
    }

    /// Starts the next queued upload once the session is logged in (its token
    /// is then one the service accepted).
    pub(super) fn start_uploads(&mut self, now_ms: u64) {
        if !self.uploads.can_start() {
            return;
        }
        let target = match (&self.status, self.session.token()) {
            (ConnectionStatus::Connected, Some(token)) => Some(UploadTarget {
                url: format!("{}{UPLOAD_PATH}?license_id={}", self.session.web_api_origin(), self.session.license_id()),
                authorization: token.login_value(),
            }),
            _ => None,
        };
        self.uploads.start_next(target, now_ms);
    }

    /// The `file` event of a finished upload, shown at once with what the
    /// browser knows of the file (the server's echo brings the rest).
    fn send_uploaded(&mut self, uploaded: Uploaded, now_ms: u64) {
        let Uploaded { id, file, url } = uploaded;
        let event = NewEvent::file(url).with_custom_id(id.clone());
        let mut shown = event.to_local_event(self.state.customer_id().map(str::to_owned));
        if let EventBody::File(f) = &mut shown.body {
            *f = FileEvent {
                name: Some(file.name),
                size: Some(file.size),
                content_type: Some(file.content_type).filter(|c| !c.is_empty()),
                ..std::mem::take(f)
            };
        }
        self.queue_event(id, event, shown, now_ms);
    }
}
