#!/usr/bin/env node
// Issue 7's performance budgets, measured (scripts/bench.sh builds first, then runs this):
// the release build in dist/ on the demo shop against the sandbox, in Debian's Chromium,
// with Chromium tracing and the widget's `performance` marks (src/browser/perf.rs), plus the
// core's workload natively (cargo bench --bench core) and in wasm (`bench_core`, built with
// the `bench` feature into $BENCH_WASM_DIR). Prints one table: figure, measured, budget,
// PASS/FAIL. Exits 1 when a budget is missed. Every figure is a median over repeated runs,
// except the append's 95th percentile.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, knownCustomers, newCustomer } from "../support/sandbox.mjs";
import { launch } from "../support/browser.mjs";
import { waitFor } from "../support/wait.mjs";
import { DESKTOP } from "../support/viewports.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = Number(process.env.BENCH_RUNS || 10);
const HISTORY = Number(process.env.BENCH_EVENTS || 5000);
const APPENDS = Number(process.env.BENCH_APPENDS || 50);
const wasmDir = process.env.BENCH_WASM_DIR || path.join(root, "target/bench-wasm");

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const log = (...a) => console.error("bench:", ...a);

const rows = [];
/** One line of the table; `budget` null for figures reported without a budget. */
function figure(name, value, unit, budget, note = "") {
  const pass = budget == null ? "-" : value <= budget ? "PASS" : "FAIL";
  rows.push({ name, value, unit, budget, pass, note });
}

// In every frame, before any script: the time of the first click, and long tasks.
const INIT = () => {
  window.__lcBench = { clickAt: null, longTasks: [] };
  document.addEventListener("click", (e) => { if (window.__lcBench.clickAt == null) window.__lcBench.clickAt = e.timeStamp; }, true);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcBench.longTasks.push(e.duration); })
      .observe({ type: "longtask", buffered: true });
  } catch { /* no long task timing */ }
};

const widgetFrame = (page, sandbox) =>
  waitFor(() => page.frames().find((f) => f.url().startsWith(sandbox.url("widget"))), 20_000, "the widget iframe");

/** The latest entry named `name` in the frame's performance timeline (its startTime and duration). */
const entry = (frame, name) => frame.evaluate((n) => {
  const e = performance.getEntriesByName(n).at(-1);
  return e ? { start: e.startTime, duration: e.duration } : null;
}, name);

// ---------------------------------------------------------------- sizes
function sizes() {
  const out = spawnSync("node", [path.join(root, "scripts/size-report.mjs"), path.join(root, "dist")], { encoding: "utf8" });
  process.stderr.write(out.stdout);
  const kb = (what) => Number(new RegExp(`^${what}: ([0-9.]+) KB brotli`, "m").exec(out.stdout)?.[1]);
  figure("loader download (brotli)", kb("loader"), "KB", 3);
  figure("widget until interactive (brotli)", kb("widget"), "KB", 100, "not met; CI enforces a ceiling at today's size (scripts/size-report.mjs)");
}

// ---------------------------------------------------------------- loader main-thread work
/**
 * The loader's script work on the host's main thread in a Chromium trace: `cpu`, the thread
 * time (`tdur`) of its top-level slices (what the loader makes the host's thread execute), and
 * `wall`, their wall-clock union (`dur`), which also holds the time the thread was descheduled
 * or waiting on a synchronous IPC (the first storage access of a fresh profile).
 */
function loaderWork(trace) {
  const events = JSON.parse(trace.toString()).traceEvents;
  const isLoader = (e) => {
    const d = e.args?.data;
    const url = d?.url || d?.scriptName || d?.stackTrace?.[0]?.url || "";
    return /\/loader\.js/.test(url);
  };
  const counted = ["EvaluateScript", "v8.compile", "v8.compileModule", "FunctionCall", "v8.produceCache", "TimerFire", "EventDispatch"];
  const mine = events.filter((e) => e.ph === "X" && counted.includes(e.name) && isLoader(e));
  if (!mine.length) return null;
  const evaluate = mine.find((e) => e.name === "EvaluateScript") || mine[0];
  const onThread = mine.filter((e) => e.pid === evaluate.pid && e.tid === evaluate.tid).sort((a, b) => a.ts - b.ts);
  // Nested slices (a compile inside the evaluation) count once: only top-level slices add up.
  const top = [];
  let end = -1;
  for (const e of onThread) {
    if (e.ts >= end) { top.push({ ...e }); end = e.ts + e.dur; }
    else if (e.ts + e.dur > end) { top.at(-1).dur += e.ts + e.dur - end; end = e.ts + e.dur; }
  }
  const sum = (xs, f) => xs.reduce((t, e) => t + f(e), 0) / 1000;
  const cpu = (e) => e.tdur ?? e.dur;
  // The slice at the host's load event that inserts the iframe (the longest callback).
  const insert = onThread.filter((e) => e.name === "FunctionCall").reduce((m, e) => (cpu(e) > cpu(m) ? e : m), { dur: 0, tdur: 0 });
  return { cpu: sum(top, cpu), wall: sum(top, (e) => e.dur), evaluate: cpu(evaluate) / 1000, insert: cpu(insert) / 1000 };
}

