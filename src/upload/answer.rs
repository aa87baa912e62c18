//! Reading the answer of the Customer Chat Web API's `upload_file`: `{"url": "..."}`
//! on success, the spec's error object (`{"error": {"type", "message"}}`) otherwise.

use serde_json::Value;

use super::file::UploadError;

/// Longest error message kept from the server (the rest is cut at a character boundary).
const MAX_MESSAGE_CHARS: usize = 200;

/// What the upload request ended with, as the browser reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadAnswer {
    /// The HTTP status (`0` when no answer came: XHR `error`).
    pub status: u16,
    /// The answer's body as text (empty when none).
    pub body: String,
}

impl UploadAnswer {
    /// The uploaded file's URL, or why there is none. A URL that is not
    /// `https`/`http` is no URL (it would be sent to the agent as the file).
    pub fn into_url(self) -> Result<String, UploadError> {
        let json = crate::json::parse(&self.body).ok();
        match self.status {
            0 => Err(UploadError::Network),
            200..=299 => {
                let url = json.as_ref().and_then(|v| v.get("url")).and_then(Value::as_str).map(str::trim);
                match url {
                    Some(url) if is_web_url(url) => Ok(url.to_owned()),
                    _ => Err(UploadError::NoUrl),
                }
            }
            413 => Err(UploadError::TooLarge),
            415 => Err(UploadError::RefusedType),
            status => {
                let error = json.as_ref().and_then(|v| v.get("error"));
                let text = |key: &str| error.and_then(|e| e.get(key)).and_then(Value::as_str).unwrap_or_default();
                let message = match text("message") {
                    "" => format!("HTTP {status}"),
                    m => m.chars().take(MAX_MESSAGE_CHARS).collect(),
                };
                Err(UploadError::Rejected { error_type: text("type").to_owned(), message })
            }
        }
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !url.chars().any(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Result<String, UploadError> {
        UploadAnswer { status, body: body.into() }.into_url()
    }

    #[test]
    fn a_success_gives_its_url() {
        assert_eq!(
            answer(200, r#"{"url":"https://cdn.livechat-files.com/a/b.png"}"#).unwrap(),
            "https://cdn.livechat-files.com/a/b.png"
        );
    }

    #[test]
    fn a_success_without_a_usable_url_is_an_error() {
        for body in ["{}", r#"{"url":5}"#, "", "not json", r#"{"url":"javascript:alert(1)"}"#, r#"{"url":""}"#] {
            assert_eq!(answer(200, body), Err(UploadError::NoUrl), "{body}");
        }
    }

    #[test]
    fn errors_keep_the_services_type_and_message() {
        assert_eq!(
            answer(401, r#"{"error":{"type":"authentication","message":"Invalid access token"}}"#),
            Err(UploadError::Rejected { error_type: "authentication".into(), message: "Invalid access token".into() })
        );
        assert_eq!(
            answer(500, "<html>oops</html>"),
            Err(UploadError::Rejected { error_type: String::new(), message: "HTTP 500".into() })
        );
        assert_eq!(answer(413, ""), Err(UploadError::TooLarge));
        assert_eq!(answer(415, r#"{"error":{"type":"validation"}}"#), Err(UploadError::RefusedType));
        assert_eq!(answer(0, ""), Err(UploadError::Network));
    }
}
