#!/usr/bin/env node
// Prints what a visitor downloads, per file, raw / gzip / brotli (maximum quality, as a CDN
// would serve it), and checks the size budgets of issue 19:
//   - first download: every file the widget's frame fetches until its RTM login is sent (the
//     page, CSS, boot script, JS glue, the chunks' loader and the main wasm; the loader aside):
//     at most 130 KB brotli. That is an English visitor's; a visitor in another language also
//     fetches that language's table (named in index.html's <meta name="lc-languages">), in
//     parallel with the connection: the row "first download, largest language" adds the
//     largest table, and has its own ceiling;
//   - everything: every file of the build but the loader (the chat window's lazy chunks and
//     every language table too): at most 220 KB brotli;
//   - the loader on the host page: at most 3 KB brotli.
// Lazy is what the chunks' loader (__wasm_split.js, written by scripts/split.sh) fetches on
// demand: the files it names in `new URL("./….wasm", import.meta.url)`; the frame fetches
// everything else at start (end2end/tests/split.test.mjs checks this against a real page).
// A budget not met yet is reported as such and the build may not grow past its ceiling
// (CEILINGS, today's figures: lower them with every cut); at the budget the budget takes over.
// Usage: node scripts/size-report.mjs [DIST_DIR]
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compressedSizes } from "./compressed-size.mjs";

const KB = 1024;
const BUDGETS = { loader: 3 * KB, first: 130 * KB, everything: 220 * KB };
// The split alone measured 190.8 / 252.2 KB; with issues 16-18 merged (14 languages, the JS API,
// files, rating, tickets, retry discipline; most of the core and every language table still in the
// first download) 237.7 / 318.6 KB, this script on the merged build.
// The same build twice gives the same figures, but a small unrelated change can move the main
// wasm's brotli size by 1.5 KB (seen: raw 0.4 KB smaller, brotli 1.5 KB bigger), hence 1 KB above.
// With the 14 language tables out of the wasm (docs/decisions.md, "Language tables on demand"):
// 216.8 KB (English), 219.0 KB (with the largest table, Ukrainian), 326.6 KB everything, which
// gained the tables back as 14 files compressed one by one (each repeats the keys).
const CEILINGS = { first: 204.9 * KB, firstLanguage: 207.2 * KB, everything: 320.6 * KB };

/** The loader's file: not hashed (host pages name it), cached briefly. */
export const LOADER = "loader.js";

/** The language tables index.html names in `<meta name="lc-languages" content="de=de.….json …">`. */
export function languageFiles(dist) {
  const page = readFileSync(path.join(dist, "index.html"), "utf8");
  const meta = page.match(/<meta[^>]*\blc-languages\b[^>]*>/)?.[0] ?? "";
  const content = meta.match(/content=(?:"([^"]*)"|'([^']*)')/);
  const entries = (content?.[1] ?? content?.[2] ?? "").split(/\s+/).filter(Boolean);
  return entries.map((e) => e.slice(e.indexOf("=") + 1));
}

/**
 * The build's files in `dist` (precompressed copies aside), split into `loader`, `first`
 * (fetched until login by an English visitor), `languages` (the tables of the other
 * languages, one fetched for a visitor in that language) and `lazy` (the chunks), each a
 * list of file names.
 */
