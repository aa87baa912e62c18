//! Server configuration: one plain struct used by tests, filled from the command line
//! by `main.rs`.

use clap::Parser;
use std::path::PathBuf;
use std::time::Duration;

/// Everything the server can be told at start.
#[derive(Debug, Clone)]
pub struct Config {
    /// TCP port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Directory with the widget's trunk build (served on `widget.localhost`).
    pub widget_dir: PathBuf,
    /// The demo license, living in `dal`.
    pub license: u64,
    /// Further licenses living in `dal`.
    pub dal_licenses: Vec<u64>,
    /// Licenses living in `fra`.
    pub fra_licenses: Vec<u64>,
    /// Access token lifetime.
    pub token_lifetime: Duration,
    /// A connection must log in within this time.
    pub login_timeout: Duration,
    /// A logged-in connection that has not pinged for this long is disconnected.
    pub ping_timeout: Duration,
    /// Whether the scripted agent plays the demo conversation.
    pub scripted_agent: bool,
    /// Multiplier for every scripted-agent delay (1.0 = demo pace, 0.02 = tests).
    pub time_scale: f64,
    /// Largest accepted WebSocket message, in bytes.
    pub max_frame_bytes: usize,
    /// Print one line per connection and admin action.
    pub verbose: bool,
    /// Send the identity cookie as `SameSite=Lax` instead of the third-party
    /// `SameSite=None; Secure; Partitioned` a widget in a customer's page needs.
    pub cookie_samesite_lax: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            port: 8787,
            widget_dir: PathBuf::from("dist"),
            license: 1520,
            dal_licenses: vec![],
            fra_licenses: vec![],
            token_lifetime: Duration::from_millis(28_800_000),
            login_timeout: Duration::from_secs(30),
            ping_timeout: Duration::from_secs(30),
            scripted_agent: true,
            time_scale: 1.0,
            max_frame_bytes: 256 * 1024,
            verbose: false,
            cookie_samesite_lax: false,
        }
    }
}

impl Config {
    /// A configuration for tests: a free port, short timers, a fast agent.
    pub fn for_tests() -> Self {
        Config {
            port: 0,
            login_timeout: Duration::from_millis(1500),
            ping_timeout: Duration::from_millis(1500),
            time_scale: 0.01,
            fra_licenses: vec![2000],
            dal_licenses: vec![1521],
            ..Config::default()
        }
    }
}

/// Command-line arguments of `livechat-sandbox`.
#[derive(Debug, Parser)]
#[command(
    name = "livechat-sandbox",
    version,
    about = "Local LiveChat Customer Chat RTM API v3.2 sandbox: RTM server, accounts, demo site, agent console, fault injection"
)]
pub struct Args {
    /// Port on 127.0.0.1 (0 = pick a free one and print it).
    #[arg(long, default_value_t = 8787)]
    pub port: u16,
    /// The widget's trunk build output, served on widget.localhost.
    #[arg(long, default_value = "dist")]
    pub widget_dir: PathBuf,
    /// The demo license id (lives in dal).
    #[arg(long, default_value_t = 1520)]
    pub license: u64,
    /// Another license living in dal (repeatable).
    #[arg(long = "dal-license")]
    pub dal_licenses: Vec<u64>,
    /// A license living in fra (repeatable); connecting to dal with it is misdirected.
    #[arg(long = "fra-license", default_values_t = [2000])]
    pub fra_licenses: Vec<u64>,
    /// Access token lifetime in milliseconds.
    #[arg(long, default_value_t = 28_800_000)]
    pub token_lifetime_ms: u64,
    /// Time allowed between connecting and logging in, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    pub login_timeout_ms: u64,
    /// A logged-in connection with no ping for this long is closed, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    pub ping_timeout_ms: u64,
    /// Disable the scripted agent (drive everything from the console instead).
    #[arg(long)]
    pub no_agent: bool,
    /// Scale every scripted-agent delay by this factor (0.1 = ten times faster).
    #[arg(long, default_value_t = 1.0)]
    pub time_scale: f64,
    /// Shorthand for --time-scale 0.05.
    #[arg(long)]
    pub fast: bool,
    /// Largest accepted WebSocket message in bytes.
    #[arg(long, default_value_t = 256 * 1024)]
    pub max_frame_bytes: usize,
    /// Log connections and admin actions to stderr.
    #[arg(long, short)]
    pub verbose: bool,
    /// Send the identity cookie as `SameSite=Lax` (default `SameSite=None; Secure; Partitioned`).
    #[arg(long)]
    pub cookie_samesite_lax: bool,
}

impl From<Args> for Config {
    fn from(a: Args) -> Self {
        Config {
            port: a.port,
            widget_dir: a.widget_dir,
            license: a.license,
            dal_licenses: a.dal_licenses,
            fra_licenses: a.fra_licenses,
            token_lifetime: Duration::from_millis(a.token_lifetime_ms),
            login_timeout: Duration::from_millis(a.login_timeout_ms),
            ping_timeout: Duration::from_millis(a.ping_timeout_ms),
            scripted_agent: !a.no_agent,
            time_scale: if a.fast { 0.05 } else { a.time_scale.clamp(0.0, 100.0) },
            max_frame_bytes: a.max_frame_bytes.max(1024),
            verbose: a.verbose,
            cookie_samesite_lax: a.cookie_samesite_lax,
        }
    }
}
