//! The scripted agent's pushes (fast mode), every fault of the admin API, the login and
//! ping deadlines, data-centre routing, and malformed frames.

mod common;
use common::*;
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::Message;

async fn agent_event(c: &mut Client, ty: &str) -> Value {
    loop {
        let e = c.push("incoming_event").await;
        if e["payload"]["event"]["type"] == ty && e["payload"]["event"]["author_id"] != c.customer_id.as_str() {
            return e["payload"]["event"].clone();
        }
    }
}

#[tokio::test]
async fn scripted_agent_plays_a_whole_conversation() {
    let s = start_with(|_| {}).await; // agent on, time scale 0.01
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    c.push("customer_side_storage_updated").await;
    let g = c.push("incoming_greeting").await;
    assert!(g["payload"]["unique_id"].is_string());
    assert_eq!(g["payload"]["agent"]["type"], "agent");

    let r = c.request("get_form", json!({ "group_id": 0, "type": "prechat" })).await;
    assert_eq!(r["payload"]["enabled"], json!(true));
    let (chat_id, _tid) = c.start_chat(json!({ "chat": { "thread": { "events": [
        { "type": "filled_form", "form_id": "prechat-0", "fields": [{ "type": "name", "id": "f-name", "label": "Name:", "answer": "Ada" }] }
    ] } } })).await;
    let ic = c.push("incoming_chat").await;
    assert_eq!(ic["payload"]["chat"]["thread"]["queue"]["position"], json!(3));
    let q = c.push("queue_position_updated").await;
    assert_eq!(q["payload"]["queue"]["position"], json!(2));
    assert!(q["payload"]["queue"]["wait_time"].is_u64());
    assert_eq!(c.push("queue_position_updated").await["payload"]["queue"]["position"], json!(1));
    let added = c.push("user_added_to_chat").await;
    assert_eq!(added["payload"]["chat_id"], chat_id.as_str());
    assert_eq!(added["payload"]["user"]["type"], "agent");
    let sys = agent_event(&mut c, "system_message").await;
    assert_eq!(sys["system_message_type"], "routing.assigned");
    assert!(sys["text_vars"]["agent"].is_string());
    let typing = c.push("incoming_typing_indicator").await;
    assert_eq!(typing["payload"]["typing_indicator"]["is_typing"], json!(true));
    let hello = agent_event(&mut c, "message").await;
    assert!(hello["text"].as_str().unwrap().starts_with("Hi"));

    // Each customer message gets a different kind of answer.
    c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "hello there" } })).await;
    let qr = agent_event(&mut c, "rich_message").await;
    assert_eq!(qr["template_id"], "quick_replies");
    let qr_thread = c.request("get_chat", json!({ "chat_id": chat_id })).await["payload"]["thread"]["id"].clone();
    // Postback on a quick reply gets an answer.
    c.request("send_rich_message_postback", json!({ "chat_id": chat_id, "thread_id": qr_thread, "event_id": qr["id"], "postback": { "id": "qr_order", "toggled": true } })).await;
    c.push("incoming_rich_message_postback").await;
    let ans = agent_event(&mut c, "message").await;
    assert!(ans["text"].as_str().unwrap().contains("Order status"), "{ans}");

    c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "something else" } }))
        .await;
    let card = agent_event(&mut c, "rich_message").await;
    assert_eq!(card["template_id"], "cards");
    let types: Vec<&str> =
        card["elements"][0]["buttons"].as_array().unwrap().iter().map(|b| b["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["url", "phone", "webview", "message"]);
    assert_eq!(card["elements"][0]["buttons"][2]["webview_height"], "tall");

    c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "and?" } })).await;
    let file = agent_event(&mut c, "file").await;
    assert_eq!(file["content_type"], "image/png");
    assert!(file["width"].as_u64().unwrap() > 0);
    let url = file["url"].as_str().unwrap().to_string();
    assert!(url.starts_with("http://cdn.localhost:"));
    let img = http(p, "GET", "cdn.localhost", "/assets/photo.png", None, &[]).await;
    assert_eq!(img.status, 200);

    c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "ok" } })).await;
    let sticker = agent_event(&mut c, "rich_message").await;
    assert_eq!(sticker["template_id"], "sticker");

    c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "bye!" } })).await;
    let d = c.push("chat_deactivated").await;
    assert_eq!(d["payload"]["chat_id"], chat_id.as_str());
    assert!(d["payload"]["user_id"].is_string());
    let r = c.request("get_form", json!({ "group_id": 0, "type": "postchat" })).await;
    assert_eq!(r["payload"]["enabled"], json!(true));
}

