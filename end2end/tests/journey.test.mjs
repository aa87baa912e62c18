// The whole customer journey with the keyboard only, on a phone-sized screen
// and on a desktop: the launcher, a greeting accepted (seen by the sandbox),
// prechat (with an invalid first submit), the queue counting down, the agent
// joining, messages both ways, a quick reply, a card's link followed and its
// message button, Escape and back, end chat with its confirmation, postchat
// (answers on the sandbox) and the thank-you. Issues 4 and 5. Issue 17: a file by the
// attach button (one `file` event on the sandbox's cdn, one thumbnail), the postchat
// form's `rating` field rated good with a comment (the thread's `rating` properties,
// `rating_submitted` on the host page), and, with the group offline, a message left
// through the ticket form (listed by the sandbox, confirmed, `form_submitted` `ticket`).
//
// Only page.keyboard drives the widget; locators are used to wait and to
// assert. A screenshot of each main state goes to end2end/test-results/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { useStack, resultsDir as results, PHONE, DESKTOP } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { chooseFiles, focusIs, named, tabTo } from "../support/keyboard.mjs";
import { PNG, fileEvents } from "../support/files.mjs";
import { threadRating } from "../support/sandbox.mjs";
import { stubScript, LISTEN_ALL, eventLike } from "../support/host-events.mjs";

mkdirSync(results, { recursive: true });

/** How long one step may take (an agent reply, a form, a banner). */
const STEP = 20_000;

// A fifth of the demo pace: the queue lasts about two seconds, long enough to see.
const stack = useStack(["--time-scale", "0.2"]);

/**
 * Watches the queue banner in `frame` from now until it goes (after it showed):
 * resolves to the distinct positions it showed, in order.
 */
