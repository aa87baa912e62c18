//! A local stand-in for LiveChat's Customer Chat RTM API v3.2: the RTM WebSocket
//! endpoint for two data centres, the accounts token endpoint, a demo shop that embeds
//! the widget, an agent console, a scripted agent and fault injection. It checks
//! requests against the spec on its own and never imports the widget crate.

pub mod admin;
pub mod agent;
pub mod bus;
pub mod chats;
pub mod config;
pub mod conn;
pub mod content;
pub mod customers;
pub mod documented;
pub mod error;
pub mod event_shape;
pub mod events;
pub mod faults;
pub mod files;
pub mod frames;
pub mod http;
pub mod methods;
pub mod model;
pub mod other;
pub mod params;
pub mod properties;
pub mod script;
pub mod session;
pub mod sockjs;
pub mod state;
pub mod status;
pub mod tickets;
pub mod uploads;
pub mod util;
pub mod wire;

pub use config::Config;

use state::{App, Shared, State};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::sync::{mpsc, watch};

/// A running server; dropping it stops the server and closes its connections.
#[derive(Debug)]
pub struct ServerHandle {
    /// The bound address (127.0.0.1 and the port).
    pub addr: SocketAddr,
    /// The application state, for tests that look inside.
    pub app: Shared,
    shutdown: watch::Sender<bool>,
    task: tokio::task::JoinHandle<()>,
}

impl ServerHandle {
    /// The bound port.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// Waits until the server stops (it only stops when the handle is dropped).
    pub async fn wait(&mut self) {
        let _ = (&mut self.task).await;
    }
}

impl Drop for ServerHandle {
    fn drop(&mut self) {
        let _ = self.shutdown.send(true);
        self.task.abort();
    }
}

/// Binds 127.0.0.1:`cfg.port` and serves in the background.
pub async fn start(cfg: Config) -> std::io::Result<ServerHandle> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", cfg.port)).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = watch::channel(false);
    let mut st = State { agent_enabled: cfg.scripted_agent, ..State::default() };
    st.licenses.insert(cfg.license, model::License::new(cfg.license, "dal"));
    for id in &cfg.dal_licenses {
        st.licenses.insert(*id, model::License::new(*id, "dal"));
    }
    for id in &cfg.fra_licenses {
        st.licenses.insert(*id, model::License::new(*id, "fra"));
    }
    let (events, script_events) = mpsc::unbounded_channel();
    let app: Shared = Arc::new(App { cfg, port: addr.port(), st: Mutex::new(st), shutdown: rx, events });
    tokio::spawn(script::run(app.clone(), script_events));
    let router = admin::router()
        .fallback(http::dispatch)
        .layer(axum::middleware::from_fn(http::host_guard))
        .with_state(app.clone());
    let mut stop = app.shutdown.clone();
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, router);
        tokio::select! {
            r = std::future::IntoFuture::into_future(serve) => { if let Err(e) = r { eprintln!("sandbox: server error: {e}"); } }
            _ = stop.changed() => {}
        }
    });
    Ok(ServerHandle { addr, app, shutdown: tx, task })
}
