//! The messages tabs exchange on the `livechat:<license>:<group>` BroadcastChannel.
//!
//! Every message is one JSON text with a `t` tag. Followers send `open`, `up`,
//! `close` and `check`; the leader sends `opened`, `down`, `closed` and `leader`;
//! `claim` and `leaving` belong to the election.
//! A tab ignores the messages meant for the other role. Anything else (another
//! version's shape, unknown fields, garbage) fails [`Message::decode`] and is
//! logged, never acted on.
//!
//! Encoding and decoding are written out over [`serde_json::Value`] rather than
//! derived: the derived tagged-enum deserializer alone was 25 KB of wasm.

use serde_json::{Map, Value};

/// One message on the tabs' channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Follower → leader: open virtual connection `conn` (the follower's `Output::Connect`).
    Open {
        /// Id of the virtual connection, unique across tabs (`<tab id>-<n>`).
        conn: String,
    },
    /// Follower → leader: a frame the follower's session sends on `conn`.
    Up {
        /// The virtual connection.
        conn: String,
        /// The RTM frame, as the follower's session wrote it.
        text: String,
    },
    /// Follower → leader: the follower let go of `conn` (its `Output::Close`, or its page went away).
    Close {
        /// The virtual connection.
        conn: String,
    },
    /// Follower → leader: the follower's page became visible or came online; check the
    /// real socket now (the leader's own page may be hidden, with no such event of its own).
    Check,
    /// Leader → follower: `conn` is open; its frames go to `leader`.
    Opened {
        /// The virtual connection.
        conn: String,
        /// The leader tab's id.
        leader: String,
    },
    /// Leader → followers: an RTM frame for each of `conns` (a response or local
    /// answer for one, or a push fanned out to several).
    Down {
        /// The virtual connections that get `text`.
        conns: Vec<String>,
        /// The RTM frame, with the follower's own `request_id` (or none).
        text: String,
    },
    /// Leader → follower: `conn` is closed (the real connection it used ended, or
    /// the leader does not know it).
    Closed {
        /// The virtual connection.
        conn: String,
        /// A WebSocket-style close code (1006 when abnormal).
        code: u16,
        /// Why, for the log.
        reason: String,
    },
    /// Leader → everyone: this tab leads now; connections to any other leader are gone.
    /// Also the leader's answer to a [`Message::Claim`].
    Leader {
        /// The new leader tab's id.
        leader: String,
    },
    /// Election without Web Locks ([`Election`](super::Election)): `tab` wants to lead;
    /// among rival claims the lowest id wins, and a leader answers with [`Message::Leader`].
    Claim {
        /// The claiming tab's id.
        tab: String,
    },
    /// The leader's page is going away (`pagehide`): elect another one now.
    Leaving {
        /// The leaving leader's id.
        leader: String,
    },
}

impl Message {
    /// The message as the JSON text posted on the channel.
    pub fn encode(&self) -> String {
        let (tag, fields): (&str, Vec<(&str, Value)>) = match self {
            Message::Open { conn } => ("open", vec![("conn", conn.as_str().into())]),
            Message::Up { conn, text } => ("up", vec![("conn", conn.as_str().into()), ("text", text.as_str().into())]),
            Message::Close { conn } => ("close", vec![("conn", conn.as_str().into())]),
            Message::Check => ("check", Vec::new()),
            Message::Opened { conn, leader } => {
                ("opened", vec![("conn", conn.as_str().into()), ("leader", leader.as_str().into())])
            }
            Message::Down { conns, text } => {
                ("down", vec![("conns", conns.as_slice().into()), ("text", text.as_str().into())])
            }
            Message::Closed { conn, code, reason } => (
                "closed",
                vec![("conn", conn.as_str().into()), ("code", (*code).into()), ("reason", reason.as_str().into())],
            ),
            Message::Leader { leader } => ("leader", vec![("leader", leader.as_str().into())]),
            Message::Claim { tab } => ("claim", vec![("tab", tab.as_str().into())]),
            Message::Leaving { leader } => ("leaving", vec![("leader", leader.as_str().into())]),
        };
        let mut map = Map::new();
        map.insert("t".into(), tag.into());
        for (name, value) in fields {
            map.insert(name.into(), value);
        }
        Value::Object(map).to_string()
    }

