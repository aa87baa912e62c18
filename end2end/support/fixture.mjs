// One test file's stack: the sandbox (with its flags) and Debian's Chromium, started
// in `before` and always stopped in `after` (also when a test or `before` fails).
//
//   const stack = useStack(["--fast"]);
//   test("...", () => stack.visit({ path: "/" }, async ({ page, widget }) => { ... }));
//
// `visit` opens a fresh browser context (its own cookies and storage, so its own
// customer), collects what the page reports, and closes the context afterwards,
// with a screenshot in test-results/failures/ when the body throws.
import { before, after, afterEach } from "node:test";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startSandbox, knownCustomers, newCustomer } from "./sandbox.mjs";
import { launch } from "./browser.mjs";
import { waitFor } from "./wait.mjs";
import { widgetFrame } from "./widget.mjs";
import { DESKTOP } from "./viewports.mjs";

/** end2end/test-results (gitignored). */
export const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../test-results");

export { PHONE, DESKTOP } from "./viewports.mjs";

/**
 * Registers `before`/`after` hooks for the current test file and returns the stack:
 * `{ sandbox, browser, open, visit, state, waitState }` (sandbox and
 * browser are set once `before` has run).
 */
export function useStack(sandboxArgs = []) {
  const contexts = new Set();
  const stack = {
    sandbox: null,
    browser: null,

    /** The sandbox's /admin/state. */
    state: () => stack.sandbox.admin("state"),

    /** Polls /admin/state until `check(state)` is truthy; returns that value. */
    waitState: (check, what = "a sandbox state", ms = 15_000) =>
      waitFor(async () => check(await stack.state()), ms, what),

    /**
     * Opens a page in a new context. `path` on `host` (default the demo shop's `/`),
     * or a full `url`. `init`: a function or source for page.addInitScript (runs before
     * any page script). `context`: more newContext options. Returns a Visit:
     * { context, page, known, customer(), widget, errors, console, sockets, frame(), warnings(re), close() }.
     */
    async open({ path: p = "/", host = "shop", url, viewport, init, context: more = {}, goto = true } = {}) {
      const context = await stack.browser.newContext({ viewport: viewport ?? DESKTOP, reducedMotion: "reduce", ...more });
      contexts.add(context);
      const page = await context.newPage();
      const known = await knownCustomers(stack.sandbox);
      const v = {
        context,
        page,
        /** Ids of the sandbox's customers before this page opened. */
        known,
        /** This page's customer on the sandbox (the first to log in since it opened); waits for its login. */
        customer: () => newCustomer(stack.sandbox, known),
        widget: widgetFrame(page),
        /** Uncaught exceptions on the host page. */
        errors: [],
        /** Console messages of the page and its frames: { type, text, url } (url: the script or page that logged it). */
        console: [],
        /** WebSocket URLs the page or its frames opened, in order. */
        sockets: [],
        /** The widget's Frame object (for evaluate), once the iframe has navigated. */
        frame: () => waitFor(() => page.frames().find((f) => f.url().startsWith(stack.sandbox.url("widget"))), 20_000, "the widget iframe"),
        /** Console warnings (of the page or its frames) matching `re`. */
        warnings: (re = /./) => v.console.filter((m) => m.type === "warning" && re.test(m.text)),
        async close() {
          contexts.delete(context);
          await context.close().catch(() => {});
        },
      };
      page.on("pageerror", (e) => v.errors.push(e.message));
      page.on("console", (m) => v.console.push({ type: m.type(), text: m.text(), url: m.location()?.url || "" }));
      page.on("websocket", (ws) => v.sockets.push(ws.url()));
      if (init) await page.addInitScript(init);
      if (goto) await page.goto(url ?? stack.sandbox.url(host, p));
      return v;
    },

    /**
     * Runs `body(visit)` on a page opened with `options` (see `open`) and closes its
     * context after, taking test-results/failures/<shot>-<time>.png first when `body`
     * throws (`options.shot` names it, else the path).
     */
    async visit(options, body) {
      const v = await stack.open(options);
      try {
        return await body(v);
      } catch (e) {
        const name = (options.shot || options.path || "page").replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
        const dir = path.join(resultsDir, "failures");
        mkdirSync(dir, { recursive: true });
        await v.page.screenshot({ path: path.join(dir, `${name || "page"}-${Date.now()}.png`) }).catch(() => {});
        throw e;
      } finally {
        await v.close();
      }
    },
  };

  before(async () => {
    stack.sandbox = await startSandbox(sandboxArgs);
    try {
      stack.browser = await launch();
    } catch (e) {
      await stack.sandbox.stop();
      stack.sandbox = null;
      throw e;
    }
  });

  // Every test fails on a sandbox warning (something sent that the reference does not
  // document), named in the failure.
  afterEach(async () => {
    if (stack.sandbox) await stack.sandbox.assertNoWarnings();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    contexts.clear();
    try {
      await stack.browser?.close();
    } finally {
      await stack.sandbox?.stop();
    }
  });

  return stack;
}
