//! A browser WebSocket whose listener closures are owned by the value and
//! detached on drop (as gloo-net's websocket does), so nothing leaks or fires
//! after a reconnect replaced the socket.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, MessageEvent, WebSocket};

use super::listeners::Listeners;

/// What the socket reports.
#[derive(Debug, Clone, PartialEq)]
pub enum SocketEvent {
    /// The connection opened.
    Opened,
    /// A text frame arrived.
    Message(String),
    /// A binary frame arrived (not part of the protocol; logged and ignored).
    Binary,
    /// The connection closed (after an error too).
    Closed {
        /// Close code, 1006 for an abnormal close.
        code: u16,
        /// Close reason, often empty.
        reason: String,
    },
}

/// An open (or opening) WebSocket. Dropping it closes the connection and
/// detaches every listener.
pub struct Socket {
    ws: WebSocket,
    listeners: Listeners,
}

impl Socket {
    /// Opens `url`; every event goes to `on_event`. An `error` event is always
    /// followed by `close`, which carries the code: it needs no listener.
    pub fn connect(url: &str, on_event: Rc<dyn Fn(SocketEvent)>) -> Result<Socket, String> {
        let ws = WebSocket::new(url).map_err(|e| format!("cannot open {url}: {e:?}"))?;
        let mut listeners = Listeners::default();
        let cb = on_event.clone();
        listeners.add(&ws, "open", move |_| cb(SocketEvent::Opened));
        let cb = on_event.clone();
        listeners.add(&ws, "message", move |e| match e.unchecked_into::<MessageEvent>().data().as_string() {
            Some(text) => {
                crate::perf::frame_arrived();
                cb(SocketEvent::Message(text))
            }
            None => cb(SocketEvent::Binary),
        });
        listeners.add(&ws, "close", move |e| {
            let e = e.unchecked_into::<CloseEvent>();
            on_event(SocketEvent::Closed { code: e.code(), reason: e.reason() })
        });
        Ok(Socket { ws, listeners })
    }

    /// Sends a text frame.
    pub fn send(&self, text: &str) -> Result<(), String> {
        self.ws.send_with_str(text).map_err(|e| format!("send failed: {e:?}"))
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        // The listeners go first: nothing of this socket reports after the drop.
        drop(std::mem::take(&mut self.listeners));
        let _ = self.ws.close();
    }
}
