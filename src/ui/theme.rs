//! The host's `accent_color` turned into the widget's CSS custom properties,
//! with a text colour on the accent that stays readable (WCAG contrast).

/// Custom properties for an accent colour given as `#rgb`, `#rgba`, `#rrggbb`
/// or `#rrggbbaa` (alpha ignored); empty for anything else.
pub fn accent_properties(hex: &str) -> Vec<(&'static str, String)> {
    let Some((r, g, b)) = parse_hex(hex) else { return Vec::new() };
    let darker = |c: u8| (f64::from(c) * 0.82).round() as u8;
    let on_accent = if contrast(luminance(r, g, b), 1.0) >= contrast(luminance(r, g, b), luminance(0x1b, 0x1d, 0x21)) {
        "#ffffff"
    } else {
        "#1b1d21"
    };
    vec![
        ("--lc-accent", format!("#{r:02x}{g:02x}{b:02x}")),
        ("--lc-accent-hover", format!("#{:02x}{:02x}{:02x}", darker(r), darker(g), darker(b))),
        ("--lc-on-accent", on_accent.to_owned()),
    ]
}

/// Sets the accent's custom properties on the page's root element, before the
/// first render. CSSOM writes, not a style attribute: allowed under the page's strict CSP.
pub fn apply_accent(hex: &str) {
    use wasm_bindgen::JsCast;
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) else { return };
    for (name, value) in accent_properties(hex) {
        let _ = root.style().set_property(name, &value);
    }
}

fn parse_hex(hex: &str) -> Option<(u8, u8, u8)> {
    let digits = hex.strip_prefix('#')?;
    if !digits.is_ascii() {
        return None;
    }
    let channel = |s: &str| u8::from_str_radix(s, 16).ok();
    match digits.len() {
        3 | 4 => {
            let one = |i: usize| channel(&digits[i..=i]).map(|v| v * 17);
            Some((one(0)?, one(1)?, one(2)?))
        }
        6 | 8 => Some((channel(&digits[0..2])?, channel(&digits[2..4])?, channel(&digits[4..6])?)),
        _ => None,
    }
}

/// WCAG 2 relative luminance.
fn luminance(r: u8, g: u8, b: u8) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: f64, b: f64) -> f64 {
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on_accent(hex: &str) -> String {
        accent_properties(hex).into_iter().find(|(k, _)| *k == "--lc-on-accent").unwrap().1
    }

    #[test]
    fn dark_accents_get_white_text_and_light_ones_dark_text() {
        assert_eq!(on_accent("#2a56e0"), "#ffffff");
        assert_eq!(on_accent("#000"), "#ffffff");
        assert_eq!(on_accent("#ffeb3b"), "#1b1d21");
        assert_eq!(on_accent("#FFFFFFFF"), "#1b1d21");
    }

    #[test]
    fn short_forms_expand_and_hover_is_darker() {
        let props = accent_properties("#f06");
        assert_eq!(props[0], ("--lc-accent", "#ff0066".to_owned()));
        assert_eq!(props[1], ("--lc-accent-hover", "#d10054".to_owned()));
    }

    #[test]
    fn anything_but_hex_sets_nothing() {
        for bad in ["red", "#12", "#ggg", "#12345", "url(x)", "#ａｂｃ", ""] {
            assert!(accent_properties(bad).is_empty(), "{bad}");
        }
    }
}
