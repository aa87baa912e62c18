#!/usr/bin/env node
// Issue 7's performance budgets, measured (scripts/bench.sh builds first, then runs this):
// the release build in dist/ on the demo shop against the sandbox, in Debian's Chromium,
// with Chromium tracing and the widget's `performance` marks (src/perf.rs), plus the
// core's workload natively (cargo bench --bench core) and in wasm (`bench_core`, built with
// the `bench` feature into $BENCH_WASM_DIR). Prints one table: figure, measured, budget,
// PASS/FAIL. Exits 1 when a budget is missed. Every figure is a median over repeated runs,
// except the append's 95th percentile (over every append of every run). The rows marked
// "(4x CPU)" run with Chromium's CPU throttled 4x (BENCH_CPU_RATE), in the host page's
// renderer and in the widget iframe's.
import { spawnSync } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, knownCustomers, newCustomer, widgetDist } from "../support/sandbox.mjs";
import { classify } from "../../scripts/size-report.mjs";
import { launch } from "../support/browser.mjs";
import { waitFor } from "../support/wait.mjs";
import { DESKTOP } from "../support/viewports.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = Number(process.env.BENCH_RUNS || 10);
const HISTORY = Number(process.env.BENCH_EVENTS || 5000);
const APPENDS = Number(process.env.BENCH_APPENDS || 50);
const CPU_RATE = Number(process.env.BENCH_CPU_RATE || 4);
const TYPED = Number(process.env.BENCH_TYPED || 200);
// Between one key's paint and the next key: a fast typist's rhythm (about 150 words a minute).
const TYPING_PAUSE = Number(process.env.BENCH_TYPING_PAUSE || 50);
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

// In every frame, before any script: the time of the first click, long tasks, and for every
// typed key (a keydown followed by an input event) the times `typingRun` reads:
//   start    the keydown's timeStamp: when the browser created the key event, so the wait in the
//            renderer's queue behind other work counts;
//   dispatch the input event reaches its first listener (this one, registered before the page's);
//   handled  the end of the input event's dispatch: a listener added to the window's bubble
//            phase while the event is dispatched runs after every listener registered before
//            (Leptos delegates its handlers to the window's bubble phase), and after the
//            microtasks they queued (Leptos's effects); not a posted message, which Chromium
//            may run only after the next frame;
//   frame    the start of the next animation frame (a requestAnimationFrame callback registered
//            at the input event; the frame's style, layout and paint follow it);
//   painted  a MessageChannel message posted from that callback runs after the frame's
//            rendering task, once the frame that shows the character is painted and committed.
// Not the Event Timing API: its `duration` is rounded to 8 ms, the budget itself.
const INIT = () => {
  const b = (window.__lcBench = { clickAt: null, focuses: [], longTasks: [], keys: [], waiters: [] });
  document.addEventListener("click", (e) => { if (b.clickAt == null) b.clickAt = e.timeStamp; }, true);
  // Every focus of a composer after the first click: the window frame's plain one (inside the
  // frame's `aria-busy` section, before the chunk) or the chunk's own.
  document.addEventListener("focusin", (e) => {
    if (b.clickAt != null && e.target.matches?.(".lc-composer-input")) {
      b.focuses.push({ at: e.timeStamp, frame: e.target.closest('[aria-busy="true"]') != null });
    }
  }, true);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push(e.duration); })
      .observe({ type: "longtask", buffered: true });
  } catch { /* no long task timing */ }
  const after = (f) => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(0); };
  let keydown = null;
  window.addEventListener("keydown", (e) => { keydown = e.timeStamp; }, true);
  window.addEventListener("input", () => {
    if (keydown == null) return; // not typed (a paste, a script)
    const key = { start: keydown, dispatch: performance.now(), handled: null, frame: null, painted: null };
    keydown = null;
    b.keys.push(key);
    window.addEventListener("input", () => { key.handled = performance.now(); }, { once: true });
    requestAnimationFrame(() => {
      key.frame = performance.now();
      after(() => { key.painted = performance.now(); for (const w of b.waiters.splice(0)) w(); });
    });
  }, true);
  /** Resolves with the `n`th typed key's times once its frame is painted. */
  b.keyPainted = (n) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`key ${n} was not painted`)), 10_000);
    const check = () => (b.keys[n]?.painted != null ? (clearTimeout(timer), resolve(b.keys[n])) : b.waiters.push(check));
    check();
  });
};

