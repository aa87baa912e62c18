//! Files from the visitor (issue 17 item 1, and its "Budgets and bad input"):
//! the upload state machine on the simulated clock, joined to the session (the
//! Customer Chat Web API's `upload_file` on the socket's region host, with the
//! login's token) and to the outbox (spec "Events > File": a `file` event whose
//! `url` is the one `upload_file` returned, sent once through the outbox).

mod common_conversation;

use common_conversation::{Fake, CHAT, CUSTOMER};
use livechat_widget::chat::Delivery;
use livechat_widget::conversation::{ConversationConfig, Intent};
use livechat_widget::protocol::EventBody;
use livechat_widget::session::Input;
use livechat_widget::upload::{
    FileInfo, UploadAnswer, UploadError, UploadOutput, UploadState, MAX_FILE_BYTES, STALL_TIMEOUT_MS,
};
use serde_json::{json, Value};

const OUTBOX: &str = "livechat:123:0:outbox";
const UPLOADS: &str = "livechat:123:0:uploads";
const URL: &str = "https://cdn.livechat-files.com/api/file/lc/att/123/abc/invoice.pdf";

fn fake() -> Fake {
    Fake::with_config(ConversationConfig {
        outbox_key: Some(OUTBOX.into()),
        uploads_key: Some(UPLOADS.into()),
        ..Default::default()
    })
}

fn pdf(size: u64) -> FileInfo {
    FileInfo { name: "invoice.pdf".into(), size, content_type: "application/pdf".into() }
}

fn attach(f: &mut Fake, file: FileInfo) -> String {
    let id = f.c.attach_file(file, f.now);
    f.input(Input::Tick);
    id
}

fn outputs(f: &mut Fake) -> Vec<UploadOutput> {
    std::iter::from_fn(|| f.c.poll_upload()).collect()
}

fn started(outputs: &[UploadOutput]) -> Vec<String> {
    outputs.iter().filter(|o| matches!(o, UploadOutput::Start { .. })).map(id_of).collect()
}

fn id_of(o: &UploadOutput) -> String {
    match o {
        UploadOutput::Start { id, .. } | UploadOutput::Abort { id } | UploadOutput::Release { id } => id.clone(),
    }
}

fn ok(url: &str) -> UploadAnswer {
    UploadAnswer { status: 200, body: json!({ "url": url }).to_string() }
}

fn answer(f: &mut Fake, id: &str, answer: UploadAnswer) {
    f.c.upload_answered(id, answer, f.now);
    f.input(Input::Tick);
}

fn state_of(f: &Fake, id: &str) -> Option<UploadState> {
    f.c.uploads().iter().find(|u| u.id == id).map(|u| u.state.clone())
}

fn file_events(f: &Fake) -> Vec<Value> {
    f.sent_with("send_event").into_iter().map(|s| s["payload"]["event"].clone()).collect()
}

fn logged_in() -> Fake {
    let mut f = fake();
    f.login_with_chat(json!([]));
    f
}

