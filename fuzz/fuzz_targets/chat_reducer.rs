//! Fuzzes the conversation (session + chat reducer) over sequences of frames and
//! customer intents after a login: the input is split into lines; a line is a
//! server frame, or, when it starts with `!`, an intent chosen by its next byte.
//! Any panic is a bug; so is a timeline holding one event id twice.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use livechat_widget::conversation::{Conversation, ConversationConfig, Intent};
use livechat_widget::session::{Input, Output, SessionConfig, Token};

const LOGIN: &str = r#"{"request_id":"REQ","action":"login","type":"response","success":true,
  "payload":{"customer":{"id":"c1","type":"customer"},"has_active_thread":true,
  "chats":[{"chat_id":"CH","has_unread_events":false}]}}"#;

fn intent(selector: u8, arg: &str) -> Intent {
    let arg = arg.to_owned();
    match selector % 12 {
        0 => Intent::SendMessage(arg),
        1 => Intent::RetryMessage { custom_id: arg },
        2 => Intent::RemoveMessage { custom_id: arg },
        3 => Intent::Postback { event_id: arg.clone(), postback_id: arg },
        4 => Intent::AcceptGreeting,
        5 => Intent::CancelGreeting,
        6 => Intent::Typing(arg),
        7 => Intent::EndChat,
        8 => Intent::SetViewing(arg.len() % 2 == 0),
        9 => Intent::LoadOlder,
        10 => Intent::SetSessionVariables { variables: vec![(arg.clone(), arg)], merge: true },
        _ => Intent::SkipPostchat,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut session = SessionConfig::new(1, None);
    session.token = Some(Token { token_type: "Bearer".into(), access_token: "dal:t".into(), expires_at_ms: None });
    let config = ConversationConfig { outbox_key: Some("k".into()), ..Default::default() };
    let mut c = Conversation::new(session, config);
    let mut now = 1_700_000_000_000u64;
    c.handle_input(Input::Start, now);
    c.handle_input(Input::Opened, now);
    // Answer the login with the id it was sent with.
    while let Some(out) = c.poll_output() {
        if let Output::Send(frame) = out {
            if frame.contains(r#""action":"login""#) {
                let id = frame.split(r#""request_id":""#).nth(1).and_then(|r| r.split('"').next()).unwrap_or("");
                c.handle_input(Input::Frame(LOGIN.replace("REQ", id)), now);
            }
        }
    }
    for line in text.lines() {
        now += 700;
        match line.strip_prefix('!') {
            Some(rest) => {
                let selector = rest.bytes().next().unwrap_or(0);
                c.handle_intent(intent(selector, rest.get(1..).unwrap_or("")), now);
            }
            None => c.handle_input(Input::Frame(line.to_owned()), now),
        }
        if line.len() % 5 == 0 {
            c.handle_input(Input::Tick, now);
        }
        while c.poll_output().is_some() {}
        while c.poll_host_event().is_some() {}
        let mut ids = HashSet::new();
        for entry in c.state().timeline.entries() {
            if let Some(id) = &entry.event_id {
                assert!(ids.insert(id.clone()), "event {id} twice in the timeline");
            }
        }
    }
});
