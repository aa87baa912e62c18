//! The protocol core's budget (issue 7): decoding 10,000 mixed push frames and
//! applying them to the chat state, natively. Run: `cargo bench --bench core`.
//! The workload is `livechat_widget::workload`, shared with the wasm figure
//! (`bench_core`, run in Chromium by `scripts/bench.sh`).

use livechat_widget::workload::{apply, logged_in, mixed_frames, FRAMES};

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn decode_and_apply_10k_push_frames(bencher: divan::Bencher) {
    let frames = mixed_frames(FRAMES);
    bencher.with_inputs(|| (logged_in(), frames.clone())).bench_local_values(|(c, frames)| {
        let c = apply(c, frames);
        assert!(c.state().timeline.len() > FRAMES / 3);
        c
    });
}
