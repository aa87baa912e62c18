// The fault suite's scenarios (issue 6). Each takes the suite ({ sandbox, browser,
// contexts, log }) and its count and returns one table row:
// { run, target, result, pass, details? } (details: extra markdown printed under the table).
import { waitFor, sleep } from "../support/wait.mjs";
import { openVisitor, loggedIn, messagesOnSandbox, delivery, deliveryText, rand } from "./visitor.mjs";
import { REASONS, ERRORS, EXPECT_TEXT, TEXT } from "./reasons.mjs";

const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const state = (suite) => suite.sandbox.admin("state");

/** Waits until every text of `expected` is on the sandbox, then a moment more for a duplicate to show. */
async function settle(suite, customerId, prefix, expected, ms = 60_000) {
  await waitFor(async () => {
    const got = messagesOnSandbox(await state(suite), customerId, prefix).map((m) => m.text);
    return expected.every((t) => got.includes(t));
  }, ms, "every message on the sandbox").catch(() => {});
  await sleep(2_000);
  return messagesOnSandbox(await state(suite), customerId, prefix);
}

/** Runs `jobs` (functions returning promises) `width` at a time; results in order. */
async function pool(jobs, width) {
  const out = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await jobs[i]();
    }
  }));
  return out;
}

// ---------------------------------------------------------------------------------
// Forced disconnects while the visitor sends messages.

const KINDS = ["abort", "internal_error", "service_temporarily_unavailable", "connection_timeout"];

export async function disconnects(suite, n) {
  const { sandbox } = suite;
  const v = await openVisitor(suite);
  try {
    const id = v.customer.id;
    const fire = (kind) => kind === "abort"
      ? sandbox.admin("faults/drop_socket", { customer_id: id, mode: "abort" })
      : sandbox.admin("faults/disconnect", { customer_id: id, reason: kind });
    const sent = ["fd 000 first"];
    await v.send(sent[0]);
    await settle(suite, id, "fd ", sent, 20_000);
    const points = { before: 0, in_flight: 0, after: 0 };
    const t0 = Date.now();
    for (let i = 1; i <= n; i++) {
      await v.waitLoggedIn(60_000);
      const point = Object.keys(points)[rand(0, 2)];
      const kind = KINDS[rand(0, KINDS.length - 1)];
      const text = `fd ${String(i).padStart(3, "0")} ${point} ${kind}`;
      points[point]++;
      if (point === "before") {
        // The socket is being closed under the message.
        await fire(kind);
        await v.send(text);
      } else if (point === "in_flight") {
        // Between send and response: the response is held, the socket goes before it.
        await sandbox.admin("faults/delay_responses", { customer_id: id, ms: 800, count: 1 });
        await v.send(text);
        await sleep(rand(0, 300));
        await fire(kind);
        await sandbox.admin("faults/clear", { customer_id: id });
      } else {
        await v.send(text);
        await waitFor(async () => messagesOnSandbox(await state(suite), id, text).length > 0, 15_000, text);
        await sleep(rand(0, 200));
        await fire(kind);
      }
      sent.push(text);
      if (i % 10 === 0) suite.log(`  disconnects: ${i}/${n}`);
    }
    const took = Date.now() - t0;
    await sandbox.admin("faults/clear", { customer_id: id });
    const got = await settle(suite, id, "fd ", sent);
    const d = delivery(sent, got);
    const failed = await v.failedInDom();
    // The log renders a window of the newest 50 rows (src/ui/chat_view.rs, WINDOW_PAGE):
    // nothing may show twice, and each of the newest 50 shows once.
    const counts = [];
    for (const t of sent) counts.push(await v.shownCount(t));
    const shownTwice = counts.filter((c) => c > 1).length;
    const newest = counts.slice(-50);
    const newestMissing = newest.filter((c) => c === 0).length;
    const pass = d.ok && failed.length === 0 && shownTwice === 0 && newestMissing === 0;
    return {
      run: `${n} (${points.before} before send, ${points.in_flight} between send and response, ${points.after} after)`,
      target: "lost 0, duplicated 0, order kept",
      result: `${sent.length} messages: ${deliveryText(d)}; "Not sent" ${failed.length}; in the log: shown twice ${shownTwice}, ` +
        `newest ${newest.length} shown once ${newest.length - newestMissing}/${newest.length}; ${secs(took)}`,
      pass,
    };
  } finally {
    await v.close();
  }
}

