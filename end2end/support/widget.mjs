// Drives the widget inside its iframe on the demo shop.

/** The widget's iframe on a host page. */
export const widgetFrame = (page) => page.frameLocator('iframe[title="Chat widget"]');

/** Fills the sandbox's prechat form (its required fields) and starts the chat. */
export async function fillPrechat(w, name = "Ada Lovelace", email = "ada@example.com") {
  const form = w.locator("form");
  await form.waitFor();
  await form.getByLabel(/^Name:/).fill(name);
  await form.getByLabel(/^E-mail:/).fill(email);
  await form.getByLabel("Product question").check();
  // The department (group_chooser) renders as radios when it has few options.
  await form.getByRole("group", { name: /Choose a department/ }).getByRole("radio").last().check();
  await form.getByRole("button", { name: "Start the chat" }).click();
}

/**
 * Starts a chat from the minimised widget: opens it, fills the prechat form, sends `text` and
 * waits for the scripted agent to join. Returns the composer and the message log.
 */
export async function startChat(w, text, { joinTimeout = 30_000 } = {}) {
  await w.locator(".lc-launcher").click({ timeout: 20_000 });
  await fillPrechat(w);
  const composer = w.getByRole("textbox", { name: /^Write a message/ });
  await composer.fill(text);
  await composer.press("Enter");
  const log = w.getByRole("log");
  await log.getByText(/joined the chat/).waitFor({ timeout: joinTimeout });
  return { composer, log };
}
