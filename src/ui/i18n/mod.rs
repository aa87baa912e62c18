//! Every user-facing string of the widget, one JSON table per language
//! (`src/ui/i18n/lang/*.json`, [`CODES`]). English is compiled in ([`english`]) and is the
//! default and the fallback; the other languages are files of the build, fetched on demand
//! (the composition root, `crate::start`) and read by the same reader ([`read_table`]).
//! Components read the table with [`strings`]; the root provides it with
//! [`provide_language`], for the language [`choose`] picks. Plural forms follow CLDR ([`plural`]).

use std::sync::OnceLock;

use leptos::prelude::*;

pub mod plural;
mod read;
mod text;

#[cfg(test)]
mod choose_tests;
#[cfg(test)]
mod lang_tests;
#[cfg(test)]
mod read_tests;
#[cfg(test)]
mod tests;

pub use plural::{Plural, PluralRule};
pub use read::{read_table, TableError};
use text::{Count, Sizes, SystemMessages, Template};

/// Every language with a table, English first: `lang/<code>.json` each.
pub const CODES: [&str; 15] =
    ["en", "ar", "cs", "de", "es", "fr", "he", "it", "ja", "nl", "pl", "pt", "ru", "tr", "uk"];

/// English's table, compiled into the widget (the others are fetched).
pub const ENGLISH_JSON: &str = include_str!("lang/en.json");

