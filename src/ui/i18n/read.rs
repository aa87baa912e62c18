//! The one reader of language tables (`lang/<code>.json`), English's compiled-in one and
//! the fetched ones alike. A table is checked as a whole: every key English has and no
//! other, strings where strings belong, placeholders only those its text may have
//! (`{agent}`, `{name}`, `{n}`, ...), and a count with exactly the categories of the
//! table's plural rule. Anything else rejects the whole table ([`TableError`]), so the
//! widget falls back to English rather than show a half-translated or broken text.

use std::cell::Cell;

use serde_json::{Map, Value};

use super::plural::PluralRule;
use super::text::{Count, Sizes, SystemMessages, Template};
use super::{FileStrings, Strings};

/// Why a table was rejected: the key (`files.size.kb`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableError {
    /// The dotted path of the key; empty for the table as a whole.
    pub key: String,
    /// What is wrong.
    pub problem: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.key.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "`{}`: {}", self.key, self.problem)
        }
    }
}

/// Reads the table of language `code` from its JSON text.
///
/// The components hold `&'static Strings` (as when the tables were compiled in), so a table
/// that reads is leaked: once per page for English and once for the visitor's language,
/// never freed, a few KB. A table is first read in full without keeping anything, so a
/// rejected one leaks nothing.
pub fn read_table(json: &str, code: &str) -> Result<&'static Strings, TableError> {
    let value: Value = crate::json::parse(json).map_err(|e| error("", format!("not JSON: {e}")))?;
    let Value::Object(map) = &value else { return Err(error("", "not a JSON object")) };
    let Some(code) = super::CODES.iter().copied().find(|&c| c == code) else {
        return Err(error("", format!("{code:?} is not a language of the widget")));
    };
    read(map, code, |_| "")?;
    let strings = read(map, code, |s| Box::leak(s.into()))?;
    Ok(Box::leak(Box::new(strings)))
}

/// One reading of the table: its strings, or the first thing wrong with it.
fn read(map: &Map<String, Value>, code: &'static str, keep: Keep) -> Result<Strings, TableError> {
    let first_error = Cell::new(None);
    let mut o = Obj { map: Some(map), path: String::new(), keep, first_error: &first_error, taken: Vec::new() };
    let strings = table(&mut o, code);
    o.finish();
    match first_error.into_inner() {
        Some(e) => Err(e),
        None => Ok(strings),
    }
}

fn error(key: &str, problem: impl Into<String>) -> TableError {
    TableError { key: key.to_owned(), problem: problem.into() }
}

/// Keeps a string of the table for the life of the page (or, in the first reading, not).
type Keep = fn(&str) -> &'static str;

/// One JSON object of the table, its keys taken one by one; [`Obj::finish`] refuses the rest.
/// A key that is wrong records the table's first error and reads as an empty text, so the
/// reading goes on without a `?` at each of the table's hundred keys (which cost kilobytes
/// of wasm) and the table is refused at the end.
struct Obj<'a, 'e> {
    /// `None` for an object that is itself missing or not an object (already recorded).
    map: Option<&'a Map<String, Value>>,
    path: String,
    keep: Keep,
    first_error: &'e Cell<Option<TableError>>,
    taken: Vec<&'static str>,
}

