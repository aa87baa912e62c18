//! The sandbox is as strict as the v3.2 reference (issue 18 item 7): events echoed from
//! their documented fields only (spec "Events" request tables), filled forms per field type
//! ("Filled form fields"), `Bearer ` tokens ("Login" sample), file URLs on the CDN ("File"),
//! postbacks against the rich message's buttons, every error of the "Errors" table in its
//! documented shape, warnings for what the reference is silent on, the three agent pushes
//! the console can send, and the SockJS transport LiveChat's customer-sdk uses (item 8).

mod common;
use common::*;
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

fn warnings(state: &Value) -> Vec<String> {
    state["warnings"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|w| w["message"].as_str().unwrap_or("").to_string())
        .collect()
}

async fn chat(port: u16) -> (Client, String, String) {
    let (mut c, _) = Client::logged_in(port).await;
    let (chat_id, thread_id) = c.start_chat(json!({})).await;
    (c, chat_id, thread_id)
}

#[tokio::test]
async fn events_are_echoed_from_their_documented_fields_only() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, chat_id, _) = chat(p).await;
    assert!(warnings(&admin_state(p).await).is_empty());
    let ev = json!({
        "type": "message", "text": "hi", "custom_id": "c1", "colour": "red", "author_id": "me",
        "postback": null,
    });
    let r = c.request("send_event", json!({ "chat_id": chat_id, "event": ev })).await;
    assert_eq!(r["success"], json!(true), "{r}");
    let pushed = c.push("incoming_event").await["payload"]["event"].clone();
    assert!(pushed.get("colour").is_none(), "{pushed}");
    assert_ne!(pushed["author_id"], "me");
    assert_eq!(pushed["text"], "hi");
    let w = warnings(&admin_state(p).await);
    assert!(w.iter().any(|m| m.contains("`event.colour`")), "{w:?}");
    assert!(w.iter().any(|m| m.contains("`event.author_id`")), "{w:?}");
    // Nested: a form field's extra key is left out too.
    let form = json!({ "type": "filled_form", "form_id": "f", "fields": [
        { "type": "name", "id": "1", "label": "Name", "answer": "A", "required": true }
    ] });
    let r = c.request("send_event", json!({ "chat_id": chat_id, "event": form })).await;
    assert_eq!(r["success"], json!(true), "{r}");
    let pushed = c.push("incoming_event").await["payload"]["event"].clone();
    assert_eq!(pushed["fields"], json!([{ "type": "name", "id": "1", "label": "Name", "answer": "A" }]));
    assert!(warnings(&admin_state(p).await).iter().any(|m| m.contains("`event.fields[0].required`")));
}

#[tokio::test]
async fn undocumented_request_parameters_are_accepted_with_a_warning() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    let r = c.request("get_customer", json!({ "verbose": true })).await;
    assert_eq!(r["success"], json!(true), "{r}");
    let state = admin_state(p).await;
    let w = &state["warnings"][0];
    assert_eq!(w["action"], "get_customer");
    assert_eq!(w["customer_id"], c.customer_id.as_str());
    assert!(w["message"].as_str().unwrap().contains("`verbose`"), "{w}");
    // And in the activity log.
    assert!(state["log"].as_array().unwrap().iter().any(|l| l["kind"] == "warning"));
    // Documented nested parameters are fine; undocumented ones are named by path.
    let r =
        c.request("start_chat", json!({ "chat": { "thread": { "events": [], "mood": 1 } }, "continuous": true })).await;
    assert_eq!(r["success"], json!(true), "{r}");
    assert!(warnings(&admin_state(p).await).iter().any(|m| m.contains("`chat.thread.mood`")));
}

