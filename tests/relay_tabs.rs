//! Three tabs over one connection, end to end on a simulated clock: real
//! [`Conversation`]s, the leader's [`Hub`], the followers' [`Link`]s, a channel
//! that carries encoded [`Message`]s, and a scripted server with one real
//! connection (issue 6, "One connection per visitor"; spec: "Methods > General
//! RTM API request format" for request_id, "Login", "Access > Server pinging").

use std::collections::VecDeque;

use livechat_widget::conversation::{Conversation, ConversationConfig, Intent};
use livechat_widget::relay::{Hub, HubOutput, Link, LinkOutput, Message};
use livechat_widget::session::{ConnectionStatus, Input, Output, SessionConfig, Token};
use serde_json::{json, Value};

const CUSTOMER: &str = "b7eff798-f8df-4364-8059-649c35c9ed0c";
const CHAT: &str = "PJ0MRSHTDG";

enum Role {
    Leader(Hub),
    Follower(Link),
}

struct Tab {
    conv: Conversation,
    role: Role,
    alive: bool,
    inbox: VecDeque<Input>,
}

/// The server: one chat, the customer's messages in it, and which tab's socket is open.
#[derive(Default)]
struct Server {
    owner: Option<usize>,
    connects: usize,
    logins: usize,
    /// (custom_id, text) of every message received, duplicates included.
    messages: Vec<(String, String)>,
    /// Process requests but lose the responses (the socket dies before they go out).
    lose_responses: bool,
    seq: u64,
}

impl Server {
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

    /// A request on the real connection: the frames that come back.
    fn receive(&mut self, text: &str) -> Vec<String> {
        let req: Value = serde_json::from_str(text).expect("JSON request");
        let id = req["request_id"].clone();
        let action = req["action"].as_str().unwrap_or_default().to_owned();
        let answer = |payload: Value| {
            json!({"request_id": id, "action": action, "type": "response", "success": true, "payload": payload})
                .to_string()
        };
        let mut out = Vec::new();
        match action.as_str() {
            "login" => {
                self.logins += 1;
                out.push(answer(json!({"customer": {"id": CUSTOMER, "type": "customer"}, "has_active_thread": true,
                    "chats": [{"chat_id": CHAT, "has_unread_events": false}]})));
                out.push(
                    json!({"request_id": id, "action": "customer_side_storage_updated", "type": "push",
                    "payload": {"customer_side_storage": {"visitor_id": "v1"}}})
                    .to_string(),
                );
            }
            "list_group_statuses" => out.push(answer(json!({"groups_status": {"0": "online"}}))),
            "get_form" => out.push(answer(json!({"enabled": false}))),
            "get_chat" => out.push(answer(self.chat())),
            "send_event" => {
                let event = &req["payload"]["event"];
                let (custom_id, text) =
                    (event["custom_id"].as_str().unwrap().to_owned(), event["text"].as_str().unwrap().to_owned());
                self.messages.push((custom_id.clone(), text.clone()));
                self.seq += 1;
                let event_id = format!("T1_{}", self.messages.len() - 1);
                out.push(answer(json!({"event_id": event_id})));
                out.push(json!({"request_id": id, "action": "incoming_event", "type": "push", "payload": {"chat_id": CHAT, "thread_id": "T1",
                    "event": {"id": event_id, "custom_id": custom_id, "type": "message", "author_id": CUSTOMER,
                        "created_at": format!("2026-01-02T00:00:{:02}.000000Z", self.seq % 60), "text": text}}}).to_string());
            }
            _ => out.push(answer(json!({}))),
        }
        if self.lose_responses {
            out.clear();
        }
        out
    }
}

struct World {
    tabs: Vec<Tab>,
    now: u64,
    server: Server,
    channel: VecDeque<(usize, String)>,
    /// Frames on their way from the server to the tab that owns the real socket.
    wire: VecDeque<(usize, String)>,
}

