//! The conversation: "Load earlier messages", the greeting of an empty chat,
//! the message log (`role="log"`, announcing new messages politely) and the
//! typing indicator.

use leptos::html;
use leptos::prelude::*;

use crate::chat::{ChatPhase, ChatState, Entry};
use crate::conversation::Intent;
use crate::protocol::{Event, EventBody};

use super::context::ChatContext;
use super::greeting::GreetingCard;
use super::i18n::strings;
use super::message::MessageRow;

/// Whether the log shows this entry: visible to the customer and of a type
/// the widget renders (forms to fill, custom and unknown events are not).
pub fn is_shown(entry: &Entry<Event>) -> bool {
    entry.event.is_visible_to_customer()
        && match &entry.event.body {
            EventBody::Message(m) => !m.text.trim().is_empty(),
            EventBody::RichMessage(_) | EventBody::File(_) | EventBody::FilledForm(_) | EventBody::SystemMessage(_) => {
                true
            }
            _ => false,
        }
}

/// Whether the customer wrote this entry.
pub fn is_own(state: &ChatState, entry: &Entry<Event>) -> bool {
    match entry.event.author_id.as_deref() {
        Some(author) => Some(author) == state.customer_id(),
        // Sent before login told us who we are.
        None => entry.custom_id.is_some() && !matches!(entry.event.body, EventBody::SystemMessage(_)),
    }
}

/// One row of the log: its stable key, and whether it starts a run of
/// messages by the same author (which shows the author's name and avatar).
pub type RowKey = (String, bool);

/// The rows of the log, in order.
pub fn row_keys(state: &ChatState) -> Vec<RowKey> {
    let mut previous: Option<String> = None;
    state
        .timeline
        .entries()
        .iter()
        .filter(|e| is_shown(e))
        .map(|e| {
            let author = if matches!(e.event.body, EventBody::SystemMessage(_)) {
                None
            } else if is_own(state, e) {
                Some("\u{0}own".to_owned())
            } else {
                e.event.author_id.clone()
            };
            let first = author.is_none() || author != previous;
            previous = author;
            (e.key(), first)
        })
        .collect()
}

/// The entry with this [`Entry::key`].
pub fn entry_by_key<'a>(state: &'a ChatState, key: &str) -> Option<&'a Entry<Event>> {
    if let Some(custom_id) = key.strip_prefix("c:") {
        return state.timeline.by_custom_id(custom_id);
    }
    if let Some(event_id) = key.strip_prefix("e:") {
        if let Some(entry) = state.timeline.by_event_id(event_id) {
            return Some(entry);
        }
    }
    state.timeline.entries().iter().find(|e| e.key() == key)
}

/// The scrolling conversation area.
#[component]
pub fn ChatView() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let scroller = NodeRef::<html::Div>::new();
    let rows = Memo::new(move |_| ctx.with_state(row_keys));
    let has_older = Memo::new(move |_| ctx.with_state(|s| s.older_thread_id.is_some()));
    let greeting = Memo::new(move |_| ctx.with_state(|s| s.greeting.clone().filter(|_| s.phase == ChatPhase::NoChat)));
    let typing = Memo::new(move |_| {
        ctx.with_state(|s| {
            s.typing_agents().map(|p| p.name.clone().unwrap_or_else(|| t.agent_fallback.to_owned())).collect::<Vec<_>>()
        })
    });
    let empty = Memo::new(move |_| rows.with(Vec::is_empty));

    // Follow the newest message; loading older ones (prepended) keeps the place.
    Effect::new(move |previous: Option<Option<String>>| {
        let last = rows.with(|r| r.last().map(|(k, _)| k.clone()));
        let typing_now = typing.with(|t| !t.is_empty());
        if let Some(el) = scroller.get() {
            if previous.as_ref() != Some(&last) || typing_now {
                el.set_scroll_top(el.scroll_height());
                // `.lc-body` around it is what scrolls when the log is taller than the window.
                if let Some(body) = el.parent_element() {
                    body.set_scroll_top(body.scroll_height());
                }
            }
        }
        last
    });
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            if el.scroll_top() <= 0 && has_older.get_untracked() {
                ctx.send(Intent::LoadOlder);
            }
        }
    };
    let typing_text = move || {
        typing.with(|names| match names.as_slice() {
            [] => None,
            [one] => Some((t.typing_one)(one)),
            _ => Some(t.typing_many.to_owned()),
        })
    };
    view! {
        <div class="lc-scroll" node_ref=scroller on:scroll=on_scroll>
            <Show when=move || has_older.get()>
                <button type="button" class="lc-load-earlier" on:click=move |_| ctx.send(Intent::LoadOlder)>
                    {t.load_earlier}
                </button>
            </Show>
            {move || greeting.get().map(|g| view! { <GreetingCard greeting=g floating=false/> })}
            <Show when=move || empty.get() && greeting.with(Option::is_none)>
                <p class="lc-empty">{t.empty_chat}</p>
            </Show>
            // The log role sits on a wrapper: on the <ol> itself it would hide the
            // list semantics its <li> rows need (axe: listitem, aria-allowed-role).
            <div class="lc-log" role="log" aria-live="polite" aria-relevant="additions" aria-label=t.log_label>
                <ol class="lc-log-list">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <MessageRow key=row.0 first=row.1/>
                    </For>
                </ol>
            </div>
            <div class="lc-typing" aria-hidden=move || typing.with(Vec::is_empty).then_some("true")>
                {move || typing_text().map(|text| view! {
                    <span class="lc-typing-dots" aria-hidden="true"><i></i><i></i><i></i></span>
                    <span class="lc-typing-text">{text}</span>
                })}
            </div>
        </div>
    }
}
