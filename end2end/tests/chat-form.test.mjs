// Issue 17 item 5 end to end: a `form` event the agent sends into the chat
// (data structures, "Form": `ask_for_email`) renders in the log with its fields,
// is answered by keyboard with a `filled_form` the sandbox stores, and then shows
// answered, once, also after a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { startChat } from "../support/widget.mjs";
import { audit } from "../support/axe.mjs";

const stack = useStack(["--fast"]);

const customerEvents = (s, me, type) => {
  const chat = s.chats.find((c) => c.customer_id === me.id);
  return (chat?.threads ?? []).flatMap((t) => t.events).filter((e) => e.type === type && e.author_id === me.id);
};

test("an ask_for_email form in the chat is answered with a filled_form and shown answered once", () =>
  stack.visit({ shot: "chat-form" }, async ({ page, widget: w, customer, frame }) => {
    await startChat(w, "Anyone there?");
    const me = await customer();
    const chatId = (await stack.state()).chats.find((c) => c.customer_id === me.id).id;
    const before = customerEvents(await stack.state(), me, "filled_form").length;
    await stack.sandbox.admin("chats/ask_for_email", { chat_id: chatId });

    const form = w.getByRole("log").getByRole("form", { name: "Please fill in this form" });
    await form.waitFor({ timeout: 15_000 });
    await form.getByText("Leave your e-mail").waitFor();
    const violations = await audit(await frame());
    assert.deepEqual(violations, [], `axe finds nothing with the form in the log: ${JSON.stringify(violations, null, 2)}`);
    // Required: sending empty says so and sends nothing.
    await form.getByRole("button", { name: "Send" }).click();
    const email = form.getByLabel(/^E-mail:/);
    await form.locator("input[aria-invalid=true]").waitFor();
    await email.fill("grace@example.com");
    await email.press("Enter");

    const answers = await stack.waitState((s) => {
      const filled = customerEvents(s, me, "filled_form");
      return filled.length > before && filled.slice(before);
    }, "the filled_form on the sandbox");
    assert.equal(answers.length, 1, "sent once");
    assert.equal(answers[0].form_id, "ask_for_email");
    assert.deepEqual(answers[0].fields.find((f) => f.id === "email")?.answer, "grace@example.com");
    await form.waitFor({ state: "detached" });
    const log = w.getByRole("log");
    await log.getByText("grace@example.com").waitFor();
    assert.equal(await log.getByText("grace@example.com").count(), 1, "the answer shows once");

    await page.reload();
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await w.getByRole("log").getByText("grace@example.com").waitFor({ timeout: 20_000 });
    assert.equal(await w.getByRole("log").getByRole("form").count(), 0, "still answered after a reload");
    assert.equal(customerEvents(await stack.state(), me, "filled_form").length, before + 1, "nothing sent again");
  }));
