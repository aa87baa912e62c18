#!/usr/bin/env bash
# The performance bench (issue 7), on demand (not part of CI; the size check runs in
# scripts/test.sh): builds the release widget, the core's wasm workload and the sandbox,
# then prints every budget's figure with its budget and PASS/FAIL (end2end/bench/bench.mjs).
#   ./scripts/bench.sh                 # everything
#   ./scripts/bench.sh open transcript # some figures: sizes loader open (chunk too) chunk transcript typing wasm native
# BENCH_RUNS (10), BENCH_EVENTS (5000), BENCH_APPENDS (50), BENCH_TRANSCRIPT_RUNS (3), BENCH_TYPED
# (200), BENCH_TYPING_PAUSE (50 ms) and BENCH_CPU_RATE (4, the "(4x CPU)" rows' throttle) tune it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/bootstrap.sh

stage "release build: trunk build --release"
trunk build --release

# Only the `wasm` figure needs this second release build of the widget.
if [ $# -eq 0 ] || [[ " $* " == *" wasm "* ]]; then
  stage "the core's workload in wasm: cargo build --release --lib --features bench"
  cargo build --release --locked --lib --target wasm32-unknown-unknown --features bench
  export BENCH_WASM_DIR="$ROOT/target/bench-wasm"
  wasm-bindgen --target web --out-dir "$BENCH_WASM_DIR" \
    "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/livechat_widget.wasm"
fi

stage "sandbox: cargo build -p livechat-sandbox"
cargo build -p livechat-sandbox --locked
npm_ci_if_changed "$ROOT/end2end"

stage "bench: node end2end/bench/bench.mjs $*"
node end2end/bench/bench.mjs "$@"
