#!/usr/bin/env bash
# Installs what is missing, then runs every test layer; exits non-zero if any fails:
# native tests of the core and the sandbox, clippy, browser tests (wasm-bindgen-test in
# headless Chromium), and a release build of the widget with trunk.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/bootstrap.sh

stage "native tests: cargo test --workspace"
cargo test --workspace --locked

stage "lints: cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

stage "browser tests: wasm-bindgen-test in headless Chromium"
browser_tests=()
for f in tests/browser_*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done
cargo test -p livechat-widget --target wasm32-unknown-unknown --locked "${browser_tests[@]}"

stage "release build: trunk build --release"
trunk build --release
