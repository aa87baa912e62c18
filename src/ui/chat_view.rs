//! The conversation: "Load earlier messages", the greeting of an empty chat,
//! the message log (`role="log"`, announcing new messages politely) and the
//! typing indicator.

use std::collections::{HashMap, HashSet};

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::chat::{ChatPhase, Delivery, Entry};
use crate::conversation::Intent;
use crate::perf;
use crate::protocol::{Event, EventBody};
use crate::slices::Log;

use super::context::ChatContext;
use super::dynamic::{click, dyn_attr, dyn_view};
use super::greeting::GreetingCard;
use super::i18n::strings;
use super::message::MessageRow;
use super::view_state::{after_render, focus_is_lost};

/// Whether the log shows this entry: visible to the customer and of a type
/// the widget renders (custom and unknown events are not). A `form` event
/// shows until its answer is in the log ([`LogWindow::newest`]).
pub fn is_shown(entry: &Entry<Event>) -> bool {
    entry.event.is_visible_to_customer()
        && match &entry.event.body {
            EventBody::Message(m) => !m.text.trim().is_empty(),
            EventBody::RichMessage(_)
            | EventBody::File(_)
            | EventBody::Form(_)
            | EventBody::FilledForm(_)
            | EventBody::SystemMessage(_) => true,
            _ => false,
        }
}

/// Whether the customer wrote this entry.
pub fn is_own(log: &Log, entry: &Entry<Event>) -> bool {
    match entry.event.author_id.as_deref() {
        Some(author) => Some(author) == log.customer_id.as_deref(),
        // Sent before login told us who we are.
        None => entry.custom_id.is_some() && !matches!(entry.event.body, EventBody::SystemMessage(_)),
    }
}

/// How many of the newest rows the log renders at first, and how many more
/// each "Load earlier messages" adds: the DOM does not grow with the history.
pub const WINDOW_PAGE: usize = 50;

/// Who wrote a row, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    /// The customer.
    Own,
    /// A system message.
    System,
    /// An agent, with the name and avatar to show.
    Agent {
        /// Display name (or the generic label).
        name: String,
        /// Avatar URL as sent (checked before use).
        avatar: Option<String>,
    },
}

/// Everything one row of the log shows, taken from its timeline entry.
#[derive(Debug, Clone, PartialEq)]
pub struct RowData {
    /// The entry's [`Entry::key`]: stable across confirmation.
    pub key: String,
    /// Whether it starts a run of messages by the same author (name and avatar show).
    pub first: bool,
    /// Who wrote it.
    pub author: Author,
    /// The event.
    pub event: Event,
    /// Its server id, once known.
    pub event_id: Option<String>,
    /// Delivery state (own messages).
    pub delivery: Delivery,
    /// Whether an agent has seen it.
    pub seen: bool,
    /// Its `custom_id` (retry and remove of own messages).
    pub custom_id: Option<String>,
}

/// The rows the log renders: the newest `limit` shown entries, oldest first,
/// with an index by key so each row finds its data in O(1).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LogWindow {
    /// The rows, in order.
    pub rows: Vec<RowData>,
    /// Loaded rows older than the window (not rendered).
    pub more: bool,
    by_key: HashMap<String, usize>,
}

impl LogWindow {
    /// The newest `limit` rows of the log. Walks the timeline from the
    /// end, so the cost follows `limit`, not the length of the history.
    pub fn newest(log: &Log, limit: usize, agent_fallback: &str) -> LogWindow {
        // One more than the window: its author decides the top row's `first`.
        // Walking back, a form's answer comes before the form: answered forms give way to it.
        let mut answered: HashSet<&str> = HashSet::new();
        let mut newest: Vec<&Entry<Event>> = log
            .entries
            .iter()
            .rev()
            .map(|e| &**e)
            .filter(|e| match &e.event.body {
                EventBody::FilledForm(f) => {
                    answered.insert(f.form_id.as_str());
                    is_shown(e)
                }
                EventBody::Form(f) => is_shown(e) && !answered.contains(f.form_id.as_str()),
                _ => is_shown(e),
            })
            .take(limit + 1)
            .collect();
        let more = newest.len() > limit;
        newest.reverse();
        let mut previous =
            if more { run_author(&shown_author(log, newest[0], agent_fallback), newest[0]) } else { None };
        let skip = usize::from(more);
        let rows: Vec<RowData> = newest[skip..]
            .iter()
            .map(|e| {
                let author = shown_author(log, e, agent_fallback);
                let run = run_author(&author, e);
                let first = run.is_none() || run != previous;
                previous = run;
                RowData {
                    key: e.key(),
                    first,
                    author,
                    event: e.event.clone(),
                    event_id: e.event_id.clone(),
                    delivery: e.delivery,
                    seen: match (&log.agent_seen_up_to, &e.created_at) {
                        (Some(seen), Some(at)) => seen >= at,
                        _ => false,
                    },
                    custom_id: e.custom_id.clone(),
                }
            })
            .collect();
        let by_key = rows.iter().enumerate().map(|(i, r)| (r.key.clone(), i)).collect();
        LogWindow { rows, more, by_key }
    }

