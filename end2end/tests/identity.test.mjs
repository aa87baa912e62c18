// Issue 4: a host-supplied custom_identity_provider replaces the cookie grant.
// The widget asks the host page for tokens through the loader (postMessage).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "../support/sandbox.mjs";
import { launch } from "../support/browser.mjs";
import { waitFor } from "../support/wait.mjs";
import { widgetFrame } from "../support/widget.mjs";

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox(["--no-agent"]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test("the widget logs in with the token the host's custom_identity_provider gives", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(sandbox.url("shop", "/custom-identity.html"));
  await widgetFrame(page).locator(".lc-launcher").waitFor({ timeout: 20_000 });
  await waitFor(async () => (await sandbox.admin("state")).connections.length === 1, 15_000, "a logged-in connection");
  const calls = await page.evaluate(() => window.__lcProviderCalls);
  assert.ok(calls.getToken >= 1, `getToken was called (${JSON.stringify(calls)})`);
  await context.close();
});
