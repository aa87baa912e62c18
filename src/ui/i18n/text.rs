//! The texts of a table that take a number or a name: templates with `{name}`-style
//! placeholders (so each language puts them where its word order wants), counts with one
//! template per CLDR category, and the methods of [`Strings`] and [`FileStrings`] that fill them.

use std::collections::BTreeMap;

use super::plural::PluralRule;
use super::{FileStrings, Strings};

/// A text with placeholders, each `{name}` one the reader allowed for its key.
#[derive(Debug, Clone, Copy)]
pub(super) struct Template(pub(super) &'static str);

impl Template {
    /// The text with `{placeholder}` replaced by `value` (in one pass: a value that
    /// contains `{placeholder}` itself stays as it is).
    fn fill(self, placeholder: &str, value: &str) -> String {
        self.0.replace(&["{", placeholder, "}"].concat(), value)
    }
}

/// A text with a number `{n}`: one template per CLDR category, indexed by [`Plural`]
/// in [`super::Plural::ALL`]'s order (a category the language's rule never gives is an unused empty slot).
#[derive(Debug, Clone, Copy)]
pub(super) struct Count(pub(super) [&'static str; 6]);

impl Count {
    fn say(self, rule: PluralRule, n: u64) -> String {
        Template(self.0[rule.category(n) as usize]).fill("n", &n.to_string())
    }
}

/// File sizes: the decimal separator and the unit templates (`{n} KB`, French `{n} Ko`).
#[derive(Debug, Clone, Copy)]
pub(super) struct Sizes {
    pub(super) decimal: &'static str,
    pub(super) b: Template,
    pub(super) kb: Template,
    pub(super) mb: Template,
}

/// The texts of system messages that came without `text` (the service's
/// `system_message_type` decides which, in [`Strings::system_message`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct SystemMessages {
    /// Stands for `{agent}` when the message names none.
    pub(super) agent: &'static str,
    /// `routing.assigned`, `routing.assigned_new`, `routing.accepted`, `transfer.accepted`.
    pub(super) joined: Template,
    /// `routing.unassigned`, `agent_removed`.
    pub(super) left: Template,
    /// `transfer.chat`, `routing.transferred`.
    pub(super) transferred: &'static str,
    /// `manual_archived_customer`.
    pub(super) customer_ended: &'static str,
    /// Every other `routing.archived…` and `manual_archived…`.
    pub(super) closed: &'static str,
}

impl Strings {
    /// "N unread messages", for the launcher badge.
    pub fn unread(&self, n: u32) -> String {
        self.unread.say(self.plural, u64::from(n))
    }

    /// Greeting card's accessible name: "Message from {agent}".
    pub fn greeting_from(&self, agent: &str) -> String {
        self.greeting_from.fill("agent", agent)
    }

    /// "{agent} is typing…".
    pub fn typing_one(&self, agent: &str) -> String {
        self.typing_one.fill("agent", agent)
    }

    /// "Download {name}".
    pub fn download(&self, name: &str) -> String {
        self.download.fill("name", name)
    }

    /// Text of a system message without `text`, from its type and variables (`agent`);
    /// `None` for a type the widget does not know.
    pub fn system_message(&self, kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
        let m = &self.system_message;
        let agent = vars.get("agent").map_or(m.agent, String::as_str);
        Some(match kind {
            "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
                m.joined.fill("agent", agent)
            }
            "routing.unassigned" | "agent_removed" => m.left.fill("agent", agent),
            "transfer.chat" | "routing.transferred" => m.transferred.into(),
            "manual_archived_customer" => m.customer_ended.into(),
            k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => m.closed.into(),
            _ => return None,
        })
    }

    /// "This long message will be sent in N parts".
    pub fn message_parts(&self, n: usize) -> String {
        self.message_parts.say(self.plural, n as u64)
    }

    /// Queue: "You are number N in the queue."
    pub fn queue_position(&self, n: u64) -> String {
        self.queue_position.say(self.plural, n)
    }

    /// Queue: "Expected wait: {human wait}."
    pub fn queue_wait(&self, wait: &str) -> String {
        self.queue_wait.fill("wait", wait)
    }

    /// "about N minutes".
    pub fn wait_minutes(&self, n: u64) -> String {
        self.wait_minutes.say(self.plural, n)
    }

    /// "about N hours".
    pub fn wait_hours(&self, n: u64) -> String {
        self.wait_hours.say(self.plural, n)
    }

    /// Banner: "Reconnecting in N s…".
    pub fn reconnecting_in(&self, seconds: u64) -> String {
        self.reconnecting_in.say(self.plural, seconds)
    }
}

impl FileStrings {
    /// "Uploading {name}" (the progress bar's name).
    pub fn uploading(&self, name: &str) -> String {
        self.uploading.fill("name", name)
    }

    /// "The file was not accepted: {the service's message}".
    pub fn rejected(&self, message: &str) -> String {
        self.rejected.fill("message", message)
    }

    /// A size in bytes for people ("2.4 MB", "310 KB"): one decimal above a kilobyte,
    /// binary units (as LiveChat's 10 MB limit is).
    pub fn size(&self, bytes: u64) -> String {
        const KB: u64 = 1024;
        let s = &self.size;
        match bytes {
            b if b < KB => s.b.fill("n", &b.to_string()),
            b if b < KB * KB => s.kb.fill("n", &((b + KB / 2) / KB).to_string()),
            b => {
                let tenths = (b * 10 + KB * KB / 2) / (KB * KB);
                s.mb.fill("n", &format!("{}{}{}", tenths / 10, s.decimal, tenths % 10))
            }
        }
    }
}