    /// The row with this key, if it is in the window.
    pub fn get(&self, key: &str) -> Option<&RowData> {
        self.by_key.get(key).map(|&i| &self.rows[i])
    }

    /// The keys of the rows, with their `first` flag (what the keyed list iterates).
    pub fn keys(&self) -> Vec<(String, bool)> {
        self.rows.iter().map(|r| (r.key.clone(), r.first)).collect()
    }
}

/// Who a row's run is by, from its [`shown_author`]: `None` for system
/// messages (never part of a run); agents by id, not by the name shown.
fn run_author<'a>(author: &Author, e: &'a Entry<Event>) -> Option<&'a str> {
    match author {
        Author::System => None,
        Author::Own => Some("\u{0}own"),
        Author::Agent { .. } => e.event.author_id.as_deref(),
    }
}

fn shown_author(log: &Log, entry: &Entry<Event>, agent_fallback: &str) -> Author {
    if matches!(entry.event.body, EventBody::SystemMessage(_)) {
        Author::System
    } else if is_own(log, entry) {
        Author::Own
    } else {
        let user = entry.event.author_id.as_deref().and_then(|id| log.users.get(id));
        Author::Agent {
            name: user.and_then(|u| u.name.clone()).unwrap_or_else(|| agent_fallback.to_owned()),
            avatar: user.and_then(|u| u.avatar.clone()),
        }
    }
}

/// Where the first rendered row sat before earlier rows were added above it,
/// so the visitor keeps their place.
#[derive(Clone)]
struct Anchor {
    row: web_sys::HtmlElement,
    offset: i32,
}