/// One language's strings, read from its JSON table ([`read_table`]). Plain text is a
/// public `&'static str`; text with numbers or names is a template behind a method of the
/// same name ([`Strings::unread`], ...), so each language does its own plurals (by its CLDR
/// rule) and word order (`{agent}`, `{n}` where the language wants them).
pub struct Strings {
    /// The language code (`en`, `pl`), for the `lang` attribute.
    pub code: &'static str,
    /// Writing direction, `ltr` or `rtl`, for the widget root's `dir` attribute.
    pub dir: &'static str,
    /// The language's CLDR plural rule, for counts.
    pub plural: PluralRule,
    /// Accessible name of the whole widget region.
    pub widget_label: &'static str,
    /// Title in the chat window's header when no agent is known.
    pub title: &'static str,
    /// Subtitle when agents are online.
    pub subtitle_online: &'static str,
    /// Subtitle when nobody is available.
    pub subtitle_offline: &'static str,
    /// Launcher's accessible name while the window is closed.
    pub launcher_open: &'static str,
    /// Launcher's accessible name while the window is open.
    pub launcher_close: &'static str,
    /// "N unread messages", for the launcher badge.
    unread: Count,
    /// Availability, said after the launcher's name.
    pub agents_online: &'static str,
    /// Availability, said after the launcher's name.
    pub agents_offline: &'static str,
    /// The header's minimise button.
    pub minimise: &'static str,
    /// The header's end-chat button.
    pub end_chat: &'static str,
    /// The end-chat confirmation question.
    pub end_chat_question: &'static str,
    /// Confirms ending the chat.
    pub end_chat_confirm: &'static str,
    /// Cancels a confirmation.
    pub cancel: &'static str,
    /// Greeting card: opens the chat.
    pub greeting_open: &'static str,
    /// Greeting card: dismisses the greeting.
    pub greeting_dismiss: &'static str,
    /// Greeting card's accessible name: "Message from {agent}".
    greeting_from: Template,
    /// Name shown for an agent without one.
    pub agent_fallback: &'static str,
    /// How the customer's own messages are labelled for screen readers.
    pub you: &'static str,
    /// Accessible name of the message log.
    pub log_label: &'static str,
    /// Shown in the log before any message.
    pub empty_chat: &'static str,
    /// Loads the previous thread.
    pub load_earlier: &'static str,
    /// "{agent} is typing…".
    typing_one: Template,
    /// Several agents typing.
    pub typing_many: &'static str,
    /// Own message not yet confirmed.
    pub pending: &'static str,
    /// Own message confirmed.
    pub sent: &'static str,
    /// Own message seen by an agent.
    pub seen: &'static str,
    /// Own message that failed.
    pub failed: &'static str,
    /// Sends a failed message again.
    pub retry: &'static str,
    /// Drops a failed message.
    pub remove: &'static str,
    /// Alt text of an image without one.
    pub image_fallback: &'static str,
    /// Name of a file without one.
    pub file_fallback: &'static str,
    /// "Download {name}".
    download: Template,
    /// Said after links that open a new tab.
    pub new_tab: &'static str,
    /// Said on a button whose link was refused as unsafe.
    pub link_unavailable: &'static str,
    /// Summary line of a submitted form in the log.
    pub form_sent: &'static str,
    /// Accessible name of a rich message's quick replies.
    pub quick_replies: &'static str,
    /// The webview panel's default title.
    pub webview_title: &'static str,
    /// Closes the webview panel.
    pub webview_close: &'static str,
    /// Text of a system message without `text`, from its type and variables.
    system_message: SystemMessages,
    /// The composer's label.
    pub composer_label: &'static str,
    /// The composer's placeholder.
    pub composer_placeholder: &'static str,
    /// The send button.
    pub send: &'static str,
    /// "This long message will be sent in N parts".
    message_parts: Count,
    /// Composer hint for the keyboard.
    pub composer_hint: &'static str,
    /// Prechat form heading.
    pub prechat_title: &'static str,
    /// Prechat submit button.
    pub prechat_submit: &'static str,
    /// Postchat form heading.
    pub postchat_title: &'static str,
    /// Postchat submit button.
    pub postchat_submit: &'static str,
    /// Skips the postchat form.
    pub postchat_skip: &'static str,
    /// Marks a required field (visually and for screen readers).
    pub required: &'static str,
    /// Error next to an empty required field.
    pub field_required: &'static str,
    /// Error next to a malformed e-mail.
    pub email_invalid: &'static str,
    /// First entry of a drop-down.
    pub choose_option: &'static str,
    /// Queue: "You are number N in the queue."
    queue_position: Count,
    /// Queue without a position.
    pub queue_waiting: &'static str,
    /// Queue: "Expected wait: {human wait}."
    queue_wait: Template,
    /// A wait under a minute.
    pub wait_under_minute: &'static str,
    /// "about N minutes".
    wait_minutes: Count,
    /// "about N hours".
    wait_hours: Count,
    /// Chat end notice.
    pub chat_ended: &'static str,
    /// Starts a new chat (focuses the composer).
    pub start_new_chat: &'static str,
    /// After the postchat form.
    pub postchat_thanks: &'static str,
    /// Banner: connecting.
    pub connecting: &'static str,
    /// Banner: "Reconnecting in N s…".
    reconnecting_in: Count,
    /// Banner: reconnecting now.
    pub reconnecting: &'static str,
    /// Banner: the browser is offline.
    pub offline: &'static str,
    /// Banner: paused, the customer acts to resume.
    pub paused: &'static str,
    /// Banner: paused because too many customers are online.
    pub paused_busy: &'static str,
    /// The service refused the login: the token or the customer (the console names the error).
    pub refused_sign_in: &'static str,
    /// The service refused the login: the configured group.
    pub refused_group: &'static str,
    /// The service refused the login: a limit of the license.
    pub refused_limit: &'static str,
    /// The service refused the login for another reason.
    pub refused_other: &'static str,
    /// Tries to log in again after a refusal.
    pub try_again: &'static str,
    /// Terminal: banned.
    pub stopped_banned: &'static str,
    /// Terminal: license missing, expired or wrong product.
    pub stopped_license: &'static str,
    /// Terminal: too many connections.
    pub stopped_too_many: &'static str,
    /// Terminal: version unsupported or changed.
    pub stopped_version: &'static str,
    /// Terminal: the widget was shut down.
    pub stopped_closed: &'static str,
    /// Terminal: anything else.
    pub stopped_other: &'static str,
    /// The host tab's title beside the unread count: "(2) New message".
    pub unread_title: &'static str,
    /// The rating control's question.
    pub rate_question: &'static str,
    /// Rates the chat good.
    pub rate_good: &'static str,
    /// Rates the chat bad.
    pub rate_bad: &'static str,
    /// The rating's comment box.
    pub rate_comment_label: &'static str,
    /// Sends the rating's comment.
    pub rate_send_comment: &'static str,
    /// Takes the rating back.
    pub rate_remove: &'static str,
    /// After a rating reached the server.
    pub rate_thanks: &'static str,
    /// A rating the server refused.
    pub rate_failed: &'static str,
    /// The ticket form's heading.
    pub ticket_title: &'static str,
    /// The ticket form's submit button.
    pub ticket_submit: &'static str,
    /// While the ticket is sent.
    pub ticket_sending: &'static str,
    /// After the ticket was created.
    pub ticket_sent: &'static str,
    /// A ticket that failed or timed out.
    pub ticket_failed: &'static str,
    /// Nobody online and no ticket form: the message waits in the chat.
    pub continuous_note: &'static str,
    /// Turns the reply sound on.
    pub sound_on: &'static str,
    /// Turns the reply sound off.
    pub sound_off: &'static str,
    /// The header button that downloads the conversation as an HTML file.
    pub transcript_download: &'static str,
    /// The title of the downloaded transcript document.
    pub transcript_title: &'static str,
    /// The title of a form the agent sent into the chat (for example asking for the e-mail).
    pub chat_form_title: &'static str,
    /// Sends the answers of a form the agent sent into the chat.
    pub chat_form_submit: &'static str,
    /// Sending files (the attach button, drop, paste and the upload tray).
    pub files: FileStrings,
}

