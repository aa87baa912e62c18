//! `upload_file` of the Customer Chat Web API (as LiveChat's customer-sdk 2.0.4 calls it:
//! multipart `file`, `Authorization: Bearer`, `license_id` in the query, on the region
//! host), the cdn serving what was uploaded, and the `file` events pointing there
//! (spec "Events > File").

mod common;

use common::{admin_state, http, token, Client, LICENSE};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const PATH: &str = "/v3.2/customer/action/upload_file";

struct Answer {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

fn multipart(name: &str, filename: &str, content_type: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "----sandboxtest7MA4YWxk";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn raw(port: u16, method: &str, host: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
    let mut s = TcpStream::connect(("127.0.0.1", port)).await.expect("connect");
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).await.expect("write head");
    // The server may answer (413) before reading everything.
    let _ = s.write_all(body).await;
    let mut buf = vec![];
    tokio::time::timeout(Duration::from_secs(20), s.read_to_end(&mut buf)).await.expect("timeout").ok();
    let split = buf.windows(4).position(|w| w == b"\r\n\r\n").expect("a response head");
    let head = String::from_utf8_lossy(&buf[..split]).to_string();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut body = buf[split + 4..].to_vec();
    if head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    Answer { status, head, body }
}

fn dechunk(mut s: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    while let Some(i) = s.windows(2).position(|w| w == b"\r\n") {
        let n = usize::from_str_radix(String::from_utf8_lossy(&s[..i]).trim(), 16).unwrap_or(0);
        if n == 0 || s.len() < i + 2 + n {
            break;
        }
        out.extend_from_slice(&s[i + 2..i + 2 + n]);
        s = &s[(i + 4 + n).min(s.len())..];
    }
    out
}

async fn upload(port: u16, host: &str, license: u64, auth: Option<&str>, form: (String, Vec<u8>)) -> Answer {
    let (content_type, body) = form;
    let mut headers = vec![("Content-Type", content_type.as_str()), ("Origin", "http://widget.localhost")];
    let bearer = auth.map(|t| format!("Bearer {t}"));
    if let Some(b) = &bearer {
        headers.push(("Authorization", b.as_str()));
    }
    raw(port, "POST", host, &format!("{PATH}?license_id={license}"), &headers, &body).await
}

fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&[0, 0, 0, 40, 0, 0, 0, 30]);
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

fn assert_error(a: &Answer, status: u16, kind: &str) {
    assert_eq!(a.status, status, "{}", String::from_utf8_lossy(&a.body));
    assert_eq!(a.json()["error"]["type"], json!(kind), "{}", String::from_utf8_lossy(&a.body));
    assert!(a.json()["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
}

#[tokio::test]
async fn an_uploaded_image_is_served_by_the_cdn_and_its_file_event_is_described() {
    let s = common::start_quiet().await;
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    let (tok, _, _) = token(p, LICENSE, None).await;
    let a = upload(p, "api.localhost", LICENSE, Some(&tok), multipart("file", "shelf photo.png", "image/png", &png()))
        .await;
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    assert!(a.head.to_ascii_lowercase().contains("access-control-allow-origin: http://widget.localhost"));
    let url = a.json()["url"].as_str().expect("url").to_string();
    assert!(url.starts_with(&format!("http://cdn.localhost:{p}/uploads/")), "{url}");
    assert!(url.ends_with("/shelf_photo.png"), "{url}");

    let path = url.split_once(&format!(":{p}")).unwrap().1;
    let served = raw(p, "GET", "cdn.localhost", path, &[], &[]).await;
    assert_eq!(served.status, 200);
    assert_eq!(served.body, png());
    let head = served.head.to_ascii_lowercase();
    assert!(head.contains("content-type: image/png") && head.contains("x-content-type-options: nosniff"));

    let (chat_id, _) = c
        .start_chat(json!({ "chat": { "thread": { "events": [{ "type": "file", "url": url, "custom_id": "f1" }] } } }))
        .await;
    let r = c.request("get_chat", json!({ "chat_id": chat_id })).await;
    let ev = &r["payload"]["thread"]["events"][0];
    assert_eq!(ev["type"], json!("file"));
    assert_eq!(ev["url"], json!(url));
    assert_eq!(ev["name"], json!("shelf_photo.png"));
    assert_eq!(ev["content_type"], json!("image/png"));
    assert_eq!(
        (ev["size"].clone(), ev["width"].clone(), ev["height"].clone()),
        (json!(png().len()), json!(40), json!(30))
    );
    assert_eq!(ev["thumbnail_url"], json!(url));

    let pdf = upload(
        p,
        "api.localhost",
        LICENSE,
        Some(&tok),
        multipart("file", "invoice.pdf", "application/pdf", b"%PDF-1.4"),
    )
    .await;
    let pdf_url = pdf.json()["url"].as_str().unwrap().to_string();
    let r = c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "file", "url": pdf_url } })).await;
    assert_eq!(r["success"], json!(true), "{r}");
    let pushed = c.push("incoming_event").await;
    let ev = &pushed["payload"]["event"];
    assert_eq!((ev["name"].clone(), ev["content_type"].clone()), (json!("invoice.pdf"), json!("application/pdf")));
    assert!(ev.get("width").is_none() && ev.get("size").is_none(), "size and dimensions only for images: {ev}");

    let st = admin_state(p).await;
    let names: Vec<_> =
        st["uploads"].as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap().to_owned()).collect();
    assert_eq!(names, ["shelf_photo.png", "invoice.pdf"]);
    let chat = st["chats"].as_array().unwrap().iter().find(|ch| ch["id"] == json!(chat_id)).unwrap().clone();
    let urls: Vec<_> =
        chat["threads"][0]["events"].as_array().unwrap().iter().filter_map(|e| e["url"].as_str()).collect();
    assert_eq!(urls, [url.as_str(), pdf_url.as_str()], "the console sees the customer's files");
}

