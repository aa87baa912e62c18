// Embedding on real-world host pages: a host with a strict Content-Security-Policy, a
// hostile host stylesheet (`* { all: unset !important }`, huge fonts), lazy loading
// (nothing of the widget's weight before the host's load event) and a minimised iframe
// that covers nothing but the launcher.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack, PHONE, DESKTOP } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { fillPrechat } from "../support/widget.mjs";

// No scripted agent: no greeting changes the layout under the measurements; the agent's
// side of the CSP round trip is played through the admin API.
const stack = useStack(["--no-agent"]);
const IFRAME = 'iframe[title="Chat widget"]';

/** Init script (every frame): records CSP violations the document reports. */
const recordViolations = () => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "(inline)"} in ${e.sourceFile || document.URL}`));
};

/** Waits until the wasm widget has mounted (the static boot launcher is gone). */
async function mounted(v) {
  await v.widget.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: 20_000 });
  await waitFor(async () => (await v.widget.locator("#lc-boot").count()) === 0, 20_000, "the widget to mount");
}

const box = async (locator) => {
  const b = await locator.boundingBox();
  return b && { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) };
};

/** The box of `locator` once it has stopped changing (the loader resizes the iframe on the widget's message). */
async function settled(locator) {
  let last = null;
  return waitFor(async () => {
    const b = await box(locator);
    const same = b && last && JSON.stringify(b) === JSON.stringify(last);
    last = b;
    if (!same) await new Promise((r) => setTimeout(r, 150));
    return same && b;
  }, 5_000, "a settled box");
}

test("a host page with a strict CSP: the widget loads, a message round-trips, no CSP violation", () =>
  stack.visit({ path: "/strict-csp.html", init: recordViolations }, async (v) => {
    await mounted(v);
    const me = await v.customer();
    await v.widget.locator(".lc-launcher").click();
    await fillPrechat(v.widget);
    const chatId = await stack.waitState((s) => s.chats.find((c) => c.customer_id === me.id)?.id, "the chat");
    await stack.sandbox.admin("chats/queue", { chat_id: chatId, position: 0 });
    const composer = v.widget.getByRole("textbox", { name: /^Write a message/ });
    await composer.fill("Hello from a strict page");
    await composer.press("Enter");
    await stack.waitState((s) => JSON.stringify(s.chats.find((c) => c.id === chatId)).includes("Hello from a strict page"),
      "the message on the sandbox");
    await stack.sandbox.admin("chats/message", { chat_id: chatId, text: "Hello back, strictly" });
    await v.widget.getByRole("log").getByText("Hello back, strictly").waitFor({ timeout: 10_000 });

    const frame = await v.frame();
    const reported = v.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text)).map((m) => m.text);
    assert.deepEqual(reported, [], "no CSP messages in the console of the page or the widget");
    assert.deepEqual(await v.page.evaluate(() => window.__csp), [], "no securitypolicyviolation on the host page");
    assert.deepEqual(await frame.evaluate(() => window.__csp), [], "no securitypolicyviolation in the widget's frame");
    assert.deepEqual(v.errors, [], "no errors on the host page");
  }));

test("the widget's own page is served with a strict CSP (no inline script)", () =>
  stack.visit({ goto: false }, async (v) => {
    const res = await v.page.goto(stack.sandbox.url("widget", "/?license=1520"));
    const header = (await res.allHeaders())["content-security-policy"] ?? "";
    const meta = await v.page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.content ?? "");
    const csp = [header, meta].filter(Boolean).join(" ; ");
    assert.match(csp, /script-src/, `a CSP with script-src (header: "${header}", meta: "${meta}")`);
    const scriptSrc = /script-src([^;]*)/.exec(csp)[1];
    assert.doesNotMatch(scriptSrc, /'unsafe-inline'|'unsafe-eval'|\*/, `script-src is strict: ${scriptSrc}`);
  }));

/** Boxes (host page pixels) and computed styles of the widget in its two layouts. */
async function measure(v) {
  await mounted(v);
  const iframe = v.page.locator(IFRAME);
  const frame = await v.frame();
  const styles = (sel) => frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const cs = getComputedStyle(el);
    return Object.fromEntries(["font-size", "font-family", "line-height", "color", "background-color", "display", "position",
      "width", "height", "border-radius", "padding-top"].map((p) => [p, cs.getPropertyValue(p)]));
  }, sel);
  const minimised = {
    iframe: await settled(iframe),
    launcher: await box(v.widget.locator(".lc-launcher")),
    launcherStyle: await styles(".lc-launcher"),
  };
  await v.widget.locator(".lc-launcher").click();
  await v.widget.locator("form.lc-form").waitFor({ timeout: 20_000 });
  await waitFor(async () => (await box(iframe)).h > minimised.iframe.h, 5_000, "the iframe to grow");
  const open = {
    iframe: await settled(iframe),
    window: await settled(v.widget.locator(".lc-window")),
    windowStyle: await styles(".lc-window"),
    header: await styles(".lc-window header, .lc-window h2"),
    field: await styles("form.lc-form input"),
    button: await styles("form.lc-form button[type=submit]"),
    body: await styles("body"),
  };
  return { minimised, open };
}

for (const [label, viewport] of [["1280", DESKTOP], ["375", PHONE]]) {
  test(`a hostile host stylesheet does not change the widget (${label} px)`, async () => {
    const normal = await stack.visit({ viewport, shot: `normal-${label}` }, measure);
    const hostile = await stack.visit({ viewport, path: "/hostile.html", shot: `hostile-${label}` }, async (v) => {
      // The page really is hostile: its own text is huge.
      const size = await v.page.evaluate(() => parseFloat(getComputedStyle(document.body.querySelector("p, h1, div") ?? document.body).fontSize));
      assert.ok(size >= 30, `the hostile page's fonts are huge (${size}px)`);
      return measure(v);
    });
    // Not a vacuous comparison: the normal page shows a launcher, then a window.
    assert.ok(normal.minimised.launcher.w >= 40 && normal.minimised.launcherStyle, JSON.stringify(normal.minimised));
    assert.ok(normal.open.window.w >= 300 && normal.open.field && normal.open.button, JSON.stringify(normal.open));
    assert.deepEqual(hostile.minimised, normal.minimised, "minimised: the same iframe, launcher and styles");
    assert.deepEqual(hostile.open, normal.open, "open: the same iframe, window and styles");
  });
}

