#!/usr/bin/env bash
# Fuzzes the frame decoder (fuzz/fuzz_targets/decode_frame.rs) and the conversation
# over sequences of frames and intents (fuzz/fuzz_targets/chat_reducer.rs), each for
# a bounded time, and prints the inputs tried per target.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (default 60 s, both targets). Not part of CI.
# cargo-fuzz needs nightly flags; only the stable toolchain exists, so RUSTC_BOOTSTRAP=1.
# The sanitizer defaults to none (the target hunts panics in safe Rust, and it builds
# faster); set FUZZ_SANITIZER=address to change it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT/fuzz"

seconds="${1:-60}"
if ! cargo fuzz --version >/dev/null 2>&1; then
  stage "installing cargo-fuzz"
  cargo install cargo-fuzz --locked
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
targets=("${@:2}")
[ ${#targets[@]} -gt 0 ] || targets=(decode_frame chat_reducer)
for target in "${targets[@]}"; do
  mkdir -p "corpus/$target" "seeds/$target"
  stage "fuzzing $target for ${seconds}s"
  # New inputs go to corpus/ (git-ignored); seeds/ holds hand-written starting points.
  RUSTC_BOOTSTRAP=1 cargo fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" "$target" \
    "corpus/$target" "seeds/$target" -- \
    -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 2>&1 | tee "$log" | grep -v -E '^(#[0-9]+|[[:space:]]+NEW_FUNC)' || {
    status=$?
    tail -n 40 "$log"
    echo "fuzzing failed (exit $status); a crashing input is under fuzz/artifacts/$target/"
    exit "$status"
  }
  runs="$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$log" | tail -n 1)"
  echo "$target: inputs tried: ${runs:-unknown}, panics: 0"
done
