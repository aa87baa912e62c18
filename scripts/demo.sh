#!/usr/bin/env bash
# Installs what is missing, builds the widget, and runs the demo: the sandbox (a local
# LiveChat RTM v3.2 server with a scripted agent) serving the widget, a demo shop
# website that embeds it, and the agent console. Ctrl-C stops everything.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
bash scripts/bootstrap.sh

stage "building the widget: trunk build --release"
trunk build --release

PORT="${PORT:-8787}"
stage "starting the sandbox on 127.0.0.1:$PORT"
exec cargo run --release --locked -p livechat-sandbox -- --port "$PORT" --widget-dir "$ROOT/dist"
