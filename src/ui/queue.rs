//! The queue banner: position and a human wait time while the thread is queued.

use leptos::prelude::*;

use crate::chat::{ChatPhase, QueueStatus};

use super::context::ChatContext;
use super::dynamic::dyn_view;
use super::i18n::{strings, Strings};

/// A wait in seconds as people say it: "less than a minute", "about 2 minutes", "about 1 hour".
pub fn human_wait(t: &Strings, secs: u64) -> String {
    if secs < 60 {
        return t.wait_under_minute.to_owned();
    }
    let minutes = (secs + 30) / 60;
    if minutes < 60 {
        t.wait_minutes(minutes)
    } else {
        t.wait_hours((minutes + 30) / 60)
    }
}

/// The banner's text for a queue status.
pub fn queue_text(t: &Strings, queue: Option<QueueStatus>) -> String {
    let mut text = match queue.and_then(|q| q.position) {
        Some(p) if p > 0 => t.queue_position(p),
        _ => t.queue_waiting.to_owned(),
    };
    if let Some(wait) = queue.and_then(|q| q.wait_time_s) {
        text.push(' ');
        text.push_str(&t.queue_wait(&human_wait(t, wait)));
    }
    text
}

/// Shown while the chat waits in the queue; follows `queue_position_updated`
/// live and disappears when an agent joins.
#[component]
pub fn QueueBanner() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    // A plain read, not a memo: the banner is rebuilt in place, only its text can change.
    dyn_view(move || {
        (ctx.slices.phase.get() == ChatPhase::Queued).then(|| ctx.slices.queue.get()).map(|q| {
            view! {
                <div class="lc-queue" role="status">
                    <span class="lc-queue-spinner" aria-hidden="true"></span>
                    <span class="lc-queue-text">{queue_text(t, q)}</span>
                </div>
            }
            .into_any()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::i18n::english;

    #[test]
    fn waits_read_like_people_say_them() {
        assert_eq!(human_wait(english(), 0), "less than a minute");
        assert_eq!(human_wait(english(), 59), "less than a minute");
        assert_eq!(human_wait(english(), 60), "about 1 minute");
        assert_eq!(human_wait(english(), 130), "about 2 minutes");
        assert_eq!(human_wait(english(), 3600), "about 1 hour");
        assert_eq!(human_wait(english(), 3 * 3600), "about 3 hours");
    }

    #[test]
    fn queue_text_has_position_and_wait() {
        let q = QueueStatus { position: Some(3), wait_time_s: Some(120) };
        assert_eq!(queue_text(english(), Some(q)), "You are number 3 in the queue. Expected wait: about 2 minutes.");
        assert_eq!(queue_text(english(), None), english().queue_waiting);
    }
}
