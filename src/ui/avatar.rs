//! Avatars: the picture when its URL is safe and loads, the initials otherwise.

use leptos::prelude::*;

use super::dynamic::{dyn_view, handler};
use super::safe_url::{safe_url, WEB};

/// Up to two initials of a name, for an avatar without a picture, as written:
/// the stylesheet shows them in capitals (`.lc-avatar-initials`,
/// `text-transform: uppercase`), which knows every script's case rules and
/// keeps core's Unicode case tables out of the wasm (`char::to_uppercase`).
pub fn initials(name: &str) -> String {
    name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect()
}

/// A round avatar. Decorative: the name is always said next to it. A picture
/// that fails to load (`error` on the `<img>`) gives way to the initials.
#[component]
pub fn Avatar(
    /// The person's display name.
    name: String,
    /// The avatar URL from the network (checked with [`safe_url`]).
    url: Option<String>,
) -> impl IntoView {
    let initials_view = move |name: &str| view! { <span class="lc-avatar lc-avatar-initials" aria-hidden="true">{initials(name)}</span> };
    let Some(src) = url.as_deref().and_then(|u| safe_url(u, WEB)) else {
        return initials_view(&name).into_any();
    };
    let broken = RwSignal::new(false);
    dyn_view(move || {
        Some(if broken.get() {
            initials_view(&name).into_any()
        } else {
            view! { <img class="lc-avatar" src=src.clone() alt="" loading="lazy" on:error=handler(move |_: leptos::ev::ErrorEvent| broken.set(true))/> }
                .into_any()
        })
    })
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::initials;

    #[test]
    fn initials_of_names() {
        assert_eq!(initials("agent smith"), "as");
        assert_eq!(initials("Anna Maria Nowak"), "AM");
        assert_eq!(initials(""), "");
        assert_eq!(initials("  łukasz\tnowak "), "łn");
    }
}
