#!/usr/bin/env bash
# Installs whatever this machine is missing to build, demo and test the widget,
# and skips what is already there (fast when everything is installed).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  stage "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  stage "apt-get install chromium chromium-driver (headless browser tests)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

TRUNK_VERSION=0.21.14   # newer trunk needs a newer rustc than the machine's 1.95
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  stage "cargo install trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

WBG_VERSION="$(locked_wasm_bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  stage "cargo install wasm-bindgen-cli $WBG_VERSION (about 4 minutes)"
  # Not --locked: the CLI's own lock file pins crates that no longer build on this rustc.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# The release build's split step (scripts/split.sh): the CLI of the wasm_split_helpers that
# Leptos's `#[lazy]` uses (0.2.x in Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
# (The CLI has no --version: cargo's list of installed packages tells.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  stage "cargo install wasm_split_cli_support $WASM_SPLIT_VERSION (about 3 minutes)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

# Debian's nginx with its brotli_static module: the end-to-end test of docs/nginx/widget.conf
# (end2end/tests/nginx.test.mjs). Installing does not leave a server running here (no init).
if [ ! -x /usr/sbin/nginx ] || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  stage "apt-get install nginx libnginx-mod-http-brotli-static (the deploy example's test)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static
fi

npm_ci_if_changed "$ROOT/tools"
if [ -f "$ROOT/end2end/package-lock.json" ]; then npm_ci_if_changed "$ROOT/end2end"; fi
