//! What the host page's `LiveChatWidget` JS API sees of the conversation: the
//! state `LiveChatWidget.get` answers with, and the events `LiveChatWidget.on`
//! delivers. Shapes follow LiveChat's JS API (camelCase keys where it uses them);
//! the loader only relays them (docs/bridge.md).
//!
//! Codecs: every type posted to the loader has one, its derived `Serialize` (the
//! JS API's shape is plain data, so the derive is the clearest writer), and is never
//! read back; what the loader sends is read in `host_command.rs`.

use std::collections::BTreeMap;

use serde::Serialize;

pub use super::host_command::{CommandData, HostCommand, OrderedPairs};
pub use crate::chat::Visibility;
use crate::chat::{Availability, ChatPhase, ChatState};
use crate::protocol::btree_map::btree_map;
use crate::protocol::FormType;

/// The customer's status as LiveChat's JS API names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CustomerStatus {
    /// Waiting in the queue.
    Queued,
    /// In an active chat.
    Chatting,
    /// A greeting is on screen.
    Invited,
    /// None of the above.
    Browsing,
}

impl CustomerStatus {
    /// The status the chat state implies (a running chat wins over a greeting).
    /// A running chat counts as chatting once an agent is present: until then
    /// the customer waits, whether or not a queue position arrived yet (the
    /// `start_chat` answer and the queue push come in either order).
    pub fn of(state: &ChatState) -> CustomerStatus {
        let agent_present = || state.users.values().any(|u| u.is_agent && u.present);
        match state.phase {
            ChatPhase::Active if agent_present() => CustomerStatus::Chatting,
            ChatPhase::Queued | ChatPhase::Active => CustomerStatus::Queued,
            _ if state.greeting.is_some() => CustomerStatus::Invited,
            _ => CustomerStatus::Browsing,
        }
    }
}

/// `LiveChatWidget.get("state")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WidgetState {
    /// `"online"` or `"offline"` (unknown counts as offline).
    pub availability: &'static str,
    /// Open, minimised or hidden.
    pub visibility: Visibility,
}

/// `LiveChatWidget.get("customer_data")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerData {
    /// Customer id, once logged in.
    pub id: Option<String>,
    /// Name, if known.
    pub name: Option<String>,
    /// E-mail, if known.
    pub email: Option<String>,
    /// Whether the customer visited or chatted before (from `customer.statistics`).
    pub is_returning: bool,
    /// Queued, chatting, invited or browsing.
    pub status: CustomerStatus,
    /// The session variables (`params` and the JS API's `set_session_variables`).
    pub session_variables: BTreeMap<String, String>,
}

/// `LiveChatWidget.get("chat_data")`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChatData {
    /// The current chat.
    pub chat_id: Option<String>,
    /// Its latest thread.
    pub thread_id: Option<String>,
}

/// Everything `LiveChatWidget.get` answers from, posted to the loader as `lc:state`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PublicState {
    /// True once the customer is logged in (the loader fires `ready` then).
    pub ready: bool,
    /// Availability and visibility.
    pub state: WidgetState,
    /// The customer.
    pub customer_data: CustomerData,
    /// The chat.
    pub chat_data: ChatData,
}

impl PublicState {
    /// The public view of `state`, with the session variables.
    pub fn of(state: &ChatState, session_variables: &[(String, String)]) -> PublicState {
        let customer = state.customer.as_ref();
        let statistics = customer.and_then(|c| c.statistics.as_ref());
        let is_returning =
            statistics.is_some_and(|s| s.visits_count.unwrap_or(0) > 1 || s.chats_count.unwrap_or(0) > 0);
        PublicState {
            ready: customer.is_some(),
            state: WidgetState {
                availability: if state.availability == Availability::Online { "online" } else { "offline" },
                visibility: state.visibility,
            },
            customer_data: CustomerData {
                id: customer.map(|c| c.id.clone()),
                name: customer.and_then(|c| c.name.clone()),
                email: customer.and_then(|c| c.email.clone()),
                is_returning,
                status: CustomerStatus::of(state),
                session_variables: string_map(session_variables),
            },
            chat_data: ChatData { chat_id: state.chat_id.clone(), thread_id: state.thread_id.clone() },
        }
    }
}

