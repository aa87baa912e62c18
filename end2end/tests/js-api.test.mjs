// The host page's JS API, `window.LiveChatWidget` (docs/bridge.md): every call, every
// getter, every event, calls and listeners made before the loader ran (LiveChat's
// snippet stub with its `_q` queue), bad calls (one console warning, never a throw),
// `destroy`, and `asyncInit` (no iframe until `LiveChatWidget.init()`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack, DESKTOP } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { fillPrechat } from "../support/widget.mjs";
import { stubScript, LISTEN_ALL, events, eventLike } from "../support/host-events.mjs";

// No scripted agent: every event below is caused by the test (admin API or the widget).
const stack = useStack(["--no-agent"]);
const IFRAME = 'iframe[title="Chat widget"]';
/** Calls LiveChatWidget[fn](...args) in the page; returns { threw, value }. */
const api = (page, fn, ...args) => page.evaluate(([fn, args]) => {
  try {
    const value = window.LiveChatWidget[fn](...args);
    return { threw: null, value: value === undefined ? "(undefined)" : JSON.parse(JSON.stringify(value)),
      promise: !!value && typeof value.then === "function" };
  } catch (e) {
    return { threw: String(e && e.message || e) };
  }
}, [fn, args]);

const call = async (page, ...args) => {
  const r = await api(page, "call", ...args);
  assert.equal(r.threw, null, `LiveChatWidget.call(${JSON.stringify(args)}) does not throw`);
};
const get = async (page, what) => {
  const r = await api(page, "get", what);
  assert.equal(r.threw, null, `LiveChatWidget.get("${what}") does not throw`);
  assert.equal(r.promise, false, `LiveChatWidget.get("${what}") answers synchronously`);
  return r.value;
};

/** The sandbox customer `id`, with its session fields as one object. */
async function customer(id) {
  const c = (await stack.state()).customers.find((x) => x.id === id);
  return c && { ...c, fields: Object.assign({}, ...(c.session_fields ?? [])) };
}

const waitCustomer = (id, check, what) =>
  waitFor(async () => { const c = await customer(id); return c && check(c) && c; }, 15_000, what);

/** Opens the shop with the stub, waits for `ready`; returns { v, me (sandbox customer) }. */
async function ready(v) {
  const data = await eventLike(v.page, "ready");
  return { data, me: await customer(data.customerData.id) };
}

/** Opens the shop with `stub` and runs `body(v)`. */
const onShop = (stub, body, opts = {}) =>
  stack.visit({ init: stubScript(stub), viewport: DESKTOP, shot: opts.shot ?? "js-api", ...opts }, body);

test("calls and listeners queued in the snippet's stub before the loader ran take effect", () =>
  onShop({ setup: `${LISTEN_ALL}
      window.__once = 0;
      api.once("ready", () => window.__once++);
      api.call("set_customer_name", "Grace Hopper");
      api.call("set_customer_email", "grace@example.com");
      api.call("set_session_variables", { plan: "pro", cart: "3" });` }, async (v) => {
    const { data, me } = await ready(v);
    assert.ok(me, `the ready event names a customer the sandbox knows (${JSON.stringify(data)})`);
    assert.deepEqual(Object.keys(data).sort(), ["customerData", "state"], "ready carries { state, customerData }");
    await waitCustomer(me.id, (c) => c.name === "Grace Hopper" && c.email === "grace@example.com" &&
      c.fields.plan === "pro" && c.fields.cart === "3", "the queued name, e-mail and session variables on the sandbox");
    const cd = await get(v.page, "customer_data");
    assert.equal(cd.name, "Grace Hopper");
    assert.equal(cd.email, "grace@example.com");
    assert.deepEqual(cd.sessionVariables, { plan: "pro", cart: "3" });
    await v.page.waitForTimeout(300);
    assert.equal(await v.page.evaluate(() => window.__once), 1, "once(ready) fired once");
    assert.equal((await events(v.page, "ready")).length, 1, "ready fired once");
    assert.deepEqual(v.warnings(/LiveChat/i), [], "no warnings for good calls");
    assert.deepEqual(v.errors, []);
  }));

