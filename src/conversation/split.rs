//! Long messages split to the spec's size limit.

/// Largest message text the spec accepts, in bytes ("Events > Message": 16 KB).
pub const MAX_MESSAGE_BYTES: usize = 16 * 1024;

/// Splits text into parts of at most `max` bytes at character boundaries,
/// preferring to break after whitespace (the spec: "to send more, split text
/// into several messages").
pub fn split_message(text: &str, max: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut rest = text;
    while rest.len() > max {
        let mut cut = max;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        if let Some(space) = rest[..cut].rfind(char::is_whitespace).filter(|&i| i > max / 2) {
            cut = space + rest[space..].chars().next().map_or(1, char::len_utf8);
        }
        parts.push(rest[..cut].to_owned());
        rest = &rest[cut..];
    }
    if !rest.is_empty() {
        parts.push(rest.to_owned());
    }
    parts
}
