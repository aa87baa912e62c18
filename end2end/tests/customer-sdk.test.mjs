// LiveChat's own v3.2 customer client against the sandbox (issue 18 item 8):
// @livechat/customer-sdk 2.0.4 in Chromium, its production hosts routed to the sandbox,
// connecting through SockJS at /v3.2/customer/rtm/sjs, through a whole chat: login, the
// prechat form, start chat, typing both ways, messages both ways, a rating
// (update_thread_properties with rating.score) and ending the chat. The agent is driven
// through the admin API. Where this fails, the sandbox is wrong, not the client.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { sdkBundle, routeToSandbox, SDK_ORIGIN } from "../support/customer-sdk.mjs";

// 1520, the demo license, is LiveChat's staging license to the sdk (api.staging...): use a plain one.
const LICENSE = 1521;
const stack = useStack(["--no-agent", "--fast", "--dal-license", String(LICENSE)]);
let bundle;
before(async () => { bundle = await sdkBundle(); });

/** What the page recorded: the sdk's events by name, in order. */
const events = (page, name) => page.evaluate((n) => window.sdkEvents.filter((e) => e.name === n).map((e) => e.payload), name);
const waitEvent = (page, name, check = () => true, what = name) =>
  waitFor(async () => (await events(page, name)).find(check), 15_000, `the sdk's ${what}`);

test("customer-sdk 2.0.4 chats with the sandbox through SockJS from login to the end of the chat", () =>
  stack.visit({ goto: false, shot: "customer-sdk" }, async ({ context, page, errors }) => {
    const routed = await routeToSandbox(context, stack.sandbox.port, bundle);
    await page.goto(`${SDK_ORIGIN}/`);
    await page.evaluate((licenseId) => {
      window.sdkEvents = [];
      const sdk = window.CustomerSDK.init({ licenseId, clientId: "sdk-e2e" });
      for (const name of ["connected", "disconnected", "incoming_event", "incoming_typing_indicator", "user_added_to_chat",
        "chat_deactivated", "thread_properties_updated", "queue_position_updated", "customer_id"]) {
        sdk.on(name, (payload) => window.sdkEvents.push({ name, payload: JSON.parse(JSON.stringify(payload ?? null)) }));
      }
      window.sdk = sdk;
    }, LICENSE);

    // Login: token from "accounts.livechatinc.com", then SockJS /info and its WebSocket.
    const connected = await waitEvent(page, "connected");
    assert.ok(connected.customer?.id, JSON.stringify(connected));
    assert.match(routed.sockets[0] ?? "", /^\/v3\.2\/customer\/rtm\/sjs\/[^/]+\/[^/]+\/websocket$/);
    const me = await stack.waitState((s) => s.customers.find((c) => c.id === connected.customer.id && c.connections > 0), "the sdk's customer");
    assert.equal(me.license_id, LICENSE);

    // The prechat form, filled from what get_form answers, as the first event of the chat.
    const chat = await page.evaluate(async () => {
      const form = await window.sdk.getForm({ groupId: 0, type: "prechat" });
      const fields = [];
      for (const f of form.form.fields) {
        const first = f.options?.[0];
        if (["name", "email", "question", "subject", "textarea"].includes(f.type)) {
          fields.push({ type: f.type, id: f.id, label: f.label, answer: f.type === "email" ? "ann@example.com" : "Ann" });
        } else if ((f.type === "radio" || f.type === "select") && first) {
          fields.push({ type: f.type, id: f.id, label: f.label, answer: { id: String(first.id), label: first.label } });
        } else if (f.type === "checkbox" && first) {
          fields.push({ type: f.type, id: f.id, label: f.label, answers: [{ id: String(first.id), label: first.label }] });
        } else if (f.type === "group_chooser" && first) {
          fields.push({ type: f.type, id: f.id, label: f.label, answer: { id: String(first.id), label: first.label, groupId: first.groupId } });
        }
      }
      const started = await window.sdk.startChat({
        chat: { thread: { events: [
          { type: "filled_form", formId: form.form.id, fields },
          { type: "message", text: "Hello from customer-sdk", customId: "sdk-1" },
        ] } },
      });
      return { id: started.chat?.id ?? started.id, threadId: started.chat?.thread?.id ?? started.thread?.id, fieldTypes: fields.map((f) => f.type) };
    });
    assert.ok(chat.id, JSON.stringify(chat));
    for (const t of ["name", "email", "radio", "checkbox", "group_chooser"]) assert.ok(chat.fieldTypes.includes(t), `prechat ${t}`);
    const onSandbox = await stack.waitState((s) => s.chats.find((c) => c.id === chat.id), "the sdk's chat");
    const first = onSandbox.threads.at(-1).events;
    assert.equal(first[0].type, "filled_form");
    assert.equal(first[0].fields.length, chat.fieldTypes.length);
    assert.equal(first[1].text, "Hello from customer-sdk");

    // The agent joins, types, and writes.
    await stack.sandbox.admin("chats/queue", { chat_id: chat.id, position: 0 });
    await waitEvent(page, "user_added_to_chat");
    await stack.sandbox.admin("chats/typing", { chat_id: chat.id, is_typing: true });
    await waitEvent(page, "incoming_typing_indicator", (p) => p.typingIndicator?.isTyping === true, "agent typing");
    await stack.sandbox.admin("chats/message", { chat_id: chat.id, text: "Hi Ann, how can I help?" });
    await waitEvent(page, "incoming_event", (p) => p.event?.text === "Hi Ann, how can I help?", "agent message");

    // The customer types (sneak peek) and answers.
    await page.evaluate((chatId) => window.sdk.setSneakPeek({ chatId, sneakPeekText: "I need a la" }), chat.id);
    await stack.waitState((s) => s.chats.find((c) => c.id === chat.id)?.sneak_peek?.text === "I need a la", "the sneak peek");
    const sent = await page.evaluate((chatId) => window.sdk.sendEvent({ chatId, event: { type: "message", text: "I need a lamp" } }), chat.id);
    assert.ok(sent.id, JSON.stringify(sent));
    await stack.waitState((s) => s.chats.find((c) => c.id === chat.id)?.threads.at(-1).events.some((e) => e.text === "I need a lamp"),
      "the customer's message");

    // Rating: rateChat is list_threads + update_thread_properties { rating: { score, comment } }.
    await page.evaluate((chatId) => window.sdk.rateChat({ chatId, rating: { score: 1, comment: "Great help" } }), chat.id);
    const rated = await stack.waitState((s) => s.chats.find((c) => c.id === chat.id)?.threads.at(-1).properties?.rating, "the rating");
    assert.equal(rated.score, 1);
    assert.equal(rated.comment, "Great help");

    // The customer ends the chat.
    // The sdk takes the requester's copy of chat_deactivated (it carries the request_id) as
    // the answer, so the promise resolves instead of a chat_deactivated event.
    const ended = await page.evaluate((chatId) => window.sdk.deactivateChat({ chatId }), chat.id);
    assert.deepEqual(ended, { success: true });
    await stack.waitState((s) => s.chats.find((c) => c.id === chat.id)?.active === false, "the chat ended");

    assert.deepEqual(await events(page, "disconnected"), [], "never disconnected");
    assert.deepEqual(routed.unexpected, [], "no request to another host");
    // Its telemetry saw the chat start.
    assert.ok(routed.logs.some((l) => l.event_name === "chat_started"), JSON.stringify(routed.logs));
    assert.deepEqual(errors, [], "no page errors");
  }));

