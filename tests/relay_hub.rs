//! The leader's multiplexer and the follower's virtual socket, frame by frame
//! (issue 6, "One connection per visitor"). Spec sections: "Methods > General RTM
//! API request format" (request_id), "Pushes" (request_id only for the requester),
//! "Login", "Access > Server pinging".

mod common_relay;

use common_relay::{drain_link, opened_link};
use livechat_widget::relay::{
    Hub, HubOutput, Link, LinkOutput, Message, CONN_IDLE_MS, MAX_OPEN_FAILURES, OPEN_TIMEOUT_MS,
};
use livechat_widget::session::Input;
use serde_json::{json, Value};

fn drain(hub: &mut Hub) -> Vec<HubOutput> {
    std::iter::from_fn(|| hub.poll_output()).collect()
}

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON frame")
}

/// Every frame the hub sent down to `conn`.
fn down_to(out: &[HubOutput], conn: &str) -> Vec<Value> {
    out.iter()
        .filter_map(|o| match o {
            HubOutput::Broadcast(Message::Down { conns, text }) if conns.iter().any(|c| c == conn) => {
                Some(json_of(text))
            }
            _ => None,
        })
        .collect()
}

fn sent_real(out: &[HubOutput]) -> Vec<Value> {
    out.iter().filter_map(|o| if let HubOutput::SendReal(t) = o { Some(json_of(t)) } else { None }).collect()
}

fn local(out: &[HubOutput]) -> Vec<Value> {
    out.iter().filter_map(|o| if let HubOutput::Local(t) = o { Some(json_of(t)) } else { None }).collect()
}

const LOGIN_PAYLOAD: &str = r#"{"customer":{"id":"c1"},"has_active_thread":false,"chats":[]}"#;

/// A hub whose real connection is logged in (request r1), with the
/// customer_side_storage_updated push that followed.
fn logged_in_hub() -> Hub {
    let mut hub = Hub::new("L");
    hub.announce();
    hub.send_local(json!({"request_id": "r1", "action": "login", "payload": {"token": "Bearer t"}}).to_string());
    hub.real_frame(format!(
        r#"{{"request_id":"r1","action":"login","type":"response","success":true,"payload":{LOGIN_PAYLOAD}}}"#
    ));
    hub.real_frame(
        json!({"request_id": "r1", "action": "customer_side_storage_updated", "type": "push",
            "payload": {"customer_side_storage": {"visitor_id": "v1"}}})
        .to_string(),
    );
    drain(&mut hub);
    hub
}

/// Opens virtual connection `conn` on `hub` and sends `text` on it.
fn open_and_send(hub: &mut Hub, conn: &str, text: &str) -> Vec<HubOutput> {
    hub.channel(Message::Open { conn: conn.into() }, 0);
    hub.channel(Message::Up { conn: conn.into(), text: text.into() }, 0);
    drain(hub)
}

/// Opens virtual connection `conn` on `hub` and logs it in with request id `id`.
fn join(hub: &mut Hub, conn: &str, id: &str) -> Vec<HubOutput> {
    let login = json!({"request_id": id, "action": "login", "payload": {"token": "Bearer f"}}).to_string();
    open_and_send(hub, conn, &login)
}

#[test]
fn login_of_a_follower_is_answered_from_the_leaders_login_with_its_own_request_id() {
    let mut hub = logged_in_hub();
    let out = join(&mut hub, "F-1", "r1");
    assert!(out.contains(&HubOutput::Broadcast(Message::Opened { conn: "F-1".into(), leader: "L".into() })));
    assert!(sent_real(&out).is_empty(), "a second login never reaches the server (it would be not_allowed)");
    let frames = down_to(&out, "F-1");
    assert_eq!(frames.len(), 2, "{frames:?}");
    assert_eq!(frames[0]["request_id"], "r1");
    assert_eq!(frames[0]["type"], "response");
    assert_eq!(frames[0]["success"], true);
    assert_eq!(frames[0]["payload"], json_of(LOGIN_PAYLOAD));
    assert_eq!(frames[1]["action"], "customer_side_storage_updated");
    assert_eq!(frames[1]["request_id"], "r1");
    assert_eq!(frames[1]["payload"]["customer_side_storage"]["visitor_id"], "v1");
}

