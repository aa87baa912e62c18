//! One RTM connection per visitor across tabs (issue 6), sans IO.
//!
//! Several tabs of the same site each run the widget; the server allows a
//! customer few connections (`too_many_connections`), and one connection per tab
//! also means every tab plays its own sounds and keeps its own unread count. So
//! the tabs elect a **leader** that owns the one real WebSocket, and the others,
//! **followers**, reach the server through it:
//!
//! - Election is the browser's job (Web Locks, `src/browser/tabs.rs`): the tab
//!   holding `livechat:<license>:<group>:connection` leads; the lock passes to a
//!   waiting tab the moment the leader's document goes away. Two leaders at once
//!   cannot happen, which a heartbeat-and-timeout election on a channel alone
//!   cannot promise.
//! - Every tab keeps running its own [`Conversation`](crate::conversation::Conversation)
//!   and its own durable outbox unchanged. A follower's session talks to a
//!   virtual socket, the [`Link`], whose frames travel as [`Message`]s on the
//!   BroadcastChannel `livechat:<license>:<group>`.
//! - The leader's [`Hub`] multiplexes: a follower's request goes out on the real
//!   socket with its `request_id` rewritten to `<conn>/<id>`, unique per virtual
//!   connection, and its response comes back with the original id (spec: "Methods >
//!   General RTM API request format"). Pushes go to every tab, the `request_id`
//!   only to the requester (spec: "Pushes"). A follower's `login` is answered from
//!   the real connection's own login response and `customer_side_storage_updated`
//!   push with the follower's `request_id` (spec: "Login"), and its `ping` is
//!   answered by the leader, which pings the real socket (spec: "Access > Server
//!   pinging").
//! - Hand-over: the new leader announces itself ([`Message::Leader`]); every
//!   follower drops its virtual connection and reconnects through it at once
//!   ([`Input::Reconnect`](crate::session::Input::Reconnect), no backoff). A request
//!   that was forwarded but unanswered fails as `ConnectionLost`, and the
//!   outbox reconciles by `custom_id` after the next login, as after any
//!   reconnect, so nothing is sent twice.
//! - A follower whose open gets no answer within [`OPEN_TIMEOUT_MS`] closes it and
//!   backs off; after [`MAX_OPEN_FAILURES`] in a row it connects on its own.
//! - Where the browser denies Web Locks to the third-party iframe (blocked
//!   third-party storage; the partitioned BroadcastChannel still works), the tabs
//!   elect on the channel instead ([`Election`]: claims, lowest id wins, the leader
//!   says when it leaves). Without BroadcastChannel every tab keeps its own
//!   connection, as before.
//! - The [`Router`] puts these together for one tab: it decides the tab's role
//!   from the lock, the election and the timeouts, and routes the session's frames
//!   to the real socket, the hub or the link; the browser only carries out its IO.
//!
//! Known limit: a follower's login answer is the leader's login response as it
//! was; anything newer reaches it as pushes or through the gap-fill after login
//! (`get_chat`), except a greeting displayed between the two logins.

mod election;
mod envelope;
mod follower;
mod leader;
mod message;
mod router;

pub use election::{ElectedRole, Election, ElectionOutput, CLAIM_MS, LEASE_MS};
pub use follower::{Link, LinkOutput, MAX_OPEN_FAILURES, OPEN_TIMEOUT_MS};
pub use leader::{Hub, HubOutput, CONN_IDLE_MS};
pub use message::Message;
pub use router::{Router, RouterInput, RouterOutput, TabRole, DECIDE_TIMEOUT_MS};