test("a sandbox warning fails the test that caused it (the check every e2e test gets)", async () => {
  const port = stack.sandbox.port;
  const token = await tokenViaHttp(port);
  const { default: WebSocket } = await import("ws");
  const ws = new WebSocket(`ws://127.0.0.1:${port}/v3.2/customer/rtm/ws?license_id=${LICENSE}`);
  await new Promise((resolve, reject) => { ws.once("open", resolve); ws.once("error", reject); });
  const answers = [];
  ws.on("message", (m) => answers.push(JSON.parse(m.toString())));
  ws.send(JSON.stringify({ request_id: "1", action: "login", payload: { token: `Bearer ${token}`, favourite_colour: "teal" } }));
  await waitFor(() => answers.find((a) => a.request_id === "1"), 5_000, "the login answer");
  ws.close();
  assert.equal(answers.find((a) => a.request_id === "1").success, true, "accepted: the reference is silent");
  await assert.rejects(stack.sandbox.assertNoWarnings(), /login .*`favourite_colour` is not in the v3\.2 request table/);
  await stack.sandbox.assertNoWarnings(); // seen once, so the check after this test passes
});

/** A token from the sandbox's accounts host (node:http: fetch cannot set Host). */
async function tokenViaHttp(port) {
  const http = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/v2/customer/token", method: "POST", headers: { host: `accounts.localhost:${port}` } }, (res) => {
      let body = "";
      res.on("data", (d) => { body += d; });
      res.on("end", () => resolve(JSON.parse(body).access_token));
    });
    req.on("error", reject);
    req.end(JSON.stringify({ license_id: LICENSE }));
  });
}