    /// Reads a message posted on the channel; an unknown shape is an error to log.
    pub fn decode(text: &str) -> Result<Message, String> {
        super::envelope::parse(text)
            .as_ref()
            .and_then(from_map)
            .ok_or_else(|| "ignored a tab message of an unknown shape".to_owned())
    }
}

/// The message in `map`: its `t` tag names the variant, which must have exactly its own fields.
fn from_map(map: &Map<String, Value>) -> Option<Message> {
    let text = |name: &str| map.get(name).and_then(Value::as_str).map(str::to_owned);
    let (message, fields) = match map.get("t")?.as_str()? {
        "open" => (Message::Open { conn: text("conn")? }, 1),
        "up" => (Message::Up { conn: text("conn")?, text: text("text")? }, 2),
        "close" => (Message::Close { conn: text("conn")? }, 1),
        "check" => (Message::Check, 0),
        "opened" => (Message::Opened { conn: text("conn")?, leader: text("leader")? }, 2),
        "down" => {
            let conns = map.get("conns")?.as_array()?;
            let conns = conns.iter().map(|c| c.as_str().map(str::to_owned)).collect::<Option<_>>()?;
            (Message::Down { conns, text: text("text")? }, 2)
        }
        "closed" => {
            let code = u16::try_from(map.get("code")?.as_u64()?).ok()?;
            (Message::Closed { conn: text("conn")?, code, reason: text("reason")? }, 3)
        }
        "leader" => (Message::Leader { leader: text("leader")? }, 1),
        "claim" => (Message::Claim { tab: text("tab")? }, 1),
        "leaving" => (Message::Leaving { leader: text("leader")? }, 1),
        _ => return None,
    };
    (map.len() == fields + 1).then_some(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_unknown_shapes() {
        let conn = || "a-1".to_owned();
        for m in [
            Message::Open { conn: conn() },
            Message::Up { conn: conn(), text: "{}".into() },
            Message::Close { conn: conn() },
            Message::Check,
            Message::Opened { conn: conn(), leader: "b".into() },
            Message::Down { conns: vec![conn(), "c-2".into()], text: "{}".into() },
            Message::Down { conns: Vec::new(), text: "{}".into() },
            Message::Closed { conn: conn(), code: 1006, reason: "gone".into() },
            Message::Leader { leader: "b".into() },
            Message::Claim { tab: "b".into() },
            Message::Leaving { leader: "b".into() },
        ] {
            assert_eq!(Message::decode(&m.encode()), Ok(m));
        }
        assert_eq!(
            Message::decode(r#"{"t":"closed","conn":"a-1","code":1000,"reason":""}"#),
            Ok(Message::Closed { conn: conn(), code: 1000, reason: String::new() })
        );
        assert_eq!(Message::decode(r#"{"t":"check"}"#), Ok(Message::Check));
        for bad in [
            "",
            "null",
            "[]",
            r#"{"t":"nope"}"#,
            r#"{"t":"open"}"#,
            r#"{"t":"open","conn":1}"#,
            r#"{"t":"up","conn":"a-1","text":"{}","extra":1}"#,
            r#"{"t":"check","conn":"a-1"}"#,
            r#"{"t":"down","conns":["a-1",2],"text":"{}"}"#,
            r#"{"t":"closed","conn":"a-1","code":70000,"reason":""}"#,
            r#"{"t":"closed","conn":"a-1","code":-1,"reason":""}"#,
        ] {
            assert!(Message::decode(bad).is_err(), "{bad}");
        }
    }
}
