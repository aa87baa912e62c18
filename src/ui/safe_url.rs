//! The one gate every URL from the network passes before it reaches an `href`
//! or `src` (design README, "Safety rules"): only the schemes the caller allows,
//! checked the way a browser would parse the URL, so `JaVaScRiPt:`,
//! ` javascript:` and `java\tscript:` all stay inert.

/// A URL scheme the widget may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `http:`.
    Http,
    /// `https:`.
    Https,
    /// `tel:` (phone buttons only).
    Tel,
    /// `mailto:`.
    Mailto,
}

impl Scheme {
    fn name(self) -> &'static str {
        match self {
            Scheme::Http => "http",
            Scheme::Https => "https",
            Scheme::Tel => "tel",
            Scheme::Mailto => "mailto",
        }
    }
}

/// Web pages and images: `http` and `https` only.
pub const WEB: &[Scheme] = &[Scheme::Https, Scheme::Http];

/// What may be framed in the webview panel: `https` only (an `http` page
/// cannot be framed in an `https` widget; it opens in a new tab instead).
pub const FRAMEABLE: &[Scheme] = &[Scheme::Https];

/// Returns the URL to use when `raw` is an absolute URL with one of the
/// `allowed` schemes, `None` otherwise (relative and protocol-relative URLs
/// included: they would resolve against the widget's own origin).
///
/// As the URL standard does, leading and trailing C0 controls and spaces are
/// trimmed and ASCII tabs and newlines anywhere are removed before the scheme
/// is read; the scheme is compared case-insensitively.
pub fn safe_url(raw: &str, allowed: &[Scheme]) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    // Any other control character left inside is not something a server should send.
    if cleaned.is_empty() || cleaned.chars().any(|c| c.is_control()) {
        return None;
    }
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')) {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let rest = &cleaned[colon + 1..];
    let known = allowed.iter().find(|s| s.name() == scheme)?;
    match known {
        // A web URL needs a host: `https:foo` or `https:` alone is not one.
        Scheme::Http | Scheme::Https if !rest.starts_with("//") || rest.len() <= 2 => None,
        Scheme::Tel | Scheme::Mailto if rest.is_empty() => None,
        _ => Some(format!("{scheme}:{rest}")),
    }
}

/// A `tel:` link for a phone button's value: either a `tel:` URL or a bare
/// number, of which only digits and `+ * # ( ) - . ,` and spaces are kept.
pub fn tel_href(value: &str) -> Option<String> {
    let trimmed = value.trim_matches(|c: char| c <= ' ');
    let number = match safe_url(trimmed, &[Scheme::Tel]) {
        Some(url) => url["tel:".len()..].to_owned(),
        None if trimmed.contains(':') => return None,
        None => trimmed.to_owned(),
    };
    let number: String = number
        .chars()
        .filter(|c| c.is_ascii_digit() || matches!(c, '+' | '*' | '#' | '(' | ')' | '-' | '.' | ',' | ' '))
        .collect();
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(format!("tel:{}", number.replace(' ', "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_pass_with_their_scheme_lowercased() {
        assert_eq!(safe_url("https://example.com/a?b#c", WEB).as_deref(), Some("https://example.com/a?b#c"));
        assert_eq!(safe_url("HTTP://example.com", WEB).as_deref(), Some("http://example.com"));
        assert_eq!(safe_url("  https://example.com/x \n", WEB).as_deref(), Some("https://example.com/x"));
    }

    #[test]
    fn script_and_data_schemes_are_refused_however_written() {
        for raw in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{0}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "DATA:text/html;base64,PHNjcmlwdD4=",
            "  vbscript:msgbox(1)",
            "VbScRiPt:msgbox(1)",
            "file:///etc/passwd",
            "blob:https://example.com/x",
        ] {
            assert_eq!(safe_url(raw, WEB), None, "{raw:?}");
            assert_eq!(safe_url(raw, &[Scheme::Https, Scheme::Http, Scheme::Tel, Scheme::Mailto]), None, "{raw:?}");
        }
    }

    #[test]
    fn relative_protocol_relative_and_hostless_urls_are_refused() {
        for raw in
            ["/path", "//evil.example/x", "example.com", "", "   ", "https:", "https://", "https:evil", "http:/x"]
        {
            assert_eq!(safe_url(raw, WEB), None, "{raw:?}");
        }
    }

    #[test]
    fn only_the_allowed_schemes_pass() {
        assert_eq!(safe_url("http://example.com", FRAMEABLE), None);
        assert_eq!(safe_url("tel:+48123", WEB), None);
        assert_eq!(safe_url("tel:+48123", &[Scheme::Tel]).as_deref(), Some("tel:+48123"));
        assert_eq!(safe_url("MAILTO:a@b.c", &[Scheme::Mailto]).as_deref(), Some("mailto:a@b.c"));
        assert_eq!(safe_url("mailto:", &[Scheme::Mailto]), None);
    }

    #[test]
    fn embedded_controls_other_than_tab_and_newline_are_refused() {
        assert_eq!(safe_url("https://exa\u{7f}mple.com", WEB), None);
        assert_eq!(safe_url("https://exa\u{1}mple.com", WEB), None);
        // Tabs and newlines are dropped, as browsers do.
        assert_eq!(safe_url("https://exa\tmple.com", WEB).as_deref(), Some("https://example.com"));
    }

    #[test]
    fn phone_values_become_clean_tel_links() {
        assert_eq!(tel_href("+48 123 456 789").as_deref(), Some("tel:+48123456789"));
        assert_eq!(tel_href("TEL:+1-555-0100").as_deref(), Some("tel:+1-555-0100"));
        assert_eq!(tel_href("javascript:alert(1)"), None);
        assert_eq!(tel_href("call me"), None);
        assert_eq!(tel_href("+1 555\"><script>").as_deref(), Some("tel:+1555"));
    }
}