#[tokio::test]
async fn every_disconnect_reason_can_be_injected() {
    let s = start_quiet().await;
    let p = s.port();
    for reason in livechat_sandbox::frames::DISCONNECT_REASONS {
        let (mut c, _) = Client::logged_in(p).await;
        let r = admin(p, "faults/disconnect", json!({ "customer_id": c.customer_id, "reason": reason })).await;
        assert_eq!(r["connections"], json!(1));
        let d = c.disconnected().await;
        assert_eq!(d["reason"], *reason);
        match *reason {
            "misdirected_connection" => assert_eq!(d["data"]["region"], "fra"),
            "customer_temporarily_blocked" => assert!(d["data"]["timeout"].is_number()),
            _ => assert!(d.get("data").is_none()),
        }
    }
    // Custom data, and "all" as target.
    let (mut a, _) = Client::logged_in(p).await;
    let (mut b, _) = Client::logged_in(p).await;
    admin(p, "faults/disconnect", json!({ "reason": "customer_temporarily_blocked", "data": { "timeout": 5 } })).await;
    assert_eq!(a.disconnected().await["data"]["timeout"], json!(5));
    assert_eq!(b.disconnected().await["data"]["timeout"], json!(5));
}

#[tokio::test]
async fn half_open_and_aborted_sockets() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    c.push("customer_side_storage_updated").await;
    admin(p, "faults/drop_socket", json!({ "customer_id": c.customer_id, "mode": "half_open" })).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    c.send(json!({ "request_id": "p", "action": "ping", "payload": {} })).await;
    // Nothing comes back, and the socket is not closed either.
    assert!(tokio::time::timeout(Duration::from_millis(600), c.ws.next()).await.is_err());
    let st = admin_state(p).await;
    assert!(st["connections"].as_array().unwrap().iter().any(|x| x["status"] == "half_open"));

    let (mut c, _) = Client::logged_in(p).await;
    c.push("customer_side_storage_updated").await;
    admin(p, "faults/drop_socket", json!({ "customer_id": c.customer_id, "mode": "abort" })).await;
    match tokio::time::timeout(WAIT, c.ws.next()).await.expect("abort is seen") {
        None | Some(Err(_)) => {}
        Some(Ok(Message::Close(_))) => panic!("abort must not send a close frame"),
        Some(Ok(m)) => panic!("unexpected frame {m:?}"),
    }
}

#[tokio::test]
async fn ping_faults_and_deadlines() {
    let s = start_quiet().await; // ping and login timeouts: 1.5 s
    let p = s.port();
    // Login deadline.
    let mut idle = Client::connect(p, LICENSE).await;
    let t0 = Instant::now();
    assert_eq!(idle.disconnected().await["reason"], "connection_timeout");
    assert!(t0.elapsed() >= Duration::from_millis(1200));

    // Pinging keeps a connection alive past the deadline.
    let (mut c, _) = Client::logged_in(p).await;
    for _ in 0..6 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(c.request("ping", json!({})).await["success"], json!(true));
    }
    // Ignored pings get no answer; other requests still do.
    admin(p, "faults/ignore_pings", json!({ "customer_id": c.customer_id })).await;
    c.send(json!({ "request_id": "ign", "action": "ping", "payload": {} })).await;
    let r = c.request("get_customer", json!({})).await;
    assert_eq!(r["success"], json!(true));
    assert!(!c.buffer.iter().any(|f| f["request_id"] == "ign"));
    admin(p, "faults/ignore_pings", json!({ "customer_id": c.customer_id, "enabled": false })).await;
    assert_eq!(c.request("ping", json!({})).await["action"], "ping");
    // No pings: connection_timeout.
    let t0 = Instant::now();
    assert_eq!(c.disconnected().await["reason"], "connection_timeout");
    assert!(t0.elapsed() >= Duration::from_millis(1200));
}

