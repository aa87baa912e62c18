// Takes the README's screenshots of the main states against the sandbox:
//   node end2end/screenshots.mjs   (after `trunk build --release` and `cargo build -p livechat-sandbox`)
// Writes docs/screenshots/*.png.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox } from "./support/sandbox.mjs";
import { launch } from "./support/browser.mjs";
import { fillPrechat, widgetFrame } from "./support/widget.mjs";

const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/screenshots");
const sandbox = await startSandbox(["--fast"]);
const browser = await launch();
const shot = (page, name) => page.screenshot({ path: path.join(out, `${name}.png`) });

async function journey(viewport, prefix) {
  // Reduced motion: no half-faded greeting in the pictures.
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  const page = await context.newPage();
  await page.goto(sandbox.url("shop"));
  const w = widgetFrame(page);
  await w.getByRole("button", { name: "Dismiss" }).waitFor({ timeout: 20_000 });
  await shot(page, `${prefix}-greeting`);
  await w.locator(".lc-launcher").click();
  const form = w.locator("form");
  await form.waitFor();
  await shot(page, `${prefix}-prechat`);
  await fillPrechat(w);
  const composer = w.getByRole("textbox", { name: "Write a message" });
  await composer.fill("Hi! Could you show me a lamp?");
  await composer.press("Enter");
  const log = w.getByRole("log");
  await log.getByRole("button", { name: "Tell me more" }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(500);
  await shot(page, `${prefix}-chat`);
  await context.close();
}

try {
  await journey({ width: 1280, height: 800 }, "desktop");
  await journey({ width: 375, height: 740 }, "mobile");
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await sandbox.stop();
}
