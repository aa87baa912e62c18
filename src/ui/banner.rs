//! The connection banner: connecting, reconnecting with a countdown, offline,
//! paused, and the terminal states in plain words.

use std::time::Duration;

use leptos::prelude::*;

use crate::conversation::Intent;
use crate::protocol::{CustomerDisconnected, DisconnectReason, ErrorType, RtmError};
use crate::session::{Cause, ConnectionStatus};

use super::context::ChatContext;
use super::dynamic::{dyn_class, dyn_view};
use super::i18n::{strings, Strings};

/// The sentence for a status, or `None` when nothing needs saying. `now_ms`
/// is the clock used for the reconnect countdown.
pub fn status_text(t: &Strings, status: &ConnectionStatus, now_ms: u64) -> Option<String> {
    Some(match status {
        ConnectionStatus::Idle | ConnectionStatus::Connected => return None,
        ConnectionStatus::Connecting { attempt: 0 } | ConnectionStatus::LoggingIn => t.connecting.to_owned(),
        ConnectionStatus::Connecting { .. } => t.reconnecting.to_owned(),
        ConnectionStatus::Reconnecting { at_ms, .. } => {
            let left = at_ms.saturating_sub(now_ms).div_ceil(1000);
            if left == 0 {
                t.reconnecting.to_owned()
            } else {
                t.reconnecting_in(left)
            }
        }
        ConnectionStatus::Offline => t.offline.to_owned(),
        ConnectionStatus::Paused { reason } => paused_text(t, reason).to_owned(),
        ConnectionStatus::Refused { reason, .. } => refused_text(t, reason).to_owned(),
        ConnectionStatus::Stopped { reason } => stopped_text(t, reason).to_owned(),
    })
}

/// Why the service refused the login, in plain words (the console names the error).
pub fn refused_text(t: &Strings, cause: &Cause) -> &'static str {
    match cause {
        Cause::LoginFailed(e) => match e.kind {
            ErrorType::Authentication | ErrorType::Authorization | ErrorType::Validation => t.refused_sign_in,
            ErrorType::GroupNotFound | ErrorType::NotAllowed => t.refused_group,
            ErrorType::LimitReached => t.refused_limit,
            _ => t.refused_other,
        },
        _ => t.refused_other,
    }
}

fn paused_text(t: &Strings, cause: &Cause) -> &'static str {
    match cause {
        Cause::Disconnected(CustomerDisconnected { reason: DisconnectReason::UsersLimitReached, .. })
        | Cause::LoginFailed(RtmError { kind: ErrorType::UsersLimitReached, .. }) => t.paused_busy,
        _ => t.paused,
    }
}

/// The plain-words reason a session stopped for good.
pub fn stopped_text(t: &Strings, cause: &Cause) -> &'static str {
    use DisconnectReason as R;
    match cause {
        Cause::Disconnected(d) => match d.reason {
            R::CustomerBanned => t.stopped_banned,
            R::LicenseNotFound | R::LicenseExpired => t.stopped_license,
            R::TooManyConnections | R::TooManyUnauthorizedConnections => t.stopped_too_many,
            R::UnsupportedVersion | R::ProductVersionChanged => t.stopped_version,
            _ => t.stopped_other,
        },
        Cause::LoginFailed(e) => match e.kind {
            ErrorType::CustomerBanned => t.stopped_banned,
            ErrorType::LicenseExpired | ErrorType::WrongProductVersion => t.stopped_license,
            ErrorType::UnsupportedVersion => t.stopped_version,
            _ => t.stopped_other,
        },
        Cause::Shutdown => t.stopped_closed,
        _ => t.stopped_other,
    }
}

/// The banner under the header; absent while connected.
#[component]
pub fn ConnectionBanner() -> impl IntoView {
    let ctx = ChatContext::expect();
    let t = strings();
    let status = ctx.slices.status;
    // Ticks once a second while a countdown is on screen.
    let now = RwSignal::new(ctx.now());
    Effect::new(move |_| {
        if !matches!(status.get(), ConnectionStatus::Reconnecting { .. }) {
            return;
        }
        now.set(ctx.now());
        if let Ok(handle) = set_interval_with_handle(move || now.set(ctx.now()), Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    });
    let text = move || status.with(|s| status_text(t, s, now.get()));
    let refused = move || status.with(|s| matches!(s, ConnectionStatus::Refused { .. }));
    let terminal =
        move || status.with(|s| matches!(s, ConnectionStatus::Stopped { .. } | ConnectionStatus::Refused { .. }));
    dyn_view(move || {
        text().map(|text| {
            let role = if terminal() { "alert" } else { "status" };
            let try_again = refused().then(|| {
                view! {
                    <button type="button" class="lc-btn lc-banner-action" on:click=move |_| ctx.send(Intent::TryAgain)>
                        {t.try_again}
                    </button>
                }
            });
            view! {
                <div class="lc-banner" class:lc-banner-error=dyn_class(terminal) role=role>
                    <span>{text}</span>
                    {try_again}
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
    fn reconnect_countdown_rounds_up_to_seconds() {
        let status = ConnectionStatus::Reconnecting { attempt: 1, at_ms: 10_000, reason: Cause::PingTimeout };
        assert_eq!(status_text(english(), &status, 5_001).as_deref(), Some("Connection lost. Reconnecting in 5 s…"));
        assert_eq!(status_text(english(), &status, 10_000).as_deref(), Some("Connection lost. Reconnecting…"));
        assert_eq!(status_text(english(), &ConnectionStatus::Connected, 0), None);
    }

    #[test]
    fn terminal_causes_are_plain_words() {
        let banned = Cause::Disconnected(CustomerDisconnected { reason: DisconnectReason::CustomerBanned, data: None });
        assert_eq!(stopped_text(english(), &banned), english().stopped_banned);
        let license =
            Cause::Disconnected(CustomerDisconnected { reason: DisconnectReason::LicenseExpired, data: None });
        assert_eq!(stopped_text(english(), &license), english().stopped_license);
        let many =
            Cause::Disconnected(CustomerDisconnected { reason: DisconnectReason::TooManyConnections, data: None });
        assert_eq!(stopped_text(english(), &many), english().stopped_too_many);
    }
}