async function loaderBench(browser, sandbox) {
  const cpus = [], walls = [], evaluates = [], inserts = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "blink.user_timing", "loading"] });
    await page.goto(sandbox.url("shop", "/"), { waitUntil: "load" });
    const frame = await widgetFrame(page, sandbox);
    await frame.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    const trace = await browser.stopTracing();
    await context.close();
    const work = loaderWork(trace);
    if (work) { cpus.push(work.cpu); walls.push(work.wall); evaluates.push(work.evaluate); inserts.push(work.insert); }
  }
  if (!cpus.length) throw new Error("no loader.js work in the traces");
  figure("loader main-thread work on the host (thread time)", median(cpus), "ms", 20,
    `median of ${cpus.length}: evaluation ${median(evaluates).toFixed(1)} ms before load, iframe insertion at load ${median(inserts).toFixed(1)} ms, the rest postMessage handling`);
  figure("loader main-thread slices on the host (wall clock)", median(walls), "ms", null,
    "the same slices' wall time: adds the time the thread waited (storage's first access) or was descheduled");
}

// ---------------------------------------------------------------- click -> focused composer
async function openBench(browser, sandbox) {
  // A visitor without a prechat form: the window opens on the composer.
  await sandbox.admin("groups", { group_id: 0, prechat: false });
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
  await context.addInitScript(INIT);
  const times = [];
  for (let i = 0; i <= RUNS; i++) {
    const page = await context.newPage();
    await page.goto(sandbox.url("shop", "/"));
    const frame = await widgetFrame(page, sandbox);
    // The first click the visitor can make: the static launcher, before or after the wasm runs.
    await frame.locator(".lc-launcher").first().click({ timeout: 20_000 });
    await frame.waitForFunction(() => performance.getEntriesByName("lc:composer-focused").length > 0, null, { timeout: 20_000 });
    const t = await frame.evaluate(() => performance.getEntriesByName("lc:composer-focused").at(-1).startTime - window.__lcBench.clickAt);
    if (i > 0) times.push(t); // the first visit fills the cache
    await page.close();
  }
  await context.close();
  figure("first click -> focused composer (warm cache)", median(times), "ms", 300, `median of ${times.length}`);
}

// ---------------------------------------------------------------- 5,000-event transcript
async function transcriptBench(browser, sandbox) {
  const renders = [], appends = [], heaps = [], restores = [], wasmBytes = [];
  let domRows = 0;
  const runs = Math.max(1, Math.min(RUNS, Number(process.env.BENCH_TRANSCRIPT_RUNS || 3)));
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
    await context.addInitScript(INIT);
    const known = await knownCustomers(sandbox);
    const page = await context.newPage();
    await page.goto(sandbox.url("shop", "/"));
    const me = await newCustomer(sandbox, known);
    const seeded = await sandbox.admin("chats/seed", { customer_id: me.id, events: HISTORY });
    // The next login restores the chat: get_chat answers all of its events at once.
    let restored = false;
    page.on("websocket", (ws) => ws.on("framereceived", (f) => { if (/"action":"get_chat"/.test(f.payload)) restored = true; }));
    await page.reload();
    let frame = await widgetFrame(page, sandbox);
    await waitFor(() => restored, 20_000, "get_chat answered");
    await frame.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: 20_000 });
    await page.waitForTimeout(1000);
    restores.push(Math.max(0, ...(await frame.evaluate(() => window.__lcBench.longTasks))));
    await frame.locator(".lc-launcher").click();
    await frame.waitForFunction(() => performance.getEntriesByName("lc:first-render").length > 0, null, { timeout: 20_000 });
    renders.push((await entry(frame, "lc:first-render")).duration);
    await frame.getByText(`message ${HISTORY} of the seeded history`).waitFor({ timeout: 10_000 });

    for (let i = 0; i < APPENDS; i++) {
      const before = (await entry(frame, "lc:append"))?.start ?? -1;
      await sandbox.admin("chats/message", { chat_id: seeded.chat_id, text: `appended ${run}-${i}` });
      await frame.waitForFunction((b) => (performance.getEntriesByName("lc:append").at(-1)?.startTime ?? -1) !== b, before, { timeout: 10_000 });
      await frame.getByText(`appended ${run}-${i}`, { exact: true }).waitFor({ timeout: 10_000 });
      appends.push((await entry(frame, "lc:append")).duration);
    }
    domRows = await frame.locator(".lc-log .lc-row").count();

    const cdp = await context.newCDPSession(frame);
    await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
    await cdp.send("Performance.enable");
    const metrics = Object.fromEntries((await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]));
    // The wasm linear memory is outside the JS heap: add every WebAssembly.Memory of the frame.
    const proto = await cdp.send("Runtime.evaluate", { expression: "WebAssembly.Memory.prototype" });
    const all = await cdp.send("Runtime.queryObjects", { prototypeObjectId: proto.result.objectId });
    const wasm = (await cdp.send("Runtime.callFunctionOn", { objectId: all.objects.objectId, returnByValue: true,
      functionDeclaration: "function () { return this.reduce((t, m) => t + m.buffer.byteLength, 0); }" })).result.value;
    heaps.push((metrics.JSHeapUsedSize + wasm) / 1048576);
    wasmBytes.push(wasm / 1048576);
    await cdp.detach().catch(() => {});
    await context.close();
    frame = null;
  }
  figure(`${HISTORY}-event transcript: first render (click -> rows)`, median(renders), "ms", 300, `median of ${renders.length}`);
  figure(`${HISTORY}-event transcript: append one message, p95`, percentile(appends, 95), "ms", 16, `${appends.length} appends, frame -> row`);
  figure(`${HISTORY}-event transcript: widget page memory`, median(heaps), "MB", 60, `JS heap after GC + wasm memory (${median(wasmBytes).toFixed(1)} MB)`);
  figure(`${HISTORY}-event restore while minimised: longest task`, median(restores), "ms", null, "get_chat decoded and merged");
  figure("rows in the DOM after the appends", domRows, "rows", null, `window of the newest rows`);
}