test("get(state | customer_data | chat_data) answers synchronously with bridge.md's shapes", () =>
  onShop({ setup: LISTEN_ALL }, async (v) => {
    const { data, me } = await ready(v);
    const state = await get(v.page, "state");
    assert.deepEqual(state, { availability: "online", visibility: "minimized" });
    const cd = await get(v.page, "customer_data");
    assert.deepEqual(cd, { id: me.id, name: null, email: null, isReturning: false, status: "browsing", sessionVariables: {} });
    assert.deepEqual(await get(v.page, "chat_data"), { chatId: null, threadId: null });
    assert.deepEqual(data, { state, customerData: cd }, "ready's data is what the getters answer");
    // Synchronously also means right after a call, within the same task.
    const sameTask = await v.page.evaluate(() => {
      const w = window.LiveChatWidget;
      const a = w.get("state");
      const b = w.get("customer_data");
      const c = w.get("chat_data");
      return [a, b, c].every((x) => x && typeof x === "object" && typeof x.then !== "function");
    });
    assert.ok(sameTask);
  }));

test("maximize, minimize and hide drive the widget and fire visibility_changed", () =>
  onShop({ setup: LISTEN_ALL }, async (v) => {
    await ready(v);
    const iframe = v.page.locator(IFRAME);
    const seen = async () => (await events(v.page, "visibility_changed")).map((e) => e.data.visibility);

    await call(v.page, "maximize");
    await v.widget.locator(".lc-window").waitFor({ timeout: 10_000 });
    await eventLike(v.page, "visibility_changed", (d) => d.visibility === "maximized");
    assert.equal((await get(v.page, "state")).visibility, "maximized");
    await waitFor(async () => (await iframe.boundingBox())?.height > 400, 5_000, "a tall iframe");

    await call(v.page, "minimize");
    await v.widget.locator(".lc-window").waitFor({ state: "detached", timeout: 10_000 });
    await eventLike(v.page, "visibility_changed", (d) => d.visibility === "minimized");
    assert.equal((await get(v.page, "state")).visibility, "minimized");
    await waitFor(async () => (await iframe.boundingBox())?.height < 120, 5_000, "a small iframe");

    await call(v.page, "hide");
    await eventLike(v.page, "visibility_changed", (d) => d.visibility === "hidden");
    assert.equal((await get(v.page, "state")).visibility, "hidden");
    await waitFor(async () => !(await iframe.isVisible()), 5_000, "the iframe hidden");

    await call(v.page, "maximize");
    await v.widget.locator(".lc-window").waitFor({ timeout: 10_000 });
    await waitFor(async () => (await iframe.isVisible()) && (await iframe.boundingBox())?.height > 400, 5_000, "shown again");
    // The visitor's own clicks count too.
    await v.widget.getByRole("button", { name: "Minimise chat" }).first().click();
    await v.widget.locator(".lc-window").waitFor({ state: "detached", timeout: 10_000 });
    await waitFor(async () => (await seen()).length === 5, 5_000, "five visibility changes");
    assert.deepEqual(await seen(), ["maximized", "minimized", "hidden", "maximized", "minimized"]);
  }));

test("set_customer_name, set_customer_email, set_/update_session_variables reach the sandbox", () =>
  onShop({ setup: LISTEN_ALL }, async (v) => {
    const { me } = await ready(v);
    await call(v.page, "set_customer_name", "Ada Lovelace");
    await call(v.page, "set_customer_email", "ada@example.com");
    await call(v.page, "set_session_variables", { a: "1", b: "2" });
    await waitCustomer(me.id, (c) => c.name === "Ada Lovelace" && c.email === "ada@example.com" &&
      JSON.stringify(c.fields) === JSON.stringify({ a: "1", b: "2" }), "name, e-mail and session variables on the sandbox");
    await call(v.page, "update_session_variables", { b: "3", c: "4" });
    await waitCustomer(me.id, (c) => JSON.stringify(Object.entries(c.fields).sort()) ===
      JSON.stringify([["a", "1"], ["b", "3"], ["c", "4"]]), "update_session_variables merged");
    assert.deepEqual((await get(v.page, "customer_data")).sessionVariables, { a: "1", b: "3", c: "4" });
    await call(v.page, "set_session_variables", { only: "this" });
    await waitCustomer(me.id, (c) => JSON.stringify(c.fields) === JSON.stringify({ only: "this" }),
      "set_session_variables replaced them all");
    const cd = await get(v.page, "customer_data");
    assert.equal(cd.name, "Ada Lovelace");
    assert.equal(cd.email, "ada@example.com");
    assert.deepEqual(cd.sessionVariables, { only: "this" });
    assert.deepEqual(v.warnings(/LiveChat/i), [], "no warnings for good calls");
  }));

