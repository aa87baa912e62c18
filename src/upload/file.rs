//! The file a visitor picked, what LiveChat accepts of it, and why an upload failed.

/// LiveChat's limit on an uploaded file: 10 MB (customer-sdk's `uploadFile`
/// README: "the maximum accepted file size is 10 MB"; it checks `size > 10 * 1024 * 1024`).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Extensions the widget refuses before uploading: programs and scripts, which
/// an agent should never be asked to open from a chat.
const REFUSED_EXTENSIONS: &[&str] =
    &["exe", "msi", "bat", "cmd", "com", "scr", "pif", "cpl", "vbs", "vbe", "js", "jse", "wsf", "ps1", "jar", "dll"];

/// MIME types refused for the same reason, whatever the name says.
const REFUSED_TYPES: &[&str] = &[
    "application/x-msdownload",
    "application/x-msdos-program",
    "application/x-msi",
    "application/x-ms-installer",
    "application/x-bat",
    "application/javascript",
    "text/javascript",
    "application/java-archive",
];

/// What the browser tells about a picked, dropped or pasted file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInfo {
    /// The file's name (`File.name`; pasted images get one from the browser).
    pub name: String,
    /// Its size in bytes (`File.size`).
    pub size: u64,
    /// Its MIME type (`File.type`), empty when the browser does not know it.
    pub content_type: String,
}

impl FileInfo {
    /// Whether the browser says it is an image.
    pub fn is_image(&self) -> bool {
        self.content_type.to_ascii_lowercase().starts_with("image/")
    }

    /// Why this file cannot be uploaded at all, checked before any byte is sent.
    pub fn refusal(&self) -> Option<UploadError> {
        if self.size == 0 {
            return Some(UploadError::Empty);
        }
        if self.size > MAX_FILE_BYTES {
            return Some(UploadError::TooLarge);
        }
        let extension = self.name.rsplit_once('.').map(|(_, ext)| ext.trim().to_ascii_lowercase());
        let content_type = self.content_type.trim().to_ascii_lowercase();
        let refused = extension.is_some_and(|ext| REFUSED_EXTENSIONS.contains(&ext.as_str()))
            || REFUSED_TYPES.contains(&content_type.as_str());
        refused.then_some(UploadError::RefusedType)
    }
}

/// Why an upload did not give a URL. Each is shown with its own message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UploadError {
    /// The file has 0 bytes (never sent).
    Empty,
    /// Over [`MAX_FILE_BYTES`] (never sent), or the server said so (HTTP 413).
    TooLarge,
    /// A program or script (never sent), or the server refused its type (HTTP 415).
    RefusedType,
    /// The request did not reach the server or its answer did not come back
    /// (XHR `error`, status 0).
    Network,
    /// No progress for [`super::STALL_TIMEOUT_MS`]: aborted.
    TimedOut,
    /// The server answered with an error (spec "Errors" shape: `error.type`, `error.message`).
    Rejected {
        /// `error.type`, for example `authentication` or `validation` (empty if absent).
        error_type: String,
        /// `error.message` (empty if absent).
        message: String,
    },
    /// A success status whose answer holds no `url` string.
    NoUrl,
    /// The page was reloaded (or closed) while the file was queued or uploading:
    /// the file itself is gone with the page, so it must be picked again.
    Interrupted,
}

impl UploadError {
    /// Whether trying the same file again may work (a refused file stays refused,
    /// and an interrupted one is no longer at hand).
    pub fn is_retryable(&self) -> bool {
        matches!(self, UploadError::Network | UploadError::TimedOut | UploadError::Rejected { .. } | UploadError::NoUrl)
    }

    /// Whether the file was refused before any byte was sent (the browser
    /// let go of it at once).
    pub fn is_refusal(&self) -> bool {
        matches!(self, UploadError::Empty | UploadError::TooLarge | UploadError::RefusedType)
    }

    /// The name used in storage and logs.
    pub fn code(&self) -> &'static str {
        match self {
            UploadError::Empty => "empty",
            UploadError::TooLarge => "too_large",
            UploadError::RefusedType => "refused_type",
            UploadError::Network => "network",
            UploadError::TimedOut => "timed_out",
            UploadError::Rejected { .. } => "rejected",
            UploadError::NoUrl => "no_url",
            UploadError::Interrupted => "interrupted",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, size: u64, content_type: &str) -> FileInfo {
        FileInfo { name: name.into(), size, content_type: content_type.into() }
    }

    #[test]
    fn the_limit_is_ten_mebibytes_inclusive() {
        assert_eq!(file("a.pdf", MAX_FILE_BYTES, "application/pdf").refusal(), None);
        assert_eq!(file("a.pdf", MAX_FILE_BYTES + 1, "application/pdf").refusal(), Some(UploadError::TooLarge));
        assert_eq!(file("a.pdf", 0, "application/pdf").refusal(), Some(UploadError::Empty));
    }

    #[test]
    fn programs_are_refused_by_extension_or_type() {
        assert_eq!(file("setup.EXE", 10, "").refusal(), Some(UploadError::RefusedType));
        assert_eq!(file("notes", 10, "application/x-msdownload").refusal(), Some(UploadError::RefusedType));
        assert_eq!(file("photo.png", 10, "image/png").refusal(), None);
        assert_eq!(file("no-extension", 10, "").refusal(), None);
    }
}
