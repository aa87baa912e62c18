//! The upload requests (IO only; the state machine is `src/upload`): the files
//! the visitor handed over, kept by upload id until the core lets them go, and
//! one `XMLHttpRequest` at a time (fetch reports no upload progress), sent as
//! multipart `file` with the `Authorization` header, as LiveChat's customer-sdk does.

use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::upload::{UploadAnswer, UploadTarget};

/// What a request reports back to the driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadEvent {
    /// `sent` of `total` bytes are out.
    Progress {
        /// The upload.
        id: String,
        /// Bytes sent.
        sent: u64,
        /// Bytes to send.
        total: u64,
    },
    /// The request ended (status 0: it failed on the way).
    Done {
        /// The upload.
        id: String,
        /// Status and body.
        answer: UploadAnswer,
    },
}

struct Running {
    id: String,
    xhr: web_sys::XmlHttpRequest,
    _listeners: [Closure<dyn FnMut(web_sys::ProgressEvent)>; 3],
}

impl Drop for Running {
    fn drop(&mut self) {
        // Nothing may call the closures once they are gone.
        self.xhr.set_onload(None);
        self.xhr.set_onerror(None);
        if let Ok(upload) = self.xhr.upload() {
            upload.set_onprogress(None);
        }
    }
}

/// The files and the request under way.
pub struct UploadIo {
    files: BTreeMap<String, web_sys::File>,
    running: Option<Running>,
    on_event: Rc<dyn Fn(UploadEvent)>,
}

impl UploadIo {
    /// Reports every request's progress and end through `on_event` (later, from
    /// a task: never from inside a call to this type).
    pub fn new(on_event: Rc<dyn Fn(UploadEvent)>) -> Self {
        UploadIo { files: BTreeMap::new(), running: None, on_event }
    }

    /// Keeps the file the core knows as `id`.
    pub fn keep(&mut self, id: String, file: web_sys::File) {
        self.files.insert(id, file);
    }

    /// The core no longer needs the file `id`.
    pub fn release(&mut self, id: &str) {
        self.files.remove(id);
    }

    /// Sends the file `id` to `target`; an immediate failure is reported like any end.
    pub fn start(&mut self, id: &str, target: &UploadTarget) {
        self.running = None;
        match self.files.get(id).map(|file| self.send(id, file, target)) {
            Some(Ok(running)) => self.running = Some(running),
            _ => self.report(UploadEvent::Done {
                id: id.to_owned(),
                answer: UploadAnswer { status: 0, body: String::new() },
            }),
        }
    }

    /// Aborts the request of `id` (its end is not reported: the core moved on).
    pub fn abort(&mut self, id: &str) {
        if let Some(running) = self.running.take_if(|r| r.id == id) {
            let xhr = running.xhr.clone();
            drop(running);
            let _ = xhr.abort();
        }
    }

    fn report(&self, event: UploadEvent) {
        let on_event = self.on_event.clone();
        wasm_bindgen_futures::spawn_local(async move { on_event(event) });
    }

    fn send(&self, id: &str, file: &web_sys::File, target: &UploadTarget) -> Result<Running, JsValue> {
        let xhr = web_sys::XmlHttpRequest::new()?;
        xhr.open_with_async("POST", &target.url, true)?;
        xhr.set_request_header("Authorization", &target.authorization)?;
        let form = web_sys::FormData::new()?;
        form.append_with_blob_and_filename("file", file, &file.name())?;
        let listener = |make: fn(&str, &web_sys::XmlHttpRequest, &web_sys::ProgressEvent) -> UploadEvent| {
            let (id, on_event, request) = (id.to_owned(), self.on_event.clone(), xhr.clone());
            Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |ev: web_sys::ProgressEvent| {
                let (event, on_event) = (make(&id, &request, &ev), on_event.clone());
                // Reported from a task: the driver may drop this closure while handling it.
                wasm_bindgen_futures::spawn_local(async move { on_event(event) });
            })
        };
        let progress = listener(|id, _, ev| UploadEvent::Progress {
            id: id.to_owned(),
            sent: ev.loaded() as u64,
            total: if ev.length_computable() { ev.total() as u64 } else { 0 },
        });
        let load = listener(|id, xhr, _| UploadEvent::Done {
            id: id.to_owned(),
            answer: UploadAnswer {
                status: xhr.status().unwrap_or(0),
                body: xhr.response_text().ok().flatten().unwrap_or_default(),
            },
        });
        let error = listener(|id, _, _| UploadEvent::Done {
            id: id.to_owned(),
            answer: UploadAnswer { status: 0, body: String::new() },
        });
        xhr.upload()?.set_onprogress(Some(progress.as_ref().unchecked_ref()));
        xhr.set_onload(Some(load.as_ref().unchecked_ref()));
        xhr.set_onerror(Some(error.as_ref().unchecked_ref()));
        xhr.send_with_opt_form_data(Some(&form))?;
        Ok(Running { id: id.to_owned(), xhr, _listeners: [progress, load, error] })
    }
}