test("events through a whole chat: greetings, forms, statuses, new events, a button, availability", { timeout: 90_000 }, () =>
  onShop({ setup: LISTEN_ALL }, async (v) => {
    const { page, widget: w } = v;
    const { me } = await ready(v);
    const statuses = async () => (await events(page, "customer_status_changed")).map((e) => e.data.status);

    // A greeting the visitor dismisses: displayed, then hidden, with the sandbox's ids.
    await stack.sandbox.admin("greeting", { customer_id: me.id, kind: "message" });
    const g1 = (await customer(me.id)).greeting;
    const shown1 = await eventLike(page, "greeting_displayed", (d) => d.uniqueId === g1.unique_id, "greeting_displayed");
    assert.deepEqual(shown1, { id: g1.id, uniqueId: g1.unique_id });
    await eventLike(page, "customer_status_changed", (d) => d.status === "invited");
    await w.getByRole("button", { name: "Dismiss" }).click();
    assert.deepEqual(await eventLike(page, "greeting_hidden", (d) => d.uniqueId === g1.unique_id), shown1);

    // A rich greeting the visitor accepts.
    await stack.sandbox.admin("greeting", { customer_id: me.id, kind: "rich" });
    const g2 = (await customer(me.id)).greeting;
    const shown2 = await eventLike(page, "greeting_displayed", (d) => d.uniqueId === g2.unique_id, "the second greeting_displayed");
    assert.deepEqual(shown2, { id: g2.id, uniqueId: g2.unique_id });
    await w.getByRole("complementary", { name: /^Message from/ }).getByRole("button", { name: /Open chat/ }).click();
    assert.deepEqual(await eventLike(page, "greeting_hidden", (d) => d.uniqueId === g2.unique_id), shown2);
    await eventLike(page, "visibility_changed", (d) => d.visibility === "maximized");

    // Prechat: form_submitted, queued, chat_data.
    await fillPrechat(w);
    assert.deepEqual(await eventLike(page, "form_submitted", (d) => d.type === "prechat"), { type: "prechat" });
    await eventLike(page, "customer_status_changed", (d) => d.status === "queued");
    const chat = await stack.waitState((s) => s.chats.find((c) => c.customer_id === me.id), "the chat");
    await waitFor(async () => (await get(page, "chat_data")).chatId === chat.id, 10_000, "chat_data.chatId");
    assert.deepEqual(await get(page, "chat_data"), { chatId: chat.id, threadId: chat.threads.at(-1).id });
    assert.equal((await get(page, "customer_data")).status, "queued");

    // The agent joins and writes: chatting, new_event from the agent.
    await stack.sandbox.admin("chats/queue", { chat_id: chat.id, position: 0 });
    await eventLike(page, "customer_status_changed", (d) => d.status === "chatting");
    const t0 = Date.now();
    const msg = (await stack.sandbox.admin("chats/message", { chat_id: chat.id, text: "Hello from the agent" })).event;
    const agentEvent = await eventLike(page, "new_event", (d) => d.type === "message" && d.author?.type === "agent", "the agent's new_event");
    assert.equal(agentEvent.author.id, msg.author_id, "new_event names the agent");
    assert.ok(Math.abs(agentEvent.timestamp - t0) < 60_000, `new_event.timestamp is in ms (${agentEvent.timestamp})`);

    // The customer writes: new_event from the customer.
    const composer = w.getByRole("textbox", { name: /^Write a message/ });
    await composer.fill("Hello from the customer");
    await composer.press("Enter");
    const own = await eventLike(page, "new_event", (d) => d.type === "message" && d.author?.type === "customer", "the customer's new_event");
    assert.equal(own.author.id, me.id);

    // A card: new_event rich_message; its message button: rich_message_button_clicked.
    const card = (await stack.sandbox.admin("chats/rich", { chat_id: chat.id, template: "cards" })).event;
    await eventLike(page, "new_event", (d) => d.type === "rich_message", "the card's new_event");
    await w.getByRole("log").getByRole("button", { name: "Tell me more" }).click();
    assert.deepEqual(await eventLike(page, "rich_message_button_clicked"), { eventId: card.id, postbackId: "tell_more" });
    await stack.sandbox.admin("chats/file", { chat_id: chat.id });
    await eventLike(page, "new_event", (d) => d.type === "file", "the file's new_event");

    // Availability: the chat's group (the prechat's department) goes offline, which
    // the widget sees at its next login, and comes back.
    const group = chat.access.group_ids[0];
    const was = (await stack.state()).licenses.find((l) => l.id === me.license_id).groups.find((g) => g.id === group).status;
    assert.notEqual(was, "offline");
    try {
      await stack.sandbox.admin("groups", { group_id: group, status: "offline" });
      await stack.sandbox.admin("faults/disconnect", { customer_id: me.id, reason: "access_token_expired" });
      assert.deepEqual(await eventLike(page, "availability_changed", (d) => d.availability === "offline"), { availability: "offline" });
      assert.equal((await get(page, "state")).availability, "offline");
    } finally {
      await stack.sandbox.admin("groups", { group_id: group, status: was });
    }
    await stack.sandbox.admin("faults/disconnect", { customer_id: me.id, reason: "access_token_expired" });
    await eventLike(page, "availability_changed", (d) => d.availability === "online");

    // The visitor ends the chat and sends the postchat form.
    await w.getByRole("button", { name: "End chat" }).click();
    await w.getByRole("button", { name: "Yes, end chat" }).click();
    const post = w.locator(".lc-ended form.lc-form");
    await post.waitFor({ timeout: 15_000 });
    await waitFor(async () => (await statuses()).at(-1) === "browsing", 10_000, "browsing after the chat ended");
    await post.getByRole("radio", { name: "Yes" }).check();
    await post.getByRole("button", { name: "Send feedback" }).click();
    assert.deepEqual(await eventLike(page, "form_submitted", (d) => d.type === "postchat"), { type: "postchat" });

    // Each status once, in the order the chat went through them (no flicker).
    assert.deepEqual(await statuses(), ["invited", "browsing", "invited", "browsing", "queued", "chatting", "browsing"]);
    assert.deepEqual(v.errors, []);
  }));

