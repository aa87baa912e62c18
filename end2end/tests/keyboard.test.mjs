// Issue 17 "in both widths and by keyboard, with axe still finding nothing": the controls
// the issue added, reached and operated with the keyboard only (Tab, Shift+Tab, Enter,
// Space, Escape through page.keyboard; no clicks) on a 1280 px desktop and a 375 px phone:
// the reply-sound toggle, the transcript download, the attach button (its file chooser, by Enter and by Space), an
// upload's Cancel, a failed upload's Retry and Remove, the rating's Good / Bad, its comment
// box and Send comment, Remove rating, and the ticket form's fields and Send message. Each
// is focusable, has an accessible name and shows a visible focus indicator (its outline or
// shadow differs from the unfocused look); focus is never dropped on the page when the
// control it was on goes away; axe finds nothing with the upload tray (uploading and
// failed), the rating and the ticket form on screen. The header's transcript download
// (Enter saves the file) is reached the same way.
import { test } from "node:test";
import assert from "node:assert/strict";
import { audit } from "../support/axe.mjs";
import { useStack, PHONE, DESKTOP } from "../support/fixture.mjs";
import { PDF, fileEvents } from "../support/files.mjs";
import { chooseFiles, focused, focusIs, focusRing, named, tabTo } from "../support/keyboard.mjs";
import { chatOf, threadRating } from "../support/sandbox.mjs";
import { waitFor } from "../support/wait.mjs";

/** How long one step may take. */
const STEP = 20_000;

// No scripted agent: the test drives the agent's side, so each state holds still.
const stack = useStack(["--no-agent"]);

const WIDTHS = [["1280", DESKTOP], ["375", PHONE]];

/** The focused control has an accessible name and a visible focus indicator. */
async function checkFocus(page, frame, what) {
  const f = await focused(page, frame);
  assert.ok(f && f.tag !== "BODY", `${what} has focus`);
  assert.ok(f.name.length > 0, `${what} has an accessible name`);
  const ring = await focusRing(frame);
  assert.ok(ring.focusVisible, `${what} matches :focus-visible`);
  assert.ok(ring.visible, `${what} shows a visible focus indicator: ${JSON.stringify(ring)}`);
  return f;
}

/** Tabs (or Shift+Tabs) to the control matching `want`, then checks its name and focus ring. */
async function reach(page, frame, want, what, opts = {}) {
  await tabTo(page, frame, want, { what, ...opts });
  return checkFocus(page, frame, what);
}

/** axe finds nothing in the widget's frame in `state`. */
async function noViolations(frame, state) {
  const violations = await audit(frame);
  assert.deepEqual(violations, [], `axe with ${state}: ${JSON.stringify(violations, null, 2)}`);
}

/** Focus is still inside the widget's frame, on a control (not dropped on its body). */
const notLost = (page, frame, after) => focusIs(page, frame, (f) => f.tag !== "BODY", `a control in the widget after ${after}`);

/**
 * Holds every upload_file request until the returned `release()`: the upload stays in
 * the tray (progress bar, Cancel) while the test looks at it. After `release()` every
 * upload fails as a network failure would (a row with Retry and Remove).
 */
async function holdUploads(context) {
  let release;
  const held = new Promise((r) => { release = r; });
  await context.route(/\/upload_file(\?|$)/, async (route) => {
    await held;
    await route.abort().catch(() => {});
  });
  return () => release();
}