#[tokio::test]
async fn filled_forms_are_validated_per_field_type() {
    let s = start_quiet().await;
    let (mut c, chat_id, _) = chat(s.port()).await;
    let send = |fields: Value| json!({ "chat_id": chat_id, "event": { "type": "filled_form", "form_id": "f", "fields": fields } });
    let good = json!([
        { "type": "name", "id": "1", "label": "Name", "answer": "Ann" },
        { "type": "subject", "id": "2", "label": "Subject", "answer": "Lamp" },
        { "type": "radio", "id": "3", "label": "Purpose", "answer": { "id": "0", "label": "Support" } },
        { "type": "select", "id": "4", "label": "Country", "answer": { "id": "1", "label": "PL" } },
        { "type": "checkbox", "id": "5", "label": "Industry", "answers": [{ "id": "0", "label": "it" }] },
        { "type": "group_chooser", "id": "6", "label": "Department", "answer": { "id": "2", "group_id": 1, "label": "Marketing" } },
    ]);
    let r = c.request("send_event", send(good.clone())).await;
    assert_eq!(r["success"], json!(true), "{r}");
    assert_eq!(c.push("incoming_event").await["payload"]["event"]["fields"], good);
    for (bad, why) in [
        (json!({ "type": "name", "id": "1", "label": "Name" }), "text field without answer"),
        (
            json!({ "type": "email", "id": "1", "label": "E", "answer": { "id": "0", "label": "x" } }),
            "text field with an option",
        ),
        (json!({ "type": "radio", "id": "1", "label": "R", "answer": "Support" }), "radio with a text answer"),
        (
            json!({ "type": "radio", "id": "1", "label": "R", "answer": { "id": 0, "label": "Support" } }),
            "numeric option id",
        ),
        (json!({ "type": "select", "id": "1", "label": "S", "answer": { "id": "0" } }), "option without label"),
        (
            json!({ "type": "checkbox", "id": "1", "label": "C", "answer": { "id": "0", "label": "it" } }),
            "checkbox without answers",
        ),
        (
            json!({ "type": "checkbox", "id": "1", "label": "C", "answers": [{ "id": 1, "label": "it" }] }),
            "numeric checkbox id",
        ),
        (
            json!({ "type": "group_chooser", "id": "1", "label": "G", "answer": { "id": "2", "label": "M" } }),
            "group_chooser without group_id",
        ),
        (
            json!({ "type": "group_chooser", "id": "1", "label": "G", "answer": { "id": "2", "group_id": "1", "label": "M" } }),
            "group_id as a string",
        ),
        (json!({ "type": "header", "id": "1", "label": "Welcome" }), "a decoration sent as a field"),
        (json!({ "type": "name", "label": "Name", "answer": "A" }), "no id"),
        (json!({ "type": "name", "id": "1", "answer": "A" }), "no label"),
    ] {
        let r = c.request("send_event", send(json!([bad]))).await;
        assert_eq!(r["payload"]["error"]["type"], "validation", "{why}: {r}");
    }
}

#[tokio::test]
async fn file_urls_must_point_to_the_cdn() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, chat_id, _) = chat(p).await;
    let send = |url: String| json!({ "chat_id": chat_id, "event": { "type": "file", "url": url } });
    let ok = c.request("send_event", send(format!("http://cdn.localhost:{p}/assets/photo.png"))).await;
    assert_eq!(ok["success"], json!(true), "{ok}");
    let ev = c.push("incoming_event").await["payload"]["event"].clone();
    assert_eq!((ev["name"].as_str(), ev["content_type"].as_str()), (Some("photo.png"), Some("image/png")));
    for url in [
        "https://example.com/x.png".to_string(),
        format!("http://cdn.localhost:{p}.evil.test/x.png"),
        format!("http://shop.localhost:{p}/x.png"),
        format!("http://cdn.localhost:{}/x.png", p.wrapping_add(1)),
        "javascript:alert(1)".into(),
    ] {
        assert_error(&c.request("send_event", send(url)).await, "validation");
    }
}

#[tokio::test]
async fn postbacks_are_checked_against_the_rich_messages_buttons() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, chat_id, thread_id) = chat(p).await;
    let ev = admin(p, "chats/rich", json!({ "chat_id": chat_id, "template": "cards" })).await["event"].clone();
    c.push("incoming_event").await;
    let eid = ev["id"].as_str().unwrap().to_string();
    let button = ev["elements"][0]["buttons"][0].clone();
    let pid = button["postback_id"].as_str().unwrap().to_string();
    let postback = |id: &str, event: &str| json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": event, "postback": { "id": id, "toggled": true } });
    assert_eq!(c.request("send_rich_message_postback", postback(&pid, &eid)).await["success"], json!(true));
    assert_error(&c.request("send_rich_message_postback", postback("no_such_button", &eid)).await, "validation");
    // A message carrying a postback names a real button, with its type and value.
    let msg = |pb: Value| json!({ "chat_id": chat_id, "event": { "type": "message", "text": "x", "postback": pb } });
    let mut pb = json!({ "id": pid, "thread_id": thread_id, "event_id": eid });
    if button.get("type").is_some() {
        pb["type"] = button["type"].clone();
        pb["value"] = button["value"].clone();
    }
    let r = c.request("send_event", msg(pb.clone())).await;
    assert_eq!(r["success"], json!(true), "{r}");
    let mut wrong = pb.clone();
    wrong["id"] = json!("no_such_button");
    assert_error(&c.request("send_event", msg(wrong)).await, "validation");
    let mut wrong = pb.clone();
    wrong["event_id"] = json!("nope");
    assert_error(&c.request("send_event", msg(wrong)).await, "not_found");
    let mut wrong = pb;
    wrong["type"] = json!("url");
    wrong["value"] = json!("https://elsewhere.example");
    assert_error(&c.request("send_event", msg(wrong)).await, "validation");
}

