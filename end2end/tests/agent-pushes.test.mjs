// What the widget does with the three pushes the console can now send (issue 18 item 7;
// spec "Pushes": event_updated, user_removed_from_chat, incoming_multicast):
// - event_updated replaces the event in place (the edited text shows, the old one is gone,
//   no second row);
// - user_removed_from_chat: the agent is no longer in the chat, so the header shows the
//   widget's title instead of the agent, and the chat stays open for messages;
// - incoming_multicast carries no chat content: nothing shows, nothing breaks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { fillPrechat } from "../support/widget.mjs";

const stack = useStack(["--no-agent", "--fast"]);

test("event_updated, user_removed_from_chat and incoming_multicast in the widget", () =>
  stack.visit({ shot: "agent-pushes" }, async ({ widget: w, customer, errors, console: logged }) => {
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await fillPrechat(w);
    const composer = w.getByRole("textbox", { name: "Write a message" });
    await composer.fill("Is the lamp in stock?");
    await composer.press("Enter");
    const log = w.getByRole("log");
    await log.getByText("Is the lamp in stock?").waitFor();
    const me = await customer();
    const chat = await stack.waitState((s) => s.chats.find((c) => c.customer_id === me.id && c.active), "the chat");
    await stack.sandbox.admin("chats/queue", { chat_id: chat.id, position: 0 });
    const title = w.locator(".lc-title");
    await title.getByText("Sam Carter").waitFor();

    // event_updated: the agent corrects a typo.
    const { event } = await stack.sandbox.admin("chats/message", { chat_id: chat.id, text: "Yes, we hav it." });
    await log.getByText("Yes, we hav it.").waitFor();
    await stack.sandbox.admin("chats/update_event", { chat_id: chat.id, event_id: event.id, text: "Yes, we have it." });
    await log.getByText("Yes, we have it.").waitFor();
    assert.equal(await log.getByText("Yes, we hav it.").count(), 0, "the old text is gone");
    assert.equal(await log.getByText(/^Yes, we have? it\.$/).count(), 1, "one row, updated in place");

    // user_removed_from_chat: the agent leaves without closing the chat.
    await stack.sandbox.admin("chats/leave", { chat_id: chat.id });
    await title.getByText("Chat with us").waitFor();
    assert.equal(await composer.isEnabled(), true, "the chat goes on");

    // incoming_multicast: nothing to show.
    const rowsBefore = await log.locator(".lc-log-list > li").count();
    const sent = await stack.sandbox.admin("multicast", { customer_id: me.id, content: { promo: "spring" } });
    assert.equal(sent.connections, 1);
    await composer.fill("Thanks");
    await composer.press("Enter");
    await log.getByText("Thanks").waitFor();
    assert.equal(await log.locator(".lc-log-list > li").count(), rowsBefore + 1, "only the customer's message was added");
    assert.deepEqual(errors, [], "no page errors");
    const widgetOrigin = stack.sandbox.url("widget", "");
    assert.deepEqual(logged.filter((m) => m.type === "error" && m.url.startsWith(widgetOrigin)), [], "no console errors from the widget");
  }));