const widgetFrame = (page, sandbox) =>
  waitFor(() => page.frames().find((f) => f.url().startsWith(sandbox.url("widget"))), 20_000, "the widget iframe");

/** The latest entry named `name` in the frame's performance timeline (its startTime and duration). */
const entry = (frame, name) => frame.evaluate((n) => {
  const e = performance.getEntriesByName(n).at(-1);
  return e ? { start: e.startTime, duration: e.duration } : null;
}, name);

// ---------------------------------------------------------------- CPU throttling
/** Fixed work in `frame`: the fastest of seven runs of a busy loop, in ms (the fastest: the
 * machine is shared, and a run the OS descheduled says nothing about the throttle). */
const busyLoop = (frame) => frame.evaluate(() => {
  let best = Infinity, x = 0;
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (let i = 0; i < 3e6; i++) x += Math.sqrt(i);
    best = Math.min(best, performance.now() - t);
  }
  return x < 0 ? -1 : best;
});

/**
 * Slows the CPU `CPU_RATE` times (`Emulation.setCPUThrottlingRate`) for the host page and the
 * widget. The iframe (widget.localhost in shop.localhost) is another site, so Chromium's site
 * isolation runs it in a renderer process of its own, which the page's CDP session does not
 * throttle (with the page's session alone, a busy loop in the iframe ran under 2x slower in
 * Chromium 156): the frame gets a session too (if it shared the page's process, Playwright
 * would refuse one, and the page's throttle would cover it). The throttle lasts while the
 * sessions are attached.
 * Checks that it applies where the widget runs: a busy loop in the iframe must slow down.
 * Chromium throttles (Blink's thread_cpu_throttler.cc) by interrupting the renderer's main
 * thread every 200 µs with a signal whose handler spins for (rate - 1) times as long as the
 * thread ran since, idle or not: each throttled renderer keeps most of a core busy, which on a
 * small shared machine slows the other processes down too.
 * Returns { slowdown (the loop's, throttled / not), release() }.
 */
async function throttleCpu(context, page, frame) {
  const sessions = [await context.newCDPSession(page)];
  try { sessions.push(await context.newCDPSession(frame)); } catch { /* in the page's process */ }
  const rate = async (r) => { for (const s of sessions) await s.send("Emulation.setCPUThrottlingRate", { rate: r }); };
  const release = async () => {
    await rate(1).catch(() => {});
    for (const s of sessions) await s.detach().catch(() => {});
  };
  // Measured up to three times: the other builders of a shared machine can slow a loop down
  // as much as the throttle does.
  let slowdown = 0;
  for (let attempt = 0; attempt < 3 && slowdown < CPU_RATE * 0.6; attempt++) {
    await rate(1);
    const before = await busyLoop(frame);
    await rate(CPU_RATE);
    slowdown = (await busyLoop(frame)) / before;
  }
  if (CPU_RATE > 1 && slowdown < CPU_RATE * 0.6) {
    await release();
    throw new Error(`the ${CPU_RATE}x CPU throttle does not reach the widget iframe: a busy loop there is ${slowdown.toFixed(1)}x slower`);
  }
  return { slowdown, release };
}
const cpuNote = (slowdowns) => `busy loop in the widget frame ${median(slowdowns).toFixed(1)}x slower`;
const CPU = `(${CPU_RATE}x CPU)`;

// ---------------------------------------------------------------- sizes
function sizes() {
  const out = spawnSync("node", [path.join(root, "scripts/size-report.mjs"), path.join(root, "dist")], { encoding: "utf8" });
  process.stderr.write(out.stdout);
  const kb = (what) => Number(new RegExp(`^${what}: ([0-9.]+) KB brotli`, "m").exec(out.stdout)?.[1]);
  figure("loader download (brotli)", kb("loader"), "KB", 3);
  figure("first download, until login (brotli)", kb("first download"), "KB", 130, "the chat window's chunk aside (scripts/size-report.mjs)");
  figure("everything but the loader (brotli)", kb("everything"), "KB", 220);
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

// ---------------------------------------------------------------- network throttling
/**
 * Chrome DevTools' "Fast 3G" preset (its front end's NetworkManager.ts), in CDP's units: 562.5 ms
 * of latency (150 ms × 3.75), 180 KB/s down (1.6 Mbps × 0.9 / 8 = 180,000 B/s) and 84 KB/s up
 * (750 kbps × 0.9 / 8 = 84,375 B/s).
 */
const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: (1.6e6 * 0.9) / 8, uploadThroughput: (750e3 * 0.9) / 8 };

