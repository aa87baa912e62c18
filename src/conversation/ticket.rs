//! Leaving a message while nobody is online: the ticket form (`get_form` with type
//! `ticket`) sent as LiveChat's v3.2 customer client sends it: not over the socket
//! but as a JSON `POST` to the region's `/v2/tickets/new`, with the answers folded
//! into `subject`, `requester` and the message texts. The driver performs the
//! request ([`Conversation::poll_ticket`]) and reports its answer
//! ([`Conversation::handle_ticket_answer`]); the deadline is the core's, on its clock.

use serde_json::Value;

use crate::chat::{FormSlot, TicketStatus};
use crate::protocol::request::payload::Payload;
use crate::protocol::{Answer, FilledFormField, FormFieldType, FormType};

use super::host_api::{FormSubmittedData, HostEvent};
use super::Conversation;

/// How long the ticket service may take before the form says it failed.
pub const TICKET_TIMEOUT_MS: u64 = 15_000;

/// A `POST` for the driver to perform.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketRequest {
    /// Pass it back with the answer; answers to an older request are ignored.
    pub id: u32,
    /// `https://api[-region].livechatinc.com/v2/tickets/new`.
    pub url: String,
    /// The JSON body (`Content-Type: application/json`).
    pub body: String,
}

/// What became of a [`TicketRequest`].
#[derive(Debug, Clone, PartialEq)]
pub enum TicketAnswer {
    /// An HTTP answer with its status and body.
    Http {
        /// The status code.
        status: u16,
        /// The body as text.
        body: String,
    },
    /// No answer (network failure, refused by CSP or CORS).
    Network(String),
}

/// The ticket under way, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Tickets {
    next_id: u32,
    /// The request under way and when it times out.
    under_way: Option<(u32, u64)>,
    /// Requests the driver has not taken yet.
    queued: Option<TicketRequest>,
}

impl Tickets {
    /// When the request under way times out.
    pub(crate) fn poll_timeout(&self) -> Option<u64> {
        self.under_way.map(|(_, at)| at)
    }
}

impl Conversation {
    /// The next ticket request for the driver to send.
    pub fn poll_ticket(&mut self) -> Option<TicketRequest> {
        self.tickets.queued.take()
    }

    /// The answer to ticket request `id` (late or unknown answers are ignored).
    pub fn handle_ticket_answer(&mut self, id: u32, answer: TicketAnswer) {
        if self.tickets.under_way.map(|(i, _)| i) != Some(id) {
            self.warn(format!("ignored answer to ticket request {id}"));
            return;
        }
        self.tickets.under_way = None;
        match ticket_outcome(&answer) {
            Ok(ticket_id) => {
                self.state.set_ticket_status(TicketStatus::Sent(ticket_id));
                self.announcer.push(HostEvent::FormSubmitted(FormSubmittedData::new(&FormType::Ticket)));
            }
            Err(reason) => {
                self.warn(format!("ticket failed: {reason}"));
                self.state.set_ticket_status(TicketStatus::Failed(reason));
            }
        }
    }

    /// The visitor submitted the ticket form.
    pub(super) fn submit_ticket(&mut self, fields: Vec<FilledFormField>, now_ms: u64) {
        if !matches!(self.state.ticket, FormSlot::Ready(_)) || self.tickets.under_way.is_some() {
            return;
        }
        let Some(visitor_id) = self.state.customer_id().map(str::to_owned) else {
            self.state.set_ticket_status(TicketStatus::Failed("not logged in yet".into()));
            return;
        };
        self.tickets.next_id += 1;
        let id = self.tickets.next_id;
        let body =
            ticket_body(&fields, self.session.license_id(), &visitor_id, self.state.group_id, self.session.page_url());
        let url = format!("{}/v2/tickets/new", self.session.web_api_origin());
        self.tickets.queued = Some(TicketRequest { id, url, body: body.to_string() });
        self.tickets.under_way = Some((id, now_ms.saturating_add(TICKET_TIMEOUT_MS)));
        self.state.set_ticket_status(TicketStatus::Sending);
    }

    /// On every tick: a ticket past its deadline failed (its late answer is ignored).
    pub(super) fn ticket_deadline(&mut self, now_ms: u64) {
        if self.tickets.under_way.is_some_and(|(_, at)| now_ms >= at) {
            self.tickets.under_way = None;
            self.tickets.queued = None;
            self.state.set_ticket_status(TicketStatus::Failed("the ticket service did not answer".into()));
            self.warn("ticket timed out".into());
        }
    }
}

/// The ticket id, or why there is none. A 400/422 answer names the problem in
/// `errors[0]` (`{"<kind>": ["<message>"]}`).
fn ticket_outcome(answer: &TicketAnswer) -> Result<String, String> {
    let (status, body) = match answer {
        TicketAnswer::Network(e) => return Err(format!("network: {e}")),
        TicketAnswer::Http { status, body } => (*status, body),
    };
    let json: Value = crate::json::parse(body).unwrap_or(Value::Null);
    if (200..300).contains(&status) {
        return match json.get("id") {
            Some(Value::String(id)) if !id.is_empty() => Ok(id.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            _ => Err("the answer has no ticket id".into()),
        };
    }
    let message = json
        .get("errors")
        .and_then(|e| e.get(0))
        .and_then(Value::as_object)
        .and_then(|o| o.values().next())
        .and_then(|v| v.get(0).or(Some(v)))
        .and_then(Value::as_str)
        .map(str::to_owned);
    Err(message.unwrap_or_else(|| format!("HTTP {status}")))
}

/// The body LiveChat's ticket endpoint takes: every answer as `label answer` lines
/// in `offline_message`, the questions' lines also in `ticket_message`, the subject,
/// name and e-mail in their own fields.
fn ticket_body(fields: &[FilledFormField], license: u64, visitor: &str, group: u32, url: Option<&str>) -> Value {
    let (mut offline, mut message) = (Vec::new(), Vec::new());
    let mut requester = Payload::new();
    let mut subject = None;
    for field in fields {
        let value = match &field.answer {
            Answer::Text(t) if !t.trim().is_empty() => Some(t.trim().to_owned()),
            Answer::Choice(o) => Some(o.label.clone()),
            Answer::Choices(os) if !os.is_empty() => {
                Some(os.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join(", "))
            }
            _ => None,
        };
        let line = match &value {
            Some(v) => format!("{} {v}", field.label),
            None => field.label.clone(),
        };
        match field.field_type {
            FormFieldType::Subject => subject = value.clone(),
            FormFieldType::Name => {
                requester.opt("name", value.clone().map(Value::from));
            }
            FormFieldType::Email => {
                requester.opt("mail", value.clone().map(Value::from));
            }
            FormFieldType::Question
            | FormFieldType::Textarea
            | FormFieldType::Radio
            | FormFieldType::Select
            | FormFieldType::Checkbox => message.push(line.clone()),
            _ => continue,
        }
        offline.push(line);
    }
    let mut body = Payload::new();
    body.put("licence_id", Value::from(license))
        .str("ticket_message", &message.join("\n"))
        .str("offline_message", &offline.join("\n"))
        .str("visitor_id", visitor)
        .put("requester", requester.done())
        .put("group", Value::from(group))
        .opt("subject", subject.map(Value::from))
        .opt("source", url.map(|u| Payload::new().str("url", u).done()));
    body.done()
}
