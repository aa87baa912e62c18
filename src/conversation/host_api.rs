//! What the host page's `LiveChatWidget` JS API sees of the conversation: the
//! state `LiveChatWidget.get` answers with, and the events `LiveChatWidget.on`
//! delivers. Shapes follow LiveChat's JS API (camelCase keys where it uses them);
//! the loader only relays them (docs/bridge.md).
//!
//! Codecs: every type posted to the loader has one, its derived `Serialize` (the
//! JS API's shape is plain data, so the derive is the clearest writer), and is never
//! read back; [`CommandData`], the one type read from the loader, has one derived
//! `Deserialize` and no writer.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

pub use crate::chat::Visibility;
use crate::chat::{Availability, ChatPhase, ChatState};
use crate::protocol::btree_map::btree_map;
use crate::protocol::FormType;

use super::Intent;

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
}

/// `form_submitted`'s data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormSubmittedData {
    /// `"prechat"`, `"postchat"` or `"ticket"`.
    #[serde(rename = "type")]
    pub kind: &'static str,
}

impl FormSubmittedData {
    /// The data for a submitted form of this type.
    pub fn new(form: &FormType) -> Self {
        let kind = match form {
            FormType::Postchat => "postchat",
            FormType::Ticket => "ticket",
            _ => "prechat",
        };
        FormSubmittedData { kind }
    }
}

/// `rich_message_button_clicked`'s data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ButtonClickedData {
    /// The rich message's event id.
    pub event_id: String,
    /// The button's postback id.
    pub postback_id: String,
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
    /// The visitor rated the chat or took the rating back: `"good"`, `"bad"` or
    /// `"none"` (LiveChat's JS API passes the value itself).
    RatingSubmitted(&'static str),
}

/// A `LiveChatWidget.call` the loader relayed (`lc:command`).
#[derive(Debug, Clone, PartialEq)]
pub enum HostCommand {
    /// Open the chat window (also un-hides).
    Maximize,
    /// Show only the launcher (also un-hides).
    Minimize,
    /// Show nothing.
    Hide,
    /// Update the customer (name, e-mail, session variables).
    Customer(Intent),
}

impl HostCommand {
    /// What the conversation does for this command.
    pub fn into_intent(self) -> Intent {
        match self {
            HostCommand::Maximize => Intent::SetVisibility(Visibility::Maximized),
            HostCommand::Minimize => Intent::SetVisibility(Visibility::Minimized),
            HostCommand::Hide => Intent::SetVisibility(Visibility::Hidden),
            HostCommand::Customer(intent) => intent,
        }
    }

    /// The command for `method` with `data`; `None` for an unknown method or
    /// data of the wrong type (the loader already warned the host about those).
    pub fn parse(method: &str, data: CommandData) -> Option<HostCommand> {
        let command = match (method, data) {
            ("maximize", _) => HostCommand::Maximize,
            ("minimize", _) => HostCommand::Minimize,
            ("hide", _) => HostCommand::Hide,
            ("set_customer_name", CommandData::Text(name)) => HostCommand::Customer(Intent::SetCustomerName(name)),
            ("set_customer_email", CommandData::Text(email)) => HostCommand::Customer(Intent::SetCustomerEmail(email)),
            ("set_session_variables", CommandData::Pairs(p)) => {
                HostCommand::Customer(Intent::SetSessionVariables { variables: p.0, merge: false })
            }
            ("update_session_variables", CommandData::Pairs(p)) => {
                HostCommand::Customer(Intent::SetSessionVariables { variables: p.0, merge: true })
            }
            _ => return None,
        };
        Some(command)
    }
}

/// The `data` of an `lc:command`: nothing, a string, or an object of strings.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
#[serde(untagged)]
pub enum CommandData {
    /// Absent or `null`.
    #[default]
    None,
    /// A string (name, e-mail).
    Text(String),
    /// An object whose values are all strings, in the order given.
    Pairs(OrderedPairs),
    /// Anything else (ignored).
    Other(IgnoredValue),
}

/// Any JSON value, read and dropped.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct IgnoredValue;

impl<'de> Deserialize<'de> for IgnoredValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        IgnoredAny::deserialize(d).map(|_| IgnoredValue)
    }
}

/// An object's string entries in document order (session fields keep their order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderedPairs(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for OrderedPairs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = OrderedPairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of string values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedPairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some(entry) = map.next_entry::<String, String>()? {
                    pairs.push(entry);
                }
                Ok(OrderedPairs(pairs))
            }
        }
        d.deserialize_map(PairsVisitor)
    }
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

    fn command(method: &str, data: &str) -> Option<HostCommand> {
        HostCommand::parse(method, serde_json::from_str(data).unwrap())
    }

    #[test]
    fn commands_parse_with_their_data_types() {
        assert_eq!(command("maximize", "null"), Some(HostCommand::Maximize));
        assert_eq!(command("hide", "{}"), Some(HostCommand::Hide));
        assert_eq!(
            command("set_customer_name", r#""Ann""#),
            Some(HostCommand::Customer(Intent::SetCustomerName("Ann".into())))
        );
        assert_eq!(
            command("update_session_variables", r#"{"z": "1", "a": "2"}"#),
            Some(HostCommand::Customer(Intent::SetSessionVariables {
                variables: vec![("z".into(), "1".into()), ("a".into(), "2".into())],
                merge: true
            })),
            "keys keep the order the host gave"
        );
    }

    #[test]
    fn commands_with_wrong_data_or_unknown_methods_are_ignored() {
        assert_eq!(command("set_customer_name", "42"), None);
        assert_eq!(command("set_customer_email", r#"{"a": "b"}"#), None);
        assert_eq!(command("set_session_variables", r#"{"a": 1}"#), None);
        assert_eq!(command("set_session_variables", r#"["a"]"#), None);
        assert_eq!(command("destroy", "null"), None, "the loader handles destroy itself");
        assert_eq!(command("eval", r#""alert(1)""#), None);
    }

    #[test]
    fn host_events_serialize_as_name_and_data() {
        let event =
            HostEvent::RichMessageButtonClicked(ButtonClickedData { event_id: "E".into(), postback_id: "P".into() });
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({ "name": "rich_message_button_clicked", "data": { "eventId": "E", "postbackId": "P" } })
        );
        let event = HostEvent::NewEvent(NewEventData {
            timestamp: 5,
            kind: "message".into(),
            author: Author { id: "a".into(), kind: "agent" },
        });
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({ "name": "new_event", "data": { "timestamp": 5, "type": "message", "author": { "id": "a", "type": "agent" } } })
        );
    }
}
