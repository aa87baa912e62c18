//! Fuzzes the socket path: IncomingFrame::decode, then Push::decode or Response::decode
//! (by the frame's action, and by a few request actions since responses are keyed by
//! the request). Any panic is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use livechat_widget::protocol::{FrameKind, IncomingFrame, Push, Response};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(frame) = IncomingFrame::decode(text) else { return };
    match frame.kind {
        FrameKind::Push => {
            let _ = Push::decode(&frame.action, frame.payload.clone());
            for action in ["incoming_chat", "incoming_event", "incoming_greeting"] {
                let _ = Push::decode(action, frame.payload.clone());
            }
        }
        FrameKind::Response => {
            let _ = Response::decode(&frame.action, frame.payload.clone());
            for action in ["login", "get_chat", "list_chats", "list_threads", "get_form"] {
                let _ = Response::decode(action, frame.payload.clone());
            }
        }
    }
});