test("once fires once and off removes a listener", () =>
  onShop({ setup: LISTEN_ALL }, async (v) => {
    await ready(v);
    await v.page.evaluate(() => {
      const w = window.LiveChatWidget;
      window.__counts = { on: 0, once: 0, off: 0 };
      const off = () => window.__counts.off++;
      w.on("visibility_changed", () => window.__counts.on++);
      w.once("visibility_changed", () => window.__counts.once++);
      w.on("visibility_changed", off);
      w.off("visibility_changed", off);
    });
    await call(v.page, "maximize");
    await eventLike(v.page, "visibility_changed", (d) => d.visibility === "maximized");
    await call(v.page, "minimize");
    await eventLike(v.page, "visibility_changed", (d) => d.visibility === "minimized");
    await v.page.waitForTimeout(200);
    assert.deepEqual(await v.page.evaluate(() => window.__counts), { on: 2, once: 1, off: 0 });
  }));

// LiveChat's lifecycle: after destroy the stub holds calls again (`_h` is null, its `_q` fills)
// until init() starts the widget anew; its getters throw their own "before load" error, as
// with LiveChat's tracking.js.
test("destroy removes the iframe, ends the connection, and later calls wait for init()", () =>
  onShop({ setup: LISTEN_ALL }, async (v) => {
    const { me } = await ready(v);
    await call(v.page, "destroy");
    await v.page.locator(IFRAME).waitFor({ state: "detached", timeout: 5_000 });
    await waitCustomer(me.id, (c) => c.connections === 0, "the widget's connection closed");
    const before = (await events(v.page)).length;
    for (const args of [["destroy"], ["maximize"], ["set_customer_name", "Too late"]]) await call(v.page, ...args);
    assert.equal(await v.page.evaluate(() => window.LiveChatWidget._q.length), 3, "the calls wait in the stub");
    await v.page.waitForTimeout(500);
    assert.equal(await v.page.locator(IFRAME).count(), 0, "no iframe comes back");
    assert.equal((await events(v.page)).length, before, "no events after destroy");
    assert.deepEqual(v.errors, []);
  }));