export function classify(dist) {
  const files = readdirSync(dist)
    .filter((f) => !/\.(br|gz)$/.test(f) && statSync(path.join(dist, f)).isFile())
    .sort();
  const splitJs = files.find((f) => /^__wasm_split(\.[0-9a-f]+)?\.js$/.test(f));
  const lazy = new Set();
  if (splitJs) {
    const text = readFileSync(path.join(dist, splitJs), "utf8");
    for (const m of text.matchAll(/new URL\(\s*["'`]\.\/([^"'`]+\.wasm)["'`]/g)) lazy.add(m[1]);
  }
  const missingLazy = [...lazy].filter((f) => !files.includes(f));
  if (missingLazy.length) throw new Error(`${splitJs} names missing files: ${missingLazy.join(", ")}`);
  const languages = new Set(files.includes("index.html") ? languageFiles(dist) : []);
  const missingLanguages = [...languages].filter((f) => !files.includes(f));
  if (missingLanguages.length) throw new Error(`index.html names missing files: ${missingLanguages.join(", ")}`);
  return {
    loader: files.filter((f) => f === LOADER),
    // TypeScript declarations for site owners' editors: no page fetches them.
    types: files.filter((f) => f.endsWith(".d.ts")),
    first: files.filter((f) => f !== LOADER && !f.endsWith(".d.ts") && !lazy.has(f) && !languages.has(f)),
    languages: files.filter((f) => languages.has(f)),
    lazy: files.filter((f) => lazy.has(f)),
  };
}

function main() {
  const dist = path.resolve(process.argv.slice(2).find((a) => !a.startsWith("--")) || "dist");
  let groups;
  try {
    groups = classify(dist);
  } catch (e) {
    console.error(`size-report: ${e.message} (run trunk build --release)`);
    process.exit(2);
  }
  const need = ["index.html", LOADER];
  const missing = need.filter((f) => ![...groups.loader, ...groups.first].includes(f));
  if (missing.length || !groups.first.some((f) => f.endsWith(".wasm"))) {
    console.error(`size-report: ${dist} lacks ${missing.join(", ") || "a wasm"} (run trunk build --release)`);
    process.exit(2);
  }
  const sizes = (file) => ({ file, ...compressedSizes(readFileSync(path.join(dist, file))) });
  const sum = (file, list) =>
    list.reduce((t, s) => ({ file, raw: t.raw + s.raw, gzip: t.gzip + s.gzip, brotli: t.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  const fmt = (n) => (n / KB).toFixed(1).padStart(8);
  const row = (s) => console.log(`${s.file.padEnd(44)}${fmt(s.raw)}${fmt(s.gzip)}${fmt(s.brotli)}`);

  console.log(`${"file".padEnd(44)}${"raw KB".padStart(8)}${"gzip KB".padStart(8)}${"br KB".padStart(8)}`);
  const loader = sizes(LOADER);
  row(loader);
  const first = groups.first.map(sizes);
  first.forEach(row);
  const firstTotal = sum("first download (until login)", first);
  row(firstTotal);
  const languages = groups.languages.map(sizes);
  languages.forEach((s) => row({ ...s, file: `${s.file} (language)` }));
  const largest = languages.reduce((a, b) => (b.brotli > a.brotli ? b : a), { file: "none", raw: 0, gzip: 0, brotli: 0 });
  const firstLanguage = sum(`first download, largest language (${largest.file.split(".")[0]})`, [...first, largest]);
  row(firstLanguage);
  const lazy = groups.lazy.map(sizes);
  lazy.forEach((s) => row({ ...s, file: `${s.file} (lazy)` }));
  const everything = sum("everything (but the loader)", [...first, ...languages, ...lazy]);
  row(everything);
  groups.types.map(sizes).forEach((s) => row({ ...s, file: `${s.file} (types: fetched by no page)` }));

  let failed = false;
  const check = (what, value, budget, ceiling) => {
    const kb = (n) => (n / KB).toFixed(1);
    if (value <= budget) {
      console.log(`${what}: ${kb(value)} KB brotli, budget ${kb(budget)} KB: within budget`);
      return;
    }
    if (ceiling == null || ceiling <= budget) {
      console.log(`${what}: ${kb(value)} KB brotli, budget ${kb(budget)} KB: OVER BUDGET`);
      failed = true;
      return;
    }
    const ok = value <= ceiling;
    console.log(
      `${what}: ${kb(value)} KB brotli, budget ${kb(budget)} KB: over budget (not met yet); ceiling ${kb(ceiling)} KB: ${ok ? "within ceiling" : "OVER CEILING"}`,
    );
    if (!ok) failed = true;
  };
  check("loader", loader.brotli, BUDGETS.loader);
  check("first download", firstTotal.brotli, BUDGETS.first, CEILINGS.first);
  check("first download, largest language", firstLanguage.brotli, BUDGETS.first, CEILINGS.firstLanguage);
  check("everything", everything.brotli, BUDGETS.everything, CEILINGS.everything);
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
