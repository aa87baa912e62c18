//! Nobody online (issue 17 item 3): availability kept fresh on the simulated clock,
//! the ticket form (`get_form` type `ticket`) posted as LiveChat's v3.2 client does
//! (`/v2/tickets/new`), its failures and timeout, and the continuous chat
//! (spec "Start Chat": `continuous`) where no ticket form is enabled. Also the
//! unread count and reply sound while the host tab is hidden (item 4).

mod common_conversation;

use common_conversation::{Fake, CHAT, CUSTOMER};
use livechat_widget::chat::{Availability, FormSlot, TicketStatus, Visibility};
use livechat_widget::conversation::{Intent, TicketAnswer, AVAILABILITY_INTERVAL_MS, TICKET_TIMEOUT_MS};
use livechat_widget::protocol::{FilledFormField, FormFieldType};
use serde_json::{json, Value};

fn login_offline(f: &mut Fake) {
    f.login_with(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "chats": []}));
    f.answer("list_group_statuses", json!({"groups_status": {"0": "offline"}}));
}

/// LiveChat's ticket form: fields without ids.
fn ticket_form() -> Value {
    json!({"enabled": true, "form": {"fields": [
        {"type": "header", "label": "Leave us a message"},
        {"type": "name", "label": "Your name:", "required": false},
        {"type": "email", "label": "E-mail:", "required": true},
        {"type": "subject", "label": "Subject:", "required": false},
        {"type": "textarea", "label": "Message:", "required": true}]}})
}

fn answers() -> Vec<FilledFormField> {
    vec![
        FilledFormField::text("1", FormFieldType::Name, "Your name:", "Ann"),
        FilledFormField::text("2", FormFieldType::Email, "E-mail:", "ann@example.com"),
        FilledFormField::text("3", FormFieldType::Subject, "Subject:", "Order 12"),
        FilledFormField::text("4", FormFieldType::Textarea, "Message:", "Where is it?"),
    ]
}

/// Lets `ms` pass on a healthy connection (every ping answered).
fn idle(f: &mut Fake, ms: u64) {
    let mut left = ms;
    while left > 0 {
        let step = left.min(5_000);
        f.advance(step);
        left -= step;
        while !f.pending("ping").is_empty() {
            f.answer("ping", json!({}));
        }
    }
}

fn host_events(f: &mut Fake) -> Vec<Value> {
    std::iter::from_fn(|| f.c.poll_host_event()).map(|e| serde_json::to_value(e).unwrap()).collect()
}

#[test]
fn availability_is_checked_at_login_on_opening_and_once_a_minute_while_the_launcher_shows() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    assert_eq!(f.sent_with("list_group_statuses").len(), 1);
    idle(&mut f, AVAILABILITY_INTERVAL_MS - 1);
    assert_eq!(f.sent_with("list_group_statuses").len(), 1, "not before a minute");
    idle(&mut f, 1);
    assert_eq!(f.sent_with("list_group_statuses").len(), 2);
    f.answer("list_group_statuses", json!({"groups_status": {"0": "offline"}}));
    assert_eq!(f.c.state().availability, Availability::Offline);
    // Opening the window asks at once, and the open window is not polled.
    f.intent(Intent::SetVisibility(Visibility::Maximized));
    assert_eq!(f.sent_with("list_group_statuses").len(), 3);
    f.answer("list_group_statuses", json!({"groups_status": {"0": "online"}}));
    assert_eq!(f.c.state().availability, Availability::Online);
    idle(&mut f, 5 * AVAILABILITY_INTERVAL_MS);
    assert_eq!(f.sent_with("list_group_statuses").len(), 3);
}

