//! A browser WebSocket whose four listener closures are owned by the value and
//! detached on drop (as gloo-net's websocket does), so nothing leaks or fires
//! after a reconnect replaced the socket.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CloseEvent, Event, MessageEvent, WebSocket};

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
    _on_open: Closure<dyn FnMut(Event)>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_close: Closure<dyn FnMut(CloseEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Socket {
    /// Opens `url`; every event goes to `on_event`.
    pub fn connect(url: &str, on_event: Rc<dyn Fn(SocketEvent)>) -> Result<Socket, String> {
        let ws = WebSocket::new(url).map_err(|e| format!("cannot open {url}: {e:?}"))?;
        let cb = on_event.clone();
        let on_open = Closure::<dyn FnMut(Event)>::new(move |_| cb(SocketEvent::Opened));
        let cb = on_event.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| match e.data().as_string() {
            Some(text) => {
                super::perf::frame_arrived();
                cb(SocketEvent::Message(text))
            }
            None => cb(SocketEvent::Binary),
        });
        let cb = on_event;
        let on_close = Closure::<dyn FnMut(CloseEvent)>::new(move |e: CloseEvent| {
            cb(SocketEvent::Closed { code: e.code(), reason: e.reason() })
        });
        // `error` is always followed by `close`, which carries the code.
        let on_error = Closure::<dyn FnMut(Event)>::new(|_| {});
        ws.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        ws.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        ws.set_onclose(Some(on_close.as_ref().unchecked_ref()));
        ws.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Socket { ws, _on_open: on_open, _on_message: on_message, _on_close: on_close, _on_error: on_error })
    }

    /// Sends a text frame.
    pub fn send(&self, text: &str) -> Result<(), String> {
        self.ws.send_with_str(text).map_err(|e| format!("send failed: {e:?}"))
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        self.ws.set_onopen(None);
        self.ws.set_onmessage(None);
        self.ws.set_onclose(None);
        self.ws.set_onerror(None);
        let _ = self.ws.close();
    }
}
