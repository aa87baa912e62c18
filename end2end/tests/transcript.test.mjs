// Issue 17 item 5 end to end: the visitor downloads the conversation from the
// window's header (by keyboard) as an HTML file built in the browser; hostile agent
// text in it is inert, and nothing is sent to any server for it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { useStack } from "../support/fixture.mjs";
import { startChat } from "../support/widget.mjs";
import { audit } from "../support/axe.mjs";

const stack = useStack(["--fast"]);

test("the transcript downloads with authors, times and the agent's text escaped", () =>
  stack.visit({ shot: "transcript" }, async ({ page, widget: w, customer, frame }) => {
    await startChat(w, "Keep a copy, please");
    const me = await customer();
    const chatId = (await stack.state()).chats.find((c) => c.customer_id === me.id).id;
    const hostile = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2">`;
    await stack.sandbox.admin("chats/message", { chat_id: chatId, text: hostile });
    await w.getByRole("log").getByText("window.pwned=1", { exact: false }).waitFor({ timeout: 15_000 });

    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    const button = w.getByRole("button", { name: "Download the transcript" });
    await button.focus();
    const [download] = await Promise.all([page.waitForEvent("download"), button.press("Enter")]);
    assert.equal(download.suggestedFilename(), "chat-transcript.html");
    assert.match(download.url(), /^blob:/, "built in the browser, not fetched");
    const html = await readFile(await download.path(), "utf8");
    assert.match(html, /<title>Chat transcript<\/title>/);
    assert.match(html, /<span class="who">You<\/span><time datetime="[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/time><p>Keep a copy, please<\/p>/);
    assert.ok(html.includes("&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;window.pwned=2&quot;&gt;"), html);
    const body = html.slice(html.indexOf("<ol>"));
    assert.ok(!/<script|<img/i.test(body), "no markup from the agent survives");
    assert.deepEqual(requests.filter((u) => !u.startsWith("blob:")), [], "nothing is sent for the download");

    // Opened, the file runs nothing.
    const saved = path.join(mkdtempSync(path.join(tmpdir(), "lc-transcript-")), "chat-transcript.html");
    await download.saveAs(saved);
    const viewer = await page.context().newPage();
    await viewer.goto(pathToFileURL(saved).href);
    assert.equal(await viewer.title(), "Chat transcript");
    assert.equal(await viewer.evaluate(() => window.pwned), undefined);
    await viewer.close();

    const violations = await audit(await frame());
    assert.deepEqual(violations, [], `axe finds nothing with the transcript button: ${JSON.stringify(violations, null, 2)}`);
  }));
