// Debian's Chromium through playwright-core (never a downloaded browser).
import { chromium } from "playwright-core";

const executablePath = process.env.CHROME_BIN || "/usr/bin/chromium";

/** Launches headless Chromium with the flags this closed network needs (and `extraArgs`). */
export function launch(extraArgs = []) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      ...extraArgs,
    ],
  });
}
