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