// ---------------------------------------------------------------- the core, natively and in wasm
function nativeCore() {
  log("cargo bench --bench core (release profile; slow the first time)");
  const out = spawnSync("cargo", ["bench", "--bench", "core", "--locked"], { cwd: root, encoding: "utf8" });
  process.stderr.write(out.stderr.split("\n").filter((l) => !/^\s*(Compiling|Blocking)/.test(l)).join("\n"));
  process.stderr.write(out.stdout);
  // divan: `name  fastest │ slowest │ median │ mean │ samples │ iters`
  const line = out.stdout.split("\n").find((l) => /decode_and_apply_10k_push_frames/.test(l));
  const cells = line?.split("│").map((c) => c.trim());
  const toMs = (s) => {
    const m = /([0-9.]+)\s*(ns|µs|us|ms|s)\b/.exec(s || "");
    if (!m) return NaN;
    return Number(m[1]) * { ns: 1e-6, "µs": 1e-3, us: 1e-3, ms: 1, s: 1000 }[m[2]];
  };
  figure("core: 10,000 push frames decoded + applied (native)", toMs(cells?.[2]), "ms", 100, "divan median of 20");
}

async function wasmCore(browser) {
  const js = path.join(wasmDir, "livechat_widget.js");
  if (!existsSync(js)) throw new Error(`${js} is missing (scripts/bench.sh builds it)`);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route("http://bench.localhost/**", (route) => {
    const name = new URL(route.request().url()).pathname.slice(1) || "index.html";
    if (name === "index.html") return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>core</title>" });
    const type = name.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    return route.fulfill({ contentType: type, body: readFileSync(path.join(wasmDir, name)) });
  });
  await page.goto("http://bench.localhost/index.html");
  const runs = await page.evaluate(async (n) => {
    const glue = await import("/livechat_widget.js");
    await glue.default({ module_or_path: "/livechat_widget_bg.wasm" });
    glue.bench_core(10000); // warm-up
    const out = [];
    for (let i = 0; i < n; i++) out.push(glue.bench_core(10000));
    return out;
  }, RUNS);
  await context.close();
  figure("core: 10,000 push frames decoded + applied (wasm, Chromium)", median(runs), "ms", 300, `median of ${runs.length}`);
}

// ---------------------------------------------------------------- main
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const sandbox = await startSandbox(["--no-agent"]);
const browser = await launch(["--enable-precise-memory-info"]);
let failed = false;
try {
  if (want("sizes")) sizes();
  if (want("loader")) { log("loader trace"); await loaderBench(browser, sandbox); }
  if (want("open")) { log("click -> composer"); await openBench(browser, sandbox); }
  if (want("transcript")) { log(`${HISTORY}-event transcript`); await transcriptBench(browser, sandbox); }
  if (want("wasm")) { log("core in wasm"); await wasmCore(browser); }
} finally {
  await browser.close().catch(() => {});
  await sandbox.stop();
}
if (want("native")) nativeCore();

const fmt = (v, unit) => (!Number.isFinite(v) ? "n/a" : unit === "rows" || Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1));
const table = [["figure", "measured", "budget", "result"], ...rows.map((r) =>
  [r.name, `${fmt(r.value, r.unit)} ${r.unit}`, r.budget == null ? "-" : `${r.budget} ${r.unit}`, r.pass + (r.note ? ` (${r.note})` : "")])];
const widths = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i].length)));
console.log("\n| " + table[0].map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join(" | ") + " |");
console.log("|" + table[0].map((_, i) => "-".repeat((i < 3 ? widths[i] : 6) + 2)).join("|") + "|");
for (const r of table.slice(1)) {
  console.log("| " + r.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join(" | ") + " |");
  if (r[3].startsWith("FAIL")) failed = true;
}
process.exit(failed ? 1 : 0);
