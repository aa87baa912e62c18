//! The chat's rating: good or bad with an optional comment, kept by LiveChat in the
//! thread's properties (namespace `rating`: `score` 1 good / 0 bad, `comment`), as
//! LiveChat's own customer client sets them (`update_thread_properties`) and takes
//! them back (`delete_thread_properties`).

use serde_json::Value;

use crate::protocol::Properties;

/// The property namespace of the rating.
pub const RATING_NAMESPACE: &str = "rating";

/// Good or bad.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Score {
    /// `score: 1`.
    Good,
    /// `score: 0`.
    Bad,
}

impl Score {
    /// The wire value of `rating.score`.
    pub fn value(self) -> u8 {
        match self {
            Score::Good => 1,
            Score::Bad => 0,
        }
    }

    /// Reads `rating.score`: `1` / `0`, also as strings or wrapped in `{"value": ..}`
    /// (objects-legacy "Properties"). Anything else is no score.
    fn from_json(v: &Value) -> Option<Score> {
        let v = v.get("value").unwrap_or(v);
        match v.as_u64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok())) {
            Some(1) => Some(Score::Good),
            Some(0) => Some(Score::Bad),
            _ => None,
        }
    }
}

/// A rating of one thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rating {
    /// Good or bad.
    pub score: Score,
    /// The visitor's comment, if any (never empty).
    pub comment: Option<String>,
}

impl Rating {
    /// A rating; a blank comment counts as none.
    pub fn new(score: Score, comment: Option<String>) -> Rating {
        let comment = comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty());
        Rating { score, comment }
    }

    /// The rating kept in a thread's properties, if it has a score.
    pub fn from_properties(properties: &Properties) -> Option<Rating> {
        let ns = properties.get(RATING_NAMESPACE)?;
        let score = ns.get("score").and_then(Score::from_json)?;
        let comment = ns.get("comment").map(|c| c.get("value").unwrap_or(c)).and_then(Value::as_str);
        Some(Rating::new(score, comment.map(str::to_owned)))
    }

    /// The properties `update_thread_properties` sets.
    pub fn to_properties(&self) -> Properties {
        let mut ns = std::collections::BTreeMap::new();
        ns.insert("score".to_owned(), Value::from(self.score.value()));
        if let Some(comment) = &self.comment {
            ns.insert("comment".to_owned(), Value::from(comment.as_str()));
        }
        let mut out = Properties::new();
        out.insert(RATING_NAMESPACE.to_owned(), ns);
        out
    }
}

/// Why the last rating change did not reach the server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RatingError {
    /// No chat thread to rate (nothing started yet, or it is not known).
    NoThread,
    /// The server refused or did not answer; the rating shown is the one it has.
    Failed(String),
}

/// The current thread's rating as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RatingState {
    /// What the server has (the thread's properties, a confirmed change or a push).
    pub confirmed: Option<Rating>,
    /// A change sent and not answered yet: `Some(None)` is taking the rating back.
    pub pending: Option<Option<Rating>>,
    /// Why the last change failed, until the next one.
    pub error: Option<RatingError>,
}

impl RatingState {
    /// A change was sent (`None`: taking the rating back); the last error goes.
    pub fn sent(&mut self, change: Option<Rating>) {
        self.pending = Some(change);
        self.error = None;
    }

    /// The server now has `rating` (an answer or a push): a matching change is done.
    pub fn confirm(&mut self, rating: Option<Rating>) {
        if self.pending.as_ref() == Some(&rating) {
            self.pending = None;
        }
        self.confirmed = rating;
    }

    /// The change `change` failed (or could not be sent): what the server has shows again.
    pub fn fail(&mut self, change: Option<Option<Rating>>, error: RatingError) {
        if change.is_some() && self.pending == change {
            self.pending = None;
        }
        self.error = Some(error);
    }

    /// What the window shows: the change under way, else the server's.
    pub fn shown(&self) -> Option<&Rating> {
        match &self.pending {
            Some(pending) => pending.as_ref(),
            None => self.confirmed.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reads_numbers_strings_and_legacy_values_and_writes_the_sdk_shape() {
        let read = |v: Value| Rating::from_properties(&Properties::from_json(&v));
        assert_eq!(
            read(json!({"rating": {"score": 1, "comment": "ok"}})),
            Some(Rating::new(Score::Good, Some("ok".into())))
        );
        assert_eq!(
            read(json!({"rating": {"score": {"value": 0}, "comment": {"value": " "}}})),
            Some(Rating::new(Score::Bad, None))
        );
        assert_eq!(read(json!({"rating": {"score": "1"}})).map(|r| r.score), Some(Score::Good));
        for bad in
            [json!({"rating": {"score": 5}}), json!({"rating": {"comment": "x"}}), json!({"other": {"score": 1}})]
        {
            assert_eq!(read(bad), None);
        }
        assert_eq!(
            Rating::new(Score::Bad, Some("slow".into())).to_properties().to_value(),
            json!({"rating": {"score": 0, "comment": "slow"}})
        );
    }
}
