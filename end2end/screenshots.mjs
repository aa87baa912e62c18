// Takes the README's screenshots of the main states against the sandbox:
//   node end2end/screenshots.mjs   (after `trunk build --release` and `cargo build -p livechat-sandbox`)
// Writes docs/screenshots/{desktop,mobile}-{greeting,prechat,chat}.png ($SCREENSHOTS_DIR
// instead when set). The states come
// from support/states.mjs, the walk the a11y test also takes (its screenshots of every
// state go to end2end/test-results/screenshots/).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox } from "./support/sandbox.mjs";
import { launch } from "./support/browser.mjs";
import { widgetFrame } from "./support/widget.mjs";
import { knownCustomers, walkStates } from "./support/states.mjs";
import { DESKTOP, PHONE } from "./support/viewports.mjs";

const out = process.env.SCREENSHOTS_DIR
  ? path.resolve(process.env.SCREENSHOTS_DIR)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/screenshots");
const PICTURES = ["greeting", "prechat", "chat"];
const sandbox = await startSandbox(["--no-agent"]);
let browser;

async function journey(viewport, prefix) {
  // Reduced motion: no half-faded greeting in the pictures.
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  try {
    const page = await context.newPage();
    const known = await knownCustomers(sandbox);
    await page.goto(sandbox.url("shop"));
    await walkStates({ sandbox, page, widget: widgetFrame(page), known }, async (state) => {
      if (PICTURES.includes(state)) await page.screenshot({ path: path.join(out, `${prefix}-${state}.png`) });
    });
  } finally {
    await context.close();
  }
}

try {
  browser = await launch();
  await journey(DESKTOP, "desktop");
  await journey(PHONE, "mobile");
  console.log(`screenshots written to ${out}`);
} finally {
  await browser?.close();
  await sandbox.stop();
}
