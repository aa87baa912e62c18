# Shared by the project's scripts: paths and the tool PATH. Source it, don't run it.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_BIN="${CHROME_BIN:-/usr/bin/chromium}"

# Prints a stage banner so long runs are easy to follow.
stage() { printf '\n==> %s\n' "$*"; }

# The wasm-bindgen version pinned by Cargo.lock (wasm-bindgen-cli must match it exactly).
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Runs `npm ci` in DIR unless node_modules already matches DIR's package-lock.json.
npm_ci_if_changed() {
  local dir="$1" stamp="$1/node_modules/.lock-stamp" want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  echo "installing npm packages in ${dir#"$ROOT"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
}