/**
 * Throttles the network of the host page and of the widget's frame to `conditions`
 * (`Network.emulateNetworkConditions`), through sessions of their own like `throttleCpu` (the
 * frame is a cross-site iframe in a renderer of its own). Lasts while the sessions are
 * attached. Checks that it applies where the widget fetches: an uncached request from the frame
 * must take at least the latency. Returns { roundTrip (that request's ms), release() }.
 */
async function throttleNetwork(context, page, frame, conditions = FAST_3G) {
  const sessions = [await context.newCDPSession(page)];
  try { sessions.push(await context.newCDPSession(frame)); } catch { /* in the page's process */ }
  for (const s of sessions) {
    await s.send("Network.enable");
    await s.send("Network.emulateNetworkConditions", conditions);
  }
  const release = async () => { for (const s of sessions) await s.detach().catch(() => {}); };
  const roundTrip = await frame.evaluate(async () => {
    const t = performance.now();
    await (await fetch(`${location.pathname}?bench=${Math.random()}`, { cache: "no-store" })).arrayBuffer();
    return performance.now() - t;
  });
  if (roundTrip < conditions.latency * 0.9) {
    await release();
    throw new Error(`the network throttle does not reach the widget iframe: a request took ${roundTrip.toFixed(0)} ms, under the ${conditions.latency} ms latency`);
  }
  return { roundTrip, release };
}

// ---------------------------------------------------------------- click -> focused composer
/** The build's lazy chunks (the chat window's code, scripts/split.sh), as size-report.mjs finds them. */
const lazyFiles = () => classify(widgetDist).lazy;

/**
 * In ms from the click: the first composer focused since (and whether it was the window
 * frame's), the chunk composer's `lc:composer-focused` mark, and the chunk's arrival (the end of
 * its response, resource timing).
 */
const focusTimes = (frame, chunks) => frame.evaluate((names) => {
  const b = window.__lcBench;
  const real = performance.getEntriesByName("lc:composer-focused").at(-1);
  const chunk = performance.getEntriesByType("resource").filter((e) => names.some((n) => e.name.endsWith(`/${n}`)));
  return {
    first: b.focuses[0] ? { ms: b.focuses[0].at - b.clickAt, frame: b.focuses[0].frame } : null,
    real: real ? real.startTime - b.clickAt : null,
    chunk: chunk.length ? Math.max(...chunk.map((e) => e.responseEnd)) - b.clickAt : null,
  };
}, chunks);
const waitComposer = (frame) =>
  frame.waitForFunction(() => performance.getEntriesByName("lc:composer-focused").length > 0, null, { timeout: 30_000 });

async function openBench(browser, sandbox) {
  // A visitor without a prechat form: the window opens on the composer.
  await sandbox.admin("groups", { group_id: 0, prechat: false });
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
  await context.addInitScript(INIT);
  const times = [], slowdowns = [];
  for (let i = 0; i <= RUNS; i++) {
    const page = await context.newPage();
    await page.goto(sandbox.url("shop", "/"));
    const frame = await widgetFrame(page, sandbox);
    // Throttled from before the click: all that happens from the click on runs throttled.
    const cpu = await throttleCpu(context, page, frame);
    // The first click the visitor can make: the static launcher, before or after the wasm runs.
    await frame.locator(".lc-launcher").first().click({ timeout: 20_000 });
    await waitComposer(frame);
    const t = await frame.evaluate(() => performance.getEntriesByName("lc:composer-focused").at(-1).startTime - window.__lcBench.clickAt);
    if (i > 0) { times.push(t); slowdowns.push(cpu.slowdown); } // the first visit fills the cache
    await cpu.release();
    await page.close();
  }
  await context.close();
  figure(`first click -> focused composer (warm cache) ${CPU}`, median(times), "ms", 300, `median of ${times.length}; ${cpuNote(slowdowns)}`);
}