/// Every error type of spec "Errors", injected, arrives as `{"error": {type, message}}`
/// with the table's default message; `misdirected_request` with the sample's `data.region`.
#[tokio::test]
async fn every_documented_error_has_its_documented_shape() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    let table = [
        ("authentication", "Authentication error"),
        ("authorization", "Authorization error"),
        ("chat_inactive", "No active chat thread"),
        ("customer_banned", "Customer is banned"),
        ("greeting_not_found", "Greeting not found"),
        ("group_not_found", "Group not found"),
        ("group_offline", "Group is offline"),
        ("group_unavailable", "No agent available for group"),
        ("groups_offline", "Groups offline"),
        ("internal", "Internal server error"),
        ("license_expired", "License expired"),
        ("limit_reached", "Resource limit reached"),
        ("not_allowed", "Not allowed"),
        ("not_found", "Not found"),
        ("pending_requests_limit_reached", "Requests limit reached"),
        ("request_timeout", "Request timed out"),
        ("service_unavailable", "Not accepting new requests"),
        ("too_many_requests", "Too many requests"),
        ("unsupported_version", "Unsupported version"),
        ("users_limit_reached", "Users limit reached"),
        ("validation", "Wrong format of request"),
        ("wrong_product_version", "Wrong product version"),
        ("misdirected_request", "Wrong region"),
    ];
    for (kind, message) in table {
        admin(p, "faults/error", json!({ "type": kind, "action": "get_customer" })).await;
        let r = c.request("get_customer", json!({})).await;
        assert_eq!(
            (r["type"].as_str(), r["action"].as_str(), &r["success"]),
            (Some("response"), Some("get_customer"), &json!(false))
        );
        let mut want = json!({ "type": kind, "message": message });
        if kind == "misdirected_request" {
            want["data"] = json!({ "region": "fra" });
        }
        assert_eq!(r["payload"], json!({ "error": want }), "{kind}");
    }
}

#[tokio::test]
async fn the_console_pushes_event_updated_user_removed_from_chat_and_incoming_multicast() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, chat_id, thread_id) = chat(p).await;
    admin(p, "chats/queue", json!({ "chat_id": chat_id, "position": 0 })).await;
    let ev = admin(p, "chats/message", json!({ "chat_id": chat_id, "text": "Helo" })).await["event"].clone();
    let eid = ev["id"].as_str().unwrap();
    admin(p, "chats/update_event", json!({ "chat_id": chat_id, "event_id": eid, "text": "Hello" })).await;
    let u = c.push("event_updated").await["payload"].clone();
    assert_eq!((u["chat_id"].as_str(), u["thread_id"].as_str()), (Some(chat_id.as_str()), Some(thread_id.as_str())));
    assert_eq!((u["event"]["id"].as_str(), u["event"]["text"].as_str()), (Some(eid), Some("Hello")));
    let got = c.request("get_chat", json!({ "chat_id": chat_id })).await;
    let texts: Vec<&str> =
        got["payload"]["thread"]["events"].as_array().unwrap().iter().filter_map(|e| e["text"].as_str()).collect();
    assert!(texts.contains(&"Hello") && !texts.contains(&"Helo"), "{texts:?}");

    admin(p, "chats/leave", json!({ "chat_id": chat_id })).await;
    let r = c.push("user_removed_from_chat").await["payload"].clone();
    assert_eq!(r["chat_id"], chat_id.as_str());
    assert_eq!(r["thread_id"], thread_id.as_str());
    assert_eq!(r["reason"], "manual");
    assert!(r["user_id"].is_string() && r["requester_id"].is_string(), "{r}");

    admin(p, "multicast", json!({ "customer_id": c.customer_id, "content": { "promo": "spring" } })).await;
    let m = c.push("incoming_multicast").await["payload"].clone();
    assert_eq!(m, json!({ "content": { "promo": "spring" } }));
    admin(p, "multicast", json!({ "content": { "x": 1 }, "author_id": "agent-1" })).await;
    assert_eq!(c.push("incoming_multicast").await["payload"]["author_id"], "agent-1");
}