impl World {
    /// Tab 0 leads; the others follow.
    fn new(tabs: usize) -> World {
        let tabs = (0..tabs)
            .map(|i| {
                let mut session = SessionConfig::new(123, None);
                session.token =
                    Some(Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None });
                session.seed = i as u64 + 1;
                let conv = Conversation::new(session, ConversationConfig { seed: i as u64 + 11, ..Default::default() });
                let role =
                    if i == 0 { Role::Leader(Hub::new("t0")) } else { Role::Follower(Link::new(format!("t{i}"))) };
                Tab { conv, role, alive: true, inbox: VecDeque::from([Input::Start]) }
            })
            .collect();
        World {
            tabs,
            now: 1_700_000_000_000,
            server: Server::default(),
            channel: VecDeque::new(),
            wire: VecDeque::new(),
        }
    }

    /// Runs every tab, the channel and the wire until nothing moves.
    fn settle(&mut self) {
        for _ in 0..10_000 {
            let mut moved = false;
            for i in 0..self.tabs.len() {
                moved |= self.step(i);
            }
            if let Some((from, text)) = self.channel.pop_front() {
                moved = true;
                let message = Message::decode(&text).expect("tabs post well-formed messages");
                for (j, tab) in self.tabs.iter_mut().enumerate() {
                    match (&mut tab.role, tab.alive && j != from) {
                        (Role::Leader(hub), true) => hub.channel(message.clone(), self.now),
                        (Role::Follower(link), true) => link.channel(message.clone()),
                        _ => {}
                    }
                }
            }
            if let Some((owner, text)) = self.wire.pop_front() {
                moved = true;
                if self.server.owner == Some(owner) {
                    if let Role::Leader(hub) = &mut self.tabs[owner].role {
                        hub.real_frame(text);
                    }
                }
            }
            if !moved {
                return;
            }
        }
        panic!("the tabs never settled");
    }

    /// One round for tab `i`; true if anything happened.
    fn step(&mut self, i: usize) -> bool {
        let now = self.now;
        let tab = &mut self.tabs[i];
        if !tab.alive {
            return false;
        }
        let mut moved = false;
        while let Some(input) = tab.inbox.pop_front() {
            moved = true;
            tab.conv.handle_input(input, now);
        }
        while let Some(output) = tab.conv.poll_output() {
            moved = true;
            match (output, &mut tab.role) {
                (Output::Connect { .. }, Role::Leader(hub)) => {
                    hub.real_closed("reconnecting");
                    self.server.owner = Some(i);
                    self.server.connects += 1;
                    tab.inbox.push_back(Input::Opened);
                }
                (Output::Connect { .. }, Role::Follower(link)) => link.connect(now),
                (Output::Send(text), Role::Leader(hub)) => hub.send_local(text),
                (Output::Send(text), Role::Follower(link)) => link.send(text),
                (Output::Close, Role::Leader(hub)) => {
                    hub.real_closed("closed");
                    if self.server.owner == Some(i) {
                        self.server.owner = None;
                    }
                }
                (Output::Close, Role::Follower(link)) => link.close(),
                _ => {}
            }
        }
        match &mut tab.role {
            Role::Leader(hub) => {
                while let Some(out) = hub.poll_output() {
                    moved = true;
                    match out {
                        HubOutput::Broadcast(m) => self.channel.push_back((i, m.encode())),
                        HubOutput::SendReal(text) => {
                            assert_eq!(self.server.owner, Some(i), "only the leader's socket is open");
                            for frame in self.server.receive(&text) {
                                self.wire.push_back((i, frame));
                            }
                        }
                        HubOutput::Local(text) => tab.inbox.push_back(Input::Frame(text)),
                        HubOutput::Check => tab.inbox.push_back(Input::Visible),
                        HubOutput::Log(text) => panic!("unexpected log: {text}"),
                    }
                }
            }
            Role::Follower(link) => {
                while let Some(out) = link.poll_output() {
                    moved = true;
                    match out {
                        LinkOutput::Broadcast(m) => self.channel.push_back((i, m.encode())),
                        LinkOutput::Input(input) => tab.inbox.push_back(input),
                        LinkOutput::Standalone => panic!("a follower went alone"),
                        LinkOutput::Log(text) => panic!("unexpected log: {text}"),
                    }
                }
            }
        }
        moved
    }

    /// Moves the clock and ticks every tab.
    fn advance(&mut self, ms: u64) {
        self.now += ms;
        for tab in self.tabs.iter_mut().filter(|t| t.alive) {
            match &mut tab.role {
                Role::Leader(hub) => hub.tick(self.now),
                Role::Follower(link) => link.tick(self.now),
            }
            tab.inbox.push_back(Input::Tick);
        }
        self.settle();
    }

    fn say(&mut self, i: usize, text: &str) {
        self.tabs[i].conv.handle_intent(Intent::SendMessage(text.into()), self.now);
        self.settle();
    }

    /// The leader tab closes: its socket goes with it and the lock passes to `next`.
    fn leader_closes(&mut self, leader: usize, next: usize) {
        self.tabs[leader].alive = false;
        self.server.owner = None;
        self.wire.clear();
        let tab = &mut self.tabs[next];
        if let Role::Follower(link) = &mut tab.role {
            link.close();
            while link.poll_output().is_some() {}
        }
        let mut hub = Hub::new(format!("t{next}"));
        hub.announce();
        tab.role = Role::Leader(hub);
        tab.inbox.push_back(Input::Reconnect);
        self.settle();
    }

    fn texts(&self, i: usize) -> Vec<String> {
        self.tabs[i].conv.state().timeline.entries().iter().filter_map(|e| e.event.text().map(str::to_owned)).collect()
    }

    fn received(&self) -> Vec<String> {
        self.server.messages.iter().map(|(_, t)| t.clone()).collect()
    }
}