// customer-sdk's uploadFile: POST {api origin}/v3.2/customer/action/upload_file?license_id=…,
// `Authorization: <token type> <access token>`, on the socket's region host.
#[test]
fn an_upload_goes_to_the_region_host_with_the_token_and_becomes_one_file_event() {
    let mut f = logged_in();
    let id = attach(&mut f, pdf(2_000));
    let out = outputs(&mut f);
    let Some(UploadOutput::Start { target, .. }) = out.first() else { panic!("started: {out:?}") };
    assert_eq!(target.url, "https://api.livechatinc.com/v3.2/customer/action/upload_file?license_id=123");
    assert_eq!(target.authorization, "Bearer dal:t");

    f.c.upload_progress(&id, 1_000, 2_200, f.now);
    assert_eq!(f.c.uploads()[0].percent(), Some(45));
    assert!(file_events(&f).is_empty(), "nothing is sent before the URL is known");

    answer(&mut f, &id, ok(URL));
    assert!(f.c.uploads().is_empty(), "the upload leaves the tray as its event joins the log");
    assert_eq!(outputs(&mut f), [UploadOutput::Release { id: id.clone() }]);
    let events = file_events(&f);
    assert_eq!(events, [json!({ "custom_id": id, "type": "file", "url": URL })], "the spec's request table");
    let entries = f.c.state().timeline.entries();
    assert_eq!(entries.len(), 1);
    let EventBody::File(shown) = &entries[0].event.body else { panic!("a file row") };
    assert_eq!((shown.name.as_deref(), shown.size), (Some("invoice.pdf"), Some(2_000)));

    // The server's echo (no size: the spec returns it only for images) updates the same row.
    f.answer("send_event", json!({ "event_id": "E1" }));
    f.push(
        "incoming_event",
        json!({ "chat_id": CHAT, "thread_id": "T1", "event": {
        "id": "E1", "custom_id": id, "type": "file", "author_id": CUSTOMER, "created_at": "2026-01-01T00:00:09.000000Z",
        "url": URL, "name": "invoice.pdf", "content_type": "application/pdf" } }),
    );
    let entries = f.c.state().timeline.entries();
    assert_eq!(entries.len(), 1, "shown once");
    assert_eq!(entries[0].delivery, Delivery::Sent);
    let EventBody::File(echo) = &entries[0].event.body else { panic!("a file row") };
    assert_eq!(echo.size, Some(2_000), "the echo keeps the size the visitor's copy knew");
    assert_eq!(file_events(&f).len(), 1, "sent once");
}

#[test]
fn a_file_attached_before_login_waits_for_it_and_files_go_one_at_a_time_in_order() {
    let mut f = fake();
    let a = attach(&mut f, pdf(10));
    let b = attach(&mut f, FileInfo { name: "b.png".into(), size: 20, content_type: "image/png".into() });
    assert!(started(&outputs(&mut f)).is_empty(), "no token accepted yet");
    assert_eq!(state_of(&f, &a), Some(UploadState::Queued));

    f.login_with_chat(json!([]));
    assert_eq!(started(&outputs(&mut f)), std::slice::from_ref(&a), "one at a time");
    answer(&mut f, &a, ok("https://cdn.example/a.pdf"));
    assert_eq!(started(&outputs(&mut f)), std::slice::from_ref(&b));
    answer(&mut f, &b, ok("https://cdn.example/b.png"));
    let urls: Vec<_> = file_events(&f).iter().map(|e| e["url"].as_str().unwrap().to_owned()).collect();
    assert_eq!(urls, ["https://cdn.example/a.pdf", "https://cdn.example/b.png"], "in the order picked");
}

// Budgets and bad input: 0 bytes, 10 MB + 1 and a refused type never leave the browser.
#[test]
fn empty_too_large_and_refused_files_fail_at_once_and_are_never_sent() {
    let mut f = logged_in();
    let cases = [
        (pdf(0), UploadError::Empty),
        (pdf(MAX_FILE_BYTES + 1), UploadError::TooLarge),
        (
            FileInfo { name: "setup.exe".into(), size: 10, content_type: "application/x-msdownload".into() },
            UploadError::RefusedType,
        ),
    ];
    for (file, error) in cases {
        let id = attach(&mut f, file);
        assert_eq!(state_of(&f, &id), Some(UploadState::Failed(error.clone())));
        assert!(!error.is_retryable());
        assert_eq!(outputs(&mut f), [UploadOutput::Release { id: id.clone() }], "the file is let go, never started");
        f.intent(Intent::RetryUpload { id: id.clone() });
        assert!(started(&outputs(&mut f)).is_empty(), "retrying a refused file does nothing");
        f.intent(Intent::CancelUpload { id: id.clone() });
        assert_eq!(state_of(&f, &id), None, "removed");
    }
    let id = attach(&mut f, pdf(MAX_FILE_BYTES));
    assert_eq!(started(&outputs(&mut f)), [id], "exactly 10 MB is allowed");
    assert!(file_events(&f).is_empty());
}

