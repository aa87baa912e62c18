//! One row of the message log: the customer's own messages (with delivery
//! state, retry and remove), agents' messages with name and avatar, system
//! messages, files, rich messages and submitted forms. All network text is
//! rendered as text nodes.

use leptos::prelude::*;

use crate::chat::Delivery;
use crate::conversation::Intent;
use crate::protocol::{Answer, Event, EventBody, FileEvent, FilledFormEvent, SystemMessage};

use super::avatar::Avatar;
use super::chat_form::ChatForm;
use super::chat_view::{Author, LogWindow};
use super::context::ChatContext;
use super::dynamic::{click, dyn_view};
use super::i18n::{strings, Strings};
use super::rich::RichContent;
use super::safe_url::{safe_url, WEB};

/// A row of the log, found by its key in the rendered window
/// ([`LogWindow`], provided by the chat view) so that it updates in place when
/// its entry changes (confirmed, failed, postback toggled).
#[component]
pub fn MessageRow(
    /// The entry's [`crate::chat::Entry::key`].
    key: String,
    /// Whether it starts a run by the same author (shows name and avatar).
    first: bool,
) -> impl IntoView {
    let window = expect_context::<Memo<LogWindow>>();
    let t = strings();
    let lookup = key.clone();
    let event = Memo::new(move |_| window.with(|w| w.get(&lookup).map(|r| (r.event.clone(), r.event_id.clone()))));
    let lookup = key.clone();
    let author = Memo::new(move |_| window.with(|w| w.get(&lookup).map(|r| r.author.clone())));
    let lookup = key.clone();
    let status = Memo::new(move |_| window.with(|w| w.get(&lookup).map(|r| (r.delivery, r.seen, r.custom_id.clone()))));
    dyn_view(move || {
        let author = author.get()?;
        let class = match &author {
            Author::Own => "lc-row lc-row-own",
            Author::System => "lc-row lc-row-system",
            Author::Agent { .. } => "lc-row lc-row-agent",
        };
        let (avatar, name) = match &author {
            Author::Agent { name, avatar } if first => (
                Some(view! { <Avatar name=name.clone() url=avatar.clone()/> }),
                Some(view! { <span class="lc-author">{name.clone()}</span> }),
            ),
            _ => (None, None),
        };
        let own = author == Author::Own;
        let system = author == Author::System;
        let you = own.then(|| view! { <span class="lc-sr-only">{t.you} ": "</span> });
        Some(view! {
            <li class=class class:lc-first=first data-key=key.clone()>
                <div class="lc-avatar-slot">{avatar}</div>
                <div class="lc-msg">
                    {name}
                    {you}
                    {dyn_view(move || event.get().map(|(event, event_id)| body(t, &event, event_id.unwrap_or_default(), system)))}
                    {own.then(|| view! { <DeliveryStatus status=status/> })}
                </div>
            </li>
        }.into_any())
    })
}

/// The delivery state of an own message; a failed one offers Retry and Remove.
#[component]
fn DeliveryStatus(status: Memo<Option<(Delivery, bool, Option<String>)>>) -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    dyn_view(move || {
        let (delivery, seen, custom_id) = status.get()?;
        Some(match delivery {
            Delivery::Pending => view! {
                <span class="lc-status lc-status-pending" aria-live="off">
                    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                        <circle cx="8" cy="8" r="6.2" fill="none" stroke="currentColor" stroke-width="1.6"/>
                        <path d="M8 4.5V8l2.4 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>
                    </svg>
                    <span class="lc-sr-only">{t.pending}</span>
                </span>
            }
            .into_any(),
            Delivery::Sent => {
                let label = if seen { t.seen } else { t.sent };
                view! {
                    <span class="lc-status lc-status-sent" class:lc-seen=seen aria-live="off">
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                            <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"/>
                        </svg>
                        <span class="lc-status-text">{label}</span>
                    </span>
                }
                .into_any()
            }
            Delivery::Failed => {
                let id = custom_id.unwrap_or_default();
                let retry_id = id.clone();
                view! {
                    <span class="lc-status lc-status-failed" role="alert">
                        <span class="lc-status-text">{t.failed}</span>
                        <button type="button" class="lc-link-btn lc-retry"
                            on:click=click(move || ctx.send(Intent::RetryMessage { custom_id: retry_id.clone() }))>
                            {t.retry}
                        </button>
                        <button type="button" class="lc-link-btn lc-remove"
                            on:click=click(move || ctx.send(Intent::RemoveMessage { custom_id: id.clone() }))>
                            {t.remove}
                        </button>
                    </span>
                }
                .into_any()
            }
        })
    })
}

