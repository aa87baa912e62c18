// Files from the visitor (issue 17 item 1): an image and a PDF each through the attach
// button (by keyboard), dropped onto the window and pasted into the composer; each is
// uploaded with `upload_file` to the sandbox, sent once as a `file` event pointing at the
// sandbox's cdn, shown in the log (the image as a thumbnail, the PDF as a link with its
// size) and seen by the agent's side; a file over 10 MB is refused with a clear error and
// never uploaded; axe finds nothing in the window with files and an error in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { audit } from "../support/axe.mjs";
import { useStack, PHONE } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";
import { fillPrechat } from "../support/widget.mjs";
import { PNG, PDF, fileEvents } from "../support/files.mjs";

const stack = useStack(["--no-agent"]);

/** In the widget's frame: a DataTransfer holding the files [{ name, type, b64 }]. */
const transfer = (frame, files) =>
  frame.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, files);

const files = (prefix) => [
  { name: `${prefix}.png`, type: "image/png", b64: PNG.toString("base64") },
  { name: `${prefix}.pdf`, type: "application/pdf", b64: PDF.toString("base64") },
];

/** The customer's file events on the sandbox. */
const customerFiles = async (me) => fileEvents(await stack.state(), me.id);

async function openChat(v) {
  const w = v.widget;
  await w.locator(".lc-launcher:not(#lc-boot)").click({ timeout: 20_000 });
  await fillPrechat(w);
  await w.getByRole("textbox", { name: "Write a message" }).waitFor();
  return { w, me: await v.customer(), frame: await v.frame() };
}

test("an image and a PDF by the attach button, by drop and by paste reach the agent once each", { timeout: 120_000 }, () =>
  stack.visit({ shot: "files-three-ways" }, async (v) => {
    const { w, me, frame } = await openChat(v);
    const log = w.getByRole("log");

    // The attach button, by keyboard: one Shift+Tab back from the composer, then Enter.
    await w.getByRole("textbox", { name: "Write a message" }).focus();
    await v.page.keyboard.press("Shift+Tab");
    assert.equal(await frame.evaluate(() => document.activeElement?.getAttribute("aria-label")), "Attach a file");
    const chooser = v.page.waitForEvent("filechooser");
    // Enter on the focused button (the locator keeps the focus on it while the page settles).
    await w.getByRole("button", { name: "Attach a file" }).press("Enter");
    await (await chooser).setFiles([
      { name: "picked.png", mimeType: "image/png", buffer: PNG },
      { name: "picked.pdf", mimeType: "application/pdf", buffer: PDF },
    ]);
    await log.getByRole("img", { name: "picked.png" }).waitFor({ timeout: 20_000 });
    await log.getByRole("link", { name: /^Download picked\.pdf, 3 KB/ }).waitFor({ timeout: 20_000 });

    // Dropped onto the window.
    const dropped = await transfer(frame, files("dropped"));
    await frame.dispatchEvent(".lc-window", "dragover", { dataTransfer: dropped });
    assert.equal(await w.locator(".lc-drop-overlay").isVisible(), true, "the drop overlay shows while files are over the window");
    await frame.dispatchEvent(".lc-window", "drop", { dataTransfer: dropped });
    await log.getByRole("img", { name: "dropped.png" }).waitFor({ timeout: 20_000 });
    await log.getByRole("link", { name: /^Download dropped\.pdf/ }).waitFor({ timeout: 20_000 });
    assert.equal(await w.locator(".lc-drop-overlay").isVisible(), false);

    // Pasted into the composer.
    await frame.evaluate((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
      document.querySelector(".lc-composer-input").dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, files("pasted"));
    await log.getByRole("img", { name: "pasted.png" }).waitFor({ timeout: 20_000 });
    await log.getByRole("link", { name: /^Download pasted\.pdf/ }).waitFor({ timeout: 20_000 });

    // The agent's side has each file once, in order, on the sandbox's cdn.
    const names = ["picked.png", "picked.pdf", "dropped.png", "dropped.pdf", "pasted.png", "pasted.pdf"];
    const events = await waitFor(async () => {
      const evs = await customerFiles(me);
      return evs.length >= names.length && evs;
    }, 20_000, "six file events on the sandbox");
    assert.deepEqual(events.map((e) => e.name), names);
    const cdn = stack.sandbox.url("cdn", "/uploads/");
    for (const e of events) assert.ok(e.url.startsWith(cdn), `${e.url} is on the sandbox's cdn`);
    const uploads = (await stack.state()).uploads.filter((u) => u.customer_id === me.id);
    assert.equal(uploads.length, names.length, "each file uploaded once");
    // Shown once each: nothing left in the tray, one row per file in the log.
    assert.equal(await w.locator(".lc-upload").count(), 0);
    assert.equal(await log.locator(".lc-image-link, .lc-file").count(), names.length);
    await waitFor(() => frame.evaluate(() => [...document.images].every((i) => i.complete && i.naturalWidth > 0)), 10_000,
      "the thumbnails to load from the cdn (the CSP allows it)");

    const violations = await audit(frame);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.deepEqual(v.errors, []);
  }));

test("a file over 10 MB is refused with a clear error and never uploaded", { timeout: 90_000 }, () =>
  stack.visit({ viewport: PHONE, shot: "files-too-large" }, async (v) => {
    const { w, me, frame } = await openChat(v);
    await frame.setInputFiles(".lc-attach-input", {
      name: "huge.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20),
    });
    const row = w.locator(".lc-upload", { hasText: "huge.pdf" });
    await row.getByRole("alert").getByText("This file is larger than 10 MB, the most you can send.").waitFor({ timeout: 20_000 });
    assert.equal(await row.getByRole("button", { name: "Retry" }).count(), 0, "no retry for a file that cannot pass");
    const violations = await audit(frame);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

    await row.getByRole("button", { name: "Remove: huge.pdf" }).click();
    await waitFor(async () => (await w.locator(".lc-upload").count()) === 0, 5_000, "the row to go");
    assert.equal((await stack.state()).uploads.filter((u) => u.customer_id === me.id).length, 0, "nothing was uploaded");
    assert.deepEqual(await customerFiles(me), [], "no file event");
    assert.deepEqual(v.errors, []);
  }));