// Budgets and bad input: an upload answer without `url`, and a network failure.
#[test]
fn an_answer_without_url_or_a_network_failure_fails_with_its_reason_and_a_retry_sends_once() {
    let mut f = logged_in();
    let id = attach(&mut f, pdf(10));
    outputs(&mut f);
    answer(&mut f, &id, UploadAnswer { status: 200, body: "{}".into() });
    assert_eq!(state_of(&f, &id), Some(UploadState::Failed(UploadError::NoUrl)));

    f.intent(Intent::RetryUpload { id: id.clone() });
    assert_eq!(started(&outputs(&mut f)), std::slice::from_ref(&id));
    answer(&mut f, &id, UploadAnswer { status: 0, body: String::new() });
    assert_eq!(state_of(&f, &id), Some(UploadState::Failed(UploadError::Network)));
    assert!(file_events(&f).is_empty(), "no file event without a URL");

    // Never retried by itself, however long it waits (10 minutes, the socket kept alive).
    for _ in 0..40 {
        f.advance(15_000);
        while !f.pending("ping").is_empty() {
            f.answer("ping", json!({}));
        }
    }
    assert!(matches!(f.c.status(), livechat_widget::session::ConnectionStatus::Connected));
    assert!(started(&outputs(&mut f)).is_empty());

    f.intent(Intent::RetryUpload { id: id.clone() });
    assert_eq!(started(&outputs(&mut f)), std::slice::from_ref(&id));
    answer(&mut f, &id, ok(URL));
    assert_eq!(file_events(&f).len(), 1);
    answer(&mut f, &id, ok(URL));
    assert_eq!(file_events(&f).len(), 1, "a repeated answer sends nothing more");
}

#[test]
fn a_service_error_keeps_its_type_and_message() {
    let mut f = logged_in();
    let id = attach(&mut f, pdf(10));
    outputs(&mut f);
    let body = json!({ "error": { "type": "authentication", "message": "Invalid access token" } }).to_string();
    answer(&mut f, &id, UploadAnswer { status: 401, body });
    assert_eq!(
        state_of(&f, &id),
        Some(UploadState::Failed(UploadError::Rejected {
            error_type: "authentication".into(),
            message: "Invalid access token".into()
        }))
    );
    answer(&mut f, &id, UploadAnswer { status: 413, body: String::new() });
    assert!(
        matches!(state_of(&f, &id), Some(UploadState::Failed(UploadError::Rejected { .. }))),
        "only the upload under way is answered"
    );
}

#[test]
fn cancelling_aborts_the_request_and_a_late_answer_sends_nothing() {
    let mut f = logged_in();
    let a = attach(&mut f, pdf(10));
    let b = attach(&mut f, pdf(20));
    outputs(&mut f);
    f.intent(Intent::CancelUpload { id: a.clone() });
    let out = outputs(&mut f);
    assert_eq!(out[..2], [UploadOutput::Abort { id: a.clone() }, UploadOutput::Release { id: a.clone() }]);
    assert_eq!(started(&out), std::slice::from_ref(&b), "the next file starts");
    answer(&mut f, &a, ok(URL));
    assert!(file_events(&f).is_empty(), "the cancelled upload's answer is ignored");
    f.intent(Intent::CancelUpload { id: b.clone() });
    assert!(f.c.uploads().is_empty());
}

#[test]
fn an_upload_without_progress_for_the_stall_timeout_is_aborted() {
    let mut f = logged_in();
    let id = attach(&mut f, pdf(10));
    outputs(&mut f);
    f.advance(STALL_TIMEOUT_MS - 1_000);
    f.c.upload_progress(&id, 5, 10, f.now);
    f.advance(STALL_TIMEOUT_MS - 1_000);
    assert!(
        matches!(state_of(&f, &id), Some(UploadState::Uploading { sent: 5, total: 10 })),
        "progress keeps it alive"
    );
    assert!(f.c.poll_timeout().is_some_and(|at| at <= f.now + 1_000));
    f.advance(1_000);
    assert_eq!(state_of(&f, &id), Some(UploadState::Failed(UploadError::TimedOut)));
    assert_eq!(outputs(&mut f), [UploadOutput::Abort { id }]);
}