#[test]
fn login_of_a_follower_waits_for_the_leaders_login() {
    let mut hub = Hub::new("L");
    let out = join(&mut hub, "F-1", "r4");
    assert!(down_to(&out, "F-1").is_empty(), "no answer before the real connection is logged in");
    hub.send_local(json!({"request_id": "r1", "action": "login", "payload": {}}).to_string());
    hub.real_frame(format!(
        r#"{{"request_id":"r1","action":"login","type":"response","success":true,"payload":{LOGIN_PAYLOAD}}}"#
    ));
    let out = drain(&mut hub);
    assert_eq!(local(&out).len(), 1, "the leader's session gets its own login response");
    let frames = down_to(&out, "F-1");
    assert_eq!(frames.len(), 1);
    assert_eq!((frames[0]["action"].as_str(), frames[0]["request_id"].as_str()), (Some("login"), Some("r4")));
    // The storage push that follows reaches the follower too, without the leader's request_id.
    hub.real_frame(
        json!({"request_id": "r1", "action": "customer_side_storage_updated", "type": "push",
            "payload": {"customer_side_storage": {"visitor_id": "v1"}}})
        .to_string(),
    );
    let out = drain(&mut hub);
    let frames = down_to(&out, "F-1");
    assert_eq!(frames.len(), 1);
    assert!(frames[0].get("request_id").is_none());
    assert_eq!(local(&out)[0]["request_id"], "r1", "the leader's own copy keeps its request_id");
}

#[test]
fn failed_leader_login_answers_no_follower() {
    let mut hub = Hub::new("L");
    join(&mut hub, "F-1", "r1");
    hub.send_local(json!({"request_id": "r1", "action": "login", "payload": {}}).to_string());
    hub.real_frame(
        json!({"request_id": "r1", "action": "login", "type": "response", "success": false,
            "payload": {"error": {"type": "authentication", "message": "x"}}})
        .to_string(),
    );
    assert!(down_to(&drain(&mut hub), "F-1").is_empty());
}

