#!/usr/bin/env node
// Release builds' last step (Trunk.toml): content hashes in the file names, so a deploy never
// mixes an old JS glue with a new wasm or chunk (docs/deploy.md), then precompressed copies.
//   - every file but loader.js and index.html gets `.<hash>` before its extension (16 hex
//     digits of its SHA-256), each named in the file that loads it: the chunks in
//     __wasm_split.js, the main wasm in the glue and boot.js, the glue in boot.js, boot.js and
//     the CSS and the language tables (`de.json`, in its `<meta name="lc-languages">`, which the
//     wasm reads) in index.html. The glue and __wasm_split.js import each other, so the two share
//     one hash, of both their contents;
//   - index.html, the iframe page, keeps its name: host pages name its directory
//     (`widget_url`) and the loader loads it from there. It and loader.js are the two entry
//     points, served with a short cache; every hashed file is immutable;
//   - every file gets a brotli (quality 11) `.br` and a gzip (level 9) `.gz` beside it, for a
//     server that serves precompressed files (nginx: brotli_static, gzip_static).
// Usage: node scripts/hash-dist.mjs DIR   (DIR: trunk's staging dir, or dist/)
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, writeFileSync, statSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const dir = path.resolve(process.argv[2] || "dist");
// loader.d.ts (the JS API's types, for site owners' editors) sits next to loader.js under its name.
const ENTRY = new Set(["index.html", "loader.js", "loader.d.ts"]);
const files = () => readdirSync(dir).filter((f) => !/\.(br|gz)$/.test(f) && statSync(path.join(dir, f)).isFile());
const read = (f) => readFileSync(path.join(dir, f));
const hashOf = (...buffers) => {
  const h = createHash("sha256");
  for (const b of buffers) h.update(b);
  return h.digest("hex").slice(0, 16);
};
const hashedName = (f, hash) => {
  const ext = path.extname(f);
  return `${f.slice(0, f.length - ext.length)}.${hash}${ext}`;
};
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Replaces every quoted or `./`-prefixed mention of each old name in `f` by the new one, but not
 * an object key (`"./__wasm_split.js": …` in the glue is the wasm's import module name).
 */
function rename(f, names) {
  let text = read(f).toString("utf8");
  for (const [from, to] of names) {
    text = text.replace(new RegExp(`(["'\`/(=])${escape(from)}(?=["'\`)?#\\s>])(?!["'\`]\\s*:)`, "g"), `$1${to}`);
  }
  writeFileSync(path.join(dir, f), text);
}

const present = files();
if (present.some((f) => /\.[0-9a-f]{16}\.[a-z]+$/.test(f))) {
  console.error(`hash-dist: ${dir} is already hashed`);
  process.exit(2);
}
const glue = present.find((f) => f.endsWith(".js") && !ENTRY.has(f) && f !== "boot.js" && !f.startsWith("__wasm_split"));
const splitJs = present.find((f) => f === "__wasm_split.js");
const mainWasm = present.find((f) => f.endsWith("_bg.wasm"));
if (!glue || !mainWasm || !present.includes("boot.js")) {
  console.error(`hash-dist: ${dir} lacks the glue, the main wasm or boot.js`);
  process.exit(2);
}
const chunks = present.filter((f) => f.endsWith(".wasm") && f !== mainWasm);
const done = new Map(); // old name -> new name
const settle = (f, hash = hashOf(read(f))) => {
  const to = hashedName(f, hash);
  renameSync(path.join(dir, f), path.join(dir, to));
  done.set(f, to);
};

// Leaves first: the wasm modules name nothing.
for (const f of [...chunks, mainWasm]) settle(f);
if (splitJs) rename(splitJs, done);
rename(glue, done);
// The glue and the chunks' loader import each other: one hash of both.
const pair = splitJs ? [glue, splitJs] : [glue];
const pairHash = hashOf(...pair.map(read));
const pairNames = new Map(pair.map((f) => [f, hashedName(f, pairHash)]));
for (const f of pair) rename(f, pairNames);
for (const f of pair) settle(f, pairHash);
rename("boot.js", done);
settle("boot.js");
for (const f of files().filter((f) => !ENTRY.has(f) && !done.has(f) && ![...done.values()].includes(f))) settle(f);
rename("index.html", done);

for (const f of files()) {
  const data = read(f);
  writeFileSync(path.join(dir, `${f}.br`), zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  }));
  writeFileSync(path.join(dir, `${f}.gz`), zlib.gzipSync(data, { level: 9 }));
}
console.log(`hash-dist: ${[...done.values()].join(", ")}; .br and .gz beside every file`);
