//! The sans-IO session engine: connect URL, login, ping, request ids and
//! timeouts, and the reconnect policy (spec: "Access", "Data centers", "Methods",
//! "Login", "customer_disconnected", "Errors").
//!
//! Modelled on str0m and quinn-proto: no sockets, no clock, no randomness of
//! its own. The driver feeds [`Input`]s with the current time in milliseconds
//! and then drains [`Session::poll_output`] until it returns `None`:
//!
//! ```
//! use livechat_widget::session::{Input, Output, Session, SessionConfig, Token};
//!
//! let mut s = Session::new(SessionConfig::new(123, None));
//! s.handle_input(Input::Start, 0);
//! // The token comes first; the socket opens once it is there.
//! assert_eq!(s.poll_output(), Some(Output::FetchToken { fresh: false }));
//! let token = Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None };
//! s.handle_input(Input::Token(Ok(token)), 0);
//! let mut connect = None;
//! while let Some(out) = s.poll_output() {
//!     if let Output::Connect { url } = out {
//!         connect = Some(url);
//!     }
//! }
//! assert_eq!(connect.as_deref(), Some("wss://api.livechatinc.com/v3.2/customer/rtm/ws?license_id=123"));
//! ```
//!
//! Requests are handled at the envelope level: `(action, payload)` in,
//! [`SessionEvent::Response`] with the raw payload out; the layer above decodes
//! them with the typed protocol. Driver contract: after [`Output::Close`] the
//! driver detaches the socket's handlers (as gloo-net does on drop); the engine
//! tolerates one late `Closed` from that socket, for example the server's close
//! after a `customer_disconnected` push.

mod backoff;
mod config;
mod engine;
mod incoming;
mod io;
mod lifecycle;
mod reconnect;
mod requests;
mod timers;
mod url;

pub use crate::protocol::request::{Application, CustomerPage, Login, LoginCustomer};
pub use backoff::{backoff_delay, backoff_window, Prng};
pub use config::{SessionConfig, Token};
pub use engine::Session;
pub use io::{ConnectionStatus, Input, Output, RequestError, SessionEvent};
pub use reconnect::{policy, Action, Cause, Delay, PolicyContext, MAX_REFUSED_LOGINS};
pub use requests::RequestId;
pub use timers::Timings;
pub use url::{connect_url, is_valid_region, region_host, DEFAULT_REGION, RTM_PATH};