for (const [label, viewport] of WIDTHS) {
  test(`sound, transcript, attach, cancel, retry, remove and rating by keyboard at ${label} px, axe clean`, { timeout: 120_000 }, () =>
    stack.visit({ viewport, goto: false, shot: `keyboard-chat-${label}` }, async (v) => {
      const { page } = v;
      const keys = page.keyboard;
      await stack.sandbox.admin("groups", { group_id: 0, status: "online", prechat: false });
      await page.goto(stack.sandbox.url("shop"));
      const w = v.widget;
      const frame = await v.frame();
      await w.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: STEP });
      const me = await v.customer();

      // The launcher opens the window; focus goes to the composer; a message starts the chat.
      await reach(page, frame, (f) => f.cls.includes("lc-launcher"), "the launcher");
      await keys.press("Enter");
      const composer = /^Write a message/;
      await focusIs(page, frame, (f) => f.tag === "TEXTAREA" && composer.test(f.name), "the composer");
      await keys.type("Hello, a question about a lamp.");
      await keys.press("Enter");
      const chat = await stack.waitState((s) => chatOf(s, me.id), "the chat on the sandbox");
      await stack.sandbox.admin("chats/queue", { chat_id: chat.id, position: 0 });
      await w.getByRole("log").getByText(/joined the chat/).waitFor({ timeout: STEP });

      // The reply-sound toggle in the header: Space turns it on, Enter off again.
      const off = await reach(page, frame, named("Turn reply sound on"), "the sound toggle", { back: true });
      assert.equal(off.pressed, "false");
      await keys.press("Space");
      await focusIs(page, frame, (f) => f.name === "Turn reply sound off" && f.pressed === "true", "the sound toggle, on");
      await keys.press("Enter");
      await focusIs(page, frame, (f) => f.name === "Turn reply sound on" && f.pressed === "false", "the sound toggle, off");

      // The transcript download, just before the sound toggle: Enter saves the file.
      await reach(page, frame, named("Download the transcript"), "the transcript download", { back: true });
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: STEP }), keys.press("Enter")]);
      assert.equal(download.suggestedFilename(), "chat-transcript.html");
      await focusIs(page, frame, (f) => f.name === "Download the transcript", "the transcript download, after saving");

      // The attach button opens the file chooser on Enter; the upload is held in the tray.
      const release = await holdUploads(v.context);
      try {
        await tabTo(page, frame, (f) => composer.test(f.name), { what: "the composer" });
        await reach(page, frame, named("Attach a file"), "the attach button", { back: true, max: 3 });
        await chooseFiles(page, frame, "Enter", { name: "invoice.pdf", mimeType: "application/pdf", buffer: PDF });
        const row = w.locator(".lc-upload", { hasText: "invoice.pdf" });
        await row.locator("progress").waitFor({ timeout: STEP });
        await noViolations(frame, "the upload tray");
        // Its Cancel, by Space: the row goes, nothing reaches the sandbox, focus stays in the window.
        await reach(page, frame, named("Cancel: invoice.pdf"), "the upload's Cancel", { back: true, max: 6 });
        await keys.press("Space");
        await waitFor(async () => (await w.locator(".lc-upload").count()) === 0, 5_000, "the upload row to go");
        await notLost(page, frame, "the upload's Cancel");
        // A failed upload: Retry by Enter keeps focus on the row (its Cancel / Remove), Remove by Space.
        release();
        await tabTo(page, frame, (f) => composer.test(f.name), { what: "the composer" });
        await reach(page, frame, named("Attach a file"), "the attach button", { back: true, max: 3 });
        await chooseFiles(page, frame, "Space", { name: "again.pdf", mimeType: "application/pdf", buffer: PDF });
        const failed = w.locator(".lc-upload", { hasText: "again.pdf" });
        await failed.getByRole("button", { name: "Retry" }).waitFor({ timeout: STEP });
        await noViolations(frame, "a failed upload in the tray");
        await reach(page, frame, named("Retry"), "the upload's Retry", { back: true, max: 6 });
        await keys.press("Enter");
        await focusIs(page, frame, named(/^(Cancel|Remove): again\.pdf$/), "the row's Cancel / Remove after Retry");
        await failed.getByRole("button", { name: "Remove: again.pdf" }).waitFor({ timeout: STEP });
        await focusIs(page, frame, named("Remove: again.pdf"), "the row's Remove once the retry failed too");
        await checkFocus(page, frame, "the upload's Remove");
        await keys.press("Space");
        await waitFor(async () => (await w.locator(".lc-upload").count()) === 0, 5_000, "the failed row to go");
        await notLost(page, frame, "the upload's Remove");
      } finally {
        release();
      }
      assert.deepEqual(fileEvents(await stack.state(), me.id), [], "no file event after the cancel and the failures");

      // The rating: Good by Enter, a comment, Send comment, then Bad by Space, Remove rating.
      await reach(page, frame, named(/Good$/), 'the rating\'s "Good"', { back: true });
      await keys.press("Enter");
      await stack.waitState((s) => threadRating(s, me.id)?.score === 1, "rating.score 1");
      await focusIs(page, frame, (f) => /Good$/.test(f.name) && f.pressed === "true", '"Good" pressed');
      await reach(page, frame, named(/Bad$/), 'the rating\'s "Bad"', { max: 1 });
      await reach(page, frame, named("Add a comment (optional)"), "the rating's comment box", { max: 1 });
      await keys.type("Helpful, thanks.");
      await reach(page, frame, named("Send comment"), "Send comment", { max: 1 });
      await keys.press("Enter");
      await stack.waitState((s) => threadRating(s, me.id)?.comment === "Helpful, thanks.", "rating.comment");
      await w.getByText("Thanks for your rating.").waitFor({ timeout: STEP });
      await noViolations(frame, "the rating and its comment box");
      await reach(page, frame, named(/Bad$/), 'the rating\'s "Bad"', { back: true, max: 3 });
      await keys.press("Space");
      await stack.waitState((s) => threadRating(s, me.id)?.score === 0, "rating.score 0");
      await reach(page, frame, named("Remove rating"), "Remove rating", { max: 4 });
      await keys.press("Enter");
      await stack.waitState((s) => { const r = threadRating(s, me.id); return r && r.score === undefined; }, "the rating taken back");
      await notLost(page, frame, "Remove rating");
      await focusIs(page, frame, (f) => /Good$/.test(f.name) || /Bad$/.test(f.name), "the rating's buttons after Remove rating");

      // Escape closes the window and focus goes back to the launcher.
      await keys.press("Escape");
      await w.locator(".lc-window").waitFor({ state: "detached", timeout: 5_000 });
      await focusIs(page, frame, (f) => f.cls.includes("lc-launcher"), "the launcher after Escape");
      assert.deepEqual(v.errors, []);
    }));

  test(`the ticket form by keyboard at ${label} px, axe clean`, { timeout: 90_000 }, () =>
    stack.visit({ viewport, goto: false, shot: `keyboard-ticket-${label}` }, async (v) => {
      const { page } = v;
      const keys = page.keyboard;
      await stack.sandbox.admin("groups", { group_id: 0, status: "offline", ticket: true });
      try {
        await page.goto(stack.sandbox.url("shop"));
        const w = v.widget;
        const frame = await v.frame();
        await w.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: STEP });
        await reach(page, frame, (f) => f.cls.includes("lc-launcher"), "the launcher (team away)");
        await keys.press("Enter");
        const form = w.locator("form.lc-form");
        await form.getByRole("heading", { name: "Leave a message", exact: true }).waitFor({ timeout: STEP });
        await noViolations(frame, "the ticket form");
        await reach(page, frame, named(/^Your name:/), "the ticket form's name field", { max: 10 });
        await keys.type("Grace Hopper");
        for (const [name, text] of [[/^E-mail:/, "grace@example.com"], [/^Subject:/, "Opening hours"], [/^Message:/, "When do you open?"]]) {
          await reach(page, frame, named(name), `the ticket form's ${name.source} field`, { max: 1 });
          await keys.type(text);
        }
        await reach(page, frame, named("Send message"), "Send message", { max: 1 });
        await keys.press("Enter");
        await w.getByText(/We got your message/).waitFor({ timeout: STEP });
        await stack.waitState((s) => s.tickets.some((t) => t.requester?.mail === "grace@example.com"), "the ticket on the sandbox");
        await notLost(page, frame, "Send message");
        await noViolations(frame, "the ticket's confirmation");
        await keys.press("Escape");
        await w.locator(".lc-window").waitFor({ state: "detached", timeout: 5_000 });
        assert.deepEqual(v.errors, []);
      } finally {
        await stack.sandbox.admin("groups", { group_id: 0, status: "online" });
      }
    }));
}