/// `session_fields` as login and `set_customer_session_fields` send them: one
/// single-key object per session variable, in order.
pub fn session_fields(variables: &[(String, String)]) -> Vec<BTreeMap<String, String>> {
    variables.iter().map(|pair| string_map(std::slice::from_ref(pair))).collect()
}

/// The pairs as a map; a later duplicate key wins.
fn string_map(pairs: &[(String, String)]) -> BTreeMap<String, String> {
    btree_map(pairs.iter().cloned())
}

/// Who wrote an event, for `new_event`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Author {
    /// User id.
    pub id: String,
    /// `"customer"` or `"agent"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

/// A greeting as the JS API names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GreetingRef {
    /// The greeting (campaign) id.
    pub id: u64,
    /// This display's unique id.
    pub unique_id: String,
}

/// `new_event`'s data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewEventData {
    /// Unix milliseconds (`created_at`, or when it arrived).
    pub timestamp: u64,
    /// The event's wire type (`message`, `rich_message`, `file`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Its author.
    pub author: Author,
    /// The greeting this event is the content of, if it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greeting: Option<GreetingRef>,
}

/// `form_submitted`'s data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormSubmittedData {
    /// `"prechat"`, `"postchat"` or `"ticket"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

impl FormSubmittedData {
    /// The data for a submitted prechat or postchat form.
    pub fn new(form: &FormType) -> Self {
        let kind = match form {
            FormType::Postchat => "postchat",
            FormType::Ticket => "ticket",
            _ => "prechat",
        };
        FormSubmittedData { kind }
    }

    /// The data for a submitted ticket form (the offline form of LiveChat's widget).
    pub fn ticket() -> Self {
        FormSubmittedData { kind: "ticket" }
    }
}

/// `rating_submitted`'s data: LiveChat passes the bare value, not an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RatingValue {
    /// Rated good.
    Good,
    /// Rated bad.
    Bad,
    /// The rating was cancelled.
    None,
}

/// `rich_message_button_clicked`'s data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ButtonClickedData {
    /// The rich message's event id.
    pub event_id: String,
    /// The button's postback id.
    pub postback_id: String,
    /// The greeting the button belongs to, if the rich message is a greeting's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub greeting: Option<GreetingRef>,
}

/// An event for `LiveChatWidget.on`, posted to the loader as `lc:event`
/// (`name` is the JS API's event name, `data` its payload).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "name", content = "data", rename_all = "snake_case")]
pub enum HostEvent {
    /// A new event reached the chat (from an agent, or the customer's own once accepted).
    NewEvent(NewEventData),
    /// The customer submitted the prechat or postchat form.
    FormSubmitted(FormSubmittedData),
    /// A greeting appeared.
    GreetingDisplayed(GreetingRef),
    /// A greeting went away (accepted, dismissed or cancelled by the agent).
    GreetingHidden(GreetingRef),
    /// A rich message button sent a postback.
    RichMessageButtonClicked(ButtonClickedData),
    /// The customer rated the chat or cancelled the rating (pushed by the rating feature).
    RatingSubmitted(RatingValue),
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::protocol::{Customer, CustomerStatistics};

    fn customer(visits: u64, chats: u64) -> Customer {
        let mut c = Customer::from_json(&json!({ "id": "c1", "type": "customer", "name": "Ann" })).unwrap();
        c.statistics =
            Some(CustomerStatistics { visits_count: Some(visits), chats_count: Some(chats), ..Default::default() });
        c
    }

    #[test]
    fn public_state_has_livechat_js_api_shape() {
        let mut state = ChatState::new(0);
        state.customer = Some(customer(1, 0));
        state.availability = Availability::Online;
        state.chat_id = Some("CH".into());
        state.thread_id = Some("TH".into());
        state.phase = ChatPhase::Queued;
        state.set_visibility(Visibility::Maximized);
        let public = PublicState::of(&state, &[("cart".into(), "3".into())]);
        assert_eq!(
            serde_json::to_value(&public).unwrap(),
            json!({
                "ready": true,
                "state": { "availability": "online", "visibility": "maximized" },
                "customer_data": { "id": "c1", "name": "Ann", "email": null, "isReturning": false,
                                   "status": "queued", "sessionVariables": { "cart": "3" } },
                "chat_data": { "chatId": "CH", "threadId": "TH" }
            })
        );
    }

