//! The root component.

use leptos::prelude::*;

/// The widget's root: the region every other component lives in.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="lc-widget" aria-label="Customer chat">
            <h1 class="lc-title">"Chat with us"</h1>
        </main>
    }
}
