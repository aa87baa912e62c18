//! Issue 17 items 2 and 3 in the sandbox: ratings stored in the thread's properties
//! with their pushes, the ticket form (`get_form` type `ticket`, fields without ids),
//! `/v2/tickets/new` with its validation answer and faults, groups going offline
//! from the admin API, the continuous chat an offline group still takes, and the postchat
//! form's `rating` field.

mod common;
use common::*;
use serde_json::json;

#[tokio::test]
async fn a_rating_is_stored_on_the_thread_pushed_and_shown_to_the_console() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, _) = Client::logged_in(p).await;
    let (chat_id, thread_id) = c.start_chat(json!({})).await;
    let rating = json!({ "rating": { "score": 1, "comment": "Great" } });
    let r = c
        .request(
            "update_thread_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "properties": rating }),
        )
        .await;
    assert_eq!(r["success"], true, "{r}");
    let push = c.push("thread_properties_updated").await;
    assert_eq!(push["payload"]["properties"], rating);
    let st = admin_state(p).await;
    let chat = st["chats"].as_array().unwrap().iter().find(|x| x["id"] == chat_id.as_str()).unwrap().clone();
    assert_eq!(chat["threads"][0]["properties"]["rating"]["score"], 1);
    let r = c
        .request(
            "delete_thread_properties",
            json!({ "chat_id": chat_id, "thread_id": thread_id, "properties": { "rating": ["score", "comment"] } }),
        )
        .await;
    assert_eq!(r["success"], true, "{r}");
    c.push("thread_properties_deleted").await;
    // An unknown thread is refused.
    let r = c
        .request("update_thread_properties", json!({ "chat_id": chat_id, "thread_id": "NOPE", "properties": rating }))
        .await;
    assert_error(&r, "not_found");
}

