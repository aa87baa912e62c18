// Nothing lost across a reload (issue 6, "Durable outbox"): messages typed while the
// socket is half-open stay pending, are kept in the host tab's sessionStorage through
// the loader, and after a reload are sent by the new page: each exactly once, in order.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { fillPrechat } from "../support/widget.mjs";

const stack = useStack(["--fast", "--no-agent"]);

/** The texts of the customer's "outbox …" messages on the sandbox, in order. */
const textsOnSandbox = (state, customerId) =>
  state.chats.filter((c) => c.customer_id === customerId)
    .flatMap((c) => c.threads ?? []).flatMap((t) => t.events ?? [])
    .filter((e) => e.type === "message" && /^outbox /.test(e.text ?? "")).map((e) => e.text);

test("messages pending at a reload are delivered once, in order, by the reloaded page", () =>
  stack.visit({ shot: "outbox-reload" }, async ({ page, widget: w, customer }) => {
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await fillPrechat(w);
    const composer = w.getByRole("textbox", { name: "Write a message" });
    await composer.fill("outbox 0 before the fault");
    await composer.press("Enter");
    const me = await customer();
    await stack.waitState((s) => textsOnSandbox(s, me.id).length === 1, "the first message on the sandbox");

    // The socket goes half-open: frames go nowhere, nothing comes back.
    await stack.sandbox.admin("faults/drop_socket", { customer_id: me.id, mode: "half_open" });
    for (const n of [1, 2, 3]) {
      await composer.fill(`outbox ${n} while half-open`);
      await composer.press("Enter");
    }
    const log = w.getByRole("log");
    await log.getByText("outbox 3 while half-open").waitFor();
    const stored = await page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.endsWith(":outbox")).map((k) => sessionStorage.getItem(k)));
    assert.equal(stored.length, 1, "the loader keeps the outbox in the host tab's sessionStorage");
    assert.match(stored[0], /outbox 3 while half-open/);

    await stack.sandbox.admin("faults/clear", {});
    await page.reload();
    // The reloaded widget restores the outbox, logs in, reconciles and sends what is missing.
    const expected = ["outbox 0 before the fault", "outbox 1 while half-open", "outbox 2 while half-open", "outbox 3 while half-open"];
    const delivered = await stack.waitState((s) => {
      const texts = textsOnSandbox(s, me.id);
      return texts.length >= expected.length && texts;
    }, "the pending messages on the sandbox", 30_000);
    // Give a duplicate the chance to show up before judging.
    await page.waitForTimeout(1_500);
    assert.deepEqual(textsOnSandbox(await stack.state(), me.id), expected, `delivered once, in order: ${JSON.stringify(delivered)}`);
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    for (const text of expected) assert.equal(await w.getByRole("log").getByText(text).count(), 1, text);
  }));
