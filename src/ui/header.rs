//! The window's header: who the customer talks to, minimise, and end chat
//! (with a confirmation step).

use leptos::html;
use leptos::prelude::*;

use crate::chat::{Availability, ChatPhase};

use super::sound_toggle::SoundToggle;
use super::transcript_button::TranscriptButton;
use crate::conversation::Intent;

use super::avatar::Avatar;
use super::context::ChatContext;
use super::dynamic::{click, dyn_text, dyn_view};
use super::i18n::strings;
use super::view_state::{after_render, ViewState};

/// The header with the agent's avatar and name (or the widget's title), and
/// the minimise and end-chat buttons.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    // Before an agent is in the chat (no chat yet, or queued), the one
    // `get_predicted_agent` named; not once an agent has left a running chat.
    let agent = Memo::new(move |_| {
        let shown = |u: &crate::chat::Participant| {
            (u.name.clone().unwrap_or_else(|| t.agent_fallback.to_owned()), u.avatar.clone(), u.job_title.clone())
        };
        let waiting = matches!(ctx.slices.phase.get(), ChatPhase::NoChat | ChatPhase::Queued);
        ctx.slices
            .agent
            .with(|agent| agent.as_ref().map(shown))
            .or_else(|| waiting.then(|| ctx.slices.predicted_agent.with(|p| p.as_ref().map(shown))).flatten())
    });
    let can_end = ctx.slices.can_send;
    let confirming = RwSignal::new(false);
    let title = dyn_text(move || Some(agent.get().map_or_else(|| t.title.to_owned(), |a| a.0)));
    let subtitle = dyn_text(move || {
        Some(match agent.get() {
            Some((_, _, Some(job))) if !job.is_empty() => job,
            _ if ctx.slices.availability.get() == Availability::Offline => t.subtitle_offline.to_owned(),
            _ => t.subtitle_online.to_owned(),
        })
    });
    let avatar = dyn_view(move || agent.get().map(|(name, url, _)| view! { <Avatar name=name url=url/> }.into_any()));
    let minimise = click(move || {
        ctx.set_open(false);
        view.focus_launcher();
    });
    let end_ref = NodeRef::<html::Button>::new();
    let confirm_ref = NodeRef::<html::Button>::new();
    // The button that was activated is replaced: focus follows to its replacement.
    let focus_after = move |target: NodeRef<html::Button>| {
        after_render(move || {
            if let Some(el) = target.get_untracked() {
                let _ = el.focus();
            }
        });
    };
    let end_controls = dyn_view(move || {
        if !can_end.get() {
            return None;
        }
        Some(if confirming.get() {
            view! {
                <div class="lc-confirm" role="group" aria-label=t.end_chat_question>
                    <span>{t.end_chat_question}</span>
                    <button type="button" class="lc-btn lc-btn-danger" node_ref=confirm_ref on:click=click(move || {
                        confirming.set(false);
                        ctx.send(Intent::EndChat);
                    })>{t.end_chat_confirm}</button>
                    <button type="button" class="lc-btn" on:click=click(move || {
                        confirming.set(false);
                        focus_after(end_ref);
                    })>{t.cancel}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="lc-header-btn lc-end" node_ref=end_ref on:click=click(move || {
                    confirming.set(true);
                    focus_after(confirm_ref);
                })>
                    {t.end_chat}
                </button>
            }
            .into_any()
        })
    });
    view! {
        <header class="lc-header">
            <div class="lc-header-who">
                {avatar}
                <div class="lc-header-text">
                    <h1 id="lc-title" class="lc-title">{title}</h1>
                    <p class="lc-subtitle">{subtitle}</p>
                </div>
            </div>
            <div class="lc-header-actions">
                {end_controls}
                <TranscriptButton/>
                <SoundToggle/>
                <button type="button" class="lc-header-btn lc-icon-btn" aria-label=t.minimise on:click=minimise>
                    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M6 12h12" stroke="currentColor" stroke-width="2.2" stroke-linecap="round"/>
                    </svg>
                </button>
            </div>
        </header>
    }
}
