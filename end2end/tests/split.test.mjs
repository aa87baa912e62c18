// The chat window as a lazy chunk (issue 19): what the widget's frame fetches before its RTM
// login is exactly the first download scripts/size-report.mjs counts; the chunk comes after
// login by itself; a click before it lands shows the window's frame at once, keeps what is
// typed and fills in when it lands; a failed chunk fetch is retried.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { useStack } from "../support/fixture.mjs";
import { widgetDist } from "../support/sandbox.mjs";
import { waitFor } from "../support/wait.mjs";
import { fillPrechat } from "../support/widget.mjs";
import { classify } from "../../scripts/size-report.mjs";

const stack = useStack(["--fast"]);
const files = classify(widgetDist);
const isChunk = (url) => files.lazy.includes(path.basename(new URL(url).pathname));

/** Records the widget origin's file requests, and which had been made when the login frame went out. */
function recordFetches(v) {
  const widgetOrigin = new URL(stack.sandbox.url("widget")).origin;
  const seen = { all: [], atLogin: null };
  v.page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.origin === widgetOrigin) seen.all.push(path.basename(url.pathname) || "index.html");
  });
  v.page.on("websocket", (ws) =>
    ws.on("framesent", ({ payload }) => {
      if (seen.atLogin === null && /"action"\s*:\s*"login"/.test(String(payload))) seen.atLogin = [...seen.all];
    }));
  return seen;
}

test("before login the frame fetches exactly the first download; the window's chunk follows by itself", async () => {
  assert.ok(files.lazy.length > 0, `no lazy chunk in ${widgetDist} (trunk build --release)`);
  const v = await stack.open({ goto: false });
  try {
    const seen = recordFetches(v);
    await v.page.goto(stack.sandbox.url("shop", "/"));
    await waitFor(() => seen.atLogin, 20_000, "the login frame");
    assert.deepEqual([...new Set(seen.atLogin)].filter((f) => f !== "loader.js").sort(), [...files.first].sort(),
      "the files fetched before login are the size report's first download");
    // Prefetched when idle after login, without opening the window.
    await waitFor(() => files.lazy.every((f) => seen.all.includes(f)), 20_000, "the chunk's prefetch");
    assert.equal(await v.widget.locator(".lc-window").count(), 0, "still minimised");
  } finally {
    await v.close();
  }
});

test("a click before the chunk lands shows the frame at once, keeps what is typed, and fills in", () =>
  stack.visit({ shot: "split-cold" }, async ({ page, widget: w, customer }) => {
    // A chat first, so the reloaded window has a composer (no prechat form).
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await fillPrechat(w);
    await w.getByRole("textbox", { name: "Write a message" }).waitFor();
    const me = await customer();

    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route((url) => isChunk(url.href), async (route) => {
      await held;
      await route.continue();
    });
    await page.reload();
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    const frame = w.locator('#lc-window[aria-busy="true"]');
    await frame.waitFor({ timeout: 5_000 });
    const early = frame.getByRole("textbox", { name: "Write a message" });
    await waitFor(() => early.evaluate((el) => document.activeElement === el), 5_000, "the frame's composer focused");
    await page.keyboard.type("typed before the chunk");
    release();
    const composer = w.locator(".lc-composer-input#lc-composer-input");
    await composer.waitFor({ timeout: 20_000 });
    assert.equal(await composer.inputValue(), "typed before the chunk", "what was typed moved into the composer");
    await composer.press("Enter");
    await stack.waitState((s) => JSON.stringify(s.chats.find((c) => c.customer_id === me.id) ?? "").includes("typed before the chunk"),
      "the early text sent");
  }));

test("a click before the chunk lands, nobody online: the focus is not lost when the ticket form replaces the frame", () =>
  stack.visit({ goto: false, shot: "split-cold-ticket" }, async ({ page, widget: w, frame: widgetFrame }) => {
    // No prechat form: the frame then always has its composer (where a prechat form is due it
    // has none), and the window shows the ticket form anyway while the team is away.
    await stack.sandbox.admin("groups", { group_id: 0, status: "offline", ticket: true, prechat: false });
    try {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route((url) => isChunk(url.href), async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(stack.sandbox.url("shop"));
      await w.locator(".lc-launcher:not(#lc-boot)").click({ timeout: 20_000 });
      await w.locator('#lc-window[aria-busy="true"] textarea').waitFor({ timeout: 5_000 });
      release();
      await w.getByRole("heading", { name: "Leave a message", exact: true }).waitFor({ timeout: 20_000 });
      const f = await widgetFrame();
      // The frame's composer had the focus; with it gone (and the window's own composer, if
      // it showed before the ticket form came) the form's first field takes it, not the body,
      // or Tab would go on from where the composer was, out of the widget.
      const inForm = () => f.evaluate(() => document.activeElement?.closest("form.lc-form") != null);
      await waitFor(inForm, 5_000, "the focus in the ticket form after the frame went");
      await page.keyboard.press("Tab");
      assert.ok(await inForm(), "Tab goes on inside the ticket form");
    } finally {
      await stack.sandbox.admin("groups", { group_id: 0, status: "online", ticket: true, prechat: true });
    }
  }));

test("a failed chunk fetch is retried", () =>
  stack.visit({ shot: "split-retry" }, async ({ page, widget: w }) => {
    let failures = 0;
    await page.route((url) => isChunk(url.href), (route) => (failures++ < 1 ? route.abort() : route.continue()));
    await page.reload();
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await w.locator("form.lc-form, #lc-composer-input").first().waitFor({ timeout: 20_000 });
    assert.ok(failures >= 2, `the chunk was fetched again after the failure (${failures} fetches)`);
  }));