/**
 * Issue 19's click rows, the widget live and minimised (logged in), the click on its launcher,
 * the network at "Fast 3G" and the CPU throttled `CPU_RATE` times (as the other "(4x CPU)" rows:
 * the issue names only the network, but a phone on 3G is a slow phone too, and the frame's own
 * work is what the 300 ms budget is about), both throttles set just before the click:
 *   - cold: a fresh browser context (nothing cached). The idle prefetch after login would
 *     otherwise race the click, so the chunk's request is held (a Playwright route) until the
 *     click has been dispatched and then goes out on the throttled network: the worst case of a
 *     visitor who clicks as the prefetch starts. Measured: the click to the focus of the frame's
 *     composer (budget), and to the chunk's composer focused in its place (`lc:composer-focused`).
 *     A run fails if the first composer focused is not the frame's (the chunk was there).
 *   - warm: one context whose first visit (not counted) caches the chunk; each later page waits
 *     for the idle prefetch to fetch it (the sandbox serves `no-cache`, so a revalidation) before
 *     the click. A run fails if the frame shows (the chunk was not loaded).
 */
async function openChunkBench(browser, sandbox) {
  await sandbox.admin("groups", { group_id: 0, prechat: false });
  const chunks = lazyFiles();
  if (!chunks.length) throw new Error(`no lazy chunk in ${widgetDist} (trunk build --release)`);
  const isChunk = (url) => chunks.includes(path.basename(new URL(url).pathname));
  let retries = 0, hovered = 0;
  const cold = [], coldReal = [], arrivals = [], warm = [], slowdowns = [], trips = [];
  const throttle = async (context, page, frame) => {
    const net = await throttleNetwork(context, page, frame);
    const cpu = await throttleCpu(context, page, frame);
    trips.push(net.roundTrip);
    slowdowns.push(cpu.slowdown);
    return async () => { await cpu.release(); await net.release(); };
  };
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
    await context.addInitScript(INIT);
    let held = false, seen = false, release;
    const hold = new Promise((resolve) => (release = resolve));
    await context.route((url) => isChunk(url.href), async (route) => { held = true; await hold; await route.continue(); });
    const page = await context.newPage();
    page.on("request", (r) => { if (isChunk(r.url())) seen = true; });
    await page.goto(sandbox.url("shop", "/"));
    const frame = await widgetFrame(page, sandbox);
    await frame.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: 20_000 });
    // The idle prefetch after login; now and then (a busy machine) the renderer has no idle
    // period for long: then the visitor's pointer on the launcher starts the fetch instead.
    await waitFor(() => held || seen, 10_000, "the chunk's idle prefetch").catch(async () => {
      hovered++;
      await frame.locator(".lc-launcher").hover();
      await waitFor(() => held || seen, 10_000, `the chunk's fetch on pointing at the launcher (cold run ${i})`);
    });
    if (!held) {
      // Seen once in a while: the frame's request went out before the route reached its renderer.
      log(`cold run ${i}: the chunk's request was not held, run again`);
      await context.close();
      if (++retries > RUNS) throw new Error("the chunk's request could not be held");
      i--;
      continue;
    }
    const unthrottle = await throttle(context, page, frame);
    await frame.locator(".lc-launcher").click({ timeout: 20_000 });
    release();
    await waitComposer(frame);
    const t = await focusTimes(frame, chunks);
    if (!t.first?.frame) throw new Error("cold run: the first composer focused after the click is not the window frame's");
    cold.push(t.first.ms);
    coldReal.push(t.real);
    arrivals.push(t.chunk);
    await unthrottle();
    await context.close();
  }
  const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
  await context.addInitScript(INIT);
  for (let i = 0; i <= RUNS; i++) {
    const page = await context.newPage();
    await page.goto(sandbox.url("shop", "/"));
    const frame = await widgetFrame(page, sandbox);
    await frame.waitForFunction((names) => performance.getEntriesByType("resource")
      .some((e) => names.some((n) => e.name.endsWith(`/${n}`)) && e.responseEnd > 0), chunks, { timeout: 20_000 });
    // The fetched chunk's compile and instantiation, then `loaded` set: well within this pause.
    await page.waitForTimeout(500);
    const unthrottle = i > 0 ? await throttle(context, page, frame) : async () => {};
    await frame.locator(".lc-launcher").click({ timeout: 20_000 });
    await waitComposer(frame);
    const t = await focusTimes(frame, chunks);
    if (t.first?.frame !== false) throw new Error("warm run: the window frame showed, the chunk was not loaded at the click");
    if (i > 0) warm.push(t.first.ms); // the first visit fills the cache
    await unthrottle();
    await page.close();
  }
  await context.close();
  const net = `Fast 3G (562.5 ms, 180/84 KB/s; a request from the frame took ${median(trips).toFixed(0)} ms)`;
  figure(`click -> focused composer, chunk not cached (Fast 3G) ${CPU}`, median(cold), "ms", 300,
    `median of ${cold.length}; the window frame's composer; ${hovered ? `${hovered} runs prefetched on pointing, not when idle; ` : ""}${net}; ${cpuNote(slowdowns)}`);
  figure(`click -> the chunk's composer focused, chunk not cached (Fast 3G) ${CPU}`, median(coldReal), "ms", null,
    `median of ${coldReal.length}; the chunk's fetch on the throttled network (its response ended ${median(arrivals).toFixed(0)} ms after the click), compile, the window's mount`);
  figure(`click -> focused composer, chunk cached (Fast 3G) ${CPU}`, median(warm), "ms", 100,
    `median of ${warm.length}; prefetched when idle after login`);
}

