//! Rating the chat: good / bad and a comment set on the current thread
//! (`update_thread_properties`, namespace `rating`), taken back with
//! `delete_thread_properties`, as LiveChat's customer client does (`rateChat`,
//! `cancelRate`). The window shows the change at once; the server's answer
//! confirms it (and tells the host page, `rating_submitted`) or puts back what the
//! server has.

use crate::chat::{Rating, RatingError, Score};
use crate::protocol::request::{DeleteThreadProperties, UpdateThreadProperties};
use crate::protocol::DeletedProperties;
use crate::session::RequestError;

use super::host_api::{HostEvent, RatingValue};
use super::requests::Purpose;
use super::Conversation;

impl Conversation {
    /// The visitor rated the current thread (during the chat or after it ended).
    pub(super) fn rate(&mut self, score: Score, comment: Option<String>, now_ms: u64) {
        let Some((chat_id, thread_id)) = self.rated_thread() else { return };
        let rating = Rating::new(score, comment);
        if self.state.rating.shown() == Some(&rating) {
            return;
        }
        let request = UpdateThreadProperties { chat_id, thread_id, properties: rating.to_properties() };
        self.state.rating.sent(Some(rating.clone()));
        self.requests.send(&mut self.session, request.into(), Purpose::Rate(Some(rating)), now_ms);
    }

    /// The visitor took the rating back.
    pub(super) fn remove_rating(&mut self, now_ms: u64) {
        if self.state.rating.shown().is_none() {
            return;
        }
        let Some((chat_id, thread_id)) = self.rated_thread() else { return };
        let mut properties = DeletedProperties::new();
        properties.insert(crate::chat::rating::RATING_NAMESPACE.to_owned(), vec!["score".into(), "comment".into()]);
        let request = DeleteThreadProperties { chat_id, thread_id, properties };
        self.state.rating.sent(None);
        self.requests.send(&mut self.session, request.into(), Purpose::Rate(None), now_ms);
    }

    /// The chat and thread a rating goes to; without them the rating is refused.
    fn rated_thread(&mut self) -> Option<(String, String)> {
        match (self.state.chat_id.clone(), self.state.thread_id.clone()) {
            (Some(chat), Some(thread)) => Some((chat, thread)),
            _ => {
                self.state.rating.fail(None, RatingError::NoThread);
                self.warn("rating ignored: no chat thread to rate".into());
                None
            }
        }
    }

    /// The server set (or removed) the rating: it is the thread's now.
    pub(super) fn rating_confirmed(&mut self, rating: Option<Rating>) {
        let value = match rating.as_ref().map(|r| r.score) {
            Some(Score::Good) => RatingValue::Good,
            Some(Score::Bad) => RatingValue::Bad,
            None => RatingValue::None,
        };
        self.state.rating.confirm(rating);
        self.announcer.push(HostEvent::RatingSubmitted(value));
    }

    /// The server refused the change or did not answer: what it has shows again.
    /// Not retried: the visitor sees the error and may rate again.
    pub(super) fn rating_failed(&mut self, rating: Option<Rating>, error: &RequestError) {
        self.state.rating.fail(Some(rating), RatingError::Failed(error.to_string()));
    }
}
