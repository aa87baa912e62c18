#!/usr/bin/env bash
# How much of the widget's wasm each layer costs (issue 7, "Performance" in the README).
# Builds three variants of the widget, each through the release pipeline trunk uses
# (cargo release build, wasm-bindgen, wasm-opt with index.html's flags, then
# scripts/compressed-size.mjs, the brotli of scripts/size-report.mjs):
#   widget              the widget as it is;
#   no chat window      the App never mounts ChatWindow (what lazy-loading the window,
#                       messages, composer, forms and rich messages could take off the start);
#   no views            the driver mounts an empty element: protocol, session, chat state,
#                       cross-tab relay, host bridge, storage and the reactive runtime only.
# The copy lives under target/size-floor/ (the checkout is never edited). Analysis only, not
# part of CI: about 10 minutes the first time, 2 after.
# Usage: scripts/size-floor.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

WORK="$ROOT/target/size-floor"
TARGET_DIR="$WORK/target"
WASM_OPT_PARAMS="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$ROOT/index.html")"
[ -n "$WASM_OPT_PARAMS" ] || { echo "size-floor: no data-wasm-opt-params in index.html" >&2; exit 2; }

# Applies one sed edit to FILE and fails when it changed nothing (the code moved on).
edit() {
  local file="$1" expr="$2" before
  before="$(sha256sum "$file")"
  sed -i "$expr" "$file"
  [ "$(sha256sum "$file")" != "$before" ] || { echo "size-floor: edit '$expr' no longer applies to $file" >&2; exit 2; }
}

# Copies the checkout to WORK/tree and prints the copy's path. One copy serves the three
# builds: cargo tells them apart by the files' modification times, not by the copy's path,
# so the files are extracted with the time of the copy (-m), newer than any earlier build.
copy_tree() {
  local dest="$WORK/tree"
  rm -rf "$dest" && mkdir -p "$dest"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xmf - -C "$dest")
  echo "$dest"
}

# Builds the widget's wasm in DIR and prints "raw brotli" in bytes after wasm-opt.
measure() {
  local dir="$1" out="$1/out"
  (cd "$dir" && cargo build --quiet --release --target wasm32-unknown-unknown --bin livechat-widget --target-dir "$TARGET_DIR")
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --out-dir "$out" "$TARGET_DIR/wasm32-unknown-unknown/release/livechat-widget.wasm"
  # shellcheck disable=SC2086 # the flags are a list
  wasm-opt -Oz $WASM_OPT_PARAMS "$out/livechat-widget_bg.wasm" -o "$out/opt.wasm"
  node "$ROOT/scripts/compressed-size.mjs" "$out/opt.wasm"
}

stage "size-floor: building three variants of the widget (release)"
tree="$(copy_tree)"
read -r full_raw full_br < <(measure "$tree")
edit "$tree/src/ui/app.rs" 's|fresh(view! { <ChatWindow/> })|fresh(view! { <p/> })|'
read -r nw_raw nw_br < <(measure "$tree")
# On top of the first edit: with the App never mounted, what it mounts does not matter.
edit "$tree/src/browser/driver.rs" 's|view! { <App/> }|view! { <p/> }|'
read -r nv_raw nv_br < <(measure "$tree")

kb() { awk -v n="$1" 'BEGIN { printf "%8.1f", n / 1024 }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%5.0f%%", 100 * a / b }'; }
printf '\n%-16s%8s%8s%7s\n' "wasm" "raw KB" "br KB" "of br"
printf '%-16s%s%s%s\n' "widget" "$(kb "$full_raw")" "$(kb "$full_br")" "$(pct "$full_br" "$full_br")"
printf '%-16s%s%s%s\n' "no chat window" "$(kb "$nw_raw")" "$(kb "$nw_br")" "$(pct "$nw_br" "$full_br")"
printf '%-16s%s%s%s\n' "no views" "$(kb "$nv_raw")" "$(kb "$nv_br")" "$(pct "$nv_br" "$full_br")"
