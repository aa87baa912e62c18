// Issue 17 item 3 end to end: nobody online. With a ticket form the visitor leaves
// a message (POST /v2/tickets/new on the sandbox, a confirmation in the window);
// a failing ticket endpoint says so and keeps the answers; without a ticket form
// the message starts a continuous chat and the agent's reply shows at the next visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";

const stack = useStack(["--no-agent"]);
const offline = (more = {}) => stack.sandbox.admin("groups", { group_id: 0, status: "offline", ...more });
const online = () => stack.sandbox.admin("groups", { group_id: 0, status: "online", ticket: true, prechat: true });

test("offline with a ticket form: a failed try keeps the answers, the next one is confirmed", () =>
  stack.visit({ shot: "ticket" }, async ({ widget: w }) => {
    await offline();
    await stack.sandbox.admin("tickets", { fault: "fail" });
    try {
      await w.locator(".lc-launcher").click({ timeout: 20_000 });
      await w.getByText("We're away right now. Leave a message.").first().waitFor({ timeout: 20_000 });
      const form = w.locator("form.lc-form");
      await form.getByRole("heading", { name: "Leave a message", exact: true }).waitFor({ timeout: 20_000 });
      await form.getByLabel(/^E-mail:/).fill("ada@example.com");
      await form.getByLabel(/^Message:/).fill("Please call me back");
      await form.getByLabel(/^Message:/).press("Tab");
      await form.getByRole("button", { name: "Send message" }).press("Enter");
      await w.getByText("Your message could not be sent. Try again.").waitFor({ timeout: 20_000 });
      assert.equal(await form.getByLabel(/^Message:/).inputValue(), "Please call me back", "the answers are kept");
      await stack.sandbox.admin("tickets", { fault: null });
      await form.getByRole("button", { name: "Send message" }).click();
      await w.getByText(/We got your message/).waitFor({ timeout: 20_000 });
      const s = await stack.state();
      assert.equal(s.tickets.length, 1, "one ticket, not two");
      assert.equal(s.tickets[0].requester.mail, "ada@example.com");
      assert.match(s.tickets[0].ticket_message, /Please call me back/);
    } finally {
      await stack.sandbox.admin("tickets", { fault: null });
      await online();
    }
  }));

test("offline without a ticket form: the message starts a continuous chat and the reply shows at the next visit", () =>
  stack.visit({ shot: "continuous" }, async ({ page, widget: w, customer }) => {
    await offline({ ticket: false, prechat: false });
    try {
      await w.locator(".lc-launcher").click({ timeout: 20_000 });
      await w.getByText(/Leave a message here and we'll reply in this chat/).waitFor({ timeout: 20_000 });
      const composer = w.getByRole("textbox", { name: "Write a message" });
      await composer.fill("Anyone there?");
      await composer.press("Enter");
      const me = await customer();
      const chat = await stack.waitState((s) => s.chats.find((c) => c.customer_id === me.id), "the continuous chat");
      // The agent answers while the visitor is away; the next visit (same browser) shows it.
      await page.goto("about:blank");
      await online();
      await stack.sandbox.admin("chats/message", { chat_id: chat.id, text: "Sorry, we were out. How can I help?" });
      await page.goto(stack.sandbox.url("shop", "/"));
      await w.locator(".lc-launcher").click({ timeout: 20_000 });
      await w.getByRole("log").getByText("Sorry, we were out. How can I help?").waitFor({ timeout: 20_000 });
    } finally {
      await online();
    }
  }));