#[test]
fn request_ids_are_rewritten_per_tab_and_responses_routed_back_with_the_original() {
    let mut hub = logged_in_hub();
    join(&mut hub, "A-1", "r1");
    join(&mut hub, "B-1", "r1");
    // Both followers use the same id, as do their sessions: r2.
    for conn in ["A-1", "B-1"] {
        let text = json!({"request_id": "r2", "action": "get_chat", "payload": {"chat_id": "C"}}).to_string();
        hub.channel(Message::Up { conn: conn.into(), text }, 0);
    }
    let out = drain(&mut hub);
    let ids: Vec<String> = sent_real(&out).iter().map(|f| f["request_id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), 2);
    assert_ne!(ids[0], ids[1], "unique on the one real connection");
    assert!(ids.iter().all(|id| id != "r2" && !id.starts_with('r')), "never one of the leader's own r<n> ids: {ids:?}");
    assert_eq!(sent_real(&out)[0]["payload"]["chat_id"], "C");
    // The server answers B first.
    hub.real_frame(json!({"request_id": ids[1], "action": "get_chat", "type": "response", "success": true, "payload": {"id": "B"}}).to_string());
    let out = drain(&mut hub);
    assert!(local(&out).is_empty(), "the leader's session never sees a follower's response");
    assert!(down_to(&out, "A-1").is_empty());
    let to_b = down_to(&out, "B-1");
    assert_eq!((to_b[0]["request_id"].as_str(), to_b[0]["payload"]["id"].as_str()), (Some("r2"), Some("B")));
}

#[test]
fn a_push_caused_by_a_follower_carries_the_request_id_only_to_that_follower() {
    let mut hub = logged_in_hub();
    join(&mut hub, "A-1", "r1");
    join(&mut hub, "B-1", "r1");
    let text = json!({"request_id": "r3", "action": "send_event", "payload": {"chat_id": "C", "event": {"type": "message", "text": "hi"}}}).to_string();
    hub.channel(Message::Up { conn: "A-1".into(), text }, 0);
    let forwarded = sent_real(&drain(&mut hub))[0]["request_id"].as_str().unwrap().to_owned();
    hub.real_frame(
        json!({"request_id": forwarded, "action": "incoming_event", "type": "push", "payload": {"chat_id": "C"}})
            .to_string(),
    );
    let out = drain(&mut hub);
    assert_eq!(down_to(&out, "A-1").len(), 1);
    assert_eq!(down_to(&out, "A-1")[0]["request_id"], "r3");
    assert_eq!(down_to(&out, "B-1").len(), 1);
    assert!(down_to(&out, "B-1")[0].get("request_id").is_none());
    assert!(local(&out)[0].get("request_id").is_none(), "the leader's session gets the push without a stranger's id");
}

#[test]
fn pushes_fan_out_to_logged_in_followers_and_customer_disconnected_to_all() {
    let mut hub = logged_in_hub();
    join(&mut hub, "A-1", "r1");
    hub.channel(Message::Open { conn: "W-1".into() }, 0); // opened, not logged in
    let push = r#"{"action":"incoming_typing_indicator","type":"push","payload":{}}"#;
    hub.real_frame(push.into());
    let out = drain(&mut hub);
    assert_eq!(local(&out).len(), 1);
    assert_eq!(down_to(&out, "A-1").len(), 1);
    assert!(down_to(&out, "W-1").is_empty());
    hub.real_frame(
        r#"{"action":"customer_disconnected","type":"push","payload":{"reason":"too_many_connections"}}"#.into(),
    );
    let out = drain(&mut hub);
    assert_eq!(down_to(&out, "A-1").len(), 1);
    assert_eq!(down_to(&out, "W-1").len(), 1, "a follower waiting for its login stops too");
}

#[test]
fn ping_of_a_follower_is_answered_by_the_leader_and_is_a_no_op_before_login() {
    let mut hub = logged_in_hub();
    let out = open_and_send(&mut hub, "A-1", r#"{"request_id":"r1","action":"ping","payload":{}}"#);
    assert!(
        sent_real(&out).is_empty() && down_to(&out, "A-1").is_empty(),
        "spec: until authorization, ping is a no-op"
    );
    join(&mut hub, "A-1", "r2");
    hub.channel(
        Message::Up { conn: "A-1".into(), text: r#"{"request_id":"r3","action":"ping","payload":{}}"#.into() },
        0,
    );
    let out = drain(&mut hub);
    assert!(sent_real(&out).is_empty(), "the leader pings the real socket on its own schedule");
    let pong = &down_to(&out, "A-1")[0];
    assert_eq!(
        (pong["action"].as_str(), pong["request_id"].as_str(), pong["success"].as_bool()),
        (Some("ping"), Some("r3"), Some(true))
    );
}

#[test]
fn requests_before_a_follower_login_get_an_authentication_error() {
    let mut hub = logged_in_hub();
    let out = open_and_send(&mut hub, "A-1", r#"{"request_id":"r1","action":"list_chats","payload":{}}"#);
    assert!(sent_real(&out).is_empty());
    assert_eq!(down_to(&out, "A-1")[0]["payload"]["error"]["type"], "authentication");
}

#[test]
fn frames_for_an_unknown_connection_close_it() {
    let mut hub = logged_in_hub();
    hub.channel(
        Message::Up { conn: "Z-9".into(), text: r#"{"request_id":"r5","action":"send_event","payload":{}}"#.into() },
        0,
    );
    let out = drain(&mut hub);
    assert!(sent_real(&out).is_empty(), "never sent for a follower this leader does not know");
    assert!(matches!(&out[..], [HubOutput::Broadcast(Message::Closed { conn, .. })] if conn == "Z-9"));
}

#[test]
fn real_close_closes_logged_in_followers_and_keeps_waiting_ones() {
    let mut hub = logged_in_hub();
    join(&mut hub, "A-1", "r1");
    // W-1 is answered: it is logged in too.
    open_and_send(&mut hub, "W-1", r#"{"request_id":"r1","action":"login","payload":{}}"#);
    hub.channel(Message::Open { conn: "N-1".into() }, 0);
    drain(&mut hub);
    hub.real_closed("gone");
    let out = drain(&mut hub);
    let closed: Vec<&str> = out
        .iter()
        .filter_map(
            |o| if let HubOutput::Broadcast(Message::Closed { conn, .. }) = o { Some(conn.as_str()) } else { None },
        )
        .collect();
    assert_eq!(closed, ["A-1", "W-1"]);
    assert_eq!(hub.followers(), 1, "N-1 waits for the next login");
    // A late response for a closed follower goes nowhere.
    hub.real_frame(
        r#"{"request_id":"A-1/r2","action":"get_chat","type":"response","success":true,"payload":{}}"#.into(),
    );
    let out = drain(&mut hub);
    assert!(down_to(&out, "A-1").is_empty() && local(&out).is_empty());
}

#[test]
fn silent_followers_expire() {
    let mut hub = logged_in_hub();
    join(&mut hub, "A-1", "r1");
    hub.channel(
        Message::Up { conn: "A-1".into(), text: r#"{"request_id":"r2","action":"ping","payload":{}}"#.into() },
        10_000,
    );
    drain(&mut hub);
    assert_eq!(hub.next_timeout(), Some(10_000 + CONN_IDLE_MS));
    hub.tick(10_000 + CONN_IDLE_MS - 1);
    assert_eq!(hub.followers(), 1);
    hub.tick(10_000 + CONN_IDLE_MS);
    assert_eq!(hub.followers(), 0);
    assert!(matches!(&drain(&mut hub)[..], [HubOutput::Broadcast(Message::Closed { .. })]));
}

#[test]
fn bad_frames_from_followers_are_logged_not_sent() {
    let mut hub = logged_in_hub();
    join(&mut hub, "A-1", "r1");
    for bad in ["not json", "[1]", r#"{"request_id":"r2"}"#] {
        hub.channel(Message::Up { conn: "A-1".into(), text: bad.into() }, 0);
        let out = drain(&mut hub);
        assert!(matches!(&out[..], [HubOutput::Log(_)]), "{bad}: {out:?}");
    }
    // Garbage from the server still reaches the leader's session, which reports it.
    hub.real_frame("garbage".into());
    assert_eq!(drain(&mut hub), [HubOutput::Local("garbage".into())]);
}

#[test]
fn follower_link_opens_sends_and_receives_only_its_own_frames() {
    let mut link = Link::new("F");
    link.connect(0);
    let out = drain_link(&mut link);
    assert_eq!(out, [LinkOutput::Broadcast(Message::Open { conn: "F-1".into() })]);
    link.send("early".into());
    assert!(matches!(&drain_link(&mut link)[..], [LinkOutput::Log(_)]), "nothing goes out before the leader answers");
    link.channel(Message::Opened { conn: "X-1".into(), leader: "L".into() });
    assert!(drain_link(&mut link).is_empty(), "another tab's connection");
    link.channel(Message::Opened { conn: "F-1".into(), leader: "L".into() });
    assert_eq!(drain_link(&mut link), [LinkOutput::Input(Input::Opened)]);
    link.send("{}".into());
    assert_eq!(drain_link(&mut link), [LinkOutput::Broadcast(Message::Up { conn: "F-1".into(), text: "{}".into() })]);
    link.channel(Message::Down { conns: vec!["X-1".into()], text: "no".into() });
    link.channel(Message::Down { conns: vec!["X-1".into(), "F-1".into()], text: "yes".into() });
    assert_eq!(drain_link(&mut link), [LinkOutput::Input(Input::Frame("yes".into()))]);
    link.channel(Message::Closed { conn: "F-1".into(), code: 1006, reason: "r".into() });
    assert_eq!(drain_link(&mut link), [LinkOutput::Input(Input::Closed { code: 1006, reason: "r".into() })]);
}

#[test]
fn a_new_leader_makes_followers_reconnect_at_once() {
    let mut link = opened_link("F", "L");
    link.channel(Message::Leader { leader: "L".into() });
    assert!(drain_link(&mut link).is_empty(), "the leader it already uses");
    link.channel(Message::Leader { leader: "M".into() });
    assert_eq!(
        drain_link(&mut link),
        [LinkOutput::Broadcast(Message::Close { conn: "F-1".into() }), LinkOutput::Input(Input::Reconnect)]
    );
}

#[test]
fn an_unanswered_open_times_out_and_after_several_the_tab_goes_alone() {
    let mut link = Link::new("F");
    let mut now = 0;
    for attempt in 1..=MAX_OPEN_FAILURES {
        link.connect(now);
        drain_link(&mut link);
        assert_eq!(link.next_timeout(), Some(now + OPEN_TIMEOUT_MS));
        link.tick(now + OPEN_TIMEOUT_MS - 1);
        assert!(drain_link(&mut link).is_empty());
        now += OPEN_TIMEOUT_MS;
        link.tick(now);
        let out = drain_link(&mut link);
        assert!(out.contains(&LinkOutput::Input(Input::Closed {
            code: 1006,
            reason: "no answer from the leader tab".into()
        })));
        assert_eq!(out.contains(&LinkOutput::Standalone), attempt == MAX_OPEN_FAILURES, "attempt {attempt}");
    }
}
