//! Token endpoint, login and every customer method with its response and pushes, plus
//! validation errors and the spec's limits. The scripted agent is off here.

mod common;
use common::*;
use serde_json::{json, Value};

#[tokio::test]
async fn token_endpoint_sets_cookie_once_and_keeps_the_customer() {
    let s = start_quiet().await;
    let p = s.port();
    let body = json!({ "grant_type": "cookie", "client_id": "c", "license_id": LICENSE, "response_type": "token", "redirect_uri": "x" }).to_string();
    let r = http(
        p,
        "POST",
        "accounts.localhost",
        "/v2/customer/token",
        Some(&body),
        &[("Origin", "http://widget.localhost:1")],
    )
    .await;
    assert_eq!(r.status, 200);
    let v = r.json();
    assert!(v["access_token"].as_str().unwrap().starts_with("dal:"));
    assert_eq!(v["token_type"], "Bearer");
    assert_eq!(v["license_id"], json!(LICENSE));
    // In seconds, as the accounts service answers (customer-sdk 2.0.4 keeps `1e3 * expires_in`):
    // the default lifetime is 8 hours.
    assert_eq!(v["expires_in"], json!(28_800));
    assert!(v["creation_date"].as_i64().unwrap() > 1_600_000_000);
    assert_eq!(r.header("access-control-allow-origin"), Some("http://widget.localhost:1"));
    assert_eq!(r.header("access-control-allow-credentials"), Some("true"));
    let cookie = r.header("set-cookie").unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly")
            && cookie.contains("SameSite=None; Secure; Partitioned")
            && cookie.contains("Path=/"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().unwrap().to_string();

    // Same cookie: same customer, no new cookie, a different token.
    let r2 = http(p, "POST", "accounts.localhost", "/v2/customer/token", Some(&body), &[("Cookie", &pair)]).await;
    assert_eq!(r2.json()["entity_id"], v["entity_id"]);
    assert_ne!(r2.json()["access_token"], v["access_token"]);
    assert!(r2.header("set-cookie").is_none());

    // Missing optional fields are tolerated; empty body uses the demo license.
    let r3 = http(p, "POST", "accounts.localhost", "/v2/customer/token", Some("{}"), &[]).await;
    assert_eq!(r3.status, 200);
    assert_ne!(r3.json()["entity_id"], v["entity_id"]);
    // Preflight.
    let pre = http(
        p,
        "OPTIONS",
        "accounts.localhost",
        "/v2/customer/token",
        None,
        &[
            ("Origin", "http://widget.localhost:9"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
    )
    .await;
    assert!(pre.status == 204 || pre.status == 200);
    assert_eq!(pre.header("access-control-allow-origin"), Some("http://widget.localhost:9"));
    assert!(pre.header("access-control-allow-methods").unwrap().contains("POST"));
    // Bad requests.
    let bad =
        http(p, "POST", "accounts.localhost", "/v2/customer/token", Some("{\"grant_type\":\"password\"}"), &[]).await;
    assert_eq!(bad.status, 400);
    let unknown = http(p, "POST", "accounts.localhost", "/v2/customer/token", Some("{\"license_id\":999}"), &[]).await;
    assert_eq!(unknown.status, 400);
    // A fra license gets a fra token.
    let (tok, _, _) = token(p, FRA_LICENSE, None).await;
    assert!(tok.starts_with("fra:"));
}

#[tokio::test]
async fn sites_are_routed_by_host() {
    let s = start_with(|c| c.widget_dir = "/nonexistent-widget-dir".into()).await;
    let p = s.port();
    let shop = http(p, "GET", "shop.localhost", "/", None, &[]).await;
    assert_eq!(shop.status, 200);
    assert!(shop.body.contains(&format!("widget_url: \"http://widget.localhost:{p}/\"")));
    assert!(shop.body.contains(&format!("<script async src=\"http://widget.localhost:{p}/loader.js\"></script>")));
    assert!(shop.body.contains("license: 1520"));
    let strict = http(p, "GET", "shop.localhost", "/strict-csp.html", None, &[]).await;
    assert_eq!(
        strict.header("content-security-policy").unwrap(),
        format!("script-src 'self' http://widget.localhost:{p}; frame-src http://widget.localhost:{p}")
    );
    let widget = http(p, "GET", "widget.localhost", "/loader.js", None, &[]).await;
    assert_eq!(widget.status, 404);
    assert!(widget.body.contains("trunk build"));
    let console = http(p, "GET", "console.localhost", "/", None, &[]).await;
    assert!(console.body.contains("console.js"));
    let js = http(p, "GET", "console.localhost", "/console.js", None, &[]).await;
    assert_eq!(js.status, 200);
    let img = http(p, "GET", "cdn.localhost", "/assets/photo.png", None, &[]).await;
    assert_eq!(img.header("content-type"), Some("image/png"));
    let evil = http(p, "GET", "attacker.example", "/admin/state", None, &[]).await;
    assert_eq!(evil.status, 421);
    let st = http(p, "GET", "console.localhost", "/admin/state", None, &[]).await;
    assert_eq!(st.json()["ok"], json!(true));
}

#[tokio::test]
async fn widget_dir_is_served() {
    let dir = std::env::temp_dir().join(format!("lc-sandbox-widget-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("loader.js"), "console.log('loader')").unwrap();
    let d = dir.clone();
    let s = start_with(move |c| c.widget_dir = d).await;
    let r = http(s.port(), "GET", "widget.localhost", "/loader.js", None, &[]).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("loader"));
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn widget_pages_are_served_with_a_strict_csp() {
    let dir = std::env::temp_dir().join(format!("lc-sandbox-widget-csp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>Chat</title>").unwrap();
    std::fs::write(dir.join("boot.js"), "import('./livechat-widget.js')").unwrap();
    let d = dir.clone();
    let s = start_with(move |c| c.widget_dir = d).await;
    let p = s.port();
    let expected = livechat_sandbox::http::widget_csp(p);
    for path in ["/", "/index.html"] {
        let r = http(p, "GET", "widget.localhost", path, None, &[]).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-security-policy"), Some(expected.as_str()), "{path}");
    }
    for part in [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self';",
        &format!("connect-src 'self' ws://api.localhost:{p} ws://api-fra.localhost:{p} http://api.localhost:{p} http://api-fra.localhost:{p} http://accounts.localhost:{p};"),
        &format!("img-src 'self' data: blob: https: http://cdn.localhost:{p};"),
        &format!("frame-src https: http://shop.localhost:{p};"),
        "base-uri 'none'",
        "form-action 'none'",
    ] {
        assert!(expected.contains(part), "{part} missing from {expected}");
    }
    assert!(!expected.contains("unsafe-inline"));
    // Scripts are not documents: no CSP of their own.
    let js = http(p, "GET", "widget.localhost", "/boot.js", None, &[]).await;
    assert_eq!(js.status, 200);
    assert_eq!(js.header("content-security-policy"), None);
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn shop_has_the_embedding_demo_pages() {
    let s = start_quiet().await;
    let p = s.port();
    let shop = http(p, "GET", "shop.localhost", "/", None, &[]).await;
    for page in ["/js-api.html", "/hostile.html", "/fra.html"] {
        assert!(shop.body.contains(&format!("href=\"{page}\"")), "the shop links {page}");
        let r = http(p, "GET", "shop.localhost", page, None, &[]).await;
        assert_eq!(r.status, 200, "{page}");
        assert!(r.body.contains(&format!("http://widget.localhost:{p}/loader.js")), "{page}");
        assert!(!r.body.contains("{{"), "{page} has every placeholder filled");
    }
    let fra = http(p, "GET", "shop.localhost", "/fra.html", None, &[]).await;
    assert!(fra.body.contains("license: 2000,") && fra.body.contains("region: \"fra\""));
    let api = http(p, "GET", "shop.localhost", "/js-api.html", None, &[]).await;
    assert!(api.header("content-security-policy").unwrap().starts_with("script-src 'self' http://widget.localhost:"));
    assert!(!api.body.contains("<script>") && !api.body.contains("onclick="), "no inline script or handlers");
    let js = http(p, "GET", "shop.localhost", "/js-api.js", None, &[]).await;
    assert_eq!(js.header("content-type"), Some("text/javascript; charset=utf-8"));
    let config = http(p, "GET", "shop.localhost", "/lc-config.js", None, &[]).await;
    assert!(config.body.contains("window.LiveChatWidget = window.LiveChatWidget ||"));
    let css = http(p, "GET", "shop.localhost", "/hostile.css", None, &[]).await;
    assert!(css.body.contains("* { all: unset !important; }"));
}

#[tokio::test]
async fn login_answers_state_and_customer_side_storage_round_trips() {
    let s = start_quiet().await;
    let p = s.port();
    let (tok, cid, cookie) = token(p, LICENSE, None).await;
    let mut c = Client::connect(p, LICENSE).await;
    let r = c
        .request("login", json!({
            "token": format!("Bearer {tok}"),
            "customer": { "name": "Ada", "email": "ada@example.com", "session_fields": [{ "plan": "pro" }] },
            "customer_page": { "url": "http://shop.localhost/", "title": "Shop" },
            "is_mobile": false, "group_id": 0, "referrer": "http://x", "application": { "name": "tests", "version": "1" }
        }))
        .await;
    assert_eq!(r["action"], "login");
    assert_eq!(r["type"], "response");
    assert_eq!(r["success"], json!(true));
    let pl = &r["payload"];
    assert_eq!(pl["customer"]["id"], cid.as_str());
    assert_eq!(pl["customer"]["name"], "Ada");
    assert_eq!(pl["customer"]["statistics"]["visits_count"], json!(1));
    assert_eq!(pl["has_active_thread"], json!(false));
    assert_eq!(pl["chats"], json!([]));
    let css = c.push("customer_side_storage_updated").await;
    assert_eq!(css["request_id"], r["request_id"]);
    let storage = css["payload"]["customer_side_storage"].clone();
    assert_eq!(storage["customer_visits"], "1");
    assert!(storage["visitor_id"].is_string());
    drop(c);

    // Next visit sends it back: the sandbox records the check.
    let (tok2, cid2, _) = token(p, LICENSE, cookie.as_deref()).await;
    assert_eq!(cid2, cid);
    let mut c2 = Client::connect(p, LICENSE).await;
    let r = c2.request("login", json!({ "token": format!("Bearer {tok2}"), "customer_side_storage": storage })).await;
    assert_eq!(r["success"], json!(true));
    let css2 = c2.push("customer_side_storage_updated").await;
    assert_eq!(css2["payload"]["customer_side_storage"]["customer_visits"], "2");
    let st = admin_state(p).await;
    let cust = st["customers"].as_array().unwrap().iter().find(|x| x["id"] == cid.as_str()).unwrap().clone();
    assert_eq!(cust["customer_side_storage"]["check"], "ok");
    assert_eq!(cust["customer_side_storage"]["received_at_last_login"], storage);

    // A third login that forgets it is flagged.
    let (tok3, _, _) = token(p, LICENSE, cookie.as_deref()).await;
    let mut c3 = Client::connect(p, LICENSE).await;
    c3.request("login", json!({ "token": format!("Bearer {tok3}") })).await;
    let st = admin_state(p).await;
    let cust = st["customers"].as_array().unwrap().iter().find(|x| x["id"] == cid.as_str()).unwrap().clone();
    assert_eq!(cust["customer_side_storage"]["check"], "missing");
}

#[tokio::test]
async fn login_errors() {
    let s = start_quiet().await;
    let p = s.port();
    let mut c = Client::connect(p, LICENSE).await;
    assert_error(&c.request("login", json!({})).await, "validation");
    assert_error(&c.request("login", json!({ "token": 5 })).await, "validation");
    assert_error(&c.request("login", json!({ "token": "Bearer dal:nope" })).await, "authentication");
    let (bare, _, _) = token(p, LICENSE, None).await;
    // The sample's `Bearer <token>`: a bare access token is refused.
    assert_error(&c.request("login", json!({ "token": bare })).await, "authentication");
    let (tok, _, _) = token(p, 1521, None).await; // another dal license
    assert_error(&c.request("login", json!({ "token": format!("Bearer {tok}") })).await, "authentication");
    let (tok, _, _) = token(p, LICENSE, None).await;
    assert_error(
        &c.request("login", json!({ "token": format!("Bearer {tok}"), "group_id": 77 })).await,
        "group_not_found",
    );
    assert_error(
        &c.request("login", json!({ "token": format!("Bearer {tok}"), "customer": { "name": 3 } })).await,
        "validation",
    );
    // Methods before login.
    assert_error(&c.request("get_customer", json!({})).await, "authentication");
    let ok = c.request("login", json!({ "token": format!("Bearer {tok}") })).await;
    assert_eq!(ok["success"], json!(true));
    assert_error(&c.request("login", json!({ "token": format!("Bearer {tok}") })).await, "not_allowed");
}

#[tokio::test]
async fn expired_token_is_refused_and_a_live_one_expires() {
    let s = start_with(|c| {
        c.scripted_agent = false;
        c.token_lifetime = std::time::Duration::from_millis(600);
        c.ping_timeout = std::time::Duration::from_secs(10);
    })
    .await;
    let p = s.port();
    let (tok, _, _) = token(p, LICENSE, None).await;
    let mut c = Client::connect(p, LICENSE).await;
    assert_eq!(c.request("login", json!({ "token": format!("Bearer {tok}") })).await["success"], json!(true));
    let d = c.disconnected().await;
    assert_eq!(d["reason"], "access_token_expired");
    let mut c2 = Client::connect(p, LICENSE).await;
    assert_error(&c2.request("login", json!({ "token": format!("Bearer {tok}") })).await, "authentication");
}

#[tokio::test]
async fn frame_level_validation() {
    let s = start_quiet().await;
    let (mut c, _) = Client::logged_in(s.port()).await;
    let r = c.request("no_such_action", json!({})).await;
    assert_error(&r, "validation");
    assert_eq!(r["action"], "no_such_action");
    c.send(json!({ "request_id": "x1", "payload": {} })).await;
    assert_error(&c.response("x1").await, "validation");
    c.send(json!({ "request_id": "x2", "action": "get_customer", "payload": [] })).await;
    assert_error(&c.response("x2").await, "validation");
    c.send(json!({ "request_id": 7, "action": "get_customer" })).await;
    let f = c.next_frame(WAIT).await.unwrap();
    assert_eq!(f["payload"]["error"]["type"], "validation");
    // No payload at all is fine for methods without parameters.
    c.send(json!({ "request_id": "x3", "action": "get_customer" })).await;
    assert_eq!(c.response("x3").await["success"], json!(true));
    // Without a request_id the response has none.
    c.send(json!({ "action": "get_customer", "payload": {} })).await;
    let f = c.next_frame(WAIT).await.unwrap();
    assert!(f.get("request_id").is_none());
    assert_eq!(f["action"], "get_customer");
}

#[tokio::test]
async fn ping_before_and_after_login() {
    let s = start_quiet().await;
    let p = s.port();
    let mut c = Client::connect(p, LICENSE).await;
    c.send(json!({ "request_id": "p0", "action": "ping", "payload": {} })).await;
    // No answer to the ping before login: the next frame is the login response.
    let (tok, _, _) = token(p, LICENSE, None).await;
    c.send(json!({ "request_id": "l", "action": "login", "payload": { "token": format!("Bearer {tok}") } })).await;
    let f = c.next_frame(WAIT).await.unwrap();
    assert_eq!(f["request_id"], "l");
    let r = c.request("ping", json!({})).await;
    assert_eq!(r["action"], "ping");
    assert_eq!(r["success"], json!(true));
}

#[tokio::test]
async fn chats_lifecycle_and_events() {
    let s = start_quiet().await;
    let (mut c, _) = Client::logged_in(s.port()).await;
    let cid = c.customer_id.clone();
    let r = c
        .request("start_chat", json!({ "chat": {
            "properties": { "ns": { "a": 1 } },
            "thread": { "events": [{ "type": "message", "text": "first", "custom_id": "c-1" }], "properties": { "ns": { "t": true } } }
        }, "continuous": false }))
        .await;
    assert_eq!(r["success"], json!(true), "{r}");
    let chat_id = r["payload"]["chat_id"].as_str().unwrap().to_string();
    let thread_id = r["payload"]["thread_id"].as_str().unwrap().to_string();
    assert_eq!(r["payload"]["event_ids"].as_array().unwrap().len(), 1);
    let ic = c.push("incoming_chat").await;
    assert_eq!(ic["request_id"], r["request_id"]);
    assert_eq!(ic["payload"]["chat"]["id"], chat_id.as_str());
    assert_eq!(ic["payload"]["chat"]["thread"]["id"], thread_id.as_str());
    assert_eq!(ic["payload"]["chat"]["thread"]["queue"]["position"], json!(3));
    assert_eq!(ic["payload"]["chat"]["thread"]["events"][0]["custom_id"], "c-1");
    assert_eq!(ic["payload"]["chat"]["properties"]["ns"]["a"], json!(1));

    // Second active chat is refused.
    assert_error(&c.request("start_chat", json!({})).await, "limit_reached");

    let r = c
        .request(
            "send_event",
            json!({ "chat_id": chat_id, "event": { "type": "message", "text": "hello", "custom_id": "cid-9" } }),
        )
        .await;
    assert_eq!(r["success"], json!(true));
    let eid = r["payload"]["event_id"].as_str().unwrap().to_string();
    let ie = c.push("incoming_event").await;
    assert_eq!(ie["request_id"], r["request_id"]);
    let ev = &ie["payload"]["event"];
    assert_eq!(ev["id"], eid.as_str());
    assert_eq!(ev["custom_id"], "cid-9");
    assert_eq!(ev["author_id"], cid.as_str());
    let created = ev["created_at"].as_str().unwrap();
    assert_eq!(created.len(), 27, "{created}"); // 2017-10-12T15:19:21.010200Z
    assert!(created.ends_with('Z'));

    // Other event types.
    for ev in [
        json!({ "type": "file", "url": format!("http://cdn.localhost:{}/assets/photo.png", s.port()) }),
        json!({ "type": "custom", "content": { "k": "v" } }),
        json!({ "type": "filled_form", "form_id": "f", "fields": [{ "type": "name", "id": "1", "label": "Name", "answer": "A" }] }),
        json!({ "type": "system_message", "system_message_type": "x", "text": "t" }),
        json!({ "type": "rich_message", "template_id": "quick_replies", "elements": [{ "title": "t", "buttons": [] }] }),
    ] {
        let r = c.request("send_event", json!({ "chat_id": chat_id, "event": ev })).await;
        assert_eq!(r["success"], json!(true), "{r}");
        c.push("incoming_event").await;
    }
    // Validation of events.
    for ev in [
        json!({ "type": "message" }),
        json!({ "type": "message", "text": 1 }),
        json!({ "type": "message", "text": "x".repeat(16 * 1024 + 1) }),
        json!({ "type": "message", "text": "x", "postback": { "id": "a" } }),
        json!({ "type": "message", "text": "x", "postback": { "id": "a", "thread_id": "t", "event_id": "e", "type": "phone" } }),
        json!({ "type": "file" }),
        json!({ "type": "teleport" }),
        json!({ "text": "no type" }),
        json!({ "type": "rich_message", "template_id": "carousel" }),
    ] {
        assert_error(&c.request("send_event", json!({ "chat_id": chat_id, "event": ev })).await, "validation");
    }
    let ok16k = c
        .request(
            "send_event",
            json!({ "chat_id": chat_id, "event": { "type": "message", "text": "é".repeat(8 * 1024) } }),
        )
        .await;
    assert_eq!(ok16k["success"], json!(true));
    c.push("incoming_event").await;
    assert_error(&c.request("send_event", json!({ "chat_id": chat_id })).await, "validation");
    assert_error(
        &c.request("send_event", json!({ "chat_id": "NOPE", "event": { "type": "message", "text": "x" } })).await,
        "not_found",
    );

    // get_chat / list_threads / list_chats.
    let g = c.request("get_chat", json!({ "chat_id": chat_id })).await;
    assert_eq!(g["payload"]["id"], chat_id.as_str());
    assert_eq!(g["payload"]["thread"]["id"], thread_id.as_str());
    assert!(g["payload"]["users"].as_array().unwrap().iter().any(|u| u["id"] == cid.as_str()));
    assert_error(&c.request("get_chat", json!({ "chat_id": chat_id, "thread_id": "NOPE" })).await, "not_found");
    assert_error(&c.request("get_chat", json!({})).await, "validation");
    let lc = c.request("list_chats", json!({})).await;
    assert_eq!(lc["payload"]["total_chats"], json!(1));
    let sum = &lc["payload"]["chats_summary"][0];
    assert_eq!(sum["id"], chat_id.as_str());
    assert_eq!(sum["last_thread_id"], thread_id.as_str());
    assert_eq!(sum["active"], json!(true));
    assert!(sum["last_event_per_type"]["message"]["event"].is_object());

    // Sneak peek: no push, visible to the console.
    let r = c.request("send_sneak_peek", json!({ "chat_id": chat_id, "sneak_peek_text": "typing th" })).await;
    assert_eq!(r["success"], json!(true));
    let st = admin_state(s.port()).await;
    assert_eq!(st["chats"][0]["sneak_peek"]["text"], "typing th");

    // mark_events_as_seen.
    let r = c
        .request("mark_events_as_seen", json!({ "chat_id": chat_id, "seen_up_to": "2030-01-01T00:00:00.000000Z" }))
        .await;
    assert_eq!(r["success"], json!(true));
    let seen = c.push("events_marked_as_seen").await;
    assert_eq!(seen["payload"]["chat_id"], chat_id.as_str());
    assert_eq!(seen["payload"]["user_id"], cid.as_str());
    assert_error(
        &c.request("mark_events_as_seen", json!({ "chat_id": chat_id, "seen_up_to": "yesterday" })).await,
        "validation",
    );

    // deactivate, then events need attach_to_last_thread.
    let r = c.request("deactivate_chat", json!({ "chat_id": chat_id })).await;
    assert_eq!(r["success"], json!(true));
    let sys = c.push("incoming_event").await;
    assert_eq!(sys["payload"]["event"]["type"], "system_message");
    let d = c.push("chat_deactivated").await;
    assert_eq!(d["payload"]["chat_id"], chat_id.as_str());
    assert_eq!(d["payload"]["thread_id"], thread_id.as_str());
    assert_eq!(d["payload"]["user_id"], cid.as_str());
    assert_error(&c.request("deactivate_chat", json!({ "chat_id": chat_id })).await, "chat_inactive");
    assert_error(
        &c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "x" } })).await,
        "chat_inactive",
    );
    let r = c.request("send_event", json!({ "chat_id": chat_id, "attach_to_last_thread": true, "event": { "type": "message", "text": "late" } })).await;
    assert_eq!(r["success"], json!(true));
    c.push("incoming_event").await;

    // activate_chat opens a new thread.
    assert_error(&c.request("activate_chat", json!({})).await, "validation");
    assert_error(&c.request("activate_chat", json!({ "chat": {} })).await, "validation");
    let r = c
        .request(
            "activate_chat",
            json!({ "chat": { "id": chat_id, "thread": { "events": [{ "type": "message", "text": "back" }] } } }),
        )
        .await;
    assert_eq!(r["success"], json!(true), "{r}");
    let t2 = r["payload"]["thread_id"].as_str().unwrap().to_string();
    assert_ne!(t2, thread_id);
    assert_eq!(r["payload"]["event_ids"].as_array().unwrap().len(), 1);
    let ic = c.push("incoming_chat").await;
    assert_eq!(ic["payload"]["chat"]["thread"]["id"], t2.as_str());
    assert_eq!(ic["payload"]["chat"]["thread"]["previous_thread_id"], thread_id.as_str());
    assert_error(&c.request("activate_chat", json!({ "chat": { "id": chat_id } })).await, "not_allowed");

    // list_threads: limits, order, min_events_count.
    let lt = c.request("list_threads", json!({ "chat_id": chat_id })).await;
    assert_eq!(lt["action"], "list_threads");
    assert_eq!(lt["payload"]["found_threads"], json!(2));
    assert_eq!(lt["payload"]["threads"][0]["id"], t2.as_str());
    let lt = c.request("list_threads", json!({ "chat_id": chat_id, "sort_order": "asc", "limit": 1 })).await;
    assert_eq!(lt["payload"]["threads"][0]["id"], thread_id.as_str());
    let next = lt["payload"]["next_page_id"].as_str().unwrap().to_string();
    let lt2 = c.request("list_threads", json!({ "chat_id": chat_id, "page_id": next })).await;
    assert_eq!(lt2["payload"]["threads"][0]["id"], t2.as_str());
    assert!(lt2["payload"]["previous_page_id"].is_string());
    let lt = c.request("list_threads", json!({ "chat_id": chat_id, "min_events_count": 1 })).await;
    assert_eq!(lt["payload"]["threads"].as_array().unwrap().len(), 1);
    assert_error(&c.request("list_threads", json!({ "chat_id": chat_id, "limit": 101 })).await, "validation");
    assert_error(&c.request("list_threads", json!({ "chat_id": chat_id, "min_events_count": 0 })).await, "validation");
    assert_error(
        &c.request("list_threads", json!({ "chat_id": chat_id, "min_events_count": 101 })).await,
        "validation",
    );
    assert_error(
        &c.request("list_threads", json!({ "chat_id": chat_id, "limit": 2, "min_events_count": 2 })).await,
        "validation",
    );
    assert_error(&c.request("list_threads", json!({ "chat_id": chat_id, "page_id": "garbage!" })).await, "validation");
    assert_error(&c.request("list_chats", json!({ "limit": 26 })).await, "validation");
    assert_error(&c.request("list_chats", json!({ "limit": "5" })).await, "validation");
    assert_error(&c.request("list_chats", json!({ "sort_order": "up" })).await, "validation");
    assert_eq!(c.request("list_chats", json!({ "limit": 25, "sort_order": "asc" })).await["success"], json!(true));
}

#[tokio::test]
async fn properties_methods_push_their_changes() {
    let s = start_quiet().await;
    let (mut c, _) = Client::logged_in(s.port()).await;
    let (chat_id, thread_id) = c.start_chat(json!({})).await;
    c.push("incoming_chat").await;
    let r = c.request("send_event", json!({ "chat_id": chat_id, "event": { "type": "message", "text": "x" } })).await;
    let event_id = r["payload"]["event_id"].as_str().unwrap().to_string();
    c.push("incoming_event").await;
    let set = json!({ "ns": { "p": "v" } });
    let del = json!({ "ns": ["p"] });
    let cases = [
        ("update_chat_properties", json!({ "chat_id": chat_id, "properties": set }), "chat_properties_updated"),
        ("delete_chat_properties", json!({ "chat_id": chat_id, "properties": del }), "chat_properties_deleted"),
        (
            "update_thread_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "properties": set }),
            "thread_properties_updated",
        ),
        (
            "delete_thread_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "properties": del }),
            "thread_properties_deleted",
        ),
        (
            "update_event_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": event_id, "properties": set }),
            "event_properties_updated",
        ),
        (
            "delete_event_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": event_id, "properties": del }),
            "event_properties_deleted",
        ),
    ];
    for (action, payload, push) in cases {
        let r = c.request(action, payload.clone()).await;
        assert_eq!(r["success"], json!(true), "{action}: {r}");
        let p = c.push(push).await;
        assert_eq!(p["request_id"], r["request_id"]);
        assert_eq!(p["payload"]["chat_id"], chat_id.as_str());
        assert_eq!(p["payload"]["properties"], payload["properties"]);
        if action.contains("thread") || action.contains("event") {
            assert_eq!(p["payload"]["thread_id"], thread_id.as_str());
        }
        if action.contains("event") {
            assert_eq!(p["payload"]["event_id"], event_id.as_str());
        }
        // Missing and mistyped parameters.
        let mut bad = payload.clone();
        bad.as_object_mut().unwrap().remove("properties");
        assert_error(&c.request(action, bad).await, "validation");
        let mut bad = payload.clone();
        bad["properties"] = json!("x");
        assert_error(&c.request(action, bad).await, "validation");
    }
    assert_error(
        &c.request("update_chat_properties", json!({ "chat_id": chat_id, "properties": { "ns": ["not an object"] } }))
            .await,
        "validation",
    );
    assert_error(
        &c.request("delete_chat_properties", json!({ "chat_id": chat_id, "properties": { "ns": { "a": 1 } } })).await,
        "validation",
    );
    assert_error(
        &c.request(
            "update_event_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": "NOPE", "properties": set }),
        )
        .await,
        "not_found",
    );
}

