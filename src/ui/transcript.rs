//! The conversation as a standalone HTML document the visitor can keep
//! (issue 17, item 5). Built from the rows the log shows, in plain Rust so it
//! is tested natively; the download itself is in `transcript_button.rs`.
//!
//! Agent text is hostile: every piece of network text is escaped for text or
//! for a quoted attribute, URLs pass [`safe_url`] before they become a link,
//! and the document carries its own CSP that forbids scripts outright, so
//! nothing in it can run even if it were opened from disk.

use std::fmt::Write;

use crate::protocol::{Answer, EventBody, FileEvent};

use super::chat_view::{Author, RowData};
use super::i18n::Strings;
use super::message::system_text;
use super::safe_url::{safe_url, WEB};

/// The file name the transcript downloads as.
pub const TRANSCRIPT_FILE_NAME: &str = "chat-transcript.html";

/// The document's own policy: nothing but its inline style (no script, no
/// request, no frame).
const DOCUMENT_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'";

const STYLE: &str =
    "body{font:15px/1.45 system-ui,sans-serif;max-width:42em;margin:2em auto;padding:0 1em;color:#1b1f24}\
li{list-style:none;margin:0 0 1em}ol{padding:0}.who{font-weight:600}time{color:#5b6470;margin-left:.5em;font-size:.9em}\
p{margin:.2em 0;white-space:pre-wrap;overflow-wrap:anywhere}.system{color:#5b6470;font-style:italic}";

/// Escapes text for an HTML text node or a double-quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A server time (RFC 3339, UTC) as `2026-01-01 10:05 UTC`; anything else as given.
fn shown_time(created_at: &str) -> String {
    let b = created_at.as_bytes();
    let well_formed = b.len() >= 17 && b[4] == b'-' && b[10] == b'T' && b[13] == b':' && created_at.ends_with('Z');
    if well_formed {
        format!("{} {} UTC", &created_at[..10], &created_at[11..16])
    } else {
        created_at.to_owned()
    }
}

/// The whole transcript: a complete HTML document with every row, oldest first.
pub fn transcript_html(t: &Strings, rows: &[RowData]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\
         <meta name=\"referrer\" content=\"no-referrer\"><title>{}</title><style>{}</style></head>\
         <body><h1>{}</h1><ol>\n",
        escape(t.code),
        escape(t.dir),
        DOCUMENT_CSP,
        escape(t.transcript_title),
        STYLE,
        escape(t.transcript_title),
    );
    for row in rows {
        row_html(t, row, &mut out);
    }
    out.push_str("</ol></body></html>\n");
    out
}

fn row_html(t: &Strings, row: &RowData, out: &mut String) {
    let who = match &row.author {
        Author::Own => Some(t.you.to_owned()),
        Author::Agent { name, .. } => Some(name.clone()),
        Author::System => None,
    };
    out.push_str("<li>");
    if let Some(who) = who {
        let _ = write!(out, "<span class=\"who\">{}</span>", escape(&who));
    }
    if let Some(at) = row.event.created_at.as_deref() {
        let _ = write!(out, "<time datetime=\"{}\">{}</time>", escape(at), escape(&shown_time(at)));
    }
    match &row.event.body {
        EventBody::Message(m) if row.author == Author::System => para(out, "system", &m.text),
        EventBody::Message(m) => para(out, "", &m.text),
        EventBody::SystemMessage(s) => para(out, "system", &system_text(t, s)),
        EventBody::File(file) => file_html(t, file, out),
        EventBody::RichMessage(rich) => {
            for element in &rich.elements {
                for text in [&element.title, &element.subtitle].into_iter().flatten() {
                    para(out, "", text);
                }
                if let Some(image) = &element.image {
                    link(out, &image.url, image.name.as_deref().unwrap_or(t.file_fallback));
                }
                for button in &element.buttons {
                    para(out, "", &format!("[{}]", button.text));
                }
            }
        }
        EventBody::Form(_) => para(out, "system", t.chat_form_title),
        EventBody::FilledForm(form) => {
            para(out, "", t.form_sent);
            for f in &form.fields {
                let answer = match &f.answer {
                    Answer::None => continue,
                    Answer::Text(s) => s.clone(),
                    Answer::Choice(o) => o.label.clone(),
                    Answer::Choices(os) => os.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join(", "),
                };
                para(out, "", &format!("{}: {answer}", f.label));
            }
        }
        _ => {}
    }
    out.push_str("</li>\n");
}

fn para(out: &mut String, class: &str, text: &str) {
    if class.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(text));
    } else {
        let _ = write!(out, "<p class=\"{class}\">{}</p>", escape(text));
    }
}