#[tokio::test]
async fn a_file_over_ten_megabytes_is_refused_with_413() {
    let s = common::start_quiet().await;
    let p = s.port();
    let (tok, _, _) = token(p, LICENSE, None).await;
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let a =
        upload(p, "api.localhost", LICENSE, Some(&tok), multipart("file", "big.pdf", "application/pdf", &big)).await;
    assert_error(&a, 413, "validation");
    let exact = vec![b'a'; 10 * 1024 * 1024];
    let a =
        upload(p, "api.localhost", LICENSE, Some(&tok), multipart("file", "max.pdf", "application/pdf", &exact)).await;
    assert_eq!(a.status, 200, "exactly 10 MB is accepted");
}

#[tokio::test]
async fn a_missing_wrong_or_foreign_token_is_an_authentication_error() {
    let s = common::start_quiet().await;
    let p = s.port();
    let form = || multipart("file", "a.pdf", "application/pdf", b"%PDF");
    assert_error(&upload(p, "api.localhost", LICENSE, None, form()).await, 401, "authentication");
    assert_error(&upload(p, "api.localhost", LICENSE, Some("dal:not-a-token"), form()).await, 401, "authentication");
    let (fra, _, _) = token(p, common::FRA_LICENSE, None).await;
    assert_error(&upload(p, "api.localhost", LICENSE, Some(&fra), form()).await, 401, "authentication");
    let a = upload(p, "api.localhost", common::FRA_LICENSE, Some(&fra), form()).await;
    assert_error(&a, 421, "misdirected_request");
    assert_eq!(a.json()["error"]["data"]["region"], json!("fra"));
    assert_eq!(upload(p, "api-fra.localhost", common::FRA_LICENSE, Some(&fra), form()).await.status, 200);
}

#[tokio::test]
async fn a_request_without_a_file_an_empty_file_or_a_refused_type_is_a_validation_error() {
    let s = common::start_quiet().await;
    let p = s.port();
    let (tok, _, _) = token(p, LICENSE, None).await;
    let other_field = multipart("attachment", "a.pdf", "application/pdf", b"%PDF");
    assert_error(&upload(p, "api.localhost", LICENSE, Some(&tok), other_field).await, 400, "validation");
    let not_multipart = ("application/json".to_string(), b"{}".to_vec());
    assert_error(&upload(p, "api.localhost", LICENSE, Some(&tok), not_multipart).await, 400, "validation");
    let empty = multipart("file", "a.pdf", "application/pdf", b"");
    assert_error(&upload(p, "api.localhost", LICENSE, Some(&tok), empty).await, 400, "validation");
    let exe = multipart("file", "setup.exe", "application/x-msdownload", b"MZ");
    assert_error(&upload(p, "api.localhost", LICENSE, Some(&tok), exe).await, 415, "validation");
    let no_license = raw(p, "POST", "api.localhost", PATH, &[("Authorization", &format!("Bearer {tok}"))], b"").await;
    assert_error(&no_license, 400, "validation");
    assert!(admin_state(p).await["uploads"].as_array().unwrap().is_empty(), "nothing was stored");
}

#[tokio::test]
async fn the_preflight_allows_the_authorization_header() {
    let s = common::start_quiet().await;
    let p = s.port();
    let r = http(
        p,
        "OPTIONS",
        "api.localhost",
        &format!("{PATH}?license_id={LICENSE}"),
        None,
        &[("Origin", "http://widget.localhost"), ("Access-Control-Request-Method", "POST")],
    )
    .await;
    assert_eq!(r.status, 204);
    assert_eq!(r.header("access-control-allow-origin"), Some("http://widget.localhost"));
    assert!(r.header("access-control-allow-headers").is_some_and(|h| h.contains("authorization")));
}
