//! The messages tabs exchange on the `livechat:<license>:<group>` BroadcastChannel.
//!
//! Every message is one JSON text with a `t` tag. Followers send `open`, `up`,
//! `close` and `check`; the leader sends `opened`, `down`, `closed` and `leader`;
//! `claim` and `leaving` belong to the election.
//! A tab ignores the messages meant for the other role. Anything else (another
//! version's shape, garbage) fails [`Message::decode`] and is logged, never acted on.

use serde::{Deserialize, Serialize};

/// One message on the tabs' channel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case", deny_unknown_fields)]
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
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a message posted on the channel; an unknown shape is an error to log.
    pub fn decode(text: &str) -> Result<Message, String> {
        serde_json::from_str(text).map_err(|e| format!("ignored a tab message ({e})"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_unknown_shapes() {
        let m = Message::Down { conns: vec!["a-1".into()], text: "{}".into() };
        assert_eq!(Message::decode(&m.encode()), Ok(m));
        assert_eq!(Message::decode(r#"{"t":"check"}"#), Ok(Message::Check));
        for bad in [
            "",
            "null",
            "[]",
            r#"{"t":"nope"}"#,
            r#"{"t":"open"}"#,
            r#"{"t":"open","conn":1}"#,
            r#"{"t":"up","conn":"a-1","text":"{}","extra":1}"#,
        ] {
            assert!(Message::decode(bad).is_err(), "{bad}");
        }
    }
}