impl<'a, 'e> Obj<'a, 'e> {
    fn at(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            [self.path.as_str(), ".", key].concat()
        }
    }

    /// Records `problem` with `key` unless the table already has an error.
    fn fail(&self, key: &str, problem: impl Into<String>) {
        let first = self.first_error.take();
        self.first_error.set(Some(first.unwrap_or_else(|| error(&self.at(key), problem))));
    }

    fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.taken.push(key);
        let value = self.map?.get(key);
        if value.is_none() {
            self.fail(key, "missing");
        }
        value
    }

    #[inline(never)]
    fn string(&mut self, key: &'static str) -> &'a str {
        match self.get(key) {
            Some(Value::String(s)) if !s.trim().is_empty() => return s,
            Some(Value::String(_)) => self.fail(key, "empty"),
            Some(_) => self.fail(key, "not a string"),
            None => {}
        }
        ""
    }

    /// A plain text: no placeholder.
    #[inline(never)]
    fn text(&mut self, key: &'static str) -> &'static str {
        self.template(key, "").0
    }

    /// A text that may have `{placeholder}` (and no other; none for `""`).
    #[inline(never)]
    fn template(&mut self, key: &'static str, placeholder: &str) -> Template {
        let s = self.string(key);
        if let Err(problem) = placeholders(s, placeholder) {
            self.fail(key, problem);
        }
        Template((self.keep)(s))
    }

    #[inline(never)]
    fn object(&mut self, key: &'static str) -> Obj<'a, 'e> {
        let map = match self.get(key) {
            Some(Value::Object(map)) => Some(map),
            Some(_) => {
                self.fail(key, "not an object");
                None
            }
            None => None,
        };
        Obj { map, path: self.at(key), keep: self.keep, first_error: self.first_error, taken: Vec::new() }
    }

    /// A text with `{n}`: one template for every number, or an object with one per
    /// category of `rule`, exactly.
    #[inline(never)]
    fn count(&mut self, key: &'static str, rule: PluralRule) -> Count {
        if let Some(Value::String(_)) = self.map.and_then(|m| m.get(key)) {
            return Count([self.template(key, "n").0; 6]);
        }
        let mut forms = self.object(key);
        let mut slots = [""; 6];
        for &category in rule.categories() {
            slots[category as usize] = forms.template(category.name(), "n").0;
        }
        forms.finish_as("a category the language's plural rule never gives");
        Count(slots)
    }

    /// Refuses the keys not taken, as keys English's table does not have.
    fn finish(self) {
        self.finish_as("not a key of English's table");
    }

    fn finish_as(self, what: &str) {
        if let Some(extra) = self.map.and_then(|m| m.keys().find(|k| !self.taken.contains(&k.as_str()))) {
            self.fail(extra, what);
        }
    }
}

/// Every `{…}` in `text` is `allowed` (none for `""`), and every brace is part of one.
fn placeholders(text: &str, allowed: &str) -> Result<(), String> {
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        let after = &rest[i + 1..];
        let end = match (rest[i..].starts_with('{'), after.find('}')) {
            (true, Some(end)) => end,
            _ => return Err(format!("a lone brace in {text:?}")),
        };
        let name = &after[..end];
        if allowed.is_empty() || name != allowed {
            let known = if allowed.is_empty() { "none".to_owned() } else { format!("{{{allowed}}}") };
            return Err(format!("unknown placeholder {{{name}}} (this text may have {known})"));
        }
        rest = &after[end + 1..];
    }
    Ok(())
}

