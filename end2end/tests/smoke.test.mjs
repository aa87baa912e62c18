// The whole stack once: the snippet on the demo shop loads the widget iframe,
// the widget logs in while minimised, a message goes to the sandbox's scripted
// agent and its reply comes back; a reload in the middle of the chat restores it
// and the new login sends back the stored customer_side_storage.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { fillPrechat } from "../support/widget.mjs";

const stack = useStack(["--fast"]);

test("the snippet loads the widget, which logs in while minimised", () =>
  stack.visit({ shot: "smoke-login" }, async ({ widget, errors }) => {
    await widget.getByRole("button", { name: /^Open chat/ }).first().waitFor({ timeout: 20_000 });
    await stack.waitState((s) => s.connections.length === 1, "one logged-in connection");
    assert.equal(await widget.locator(".lc-window").count(), 0, "still minimised");
    assert.deepEqual(errors, [], "no errors on the host page");
  }));

test("a message reaches the agent, the reply shows, and a reload restores the chat", () =>
  stack.visit({ shot: "smoke-reload" }, async ({ page, widget: w, known, customer }) => {
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await fillPrechat(w);
    const composer = w.getByRole("textbox", { name: "Write a message" });
    await composer.fill("Hello from the end-to-end test");
    await composer.press("Enter");
    const log = w.getByRole("log");
    await log.getByText("Hello from the end-to-end test").waitFor();
    await log.getByText(/joined the chat/).waitFor({ timeout: 30_000 });
    const me = await customer();
    // The scripted agent answers with quick replies; a click sends the postback and a message.
    await log.getByRole("button", { name: "Returns" }).click({ timeout: 30_000 });
    await stack.waitState((s) => JSON.stringify(s.chats.find((c) => c.customer_id === me.id) ?? "").includes('"postback"'),
      "the postback message on the sandbox");
    const visitsBefore = me.visits;

    await page.reload();
    // The chat is still going: the restored widget shows it (the launcher opens it).
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await w.getByRole("log").getByText("Hello from the end-to-end test").waitFor({ timeout: 20_000 });
    await w.getByRole("log").getByText(/You picked .Returns./).waitFor({ timeout: 20_000 });
    const after = await stack.waitState((s) => {
      const c = s.customers.find((x) => x.id === me.id);
      return c && c.visits > visitsBefore && c.connections > 0 && c;
    }, "the second login");
    assert.equal((await stack.state()).customers.filter((c) => !known.includes(c.id)).length, 1,
      "the same customer after the reload (identity cookie kept)");
    // Spec "Login": the next login sends back the map of the last customer_side_storage_updated.
    assert.equal(after.customer_side_storage.check, "ok",
      `the reloaded widget sent the stored customer_side_storage in its login: ${JSON.stringify(after.customer_side_storage)}`);
    assert.ok(after.customer_side_storage.received_at_last_login?.visitor_id, "the stored map carries visitor_id");
    // And the chat goes on after the reload: one more message round trip.
    const composer2 = w.getByRole("textbox", { name: "Write a message" });
    await composer2.fill("Still there after the reload?");
    await composer2.press("Enter");
    await stack.waitState((s) => JSON.stringify(s.chats.find((c) => c.customer_id === me.id) ?? "").includes("Still there after the reload?"),
      "the message after the reload on the sandbox");
  }));
