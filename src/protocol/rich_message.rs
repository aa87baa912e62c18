//! Rich messages (spec: "Events > Rich message"): cards, quick replies and stickers
//! with buttons whose clicks are sent back with `send_rich_message_postback`.

use serde_json::Value;

use super::read::{obj, Obj, Read};
use super::request::payload::Payload;
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
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichImage {
    /// Image URL (required when sending).
    pub url: String,
    /// File name.
    pub name: Option<String>,
    /// MIME type.
    pub content_type: Option<String>,
    /// Size in bytes.
    pub size: Option<u64>,
    /// Width in pixels.
    pub width: Option<u32>,
    /// Height in pixels.
    pub height: Option<u32>,
    /// Alt text (visibility-era data structures).
    pub alternative_text: Option<String>,
}

/// `elements.buttons[]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichButton {
    /// Text shown on the button.
    pub text: String,
    /// What a click does; the spec's own sample omits it on some buttons.
    pub button_type: Option<ButtonType>,
    /// URL, phone number, webview URL or message text, by `type`.
    pub value: Option<String>,
    /// Webview size (webview buttons).
    pub webview_height: Option<WebviewHeight>,
    /// The postback id sent with `send_rich_message_postback`.
    pub postback_id: String,
    /// Users that sent this postback with `"toggled": true`.
    pub user_ids: Vec<String>,
    /// Where a url button opens.
    pub target: Option<ButtonTarget>,
}

/// `elements[]`: one card / reply group / sticker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RichElement {
    /// Title text.
    pub title: Option<String>,
    /// Subtitle text.
    pub subtitle: Option<String>,
    /// Image.
    pub image: Option<RichImage>,
    /// Buttons (up to 13).
    pub buttons: Vec<RichButton>,
}

/// The body of a `rich_message` event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RichMessage {
    /// Presentation template.
    pub template_id: TemplateId,
    /// Elements (up to 10).
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

// Writers: the request shapes of "Events > Rich message", for `NewEvent::to_value`.

impl RichImage {
    /// The request shape of `elements.image`.
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("url", &self.url)
            .opt_str("name", &self.name)
            .opt_str("content_type", &self.content_type)
            .opt("size", self.size.map(Value::from))
            .opt("width", self.width.map(Value::from))
            .opt("height", self.height.map(Value::from))
            .opt_str("alternative_text", &self.alternative_text)
            .done()
    }
}

impl RichButton {
    /// The request shape of one of `elements.buttons` (`user_ids` always, as a list).
    pub fn to_value(&self) -> Value {
        Payload::new()
            .str("text", &self.text)
            .opt("type", self.button_type.as_ref().map(ButtonType::to_value))
            .opt_str("value", &self.value)
            .opt("webview_height", self.webview_height.as_ref().map(WebviewHeight::to_value))
            .str("postback_id", &self.postback_id)
            .put("user_ids", Value::from(self.user_ids.as_slice()))
            .opt("target", self.target.as_ref().map(ButtonTarget::to_value))
            .done()
    }
}

impl RichElement {
    /// The request shape of one of `elements` (`buttons` only when there are some).
    pub fn to_value(&self) -> Value {
        let buttons =
            (!self.buttons.is_empty()).then(|| Value::Array(self.buttons.iter().map(RichButton::to_value).collect()));
        Payload::new()
            .opt_str("title", &self.title)
            .opt_str("subtitle", &self.subtitle)
            .opt("image", self.image.as_ref().map(RichImage::to_value))
            .opt("buttons", buttons)
            .done()
    }
}