fn table(o: &mut Obj<'_, '_>, code: &'static str) -> Strings {
    if o.string("code") != code {
        o.fail("code", format!("not {code:?}"));
    }
    let dir = match o.string("dir") {
        "rtl" => "rtl",
        "ltr" => "ltr",
        _ => {
            o.fail("dir", "neither \"ltr\" nor \"rtl\"");
            "ltr"
        }
    };
    let plural = PluralRule::from_name(o.string("plural")).unwrap_or_else(|| {
        o.fail("plural", "an unknown plural rule");
        PluralRule::Other
    });
    Strings {
        code,
        dir,
        plural,
        widget_label: o.text("widget_label"),
        title: o.text("title"),
        subtitle_online: o.text("subtitle_online"),
        subtitle_offline: o.text("subtitle_offline"),
        launcher_open: o.text("launcher_open"),
        launcher_close: o.text("launcher_close"),
        unread: o.count("unread", plural),
        agents_online: o.text("agents_online"),
        agents_offline: o.text("agents_offline"),
        minimise: o.text("minimise"),
        end_chat: o.text("end_chat"),
        end_chat_question: o.text("end_chat_question"),
        end_chat_confirm: o.text("end_chat_confirm"),
        cancel: o.text("cancel"),
        greeting_open: o.text("greeting_open"),
        greeting_dismiss: o.text("greeting_dismiss"),
        greeting_from: o.template("greeting_from", "agent"),
        agent_fallback: o.text("agent_fallback"),
        you: o.text("you"),
        log_label: o.text("log_label"),
        empty_chat: o.text("empty_chat"),
        load_earlier: o.text("load_earlier"),
        typing_one: o.template("typing_one", "agent"),
        typing_many: o.text("typing_many"),
        pending: o.text("pending"),
        sent: o.text("sent"),
        seen: o.text("seen"),
        failed: o.text("failed"),
        retry: o.text("retry"),
        remove: o.text("remove"),
        image_fallback: o.text("image_fallback"),
        file_fallback: o.text("file_fallback"),
        download: o.template("download", "name"),
        new_tab: o.text("new_tab"),
        link_unavailable: o.text("link_unavailable"),
        form_sent: o.text("form_sent"),
        quick_replies: o.text("quick_replies"),
        webview_title: o.text("webview_title"),
        webview_close: o.text("webview_close"),
        system_message: system_messages(o.object("system_message")),
        composer_label: o.text("composer_label"),
        composer_placeholder: o.text("composer_placeholder"),
        send: o.text("send"),
        message_parts: o.count("message_parts", plural),
        composer_hint: o.text("composer_hint"),
        prechat_title: o.text("prechat_title"),
        prechat_submit: o.text("prechat_submit"),
        postchat_title: o.text("postchat_title"),
        postchat_submit: o.text("postchat_submit"),
        postchat_skip: o.text("postchat_skip"),
        required: o.text("required"),
        field_required: o.text("field_required"),
        email_invalid: o.text("email_invalid"),
        choose_option: o.text("choose_option"),
        queue_position: o.count("queue_position", plural),
        queue_waiting: o.text("queue_waiting"),
        queue_wait: o.template("queue_wait", "wait"),
        wait_under_minute: o.text("wait_under_minute"),
        wait_minutes: o.count("wait_minutes", plural),
        wait_hours: o.count("wait_hours", plural),
        chat_ended: o.text("chat_ended"),
        start_new_chat: o.text("start_new_chat"),
        postchat_thanks: o.text("postchat_thanks"),
        connecting: o.text("connecting"),
        reconnecting_in: o.count("reconnecting_in", plural),
        reconnecting: o.text("reconnecting"),
        offline: o.text("offline"),
        paused: o.text("paused"),
        paused_busy: o.text("paused_busy"),
        refused_sign_in: o.text("refused_sign_in"),
        refused_group: o.text("refused_group"),
        refused_limit: o.text("refused_limit"),
        refused_other: o.text("refused_other"),
        try_again: o.text("try_again"),
        stopped_banned: o.text("stopped_banned"),
        stopped_license: o.text("stopped_license"),
        stopped_too_many: o.text("stopped_too_many"),
        stopped_version: o.text("stopped_version"),
        stopped_closed: o.text("stopped_closed"),
        stopped_other: o.text("stopped_other"),
        unread_title: o.text("unread_title"),
        rate_question: o.text("rate_question"),
        rate_good: o.text("rate_good"),
        rate_bad: o.text("rate_bad"),
        rate_comment_label: o.text("rate_comment_label"),
        rate_send_comment: o.text("rate_send_comment"),
        rate_remove: o.text("rate_remove"),
        rate_thanks: o.text("rate_thanks"),
        rate_failed: o.text("rate_failed"),
        ticket_title: o.text("ticket_title"),
        ticket_submit: o.text("ticket_submit"),
        ticket_sending: o.text("ticket_sending"),
        ticket_sent: o.text("ticket_sent"),
        ticket_failed: o.text("ticket_failed"),
        continuous_note: o.text("continuous_note"),
        sound_on: o.text("sound_on"),
        sound_off: o.text("sound_off"),
        transcript_download: o.text("transcript_download"),
        transcript_title: o.text("transcript_title"),
        chat_form_title: o.text("chat_form_title"),
        chat_form_submit: o.text("chat_form_submit"),
        files: files(o.object("files")),
    }
}

fn files(mut o: Obj<'_, '_>) -> FileStrings {
    let files = FileStrings {
        attach: o.text("attach"),
        drop_here: o.text("drop_here"),
        tray_label: o.text("tray_label"),
        queued: o.text("queued"),
        uploading: o.template("uploading", "name"),
        cancel: o.text("cancel"),
        retry: o.text("retry"),
        remove: o.text("remove"),
        choose_again: o.text("choose_again"),
        empty: o.text("empty"),
        too_large: o.text("too_large"),
        refused_type: o.text("refused_type"),
        network: o.text("network"),
        timed_out: o.text("timed_out"),
        rejected: o.template("rejected", "message"),
        no_url: o.text("no_url"),
        interrupted: o.text("interrupted"),
        size: sizes(o.object("size")),
    };
    o.finish();
    files
}

fn sizes(mut o: Obj<'_, '_>) -> Sizes {
    let sizes = Sizes {
        decimal: o.text("decimal"),
        b: o.template("b", "n"),
        kb: o.template("kb", "n"),
        mb: o.template("mb", "n"),
    };
    o.finish();
    sizes
}

fn system_messages(mut o: Obj<'_, '_>) -> SystemMessages {
    let messages = SystemMessages {
        agent: o.text("agent"),
        joined: o.template("joined", "agent"),
        left: o.template("left", "agent"),
        transferred: o.text("transferred"),
        customer_ended: o.text("customer_ended"),
        closed: o.text("closed"),
    };
    o.finish();
    messages
}
