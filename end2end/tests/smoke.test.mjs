// The whole stack once: the snippet on the demo shop loads the widget iframe,
// the widget logs in while minimised, a message goes to the sandbox's scripted
// agent and its reply comes back; a reload restores the chat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startSandbox } from "../support/sandbox.mjs";
import { launch } from "../support/browser.mjs";
import { waitFor } from "../support/wait.mjs";
import { fillPrechat, widgetFrame as widget } from "../support/widget.mjs";

let sandbox;
let browser;

before(async () => {
  sandbox = await startSandbox(["--fast"]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await sandbox?.stop();
});

test("the snippet loads the widget, which logs in while minimised", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(sandbox.url("shop"));
  await widget(page).getByRole("button", { name: /^Open chat/ }).first().waitFor({ timeout: 20_000 });
  await waitFor(async () => (await sandbox.admin("state")).connections.length === 1, 15_000, "one logged-in connection");
  assert.deepEqual(errors, [], "no errors on the host page");
  await context.close();
});

test("a message reaches the agent, the reply shows, and a reload restores the chat", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(sandbox.url("shop"));
  const w = widget(page);
  await w.locator(".lc-launcher").click({ timeout: 20_000 });
  await fillPrechat(w);
  const composer = w.getByRole("textbox", { name: "Write a message" });
  await composer.fill("Hello from the end-to-end test");
  await composer.press("Enter");
  const log = w.getByRole("log");
  await log.getByText("Hello from the end-to-end test").waitFor();
  await log.getByText(/joined the chat/).waitFor({ timeout: 30_000 });
  // The scripted agent answers with quick replies; a click sends the postback and a message.
  await log.getByRole("button", { name: "Returns" }).click({ timeout: 30_000 });
  await waitFor(async () => {
    const chat = (await sandbox.admin("state")).chats[0];
    return chat && JSON.stringify(chat).includes('"postback"');
  }, 15_000, "the postback message on the sandbox");

  const customersBefore = (await sandbox.admin("state")).customers.length;
  await page.reload();
  await widget(page).locator(".lc-launcher").click({ timeout: 20_000 });
  await widget(page).getByRole("log").getByText("Hello from the end-to-end test").waitFor({ timeout: 20_000 });
  const state = await sandbox.admin("state");
  assert.equal(state.customers.length, customersBefore, "the same customer after the reload (identity cookie kept)");
  // Spec "Login": the next login sends back the map of the last customer_side_storage_updated.
  assert.ok(
    state.customers.some((c) => c.customer_side_storage?.check === "ok"),
    "the reloaded widget sent the stored customer_side_storage in its login",
  );
  await context.close();
});