    #[test]
    fn before_login_the_widget_is_not_ready_and_offline() {
        let public = PublicState::of(&ChatState::new(0), &[]);
        assert!(!public.ready);
        assert_eq!(public.state.availability, "offline");
        assert_eq!(public.customer_data.status, CustomerStatus::Browsing);
    }

    #[test]
    fn returning_means_an_earlier_visit_or_chat() {
        let mut state = ChatState::new(0);
        for (visits, chats, returning) in [(1, 0, false), (2, 0, true), (1, 1, true)] {
            state.customer = Some(customer(visits, chats));
            assert_eq!(PublicState::of(&state, &[]).customer_data.is_returning, returning);
        }
    }

    #[test]
    fn a_running_chat_outranks_a_greeting_in_the_status() {
        let mut state = ChatState::new(0);
        state.greeting = crate::protocol::Greeting::from_json(&json!({ "id": 1, "unique_id": "u" })).ok();
        assert_eq!(CustomerStatus::of(&state), CustomerStatus::Invited);
        state.phase = ChatPhase::Active;
        assert_eq!(CustomerStatus::of(&state), CustomerStatus::Queued, "no agent yet: waiting");
        let agent = crate::protocol::Agent::from_json(&json!({ "id": "a1", "type": "agent" })).unwrap();
        state.users.insert("a1".into(), crate::chat::Participant::from_agent(&agent));
        assert_eq!(CustomerStatus::of(&state), CustomerStatus::Chatting);
        state.phase = ChatPhase::Ended;
        assert_eq!(CustomerStatus::of(&state), CustomerStatus::Invited);
    }

    #[test]
    fn host_events_serialize_as_name_and_data() {
        let event = HostEvent::RichMessageButtonClicked(ButtonClickedData {
            event_id: "E".into(),
            postback_id: "P".into(),
            greeting: None,
        });
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({ "name": "rich_message_button_clicked", "data": { "eventId": "E", "postbackId": "P" } })
        );
        let event = HostEvent::NewEvent(NewEventData {
            timestamp: 5,
            kind: "message".into(),
            author: Author { id: "a".into(), kind: "agent" },
            greeting: None,
        });
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({ "name": "new_event", "data": { "timestamp": 5, "type": "message", "author": { "id": "a", "type": "agent" } } })
        );
    }

    #[test]
    fn greeting_events_name_their_greeting() {
        let greeting = Some(GreetingRef { id: 7, unique_id: "U".into() });
        let event = HostEvent::NewEvent(NewEventData {
            timestamp: 5,
            kind: "message".into(),
            author: Author { id: "a".into(), kind: "agent" },
            greeting: greeting.clone(),
        });
        assert_eq!(serde_json::to_value(&event).unwrap()["data"]["greeting"], json!({ "id": 7, "uniqueId": "U" }));
        let event = HostEvent::RichMessageButtonClicked(ButtonClickedData {
            event_id: "E".into(),
            postback_id: "P".into(),
            greeting,
        });
        assert_eq!(
            serde_json::to_value(&event).unwrap()["data"],
            json!({ "eventId": "E", "postbackId": "P", "greeting": { "id": 7, "uniqueId": "U" } })
        );
    }

    #[test]
    fn rating_and_ticket_events_have_livechat_shapes() {
        for (value, text) in [(RatingValue::Good, "good"), (RatingValue::Bad, "bad"), (RatingValue::None, "none")] {
            assert_eq!(
                serde_json::to_value(HostEvent::RatingSubmitted(value)).unwrap(),
                json!({ "name": "rating_submitted", "data": text })
            );
        }
        assert_eq!(
            serde_json::to_value(HostEvent::FormSubmitted(FormSubmittedData::ticket())).unwrap(),
            json!({ "name": "form_submitted", "data": { "type": "ticket" } })
        );
    }
}
