//! `/admin/chats/seed` (the performance bench's long history): a chat of N
//! events that the customer's next login lists and `get_chat` returns whole,
//! with older threads reachable by `previous_thread_id` and `list_threads`.

mod common;
use common::*;
use serde_json::json;

#[tokio::test]
async fn a_seeded_history_is_listed_at_login_and_returned_by_get_chat() {
    let s = start_quiet().await;
    let p = s.port();
    let (tok, cid, cookie) = token(p, LICENSE, None).await;
    let seeded = admin(p, "chats/seed", json!({ "customer_id": cid, "events": 5_000 })).await;
    let chat_id = seeded["chat_id"].as_str().unwrap().to_string();
    assert_eq!(seeded["events"], 5_000);

    let mut c = Client::connect(p, LICENSE).await;
    let login = c.request("login", json!({ "token": format!("Bearer {tok}") })).await;
    assert_eq!(login["payload"]["has_active_thread"], true);
    assert_eq!(login["payload"]["chats"][0]["chat_id"], chat_id.as_str());

    let r = c.request("get_chat", json!({ "chat_id": chat_id })).await;
    assert_eq!(r["success"], true, "{r}");
    let events = r["payload"]["thread"]["events"].as_array().unwrap();
    assert_eq!(events.len(), 5_000);
    assert!(events.windows(2).all(|w| w[0]["created_at"].as_str() < w[1]["created_at"].as_str()), "in order");
    assert_eq!(events[1]["author_id"], "b5657aff34dd32e198160d54666df9d8");
    assert_eq!(events[0]["author_id"], cid.as_str());
    assert_eq!(r["payload"]["thread"]["active"], true);

    // One active chat per customer: a second seed is refused.
    let again =
        http(p, "POST", "127.0.0.1", "/admin/chats/seed", Some(&json!({ "customer_id": cid }).to_string()), &[]).await;
    assert_eq!(again.status, 400, "{}", again.body);
    drop(cookie);
}

#[tokio::test]
async fn seeded_threads_chain_by_previous_thread_id() {
    let s = start_quiet().await;
    let p = s.port();
    let (tok, cid, _) = token(p, LICENSE, None).await;
    let seeded = admin(p, "chats/seed", json!({ "customer_id": cid, "events": 300, "threads": 3 })).await;
    let chat_id = seeded["chat_id"].as_str().unwrap().to_string();
    let mut c = Client::connect(p, LICENSE).await;
    c.request("login", json!({ "token": format!("Bearer {tok}") })).await;

    let latest = c.request("get_chat", json!({ "chat_id": chat_id })).await;
    let thread = &latest["payload"]["thread"];
    assert_eq!(thread["events"].as_array().unwrap().len(), 100);
    let previous = thread["previous_thread_id"].as_str().expect("an older thread").to_string();
    let older = c.request("get_chat", json!({ "chat_id": chat_id, "thread_id": previous })).await;
    assert_eq!(older["payload"]["thread"]["active"], false);
    assert!(older["payload"]["thread"]["previous_thread_id"].is_string());

    let threads = c.request("list_threads", json!({ "chat_id": chat_id, "limit": 100 })).await;
    let threads = threads["payload"]["threads"].as_array().unwrap();
    assert_eq!(threads.len(), 3);
    assert_eq!(threads.iter().map(|t| t["events"].as_array().unwrap().len()).sum::<usize>(), 300);

    let bad =
        http(p, "POST", "127.0.0.1", "/admin/chats/seed", Some(&json!({ "customer_id": "nobody" }).to_string()), &[])
            .await;
    assert_eq!(bad.status, 404);
}
