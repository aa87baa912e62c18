//! Bounded load test (run on demand, not in CI): N concurrent customers on loopback
//! get a token, connect, log in, stay connected together and ping a few times.
//!
//! ```sh
//! cargo run -p livechat-sandbox --release --example loadtest -- 500
//! cargo run -p livechat-sandbox --release --example loadtest -- 500 8787   # against a running sandbox
//! ```
//! Without a port it starts its own sandbox in-process (scripted agent off) on a free
//! 127.0.0.1 port. It never connects anywhere but 127.0.0.1.

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::Barrier;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;

const LICENSE: u64 = 1520;
const PINGS: usize = 3;

async fn token(port: u16) -> Result<String, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.map_err(|e| e.to_string())?;
    let body = json!({ "grant_type": "cookie", "client_id": "load", "license_id": LICENSE, "response_type": "token", "redirect_uri": "x" }).to_string();
    let req = format!(
        "POST /v2/customer/token HTTP/1.1\r\nHost: accounts.localhost:{port}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).await.map_err(|e| e.to_string())?;
    let mut buf = vec![];
    s.read_to_end(&mut buf).await.map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&buf);
    let json_part = text.split("\r\n\r\n").nth(1).ok_or("no body")?;
    let v: Value = serde_json::from_str(json_part).map_err(|e| e.to_string())?;
    v["access_token"].as_str().map(str::to_string).ok_or_else(|| "no token".into())
}

struct Outcome {
    login_ms: f64,
    ping_ms: Vec<f64>,
}

async fn customer(port: u16, barrier: Arc<Barrier>) -> Result<Outcome, String> {
    let t0 = Instant::now();
    let tok = token(port).await;
    let connected = async {
        let tok = tok?;
        let mut req = format!("ws://127.0.0.1:{port}/v3.2/customer/rtm/ws?license_id={LICENSE}")
            .into_client_request()
            .map_err(|e| e.to_string())?;
        req.headers_mut().insert("host", format!("api.localhost:{port}").parse().map_err(|_| "host")?);
        let tcp = TcpStream::connect(("127.0.0.1", port)).await.map_err(|e| e.to_string())?;
        let (mut ws, _) = tokio_tungstenite::client_async(req, tcp).await.map_err(|e| e.to_string())?;
        ws.send(Message::Text(
            json!({ "request_id": "login", "action": "login", "payload": { "token": tok } }).to_string().into(),
        ))
        .await
        .map_err(|e| e.to_string())?;
        wait_for(&mut ws, "login").await?;
        Ok::<_, String>(ws)
    }
    .await;
    let login_ms = t0.elapsed().as_secs_f64() * 1000.0;
    // Everyone waits here so that all connections are open at the same time.
    barrier.wait().await;
    let mut ws = connected?;
    let mut ping_ms = vec![];
    for i in 0..PINGS {
        let t = Instant::now();
        let rid = format!("ping{i}");
        ws.send(Message::Text(json!({ "request_id": rid, "action": "ping", "payload": {} }).to_string().into()))
            .await
            .map_err(|e| e.to_string())?;
        wait_for(&mut ws, &rid).await?;
        ping_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = ws.close(None).await;
    Ok(Outcome { login_ms, ping_ms })
}

async fn wait_for<S>(ws: &mut S, rid: &str) -> Result<(), String>
where
    S: StreamExt<Item = Result<Message, tokio_tungstenite::tungstenite::Error>> + Unpin,
{
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, ws.next()).await {
            Err(_) => return Err(format!("timeout waiting for {rid}")),
            Ok(None) => return Err("closed".into()),
            Ok(Some(Err(e))) => return Err(e.to_string()),
            Ok(Some(Ok(Message::Text(t)))) => {
                let v: Value = serde_json::from_str(t.as_str()).map_err(|e| e.to_string())?;
                if v["request_id"] == rid {
                    return if v["success"] == json!(true) { Ok(()) } else { Err(v.to_string()) };
                }
                if v["action"] == "customer_disconnected" {
                    return Err(v.to_string());
                }
            }
            Ok(Some(Ok(_))) => {}
        }
    }
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(500).min(5000);
    let port_arg: Option<u16> = args.next().and_then(|a| a.parse().ok());
    let _server;
    let port = match port_arg {
        Some(p) => p,
        None => {
            let cfg =
                livechat_sandbox::Config { port: 0, scripted_agent: false, ..livechat_sandbox::Config::default() };
            let s = livechat_sandbox::start(cfg).await.expect("start sandbox");
            let p = s.port();
            _server = s;
            p
        }
    };
    println!("loadtest: {n} customers against 127.0.0.1:{port} (token, connect, login, {PINGS} pings each, all connected at once)");
    let barrier = Arc::new(Barrier::new(n));
    let started = Instant::now();
    let tasks: Vec<_> = (0..n).map(|_| tokio::spawn(customer(port, barrier.clone()))).collect();
    let mut ok = 0;
    let mut failed = 0;
    let mut logins = vec![];
    let mut pings = vec![];
    let mut errors = std::collections::BTreeMap::<String, usize>::new();
    for t in tasks {
        match t.await {
            Ok(Ok(o)) => {
                ok += 1;
                logins.push(o.login_ms);
                pings.extend(o.ping_ms);
            }
            Ok(Err(e)) => {
                failed += 1;
                *errors.entry(e.chars().take(80).collect()).or_default() += 1;
            }
            Err(e) => {
                failed += 1;
                *errors.entry(e.to_string()).or_default() += 1;
            }
        }
    }
    logins.sort_by(f64::total_cmp);
    pings.sort_by(f64::total_cmp);
    println!("connected and logged in: {ok}, failed: {failed}, wall time {:.2} s", started.elapsed().as_secs_f64());
    println!(
        "token+connect+login ms: p50 {:.1}  p95 {:.1}  p99 {:.1}  max {:.1}",
        pct(&logins, 0.5),
        pct(&logins, 0.95),
        pct(&logins, 0.99),
        logins.last().copied().unwrap_or(0.0)
    );
    println!(
        "ping round trip ms ({} pings): p50 {:.2}  p95 {:.2}  p99 {:.2}  max {:.2}",
        pings.len(),
        pct(&pings, 0.5),
        pct(&pings, 0.95),
        pct(&pings, 0.99),
        pings.last().copied().unwrap_or(0.0)
    );
    for (e, n) in errors {
        println!("  error x{n}: {e}");
    }
    if failed > 0 {
        std::process::exit(1);
    }
}
