//! Rich messages (spec: "Events > Rich message"): cards, quick replies and stickers
//! with buttons whose clicks are sent back with `send_rich_message_postback`.

use serde::Serialize;
use serde_json::Value;

use super::read::{obj, Obj, Read};
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
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RichImage {
    /// Image URL (required when sending).
    pub url: String,
    /// File name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// MIME type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Size in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// Width in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    /// Height in pixels.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    /// Alt text (visibility-era data structures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alternative_text: Option<String>,
}

/// `elements.buttons[]`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RichButton {
    /// Text shown on the button.
    pub text: String,
    /// What a click does; the spec's own sample omits it on some buttons.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub button_type: Option<ButtonType>,
    /// URL, phone number, webview URL or message text, by `type`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Webview size (webview buttons).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub webview_height: Option<WebviewHeight>,
    /// The postback id sent with `send_rich_message_postback`.
    pub postback_id: String,
    /// Users that sent this postback with `"toggled": true`.
    pub user_ids: Vec<String>,
    /// Where a url button opens.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<ButtonTarget>,
}

/// `elements[]`: one card / reply group / sticker.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct RichElement {
    /// Title text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Subtitle text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    /// Image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<RichImage>,
    /// Buttons (up to 13).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub buttons: Vec<RichButton>,
}

/// The body of a `rich_message` event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RichMessage {
    /// Presentation template.
    pub template_id: TemplateId,
    /// Elements (up to 10).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub elements: Vec<RichElement>,
}

impl RichImage {
    /// Reads `elements.image`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(RichImage {
            url: o.text("url")?,
            name: o.opt_str("name")?,
            content_type: o.opt_str("content_type")?,
            size: o.opt_u64("size")?,
            width: o.opt_u32("width")?,
            height: o.opt_u32("height")?,
            alternative_text: o.opt_str("alternative_text")?,
        })
    }
}

impl RichButton {
    /// Reads one of `elements.buttons`; unknown `type`, `webview_height` and `target`
    /// values are kept in their `Other` variants.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(RichButton {
            text: o.text("text")?,
            button_type: o.opt_str("type")?.map(|s| ButtonType::parse(&s)),
            value: o.opt_str("value")?,
            webview_height: o.opt_str("webview_height")?.map(|s| WebviewHeight::parse(&s)),
            postback_id: o.text("postback_id")?,
            user_ids: o.str_list("user_ids")?,
            target: o.opt_str("target")?.map(|s| ButtonTarget::parse(&s)),
        })
    }
}

impl RichElement {
    /// Reads one of `elements`.
    pub fn from_json(v: &Value) -> Read<Self> {
        let o = obj(v)?;
        Ok(RichElement {
            title: o.opt_str("title")?,
            subtitle: o.opt_str("subtitle")?,
            image: o.opt_obj("image", RichImage::from_json)?,
            buttons: o.list("buttons", RichButton::from_json)?,
        })
    }
}

impl RichMessage {
    /// Reads the rich message fields of a `rich_message` event object.
    pub(crate) fn read(o: Obj) -> Read<Self> {
        Ok(RichMessage {
            template_id: TemplateId::parse(&o.str("template_id")?),
            elements: o.list("elements", RichElement::from_json)?,
        })
    }
}