// ---------------------------------------------------------------------------------
// Half-open sockets: the server stops reading and writing, the TCP connection stays.

export async function halfOpen(suite, n) {
  const width = Math.min(n, 4);
  const share = Array.from({ length: width }, (_, k) => Math.floor(n / width) + (k < n % width ? 1 : 0));
  const runs = await Promise.all(share.map(async (count) => {
    const v = await openVisitor(suite);
    const out = [];
    try {
      for (let i = 0; i < count; i++) {
        const conn = await v.waitLoggedIn(60_000);
        // Land at different points of the ping cycle.
        await sleep(rand(0, 5_000));
        const t0 = Date.now();
        await suite.sandbox.admin("faults/drop_socket", { customer_id: v.customer.id, mode: "half_open" });
        const fresh = await v.waitLoggedIn(60_000, [conn.id]).catch(() => null);
        const replaced = fresh ? Date.now() - t0 : null;
        const lost = (await v.banners(t0)).find((b) => b.text && TEXT.reconnecting.test(b.text));
        out.push({ detected: lost ? lost.at - t0 : null, replaced });
        suite.log(`  half-open: detected ${lost ? secs(lost.at - t0) : "never"}, replaced ${replaced === null ? "never" : secs(replaced)}`);
      }
    } finally {
      await v.close();
    }
    return out;
  }));
  const all = runs.flat();
  const replaced = all.map((r) => r.replaced);
  const detected = all.map((r) => r.detected).filter((x) => x !== null);
  const maxReplaced = replaced.includes(null) ? null : Math.max(...replaced);
  const pass = maxReplaced !== null && maxReplaced <= 25_000;
  return {
    run: `${n} (${width} visitors at once)`,
    target: "each detected and replaced within 25 s",
    result: `replaced ${replaced.filter((x) => x !== null).length}/${n}; detected (banner) max ${detected.length ? secs(Math.max(...detected)) : "-"}; ` +
      `replaced (new login on the sandbox) min ${secs(Math.min(...replaced.filter((x) => x !== null)))}, max ${maxReplaced === null ? "never" : secs(maxReplaced)}`,
    pass,
  };
}

// ---------------------------------------------------------------------------------
// Every disconnect reason and error type of the spec.