/// The scrolling conversation area.
#[component]
pub fn ChatView() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let scroller = NodeRef::<html::Div>::new();
    let log = NodeRef::<html::Div>::new();
    let limit = RwSignal::new(WINDOW_PAGE);
    let window = Memo::new(move |_| {
        let limit = limit.get();
        ctx.slices.log.with(|log| LogWindow::newest(log, limit, t.agent_fallback))
    });
    provide_context(window);
    let rows = Memo::new(move |_| window.with(LogWindow::keys));
    let has_earlier = Memo::new(move |_| window.with(|w| w.more) || ctx.slices.log.with(|log| log.has_older_thread));
    let greeting =
        Memo::new(move |_| ctx.slices.greeting.get().filter(|_| ctx.slices.phase.get() == ChatPhase::NoChat));
    let typing = Memo::new(move |_| {
        ctx.slices.typing.with(|agents| {
            agents.iter().map(|p| p.name.clone().unwrap_or_else(|| t.agent_fallback.to_owned())).collect::<Vec<_>>()
        })
    });
    let empty = Memo::new(move |_| rows.with(Vec::is_empty) && greeting.with(Option::is_none));
    let anchor = StoredValue::new_local(None::<Anchor>);

    // Follow the newest message; earlier rows (added above) keep the place.
    Effect::new(move |previous: Option<Option<String>>| {
        let last = rows.with(|r| r.last().map(|(k, _)| k.clone()));
        let first = rows.with(|r| r.first().map(|(k, _)| k.clone()));
        let typing_now = typing.with(|t| !t.is_empty());
        let Some(el) = scroller.get() else { return last };
        if last.is_some() {
            match &previous {
                Some(Some(before)) if Some(before) != last.as_ref() => perf::row_appended(),
                Some(Some(_)) => {}
                _ => perf::mark_and_measure(perf::TRANSCRIPT_RENDERED, "lc:first-render", perf::LAUNCHER_CLICK),
            }
        }
        // `.lc-body` around it is what scrolls when the log is taller than the window.
        let body = el.parent_element();
        if let Some(Anchor { row, offset }) = anchor.get_value() {
            if previous.as_ref() != Some(&last) {
                // Something new arrived at the bottom: following it wins.
                anchor.set_value(None);
            } else if row.get_attribute("data-key") != first && row.is_connected() {
                anchor.set_value(None);
                if let Some(body) = &body {
                    body.set_scroll_top(row.offset_top() - offset);
                }
                return last;
            }
        }
        if previous.as_ref() != Some(&last) || typing_now {
            el.set_scroll_top(el.scroll_height());
            if let Some(body) = body {
                body.set_scroll_top(body.scroll_height());
            }
        }
        last
    });
    // Renders the next page of earlier rows (fetching an older thread when every
    // loaded row is already shown), keeping the first row where it is.
    let show_earlier = move || {
        let body = scroller.get_untracked().and_then(|el| el.parent_element());
        let first_row = log
            .get_untracked()
            .and_then(|l| l.query_selector(".lc-row").ok().flatten())
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok());
        if let (Some(body), Some(row)) = (body, first_row) {
            anchor.set_value(Some(Anchor { offset: row.offset_top() - body.scroll_top(), row }));
        }
        let fetch = !window.with_untracked(|w| w.more);
        // One page more than is on screen (fewer rows than the limit show when all loaded ones fit).
        limit.set(window.with_untracked(|w| w.rows.len()) + WINDOW_PAGE);
        if fetch {
            ctx.send(Intent::LoadOlder);
        }
        // The button goes once nothing is left: focus moves to the log, not the page.
        after_render(move || {
            if !has_earlier.get_untracked() && focus_is_lost() {
                if let Some(log) = log.get_untracked() {
                    let _ = log.focus();
                }
            }
        });
    };
    // Reaching the top of the scroller (`.lc-body`) renders earlier loaded rows too.
    let listening = StoredValue::new_local(None::<(web_sys::Element, Closure<dyn Fn()>)>);
    Effect::new(move |_| {
        let Some(body) = scroller.get().and_then(|el| el.parent_element()) else { return };
        if listening.with_value(Option::is_some) {
            return;
        }
        let target = body.clone();
        let on_scroll = Closure::<dyn Fn()>::new(move || {
            if target.scroll_top() <= 0 && window.with_untracked(|w| w.more) {
                show_earlier();
            }
        });
        let _ = body.add_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
        listening.set_value(Some((body, on_scroll)));
    });
    on_cleanup(move || {
        if let Some((body, on_scroll)) = listening.try_update_value(Option::take).flatten() {
            let _ = body.remove_event_listener_with_callback("scroll", on_scroll.as_ref().unchecked_ref());
        }
    });
    let typing_text = move || {
        typing.with(|names| match names.as_slice() {
            [] => None,
            [one] => Some(t.typing_one(one)),
            _ => Some(t.typing_many.to_owned()),
        })
    };
    view! {
        <div class="lc-scroll" node_ref=scroller>
            {dyn_view(move || has_earlier.get().then(|| view! {
                <button type="button" class="lc-load-earlier" on:click=click(show_earlier)>
                    {t.load_earlier}
                </button>
            }.into_any()))}
            {dyn_view(move || greeting.get().map(|g| view! { <GreetingCard greeting=g floating=false/> }.into_any()))}
            {dyn_view(move || empty.get().then(|| view! { <p class="lc-empty">{t.empty_chat}</p> }.into_any()))}
            // The log role sits on a wrapper: on the <ol> itself it would hide the
            // list semantics its <li> rows need (axe: listitem, aria-allowed-role).
            <div class="lc-log" role="log" aria-live="polite" aria-relevant="additions" aria-label=t.log_label
                tabindex="-1" node_ref=log>
                <ol class="lc-log-list">
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <MessageRow key=row.0 first=row.1/>
                    </For>
                </ol>
            </div>
            <div class="lc-typing" aria-hidden=dyn_attr(move || typing.with(Vec::is_empty).then(|| "true".to_owned()))>
                {dyn_view(move || typing_text().map(|text| view! {
                    <span class="lc-typing-dots" aria-hidden="true"><i></i><i></i><i></i></span>
                    <span class="lc-typing-text">{text}</span>
                }.into_any()))}
            </div>
        </div>
    }
}