#[tokio::test]
async fn customer_methods() {
    let s = start_quiet().await;
    let (mut c, _) = Client::logged_in(s.port()).await;
    let cid = c.customer_id.clone();
    let r = c.request("update_customer", json!({ "name": "Bo", "email": "bo@example.com", "avatar": "https://x/a.png", "session_fields": [{ "k": "v" }] })).await;
    assert_eq!(r["success"], json!(true));
    let u = c.push("customer_updated").await;
    assert_eq!(u["payload"]["customer"]["name"], "Bo");
    assert_eq!(u["payload"]["customer"]["id"], cid.as_str());
    assert_error(&c.request("update_customer", json!({})).await, "validation");
    assert_error(&c.request("update_customer", json!({ "session_fields": [1] })).await, "validation");
    let r = c.request("set_customer_session_fields", json!({ "session_fields": [{ "a": "1" }, { "b": "2" }] })).await;
    assert_eq!(r["success"], json!(true));
    let u = c.push("customer_updated").await;
    assert_eq!(u["payload"]["customer"]["session_fields"], json!([{ "a": "1" }, { "b": "2" }]));
    assert_error(&c.request("set_customer_session_fields", json!({})).await, "validation");
    let many: Vec<Value> = (0..101).map(|i| json!({ format!("k{i}"): "v" })).collect();
    assert_error(&c.request("set_customer_session_fields", json!({ "session_fields": many })).await, "validation");
    let r = c.request("update_customer_page", json!({ "url": "http://shop.localhost/p", "title": "P" })).await;
    assert_eq!(r["success"], json!(true));
    let pg = c.push("customer_page_updated").await;
    assert_eq!(pg["payload"]["url"], "http://shop.localhost/p");
    assert_eq!(pg["payload"]["title"], "P");
    assert!(pg["payload"]["timestamp"].is_i64());
    assert_error(&c.request("update_customer_page", json!({ "title": "no url" })).await, "validation");
    let g = c.request("get_customer", json!({})).await;
    assert_eq!(g["payload"]["id"], cid.as_str());
    assert_eq!(g["payload"]["type"], "customer");
    assert_eq!(g["payload"]["email"], "bo@example.com");
}