// ---------------------------------------------------------------- 5,000-event transcript
/**
 * Types `TYPED` characters into the focused composer one key at a time, each after the last
 * one's paint and a typist's pause. Returns each key's input-to-paint time: from the keydown's
 * timestamp to the paint of its frame (INIT's `start` to `painted`), without the time between
 * the end of the key's task and the start of that frame (`handled` to `frame`, when the frame
 * came after the task): the renderer's wait for the display's next frame. At 60 Hz a frame
 * starts up to 16.7 ms after a key however little the key costs, so with that wait an 8 ms
 * budget would measure where the key fell between two vsyncs, not the widget. (Another task
 * running in that gap would not count either; the widget's own work for the key is in the
 * key's task and in the frame.) `raw` keeps the wait, for reference; `handlers` is the input
 * event's dispatch alone (`dispatch` to `handled`): the widget's own script for the key.
 */
async function typingRun(page, frame) {
  const text = "the quick brown fox jumps over the lazy dog ".repeat(Math.ceil(TYPED / 44)).slice(0, TYPED);
  const composer = frame.locator(".lc-composer-input");
  await composer.click();
  await frame.evaluate(() => { window.__lcBench.keys = []; });
  const work = [], raw = [], handlers = [];
  for (let i = 0; i < text.length; i++) {
    await page.keyboard.type(text[i]);
    const k = await frame.evaluate((n) => window.__lcBench.keyPainted(n), i);
    const idle = k.handled != null && k.frame > k.handled ? k.frame - k.handled : 0;
    if (k.handled != null) handlers.push(k.handled - k.dispatch);
    work.push(k.painted - k.start - idle);
    raw.push(k.painted - k.start);
    await page.waitForTimeout(TYPING_PAUSE);
  }
  const typed = await composer.inputValue();
  if (typed !== text) throw new Error(`the composer holds ${JSON.stringify(typed)}, not the ${text.length} typed characters`);
  return { work, raw, handlers };
}

/**
 * `typingRun` without the widget: a bare textarea in a cross-site iframe (so in a renderer of
 * its own, like the widget's), the same keys and throttle. What it measures is the floor of the
 * method on this machine: Chromium's own cost of a key (two IPCs, editing, a frame), all of it
 * throttled too. Returns the runs' p95s of `work` and of `handlers`.
 */
async function typingFloor(browser) {
  const work = [], handlers = [];
  const runs = Math.max(1, Math.min(RUNS, Number(process.env.BENCH_TRANSCRIPT_RUNS || 3)));
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
    await context.addInitScript(INIT);
    await context.route(/^http:\/\/typing-(host|frame)\.localhost\//, (route) => route.fulfill({ contentType: "text/html",
      body: route.request().url().startsWith("http://typing-host.")
        ? '<!doctype html><title>host</title><iframe src="http://typing-frame.localhost/"></iframe>'
        : '<!doctype html><title>frame</title><textarea class="lc-composer-input" aria-label="message"></textarea>' }));
    const page = await context.newPage();
    await page.goto("http://typing-host.localhost/");
    const frame = await waitFor(() => page.frames().find((f) => f.url().startsWith("http://typing-frame.")), 10_000, "the bare iframe");
    await frame.locator(".lc-composer-input").waitFor();
    const cpu = await throttleCpu(context, page, frame);
    const keys = await typingRun(page, frame);
    work.push(percentile(keys.work, 95));
    handlers.push(percentile(keys.handlers, 95));
    await cpu.release();
    await context.close();
  }
  return { work, handlers };
}

