//! What the host page's `LiveChatWidget.call` asks of the widget (`lc:command`,
//! docs/bridge.md), read from the loader's message and turned into intents.
//! [`CommandData`] has one reader, [`CommandData::parse`], and no writer.

use serde_json::Value;

use crate::chat::Visibility;
use crate::json::{self, Ordered};

use super::Intent;

/// A `LiveChatWidget.call` the loader relayed (`lc:command`).
#[derive(Debug, Clone, PartialEq)]
pub enum HostCommand {
    /// Open the chat window (also un-hides), with text for an empty composer
    /// (`{ messageDraft }`).
    Maximize {
        /// `messageDraft`, if given.
        message_draft: Option<String>,
    },
    /// Show only the launcher (also un-hides).
    Minimize,
    /// Show nothing.
    Hide,
    /// Hide the greeting on screen (`hide_greeting`: the greeting is cancelled).
    HideGreeting,
    /// Update the customer (name, e-mail, session variables).
    Customer(Intent),
}

impl HostCommand {
    /// What the conversation does for this command, in order.
    pub fn into_intents(self) -> Vec<Intent> {
        match self {
            HostCommand::Maximize { message_draft } => std::iter::once(Intent::SetVisibility(Visibility::Maximized))
                .chain(message_draft.map(Intent::SetMessageDraft))
                .collect(),
            HostCommand::Minimize => vec![Intent::SetVisibility(Visibility::Minimized)],
            HostCommand::Hide => vec![Intent::SetVisibility(Visibility::Hidden)],
            HostCommand::HideGreeting => vec![Intent::CancelGreeting],
            HostCommand::Customer(intent) => vec![intent],
        }
    }

    /// The command for `method` with `data`; `None` for an unknown method or
    /// data of the wrong type (the loader already warned the host about those).
    pub fn parse(method: &str, data: CommandData) -> Option<HostCommand> {
        let command = match (method, data) {
            ("maximize", CommandData::Pairs(p)) => HostCommand::Maximize {
                message_draft: p.0.into_iter().find(|(k, _)| k == "messageDraft").map(|(_, v)| v),
            },
            ("maximize", _) => HostCommand::Maximize { message_draft: None },
            ("minimize", _) => HostCommand::Minimize,
            ("hide", _) => HostCommand::Hide,
            ("hide_greeting", _) => HostCommand::HideGreeting,
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
#[derive(Debug, Clone, PartialEq, Default)]
pub enum CommandData {
    /// Absent or `null`.
    #[default]
    None,
    /// A string (name, e-mail).
    Text(String),
    /// An object whose values are all strings, in the order given.
    Pairs(OrderedPairs),
    /// Anything else (ignored).
    Other,
}

impl CommandData {
    /// Reads the data's JSON `text`; text that is no JSON is no data.
    pub fn parse(text: &str) -> CommandData {
        match json::parse_ordered(text) {
            Err(_) | Ok(Ordered::Other(Value::Null)) => CommandData::None,
            Ok(Ordered::Other(Value::String(s))) => CommandData::Text(s),
            Ok(Ordered::Object(members)) => members
                .into_iter()
                .map(|(k, v)| match v {
                    Value::String(v) => Some((k, v)),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()
                .map_or(CommandData::Other, |pairs| CommandData::Pairs(OrderedPairs(pairs))),
            Ok(Ordered::Other(_)) => CommandData::Other,
        }
    }
}

/// An object's string entries in document order (session fields keep their order).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OrderedPairs(pub Vec<(String, String)>);

#[cfg(test)]
mod tests {
    use super::*;

    fn command(method: &str, data: &str) -> Option<HostCommand> {
        HostCommand::parse(method, CommandData::parse(data))
    }

    #[test]
    fn commands_parse_with_their_data_types() {
        assert_eq!(command("maximize", "null"), Some(HostCommand::Maximize { message_draft: None }));
        assert_eq!(command("hide", "{}"), Some(HostCommand::Hide));
        assert_eq!(command("hide_greeting", "null"), Some(HostCommand::HideGreeting));
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
    fn maximize_with_a_message_draft_opens_and_fills_the_composer() {
        let command = command("maximize", r#"{"messageDraft": "I need help!"}"#).unwrap();
        assert_eq!(
            command.into_intents(),
            vec![Intent::SetVisibility(Visibility::Maximized), Intent::SetMessageDraft("I need help!".into())]
        );
    }

    #[test]
    fn hide_greeting_cancels_the_greeting() {
        assert_eq!(HostCommand::HideGreeting.into_intents(), vec![Intent::CancelGreeting]);
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
}