test("the iframe is inserted after the host's load event and no wasm is fetched before it", () =>
  stack.visit({ goto: false, init: () => {
    if (window !== window.top) return;
    addEventListener("load", () => {
      window.__atLoad = { iframe: !!document.querySelector('iframe[title="Chat widget"]'), at: performance.timeOrigin + performance.now() };
    }, { capture: true });
  } }, async (v) => {
    // A slow product image keeps the host's load event 1.5 s away.
    await v.page.route(/cdn\.localhost.*photo\.png/, async (route) => {
      await new Promise((r) => setTimeout(r, 1_500));
      await route.continue();
    });
    const wasm = [];
    v.page.on("request", (r) => { if (/\.wasm(\?|$)/.test(r.url())) wasm.push(r.url()); });
    await v.page.goto(stack.sandbox.url("shop"), { waitUntil: "domcontentloaded" });
    await v.page.waitForTimeout(700);
    assert.equal(await v.page.locator(IFRAME).count(), 0, "no iframe before the host's load event");
    assert.deepEqual(wasm, [], "no wasm request before the host's load event");
    await mounted(v);
    const atLoad = await v.page.evaluate(() => window.__atLoad);
    assert.ok(atLoad, "the host's load event fired");
    assert.equal(atLoad.iframe, false, "the iframe was not in the page at its load event");
    const frame = await v.frame();
    const fetched = await frame.evaluate(() => performance.getEntriesByType("resource")
      // The main module; the chat window's chunk follows after login (split.test.mjs).
      .filter((e) => /\.wasm(\?|$)/.test(e.name) && !/\/split_[^/]*\.wasm/.test(e.name)).map((e) => performance.timeOrigin + e.startTime));
    assert.equal(fetched.length, 1, "the main wasm was fetched once");
    assert.ok(fetched[0] >= atLoad.at, `the wasm request (${fetched[0]}) came after the host's load (${atLoad.at})`);
  }));

// Issue 7: every message the widget posts is work on the host's main thread (the loader's
// 20 ms budget), so a start posts each layout and each stored value once, not on every state change.
test("starting up, the widget posts the layout once and no unchanged stored value", () =>
  stack.visit({ init: () => {
    if (window !== window.top) return;
    window.__posted = [];
    addEventListener("message", (e) => window.__posted.push(e.data), true);
  } }, async (v) => {
    await mounted(v);
    await v.customer();
    await v.page.waitForTimeout(1_000);
    const posted = await v.page.evaluate(() => window.__posted.filter((m) => m && typeof m.type == "string"));
    const layouts = posted.filter((m) => m.type === "lc:layout");
    assert.deepEqual(layouts.map((m) => m.layout), ["minimized"], JSON.stringify(posted));
    const stores = posted.filter((m) => m.type === "lc:store").map((m) => `${m.key}=${m.value}`);
    assert.equal(new Set(stores).size, stores.length, `a value stored twice: ${JSON.stringify(stores)}`);
  }));

for (const [label, viewport] of [["1280", DESKTOP], ["375", PHONE]]) {
  test(`minimised, the iframe covers only the launcher's corner (${label} px)`, () =>
    stack.visit({ viewport, shot: `corner-${label}` }, async (v) => {
      await mounted(v);
      const iframe = v.page.locator(IFRAME);
      const check = async (when) => {
        const b = await settled(iframe);
        const l = await box(v.widget.locator(".lc-launcher"));
        assert.ok(b.w <= 100 && b.h <= 100, `${when}: the iframe is small (${JSON.stringify(b)})`);
        assert.ok(b.x + b.w >= viewport.width - 1 && b.y + b.h >= viewport.height - 1, `${when}: in the bottom-right corner (${JSON.stringify(b)})`);
        assert.ok(l.w * l.h >= 0.3 * b.w * b.h, `${when}: mostly launcher (launcher ${JSON.stringify(l)}, iframe ${JSON.stringify(b)})`);
        // The host's content right next to it is reachable: clicks there hit the page.
        const hit = await v.page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.tagName, [b.x - 4, b.y + b.h / 2]);
        assert.notEqual(hit, "IFRAME", `${when}: left of the launcher is the host page`);
      };
      await check("at first");
      await v.widget.locator(".lc-launcher").click();
      await v.widget.locator(".lc-window").waitFor();
      await v.page.keyboard.press("Escape");
      await v.widget.locator(".lc-window").waitFor({ state: "detached" });
      await waitFor(async () => (await box(iframe)).h <= 100, 5_000, "the iframe to shrink");
      await check("after opening and closing");
    }));
}
