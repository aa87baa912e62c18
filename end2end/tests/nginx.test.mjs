// The release build served by Debian's nginx with the deploy example (docs/nginx/widget.conf,
// docs/deploy.md): the precompressed files are what goes over the wire, each with its type and
// caching, the iframe page's CSP is in force, and the widget on the demo shop (the sandbox's,
// its widget origin pointed at nginx, its <html lang> German) logs in, shows itself in German from
// its fetched table and opens its window from the lazy chunk.
import { test, after } from "node:test";
import { readFileSync } from "node:fs";
import http from "node:http";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { widgetDist } from "../support/sandbox.mjs";
import { startNginx } from "../support/nginx.mjs";
import { waitFor } from "../support/wait.mjs";
import { classify } from "../../scripts/size-report.mjs";

const stack = useStack(["--fast"]);
const files = classify(widgetDist);
let nginx;
// Started by the first test (the stack's own `before` has then run: nginx needs the sandbox's port).
const useNginx = async () => (nginx ??= await startNginx(widgetDist, stack.sandbox.port));
after(async () => { await nginx?.stop(); });

const get = (file, encoding) =>
  fetch(`http://127.0.0.1:${nginx.port}/${file}`, { headers: { "accept-encoding": encoding } });

test("nginx serves the precompressed files with their types and caching", async () => {
  await useNginx();
  const wasm = files.first.find((f) => f.endsWith(".wasm"));
  assert.ok(wasm && files.lazy.length, "a hashed main wasm and a lazy chunk in the build");
  for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]]) {
    for (const f of [...files.first, ...files.languages, ...files.lazy, "loader.js"]) {
      const res = await get(f, encoding);
      assert.equal(res.status, 200, f);
      assert.equal(res.headers.get("content-encoding"), encoding, `${f} served from its ${suffix}`);
      const body = Buffer.from(await res.arrayBuffer());
      // fetch decodes the body: it must be the file itself.
      assert.ok(body.equals(readFileSync(`${widgetDist}/${f}`)), `${f}: ${f}${suffix} decodes to ${f}`);
    }
  }
  const main = await get(wasm, "br");
  assert.equal(main.headers.get("content-type"), "application/wasm");
  for (const f of files.first.filter((f) => f.endsWith(".js"))) {
    assert.match((await get(f, "br")).headers.get("content-type"), /^application\/javascript/, `${f} is JavaScript`);
  }
  assert.match(main.headers.get("cache-control"), /max-age=31536000, immutable/);
  assert.match((await get(files.lazy[0], "br")).headers.get("cache-control"), /immutable/);
  assert.equal(files.languages.length, 14, "a table per language but English");
  for (const f of files.languages) {
    const table = await get(f, "br");
    assert.match(table.headers.get("content-type"), /^application\/json/, `${f} is JSON`);
    assert.match(table.headers.get("cache-control"), /max-age=31536000, immutable/, `${f} is immutable`);
  }
  const page = await get("index.html", "br");
  assert.match(page.headers.get("content-security-policy"), /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(page.headers.get("cache-control"), "no-cache");
  assert.equal((await get("loader.js", "br")).headers.get("cache-control"), "public, max-age=300");
  assert.equal((await get("", "br")).headers.get("content-security-policy"), page.headers.get("content-security-policy"),
    "the directory URL host pages name is the page with its CSP");
  assert.equal((await get("Cargo.toml", "br")).status, 404);
});

test("the widget from nginx runs on a German demo shop under its CSP", async () => {
  await useNginx();
  // The host page's widget origin becomes nginx's; the widget's files come from nginx alone.
  const sandboxWidget = stack.sandbox.url("widget", "");
  const v = await stack.open({ goto: false });
  try {
    await v.context.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    // The shop's page fetched here (Node does not resolve *.localhost), its widget origin swapped.
    const shop = await new Promise((resolve, reject) =>
      http.get({ host: "127.0.0.1", port: stack.sandbox.port, path: "/", headers: { host: `shop.localhost:${stack.sandbox.port}` } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d) => { body += d; });
        res.on("end", () => resolve(body));
      }).on("error", reject));
    assert.ok(shop.includes(sandboxWidget), "the shop's page names the widget's origin");
    // Served from loopback like the real shop (Chromium keeps a page from elsewhere off loopback).
    const host = http.createServer((req, res) => {
      res.writeHead(req.url === "/" ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      res.end(req.url === "/" ? shop.split(sandboxWidget).join(nginx.origin).replace('<html lang="en">', '<html lang="de">') : "");
    });
    await new Promise((r) => host.listen(0, "127.0.0.1", r));
    v.context.on("close", () => host.close());
    const shopUrl = `http://shop.localhost:${host.address().port}/`;
    const served = [];
    v.page.on("response", async (r) => {
      if (r.url().startsWith(nginx.origin)) served.push({ url: r.url(), headers: await r.allHeaders() });
    });
    await v.page.goto(shopUrl);
    const frame = await waitFor(() => v.page.frames().find((f) => f.url().startsWith(nginx.origin)), 20_000,
      "the widget iframe from nginx").catch((e) => { throw new Error(`${e.message}; console: ${JSON.stringify(v.console)}; served: ${served.map((r) => r.url)}; frames: ${v.page.frames().map((f) => f.url())}`); });
    await stack.waitState((s) => s.connections.length === 1, "the widget's login");
    await v.widget.locator('main.lc-widget[lang="de"]').waitFor({ timeout: 20_000 });
    await v.widget.locator(".lc-launcher").click({ timeout: 20_000 });
    await v.widget.locator("form.lc-form, #lc-composer-input").first().waitFor({ timeout: 20_000 });
    const page = served.find((r) => new URL(r.url).pathname === "/");
    assert.ok(page, "the iframe page came from nginx");
    assert.match(page.headers["content-security-policy"], /default-src 'none'/, "the page's CSP header");
    const german = files.languages.filter((f) => f.startsWith("de."));
    assert.equal(german.length, 1, "one German table in the build");
    for (const f of [...files.first.filter((f) => f !== "index.html"), ...german, ...files.lazy]) {
      const r = served.find((x) => x.url.endsWith(`/${f}`));
      assert.ok(r, `${f} fetched from nginx`);
      assert.equal(r.headers["content-encoding"], "br", `${f} came brotli-compressed`);
    }
    // Under the CSP an inline script does not run, and nothing the widget does was blocked.
    const inline = await frame.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.append(s);
      return new Promise((r) => setTimeout(() => r(window.__inlineRan === true), 100));
    });
    assert.equal(inline, false, "an inline script is blocked by the CSP");
    const violations = (await frame.evaluate(() => window.__cspViolations)).filter((x) => !x.startsWith("script-src-elem inline"));
    assert.deepEqual(violations, [], "no CSP violation by the widget");
    assert.deepEqual(v.errors, [], "no errors on the host page");
  } finally {
    await v.close();
  }
});