async function fireCase(suite, c) {
  const { sandbox } = suite;
  const v = await openVisitor(suite);
  const name = c.reason ?? c.error;
  const fired = c.reason ? `customer_disconnected \`${c.reason}\`` : `login error \`${c.error}\``;
  const row = { fired, expected: EXPECT_TEXT[c.expect] + (c.text ? `: "${c.text}"` : ""), reached: "", banner: "", pass: false };
  try {
    const id = v.customer.id;
    const first = await v.waitLoggedIn();
    const tokens = [];
    v.page.on("request", (r) => {
      if (r.url().startsWith(sandbox.url("accounts")) && r.method() === "POST") tokens.push(Date.now());
    });
    const t0 = Date.now();
    if (c.reason) {
      await sandbox.admin("faults/disconnect", { customer_id: id, reason: c.reason, data: c.data });
    } else {
      await sandbox.admin("faults/reject_logins", { customer_id: id, reason: c.error, count: 1 });
      await sandbox.admin("faults/drop_socket", { customer_id: id, mode: "abort" });
    }
    const seen = async () => (await v.banners(t0)).map((b) => b.text).filter(Boolean);
    if (["backoff", "fresh", "region", "blocked"].includes(c.expect)) {
      const conn = await v.waitLoggedIn(c.expect === "blocked" ? 30_000 : 20_000, [first.id]).catch(() => null);
      const took = Date.now() - t0;
      const s = await state(suite);
      const rejected = c.error ? !s.faults[id]?.reject_logins : true;
      await waitFor(async () => (await v.banner()) === null, 5_000, "no banner").catch(() => {});
      const clear = (await v.banner()) === null;
      const shown = [...new Set(await seen())];
      row.banner = shown.length ? shown.map((t) => `"${t.replace(/\d+ s/, "N s")}"`).join(", ") + " → none" : "none";
      const ok = [conn, rejected, clear];
      let how = `logged in again after ${secs(took)}`;
      if (c.expect === "fresh") {
        ok.push(tokens.some((t) => t >= t0));
        how = `fresh token (${tokens.filter((t) => t >= t0).length} fetched), ${how}`;
      }
      if (c.expect === "region") {
        const hosts = v.sockets.filter((x) => x.opened >= t0).map((x) => new URL(x.url).hostname.split(".")[0]);
        ok.push(hosts.includes("api-fra"));
        how = `sockets ${hosts.join(" → ")}; ${how} in ${conn?.region}`;
      }
      if (c.expect === "blocked") {
        ok.push(took >= c.data.timeout * 1000 && shown.some((t) => /Reconnecting in \d+ s/.test(t)));
        how = `waited, ${how} (data.timeout ${c.data.timeout} s)`;
      }
      if (c.error) how = `login refused${rejected ? "" : " (never)"}, ${how}`;
      row.reached = conn ? how : `not logged in again within ${secs(took)}`;
      row.pass = ok.every(Boolean);
    } else {
      // pause / stop: the banner says so and nothing reconnects on its own.
      const banner = await waitFor(async () => {
        const b = await v.banner();
        // A refusal's banner also holds its "Try again" button.
        return b && (b.text === c.text || (c.expect === "refuse" && b.text === c.text + TEXT.tryAgain)) && b;
      }, 20_000, `the banner "${c.text}"`).catch(() => null);
      await sleep(3_000);
      const s = await state(suite);
      const reconnected = loggedIn(s, id).filter((x) => x.id !== first.id).length > 0;
      const now = await v.banner();
      row.banner = now ? `"${now.text}" (role ${now.role})` : "none";
      if (c.expect === "stop") {
        row.reached = `stopped, no reconnect in 3 s: ${!reconnected}`;
        row.pass = Boolean(banner) && !reconnected && now?.role === "alert";
      } else if (c.expect === "refuse") {
        await v.w.getByRole("button", { name: TEXT.tryAgain }).click({ timeout: 5_000 });
        const conn = await v.waitLoggedIn(20_000, [first.id]).catch(() => null);
        row.reached = `refused, no reconnect in 3 s: ${!reconnected}; "Try again" logged in: ${Boolean(conn)}`;
        row.pass = Boolean(banner) && !reconnected && now?.role === "alert" && Boolean(conn);
      } else {
        const text = `reason ${name} resumes`;
        await v.send(text);
        const conn = await v.waitLoggedIn(20_000, [first.id]).catch(() => null);
        const got = await settle(suite, id, text, [text], 20_000);
        row.reached = `paused, no reconnect in 3 s: ${!reconnected}; a message reconnected: ${Boolean(conn)}, delivered ${got.length}×`;
        row.pass = Boolean(banner) && !reconnected && Boolean(conn) && got.length === 1;
      }
    }
  } catch (e) {
    row.reached = `error: ${e.message.split("\n")[0]}`;
  } finally {
    await v.close();
  }
  suite.log(`  ${row.pass ? "ok  " : "FAIL"} ${name}: ${row.reached}`);
  return row;
}

