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

npm_ci_if_changed "$ROOT/tools"
if [ -f "$ROOT/end2end/package-lock.json" ]; then npm_ci_if_changed "$ROOT/end2end"; fi
