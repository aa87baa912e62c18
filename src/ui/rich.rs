//! Rich messages (spec: "Events > Rich message"): cards, quick replies and
//! stickers, and their buttons. Every URL passes [`safe_url`] first; a button
//! whose URL is refused renders as inert text.

use leptos::prelude::*;

use crate::conversation::Intent;
use crate::protocol::{ButtonTarget, ButtonType, RichButton, RichElement, RichMessage, TemplateId, WebviewHeight};

use super::context::ChatContext;
use super::dynamic::click;
use super::i18n::strings;
use super::safe_url::{safe_url, tel_href, FRAMEABLE, WEB};
use super::view_state::{after_render, focus_is_lost, PanelHeight, ViewState, Webview};

/// What a rich message button does, decided from its type and value alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ButtonAction {
    /// Send the postback (and the message carrying it).
    Postback(String),
    /// A link; `target` is `_blank` or `_top`.
    Link {
        /// The checked URL.
        href: String,
        /// The link's target.
        target: &'static str,
    },
    /// Open the checked `https` URL in the webview panel.
    Panel(String, PanelHeight),
    /// Nothing: the URL was refused or the button is incomplete.
    Inert,
}

/// Decides a button's action. Only `http`/`https` URLs are followed (plus
/// `tel:` for phone buttons); webviews frame `https` only and open `http` in a new tab.
pub fn button_action(button: &RichButton) -> ButtonAction {
    let value = button.value.as_deref().unwrap_or_default();
    match &button.button_type {
        Some(ButtonType::Url) => match safe_url(value, WEB) {
            Some(href) => {
                let target = if button.target == Some(ButtonTarget::Current) { "_top" } else { "_blank" };
                ButtonAction::Link { href, target }
            }
            None => ButtonAction::Inert,
        },
        Some(ButtonType::Phone) => {
            tel_href(value).map_or(ButtonAction::Inert, |href| ButtonAction::Link { href, target: "_top" })
        }
        Some(ButtonType::Webview) => {
            let height = match button.webview_height {
                Some(WebviewHeight::Compact) => PanelHeight::Compact,
                Some(WebviewHeight::Tall) => PanelHeight::Tall,
                _ => PanelHeight::Full,
            };
            match (safe_url(value, FRAMEABLE), safe_url(value, WEB)) {
                (Some(url), _) => ButtonAction::Panel(url, height),
                (None, Some(href)) => ButtonAction::Link { href, target: "_blank" },
                _ => ButtonAction::Inert,
            }
        }
        // `message`, a missing type (the spec's own sample) and unknown types send the postback.
        _ if !button.postback_id.is_empty() => ButtonAction::Postback(button.postback_id.clone()),
        _ => ButtonAction::Inert,
    }
}

/// One button of a rich message.
#[component]
pub fn RichButtonView(
    /// The rich message's event id (for the postback).
    event_id: String,
    /// The button.
    button: RichButton,
    /// Inside a greeting card: a message button opens the chat instead.
    #[prop(optional)]
    in_greeting: bool,
) -> impl IntoView {
    let ctx = ChatContext::expect();
    let view = ViewState::expect();
    let t = strings();
    let text = button.text.clone();
    // Postback and webview buttons are the same element: one view type for both.
    let (on_click, haspopup) = match button_action(&button) {
        ButtonAction::Postback(postback_id) => {
            let on_click = click(move || {
                if in_greeting {
                    ctx.send(Intent::AcceptGreeting);
                    ctx.set_open(true);
                } else {
                    ctx.send(Intent::Postback { event_id: event_id.clone(), postback_id: postback_id.clone() });
                    // A quick reply row hides once answered: keep focus in the chat.
                    after_render(move || {
                        if focus_is_lost() {
                            view.focus_composer();
                        }
                    });
                }
            });
            (on_click, None)
        }
        ButtonAction::Panel(url, height) => {
            let title = text.clone();
            (
                click(move || view.open_webview(Webview { url: url.clone(), height, title: title.clone() })),
                Some("dialog"),
            )
        }
        ButtonAction::Link { href, target } => {
            let new_tab = (target == "_blank").then_some(t.new_tab);
            return view! {
                <a class="lc-btn lc-rich-btn" href=href target=target rel="noopener noreferrer">
                    {text}
                    {new_tab.map(|s| view! { <span class="lc-sr-only">" " {s}</span> })}
                </a>
            }
            .into_any();
        }
        ButtonAction::Inert => {
            return view! {
                <span class="lc-btn lc-rich-btn lc-btn-inert" aria-disabled="true">
                    {text}
                    <span class="lc-sr-only">" " {t.link_unavailable}</span>
                </span>
            }
            .into_any()
        }
    };
    view! {
        <button type="button" class="lc-btn lc-rich-btn" aria-haspopup=haspopup on:click=on_click>{text}</button>
    }
    .into_any()
}