#[tokio::test]
async fn other_methods() {
    let s = start_quiet().await;
    let (mut c, _) = Client::logged_in(s.port()).await;
    let r = c.request("list_group_statuses", json!({ "all": true })).await;
    assert_eq!(r["payload"]["groups_status"]["0"], "online");
    assert_eq!(r["payload"]["groups_status"]["3"], "offline");
    let r = c.request("list_group_statuses", json!({ "group_ids": [1, 99] })).await;
    assert_eq!(r["payload"]["groups_status"].as_object().unwrap().len(), 1);
    assert_error(&c.request("list_group_statuses", json!({})).await, "validation");
    assert_error(&c.request("list_group_statuses", json!({ "group_ids": ["a"] })).await, "validation");

    let r = c.request("get_form", json!({ "group_id": 0, "type": "prechat" })).await;
    assert_eq!(r["payload"]["enabled"], json!(true));
    let types: Vec<&str> =
        r["payload"]["form"]["fields"].as_array().unwrap().iter().map(|f| f["type"].as_str().unwrap()).collect();
    for t in
        ["header", "name", "email", "question", "subject", "textarea", "radio", "select", "checkbox", "group_chooser"]
    {
        assert!(types.contains(&t), "prechat form lacks {t}");
    }
    let chooser = r["payload"]["form"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["type"] == "group_chooser")
        .unwrap()
        .clone();
    assert!(chooser["options"][0]["group_id"].is_u64());
    let r = c.request("get_form", json!({ "group_id": 0, "type": "postchat" })).await;
    assert_eq!(r["payload"]["enabled"], json!(true));
    assert!(r["payload"]["form"]["fields"].is_array());
    let r = c.request("get_form", json!({ "group_id": 3, "type": "prechat" })).await;
    assert_eq!(r["payload"], json!({ "enabled": false }));
    assert_error(&c.request("get_form", json!({ "group_id": 42, "type": "prechat" })).await, "group_not_found");
    assert_error(&c.request("get_form", json!({ "group_id": 0, "type": "midchat" })).await, "validation");
    assert_error(&c.request("get_form", json!({ "type": "prechat" })).await, "validation");

    let r = c.request("get_predicted_agent", json!({})).await;
    assert_eq!(r["payload"]["type"], "agent");
    assert!(r["payload"]["name"].is_string());
    assert_error(&c.request("get_predicted_agent", json!({ "group_id": 3 })).await, "group_offline");

    let r = c.request("get_url_info", json!({ "url": "https://livechatinc.com" })).await;
    assert_eq!(r["payload"]["url"], "https://livechatinc.com");
    assert!(r["payload"]["title"].is_string());
    assert_error(&c.request("get_url_info", json!({ "url": "not a url" })).await, "validation");
    assert_error(&c.request("get_url_info", json!({})).await, "validation");
}