test("bad calls warn exactly once, naming the method, and never throw (also when queued)", () =>
  onShop({ setup: `${LISTEN_ALL} api.call("set_customer_email", 42);` }, async (v) => {
    const { me } = await ready(v);
    await v.page.waitForTimeout(300);
    const queued = v.warnings(/set_customer_email/);
    assert.equal(queued.length, 1, `one warning for the queued bad call: ${JSON.stringify(v.warnings())}`);
    const bad = [
      ["call", "no_such_method"],
      ["call", "set_customer_name", 42],
      ["call", "set_customer_email", { email: "x@example.com" }],
      ["call", "set_session_variables", "cart=3"],
      ["call", "set_session_variables", { cart: { items: 3 } }],
      ["call", "update_session_variables", ["cart", "3"]],
      ["call", "update_session_variables", null],
      ["get", "no_such_getter"],
    ];
    // (Each distinct warning is given once per page.)
    for (const [fn, method, ...data] of bad) {
      const from = v.console.length;
      const r = await api(v.page, fn, method, ...data);
      assert.equal(r.threw, null, `${fn}(${method}, ${JSON.stringify(data)}) does not throw`);
      await v.page.waitForTimeout(150);
      const warnings = v.console.slice(from).filter((m) => m.type === "warning");
      const what = `${fn}(${method}, ${JSON.stringify(data)})`;
      if (warnings.length === 0) {
        // The same mistake again: its warning was given already.
        assert.ok(v.console.slice(0, from).some((m) => m.type === "warning" && m.text.includes(method)), `${what}: no warning at all`);
        continue;
      }
      assert.equal(warnings.length, 1, `${what}: one warning, got ${JSON.stringify(warnings.map((m) => m.text))}`);
      assert.ok(warnings[0].text.includes(method), `the warning names ${method}: ${warnings[0].text}`);
    }
    // None of them reached the sandbox, and the API still works.
    const c = await customer(me.id);
    assert.equal(c.name ?? null, null);
    assert.equal(c.email ?? null, null);
    assert.deepEqual(c.fields, {});
    await call(v.page, "set_customer_name", "Still works");
    await waitCustomer(me.id, (x) => x.name === "Still works", "a good call after the bad ones");
    assert.deepEqual(v.errors, []);
  }));

// LiveChat's asyncInit only keeps its snippet from injecting the script; a script that runs
// starts (widget-core.test.mjs has the snippet waiting for init()).
test("asyncInit does not hold back a loader that already runs; init() then does nothing more", () =>
  onShop({ asyncInit: true, setup: LISTEN_ALL }, async (v) => {
    await v.page.goto(stack.sandbox.url("shop"));
    assert.equal(await v.page.evaluate(() => window.__lc.asyncInit), true, "the page's __lc has asyncInit");
    await v.page.locator(IFRAME).waitFor({ timeout: 10_000 });
    await ready(v);
    const r = await api(v.page, "init");
    assert.equal(r.threw, null, "init() does not throw");
    await v.page.waitForTimeout(500);
    assert.equal(await v.page.locator("iframe").count(), 1, "still one iframe");
  }, { goto: false }));

test("the JS API demo page (/js-api.html: strict CSP, the stub in a same-origin file) works", () =>
  stack.visit({ path: "/js-api.html", shot: "js-api-page" }, async (v) => {
    const log = v.page.locator("#api-log");
    await log.getByText(/\sready\s+\{/).waitFor({ timeout: 20_000 });
    const me = await v.customer();
    await v.page.getByRole("button", { name: "set_customer_name" }).click();
    await v.page.getByRole("button", { name: "update_session_variables" }).click();
    await waitCustomer(me.id, (c) => c.name === "Grace Hopper" && c.fields.cart_value === "149" && c.fields.vip === "true" &&
      c.fields.page === "/js-api.html", "the demo page's calls on the sandbox");
    await v.page.getByRole("button", { name: "maximize" }).click();
    await log.getByText(/visibility_changed\s+\{"visibility":"maximized"\}/).waitFor({ timeout: 10_000 });
    await v.page.getByRole("button", { name: 'get("customer_data")' }).click();
    await log.getByText(/get\("customer_data"\).*"name":"Grace Hopper"/).waitFor({ timeout: 5_000 });
    assert.deepEqual(v.console.filter((m) => /Content Security Policy|Refused to/i.test(m.text)).map((m) => m.text), []);
    assert.deepEqual(v.warnings(/LiveChat/i), []);
    assert.deepEqual(v.errors, []);
  }));