/// The strings of the visitor's files.
pub struct FileStrings {
    /// The attach button's accessible name.
    pub attach: &'static str,
    /// Over the window while files are dragged onto it.
    pub drop_here: &'static str,
    /// Accessible name of the list of files being sent.
    pub tray_label: &'static str,
    /// A file waiting for its turn.
    pub queued: &'static str,
    /// "Uploading {name}" (the progress bar's name).
    uploading: Template,
    /// Cancels an upload under way.
    pub cancel: &'static str,
    /// Tries a failed upload again.
    pub retry: &'static str,
    /// Removes a failed upload from the list.
    pub remove: &'static str,
    /// Opens the file picker for an interrupted upload.
    pub choose_again: &'static str,
    /// A file of 0 bytes.
    pub empty: &'static str,
    /// A file over 10 MB.
    pub too_large: &'static str,
    /// A program or script, or a type the service refused.
    pub refused_type: &'static str,
    /// The request failed on the way.
    pub network: &'static str,
    /// No progress for a long time.
    pub timed_out: &'static str,
    /// "The file was not accepted: {the service's message}".
    rejected: Template,
    /// The service answered without a URL.
    pub no_url: &'static str,
    /// Cut by a reload: the file must be chosen again.
    pub interrupted: &'static str,
    /// A size in bytes for people ("2.4 MB", "310 KB").
    size: Sizes,
}

/// The language code with a table (`pl`) for a BCP 47 language tag (`pl`, `pt-BR`,
/// `PT_pt`), by its primary subtag; `None` for a language without one (`zh-Hant`, `xx`, ``).
pub fn lookup(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    // `iw` is Hebrew's code before 1989; old Java and Android still send it.
    let primary = if primary == "iw" { "he" } else { primary.as_str() };
    CODES.iter().copied().find(|&code| code == primary)
}

/// The widget's language: the site owner's `__lc.language`, else the host page's
/// `<html lang>`, else the first of the browser's languages (`navigator.languages`)
/// that has a table, else English. A source naming a language without a table is
/// passed over, so an unsupported `__lc.language` still gets the page's or the
/// visitor's language rather than English.
pub fn choose(configured: Option<&str>, host_page: Option<&str>, browser: &[String]) -> &'static str {
    configured.into_iter().chain(host_page).chain(browser.iter().map(String::as_str)).find_map(lookup).unwrap_or("en")
}

/// English, read once from the table compiled in.
pub fn english() -> &'static Strings {
    static ENGLISH: OnceLock<&'static Strings> = OnceLock::new();
    // en.json is part of the program, not input: the native test
    // `every_table_reads_and_has_exactly_englishs_keys` proves it reads.
    ENGLISH.get_or_init(|| read_table(ENGLISH_JSON, "en").expect("en.json reads"))
}

/// The strings in the component tree's context.
#[derive(Clone, Copy)]
pub struct Lang(pub &'static Strings);

/// Provides `strings` to the component tree below (call before mounting [`crate::ui::App`]).
pub fn provide_language(strings: &'static Strings) {
    provide_context(Lang(strings));
}

/// The strings provided by [`provide_language`], or English.
pub fn strings() -> &'static Strings {
    use_context::<Lang>().map_or_else(english, |l| l.0)
}