#[tokio::test]
async fn customer_auth_token_path() {
    let s = start_quiet().await;
    // customer-auth posts text/plain JSON to /customer/token.
    let body = json!({ "response_type": "token", "grant_type": "cookie", "client_id": "x", "license_id": LICENSE, "redirect_uri": "https://a.test/" });
    let r = http(
        s.port(),
        "POST",
        "accounts.localhost",
        "/customer/token",
        Some(&body.to_string()),
        &[("Origin", "https://a.test")],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["token_type"], "Bearer");
}

type Ws = tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

async fn text(ws: &mut Ws) -> String {
    loop {
        match tokio::time::timeout(WAIT, ws.next()).await.expect("a frame in time") {
            Some(Ok(Message::Text(t))) => return t.to_string(),
            Some(Ok(Message::Close(_))) | None => return "<closed>".to_string(),
            _ => continue,
        }
    }
}

/// SockJS: /info, then the WebSocket transport with `o`, `a[...]`, `h` and `c[...]` frames.
#[tokio::test]
async fn sockjs_transport_carries_the_same_protocol() {
    let s = start_quiet().await;
    let p = s.port();
    let info = http(
        p,
        "GET",
        "api.localhost",
        "/v3.2/customer/rtm/sjs/info?license_id=1520&t=1",
        None,
        &[("Origin", "https://a.test")],
    )
    .await;
    assert_eq!(info.status, 200);
    let v = info.json();
    assert_eq!((v["websocket"].clone(), v["cookie_needed"].clone()), (json!(true), json!(false)));
    assert_eq!(info.header("access-control-allow-origin"), Some("https://a.test"));
    let polling = http(p, "POST", "api.localhost", "/v3.2/customer/rtm/sjs/123/abcdefgh/xhr", None, &[]).await;
    assert_eq!(polling.status, 404);

    let (tok, _, _) = token(p, LICENSE, None).await;
    let url = format!("ws://127.0.0.1:{p}/v3.2/customer/rtm/sjs/123/abcdefgh/websocket?license_id={LICENSE}&bh=x");
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.expect("sockjs websocket");
    assert_eq!(text(&mut ws).await, "o");
    let login = json!({ "request_id": "1", "action": "login", "payload": { "token": format!("Bearer {tok}") } });
    let ping = json!({ "action": "ping", "payload": {} });
    // Two frames in one SockJS message.
    let batch = Value::Array(vec![login.to_string().into(), ping.to_string().into()]).to_string();
    ws.send(Message::Text(batch.into())).await.expect("send");
    let mut frames = vec![];
    let mut heartbeat = false;
    while frames.len() < 3 || !heartbeat {
        let t = match tokio::time::timeout(WAIT, ws.next()).await.expect("a frame in time") {
            Some(Ok(Message::Text(t))) => t.to_string(),
            other => panic!("unexpected {other:?}"),
        };
        if t == "h" {
            heartbeat = true;
            continue;
        }
        let body = t.strip_prefix('a').unwrap_or_else(|| panic!("not an a-frame: {t}"));
        for f in serde_json::from_str::<Vec<String>>(body).expect("a JSON array of strings") {
            frames.push(serde_json::from_str::<Value>(&f).expect("RTM JSON"));
        }
    }
    let login_r = frames.iter().find(|f| f["action"] == "login").expect("login response");
    assert_eq!(login_r["success"], json!(true), "{login_r}");
    assert!(frames.iter().any(|f| f["action"] == "ping" && f["type"] == "response"));
    assert!(frames.iter().any(|f| f["action"] == "customer_side_storage_updated"));
    // A server-side close is SockJS's c-frame.
    let cid = login_r["payload"]["customer"]["id"].as_str().unwrap().to_string();
    admin(p, "faults/disconnect", json!({ "customer_id": cid, "reason": "too_many_connections" })).await;
    let mut saw_close_frame = false;
    for _ in 0..10 {
        match tokio::time::timeout(WAIT, ws.next()).await.expect("frame") {
            Some(Ok(Message::Text(t))) if t.starts_with('c') => {
                assert_eq!(serde_json::from_str::<Value>(&t[1..]).unwrap(), json!([1000, "too_many_connections"]));
                saw_close_frame = true;
            }
            Some(Ok(Message::Text(_))) => continue,
            _ => break,
        }
    }
    assert!(saw_close_frame);
}
