#!/usr/bin/env bash
# Trunk post-build step (Trunk.toml): splits the widget's wasm into the part that starts the
# widget and the chat window's lazy chunk (issue 19; src/ui/lazy_window.rs). trunk 0.21 has no
# split stage of its own (trunk issue 1022), so this redoes what follows cargo the way Leptos's
# own tooling does, and replaces trunk's glue and wasm in the staging directory:
#   1. wasm-split-cli on cargo's wasm (linked with --emit-relocs by build.rs under the `split`
#      feature): the main module, one wasm per chunk, and __wasm_split.js (the chunks' loader);
#   2. wasm-bindgen on the main module only (--keep-lld-exports: the chunks import the
#      functions, memory and table they share with it from its exports, through __wasm_split.js);
#   3. in release builds wasm-opt on every module, with index.html's flags.
# scripts/post-build.sh runs it and then minifies the JS.
# Env from trunk: TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR, TRUNK_PROFILE; CARGO_TARGET_DIR if set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

staging="${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hook)}"
profile="${TRUNK_PROFILE:-debug}"
[ "$profile" = release ] || profile=debug
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
input="$target_dir/wasm32-unknown-unknown/$profile/livechat-widget.wasm"
name=livechat-widget
[ -f "$input" ] || { echo "split: no $input (did trunk build the livechat-widget binary?)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-split-cli --target web --out-name "$name" "$input" "$work/split"
wasm-bindgen --target web --keep-lld-exports --no-typescript --out-name "$name" --out-dir "$work/bindgen" "$work/split/$name.wasm"

chunks=()
for f in "$work/split"/*.wasm; do
  [ "$(basename "$f")" = "$name.wasm" ] || chunks+=("$f")
done
[ "${#chunks[@]}" -gt 0 ] || { echo "split: wasm-split found no split point (is the split feature on?)" >&2; exit 1; }

if [ "$profile" = release ]; then
  opt_params="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$ROOT/index.html")"
  [ -n "$opt_params" ] || { echo "split: no data-wasm-opt-params in index.html" >&2; exit 1; }
  for f in "$work/bindgen/${name}_bg.wasm" "${chunks[@]}"; do
    # shellcheck disable=SC2086 # the flags are a list
    wasm-opt -Oz $opt_params "$f" -o "$f"
  done
fi

rm -f "$staging"/*.wasm
cp "$work/bindgen/$name.js" "$work/bindgen/${name}_bg.wasm" "$work/split/__wasm_split.js" "${chunks[@]}" "$staging/"
echo "split: $(basename -a "${chunks[@]}" | tr '\n' ' ')lazy, main ${name}_bg.wasm"
