//! The greeting card: an agent's invitation to chat, floating above the
//! launcher (or at the top of an empty chat window).

use leptos::prelude::*;

use crate::chat::Visibility;
use crate::conversation::Intent;
use crate::protocol::{EventBody, Greeting};

use super::avatar::Avatar;
use super::context::ChatContext;
use super::dynamic::click;
use super::i18n::strings;
use super::rich::RichContent;
use super::view_state::ViewState;

/// One greeting: the agent's name and avatar, the message (text or rich
/// message), "Open chat" (`accept_greeting`, and the window opens) and
/// "Dismiss" (`cancel_greeting`).
#[component]
pub fn GreetingCard(
    /// The greeting on screen.
    greeting: Greeting,
    /// Floating above the launcher (window closed) rather than inside the window.
    floating: bool,
) -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let agent = greeting.agent.clone();
    let name = agent.as_ref().and_then(|a| a.name.clone()).unwrap_or_else(|| t.agent_fallback.to_owned());
    let avatar_url = agent.as_ref().and_then(|a| a.avatar.clone());
    let content = greeting.event.as_ref().map(|event| match &event.body {
        EventBody::RichMessage(rich) => {
            view! { <RichContent event_id=event.id.clone() rich=rich.clone() in_greeting=true/> }.into_any()
        }
        _ => {
            let text = event.text().unwrap_or_default().to_owned();
            view! { <p class="lc-greeting-text">{text}</p> }.into_any()
        }
    });
    let accept = click(move || {
        ctx.send(Intent::AcceptGreeting);
        if ctx.slices.visibility.get_untracked() != Visibility::Maximized {
            ctx.set_open(true);
        }
    });
    let dismiss = click(move || {
        ctx.send(Intent::CancelGreeting);
        if floating {
            view.focus_launcher();
        }
    });
    view! {
        <aside class="lc-greeting" class:lc-greeting-floating=floating aria-label=t.greeting_from(&name)>
            <button type="button" class="lc-greeting-dismiss lc-icon-btn" aria-label=t.greeting_dismiss on:click=dismiss>
                <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>
                </svg>
            </button>
            <div class="lc-greeting-head">
                <Avatar name=name.clone() url=avatar_url/>
                <span class="lc-greeting-name">{name.clone()}</span>
            </div>
            <div class="lc-greeting-body">{content}</div>
            <button type="button" class="lc-btn lc-btn-primary lc-greeting-open" on:click=accept>
                {t.greeting_open}
            </button>
        </aside>
    }
}
