//! The chat window: header, banners, the conversation, and the composer or
//! the prechat form. Handles Escape and moves focus in on open.

use leptos::html;
use leptos::prelude::*;

use crate::chat::{ChatPhase, FormSlot};

use super::attach::{DropOverlay, DropTarget};
use super::banner::ConnectionBanner;
use super::chat_end::ChatEnd;
use super::chat_view::ChatView;
use super::composer::Composer;
use super::context::ChatContext;
use super::dynamic::{dyn_view, fresh, handler};
use super::form::{SurveyForm, SurveyKind};
use super::header::Header;
use super::queue::QueueBanner;
use super::rating::ChatRating;
use super::ticket::{ticket_form, ContinuousNote, TicketView};
use super::view_state::{after_render, focus_element, focus_is_lost, ViewState};
use super::webview::WebviewPanel;

/// What receives focus when the window opens: the first form control, else the composer.
/// (A form the agent sent into the chat waits in the log: the composer comes first.)
const FIRST_FOCUS: &str = "form.lc-form:not(.lc-chat-form) input, form.lc-form:not(.lc-chat-form) select, \
    form.lc-form:not(.lc-chat-form) textarea, .lc-composer textarea";

/// Focuses the window's [`FIRST_FOCUS`] control, if it has one.
fn focus_first(section: &web_sys::HtmlElement) {
    if let Ok(Some(el)) = section.query_selector(FIRST_FOCUS) {
        focus_element(el);
    }
}

/// The open chat window (`id="lc-window"`, controlled by the launcher).
#[component]
pub fn ChatWindow() -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let window_ref = NodeRef::<html::Section>::new();
    let ticket = ticket_form(ctx);
    let prechat = Memo::new(move |_| {
        let leave_ticket = ticket.with(Option::is_some);
        ctx.slices.forms.with(|f| match (ctx.slices.phase.get(), &f.prechat) {
            (ChatPhase::NoChat, FormSlot::Ready(form)) if !leave_ticket => Some(form.clone()),
            _ => None,
        })
    });
    let drop = DropTarget::new(Signal::derive(move || prechat.with(Option::is_none)));
    // Focus moves into the window once it is on screen.
    Effect::new(move |_| {
        if let Some(section) = window_ref.get() {
            focus_first(&section);
        }
    });
    // A form that replaces the composer (the ticket form arriving after the window opened on
    // a composer, the frame's or its own) takes the focus: the removed composer left it on
    // the body, and Tab would go on from where the composer was, out of the widget.
    Effect::new(move |shown: Option<(bool, bool)>| {
        let now = (prechat.with(Option::is_some), ticket.with(Option::is_some));
        if shown.is_some_and(|before| before != now) {
            after_render(move || {
                if let Some(section) = window_ref.get_untracked().filter(|_| focus_is_lost()) {
                    focus_first(&section);
                }
            });
        }
        now
    });
    let on_keydown = handler(move |ev: web_sys::KeyboardEvent| {
        if ev.key() != "Escape" {
            return;
        }
        ev.prevent_default();
        if view.webview.get_untracked().is_some() {
            view.close_webview();
            return;
        }
        ctx.set_open(false);
        view.focus_launcher();
    });
    let prechat_view =
        dyn_view(move || prechat.get().map(|form| fresh(view! { <SurveyForm form=form kind=SurveyKind::Prechat/> })));
    // Re-runs only when the prechat memo changes: the composer is built once per change.
    let composer = Memo::new(move |_| prechat.with(Option::is_none) && ticket.with(Option::is_none));
    let composer = dyn_view(move || composer.get().then(|| fresh(view! { <ContinuousNote/> <Composer/> })));
    view! {
        <section
            id="lc-window"
            class="lc-window"
            role="dialog"
            aria-labelledby="lc-title"
            node_ref=window_ref
            on:keydown=on_keydown
            on:dragover=drop.on_dragover(ctx)
            on:dragleave=drop.on_dragleave()
            on:drop=drop.on_drop(ctx)
        >
            <Header/>
            <ConnectionBanner/>
            <QueueBanner/>
            <div class="lc-body">
                <ChatView/>
                <ChatRating/>
                <ChatEnd/>
                {prechat_view}
                <TicketView form=ticket/>
                <WebviewPanel/>
            </div>
            {composer}
            <DropOverlay target=drop/>
        </section>
    }
}