#[tokio::test]
async fn response_faults_delay_drop_reorder_and_errors() {
    let s = start_with(|c| {
        c.scripted_agent = false;
        c.ping_timeout = Duration::from_secs(20);
    })
    .await;
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    c.push("customer_side_storage_updated").await;
    let cid = c.customer_id.clone();

    admin(p, "faults/delay_responses", json!({ "customer_id": cid, "ms": 900, "count": 1 })).await;
    let t0 = Instant::now();
    c.request("get_customer", json!({})).await;
    assert!(t0.elapsed() >= Duration::from_millis(880));
    let t0 = Instant::now();
    c.request("get_customer", json!({})).await;
    assert!(t0.elapsed() < Duration::from_millis(800));

    admin(p, "faults/drop_responses", json!({ "customer_id": cid, "count": 1 })).await;
    c.send(json!({ "request_id": "lost", "action": "get_customer", "payload": {} })).await;
    c.send(json!({ "request_id": "kept", "action": "get_customer", "payload": {} })).await;
    let f = c.next_frame(WAIT).await.unwrap();
    assert_eq!(f["request_id"], "kept");

    admin(p, "faults/reorder_responses", json!({ "customer_id": cid, "count": 1 })).await;
    c.send(json!({ "request_id": "one", "action": "get_customer", "payload": {} })).await;
    c.send(json!({ "request_id": "two", "action": "get_customer", "payload": {} })).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["request_id"], "two");
    assert_eq!(c.next_frame(WAIT).await.unwrap()["request_id"], "one");

    // Injected errors, optionally for one action; every spec error type is accepted.
    admin(p, "faults/error", json!({ "customer_id": cid, "type": "internal", "action": "get_customer" })).await;
    assert_eq!(c.request("ping", json!({})).await["success"], json!(true));
    let r = c.request("get_customer", json!({})).await;
    assert_error(&r, "internal");
    assert_eq!(r["payload"]["error"]["message"], "Internal server error");
    assert_eq!(c.request("get_customer", json!({})).await["success"], json!(true));
    for t in [
        "authentication",
        "authorization",
        "chat_inactive",
        "customer_banned",
        "greeting_not_found",
        "group_not_found",
        "group_offline",
        "group_unavailable",
        "groups_offline",
        "internal",
        "license_expired",
        "limit_reached",
        "not_allowed",
        "not_found",
        "pending_requests_limit_reached",
        "request_timeout",
        "service_unavailable",
        "too_many_requests",
        "unsupported_version",
        "users_limit_reached",
        "validation",
        "wrong_product_version",
    ] {
        admin(p, "faults/error", json!({ "customer_id": cid, "type": t })).await;
        assert_error(&c.request("list_chats", json!({})).await, t);
    }

    // Pending requests limit: with slow responses the 11th request is refused at once.
    admin(p, "faults/delay_responses", json!({ "customer_id": cid, "ms": 1500 })).await;
    for i in 0..11 {
        c.send(json!({ "request_id": format!("q{i}"), "action": "get_customer", "payload": {} })).await;
    }
    let first = c.next_frame(WAIT).await.unwrap();
    assert_eq!(first["request_id"], "q10");
    assert_error(&first, "pending_requests_limit_reached");
    for i in 0..10 {
        assert_eq!(c.response(&format!("q{i}")).await["success"], json!(true));
    }
    admin(p, "faults/clear", json!({})).await;
    let t0 = Instant::now();
    c.request("get_customer", json!({})).await;
    assert!(t0.elapsed() < Duration::from_millis(1000));
    let st = admin_state(p).await;
    assert_eq!(st["faults"], json!({}));
}

#[tokio::test]
async fn rejected_logins() {
    let s = start_quiet().await;
    let p = s.port();
    admin(p, "faults/reject_logins", json!({ "reason": "users_limit_reached", "count": 1 })).await;
    let (tok, _, _) = token(p, LICENSE, None).await;
    let mut c = Client::connect(p, LICENSE).await;
    assert_error(&c.request("login", json!({ "token": format!("Bearer {tok}") })).await, "users_limit_reached");
    assert_eq!(c.request("login", json!({ "token": format!("Bearer {tok}") })).await["success"], json!(true));

    admin(p, "faults/reject_logins", json!({ "reason": "too_many_connections", "seconds": 0.5 })).await;
    let mut c = Client::connect(p, LICENSE).await;
    c.send(json!({ "request_id": "l", "action": "login", "payload": { "token": format!("Bearer {tok}") } })).await;
    assert_eq!(c.disconnected().await["reason"], "too_many_connections");
    tokio::time::sleep(Duration::from_millis(600)).await;
    let mut c = Client::connect(p, LICENSE).await;
    assert_eq!(c.request("login", json!({ "token": format!("Bearer {tok}") })).await["success"], json!(true));
}

