// The language tables on demand (docs/decisions.md, "Language tables on demand"): a visitor on
// a German host page (<html lang="de">) gets the German table, fetched once (boot.js preloads it
// beside the wasm) alongside the login (which does not wait for it), and never sees the widget in English first (the page's static
// launcher stands in until the table is read); a table that fails (HTTP 500), is malformed or
// does not arrive in 3 s leaves the widget working in English, with one console message.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { useStack } from "../support/fixture.mjs";
import { widgetDist } from "../support/sandbox.mjs";
import { waitFor } from "../support/wait.mjs";
import { classify } from "../../scripts/size-report.mjs";

const stack = useStack(["--fast"]);
const files = classify(widgetDist);
const lang = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src/ui/i18n/lang");
const de = JSON.parse(readFileSync(path.join(lang, "de.json"), "utf8"));
const en = JSON.parse(readFileSync(path.join(lang, "en.json"), "utf8"));
const germanFile = files.languages.find((f) => f.startsWith("de."));
const isGermanTable = (url) => path.basename(url.pathname) === germanFile;

/** Records, in the widget's frame, the `lang` of the widget's root when it first appears. */
function firstLanguage() {
  if (!location.hostname.startsWith("widget.")) return;
  // A trap in the wasm (a panic) is an uncaught error of this frame, which the host page's
  // `errors` do not see.
  window.__errors = [];
  window.addEventListener("error", (e) => window.__errors.push(String(e.message)));
  new MutationObserver((_, observer) => {
    const main = document.querySelector("main.lc-widget");
    if (main) {
      window.__firstLang = main.getAttribute("lang");
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

/**
 * The demo shop as a German page: served from loopback like the real shop (Chromium keeps a
 * page from elsewhere off loopback), every request passed to the sandbox's shop, its page's
 * `<html lang>` rewritten. Returns the page's URL; the server closes with the context.
 */
async function germanShop(context) {
  const port = stack.sandbox.port;
  const host = http.createServer((req, res) => {
    const upstream = http.get({ host: "127.0.0.1", port, path: req.url, headers: { ...req.headers, host: `shop.localhost:${port}`, "accept-encoding": "identity" } }, (up) => {
      const chunks = [];
      up.on("data", (d) => chunks.push(d));
      up.on("end", () => {
        let body = Buffer.concat(chunks);
        if (req.url === "/") {
          const page = body.toString("utf8");
          assert.ok(page.includes('<html lang="en">'), "the shop's page says its language");
          body = Buffer.from(page.replace('<html lang="en">', '<html lang="de">'));
        }
        const headers = { ...up.headers };
        delete headers["content-length"];
        res.writeHead(up.statusCode, headers);
        res.end(body);
      });
    });
    upstream.on("error", (e) => { res.writeHead(502); res.end(String(e)); });
  });
  await new Promise((r) => host.listen(0, "127.0.0.1", r));
  context.on("close", () => host.close());
  return `http://shop.localhost:${host.address().port}/`;
}

/** Opens the German demo shop, after `routes(v)` set up; `v.fetched`: the widget origin's files requested. */
async function openGerman(routes = async () => {}) {
  const v = await stack.open({ goto: false, init: firstLanguage });
  const widgetOrigin = new URL(stack.sandbox.url("widget")).origin;
  v.fetched = [];
  v.page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === widgetOrigin) v.fetched.push(path.basename(url.pathname));
  });
  const shop = await germanShop(v.context);
  await routes(v);
  await v.page.goto(shop);
  return v;
}

const widgetMessages = (v) => v.console.filter((m) => /LiveChat widget: .*language/.test(m.text));

test("a German host page gets the German table, fetched alongside the login, and no English first", async () => {
  assert.ok(germanFile, `no German table named in ${widgetDist}/index.html (trunk build --release)`);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const v = await openGerman((v) => v.context.route(isGermanTable, async (route) => {
    await held;
    await route.continue();
  }));
  try {
    await stack.waitState((s) => s.connections.length === 1, "the login while the German table is held back");
    const frame = await v.frame();
    assert.equal(await frame.locator("main.lc-widget").count(), 0, "no widget UI before its table");
    assert.equal(await frame.locator("#lc-boot").getAttribute("aria-label"), de.launcher_open,
      "the page's static launcher stands in, named in German");
    release();
    await v.widget.locator('main.lc-widget[lang="de"]').waitFor({ timeout: 10_000 });
    assert.equal(await frame.evaluate(() => window.__firstLang), "de", "the widget's first UI is German");
    assert.ok((await v.widget.locator(".lc-launcher").getAttribute("aria-label")).startsWith(de.launcher_open),
      "the widget's launcher is named in German");
    // boot.js preloads it beside the wasm; the widget's fetch takes the preloaded response.
    assert.deepEqual(v.fetched.filter((f) => files.languages.includes(f)), [germanFile], "the German table, once, no other");
    assert.deepEqual(v.console.filter((m) => /preload/i.test(m.text)), [], "the preload was used");
    await v.widget.locator(".lc-launcher").click();
    // The header's minimise button: its title may name the predicted agent instead of `title`.
    await v.widget.getByRole("button", { name: de.minimise, exact: true }).first().waitFor({ timeout: 10_000 });
    assert.deepEqual(widgetMessages(v), [], "nothing logged about the language");
    assert.deepEqual(await frame.evaluate(() => window.__errors), [], "no uncaught error in the widget's frame");
  } finally {
    release();
    await v.close();
  }
});

/** The widget carried on in English after the German table failed, and said why once. */
async function inEnglish(v, logged) {
  await v.widget.locator('main.lc-widget[lang="en"]').waitFor({ timeout: 10_000 });
  assert.equal(await (await v.frame()).evaluate(() => window.__firstLang), "en");
  await stack.waitState((s) => s.connections.length === 1, "the login");
  await v.widget.locator(".lc-launcher").click();
  await v.widget.getByRole("button", { name: en.minimise, exact: true }).first().waitFor({ timeout: 10_000 });
  await v.widget.locator("form.lc-form, #lc-composer-input").first().waitFor({ timeout: 10_000 });
  const messages = widgetMessages(v);
  assert.equal(messages.length, 1, `one message: ${JSON.stringify(messages)}`);
  assert.match(messages[0].text, logged);
  assert.deepEqual(await (await v.frame()).evaluate(() => window.__errors), [], "no uncaught error in the widget's frame");
  return messages[0];
}

test("a German table that fails (HTTP 500) leaves the widget working in English", async () => {
  const v = await openGerman((v) => v.context.route(isGermanTable, (route) => route.fulfill({ status: 500, body: "" })));
  try {
    const m = await inEnglish(v, /could not load the de language table \(HTTP 500\): English instead/);
    assert.equal(m.type, "error");
  } finally {
    await v.close();
  }
});

test("a malformed German table is refused as a whole, in English", async () => {
  const broken = { ...de, send: 3 };
  const v = await openGerman((v) => v.context.route(isGermanTable, (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(broken) })));
  try {
    const m = await inEnglish(v, /the de language table is malformed, English instead: `send`: not a string/);
    assert.equal(m.type, "error");
    assert.equal(await v.widget.getByRole("button", { name: de.minimise, exact: true }).count(), 0, "no German text from the refused table");
  } finally {
    await v.close();
  }
});

test("a German table that does not arrive in 3 s gives way to English, with one warning", async () => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const v = await openGerman((v) => v.context.route(isGermanTable, async (route) => {
    await held;
    await route.abort().catch(() => {});
  }));
  try {
    const started = Date.now();
    await waitFor(async () => (await v.frame()) && true, 20_000, "the widget iframe");
    const m = await inEnglish(v, /the de language table did not arrive in 3 s: English instead/);
    assert.equal(m.type, "warning");
    assert.ok(Date.now() - started >= 2_000, "English only after the wait");
  } finally {
    release();
    await v.close();
  }
});