async function watchQueue(frame) {
  const seen = [];
  let shown = false;
  const end = Date.now() + STEP;
  while (Date.now() < end) {
    const text = await frame.evaluate(() => document.querySelector(".lc-queue")?.textContent ?? null);
    if (text === null && shown) return seen;
    const m = text && /You are number (\d+)/.exec(text);
    if (m) {
      shown = true;
      if (seen.at(-1) !== Number(m[1])) seen.push(Number(m[1]));
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

/**
 * Desktop: a floating window with rounded corners above the launcher, inside
 * the viewport. Under 480 px: the window is the whole screen.
 */
async function checkLayout(page, frame, viewport) {
  const iframe = await page.locator('iframe[title="Chat widget"]').boundingBox();
  const inside = await frame.evaluate(() => {
    const box = (sel) => { const r = document.querySelector(sel)?.getBoundingClientRect(); return r && { x: r.x, y: r.y, w: r.width, h: r.height }; };
    const win = document.querySelector(".lc-window");
    return {
      window: box(".lc-window"),
      launcher: box(".lc-launcher"),
      radius: parseFloat(getComputedStyle(win).borderTopLeftRadius),
      overflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    };
  });
  const win = { ...inside.window, x: inside.window.x + iframe.x, y: inside.window.y + iframe.y };
  assert.ok(!inside.overflowX, "nothing sticks out sideways");
  if (viewport.width < 480) {
    assert.deepEqual([win.x, win.y, win.w, win.h], [0, 0, viewport.width, viewport.height], "full screen on a phone");
  } else {
    assert.ok(inside.radius >= 8, `rounded corners (${inside.radius}px)`);
    assert.ok(inside.launcher, "the launcher shows under the window");
    assert.ok(inside.window.y + inside.window.h <= inside.launcher.y, "the window floats above the launcher");
    assert.ok(win.x > 0 && win.y > 0 && win.x + win.w < viewport.width && win.y + win.h < viewport.height,
      `the window floats inside the viewport: ${JSON.stringify(win)}`);
  }
}

async function journey(viewport, label) {
  const visit = await stack.open({ viewport, goto: false, init: stubScript({ setup: LISTEN_ALL }) });
  const { page, errors } = visit;
  const sandbox = stack.sandbox;
  for (const f of readdirSync(results)) if (f.startsWith(`journey-${label}-`)) rmSync(path.join(results, f));
  let shotNo = 0;
  const shot = (state) =>
    page.screenshot({ path: path.join(results, `journey-${label}-${String(++shotNo).padStart(2, "0")}-${state}.png`) });
  try {
    await page.goto(sandbox.url("shop"));
    const w = visit.widget;
    const frame = await visit.frame();
    const keys = page.keyboard;
    /** This page's chat on the sandbox (the newest of its customer). */
    const myChat = async () => {
      const me = await visit.customer();
      return (await stack.state()).chats.find((c) => c.customer_id === me.id);
    };

    // --- Launcher: the widget shows its launcher, minimised, and logs in.
    await w.locator(".lc-launcher").waitFor({ timeout: STEP });
    const me = await visit.customer();

    // --- Greeting: a card floats above the launcher; its "Open chat" is reachable by Tab.
    const greeting = w.getByRole("complementary", { name: /^Message from/ });
    await greeting.waitFor({ timeout: STEP });
    await shot("greeting");
    await tabTo(page, frame, (f) => f.cls.includes("lc-greeting-open"), { what: 'the greeting\'s "Open chat"' });
    await keys.press("Enter");
    // The sandbox sees the greeting accepted (accept_greeting).
    await stack.waitState((s) => s.customers.find((c) => c.id === me.id)?.greeting?.accepted === true,
      "the greeting accepted on the sandbox", STEP);

    // --- Prechat: focus lands on the first field.
    const form = w.locator("form.lc-form");
    await form.waitFor({ timeout: STEP });
    await greeting.waitFor({ state: "detached", timeout: STEP });
    await focusIs(page, frame, named(/^Name:/), "the Name field");
    await shot("prechat");
    await checkLayout(page, frame, viewport);
    await keys.type("Ada Lovelace");
    await keys.press("Tab");
    await focusIs(page, frame, named(/^E-mail:/), "the E-mail field");
    await keys.type("ada-at-example");
    // Enter in a text field submits the form: the e-mail is the first invalid field.
    await keys.press("Enter");
    const email = await focusIs(page, frame, named(/^E-mail:/), "the invalid E-mail field after submit");
    const emailError = form.locator(`#${email.id}-error`);
    await emailError.getByText(/valid e-mail/).waitFor({ timeout: 5_000 });
    assert.equal(await form.locator(`#${email.id}`).getAttribute("aria-invalid"), "true");
    assert.match(await form.locator(`#${email.id}`).getAttribute("aria-describedby"), new RegExp(`${email.id}-error`));
    await shot("prechat-errors");
    await keys.press("Control+A");
    await keys.type("ada@example.com");
    await waitFor(async () => (await emailError.textContent()).trim() === "", 5_000, "the e-mail error to clear");
    // Optional text fields.
    await keys.press("Tab");
    await focusIs(page, frame, named(/What are you looking for/), "the question field");
    await keys.type("A desk lamp");
    await keys.press("Tab");
    await focusIs(page, frame, named(/^Subject:/), "the subject field");
    await keys.press("Tab");
    await focusIs(page, frame, named(/Anything else/), "the textarea");
    await keys.type("Line one");
    await keys.press("Shift+Enter");
    await keys.type("line two");
    // Radios: Tab enters the group, an arrow moves and checks.
    await keys.press("Tab");
    await focusIs(page, frame, (f) => f.type === "radio" && f.name === "Order status", 'the first "Chat purpose" radio');
    await keys.press("ArrowDown");
    const purpose = await focusIs(page, frame, (f) => f.name === "Product question" && f.checked, '"Product question" checked');
    assert.equal(purpose.type, "radio");
    // Select: arrows change the choice.
    await keys.press("Tab");
    await focusIs(page, frame, (f) => f.tag === "SELECT" && /^Country:/.test(f.name), "the Country select");
    await keys.press("ArrowDown");
    await keys.press("ArrowDown");
    await focusIs(page, frame, (f) => f.tag === "SELECT" && f.value === "1", "United Kingdom selected");
    // Check boxes: Space toggles, Tab moves between them.
    await keys.press("Tab");
    await focusIs(page, frame, (f) => f.type === "checkbox" && f.name === "Lamps", 'the "Lamps" check box');
    await keys.press("Space");
    await keys.press("Tab");
    await keys.press("Tab");
    await focusIs(page, frame, (f) => f.type === "checkbox" && f.name === "Textiles", 'the "Textiles" check box');
    await keys.press("Space");
    await focusIs(page, frame, (f) => f.name === "Textiles" && f.checked, '"Textiles" checked');
    // The department (group chooser): Space checks the focused radio.
    await keys.press("Tab");
    await focusIs(page, frame, (f) => f.type === "radio" && f.id.endsWith("-o0"), "the first department radio");
    await keys.press("Space");
    await focusIs(page, frame, (f) => f.type === "radio" && f.checked, "a department checked");
    await keys.press("Tab");
    await focusIs(page, frame, named("Start the chat"), 'the "Start the chat" button');
    await keys.press("Enter");

    // --- Queue: position and wait, counting down, then the agent joins and the banner goes.
    const positions = watchQueue(frame);
    const queue = w.locator(".lc-queue");
    await queue.getByText(/You are number \d+ in the queue\. Expected wait: (less than a minute|about \d+ minutes?)\./)
      .waitFor({ timeout: STEP });
    await form.waitFor({ state: "detached", timeout: 5_000 });
    await shot("queue");
    const composerName = /^Write a message/;
    await focusIs(page, frame, (f) => f.tag === "TEXTAREA" && composerName.test(f.name), "the composer after the prechat");
    const log = w.getByRole("log");
    await log.getByText(/joined the chat/).waitFor({ timeout: STEP });
    await queue.waitFor({ state: "detached", timeout: STEP });
    const seen = await positions;
    assert.ok(seen.length >= 2 && seen.every((p, i) => i === 0 || p < seen[i - 1]),
      `the queue position counts down (seen ${JSON.stringify(seen)})`);
    const filled = JSON.stringify(await myChat());
    for (const answer of ["Ada Lovelace", "ada@example.com", "A desk lamp", "Product question", "United Kingdom", "Lamps", "Textiles"]) {
      assert.ok(filled.includes(answer), `the filled_form carries "${answer}"`);
    }

    // --- Conversation: Enter sends; the agent answers with quick replies.
    await focusIs(page, frame, (f) => composerName.test(f.name), "the composer");
    await keys.type("Hello! I need some help.");
    await keys.press("Enter");
    await log.getByText("Hello! I need some help.").waitFor({ timeout: 5_000 });
    const quick = log.getByRole("group", { name: "Quick replies" });
    await quick.getByRole("button", { name: "Returns" }).waitFor({ timeout: STEP });
    await focusIs(page, frame, (f) => composerName.test(f.name), "the composer after sending");

    // Escape closes the window, focus goes to the launcher; Enter opens it again.
    await keys.press("Escape");
    await w.locator(".lc-window").waitFor({ state: "detached", timeout: 5_000 });
    await focusIs(page, frame, (f) => f.cls.includes("lc-launcher"), "the launcher after Escape");
    await shot("minimised");
    await keys.press("Enter");
    await w.locator(".lc-window").waitFor({ timeout: 5_000 });
    await focusIs(page, frame, (f) => composerName.test(f.name), "the composer after reopening");

    // A quick reply by keyboard: back from the composer into the log.
    await tabTo(page, frame, named("Returns"), { back: true, max: 10, what: 'the "Returns" quick reply' });
    await keys.press("Enter");
    await log.getByText(/You picked .Returns./).waitFor({ timeout: STEP });
    await quick.waitFor({ state: "detached", timeout: 5_000 });
    await focusIs(page, frame, (f) => f.tag !== "BODY", "something in the widget after the quick reply (not lost)");

    // A product card: its buttons by keyboard.
    await tabTo(page, frame, (f) => composerName.test(f.name), { max: 20, what: "the composer" });
    await keys.type("Could you show me a product card?");
    await keys.press("Enter");
    // The script answers "Returns" (its second reply) with a card too: wait for
    // both, so the Tab order does not change under the keyboard.
    const cards = log.locator(".lc-card").filter({ hasText: "Aurora desk lamp" });
    await waitFor(async () => (await cards.count()) === 2, STEP, "two product cards");
    await cards.last().scrollIntoViewIfNeeded();
    await shot("card");
    const link = await tabTo(page, frame, (f) => /^Open product page/.test(f.name), { back: true, max: 12, what: 'the card\'s "Open product page"' });
    assert.equal(link.tag, "A", "a url button is a link");
    assert.ok(link.href.startsWith(sandbox.url("shop")), `safe href: ${link.href}`);
    assert.equal(link.target, "_blank");
    assert.match(link.rel, /noopener/);
    assert.match(link.rel, /noreferrer/);
    // Following it opens the product page in a new tab; the widget stays put.
    const [product] = await Promise.all([visit.context.waitForEvent("page", { timeout: 5_000 }), keys.press("Enter")]);
    await product.waitForLoadState("domcontentloaded");
    assert.equal(product.url(), link.href, "the card's url button opens its page");
    await product.close();
    await page.bringToFront();
    await focusIs(page, frame, (f) => /^Open product page/.test(f.name), 'focus back on "Open product page"');
    await keys.press("Tab");
    const phone = await focusIs(page, frame, named("Call the store"), 'the "Call the store" button');
    assert.equal(phone.tag, "A", "a phone button is a link");
    assert.equal(phone.href, "tel:+15550100");
    await keys.press("Tab");
    // A webview button: the sandbox serves http, which is never framed, so it is a new-tab link.
    const sizes = await focusIs(page, frame, named(/^See sizes/), 'the "See sizes" button');
    assert.ok(sizes.tag === "BUTTON" || (sizes.tag === "A" && sizes.target === "_blank" && /noopener/.test(sizes.rel)));
    await keys.press("Tab");
    await focusIs(page, frame, named("Tell me more"), 'the "Tell me more" button');
    await keys.press("Enter");
    // The postback goes with a message carrying the button's text.
    await log.locator(".lc-row-own").getByText("Tell me more", { exact: true }).waitFor({ timeout: STEP });
    await log.getByText(/You picked .Tell me more./).waitFor({ timeout: STEP });
    await focusIs(page, frame, (f) => f.tag !== "BODY", "something in the widget after the message button (not lost)");

    // --- A file (issue 17): the attach button, just before the composer, opens the file
    // chooser on Enter; the upload becomes one `file` event on the sandbox's cdn and one
    // thumbnail in the log.
    await tabTo(page, frame, (f) => composerName.test(f.name), { max: 20, what: "the composer" });
    await tabTo(page, frame, named("Attach a file"), { back: true, max: 3, what: 'the "Attach a file" button' });
    await chooseFiles(page, frame, "Enter", { name: "my-desk.png", mimeType: "image/png", buffer: PNG });
    const thumb = log.getByRole("img", { name: "my-desk.png" });
    await thumb.waitFor({ timeout: STEP });
    const files = await waitFor(async () => {
      const f = fileEvents(await stack.state(), me.id);
      return f.length > 0 && f;
    }, STEP, "the file event on the sandbox");
    assert.deepEqual(files.map((e) => e.name), ["my-desk.png"], "the agent's side gets the file once");
    assert.ok(files[0].url.startsWith(sandbox.url("cdn", "/uploads/")), `${files[0].url} is on the sandbox's cdn`);
    await waitFor(() => frame.evaluate(() => [...document.querySelectorAll(".lc-log img")].every((i) => i.complete && i.naturalWidth > 0)),
      STEP, "the thumbnail to load from the cdn");
    assert.equal(await thumb.count(), 1, "the thumbnail shows once");
    assert.equal(await w.locator(".lc-upload").count(), 0, "nothing left in the upload tray");
    await shot("file");
    await focusIs(page, frame, (f) => f.tag !== "BODY", "something in the widget after the upload (not lost)");

    // --- End the chat from the header, with its confirmation.
    const end = await tabTo(page, frame, named("End chat"), { back: true, max: 60, what: 'the header\'s "End chat"' });
    assert.equal(end.tag, "BUTTON");
    await keys.press("Enter");
    await focusIs(page, frame, named("Yes, end chat"), 'the "Yes, end chat" confirmation');
    await shot("end-confirm");
    await keys.press("Enter");
    const ended = w.locator(".lc-ended");
    await ended.getByText("The chat has ended.").waitFor({ timeout: STEP });

    // --- Postchat: focus moves to its first control, the `rating` field's "Good" (LiveChat's
    // postchat rating field, shown as the good / bad control): Enter rates the thread,
    // then a comment for the rating, the other answers, submit.
    const post = ended.locator("form.lc-form");
    await post.waitFor({ timeout: STEP });
    await focusIs(page, frame, (f) => f.tag === "BUTTON" && /Good/.test(f.name), 'the rating field\'s "Good"');
    await shot("postchat");
    await keys.press("Enter");
    await stack.waitState((s) => threadRating(s, me.id)?.score === 1, "rating.score 1 on the thread", STEP);
    assert.equal(await eventLike(page, "rating_submitted"), "good", "the host page hears of the rating");
    await focusIs(page, frame, (f) => /Good/.test(f.name) && f.pressed === "true", '"Good" pressed');
    await tabTo(page, frame, named(/^Tell us why/), { max: 3, what: "the rating's comment box (its comment_label)" });
    await keys.type("Sam found my lamp.");
    await keys.press("Tab");
    await focusIs(page, frame, named("Send comment"), 'the "Send comment" button');
    await keys.press("Enter");
    await stack.waitState((s) => threadRating(s, me.id)?.comment === "Sam found my lamp.", "rating.comment on the thread", STEP);
    await tabTo(page, frame, (f) => f.type === "radio" && f.name === "Yes", { max: 4, what: 'the "Yes" radio' });
    await keys.press("Space");
    await keys.press("Tab");
    await focusIs(page, frame, named(/^Any comments/), "the comment field");
    await keys.type("Quick and friendly.");
    await keys.press("Tab");
    await focusIs(page, frame, named("Send feedback"), 'the "Send feedback" button');
    await keys.press("Enter");
    await ended.getByText("Thank you for your feedback!").waitFor({ timeout: STEP });
    await post.waitFor({ state: "detached", timeout: 5_000 });
    await focusIs(page, frame, (f) => f.tag !== "BODY", "something in the widget after the postchat (not lost)");
    await shot("thanks");
    assert.deepEqual(await eventLike(page, "form_submitted", (d) => d.type === "postchat"), { type: "postchat" });
    // The filled form carries the answers; the rating stays the thread's (no `rating` field in it).
    const filledPost = await waitFor(async () => (await myChat()).threads.flatMap((t) => t.events)
      .find((e) => e.type === "filled_form" && e.form_id === "postchat-0"), STEP, "the postchat answers on the sandbox");
    assert.deepEqual(filledPost.fields.map((f) => f.type), ["radio", "textarea"]);
    assert.ok(JSON.stringify(filledPost).includes("Quick and friendly."));
    assert.deepEqual(threadRating(await stack.state(), me.id), { score: 1, comment: "Sam found my lamp." });

    // The window can still be closed with Escape and focus goes home.
    await keys.press("Escape");
    await w.locator(".lc-window").waitFor({ state: "detached", timeout: 5_000 });
    await focusIs(page, frame, (f) => f.cls.includes("lc-launcher"), "the launcher after the last Escape");

    assert.deepEqual(errors, [], "no errors on the host page");
  } catch (e) {
    await shot("failure").catch(() => {});
    throw e;
  } finally {
    await visit.close();
  }
}

/**
 * Nobody online (issue 17): the group offline from the admin API, the window opens on the
 * ticket form; the visitor fills it in and sends it by keyboard; the sandbox lists the
 * ticket, the window confirms it, the host page gets `form_submitted` `{ type: "ticket" }`.
 */
async function leaveMessage(viewport, label) {
  const sandbox = stack.sandbox;
  await sandbox.admin("groups", { group_id: 0, status: "offline", ticket: true });
  const visit = await stack.open({ viewport, goto: false, init: stubScript({ setup: LISTEN_ALL }) });
  const { page } = visit;
  const shot = (state) => page.screenshot({ path: path.join(results, `journey-${label}-ticket-${state}.png`) });
  try {
    await page.goto(sandbox.url("shop"));
    const w = visit.widget;
    const frame = await visit.frame();
    const keys = page.keyboard;
    await w.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: STEP });
    const me = await visit.customer();
    await tabTo(page, frame, (f) => f.cls.includes("lc-launcher"), { what: "the launcher" });
    await keys.press("Enter");
    const form = w.locator("form.lc-form");
    await form.getByRole("heading", { name: "Leave a message", exact: true }).waitFor({ timeout: STEP });
    await w.getByText("We're away right now. Leave a message.").first().waitFor({ timeout: STEP });
    await tabTo(page, frame, named(/^Your name:/), { max: 10, what: "the ticket form's name field" });
    await shot("form");
    await keys.type("Ada Lovelace");
    await keys.press("Tab");
    await focusIs(page, frame, named(/^E-mail:/), "the E-mail field");
    await keys.type("ada@example.com");
    await keys.press("Tab");
    await focusIs(page, frame, named(/^Subject:/), "the Subject field");
    await keys.type("A lamp order");
    await keys.press("Tab");
    await focusIs(page, frame, named(/^Message:/), "the Message field");
    await keys.type("Please call me back about order 1234.");
    await keys.press("Tab");
    await focusIs(page, frame, named("Send message"), 'the "Send message" button');
    await keys.press("Enter");
    await w.getByText(/We got your message/).waitFor({ timeout: STEP });
    await shot("sent");
    const ticket = await stack.waitState((s) => s.tickets.find((t) => t.visitor_id === me.id), "the ticket on the sandbox", STEP);
    assert.equal(ticket.requester.mail, "ada@example.com");
    assert.equal(ticket.requester.name, "Ada Lovelace");
    assert.equal(ticket.subject, "A lamp order");
    assert.match(ticket.ticket_message, /Please call me back about order 1234\./);
    assert.deepEqual(await eventLike(page, "form_submitted", (d) => d.type === "ticket"), { type: "ticket" });
    await focusIs(page, frame, (f) => f.tag !== "BODY", "something in the widget after the ticket (not lost)");
    assert.deepEqual(visit.errors, [], "no errors on the host page");
  } catch (e) {
    await shot("failure").catch(() => {});
    throw e;
  } finally {
    await visit.close();
    await sandbox.admin("groups", { group_id: 0, status: "online", ticket: true });
  }
}

test("the whole journey by keyboard on a 375 px phone", { timeout: 180_000 }, () =>
  journey(PHONE, "375"));

test("the whole journey by keyboard on a desktop", { timeout: 180_000 }, () =>
  journey(DESKTOP, "desktop"));

test("nobody online: a message left through the ticket form by keyboard on a 375 px phone", { timeout: 90_000 }, () =>
  leaveMessage(PHONE, "375"));

test("nobody online: a message left through the ticket form by keyboard on a desktop", { timeout: 90_000 }, () =>
  leaveMessage(DESKTOP, "desktop"));
