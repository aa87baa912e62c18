//! Helpers shared by the relay tests: drain a follower's link, a link whose
//! open the leader has already acknowledged, and tabs on a simulated clock
//! ([`world`]) talking to a scripted server ([`server`]).
#![allow(dead_code)]

pub mod server;
pub mod world;

use livechat_widget::relay::{Link, LinkOutput, Message};

/// Every output the link has queued.
pub fn drain_link(link: &mut Link) -> Vec<LinkOutput> {
    std::iter::from_fn(|| link.poll_output()).collect()
}

/// The link of tab `tab` with its first virtual connection (`<tab>-1`) opened by
/// `leader` at time 0, its outputs drained.
pub fn opened_link(tab: &str, leader: &str) -> Link {
    let mut link = Link::new(tab);
    link.connect(0);
    link.channel(Message::Opened { conn: format!("{tab}-1"), leader: leader.into() });
    drain_link(&mut link);
    link
}