#[test]
fn offline_the_ticket_form_is_fetched_once_and_posted_as_livechats_client_does() {
    let mut f = Fake::new();
    login_offline(&mut f);
    let asked = f.pending("get_form");
    assert!(asked.iter().any(|r| r["payload"] == json!({"group_id": 0, "type": "ticket"})), "{asked:?}");
    f.answer("get_form", json!({"enabled": false})); // prechat
    f.answer("get_form", ticket_form());
    f.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    let FormSlot::Ready(form) = &f.c.state().ticket else { panic!("no ticket form") };
    let ids: Vec<_> = form.fields.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["0", "1", "2", "3", "4"], "fields without ids are numbered");
    // Another offline status does not fetch it again.
    idle(&mut f, AVAILABILITY_INTERVAL_MS);
    f.answer("list_group_statuses", json!({"groups_status": {"0": "offline"}}));
    assert_eq!(f.sent_with("get_form").len(), 2);

    host_events(&mut f);
    f.intent(Intent::SubmitTicket(answers()));
    assert_eq!(f.c.state().ticket_status, TicketStatus::Sending);
    let request = f.c.poll_ticket().expect("a ticket request");
    assert_eq!(request.url, "https://api.livechatinc.com/v2/tickets/new");
    let body: Value = serde_json::from_str(&request.body).unwrap();
    assert_eq!(
        body,
        json!({"licence_id": 123, "visitor_id": CUSTOMER, "group": 0, "subject": "Order 12",
            "requester": {"name": "Ann", "mail": "ann@example.com"},
            "offline_message": "Your name: Ann\nE-mail: ann@example.com\nSubject: Order 12\nMessage: Where is it?",
            "ticket_message": "Message: Where is it?"})
    );
    // A second submit while one is under way sends nothing.
    f.intent(Intent::SubmitTicket(answers()));
    assert!(f.c.poll_ticket().is_none());
    f.c.handle_ticket_answer(request.id, TicketAnswer::Http { status: 200, body: r#"{"id":"TK1"}"#.into() });
    assert_eq!(f.c.state().ticket_status, TicketStatus::Sent("TK1".into()));
    let events = host_events(&mut f);
    assert_eq!(events, [json!({"name": "form_submitted", "data": {"type": "ticket"}})]);
    // A repeated answer is not a second ticket.
    f.c.handle_ticket_answer(request.id, TicketAnswer::Http { status: 200, body: r#"{"id":"TK1"}"#.into() });
    assert!(host_events(&mut f).is_empty());
}

fn ready_to_send_ticket() -> Fake {
    let mut f = Fake::new();
    login_offline(&mut f);
    f.answer("get_form", json!({"enabled": false}));
    f.answer("get_form", ticket_form());
    f.intent(Intent::SubmitTicket(answers()));
    f
}

// Bad input: the ticket endpoint fails (a validation error, a server error, no
// network, an answer without an id): the form says so, nothing is announced, and
// the next submit sends it again.
#[test]
fn a_failing_ticket_endpoint_is_reported_and_can_be_sent_again() {
    let cases = [
        (
            TicketAnswer::Http {
                status: 422,
                body: r#"{"errors":[{"incorrect requester structure":["mail is invalid"]}]}"#.into(),
            },
            "mail is invalid",
        ),
        (TicketAnswer::Http { status: 500, body: "oops".into() }, "HTTP 500"),
        (TicketAnswer::Network("Failed to fetch".into()), "network: Failed to fetch"),
        (TicketAnswer::Http { status: 200, body: "{}".into() }, "the answer has no ticket id"),
    ];
    for (answer, reason) in cases {
        let mut f = ready_to_send_ticket();
        let request = f.c.poll_ticket().unwrap();
        host_events(&mut f);
        f.c.handle_ticket_answer(request.id, answer);
        assert_eq!(f.c.state().ticket_status, TicketStatus::Failed(reason.into()));
        assert!(host_events(&mut f).is_empty());
        f.intent(Intent::SubmitTicket(answers()));
        let again = f.c.poll_ticket().expect("sent again");
        assert_ne!(again.id, request.id);
        assert_eq!(again.body, request.body, "the same answers");
    }
}

// Bad input: the ticket endpoint does not answer: after the timeout the form
// says so; the late answer is ignored (not shown twice), and a retry works.
#[test]
fn a_ticket_endpoint_that_times_out_fails_on_the_cores_clock() {
    let mut f = ready_to_send_ticket();
    let request = f.c.poll_ticket().unwrap();
    assert!(f.c.poll_timeout().is_some_and(|at| at <= f.now + TICKET_TIMEOUT_MS));
    f.advance(TICKET_TIMEOUT_MS - 1);
    assert_eq!(f.c.state().ticket_status, TicketStatus::Sending);
    f.advance(1);
    assert!(matches!(f.c.state().ticket_status, TicketStatus::Failed(_)));
    host_events(&mut f);
    f.c.handle_ticket_answer(request.id, TicketAnswer::Http { status: 200, body: r#"{"id":"LATE"}"#.into() });
    assert!(matches!(f.c.state().ticket_status, TicketStatus::Failed(_)));
    assert!(host_events(&mut f).is_empty());
    f.intent(Intent::SubmitTicket(answers()));
    let retry = f.c.poll_ticket().unwrap();
    f.c.handle_ticket_answer(retry.id, TicketAnswer::Http { status: 201, body: r#"{"id":"TK2"}"#.into() });
    assert_eq!(f.c.state().ticket_status, TicketStatus::Sent("TK2".into()));
}

#[test]
fn without_a_ticket_form_a_message_starts_a_continuous_chat() {
    let mut f = Fake::new();
    login_offline(&mut f);
    f.answer("get_form", json!({"enabled": false})); // prechat
    f.answer("get_form", json!({"enabled": false})); // ticket
    f.answer("list_chats", json!({"chats_summary": [], "total_chats": 0}));
    f.intent(Intent::SendMessage("Call me back".into()));
    let start = f.pending("start_chat").remove(0);
    assert_eq!(start["payload"]["continuous"], true);
    assert_eq!(start["payload"]["chat"]["thread"]["events"][0]["text"], "Call me back");
}

#[test]
fn a_ticket_form_that_cannot_be_fetched_falls_back_to_the_continuous_chat() {
    let mut f = Fake::new();
    login_offline(&mut f);
    f.answer("get_form", json!({"enabled": false}));
    f.fail("get_form", "validation");
    assert_eq!(f.c.state().ticket, FormSlot::Disabled);
    assert!(f.c.state().leaves_message_in_chat());
}

#[test]
fn online_a_chat_is_not_continuous() {
    let mut f = Fake::new();
    f.login_fresh(json!({"enabled": false}));
    f.intent(Intent::SendMessage("Hi".into()));
    assert_eq!(f.pending("start_chat")[0]["payload"].get("continuous"), None);
    assert!(f.sent_with("get_form").iter().all(|r| r["payload"]["type"] != "ticket"));
}

#[test]
fn replies_count_as_unread_while_the_host_tab_is_hidden_and_chime_only_with_the_sound_on() {
    let mut f = Fake::with_config(livechat_widget::conversation::ConversationConfig {
        sound_key: Some("snd".into()),
        ..Default::default()
    });
    f.login_with_chat(json!([]));
    f.intent(Intent::SetVisibility(Visibility::Maximized));
    f.agent_says("E1", "seen");
    assert_eq!(f.c.state().unread, 0);
    f.intent(Intent::SetPageHidden(true));
    f.agent_says("E2", "while hidden");
    assert_eq!(f.c.state().unread, 1, "the open window in a hidden tab is not seen");
    assert!(!f.c.take_chime(), "the sound is off until the visitor turns it on");
    f.intent(Intent::SetSound(true));
    assert_eq!(f.last_stored("snd"), Some("on"));
    f.agent_says("E3", "again");
    assert_eq!(f.c.state().unread, 2);
    assert!(f.c.take_chime());
    assert!(!f.c.take_chime(), "once per reply");
    let seen_before = f.sent_with("mark_events_as_seen").len();
    f.intent(Intent::SetPageHidden(false));
    assert_eq!(f.c.state().unread, 0);
    assert_eq!(f.sent_with("mark_events_as_seen").len(), seen_before + 1);
    f.agent_says("E4", "in front");
    assert!(!f.c.take_chime(), "no sound while the visitor looks at the chat");
    f.intent(Intent::SetSound(false));
    assert_eq!(f.last_stored("snd"), Some("off"));
    let _ = CHAT;
}
