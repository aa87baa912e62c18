//! `form` events inside the chat (issue 17 item 5; data structures "Form" and
//! "Filled form"): the agent's empty form (for example `ask_for_email`) is
//! answered with a `filled_form` carrying its `form_id`, through the outbox like
//! every customer event, once.

mod common_conversation;

use common_conversation::{Fake, AGENT, CHAT};
use livechat_widget::conversation::Intent;
use livechat_widget::protocol::{Answer, EventBody, FilledFormField, FormFieldType};
use serde_json::json;

fn ask_for_email(id: &str) -> serde_json::Value {
    json!({"id": id, "type": "form", "author_id": AGENT, "created_at": "2026-01-01T00:00:03.000000Z",
        "visibility": "all", "form_id": "F-EMAIL", "form_type": "ask_for_email",
        "fields": [{"type": "email", "id": "e1", "label": "Your email", "required": true}]})
}

fn email_answer() -> Vec<FilledFormField> {
    vec![FilledFormField {
        id: "e1".into(),
        field_type: FormFieldType::Email,
        label: "Your email".into(),
        answer: Answer::Text("ada@example.com".into()),
    }]
}

#[test]
fn a_form_event_is_answered_once_with_a_filled_form_through_the_outbox() {
    let mut f = Fake::new();
    f.login_with_chat(json!([]));
    f.push("incoming_event", json!({"chat_id": CHAT, "thread_id": "T1", "event": ask_for_email("FORM1")}));
    f.intent(Intent::SubmitChatForm { event_id: "FORM1".into(), fields: email_answer() });
    let sent = f.pending("send_event");
    assert_eq!(sent.len(), 1);
    let event = &sent[0]["payload"]["event"];
    assert_eq!(event["type"], "filled_form");
    assert_eq!(event["form_id"], "F-EMAIL");
    assert_eq!(
        event["fields"],
        json!([{"type": "email", "id": "e1", "label": "Your email", "answer": "ada@example.com"}])
    );
    let custom_id = event["custom_id"].as_str().expect("a custom_id, as every outbox event").to_owned();
    // Shown at once, as the customer's pending filled form, after the form.
    let entries = f.c.state().timeline.entries();
    let last = entries.last().unwrap();
    assert_eq!(last.custom_id.as_deref(), Some(custom_id.as_str()));
    assert!(matches!(&last.event.body, EventBody::FilledForm(ff) if ff.form_id == "F-EMAIL"));
    assert!(f.c.state().chat_form_answered("FORM1", "F-EMAIL"));

    // A second submit (double click, a second tab's stale form) sends nothing.
    f.intent(Intent::SubmitChatForm { event_id: "FORM1".into(), fields: email_answer() });
    assert_eq!(f.sent_with("send_event").len(), 1);
    // Nor does answering an event that is no form, or unknown.
    f.agent_says("M1", "Thanks!");
    f.intent(Intent::SubmitChatForm { event_id: "M1".into(), fields: email_answer() });
    f.intent(Intent::SubmitChatForm { event_id: "NOPE".into(), fields: email_answer() });
    assert_eq!(f.sent_with("send_event").len(), 1);
}

#[test]
fn an_answer_cut_by_a_reconnect_is_sent_again_once() {
    let mut f = Fake::new();
    f.login_with_chat(json!([ask_for_email("FORM1")]));
    f.intent(Intent::SubmitChatForm { event_id: "FORM1".into(), fields: email_answer() });
    assert_eq!(f.sent_with("send_event").len(), 1);
    // The socket drops before the answer: the outbox sends it again after the login, once.
    f.reconnect_with_chat(json!([ask_for_email("FORM1")]));
    let sends = f.sent_with("send_event");
    assert_eq!(sends.len(), 2, "resent after the reconnect");
    assert_eq!(sends[1]["payload"]["event"]["custom_id"], sends[0]["payload"]["event"]["custom_id"]);
    assert_eq!(
        f.c.state().timeline.entries().iter().filter(|e| matches!(e.event.body, EventBody::FilledForm(_))).count(),
        1,
        "shown once"
    );
}
