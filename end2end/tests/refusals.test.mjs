// Issue 18 in the browser: a login the service refuses (a group it does not have, a
// permanent error: one console error, a banner with "Try again"), the login's
// is_mobile from the host's viewport (not the iframe's), and the chat restored at
// login when the customer has two (the active one, wherever the login lists it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack, PHONE } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";

const stack = useStack(["--fast"]);

/** The login payloads the page's sockets send. */
function recordLogins(page) {
  const logins = [];
  page.on("websocket", (ws) => ws.on("framesent", ({ payload }) => {
    try {
      const f = JSON.parse(String(payload));
      if (f.action === "login") logins.push(f.payload);
    } catch { /* not JSON */ }
  }));
  return logins;
}

/** Before any page script: whatever the snippet sets as window.__lc, with `extra` on top. */
const override = (extra) => `(() => {
  let v;
  Object.defineProperty(window, "__lc", { configurable: true, get: () => v, set: (x) => { v = Object.assign({}, x, ${JSON.stringify(extra)}); } });
})();`;

test("a group the license does not have is dropped once and the chat works in the default group", () =>
  stack.visit({ goto: false, init: override({ group: 99 }), shot: "group-not-found" }, async ({ page, widget: w, customer, sockets }) => {
    const logins = recordLogins(page);
    await page.goto(stack.sandbox.url("shop", "/"));
    const me = await customer();
    await waitFor(() => logins.length >= 2, 15_000, "two logins");
    assert.equal(logins[0].group_id, 99, "the configured group first");
    assert.equal(logins[1].group_id, undefined, "then without it");
    await stack.waitState((s) => s.connections.find((c) => c.customer_id === me.id && c.status === "logged_in"), "logged in");
    assert.equal(sockets.filter((u) => u.includes("/customer/rtm/")).length, 2, "one socket per login");
    await w.locator(".lc-launcher:not(#lc-boot)").first().click({ timeout: 20_000 });
    await w.locator("#lc-window").waitFor({ timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(await w.locator(".lc-banner").count(), 0, "no banner: the chat works");
  }));

test("a login refused for good stops with its message, one console error and a working Try again", async () => {
  await stack.sandbox.admin("faults/reject_logins", { reason: "validation", seconds: 600 });
  try {
    await stack.visit({ shot: "refused-login" }, async ({ widget: w, console, sockets, customer }) => {
      await w.locator(".lc-launcher:not(#lc-boot)").first().click({ timeout: 20_000 });
      const banner = w.locator(".lc-banner");
      await banner.getByText("The chat could not sign you in.").waitFor({ timeout: 20_000 });
      assert.equal(await banner.getAttribute("role"), "alert");
      await new Promise((r) => setTimeout(r, 5_000));
      const rtm = sockets.filter((u) => u.includes("/customer/rtm/"));
      assert.equal(rtm.length, 2, `the login and one with a fresh token, then no more: ${rtm.length}`);
      const named = console.filter((m) => m.type === "error" && /refused the login.*validation/.test(m.text));
      assert.equal(named.length, 1, JSON.stringify(console.filter((m) => m.type === "error")));

      await stack.sandbox.admin("faults/clear", {});
      await w.getByRole("button", { name: "Try again" }).click();
      const me = await customer();
      await stack.waitState((s) => s.connections.find((c) => c.customer_id === me.id && c.status === "logged_in"), "logged in");
      await waitFor(async () => (await banner.count()) === 0, 10_000, "the banner gone");
    });
  } finally {
    await stack.sandbox.admin("faults/clear", {});
  }
});

for (const [name, viewport, expected] of [["desktop", undefined, false], ["phone", PHONE, true]]) {
  test(`on a ${name} host the login says is_mobile: ${expected}`, () =>
    stack.visit({ goto: false, viewport, shot: `is-mobile-${name}` }, async ({ page, customer }) => {
      const logins = recordLogins(page);
      await page.goto(stack.sandbox.url("shop", "/"));
      await customer();
      await waitFor(() => logins.length >= 1, 15_000, "the login");
      assert.equal(logins[0].is_mobile, expected, "the host's viewport, not the iframe's width");
    }));
}

test("with an ended chat listed first and an active one, the active chat is restored", () =>
  stack.visit({ shot: "right-chat" }, async ({ page, customer }) => {
    const me = await customer();
    const seed = () => stack.sandbox.admin("chats/seed", { customer_id: me.id, events: 3 });
    await seed();
    const ended = (await stack.state()).chats.find((c) => c.customer_id === me.id).id;
    await stack.sandbox.admin("chats/close", { chat_id: ended });
    await seed();
    const active = (await stack.state()).chats.find((c) => c.customer_id === me.id && c.id !== ended).id;
    for (let i = 0; i < 2; i++) {
      await page.reload();
      const chat = await waitFor(() => page.evaluate(() => window.LiveChatWidget?.get("chat_data")?.chatId), 20_000, "chat_data");
      assert.equal(chat, active, `reload ${i + 1}: the active chat, not the ended one (${ended})`);
    }
  }));
