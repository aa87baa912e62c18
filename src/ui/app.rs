//! The root component: the launcher, the floating greeting and the chat window
//! (its code a lazy chunk in the release build: [`super::lazy_window`]).

use leptos::prelude::*;

use crate::chat::Visibility;

use super::context::ChatContext;
use super::dynamic::{dyn_class, dyn_flag_attr, dyn_view, fresh};
use super::greeting::GreetingCard;
use super::i18n::{strings, Lang};
use super::launcher::Launcher;
use super::lazy_window::{LazyChatWindow, WindowChunk};
use super::view_state::ViewState;

/// The widget's root. Reads the [`ChatContext`] provided above it (and the
/// language from [`super::i18n::provide_language`], English by default).
/// The launcher is always there; the window shows while the widget is maximised; a
/// greeting floats above the launcher while the window is closed.
#[component]
pub fn App() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    provide_context(Lang(t));
    ViewState::provide();
    WindowChunk::provide();
    let visibility = ctx.slices.visibility;
    let open = Memo::new(move |_| ctx.is_open());
    let greeting = ctx.slices.greeting;
    let floating_greeting = dyn_view(move || {
        if open.get() {
            return None;
        }
        greeting.get().map(|g| view! { <GreetingCard greeting=g floating=true/> }.into_any())
    });
    let window = dyn_view(move || open.get().then(|| fresh(view! { <LazyChatWindow/> })));
    view! {
        <main class="lc-widget" class:lc-open=dyn_class(move || open.get()) hidden=dyn_flag_attr(move || visibility.get() == Visibility::Hidden) aria-label=t.widget_label lang=t.code dir=t.dir>
            {window}
            {floating_greeting}
            <Launcher/>
        </main>
    }
}