#[tokio::test]
async fn greetings_and_postbacks_via_the_console() {
    let s = start_quiet().await;
    let p = s.port();
    let (tok, cid, cookie) = token(p, LICENSE, None).await;
    let mut c = Client::connect(p, LICENSE).await;
    assert_eq!(c.request("login", json!({ "token": format!("Bearer {tok}") })).await["success"], json!(true));
    c.customer_id = cid.clone();
    admin(p, "greeting", json!({ "customer_id": cid, "kind": "message" })).await;
    let g = c.push("incoming_greeting").await;
    assert_eq!(g["payload"]["event"]["type"], "message");
    assert_eq!(g["payload"]["displayed_first_time"], json!(true));
    assert!(g["payload"]["agent"]["name"].is_string());
    let first = g["payload"]["unique_id"].as_str().unwrap().to_string();
    // A new greeting cancels the displayed one.
    admin(p, "greeting", json!({ "customer_id": cid, "kind": "rich" })).await;
    let cancel = c.push("greeting_canceled").await;
    assert_eq!(cancel["payload"]["unique_id"], first.as_str());
    let g = c.push("incoming_greeting").await;
    assert_eq!(g["payload"]["event"]["type"], "rich_message");
    let uid = g["payload"]["unique_id"].as_str().unwrap().to_string();
    let gid = g["payload"]["id"].as_u64().unwrap();
    assert_error(
        &c.request("accept_greeting", json!({ "greeting_id": gid, "unique_id": "nope" })).await,
        "greeting_not_found",
    );
    assert_error(&c.request("accept_greeting", json!({ "unique_id": uid })).await, "validation");
    let r = c.request("accept_greeting", json!({ "greeting_id": gid, "unique_id": uid })).await;
    assert_eq!(r["success"], json!(true));
    assert_eq!(c.push("greeting_accepted").await["payload"]["unique_id"], uid.as_str());
    // A displayed greeting shows up in the next login.
    let (tok2, _, _) = token(p, LICENSE, cookie.as_deref()).await;
    let mut tab = Client::connect(p, LICENSE).await;
    let l = tab.request("login", json!({ "token": format!("Bearer {tok2}") })).await;
    assert_eq!(l["payload"]["greeting"]["unique_id"], uid.as_str());
    assert_eq!(l["payload"]["greeting"]["accepted"], json!(true));
    assert_eq!(l["payload"]["greeting"]["event"]["type"], "rich_message");
    let r = c.request("cancel_greeting", json!({ "unique_id": uid })).await;
    assert_eq!(r["success"], json!(true));
    assert_eq!(c.push("greeting_canceled").await["payload"]["unique_id"], uid.as_str());
    assert_error(&c.request("cancel_greeting", json!({ "unique_id": uid })).await, "greeting_not_found");

    // A chat that starts ends the displayed greeting, scripted agent or not.
    admin(p, "greeting", json!({ "customer_id": cid, "kind": "message" })).await;
    let g = c.push("incoming_greeting").await;
    let shown = |st: &Value| st["customers"].as_array().unwrap().iter().find(|x| x["id"] == cid.as_str()).cloned();
    let before = shown(&admin_state(p).await).unwrap();
    assert_eq!(before["greeting"]["unique_id"], g["payload"]["unique_id"]);

    // Rich message from the console and a postback on it.
    let (chat_id, thread_id) = c.start_chat(json!({})).await;
    c.push("incoming_chat").await;
    assert_eq!(shown(&admin_state(p).await).unwrap()["greeting"], Value::Null);
    admin(p, "chats/queue", json!({ "chat_id": chat_id })).await;
    let q = c.push("queue_position_updated").await;
    assert_eq!(q["payload"]["queue"]["position"], json!(2));
    admin(p, "chats/queue", json!({ "chat_id": chat_id, "position": 0 })).await;
    let joined = c.push("user_added_to_chat").await;
    assert_eq!(joined["payload"]["user"]["type"], "agent");
    admin(p, "chats/rich", json!({ "chat_id": chat_id, "template": "cards" })).await;
    let rich = loop {
        let e = c.push("incoming_event").await;
        if e["payload"]["event"]["type"] == "rich_message" {
            break e;
        }
    };
    let eid = rich["payload"]["event"]["id"].as_str().unwrap().to_string();
    let r = c.request("send_rich_message_postback", json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": eid, "postback": { "id": "tell_more", "toggled": true } })).await;
    assert_eq!(r["success"], json!(true));
    let pb = c.push("incoming_rich_message_postback").await;
    assert_eq!(pb["payload"]["postback"], json!({ "id": "tell_more", "toggled": true }));
    assert_eq!(pb["payload"]["event_id"], eid.as_str());
    assert_eq!(pb["payload"]["user_id"], cid.as_str());
    let g = c.request("get_chat", json!({ "chat_id": chat_id })).await;
    let ev =
        g["payload"]["thread"]["events"].as_array().unwrap().iter().find(|e| e["id"] == eid.as_str()).unwrap().clone();
    let btn = ev["elements"][0]["buttons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["postback_id"] == "tell_more")
        .unwrap()
        .clone();
    assert_eq!(btn["user_ids"], json!([cid]));
    assert_error(
        &c.request(
            "send_rich_message_postback",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": eid, "postback": { "id": "x" } }),
        )
        .await,
        "validation",
    );
    assert_error(&c.request("send_rich_message_postback", json!({ "chat_id": chat_id, "thread_id": thread_id, "event_id": "nope", "postback": { "id": "x", "toggled": true } })).await, "not_found");
    // Typing, transfer, close from the console.
    admin(p, "chats/typing", json!({ "chat_id": chat_id, "is_typing": true })).await;
    let t = c.push("incoming_typing_indicator").await;
    assert_eq!(t["payload"]["typing_indicator"]["is_typing"], json!(true));
    admin(p, "chats/transfer", json!({ "chat_id": chat_id, "group_id": 2 })).await;
    let tr = c.push("chat_transferred").await;
    assert_eq!(tr["payload"]["transferred_to"]["group_ids"], json!([2]));
    admin(p, "chats/close", json!({ "chat_id": chat_id })).await;
    let d = c.push("chat_deactivated").await;
    assert_eq!(d["payload"]["chat_id"], chat_id.as_str());
}

#[tokio::test]
async fn pushes_reach_every_connection_but_request_id_only_the_requester() {
    let s = start_quiet().await;
    let p = s.port();
    let (tok, _, cookie) = token(p, LICENSE, None).await;
    let (tok2, _, _) = token(p, LICENSE, cookie.as_deref()).await;
    let mut a = Client::connect(p, LICENSE).await;
    let mut b = Client::connect(p, LICENSE).await;
    assert_eq!(a.request("login", json!({ "token": format!("Bearer {tok}") })).await["success"], json!(true));
    assert_eq!(b.request("login", json!({ "token": format!("Bearer {tok2}") })).await["success"], json!(true));
    let r = a.request("update_customer", json!({ "name": "Two Tabs" })).await;
    let pa = a.push("customer_updated").await;
    let pb = b.push("customer_updated").await;
    assert_eq!(pa["request_id"], r["request_id"]);
    assert!(pb.get("request_id").is_none());
    assert_eq!(pb["payload"]["customer"]["name"], "Two Tabs");
}