fn element_image(element: &RichElement, class: &'static str) -> Option<impl IntoView + use<>> {
    let t = strings();
    let image = element.image.as_ref()?;
    let src = safe_url(&image.url, WEB)?;
    let alt = image
        .alternative_text
        .clone()
        .or_else(|| element.title.clone())
        .or_else(|| image.name.clone())
        .unwrap_or_else(|| t.image_fallback.to_owned());
    Some(view! { <img class=class src=src alt=alt loading="lazy"/> })
}

fn buttons(event_id: &str, element: &RichElement, in_greeting: bool) -> impl IntoView + use<> {
    element
        .buttons
        .iter()
        .map(|b| view! { <RichButtonView event_id=event_id.to_owned() button=b.clone() in_greeting=in_greeting/> })
        .collect_view()
}

/// A rich message's body, the same in the chat and in a greeting card.
#[component]
pub fn RichContent(
    /// The event id (for postbacks).
    event_id: String,
    /// The rich message.
    rich: RichMessage,
    /// Shown in a greeting card.
    #[prop(optional)]
    in_greeting: bool,
) -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    match rich.template_id {
        TemplateId::QuickReplies => {
            // The row hides once the customer has answered (their id is in a button's user_ids).
            let me = ctx.slices.log.with_untracked(|log| log.customer_id.clone());
            let answered =
                me.is_some_and(|me| rich.elements.iter().flat_map(|e| &e.buttons).any(|b| b.user_ids.contains(&me)));
            rich.elements
                .iter()
                .map(|element| {
                    let title = element.title.clone().map(|s| view! { <p class="lc-bubble-text">{s}</p> });
                    let subtitle = element.subtitle.clone().map(|s| view! { <p class="lc-rich-subtitle">{s}</p> });
                    let row = (!answered && !element.buttons.is_empty()).then(|| {
                        view! {
                            <div class="lc-quick-replies" role="group" aria-label=t.quick_replies>
                                {buttons(&event_id, element, in_greeting)}
                            </div>
                        }
                    });
                    view! {
                        <div class="lc-quick">
                            <div class="lc-bubble">{title}{subtitle}</div>
                            {row}
                        </div>
                    }
                })
                .collect_view()
                .into_any()
        }
        TemplateId::Sticker => {
            rich.elements.iter().map(|element| element_image(element, "lc-sticker")).collect_view().into_any()
        }
        _ => {
            let many = rich.elements.len() > 1;
            let cards = rich
                .elements
                .iter()
                .map(|element| {
                    let title = element.title.clone().map(|s| view! { <p class="lc-card-title">{s}</p> });
                    let subtitle = element.subtitle.clone().map(|s| view! { <p class="lc-card-subtitle">{s}</p> });
                    let has_buttons = !element.buttons.is_empty();
                    view! {
                        <div class="lc-card">
                            {element_image(element, "lc-card-image")}
                            <div class="lc-card-text">{title}{subtitle}</div>
                            {has_buttons.then(|| view! {
                                <div class="lc-card-buttons">{buttons(&event_id, element, in_greeting)}</div>
                            })}
                        </div>
                    }
                })
                .collect_view();
            view! { <div class="lc-cards" class:lc-carousel=many>{cards}</div> }.into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn button(kind: ButtonType, value: &str) -> RichButton {
        RichButton {
            text: "Go".into(),
            button_type: Some(kind),
            value: Some(value.into()),
            postback_id: "p".into(),
            ..Default::default()
        }
    }

    #[test]
    fn url_buttons_follow_only_web_urls() {
        assert_eq!(
            button_action(&button(ButtonType::Url, "https://example.com")),
            ButtonAction::Link { href: "https://example.com".into(), target: "_blank" }
        );
        let mut current = button(ButtonType::Url, "https://example.com");
        current.target = Some(ButtonTarget::Current);
        assert!(matches!(button_action(&current), ButtonAction::Link { target: "_top", .. }));
        for bad in ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "VBScript:x", "java\tscript:x"] {
            assert_eq!(button_action(&button(ButtonType::Url, bad)), ButtonAction::Inert, "{bad}");
            assert_eq!(button_action(&button(ButtonType::Webview, bad)), ButtonAction::Inert, "{bad}");
            assert_eq!(button_action(&button(ButtonType::Phone, bad)), ButtonAction::Inert, "{bad}");
        }
    }

    #[test]
    fn webviews_frame_https_and_open_http_in_a_tab() {
        assert!(matches!(
            button_action(&button(ButtonType::Webview, "https://m.example")),
            ButtonAction::Panel(_, PanelHeight::Full)
        ));
        assert!(matches!(
            button_action(&button(ButtonType::Webview, "http://m.example")),
            ButtonAction::Link { target: "_blank", .. }
        ));
    }

    #[test]
    fn message_and_untyped_buttons_post_back() {
        assert_eq!(button_action(&button(ButtonType::Message, "Yes")), ButtonAction::Postback("p".into()));
        let untyped = RichButton { text: "Yes".into(), postback_id: "q".into(), ..Default::default() };
        assert_eq!(button_action(&untyped), ButtonAction::Postback("q".into()));
        assert_eq!(button_action(&RichButton::default()), ButtonAction::Inert);
    }
}
