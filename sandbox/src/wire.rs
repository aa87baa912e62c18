//! How RTM frames travel on one WebSocket: as they are (`/rtm/ws`), or inside SockJS's
//! WebSocket framing (`/rtm/sjs/<server>/<session>/websocket`, the transport LiveChat's own
//! customer-sdk uses). SockJS frames: the server opens with `o`, sends messages as
//! `a["<frame>", ...]` (a JSON array of strings), heartbeats as `h` and closes with
//! `c[<code>,"<reason>"]`; the client sends `["<frame>", ...]` (or one JSON string).

use axum::extract::ws::{CloseFrame, Message, WebSocket};
use std::collections::VecDeque;

/// The framing of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    /// One RTM frame per WebSocket text message.
    Raw,
    /// SockJS's WebSocket transport.
    SockJs,
}

/// What the peer sent, unwrapped from the framing.
#[derive(Debug)]
pub enum Incoming {
    /// One RTM frame (text).
    Text(String),
    /// A binary WebSocket message.
    Binary,
    /// A WebSocket ping control frame.
    Ping,
    /// Something to ignore (a pong, an empty SockJS batch).
    Nothing,
    /// The peer closed or the socket went away.
    Closed,
    /// A read error (an oversized or broken frame).
    Error(String),
}

/// One WebSocket with its framing.
pub struct Wire {
    ws: WebSocket,
    framing: Framing,
    inbox: VecDeque<String>,
}

impl Wire {
    /// Wraps an upgraded socket; SockJS sends its open frame `o` first.
    pub async fn open(mut ws: WebSocket, framing: Framing) -> Self {
        if framing == Framing::SockJs {
            let _ = ws.send(Message::Text("o".into())).await;
        }
        Wire { ws, framing, inbox: VecDeque::new() }
    }

    /// The framing.
    pub fn framing(&self) -> Framing {
        self.framing
    }

    /// Sends one RTM frame.
    pub async fn send_text(&mut self, frame: String) -> Result<(), axum::Error> {
        let text = match self.framing {
            Framing::Raw => frame,
            Framing::SockJs => format!("a{}", serde_json::Value::Array(vec![frame.into()])),
        };
        self.ws.send(Message::Text(text.into())).await
    }

    /// SockJS's heartbeat frame `h` (nothing on a raw socket).
    pub async fn heartbeat(&mut self) -> Result<(), axum::Error> {
        match self.framing {
            Framing::Raw => Ok(()),
            Framing::SockJs => self.ws.send(Message::Text("h".into())).await,
        }
    }

    /// Closes with `code` and `reason` (SockJS: its `c[code,"reason"]` frame first).
    pub async fn close(&mut self, code: u16, reason: &str) -> Result<(), axum::Error> {
        if self.framing == Framing::SockJs {
            let c = serde_json::json!([code, reason]);
            self.ws.send(Message::Text(format!("c{c}").into())).await?;
        }
        self.ws.send(Message::Close(Some(CloseFrame { code, reason: reason.to_string().into() }))).await
    }

    /// The next thing the peer sent.
    pub async fn recv(&mut self) -> Incoming {
        if let Some(t) = self.inbox.pop_front() {
            return Incoming::Text(t);
        }
        let msg = match self.ws.recv().await {
            None => return Incoming::Closed,
            Some(Err(e)) => return Incoming::Error(e.to_string()),
            Some(Ok(m)) => m,
        };
        match msg {
            Message::Text(t) if self.framing == Framing::Raw => Incoming::Text(t.to_string()),
            Message::Text(t) => match unwrap_sockjs(t.as_str()) {
                Some(frames) => {
                    self.inbox.extend(frames);
                    self.inbox.pop_front().map_or(Incoming::Nothing, Incoming::Text)
                }
                // Not SockJS framing: handed on as is, so it is answered like a bad frame.
                None => Incoming::Text(t.to_string()),
            },
            Message::Binary(_) => Incoming::Binary,
            Message::Ping(_) => Incoming::Ping,
            Message::Pong(_) => Incoming::Nothing,
            Message::Close(_) => Incoming::Closed,
        }
    }
}

/// The messages of a SockJS client frame: `["a", "b"]` or `"a"`; `None` if it is neither.
pub fn unwrap_sockjs(text: &str) -> Option<Vec<String>> {
    match serde_json::from_str::<serde_json::Value>(text).ok()? {
        serde_json::Value::String(s) => Some(vec![s]),
        serde_json::Value::Array(items) => {
            items.into_iter().map(|v| v.as_str().map(str::to_string)).collect::<Option<Vec<_>>>()
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sockjs_client_frames() {
        assert_eq!(
            unwrap_sockjs(r#"["{\"action\":\"ping\"}","x"]"#),
            Some(vec![r#"{"action":"ping"}"#.into(), "x".into()])
        );
        assert_eq!(unwrap_sockjs(r#""one""#), Some(vec!["one".into()]));
        assert_eq!(unwrap_sockjs("[]"), Some(vec![]));
        assert_eq!(unwrap_sockjs(r#"{"action":"ping"}"#), None);
        assert_eq!(unwrap_sockjs("[1]"), None);
        assert_eq!(unwrap_sockjs("nope"), None);
    }
}