#[tokio::test]
async fn the_ticket_form_comes_without_ids_and_tickets_are_listed() {
    let s = start_quiet().await;
    let p = s.port();
    let (mut c, login) = Client::logged_in(p).await;
    let r = c.request("get_form", json!({ "group_id": 0, "type": "ticket" })).await;
    assert_eq!(r["payload"]["enabled"], true);
    assert!(r["payload"]["form"]["fields"].as_array().unwrap().iter().all(|f| f.get("id").is_none()));
    let customer = login["payload"]["customer_id"].as_str().unwrap_or("v").to_owned();
    let body = json!({ "licence_id": LICENSE, "visitor_id": customer, "requester": { "mail": "a@b.c" },
        "ticket_message": "Message: hi", "offline_message": "Message: hi", "group": 0 })
    .to_string();
    let origin = [("Origin", "http://widget.localhost:1")];
    let pre = http(p, "OPTIONS", "api.localhost", "/v2/tickets/new", None, &origin).await;
    assert_eq!(pre.status, 204);
    assert_eq!(pre.header("access-control-allow-headers"), Some("content-type"));
    let r = http(p, "POST", "api.localhost", "/v2/tickets/new", Some(&body), &origin).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["id"], "TK00001");
    assert_eq!(r.header("access-control-allow-origin"), Some("http://widget.localhost:1"));
    let st = admin_state(p).await;
    assert_eq!(st["tickets"][0]["requester"]["mail"], "a@b.c");
    // A bad e-mail gets LiveChat's validation shape; faults fail it.
    let bad = json!({ "licence_id": LICENSE, "requester": { "mail": "nope" } }).to_string();
    let r = http(p, "POST", "api.localhost", "/v2/tickets/new", Some(&bad), &[]).await;
    assert_eq!(r.status, 422);
    assert!(r.json()["errors"][0]["incorrect requester structure"][0].is_string());
    admin(p, "tickets", json!({ "fault": "fail" })).await;
    let r = http(p, "POST", "api.localhost", "/v2/tickets/new", Some(&body), &[]).await;
    assert_eq!(r.status, 500);
    assert_eq!(admin_state(p).await["tickets"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_offline_group_takes_only_continuous_chats_and_can_turn_its_ticket_form_off() {
    let s = start_quiet().await;
    let p = s.port();
    admin(p, "groups", json!({ "group_id": 0, "status": "offline", "ticket": false })).await;
    let (mut c, _) = Client::logged_in(p).await;
    let r = c.request("list_group_statuses", json!({ "group_ids": [0] })).await;
    assert_eq!(r["payload"]["groups_status"]["0"], "offline");
    let r = c.request("get_form", json!({ "group_id": 0, "type": "ticket" })).await;
    assert_eq!(r["payload"], json!({ "enabled": false }));
    let r = c.request("start_chat", json!({})).await;
    assert_eq!(r["success"], false);
    let r = c.request("start_chat", json!({ "continuous": true })).await;
    assert_eq!(r["success"], true, "{r}");
    admin(p, "groups", json!({ "group_id": 0, "status": "online" })).await;
    let r = c.request("list_group_statuses", json!({ "group_ids": [0] })).await;
    assert_eq!(r["payload"]["groups_status"]["0"], "online");
}

/// The postchat survey has a `rating` field like LiveChat's own (`label`, `comment_label`;
/// customer-sdk 2.0.4 `parseFields`). Its filled form carries the other fields' answers
/// (data structures "Filled form fields", which has no `rating` type): that one is accepted,
/// a `rating` field in it is refused with a validation error naming where a rating goes, and
/// the rating itself is the thread's `rating.score` / `rating.comment`.
#[tokio::test]
async fn the_postchat_form_rates_through_the_thread_and_its_filled_form_carries_no_rating_field() {
    let s = start_quiet().await;
    let (mut c, _) = Client::logged_in(s.port()).await;
    let r = c.request("get_form", json!({ "group_id": 0, "type": "postchat" })).await;
    let fields = r["payload"]["form"]["fields"].as_array().unwrap().clone();
    let rating: Vec<_> = fields.iter().filter(|f| f["type"] == "rating").collect();
    assert_eq!(rating.len(), 1, "{fields:?}");
    assert!(rating[0]["label"].as_str().is_some_and(|l| !l.is_empty()), "{}", rating[0]);
    assert!(rating[0]["comment_label"].as_str().is_some_and(|l| !l.is_empty()), "{}", rating[0]);
    let (chat_id, thread_id) = c.start_chat(json!({})).await;
    let props = json!({ "rating": { "score": 0, "comment": "Too slow" } });
    let r = c
        .request("update_thread_properties", json!({ "chat_id": chat_id, "thread_id": thread_id, "properties": props }))
        .await;
    assert_eq!(r["success"], true, "{r}");
    c.push("thread_properties_updated").await;
    let form = |fields: serde_json::Value| json!({ "chat_id": chat_id, "event": { "type": "filled_form", "form_id": "postchat-0", "fields": fields } });
    let answers = json!([
        { "type": "radio", "id": "p-recommend", "label": "Would you recommend us to a friend?", "answer": { "id": "1", "label": "Maybe" } },
        { "type": "textarea", "id": "p-comment", "label": "Any comments?", "answer": "Thanks" },
    ]);
    let r = c.request("send_event", form(answers.clone())).await;
    assert_eq!(r["success"], true, "{r}");
    assert_eq!(c.push("incoming_event").await["payload"]["event"]["fields"], answers);
    for bad in [
        json!({ "type": "rating", "id": "p-rating", "label": "How would you rate this chat?", "answer": { "id": "1", "label": "Good" } }),
        json!({ "type": "rating", "id": "p-rating", "label": "How would you rate this chat?", "answer": 1 }),
        json!({ "type": "rating", "id": "p-rating", "label": "How would you rate this chat?" }),
    ] {
        let r = c.request("send_event", form(json!([bad]))).await;
        assert_error(&r, "validation");
        let message = r["payload"]["error"]["message"].as_str().unwrap_or("");
        assert!(message.contains("update_thread_properties"), "{r}");
    }
    let st = admin_state(s.port()).await;
    let chat = st["chats"].as_array().unwrap().iter().find(|x| x["id"] == chat_id.as_str()).unwrap().clone();
    assert_eq!(chat["threads"][0]["properties"]["rating"], json!({ "score": 0, "comment": "Too slow" }));
}