#[test]
fn three_tabs_log_in_over_one_connection_and_each_message_arrives_once_everywhere() {
    let mut w = World::new(3);
    w.settle();
    assert_eq!((w.server.connects, w.server.logins), (1, 1), "one connection, one login (spec: Login)");
    for tab in &w.tabs {
        assert_eq!(tab.conv.status(), &ConnectionStatus::Connected);
    }
    w.say(0, "from the leader");
    w.say(1, "from tab one");
    w.say(2, "from tab two");
    assert_eq!(w.received(), ["from the leader", "from tab one", "from tab two"]);
    for i in 0..3 {
        assert_eq!(w.texts(i), ["from the leader", "from tab one", "from tab two"], "tab {i}");
        assert!(w.tabs[i].conv.outbox().is_empty(), "tab {i} got its confirmation (request_id routed back)");
    }
}

#[test]
fn followers_stay_connected_on_pings_answered_by_the_leader() {
    let mut w = World::new(2);
    w.settle();
    for _ in 0..8 {
        w.advance(15_000); // spec "Access > Server pinging": every 15 s
    }
    assert_eq!((w.server.connects, w.server.logins), (1, 1));
    assert_eq!(w.tabs[1].conv.status(), &ConnectionStatus::Connected, "the follower's watchdog is fed");
}

#[test]
fn hand_over_reconnects_every_tab_through_the_new_leader_at_once() {
    let mut w = World::new(3);
    w.settle();
    w.leader_closes(0, 1);
    assert_eq!((w.server.connects, w.server.logins), (2, 2), "one new connection for the new leader");
    assert_eq!(w.server.owner, Some(1));
    assert_eq!(w.tabs[2].conv.status(), &ConnectionStatus::Connected, "no backoff: connected at the same instant");
    w.say(2, "after the hand-over");
    w.say(1, "from the new leader");
    assert_eq!(w.received(), ["after the hand-over", "from the new leader"]);
    assert_eq!(w.texts(2), ["after the hand-over", "from the new leader"]);
}

#[test]
fn a_message_forwarded_when_the_leader_died_is_reconciled_not_sent_twice() {
    let mut w = World::new(3);
    w.settle();
    // The server takes tab 2's message but the leader dies before the response goes out.
    w.server.lose_responses = true;
    w.say(2, "in flight at the hand-over");
    assert_eq!(w.received(), ["in flight at the hand-over"]);
    assert!(!w.tabs[2].conv.outbox().is_empty());
    w.server.lose_responses = false;
    w.leader_closes(0, 1);
    // After the new login, get_chat shows the message by custom_id: nothing is sent again.
    w.advance(1_000);
    assert_eq!(w.received(), ["in flight at the hand-over"], "delivered once");
    assert!(w.tabs[2].conv.outbox().is_empty(), "reconciled by custom_id");
    assert_eq!(w.texts(2), ["in flight at the hand-over"]);
}

#[test]
fn a_message_the_dead_leader_never_forwarded_is_sent_once_through_the_new_one() {
    let mut w = World::new(2);
    w.settle();
    // Tab 1 writes; the channel message never reaches the leader, which dies.
    w.tabs[1].conv.handle_intent(Intent::SendMessage("lost with the leader".into()), w.now);
    w.step(1);
    w.channel.clear();
    w.leader_closes(0, 1);
    w.advance(1_000);
    assert_eq!(w.received(), ["lost with the leader"]);
    assert!(w.tabs[1].conv.outbox().is_empty());
}