export async function reasons(suite) {
  const cases = [...REASONS, ...ERRORS];
  const rows = await pool(cases.map((c) => () => fireCase(suite, c)), 3);
  const failed = rows.filter((r) => !r.pass);
  const details = [
    "| fired | reconnect table says | reached | banner |",
    "|---|---|---|---|",
    ...rows.map((r) => `| ${r.fired} | ${r.expected} | ${r.pass ? "" : "**FAIL** "}${r.reached} | ${r.banner} |`),
  ].join("\n");
  return {
    run: `${REASONS.length} reasons + ${ERRORS.length} error types`,
    target: "each ends as the reconnect table says, with its banner",
    result: `${rows.length - failed.length}/${rows.length} as the table says` +
      (failed.length ? ` (wrong: ${failed.map((r) => r.fired.replace(/`/g, "")).join(", ")})` : "") + " (table below)",
    pass: failed.length === 0,
    details,
  };
}

// ---------------------------------------------------------------------------------
// Page reloads with messages in the outbox.

export async function reloads(suite, n) {
  const { sandbox } = suite;
  const v = await openVisitor(suite);
  try {
    const id = v.customer.id;
    const sent = ["rl 00 first"];
    await v.send(sent[0]);
    await settle(suite, id, "rl ", sent, 20_000);
    const modes = { half_open: 0, mixed: 0 };
    const pendingAtReload = { half_open: 0, mixed: 0 };
    let reloadsWithPending = 0;
    for (let i = 1; i <= n; i++) {
      await v.waitLoggedIn(60_000);
      const mode = i % 2 ? "half_open" : "mixed";
      modes[mode]++;
      const texts = [1, 2].map((k) => `rl ${String(i).padStart(2, "0")}.${k} ${mode}`);
      if (mode === "half_open") {
        // Both pending for sure: the socket swallows them.
        await sandbox.admin("faults/drop_socket", { customer_id: id, mode: "half_open" });
        for (const t of texts) await v.send(t);
      } else {
        // The first reaches the sandbox with its response held (its incoming_event push may
        // confirm it before the reload), the second goes into a half-open socket.
        await sandbox.admin("faults/delay_responses", { customer_id: id, ms: 3_000, count: 1 });
        await v.send(texts[0]);
        await waitFor(async () => messagesOnSandbox(await state(suite), id, texts[0]).length > 0, 10_000, texts[0]);
        await sandbox.admin("faults/drop_socket", { customer_id: id, mode: "half_open" });
        await v.send(texts[1]);
      }
      await v.w.getByRole("log").getByText(texts[1], { exact: true }).waitFor({ timeout: 10_000 });
      // The reload comes once the pending ones are in the host tab's stored outbox (written through the loader).
      const stored = () => v.page.evaluate((want) => Object.keys(sessionStorage).filter((k) => k.endsWith(":outbox"))
        .map((k) => sessionStorage.getItem(k) || "").join("")
        .split(/(?=rl )/).filter((x) => want.some((t) => x.startsWith(t))).length, texts);
      const need = mode === "half_open" ? 2 : 1;
      await waitFor(async () => (await stored()) >= need, 3_000, "the stored outbox").catch(() => {});
      const pending = Math.min(await stored(), texts.length);
      pendingAtReload[mode] += pending;
      if (pending > 0) reloadsWithPending++;
      await sandbox.admin("faults/clear", { customer_id: id });
      sent.push(...texts);
      await v.page.reload();
      await v.openChat();
    }
    const got = await settle(suite, id, "rl ", sent);
    const d = delivery(sent, got);
    const failed = await v.failedInDom();
    return {
      run: `${n} (${modes.half_open} with 2 messages on a half-open socket, ${modes.mixed} with 1 sent (response held) + 1 on a half-open socket)`,
      target: "all delivered once",
      result: `${sent.length} messages; reloads with messages in the stored outbox ${reloadsWithPending}/${n} ` +
        `(${pendingAtReload.half_open + pendingAtReload.mixed} messages); ${deliveryText(d)}; "Not sent" ${failed.length}`,
      pass: d.ok && failed.length === 0 && reloadsWithPending === n,
    };
  } finally {
    await v.close();
  }
}

// ---------------------------------------------------------------------------------
// Three tabs of one visitor.

export async function tabs(suite) {
  const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
  suite.contexts.add(context);
  try {
    const t1 = await openVisitor(suite, { context, open: false });
    const id = t1.customer.id;
    const t2 = await openVisitor(suite, { context, customer: t1.customer, open: false });
    const t3 = await openVisitor(suite, { context, customer: t1.customer, open: false });
    const all = [t1, t2, t3];
    for (const t of all) await t.openChat();
    await sleep(3_000);
    const withThree = loggedIn(await state(suite), id).length;
    const sent = [];
    for (const [k, t] of all.entries()) {
      const text = `tab ${k + 1} says hello`;
      await t.send(text);
      sent.push(text);
    }
    const d = delivery(sent, await settle(suite, id, "tab ", sent, 20_000));
    // Close the first tab (the first to open: the leader); another takes over with a new connection.
    const beforeClose = loggedIn(await state(suite), id).map((c) => c.id);
    await t1.close();
    const t0 = Date.now();
    const after = await waitFor(async () => {
      const c = loggedIn(await state(suite), id);
      return c.length === 1 && !beforeClose.includes(c[0].id) && c;
    }, 15_000, "one new connection after the close").catch(() => null);
    const handOver = after ? Date.now() - t0 : null;
    const late = "tab 2 after the close";
    await t2.send(late);
    const d2 = delivery([late], await settle(suite, id, late, [late], 20_000));
    const afterClose = loggedIn(await state(suite), id).length;
    // Messages of different tabs sent milliseconds apart have no order to keep (the leader's own
    // goes straight out, the others over the channel): once each is the target.
    const once = d.lost.length === 0 && d.duplicated.length === 0 && d.dupIds === 0;
    const pass = withThree === 1 && once && handOver !== null && afterClose === 1 && d2.ok;
    return {
      run: "3 tabs, 1 closed",
      target: "1 connection, each tab's message once, hand-over on close",
      result: `connections with 3 tabs: ${withThree}; messages: ${deliveryText(d).replace("order BROKEN", "not in sending order (across tabs)")}; after closing tab 1: ${afterClose} connection(s)` +
        `${handOver !== null ? ` (a new one after ${secs(handOver)})` : " (no new single one)"}, tab 2's message ${d2.ok ? "delivered once" : deliveryText(d2)}`,
      pass,
    };
  } finally {
    suite.contexts.delete(context);
    await context.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------
// The network cut (offline) and restored.

export async function offline(suite, cutMs) {
  const { sandbox } = suite;
  const v = await openVisitor(suite);
  try {
    const id = v.customer.id;
    const before = "off before the cut";
    await v.send(before);
    await settle(suite, id, before, [before], 20_000);
    const conn = await v.waitLoggedIn();
    // Does Chromium's offline emulation break a WebSocket that is open? A probe socket of the
    // host page (the widget closes its own on `offline`, so it cannot tell).
    await v.page.evaluate((url) => {
      window.__probe = { open: false, closedAt: null };
      const ws = new WebSocket(url);
      ws.onopen = () => { window.__probe.open = true; };
      ws.onclose = () => { window.__probe.closedAt = Date.now(); };
    }, `ws://api.localhost:${sandbox.port}/v3.2/customer/rtm/ws?license_id=${(await state(suite)).demo_license}`);
    await waitFor(() => v.page.evaluate(() => window.__probe.open), 5_000, "the probe socket");
    const tOff = Date.now();
    await v.context.setOffline(true);
    await sleep(2_000);
    const probe = await v.page.evaluate(() => window.__probe);
    const probeBroken = probe.closedAt !== null;
    const banner = await v.banner();
    // Make the cut real on the server's side too, whatever the browser did.
    const stillUp = loggedIn(await state(suite), id).some((c) => c.id === conn.id);
    if (stillUp) await sandbox.admin("faults/drop_socket", { customer_id: id, mode: "abort" });
    const during = "off typed while offline";
    await v.send(during);
    await sleep(Math.max(0, cutMs - (Date.now() - tOff)));
    const reachedDuringCut = loggedIn(await state(suite), id).length;
    await v.context.setOffline(false);
    const tOn = Date.now();
    const back = await v.waitLoggedIn(30_000, [conn.id]).catch(() => null);
    const took = back ? Date.now() - tOn : null;
    const d = delivery([before, during], await settle(suite, id, "off ", [before, during], 20_000));
    const pass = took !== null && took <= 2_000 && d.ok && reachedDuringCut === 0;
    return {
      run: `1 cut of ${secs(cutMs)}`,
      target: "reconnected within 2 s of `online`",
      result: `reconnected ${took === null ? "never" : `${secs(took)} after online`}; banner while offline "${banner?.text ?? "none"}"; ` +
        `setOffline closed an open WebSocket: ${probeBroken ? `yes (${secs(probe.closedAt - tOff)})` : "no"}; ` +
        `widget socket still up on the sandbox after 2 s: ${stillUp ? "yes (dropped by the sandbox)" : "no"}; ` +
        `connections during the cut ${reachedDuringCut}; message typed offline: ${deliveryText(d)}`,
      pass,
    };
  } finally {
    await v.context.setOffline(false).catch(() => {});
    await v.close();
  }
}

// ---------------------------------------------------------------------------------
// A hidden (frozen) tab past the sandbox's 30 s ping deadline.

export async function hidden(suite, freezeMs) {
  const { sandbox } = suite;
  const v = await openVisitor(suite);
  try {
    const id = v.customer.id;
    const before = "hid before";
    await v.send(before);
    await settle(suite, id, before, [before], 20_000);
    const chatBefore = (await state(suite)).chats.find((c) => c.customer_id === id)?.id;
    const conn = await v.waitLoggedIn();
    // Chromium headless ignores Page.setWebLifecycleState "frozen" (timers kept ticking in
    // a probe), so the tab is frozen the way a debugger does it: no script of the widget's
    // frame (its own renderer, its own CDP target) or of the host page runs, not even a timer.
    const frame = await v.frame();
    const sessions = [await v.context.newCDPSession(v.page), await v.context.newCDPSession(frame)];
    for (const cdp of sessions) await cdp.send("Debugger.enable");
    const setState = async (s) => {
      for (const cdp of sessions) await cdp.send(s === "frozen" ? "Debugger.pause" : "Debugger.resume").catch(() => {});
    };
    await setState("frozen");
    const t0 = Date.now();
    await sleep(freezeMs);
    const droppedWhileFrozen = !loggedIn(await state(suite), id).some((c) => c.id === conn.id);
    await setState("active");
    for (const cdp of sessions) await cdp.send("Debugger.disable").catch(() => {});
    const tBack = Date.now();
    const back = await v.waitLoggedIn(60_000, [conn.id]).catch(() => null);
    const took = back ? Date.now() - tBack : null;
    const data = await v.page.evaluate(() => ({
      customer: window.LiveChatWidget.get("customer_data").id,
      chat: window.LiveChatWidget.get("chat_data").chatId,
    }));
    const after = "hid after coming back";
    await v.send(after);
    const got = await settle(suite, id, "hid ", [before, after], 20_000);
    const d = delivery([before, after], got);
    const chatAfter = (await state(suite)).chats.filter((c) => c.customer_id === id);
    const sameChat = data.chat === chatBefore && chatAfter.length === 1;
    const pass = back !== null && data.customer === id && sameChat && d.ok;
    return {
      run: `1 tab frozen ${secs(tBack - t0)}`,
      target: "same customer and chat after the ping deadline, a message after it once",
      result: `sandbox dropped the socket while frozen: ${droppedWhileFrozen ? "yes" : "no"}; logged in again ${took === null ? "never" : `${secs(took)} after coming back`}; ` +
        `same customer: ${data.customer === id}; same chat: ${sameChat}; message after: ${deliveryText(d)}`,
      pass,
    };
  } finally {
    await v.close();
  }
}
