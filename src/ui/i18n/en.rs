//! English strings (the default).

use std::collections::BTreeMap;

use super::plural::{one_other, Plural};
use super::{FileStrings, Strings};

fn plural(n: u64, one: &str, other: &str) -> String {
    let word = if one_other(n) == Plural::One { one } else { other };
    format!("{n} {word}")
}

fn system_message(kind: &str, vars: &BTreeMap<String, String>) -> Option<String> {
    let agent = vars.get("agent").map(String::as_str).unwrap_or("An agent");
    Some(match kind {
        "routing.assigned" | "routing.assigned_new" | "routing.accepted" | "transfer.accepted" => {
            format!("{agent} joined the chat.")
        }
        "routing.unassigned" | "agent_removed" => format!("{agent} left the chat."),
        "transfer.chat" | "routing.transferred" => "The chat was transferred to another agent.".into(),
        "manual_archived_customer" => "You ended the chat.".into(),
        k if k.starts_with("routing.archived") || k.starts_with("manual_archived") => "The chat was closed.".into(),
        _ => return None,
    })
}

/// English.
pub static EN: Strings = Strings {
    code: "en",
    dir: "ltr",
    plural: one_other,
    widget_label: "Customer chat",
    title: "Chat with us",
    subtitle_online: "We usually reply in a few minutes",
    subtitle_offline: "We're away right now. Leave a message.",
    launcher_open: "Open chat",
    launcher_close: "Minimise chat",
    unread: |n| plural(u64::from(n), "unread message", "unread messages"),
    agents_online: "agents online",
    agents_offline: "agents away",
    minimise: "Minimise chat",
    end_chat: "End chat",
    end_chat_question: "End this chat?",
    end_chat_confirm: "Yes, end chat",
    cancel: "Cancel",
    greeting_open: "Open chat",
    greeting_dismiss: "Dismiss",
    greeting_from: |agent| format!("Message from {agent}"),
    agent_fallback: "Agent",
    you: "You",
    log_label: "Conversation",
    empty_chat: "Ask us anything. We're here to help.",
    load_earlier: "Load earlier messages",
    typing_one: |agent| format!("{agent} is typing…"),
    typing_many: "Agents are typing…",
    pending: "Sending…",
    sent: "Sent",
    seen: "Seen",
    failed: "Not sent",
    retry: "Retry",
    remove: "Remove",
    image_fallback: "Image",
    file_fallback: "File",
    download: |name| format!("Download {name}"),
    new_tab: "(opens in a new tab)",
    link_unavailable: "(link unavailable)",
    form_sent: "Form sent",
    quick_replies: "Quick replies",
    webview_title: "Embedded page",
    webview_close: "Close",
    system_message,
    composer_label: "Write a message",
    composer_placeholder: "Write a message…",
    send: "Send",
    message_parts: |n| format!("This long message will be sent in {}.", plural(n as u64, "part", "parts")),
    composer_hint: "Enter to send, Shift+Enter for a new line.",
    prechat_title: "Before we start, tell us a little about you",
    prechat_submit: "Start the chat",
    postchat_title: "How was your chat?",
    postchat_submit: "Send feedback",
    postchat_skip: "Skip",
    required: "(required)",
    field_required: "This field is required.",
    email_invalid: "Enter a valid e-mail address, like name@example.com.",
    choose_option: "Choose…",
    queue_position: |n| format!("You are number {n} in the queue."),
    queue_waiting: "You are in the queue. An agent will be with you shortly.",
    queue_wait: |wait| format!("Expected wait: {wait}."),
    wait_under_minute: "less than a minute",
    wait_minutes: |n| format!("about {}", plural(n, "minute", "minutes")),
    wait_hours: |n| format!("about {}", plural(n, "hour", "hours")),
    chat_ended: "The chat has ended.",
    start_new_chat: "Start a new chat",
    postchat_thanks: "Thank you for your feedback!",
    connecting: "Connecting…",
    reconnecting_in: |s| format!("Connection lost. Reconnecting in {s} s…"),
    reconnecting: "Connection lost. Reconnecting…",
    offline: "You're offline. The chat will reconnect when your connection is back.",
    paused: "Chat paused. Send a message to reconnect.",
    paused_busy: "Many people are chatting right now. Send a message to try again.",
    refused_sign_in: "The chat could not sign you in.",
    refused_group: "This chat is not available on this page.",
    refused_limit: "The chat cannot take more visitors right now.",
    refused_other: "The chat could not connect.",
    try_again: "Try again",
    stopped_banned: "You can't use this chat any more.",
    stopped_license: "This chat is not available on this website right now.",
    stopped_too_many: "The chat is open in too many windows. Close some of them and reload the page.",
    stopped_version: "This chat has been updated. Please reload the page.",
    stopped_closed: "The chat was closed.",
    stopped_other: "The chat is not available right now. Please try again later.",
    files: FileStrings {
        attach: "Attach a file",
        drop_here: "Drop files here to send them",
        tray_label: "Files being sent",
        queued: "Waiting to upload…",
        uploading: |name| format!("Uploading {name}"),
        cancel: "Cancel",
        retry: "Retry",
        remove: "Remove",
        choose_again: "Choose the file again",
        empty: "This file is empty.",
        too_large: "This file is larger than 10 MB, the most you can send.",
        refused_type: "Files of this type can't be sent.",
        network: "The upload failed. Check your connection and try again.",
        timed_out: "The upload stalled. Try again.",
        rejected: |message| format!("The file was not accepted: {message}"),
        no_url: "The file could not be stored. Try again.",
        interrupted: "The upload stopped when the page reloaded.",
        size: |bytes| human_size(bytes, "."),
    },
    unread_title: "New message",
    rate_question: "How was this chat?",
    rate_good: "Good",
    rate_bad: "Bad",
    rate_comment_label: "Add a comment (optional)",
    rate_send_comment: "Send comment",
    rate_remove: "Remove rating",
    rate_thanks: "Thanks for your rating.",
    rate_failed: "Your rating could not be saved. Try again.",
    ticket_title: "Leave a message",
    ticket_submit: "Send message",
    ticket_sending: "Sending…",
    ticket_sent: "Thanks! We got your message and will reply by e-mail.",
    ticket_failed: "Your message could not be sent. Try again.",
    continuous_note: "We're away. Leave a message here and we'll reply in this chat.",
    sound_on: "Turn reply sound on",
    sound_off: "Turn reply sound off",
    transcript_download: "Download the transcript",
    transcript_title: "Chat transcript",
    chat_form_title: "Please fill in this form",
    chat_form_submit: "Send",
};

/// A size with one decimal above a kilobyte (binary units, as LiveChat's 10 MB limit is).
pub(super) fn human_size(bytes: u64, decimal: &str) -> String {
    const KB: u64 = 1024;
    match bytes {
        b if b < KB => format!("{b} B"),
        b if b < KB * KB => format!("{} KB", (b + KB / 2) / KB),
        b => {
            let tenths = (b * 10 + KB * KB / 2) / (KB * KB);
            format!("{}{decimal}{} MB", tenths / 10, tenths % 10)
        }
    }
}

/// [`human_size`]'s text with the language's unit symbols (French `Mo`, Russian `МБ`).
pub(super) fn localized_units(size: String, b: &str, kb: &str, mb: &str) -> String {
    match size.rsplit_once(' ') {
        Some((n, "MB")) => format!("{n} {mb}"),
        Some((n, "KB")) => format!("{n} {kb}"),
        Some((n, "B")) => format!("{n} {b}"),
        _ => size,
    }
}