/// The body of an event, by type.
fn body(t: &'static Strings, event: &Event, event_id: String, system: bool) -> AnyView {
    match &event.body {
        EventBody::Message(m) if system => view! { <p class="lc-system-text">{m.text.clone()}</p> }.into_any(),
        EventBody::Message(m) => {
            view! { <div class="lc-bubble"><p class="lc-bubble-text">{m.text.clone()}</p></div> }.into_any()
        }
        EventBody::SystemMessage(s) => {
            let text = system_text(t, s);
            view! { <p class="lc-system-text">{text}</p> }.into_any()
        }
        EventBody::RichMessage(rich) => view! { <RichContent event_id=event_id rich=rich.clone()/> }.into_any(),
        EventBody::File(file) => file_view(t, file),
        EventBody::FilledForm(form) => filled_form_view(t, form),
        EventBody::Form(form) => view! { <ChatForm event_id=event_id form=form.clone()/> }.into_any(),
        _ => ().into_any(),
    }
}

/// A system message's text: its `text`, else built from its type and `text_vars`.
pub fn system_text(t: &Strings, s: &SystemMessage) -> String {
    match &s.text {
        Some(text) if !text.trim().is_empty() => text.clone(),
        _ => t
            .system_message(&s.system_message_type, &s.text_vars)
            .unwrap_or_else(|| s.text_vars.values().cloned().collect::<Vec<_>>().join(" ")),
    }
}

fn is_image(file: &FileEvent) -> bool {
    file.content_type.as_deref().is_some_and(|c| c.to_ascii_lowercase().starts_with("image/"))
        || (file.content_type.is_none() && file.width.is_some() && file.height.is_some())
}

/// An image as a thumbnail linking to the full picture, anything else as a download link.
fn file_view(t: &'static Strings, file: &FileEvent) -> AnyView {
    let name = file.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| t.file_fallback.to_owned());
    let Some(href) = safe_url(&file.url, WEB) else {
        return view! { <div class="lc-bubble lc-file"><span>{name}</span></div> }.into_any();
    };
    if is_image(file) {
        let src = file.thumbnail_url.as_deref().and_then(|u| safe_url(u, WEB)).unwrap_or_else(|| href.clone());
        let alt = file.alternative_text.clone().filter(|a| !a.trim().is_empty()).unwrap_or(name);
        let (width, height) = (file.width.map(|w| w.min(240)), file.height.map(|h| h.min(240)));
        return view! {
            <a class="lc-image-link" href=href target="_blank" rel="noopener noreferrer">
                <img class="lc-image" src=src alt=alt loading="lazy" width=width height=height/>
                <span class="lc-sr-only">" " {t.new_tab}</span>
            </a>
        }
        .into_any();
    }
    let size = file.size.map(|bytes| t.files.size(bytes));
    let download = match &size {
        Some(size) => t.download(&format!("{name}, {size}")),
        None => t.download(&name),
    };
    view! {
        <a class="lc-bubble lc-file" href=href target="_blank" rel="noopener noreferrer" download="" aria-label=download>
            <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 4v11m0 0l-4-4m4 4l4-4M5 19h14" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>
            </svg>
            // The size inside the name's text, as the accessible name says it (axe: label-content-name-mismatch).
            <span class="lc-file-name">{name}{size.map(|size| view! { <span class="lc-file-size">", " {size}</span> })}</span>
        </a>
    }
    .into_any()
}

/// A submitted form as a summary card: each label with its answer.
fn filled_form_view(t: &'static Strings, form: &FilledFormEvent) -> AnyView {
    let rows = form
        .fields
        .iter()
        .filter_map(|f| {
            let answer = match &f.answer {
                Answer::None => return None,
                Answer::Text(s) => s.clone(),
                Answer::Choice(o) => o.label.clone(),
                Answer::Choices(os) => os.iter().map(|o| o.label.as_str()).collect::<Vec<_>>().join(", "),
            };
            Some(view! { <dt>{f.label.clone()}</dt><dd>{answer}</dd> })
        })
        .collect_view();
    view! {
        <div class="lc-bubble lc-filled-form">
            <p class="lc-filled-form-title">{t.form_sent}</p>
            <dl>{rows}</dl>
        </div>
    }
    .into_any()
}
