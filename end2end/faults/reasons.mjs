// Every customer_disconnected reason and every error type of the spec, with the end
// state the reconnect table says (src/session/reconnect.rs) and the sentence the
// banner shows for it (src/ui/banner.rs, src/ui/i18n/lang/en.json).
//
// Reasons: spec "Pushes > Status > customer_disconnected > Possible reasons" (14, the
// same as src/protocol/disconnect.rs less the widget's extra `users_limit_reached`).
// Errors: spec "Errors > Possible errors" (22) plus `misdirected_request`, the spec's
// example error (23, the same as src/protocol/error.rs). Errors are fired at the login,
// the only request the reconnect table reads them from (reject_logins with the error type).

/** What the banner says (src/ui/i18n/lang/en.json). */
export const TEXT = {
  reconnecting: /^Connection lost\. Reconnecting( in \d+ s)?…$/,
  paused: "Chat paused. Send a message to reconnect.",
  pausedBusy: "Many people are chatting right now. Send a message to try again.",
  banned: "You can't use this chat any more.",
  license: "This chat is not available on this website right now.",
  tooMany: "The chat is open in too many windows. Close some of them and reload the page.",
  version: "This chat has been updated. Please reload the page.",
  refusedSignIn: "The chat could not sign you in.",
  refusedGroup: "This chat is not available on this page.",
  refusedLimit: "The chat cannot take more visitors right now.",
  tryAgain: "Try again",
};

/**
 * End states: `backoff` (reconnects after backoff and logs in again), `fresh` (fresh
 * token, reconnects at once), `region` (switches region, reconnects at once), `blocked`
 * (waits the server's data.timeout, then reconnects), `pause` (waits for the customer:
 * a message reconnects), `refuse` (the login was refused for a reason retrying cannot
 * fix: the banner says why and offers "Try again", which logs in) and `stop` (gives
 * up, banner says why).
 */
export const REASONS = [
  { reason: "access_token_expired", expect: "fresh" },
  { reason: "connection_timeout", expect: "backoff" },
  { reason: "customer_banned", expect: "stop", text: TEXT.banned },
  { reason: "customer_temporarily_blocked", expect: "blocked", data: { timeout: 5 } },
  { reason: "inactivity_timeout", expect: "pause", text: TEXT.paused },
  { reason: "internal_error", expect: "backoff" },
  { reason: "license_not_found", expect: "stop", text: TEXT.license },
  { reason: "license_expired", expect: "stop", text: TEXT.license },
  // The demo license lives in dal: fra sends it back with misdirected_connection {region: dal}.
  { reason: "misdirected_connection", expect: "region", data: { region: "fra" } },
  { reason: "product_version_changed", expect: "stop", text: TEXT.version },
  { reason: "service_temporarily_unavailable", expect: "backoff" },
  { reason: "too_many_connections", expect: "stop", text: TEXT.tooMany },
  // Counted per IP address and lifted as those connections log in or close (issue 18).
  { reason: "too_many_unauthorized_connections", expect: "backoff" },
  { reason: "unsupported_version", expect: "stop", text: TEXT.version },
];

export const ERRORS = [
  { error: "authentication", expect: "fresh" },
  // The token can be the cause: a fresh one, once (issue 18; refused once here).
  { error: "authorization", expect: "fresh" },
  { error: "chat_inactive", expect: "backoff" },
  { error: "customer_banned", expect: "stop", text: TEXT.banned },
  { error: "greeting_not_found", expect: "backoff" },
  // The group is the cause; group 0 (the default) has nothing to drop: refused at once.
  { error: "group_not_found", expect: "refuse", text: TEXT.refusedGroup },
  { error: "group_offline", expect: "backoff" },
  { error: "group_unavailable", expect: "backoff" },
  { error: "groups_offline", expect: "backoff" },
  { error: "internal", expect: "backoff" },
  { error: "license_expired", expect: "stop", text: TEXT.license },
  { error: "limit_reached", expect: "refuse", text: TEXT.refusedLimit },
  { error: "not_allowed", expect: "refuse", text: TEXT.refusedGroup },
  { error: "not_found", expect: "backoff" },
  { error: "pending_requests_limit_reached", expect: "backoff" },
  { error: "request_timeout", expect: "backoff" },
  { error: "service_unavailable", expect: "backoff" },
  { error: "too_many_requests", expect: "backoff" },
  { error: "unsupported_version", expect: "stop", text: TEXT.version },
  { error: "users_limit_reached", expect: "pause", text: TEXT.pausedBusy },
  { error: "validation", expect: "fresh" },
  { error: "wrong_product_version", expect: "stop", text: TEXT.license },
  // Without data.region (the sandbox sends none at login) the table backs off.
  { error: "misdirected_request", expect: "backoff" },
];

/** How each end state reads in the table. */
export const EXPECT_TEXT = {
  backoff: "reconnects after backoff",
  fresh: "fresh token, reconnects at once",
  region: "switches region, reconnects",
  blocked: "waits data.timeout, reconnects",
  pause: "pauses; a message reconnects",
  refuse: "refuses; \"Try again\" logs in",
  stop: "stops",
};
