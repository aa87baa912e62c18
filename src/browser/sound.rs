//! The optional reply sound: a short two-note chime generated with WebAudio (no
//! file to fetch, nothing for the CSP to allow). Browsers let audio start only
//! after the visitor has interacted with the page, so the audio context is made
//! at the first pointer or key press inside the widget; until then a chime is
//! silently skipped. Whether to chime at all is the core's decision
//! ([`Conversation::take_chime`](crate::conversation::Conversation::take_chime)).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::{AudioContext, OscillatorType};

use super::listeners::Listeners;

/// The audio context once the visitor has interacted, and the listeners until then.
#[derive(Default)]
pub struct Sound {
    context: Rc<RefCell<Option<AudioContext>>>,
    _listeners: Listeners,
}

impl Sound {
    /// Waits for the visitor's first interaction to unlock audio.
    pub fn listen() -> Sound {
        let context: Rc<RefCell<Option<AudioContext>>> = Rc::default();
        let mut listeners = Listeners::default();
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            for kind in ["pointerdown", "keydown"] {
                let context = context.clone();
                listeners.add(&document, kind, move |_| {
                    let mut slot = context.borrow_mut();
                    if slot.is_none() {
                        *slot = AudioContext::new().ok();
                    }
                });
            }
        }
        Sound { context, _listeners: listeners }
    }

    /// Plays the chime if audio is unlocked.
    pub fn chime(&self) {
        let Some(ctx) = self.context.borrow().clone() else { return };
        let _ = ctx.resume();
        let start = ctx.current_time();
        for (i, freq) in [880.0_f32, 1318.5].into_iter().enumerate() {
            let (Ok(osc), Ok(gain)) = (ctx.create_oscillator(), ctx.create_gain()) else { return };
            let at = start + i as f64 * 0.12;
            osc.set_type(OscillatorType::Sine);
            osc.frequency().set_value(freq);
            let g = gain.gain();
            let _ = g.set_value_at_time(0.0001, at);
            let _ = g.exponential_ramp_to_value_at_time(0.15, at + 0.02);
            let _ = g.exponential_ramp_to_value_at_time(0.0001, at + 0.18);
            let _ = osc.connect_with_audio_node(&gain).and_then(|_| gain.connect_with_audio_node(&ctx.destination()));
            let _ = osc.start_with_when(at);
            let _ = osc.stop_with_when(at + 0.2);
        }
    }
}