#[test]
fn a_reconnect_during_an_upload_does_not_cut_it_and_its_event_is_sent_once() {
    let mut f = logged_in();
    let id = attach(&mut f, pdf(10));
    outputs(&mut f);
    f.input(Input::Closed { code: 1006, reason: String::new() });
    answer(&mut f, &id, ok(URL));
    assert!(file_events(&f).is_empty(), "waits for the connection");
    f.reconnect_with_chat(json!([]));
    assert_eq!(file_events(&f).len(), 1);
    f.answer("send_event", json!({ "event_id": "E1" }));
    f.reconnect_with_chat(json!([{ "id": "E1", "custom_id": id, "type": "file", "author_id": CUSTOMER,
        "created_at": "2026-01-01T00:00:09.000000Z", "url": URL, "name": "invoice.pdf" }]));
    assert_eq!(file_events(&f).len(), 1, "sent once");
    assert_eq!(f.c.state().timeline.len(), 1, "shown once");
}

fn reload(previous: &Fake) -> Fake {
    let mut g = fake();
    if let Some(outbox) = previous.last_stored(OUTBOX) {
        g.c.restore_outbox(outbox);
    }
    if let Some(uploads) = previous.last_stored(UPLOADS) {
        g.c.restore_uploads(uploads);
    }
    g
}

#[test]
fn an_upload_cut_by_a_reload_says_so_and_must_be_picked_again() {
    let mut f = logged_in();
    let id = attach(&mut f, pdf(10));
    let refused = attach(&mut f, pdf(0));
    outputs(&mut f);
    let stored: Value = serde_json::from_str(f.last_stored(UPLOADS).unwrap()).unwrap();
    assert_eq!(stored, json!([{ "id": id, "name": "invoice.pdf", "size": 10, "content_type": "application/pdf" }]));

    let mut g = reload(&f);
    assert_eq!(state_of(&g, &id), Some(UploadState::Failed(UploadError::Interrupted)));
    assert_eq!(state_of(&g, &refused), None, "a refused file is not brought back");
    g.login_with_chat(json!([]));
    g.intent(Intent::RetryUpload { id: id.clone() });
    assert!(started(&outputs(&mut g)).is_empty(), "the file went with the page: nothing to send");
    assert!(file_events(&g).is_empty());
    g.intent(Intent::CancelUpload { id: id.clone() });
    assert!(g.c.uploads().is_empty());
    assert_eq!(g.last_stored(UPLOADS), Some("[]"));
}

#[test]
fn a_finished_upload_survives_a_reload_in_the_outbox_and_is_sent_once() {
    let mut f = fake();
    f.login_with_chat(json!([]));
    let id = attach(&mut f, pdf(10));
    outputs(&mut f);
    f.input(Input::Closed { code: 1006, reason: String::new() });
    answer(&mut f, &id, ok(URL));
    assert_eq!(f.last_stored(UPLOADS), Some("[]"), "no longer an upload");
    let outbox: Value = serde_json::from_str(f.last_stored(OUTBOX).unwrap()).unwrap();
    assert_eq!(outbox[0]["event"], json!({ "custom_id": id, "type": "file", "url": URL }), "now in the outbox");

    let mut g = reload(&f);
    assert!(g.c.uploads().is_empty(), "not shown twice: only in the log");
    assert_eq!(g.c.state().timeline.len(), 1);
    g.login_with_chat(json!([]));
    assert_eq!(file_events(&g), [json!({ "custom_id": id, "type": "file", "url": URL })]);
}

#[test]
fn a_page_without_uploads_stores_nothing_for_them() {
    let mut f = logged_in();
    f.intent(Intent::SendMessage("hi".into()));
    assert_eq!(f.last_stored(UPLOADS), None);
}
