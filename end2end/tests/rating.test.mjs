// Issue 17 items 2 and 4 end to end: the visitor rates the chat during it and after
// it ended (thread properties on the sandbox), the rating is restored after a
// reload, and a reply while the window is closed shows in the host tab's title
// ("(1) New message"), which comes back exactly once the visitor reads it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { startChat } from "../support/widget.mjs";
import { audit } from "../support/axe.mjs";
import { threadRating as rating } from "../support/sandbox.mjs";

const stack = useStack(["--fast"]);

test("a rating during the chat and after it ended is stored on the thread and restored after a reload", () =>
  stack.visit({ shot: "rating" }, async ({ page, widget: w, customer, frame }) => {
    await startChat(w, "Rate me");
    const me = await customer();
    // By keyboard: Tab to "Good" and press Enter.
    const good = w.getByRole("button", { name: /Good/ });
    await good.focus();
    await good.press("Enter");
    await stack.waitState((s) => rating(s, me.id)?.score === 1, "the good rating on the thread");
    await w.getByText("Thanks for your rating.").waitFor();
    await w.getByLabel("Add a comment (optional)").fill("Very helpful");
    await w.getByRole("button", { name: "Send comment" }).click();
    await stack.waitState((s) => rating(s, me.id)?.comment === "Very helpful", "the comment on the thread");
    const violations = await audit(await frame());
    assert.deepEqual(violations, [], `axe finds nothing with the rating on screen: ${JSON.stringify(violations, null, 2)}`);

    await page.reload();
    await w.locator(".lc-launcher").click({ timeout: 20_000 });
    await w.getByRole("button", { name: /Good/, pressed: true }).waitFor({ timeout: 20_000 });

    const chatId = (await stack.state()).chats.find((c) => c.customer_id === me.id).id;
    await stack.sandbox.admin("chats/close", { chat_id: chatId });
    await w.getByText("The chat has ended").first().waitFor({ timeout: 20_000 });
    await w.getByRole("button", { name: /Bad/ }).first().click();
    await stack.waitState((s) => rating(s, me.id)?.score === 0, "the bad rating after the chat ended");
    await w.getByRole("button", { name: "Remove rating" }).first().click();
    await stack.waitState((s) => { const r = rating(s, me.id); return r && r.score === undefined; }, "the rating taken back");
  }));

test("a reply while the window is closed shows in the host tab's title until it is read", () =>
  stack.visit({ shot: "title" }, async ({ page, widget: w, customer }) => {
    await startChat(w, "Title test");
    const me = await customer();
    const original = await page.title();
    await w.getByRole("button", { name: "Minimise chat" }).first().click();
    await w.locator(".lc-window").waitFor({ state: "detached" });
    const chatId = (await stack.state()).chats.find((c) => c.customer_id === me.id).id;
    await stack.sandbox.admin("chats/message", { chat_id: chatId, text: "Are you still there?" });
    await waitFor(async () => /^\(\d+\) New message$/.test(await page.title()), 15_000, "the unread count in the title");
    await w.locator(".lc-launcher").click();
    await waitFor(async () => (await page.title()) === original, 15_000, "the host's own title back");
  }));