/// A link when the URL is a web URL, else only its name as text.
fn link(out: &mut String, url: &str, name: &str) {
    match safe_url(url, WEB) {
        Some(href) => {
            let _ =
                write!(out, "<p><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></p>", escape(&href), escape(name));
        }
        None => para(out, "", name),
    }
}

fn file_html(t: &Strings, file: &FileEvent, out: &mut String) {
    let name = file.name.as_deref().filter(|n| !n.trim().is_empty()).unwrap_or(t.file_fallback);
    link(out, &file.url, name);
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::*;
    use crate::chat::Delivery;
    use crate::protocol::Event;
    use crate::ui::i18n::english;

    fn row(author: Author, event: Value) -> RowData {
        RowData {
            key: String::new(),
            first: true,
            author,
            event: Event::from_json(&event),
            event_id: None,
            delivery: Delivery::Sent,
            seen: false,
            custom_id: None,
        }
    }

    fn agent(name: &str) -> Author {
        Author::Agent { name: name.into(), avatar: None }
    }

    // Issue 17, item 5: the transcript keeps authors, times, texts and files as links.
    #[test]
    fn transcript_has_authors_times_texts_and_file_links() {
        let rows = [
            row(
                Author::Own,
                json!({"id": "e1", "type": "message", "text": "Where is my order?",
                "created_at": "2026-01-01T10:05:07.123456Z"}),
            ),
            row(
                agent("Agent Smith"),
                json!({"id": "e2", "type": "message", "text": "On its way.",
                "created_at": "2026-01-01T10:06:00.000000Z"}),
            ),
            row(
                agent("Agent Smith"),
                json!({"id": "e3", "type": "file", "name": "invoice.pdf",
                "url": "https://cdn.example.com/invoice.pdf", "created_at": "2026-01-01T10:07:00.000000Z"}),
            ),
            row(
                Author::System,
                json!({"id": "e4", "type": "system_message", "text": "Chat closed",
                "system_message_type": "manual_archived_customer"}),
            ),
        ];
        let html = transcript_html(english(), &rows);
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<title>Chat transcript</title>"));
        assert!(html.contains("<span class=\"who\">You</span><time datetime=\"2026-01-01T10:05:07.123456Z\">2026-01-01 10:05 UTC</time><p>Where is my order?</p>"), "{html}");
        assert!(html.contains("<span class=\"who\">Agent Smith</span>"));
        assert!(html
            .contains("<a href=\"https://cdn.example.com/invoice.pdf\" rel=\"noopener noreferrer\">invoice.pdf</a>"));
        assert!(html.contains("<p class=\"system\">Chat closed</p>"));
        assert_eq!(html.matches("<li>").count(), 4);
    }

    // Agent text is hostile (design README, "Safety rules"): markup, attribute
    // breakouts and script URLs come out as inert text.
    #[test]
    fn hostile_text_names_and_urls_come_out_inert() {
        let rows = [
            row(
                agent("<img src=x onerror=alert(1)>"),
                json!({"id": "e1", "type": "message",
                "text": "<script>alert(1)</script>\"><svg onload=alert(2)>", "created_at": "2026\"><script>"}),
            ),
            row(
                agent("Eve"),
                json!({"id": "e2", "type": "file", "name": "\" onclick=\"alert(3)",
                "url": " JaVaScRiPt:alert(4)"}),
            ),
            row(
                agent("Eve"),
                json!({"id": "e3", "type": "file", "name": "x", "url": "https://a.example/\"onmouseover=\"alert(5)"}),
            ),
            row(
                agent("Eve"),
                json!({"id": "e4", "type": "rich_message", "template_id": "cards", "elements": [
                {"title": "<b>t</b>", "image": {"url": "data:text/html,<script>alert(6)</script>", "name": "pic"},
                 "buttons": [{"text": "</li><script>alert(7)</script>", "type": "url", "value": "javascript:alert(8)", "postback_id": "p"}]}]}),
            ),
        ];
        let html = transcript_html(english(), &rows);
        let body = &html[html.find("<ol>").unwrap()..];
        for inert in
            ["<script", "<img", "<svg", "<b>", "javascript:", "JaVaScRiPt", "data:text", "onclick=\"", "\"onmouseover"]
        {
            assert!(!body.contains(inert), "`{inert}` survived in {body}");
        }
        assert!(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;svg onload=alert(2)&gt;"));
        assert!(body.contains("&lt;img src=x onerror=alert(1)&gt;"));
        // Only the web URL became a link, its quote escaped inside the attribute.
        assert_eq!(body.matches("<a ").count(), 1);
        assert!(
            body.contains("href=\"https://a.example/%22onmouseover=%22alert(5)\"")
                || body.contains("href=\"https://a.example/&quot;onmouseover=&quot;alert(5)\""),
            "{body}"
        );
        // The document forbids scripts even if something slipped through.
        assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    }
}
