// Issue 17 item 5 end to end: before the chat starts, the header shows the agent
// the sandbox predicts (spec "Get Predicted Agent"), with name, job title and
// avatar, asked once when the window opens.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";

const stack = useStack(["--fast"]);

test("the header shows the predicted agent before the chat starts", () =>
  stack.visit({ shot: "predicted-agent", goto: false }, async ({ page, widget: w }) => {
    const asked = [];
    page.on("websocket", (ws) =>
      ws.on("framesent", (f) => {
        if (String(f.payload).includes('"get_predicted_agent"')) asked.push(f.payload);
      }),
    );
    await page.goto(stack.sandbox.url("shop", "/"));
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await w.locator("form.lc-form").waitFor({ timeout: 20_000 });
    const header = w.locator(".lc-header");
    await header.getByRole("heading", { name: "Sam Carter" }).waitFor({ timeout: 15_000 });
    assert.equal(await header.locator(".lc-subtitle").textContent(), "Support Agent");
    const src = await header.locator("img.lc-avatar").getAttribute("src");
    assert.match(src, /\/assets\/agent\.png$/);
    // Closing and opening again asks nothing more.
    await w.getByRole("button", { name: "Minimise chat" }).first().click();
    await w.locator(".lc-launcher").click();
    await header.getByRole("heading", { name: "Sam Carter" }).waitFor();
    assert.equal(asked.length, 1, "get_predicted_agent once");
  }));
