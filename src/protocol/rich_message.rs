//! Rich messages (spec: "Events > Rich message"): cards, quick replies and stickers
//! with buttons whose clicks are sent back with `send_rich_message_postback`.

use serde::{Deserialize, Serialize};

use super::lenient::null_default;
use super::wire_enum::wire_enum;

wire_enum! {
    /// `template_id`: how the rich message is presented.
    pub enum TemplateId {
        /// One or more cards with image, title, subtitle and buttons.
        Cards => "cards",
        /// A row of reply buttons.
        QuickReplies => "quick_replies",
        /// An image only.
        Sticker => "sticker",
    }
}

wire_enum! {
    /// `elements.buttons.type`: what a click does.
    pub enum ButtonType {
        /// Opens `value` in a webview (a Moment).
        Webview => "webview",
        /// Sends the button text as a message.
        Message => "message",
        /// Opens the URL in `value`.
        Url => "url",
        /// Calls the number in `value`.
        Phone => "phone",
    }
}

wire_enum! {
    /// `elements.buttons.webview_height` for webview buttons.
    pub enum WebviewHeight {
        /// A small webview.
        Compact => "compact",
        /// The whole chat window.
        Full => "full",
        /// A tall webview.
        Tall => "tall",
    }
}

wire_enum! {
    /// `elements.buttons.target` for url buttons (visibility-era data structures).
    pub enum ButtonTarget {
        /// Open in a new tab.
        New => "new",
        /// Open in the current tab.
        Current => "current",
    }
}

/// `elements.image`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RichImage {
    /// Image URL (required when sending).
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
    /// File name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// MIME type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Width in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Height in pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Alt text (visibility-era data structures).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative_text: Option<String>,
}

/// `elements.buttons[]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RichButton {
    /// Text shown on the button.
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    /// What a click does; the spec's own sample omits it on some buttons.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub button_type: Option<ButtonType>,
    /// URL, phone number, webview URL or message text, by `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Webview size (webview buttons).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub webview_height: Option<WebviewHeight>,
    /// The postback id sent with `send_rich_message_postback`.
    #[serde(default, deserialize_with = "null_default")]
    pub postback_id: String,
    /// Users that sent this postback with `"toggled": true`.
    #[serde(default, deserialize_with = "null_default")]
    pub user_ids: Vec<String>,
    /// Where a url button opens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<ButtonTarget>,
}

/// `elements[]`: one card / reply group / sticker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RichElement {
    /// Title text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Subtitle text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image: Option<RichImage>,
    /// Buttons (up to 13).
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<RichButton>,
}

/// The body of a `rich_message` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RichMessage {
    /// Presentation template.
    pub template_id: TemplateId,
    /// Elements (up to 10).
    #[serde(default, deserialize_with = "null_default", skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<RichElement>,
}
