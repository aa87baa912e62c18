#!/usr/bin/env bash
# Installs what is missing, then runs every test layer; exits non-zero if any fails:
# native tests of the core and the sandbox, clippy, browser tests (wasm-bindgen-test in
# headless Chromium), a release build of the widget with trunk, and the end-to-end tests
# (the built widget on the demo website against the sandbox, in Chromium via Playwright), and
# the reduced fault suite (end2end/faults/suite.mjs: disconnects, half-open sockets, every
# disconnect reason and error, reloads, tabs, offline, a frozen tab).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/bootstrap.sh

stage "format: cargo fmt --all --check"
cargo fmt --all --check

stage "native tests: cargo test --workspace"
cargo test --workspace --locked

stage "lints: cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets --locked -- -D warnings

stage "browser tests: wasm-bindgen-test in headless Chromium"
browser_tests=()
for f in tests/browser_*.rs; do browser_tests+=(--test "$(basename "$f" .rs)"); done
cargo test -p livechat-widget --target wasm32-unknown-unknown --locked "${browser_tests[@]}"

stage "types: tsc checks loader/loader.d.ts against a typed host page (loader/types/usage.ts)"
end2end/node_modules/.bin/tsc -p loader/types/tsconfig.json

stage "release build: trunk build --release"
trunk build --release

stage "download sizes: node scripts/size-report.mjs dist (fails when the loader passes 3 KB or the widget its ceiling)"
node scripts/size-report.mjs dist

stage "end-to-end tests: node --test end2end/tests (Playwright + Debian Chromium + sandbox)"
cargo build -p livechat-sandbox --locked
(cd end2end && npm test)

stage "fault suite (reduced): node end2end/faults/suite.mjs --reduced (full counts: without --reduced)"
node end2end/faults/suite.mjs --reduced
