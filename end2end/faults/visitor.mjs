// One visitor of the fault suite: a browser context on the demo shop with the widget
// open, its customer on the sandbox, and what the suite measures on both sides (the
// sandbox's /admin/state and the DOM of the widget's frame).
import { waitFor } from "../support/wait.mjs";
import { widgetFrame } from "../support/widget.mjs";
import { DESKTOP } from "../support/viewports.mjs";

/** A random integer in `lo..=hi` (Math.random: the suite's randomness is not seeded on purpose). */
export const rand = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

/** The customer's logged-in connections on the sandbox. */
export const loggedIn = (state, customerId) =>
  state.connections.filter((c) => c.customer_id === customerId && c.status === "logged_in");

/** The customer's message events on the sandbox whose text starts with `prefix`, in order: { text, custom_id }. */
export function messagesOnSandbox(state, customerId, prefix) {
  return state.chats.filter((c) => c.customer_id === customerId)
    .flatMap((c) => c.threads ?? []).flatMap((t) => t.events ?? [])
    .filter((e) => e.type === "message" && (e.text ?? "").startsWith(prefix))
    .map((e) => ({ text: e.text, custom_id: e.custom_id ?? null }));
}

/**
 * Compares what the sandbox holds with what was sent, in order: lost (sent, never
 * arrived), duplicated (arrived more than once, or two events with one custom_id) and
 * whether the first arrivals keep the sending order.
 */
export function delivery(expected, got) {
  const counts = new Map();
  for (const m of got) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  const lost = expected.filter((t) => !counts.has(t));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([t]) => t);
  const ids = got.map((m) => m.custom_id).filter(Boolean);
  const dupIds = ids.length - new Set(ids).size;
  const seen = [];
  for (const m of got) if (!seen.includes(m.text)) seen.push(m.text);
  const order = seen.filter((t) => expected.includes(t)).join("\n") === expected.filter((t) => seen.includes(t)).join("\n");
  return { lost, duplicated, dupIds, order, ok: lost.length === 0 && duplicated.length === 0 && dupIds === 0 && order };
}

/** "lost 0 / duplicated 0 / order kept" for a `delivery` result. */
export const deliveryText = (d) =>
  `lost ${d.lost.length} / duplicated ${d.duplicated.length + d.dupIds} / order ${d.order ? "kept" : "BROKEN"}` +
  (d.lost.length ? ` (lost: ${d.lost.slice(0, 3).join("; ")})` : "") +
  (d.duplicated.length ? ` (twice: ${d.duplicated.slice(0, 3).join("; ")})` : "");

/** Installed in the widget frame: every banner text that shows, with its time (Date.now()). */
function watchBanners() {
  if (window.__faultBanners) return;
  window.__faultBanners = [];
  let last = null;
  const look = () => {
    const el = document.querySelector(".lc-banner");
    const text = el ? el.textContent.trim() : null;
    // Countdowns change every second; keep one entry per kind of sentence.
    const key = text && text.replace(/\d+ s/, "N s");
    if (key !== last) {
      last = key;
      window.__faultBanners.push({ at: Date.now(), text, role: el?.getAttribute("role") ?? null });
    }
  };
  new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true });
  look();
}

/**
 * Opens a visitor: a new context (its own cookies, so its own customer) or a new page in
 * `context` (then pass its `customer`: the tabs share one), on the demo shop; waits for the login, opens the chat window and starts
 * watching the banner. Returns the visitor's handle.
 */
export async function openVisitor(suite, { context: shared, customer, open = true } = {}) {
  const { sandbox, browser } = suite;
  const context = shared ?? await browser.newContext({ viewport: DESKTOP, reducedMotion: "reduce" });
  if (!shared) suite.contexts.add(context);
  const page = await context.newPage();
  const sockets = [];
  page.on("websocket", (ws) => {
    const entry = { url: ws.url(), opened: Date.now(), closed: null, sent: [] };
    sockets.push(entry);
    ws.on("close", () => { entry.closed = Date.now(); });
    ws.on("framesent", ({ payload }) => entry.sent.push({ at: Date.now(), payload: String(payload) }));
  });
  await page.goto(sandbox.url("shop", "/"));
  const w = widgetFrame(page);
  const v = {
    context, page, w, sockets,
    customer: null,
    /** The widget's Frame (for evaluate and CDP). */
    frame: () => waitFor(() => page.frames().find((f) => f.url().startsWith(sandbox.url("widget"))), 20_000, "the widget iframe"),
    composer: () => w.getByRole("textbox", { name: /^Write a message/ }),
    async openChat() {
      await w.locator(".lc-launcher:not(#lc-boot)").first().click({ timeout: 20_000 });
      await v.composer().waitFor({ timeout: 20_000 });
      await (await v.frame()).evaluate(watchBanners);
    },
    /** Types `text` and presses Enter. */
    async send(text) {
      const c = v.composer();
      await c.fill(text);
      await c.press("Enter");
    },
    /** The banner texts seen since the suite started watching (after `since`, ms). */
    async banners(since = 0) {
      const all = await (await v.frame()).evaluate(() => window.__faultBanners ?? []).catch(() => []);
      return all.filter((b) => b.at >= since);
    },
    /** The banner now: { text, role } or null. */
    async banner() {
      return (await v.frame()).evaluate(() => {
        const el = document.querySelector(".lc-banner");
        return el ? { text: el.textContent.trim(), role: el.getAttribute("role") } : null;
      });
    },
    /** Texts of own messages shown as "Not sent" in the widget. */
    async failedInDom() {
      return (await v.frame()).evaluate(() => [...document.querySelectorAll(".lc-status-failed")]
        .map((s) => s.closest("li, article, .lc-msg, [data-id]")?.textContent?.trim() ?? "?"));
    },
    /** How many times `text` shows in the conversation log. */
    shownCount(text) {
      return w.getByRole("log").getByText(text, { exact: true }).count();
    },
    /** Waits until the customer has a logged-in connection (optionally one not in `except`). */
    waitLoggedIn(ms = 30_000, except = []) {
      return waitFor(async () => loggedIn(await sandbox.admin("state"), v.customer.id).find((c) => !except.includes(c.id)),
        ms, "a logged-in connection");
    },
    async close() {
      if (shared) await page.close().catch(() => {});
      else { suite.contexts.delete(context); await context.close().catch(() => {}); }
    },
  };
  // The page's own customer id (the JS API's customer_data): visitors open side by side, so
  // "the newest customer on the sandbox" could be another visitor's.
  v.customer = customer ?? await waitFor(async () => {
    const me = await page.evaluate(() => window.LiveChatWidget?.get("customer_data")?.id).catch(() => null);
    return me && (await sandbox.admin("state")).customers.find((c) => c.id === me && c.connections > 0);
  }, 30_000, "the page's customer to log in");
  if (open) await v.openChat();
  return v;
}
