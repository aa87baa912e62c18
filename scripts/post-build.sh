#!/usr/bin/env bash
# trunk's post-build step (Trunk.toml), in order, on trunk's staging directory:
#   1. Without injection trunk leaves the `<link data-trunk rel="rust">` tag in the page; it
#      does nothing in a browser but names build flags, so it goes.
#   2. The loader is served without its `// ` comment lines and indentation (under 3 KB brotli).
#   3. scripts/split.sh: the chat window's lazy chunk (issue 19), replacing trunk's glue and wasm.
#   4. Release builds: terser from the npm registry (tools/) minifies the JS (trunk's own JS
#      minifier fails on wasm-bindgen's glue, `export default`, and would ship it unminified)
#      and node the language tables (src/ui/i18n/lang/*.json, indented in the repository);
#      then scripts/hash-dist.mjs puts content hashes in the file names and writes .br and .gz.
# Env from trunk: TRUNK_STAGING_DIR, TRUNK_SOURCE_DIR, TRUNK_PROFILE.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
staging="${TRUNK_STAGING_DIR:?run by trunk (Trunk.toml hook)}"

sed -z -E -i 's/<link[^>]*rel="?rust"?[^>]*>//g' "$staging/index.html"
sed -E -i -e '/^[[:space:]]*\/\/ /d' -e 's/^[[:space:]]+//' "$staging/loader.js"
bash "$ROOT/scripts/split.sh"

[ "${TRUNK_PROFILE:-debug}" = release ] || exit 0
terser_opts=(--compress --mangle --comments some)
for f in livechat-widget.js __wasm_split.js boot.js; do
  terser "$staging/$f" --module "${terser_opts[@]}" --output "$staging/$f"
done
terser "$staging/loader.js" "${terser_opts[@]}" --output "$staging/loader.js"
for f in "$staging"/*.json; do
  node -e 'const fs = require("fs"); const f = process.argv[1]; fs.writeFileSync(f, JSON.stringify(JSON.parse(fs.readFileSync(f, "utf8"))))' "$f"
done
node "$ROOT/scripts/hash-dist.mjs" "$staging"