/** The 5,000-event history's rows (`rows`) and typing over it (`typing`): one setup for both. */
async function transcriptBench(browser, sandbox, { rows = true, typing = true } = {}) {
  const renders = [], appends = [], heaps = [], restores = [], wasmBytes = [], slowdowns = [];
  const typingWork = [], typingRaw = [], typingHandlers = [];
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

    // The restore and the first render above run at the machine's speed; what follows, throttled.
    const cpu = await throttleCpu(context, page, frame);
    slowdowns.push(cpu.slowdown);
    for (let i = 0; rows && i < APPENDS; i++) {
      const before = (await entry(frame, "lc:append"))?.start ?? -1;
      await sandbox.admin("chats/message", { chat_id: seeded.chat_id, text: `appended ${run}-${i}` });
      await frame.waitForFunction((b) => (performance.getEntriesByName("lc:append").at(-1)?.startTime ?? -1) !== b, before, { timeout: 10_000 });
      await frame.getByText(`appended ${run}-${i}`, { exact: true }).waitFor({ timeout: 10_000 });
      appends.push((await entry(frame, "lc:append")).duration);
    }
    if (rows) {
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
    }
    if (typing) {
      const keys = await typingRun(page, frame);
      typingWork.push(percentile(keys.work, 95));
      typingRaw.push(percentile(keys.raw, 95));
      typingHandlers.push(percentile(keys.handlers, 95));
    }
    await cpu.release();
    await context.close();
    frame = null;
  }
  const events = HISTORY.toLocaleString("en");
  if (rows) {
    figure(`${HISTORY}-event transcript: first render (click -> rows)`, median(renders), "ms", 300, `median of ${renders.length}`);
    figure(`${HISTORY}-event transcript: append one message, p95 ${CPU}`, percentile(appends, 95), "ms", 16,
      `${appends.length} appends, frame -> row; ${cpuNote(slowdowns)}`);
    figure(`${HISTORY}-event transcript: widget page memory`, median(heaps), "MB", 60, `JS heap after GC + wasm memory (${median(wasmBytes).toFixed(1)} MB)`);
    figure(`${HISTORY}-event restore while minimised: longest task`, median(restores), "ms", null, "get_chat decoded and merged");
    figure("rows in the DOM after the appends", domRows, "rows", null, `window of the newest rows`);
  }
  if (typing) {
    figure(`typing ${TYPED} chars, ${events} events: input-to-paint p95 ${CPU}`, median(typingWork), "ms", 8,
      `median of ${typingWork.length} runs' p95 (${typingWork.map((v) => v.toFixed(1)).join(", ")}), keydown -> painted frame, less the wait for the frame; ${cpuNote(slowdowns)}`);
    figure(`typing ${TYPED} chars, ${events} events: the same, with the wait for the frame ${CPU}`, median(typingRaw), "ms", null,
      "the same keys, the idle wait for the display's next frame (up to 16.7 ms at 60 Hz) included");
    figure(`typing ${TYPED} chars, ${events} events: input listeners p95 ${CPU}`, median(typingHandlers), "ms", null,
      "the same keys, the input event's dispatch alone: the widget's script and its effects");
    const floor = await typingFloor(browser);
    figure(`typing ${TYPED} chars, bare textarea (the method's floor): input-to-paint p95 ${CPU}`, median(floor.work), "ms", null,
      `no widget: a textarea alone in a cross-site iframe, the same keys and throttle; runs' p95 ${floor.work.map((v) => v.toFixed(1)).join(", ")}; input listeners p95 ${median(floor.handlers).toFixed(1)} ms`);
  }
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
  if (want("open") || want("chunk")) {
    log("click -> composer, the window's chunk cold and warm");
    await openChunkBench(browser, sandbox);
  }
  if (want("transcript") || want("typing")) {
    log(`${HISTORY}-event transcript`);
    await transcriptBench(browser, sandbox, { rows: want("transcript"), typing: want("typing") });
  }
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
