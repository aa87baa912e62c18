// One connection per visitor (issue 6): three tabs of the demo shop in one browser
// context (one host site, so one Web Locks and BroadcastChannel partition, one
// customer) share a single RTM connection on the sandbox. A message from each tab
// arrives exactly once and shows in every tab; when the leader tab closes another
// takes over with a new single connection within 2 s, and sending still works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { fillPrechat } from "../support/widget.mjs";
import { waitFor, sleep } from "../support/wait.mjs";

const stack = useStack(["--fast", "--no-agent"]);

/** Texts of the customer's "tab …" messages on the sandbox, in order. */
const textsOnSandbox = (state, customerId) =>
  state.chats.filter((c) => c.customer_id === customerId)
    .flatMap((c) => c.threads ?? []).flatMap((t) => t.events ?? [])
    .filter((e) => e.type === "message" && /^tab /.test(e.text ?? "")).map((e) => e.text);

/** The sandbox's open connections of the customer. */
const connectionsOf = (state, customerId) => state.connections.filter((c) => c.customer_id === customerId);

/** Sends `text` from the widget `w` (its chat window open). */
async function say(w, text) {
  const composer = w.getByRole("textbox", { name: "Write a message" });
  await composer.fill(text);
  await composer.press("Enter");
}

/** Waits until `text` is in the sandbox's chat of `customerId`, then gives a duplicate time to show. */
async function deliveredOnce(customerId, text) {
  await stack.waitState((s) => textsOnSandbox(s, customerId).includes(text), `"${text}" on the sandbox`);
  await sleep(800);
  const texts = textsOnSandbox(await stack.state(), customerId);
  assert.equal(texts.filter((t) => t === text).length, 1, `"${text}" delivered once: ${JSON.stringify(texts)}`);
}

test("three tabs share one connection, deliver each tab's message once, and hand over when the leader closes", () =>
  stack.visit({ shot: "tabs" }, async ({ context, page, widget: w1, customer, sockets, errors }) => {
    // Tab 1 starts the chat.
    await w1.locator(".lc-launcher").click({ timeout: 20_000 });
    await fillPrechat(w1);
    await say(w1, "tab 1 first");
    const me = await customer();
    await deliveredOnce(me.id, "tab 1 first");

    // Tabs 2 and 3 of the same site (same context: same cookies, lock and channel partition).
    const others = [];
    for (const n of [2, 3]) {
      const p = await context.newPage();
      const opened = [];
      p.on("websocket", (ws) => opened.push(ws.url()));
      p.on("pageerror", (e) => errors.push(e.message));
      await p.goto(stack.sandbox.url("shop", "/"));
      const w = p.frameLocator('iframe[title="Chat widget"]');
      await w.locator(".lc-launcher").click({ timeout: 20_000 });
      // Logged in through the leader: the chat's history came over the leader's socket.
      await w.getByRole("log").getByText("tab 1 first").waitFor({ timeout: 20_000 });
      others.push({ n, page: p, w, opened });
    }
    const [t2, t3] = others;
    const state = await stack.state();
    assert.equal(connectionsOf(state, me.id).length, 1, `one RTM connection: ${JSON.stringify(connectionsOf(state, me.id))}`);
    assert.equal(state.customers.find((c) => c.id === me.id).connections, 1);
    assert.equal(sockets.filter((u) => u.includes("/rtm/ws")).length, 1, "tab 1 opened the one socket");
    assert.deepEqual([t2.opened, t3.opened], [[], []], "tabs 2 and 3 opened no socket of their own");
    const firstConn = connectionsOf(state, me.id)[0].id;

    // A message from each follower: once on the sandbox, shown in every tab.
    await say(t2.w, "tab 2 hello");
    await deliveredOnce(me.id, "tab 2 hello");
    await say(t3.w, "tab 3 hello");
    await deliveredOnce(me.id, "tab 3 hello");
    for (const w of [w1, t2.w, t3.w]) {
      for (const text of ["tab 1 first", "tab 2 hello", "tab 3 hello"]) {
        await w.getByRole("log").getByText(text).waitFor({ timeout: 10_000 });
        assert.equal(await w.getByRole("log").getByText(text).count(), 1, text);
      }
    }
    assert.deepEqual(textsOnSandbox(await stack.state(), me.id), ["tab 1 first", "tab 2 hello", "tab 3 hello"]);
    assert.equal(connectionsOf(await stack.state(), me.id).length, 1, "still one connection");

    // The leader closes: another tab holds a new single connection within 2 s.
    const closedAt = Date.now();
    await page.close();
    const taken = await waitFor(async () => {
      const conns = connectionsOf(await stack.state(), me.id);
      return conns.length === 1 && conns[0].id !== firstConn && conns;
    }, 5_000, "a new leader's connection");
    const handOverMs = Date.now() - closedAt;
    assert.ok(handOverMs <= 2_000, `hand-over took ${handOverMs} ms`);
    assert.equal(t2.opened.length + t3.opened.length, 1, `exactly one tab opened a socket: ${JSON.stringify([t2.opened, t3.opened])}`);
    const [leader, follower] = t2.opened.length === 1 ? [t2, t3] : [t3, t2];

    // Sending still works, from the follower (through the new leader) and the new leader.
    await say(follower.w, "tab " + follower.n + " after the hand-over");
    await deliveredOnce(me.id, "tab " + follower.n + " after the hand-over");
    await say(leader.w, "tab " + leader.n + " leads now");
    await deliveredOnce(me.id, "tab " + leader.n + " leads now");
    for (const w of [leader.w, follower.w]) {
      await w.getByRole("log").getByText("tab " + follower.n + " after the hand-over").waitFor({ timeout: 10_000 });
      await w.getByRole("log").getByText("tab " + leader.n + " leads now").waitFor({ timeout: 10_000 });
    }
    assert.deepEqual(connectionsOf(await stack.state(), me.id).map((c) => c.id), taken.map((c) => c.id), "still the one new connection");
    assert.deepEqual(errors, []);
  }));
