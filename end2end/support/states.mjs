// Walks the widget through its main states on the demo shop, with the agent's side
// driven from the sandbox's admin API (start the sandbox with --no-agent, so nothing
// happens on its own timer and every state stays put while it is looked at):
//
//   minimised -> greeting -> prechat -> queue -> chat (a card) -> rich (quick replies,
//   an image, a sticker) -> postchat (chat ended) -> thanks
//
// `onState(name)` runs in each state (a screenshot, an accessibility audit). Used by
// the a11y test and by end2end/screenshots.mjs (the README's pictures).
import { waitFor } from "./wait.mjs";
import { fillPrechat } from "./widget.mjs";
import { newCustomer } from "./sandbox.mjs";

export { knownCustomers } from "./sandbox.mjs";

/** The states `walkStates` visits, in order. */
export const STATES = ["minimised", "greeting", "prechat", "queue", "chat", "rich", "postchat", "thanks"];

/** How long one step may take. */
const STEP = 20_000;

/**
 * Drives `page` (already on the shop; its customer is not in `known`) through STATES,
 * awaiting `onState(name)` in each. `widget` is the frame locator of the widget.
 */
export async function walkStates({ sandbox, page, widget: w, known }, onState) {
  const me = await newCustomer(sandbox, known);
  // Minimised: the real launcher (the wasm mounted: the static #lc-boot is gone).
  await w.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: STEP });
  await waitFor(async () => (await w.locator("#lc-boot").count()) === 0, STEP, "the widget to mount");
  await onState("minimised");

  await sandbox.admin("greeting", { customer_id: me.id, kind: "message" });
  const greeting = w.getByRole("complementary", { name: /^Message from/ });
  await greeting.waitFor({ timeout: STEP });
  await onState("greeting");

  await greeting.getByRole("button", { name: /Open chat/ }).click();
  const form = w.locator("form.lc-form");
  await form.waitFor({ timeout: STEP });
  await onState("prechat");

  await fillPrechat(w);
  const queue = w.locator(".lc-queue");
  await queue.getByText(/in the queue/).waitFor({ timeout: STEP });
  await onState("queue");

  const chatId = await waitFor(async () => (await sandbox.admin("state")).chats.find((c) => c.customer_id === me.id)?.id,
    STEP, "the chat on the sandbox");
  await sandbox.admin("chats/queue", { chat_id: chatId, position: 0 });
  const log = w.getByRole("log");
  await log.getByText(/joined the chat/).waitFor({ timeout: STEP });
  const composer = w.getByRole("textbox", { name: /^Write a message/ });
  await composer.fill("Hi! Could you show me a lamp?");
  await composer.press("Enter");
  await log.getByText("Hi! Could you show me a lamp?").waitFor({ timeout: STEP });
  await sandbox.admin("chats/message", { chat_id: chatId, text: "Of course! This one is our best seller:" });
  await sandbox.admin("chats/rich", { chat_id: chatId, template: "cards" });
  await log.getByRole("button", { name: "Tell me more" }).waitFor({ timeout: STEP });
  await waitForImages(page);
  await onState("chat");

  await sandbox.admin("chats/file", { chat_id: chatId });
  await sandbox.admin("chats/rich", { chat_id: chatId, template: "sticker" });
  await sandbox.admin("chats/rich", { chat_id: chatId, template: "quick_replies" });
  await log.getByRole("group", { name: "Quick replies" }).waitFor({ timeout: STEP });
  await waitFor(async () => (await log.locator("img").count()) >= 3, STEP, "the image, the sticker and the card's picture");
  await waitForImages(page);
  await onState("rich");

  await w.getByRole("button", { name: "End chat" }).click();
  await w.getByRole("button", { name: "Yes, end chat" }).click();
  const ended = w.locator(".lc-ended");
  await ended.getByText("The chat has ended.").waitFor({ timeout: STEP });
  const post = ended.locator("form.lc-form");
  await post.waitFor({ timeout: STEP });
  await onState("postchat");

  // The postchat form's rating field is the good / bad control (the rating goes to the thread).
  await post.getByRole("button", { name: /Good/ }).click();
  await post.getByText("Thanks for your rating.").waitFor({ timeout: STEP });
  await post.getByRole("radio", { name: "Yes" }).check();
  await post.getByRole("button", { name: "Send feedback" }).click();
  await ended.getByText("Thank you for your feedback!").waitFor({ timeout: STEP });
  await onState("thanks");
}

/** Waits until every image in the widget's frame has loaded (stable screenshots). */
async function waitForImages(page) {
  const frame = page.frames().find((f) => f !== page.mainFrame() && /widget\.localhost/.test(f.url()));
  if (!frame) return;
  await waitFor(() => frame.evaluate(() => [...document.images].every((i) => i.complete)), 5_000, "images to load");
}