#[tokio::test]
async fn data_centres_and_licenses() {
    let s = start_quiet().await;
    let p = s.port();
    // A fra license on dal: misdirected to fra.
    let mut c = Client::connect(p, FRA_LICENSE).await;
    let d = c.disconnected().await;
    assert_eq!(d["reason"], "misdirected_connection");
    assert_eq!(d["data"], json!({ "region": "fra" }));
    // On fra it works.
    let (tok, _, _) = token(p, FRA_LICENSE, None).await;
    let mut c = Client::connect_host(p, "api-fra.localhost", &format!("?license_id={FRA_LICENSE}")).await;
    assert_eq!(c.request("login", json!({ "token": format!("Bearer {tok}") })).await["success"], json!(true));
    // A dal license on fra: misdirected to dal.
    let mut c = Client::connect_host(p, "api-fra.localhost", &format!("?license_id={LICENSE}")).await;
    assert_eq!(c.disconnected().await["data"]["region"], "dal");
    // api.localhost and localhost are dal too.
    let mut c = Client::connect_host(p, "localhost", &format!("?license_id={LICENSE}")).await;
    assert_eq!(c.request("get_customer", json!({})).await["payload"]["error"]["type"], "authentication");
    // Unknown and missing license.
    let mut c = Client::connect(p, 424242).await;
    assert_eq!(c.disconnected().await["reason"], "license_not_found");
    let mut c = Client::connect_host(p, "api.localhost", "").await;
    assert_eq!(c.disconnected().await["reason"], "license_not_found");
    // Move a license to fra through the admin API.
    admin(p, "licenses", json!({ "license_id": 1521, "region": "fra" })).await;
    let mut c = Client::connect(p, 1521).await;
    assert_eq!(c.disconnected().await["data"]["region"], "fra");
    // Another protocol version.
    let url = format!("ws://127.0.0.1:{p}/v3.1/customer/rtm/ws?license_id={LICENSE}");
    let (ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    let mut c = Client::from_ws(ws);
    assert_eq!(c.disconnected().await["reason"], "unsupported_version");
}

#[tokio::test]
async fn malformed_frames_never_take_the_server_down() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut bystander, _) = Client::logged_in(p).await;
    bystander.push("customer_side_storage_updated").await;
    let (mut c, _) = Client::logged_in(p).await;
    c.push("customer_side_storage_updated").await;

    c.send_raw(Message::Text("{not json".into())).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    c.send_raw(Message::Text("[1,2,3]".into())).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    c.send_raw(Message::Text("\"just a string\"".into())).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    c.send_raw(Message::Binary(vec![0u8, 159, 146, 150].into())).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    c.send_raw(Message::Text(deep.into())).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    let deep_obj =
        format!("{{\"action\":\"get_customer\",\"payload\":{}{}}}", "{\"a\":".repeat(5000), "}".repeat(5000));
    c.send_raw(Message::Text(deep_obj.into())).await;
    assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    // Wrong types everywhere.
    for bad in [
        json!({ "action": 5 }),
        json!({ "action": null }),
        json!({ "action": "get_chat", "payload": { "chat_id": [] } }),
        json!({ "action": "send_event", "payload": { "chat_id": "x", "event": "message" } }),
    ] {
        c.send(bad).await;
        assert_eq!(c.next_frame(WAIT).await.unwrap()["payload"]["error"]["type"], "validation");
    }
    assert_eq!(c.request("ping", json!({})).await["success"], json!(true));

    // A 2 MB frame: the server closes this connection...
    let huge = format!("{{\"action\":\"ping\",\"payload\":{{\"x\":\"{}\"}}}}", "a".repeat(2 * 1024 * 1024));
    let _ = futures_util::SinkExt::send(&mut c.ws, Message::Text(huge.into())).await;
    let ended = loop {
        match tokio::time::timeout(WAIT, c.ws.next()).await {
            Ok(None) | Ok(Some(Err(_))) | Ok(Some(Ok(Message::Close(_)))) => break true,
            Ok(Some(Ok(_))) => continue,
            Err(_) => break false,
        }
    };
    assert!(ended, "oversized frame must close the connection");
    // ...and everyone else carries on.
    assert_eq!(bystander.request("ping", json!({})).await["success"], json!(true));
    let (mut fresh, _) = Client::logged_in(p).await;
    assert_eq!(fresh.request("get_customer", json!({})).await["success"], json!(true));
}
