//! A scripted RTM server for the tabs' tests: one chat, the customer's messages
//! in it, and the real sockets open to it (spec: "Login", "Pushes").

use serde_json::{json, Value};

pub const CUSTOMER: &str = "b7eff798-f8df-4364-8059-649c35c9ed0c";
pub const CHAT: &str = "PJ0MRSHTDG";

/// Frames the server sends back for one request.
#[derive(Default)]
pub struct Reply {
    /// To the socket the request came on.
    pub requester: Vec<String>,
    /// To every other socket of the customer (pushes).
    pub others: Vec<String>,
}

#[derive(Default)]
pub struct Server {
    /// The open sockets: (socket id, tab index).
    pub sockets: Vec<(u64, usize)>,
    pub connects: usize,
    pub logins: usize,
    /// (custom_id, text) of every message received, duplicates included.
    pub messages: Vec<(String, String)>,
    /// The action of every request received, in order.
    pub actions: Vec<String>,
    /// Process requests but lose the responses (the socket dies before they go out).
    pub lose_responses: bool,
}

impl Server {
    /// A tab opens a socket: its id.
    pub fn open(&mut self, tab: usize) -> u64 {
        self.connects += 1;
        let id = self.connects as u64;
        self.sockets.push((id, tab));
        id
    }

    /// The socket `id` is gone.
    pub fn close(&mut self, id: u64) {
        self.sockets.retain(|(s, _)| *s != id);
    }

    pub fn is_open(&self, id: u64) -> bool {
        self.sockets.iter().any(|(s, _)| *s == id)
    }

    /// The tabs that have a socket open, in the order they opened them.
    pub fn owners(&self) -> Vec<usize> {
        self.sockets.iter().map(|(_, tab)| *tab).collect()
    }

    /// How many `action` requests arrived.
    pub fn count(&self, action: &str) -> usize {
        self.actions.iter().filter(|a| *a == action).count()
    }

    fn chat(&self) -> Value {
        let events: Vec<Value> = self
            .messages
            .iter()
            .enumerate()
            .map(|(i, (custom_id, text))| {
                json!({"id": format!("T1_{i}"), "custom_id": custom_id, "type": "message",
                "author_id": CUSTOMER, "created_at": format!("2026-01-01T00:00:{:02}.000000Z", i % 60), "text": text})
            })
            .collect();
        json!({"id": CHAT, "users": [{"id": CUSTOMER, "type": "customer", "present": true}],
            "thread": {"id": "T1", "active": true, "events": events, "created_at": "2026-01-01T00:00:00.000000Z"}})
    }

    /// A request on a real connection: the frames that come back.
    pub fn receive(&mut self, text: &str) -> Reply {
        let req: Value = serde_json::from_str(text).expect("JSON request");
        let id = req["request_id"].clone();
        let action = req["action"].as_str().unwrap_or_default().to_owned();
        let answer = |payload: Value| {
            json!({"request_id": id, "action": action, "type": "response", "success": true, "payload": payload})
                .to_string()
        };
        self.actions.push(action.clone());
        let mut reply = Reply::default();
        match action.as_str() {
            "login" => {
                self.logins += 1;
                reply.requester.push(answer(json!({"customer": {"id": CUSTOMER, "type": "customer"},
                    "has_active_thread": true, "chats": [{"chat_id": CHAT, "has_unread_events": false}]})));
                reply.requester.push(
                    json!({"request_id": id, "action": "customer_side_storage_updated", "type": "push",
                    "payload": {"customer_side_storage": {"visitor_id": "v1"}}})
                    .to_string(),
                );
            }
            "list_group_statuses" => reply.requester.push(answer(json!({"groups_status": {"0": "online"}}))),
            "get_form" => reply.requester.push(answer(json!({"enabled": false}))),
            "get_chat" => reply.requester.push(answer(self.chat())),
            "send_event" => {
                let event = &req["payload"]["event"];
                let (custom_id, text) =
                    (event["custom_id"].as_str().unwrap().to_owned(), event["text"].as_str().unwrap().to_owned());
                self.messages.push((custom_id.clone(), text.clone()));
                let event_id = format!("T1_{}", self.messages.len() - 1);
                reply.requester.push(answer(json!({"event_id": event_id})));
                let mut push = json!({"action": "incoming_event", "type": "push",
                    "payload": {"chat_id": CHAT, "thread_id": "T1", "event": {"id": event_id,
                        "custom_id": custom_id, "type": "message", "author_id": CUSTOMER,
                        "created_at": format!("2026-01-02T00:00:{:02}.000000Z", self.messages.len() % 60), "text": text}}});
                // Spec "Pushes": the request_id only to the requester.
                reply.others.push(push.to_string());
                push["request_id"] = id.clone();
                reply.requester.push(push.to_string());
            }
            _ => reply.requester.push(answer(json!({}))),
        }
        if self.lose_responses {
            reply = Reply::default();
        }
        reply
    }
}
