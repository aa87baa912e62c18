//! Test helpers: an in-process sandbox on a free 127.0.0.1 port, a tiny HTTP client for
//! the token endpoint and the admin API, and a WebSocket customer client.
#![allow(dead_code)]

use futures_util::{SinkExt, StreamExt};
use livechat_sandbox::{Config, ServerHandle};
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

/// The demo license (dal).
pub const LICENSE: u64 = 1520;
/// A license living in fra in the test configuration.
pub const FRA_LICENSE: u64 = 2000;

/// Starts a sandbox with the test configuration, optionally adjusted.
pub async fn start_with(f: impl FnOnce(&mut Config)) -> ServerHandle {
    let mut cfg = Config::for_tests();
    f(&mut cfg);
    livechat_sandbox::start(cfg).await.expect("start sandbox")
}

/// Starts a sandbox with the test configuration and the scripted agent off.
pub async fn start_quiet() -> ServerHandle {
    start_with(|c| c.scripted_agent = false).await
}

/// A raw HTTP/1.1 response.
#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or(Value::Null)
    }
}

/// Sends one HTTP request to 127.0.0.1:port with the given Host and extra headers.
pub async fn http(
    port: u16,
    method: &str,
    host: &str,
    path: &str,
    body: Option<&str>,
    extra: &[(&str, &str)],
) -> HttpResponse {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
    let body = body.unwrap_or("");
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    if !body.is_empty() {
        req.push_str("Content-Type: application/json\r\n");
    }
    for (k, v) in extra {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    s.write_all(req.as_bytes()).await.expect("write");
    let mut buf = vec![];
    tokio::time::timeout(Duration::from_secs(10), s.read_to_end(&mut buf)).await.expect("http timeout").expect("read");
    let text = String::from_utf8_lossy(&buf).to_string();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).unwrap_or(0);
    let headers: Vec<(String, String)> =
        lines.filter_map(|l| l.split_once(':')).map(|(k, v)| (k.trim().to_string(), v.trim().to_string())).collect();
    let chunked = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked { dechunk(rest) } else { rest.to_string() };
    HttpResponse { status, headers, body }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// Calls an admin endpoint and returns its JSON.
pub async fn admin(port: u16, path: &str, body: Value) -> Value {
    let r = http(port, "POST", "127.0.0.1", &format!("/admin/{path}"), Some(&body.to_string()), &[]).await;
    let v = r.json();
    assert_eq!(v["ok"], json!(true), "admin {path} failed: {}", r.body);
    v
}

/// The admin state.
pub async fn admin_state(port: u16) -> Value {
    http(port, "GET", "127.0.0.1", "/admin/state", None, &[]).await.json()
}

/// Gets a token: (access_token, customer id, cookie header value).
pub async fn token(port: u16, license: u64, cookie: Option<&str>) -> (String, String, Option<String>) {
    let body = json!({ "grant_type": "cookie", "client_id": "test", "license_id": license, "response_type": "token", "redirect_uri": "http://widget.localhost" }).to_string();
    let mut extra = vec![("Origin", "http://widget.localhost")];
    if let Some(c) = cookie {
        extra.push(("Cookie", c));
    }
    let r = http(port, "POST", "accounts.localhost", "/v2/customer/token", Some(&body), &extra).await;
    assert_eq!(r.status, 200, "token: {}", r.body);
    let v = r.json();
    let set = r.header("set-cookie").map(|c| c.split(';').next().unwrap_or("").to_string());
    (v["access_token"].as_str().unwrap().to_string(), v["entity_id"].as_str().unwrap().to_string(), set)
}

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// A customer connection.
pub struct Client {
    pub ws: Ws,
    pub buffer: VecDeque<Value>,
    next_id: u64,
    pub customer_id: String,
}

/// How long a test waits for any one frame.
pub const WAIT: Duration = Duration::from_secs(5);

impl Client {
    /// Connects to the RTM endpoint through `host` (api.localhost or api-fra.localhost).
    pub async fn connect_host(port: u16, host: &str, query: &str) -> Client {
        let url = format!("ws://127.0.0.1:{port}/v3.2/customer/rtm/ws{query}");
        let mut req = url.into_client_request().expect("request");
        req.headers_mut().insert("host", HeaderValue::from_str(&format!("{host}:{port}")).expect("host"));
        let tcp = TcpStream::connect(("127.0.0.1", port)).await.expect("tcp");
        let (ws, _) = tokio_tungstenite::client_async(req, MaybeTlsStream::Plain(tcp)).await.expect("ws handshake");
        Client { ws, buffer: VecDeque::new(), next_id: 0, customer_id: String::new() }
    }

    /// Wraps an already connected socket.
    pub fn from_ws(ws: Ws) -> Client {
        Client { ws, buffer: VecDeque::new(), next_id: 0, customer_id: String::new() }
    }

    /// Connects to dal with a license.
    pub async fn connect(port: u16, license: u64) -> Client {
        Self::connect_host(port, "api.localhost", &format!("?license_id={license}")).await
    }

    /// Gets a token and logs in; returns the login response payload.
    pub async fn logged_in(port: u16) -> (Client, Value) {
        let (tok, cid, _) = token(port, LICENSE, None).await;
        let mut c = Client::connect(port, LICENSE).await;
        let r = c.request("login", json!({ "token": format!("Bearer {tok}") })).await;
        assert_eq!(r["success"], json!(true), "login: {r}");
        c.customer_id = cid;
        (c, r["payload"].clone())
    }

    pub async fn send_raw(&mut self, m: Message) {
        self.ws.send(m).await.expect("send");
    }

    pub async fn send(&mut self, v: Value) {
        self.send_raw(Message::Text(v.to_string().into())).await;
    }

    /// Next JSON frame from the socket (not the buffer); `None` when closed.
    pub async fn next_frame(&mut self, wait: Duration) -> Option<Value> {
        loop {
            match tokio::time::timeout(wait, self.ws.next()).await {
                Err(_) => panic!("no frame within {wait:?}; buffered: {:?}", self.buffer),
                Ok(None) | Ok(Some(Err(_))) => return None,
                Ok(Some(Ok(Message::Text(t)))) => {
                    return Some(serde_json::from_str(t.as_str()).expect("server sent JSON"))
                }
                Ok(Some(Ok(Message::Close(_)))) => return None,
                Ok(Some(Ok(_))) => continue,
            }
        }
    }

    /// Sends a request with a fresh request_id and waits for its response, buffering
    /// pushes that arrive meanwhile.
    pub async fn request(&mut self, action: &str, payload: Value) -> Value {
        self.next_id += 1;
        let rid = format!("r{}", self.next_id);
        self.send(json!({ "request_id": rid, "action": action, "payload": payload })).await;
        self.response(&rid).await
    }

    /// Waits for the response with this request id.
    pub async fn response(&mut self, rid: &str) -> Value {
        if let Some(pos) = self.buffer.iter().position(|f| f["type"] == "response" && f["request_id"] == rid) {
            return self.buffer.remove(pos).unwrap_or_default();
        }
        loop {
            let f = self
                .next_frame(WAIT)
                .await
                .unwrap_or_else(|| panic!("closed while waiting for {rid}; buffered {:?}", self.buffer));
            if f["type"] == "response" && f["request_id"] == rid {
                return f;
            }
            self.buffer.push_back(f);
        }
    }

    /// Waits for a push with this action (taking it from the buffer first).
    pub async fn push(&mut self, action: &str) -> Value {
        self.push_within(action, WAIT).await
    }

    pub async fn push_within(&mut self, action: &str, wait: Duration) -> Value {
        if let Some(pos) = self.buffer.iter().position(|f| f["type"] == "push" && f["action"] == action) {
            return self.buffer.remove(pos).unwrap_or_default();
        }
        loop {
            let f = self
                .next_frame(wait)
                .await
                .unwrap_or_else(|| panic!("closed while waiting for push {action}; buffered {:?}", self.buffer));
            if f["type"] == "push" && f["action"] == action {
                return f;
            }
            self.buffer.push_back(f);
        }
    }

    /// Waits for customer_disconnected and then the close; returns its payload.
    pub async fn disconnected(&mut self) -> Value {
        let p = self.push("customer_disconnected").await;
        let mut closed = false;
        for _ in 0..20 {
            match tokio::time::timeout(WAIT, self.ws.next()).await {
                Ok(None) | Ok(Some(Err(_))) | Ok(Some(Ok(Message::Close(_)))) => {
                    closed = true;
                    break;
                }
                Ok(Some(Ok(_))) => continue,
                Err(_) => break,
            }
        }
        assert!(closed, "socket not closed after customer_disconnected");
        p["payload"].clone()
    }

    /// Starts a chat; returns (chat_id, thread_id).
    pub async fn start_chat(&mut self, payload: Value) -> (String, String) {
        let r = self.request("start_chat", payload).await;
        assert_eq!(r["success"], json!(true), "start_chat: {r}");
        (r["payload"]["chat_id"].as_str().unwrap().into(), r["payload"]["thread_id"].as_str().unwrap().into())
    }
}

/// Asserts a failed response with the given error type.
pub fn assert_error(r: &Value, kind: &str) {
    assert_eq!(r["type"], "response", "{r}");
    assert_eq!(r["success"], json!(false), "{r}");
    assert_eq!(r["payload"]["error"]["type"], kind, "{r}");
    assert!(r["payload"]["error"]["message"].is_string(), "{r}");
}
