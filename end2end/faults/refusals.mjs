// The fault suite's rows for issue 18: the service saying no. Measured from outside:
// the requests the widget's socket sends (Playwright's framesent on the page), the
// sockets it opens, the sandbox's /admin/state, the banner and the console.
import { waitFor, sleep } from "../support/wait.mjs";
import { openVisitor, messagesOnSandbox, delivery, deliveryText } from "./visitor.mjs";
import { TEXT } from "./reasons.mjs";

/** The requests that carry or look for the customer's events. */
const DELIVERY = new Set(["send_event", "start_chat", "activate_chat", "get_chat", "list_chats"]);

/** Every request frame the visitor's sockets sent (visitor.mjs records them): { at, action }. */
function requestsOf(v) {
  return v.sockets.flatMap((s) => s.sent).flatMap(({ at, payload }) => {
    try {
      const action = JSON.parse(payload).action;
      return action ? [{ at, action }] : [];
    } catch { return []; }
  });
}

/**
 * Messages sent during `ms` of too_many_requests (every request of the customer refused,
 * `/admin/faults/error` with `seconds`): at most a few delivery requests while it lasts,
 * and each message delivered once, in order, after it.
 */
export async function retryStorm(suite, ms) {
  const { sandbox } = suite;
  const v = await openVisitor(suite);
  try {
    const id = v.customer.id;
    const prefix = "rs ";
    await v.send(`${prefix}0 before`);
    await waitFor(async () => messagesOnSandbox(await sandbox.admin("state"), id, prefix).length === 1, 20_000, "the first message");
    const texts = [1, 2, 3].map((i) => `${prefix}${i} during too_many_requests`);
    const t0 = Date.now();
    await sandbox.admin("faults/error", { customer_id: id, type: "too_many_requests", seconds: ms / 1000 });
    for (const [i, text] of texts.entries()) {
      await v.send(text);
      await sleep((ms / texts.length) * (i < texts.length - 1 ? 1 : 0.5));
    }
    await sleep(Math.max(0, t0 + ms - Date.now()));
    const during = requestsOf(v).filter((r) => r.at >= t0 && r.at < t0 + ms && DELIVERY.has(r.action)).length;
    const expected = [`${prefix}0 before`, ...texts];
    await waitFor(async () => messagesOnSandbox(await sandbox.admin("state"), id, prefix).length >= expected.length,
      60_000, "every message after the limit lifted").catch(() => {});
    const delivered = Date.now() - t0 - ms;
    await sleep(2_000);
    const d = delivery(expected, messagesOnSandbox(await sandbox.admin("state"), id, prefix));
    const failed = await v.failedInDom();
    return {
      run: `3 messages during ${(ms / 1000).toFixed(0)} s of too_many_requests`,
      target: "at most 8 delivery requests during it; each delivered once, in order, after",
      result: `delivery requests (send_event, start/activate_chat, get_chat, list_chats) during it: ${during}; ` +
        `${deliveryText(d)}, all in ${(delivered / 1000).toFixed(1)} s after it lifted; "Not sent" ${failed.length}`,
      pass: during <= 8 && d.ok && failed.length === 0,
    };
  } finally {
    await sandbox.admin("faults/clear", { customer_id: v.customer.id }).catch(() => {});
    await v.close();
  }
}

/**
 * A permanent login error (every login of the customer refused with `validation` for
 * the whole watch, after its socket was dropped): at most a handful of sockets, then a
 * stop with its message, "Try again" and one console error naming the cause.
 */
export async function refusedLogin(suite, watchMs) {
  const { sandbox } = suite;
  const v = await openVisitor(suite, { open: false });
  const errors = [];
  v.page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await v.openChat();
  try {
    const id = v.customer.id;
    const first = await v.waitLoggedIn();
    const t0 = Date.now();
    await sandbox.admin("faults/reject_logins", { customer_id: id, reason: "validation", seconds: watchMs / 1000 + 60 });
    await sandbox.admin("faults/drop_socket", { customer_id: id, mode: "abort" });
    const banner = await waitFor(async () => {
      const b = await v.banner();
      return b && b.text.startsWith(TEXT.refusedSignIn) && b;
    }, watchMs, "the refused banner").catch(() => null);
    await sleep(Math.max(0, t0 + watchMs - Date.now()));
    const sockets = v.sockets.filter((s) => s.opened >= t0).length;
    const named = errors.filter((e) => /refused the login/.test(e));
    await sandbox.admin("faults/clear", { customer_id: id });
    await v.w.getByRole("button", { name: TEXT.tryAgain }).click({ timeout: 5_000 }).catch(() => {});
    const again = await v.waitLoggedIn(20_000, [first.id]).catch(() => null);
    return {
      run: `every login refused with validation, watched ${(watchMs / 1000).toFixed(0)} s`,
      target: "at most 4 sockets, then stopped with its message; one console error naming the cause; \"Try again\" logs in",
      result: `sockets ${sockets}; banner ${banner ? `"${banner.text}" (role ${banner.role})` : "never"}; ` +
        `console errors naming it ${named.length}${named[0] ? ` ("${named[0].slice(0, 90)}…")` : ""}; "Try again" logged in: ${Boolean(again)}`,
      pass: sockets <= 4 && Boolean(banner) && banner.role === "alert" && named.length === 1 && Boolean(again),
    };
  } finally {
    await sandbox.admin("faults/clear", { customer_id: v.customer.id }).catch(() => {});
    await v.close();
  }
}
