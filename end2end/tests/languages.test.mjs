// Languages (issue 16): the widget speaks __lc.language, else the host page's <html lang>
// (the loader passes it as html_lang), else the browser's language; a right-to-left
// language renders with dir="rtl", mirrored inside, the iframe still at the page's right,
// and axe finds nothing to fault in it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { useStack, DESKTOP } from "../support/fixture.mjs";
import { waitFor } from "../support/wait.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const stack = useStack(["--no-agent"]);

/** Serves the demo shop with `<html lang>` set to `lang` (none when null) and `extra` added to window.__lc. */
async function shopAs(page, lang, extra = "") {
  const shop = stack.sandbox.url("shop", "/");
  await page.route((url) => url.href === shop, async (route) => {
    const response = await route.fetch();
    let body = (await response.text()).replace('<html lang="en">', lang ? `<html lang="${lang}">` : "<html>");
    body = body.replace('region: "dal",', `region: "dal",${extra}`);
    await route.fulfill({ response, body });
  });
  await page.goto(shop);
}

/** The mounted widget's root (`main`) and launcher, once the wasm replaced the boot launcher. */
async function mounted(v) {
  await v.widget.locator(".lc-launcher:not(#lc-boot)").waitFor({ timeout: 20_000 });
  await waitFor(async () => (await v.widget.locator("#lc-boot").count()) === 0, 20_000, "the widget to mount");
  const main = v.widget.locator("main.lc-widget");
  return { main, launcher: v.widget.locator(".lc-launcher"), lang: await main.getAttribute("lang"), dir: await main.getAttribute("dir") };
}

/** axe's violations in the widget's frame. */
async function audit(frame) {
  if (!(await frame.evaluate(() => typeof window.axe === "object"))) await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"], rules: { "page-has-heading-one": { enabled: false } } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

test("a host page in Arabic gets the widget right to left, at the page's right, with no axe violations", { timeout: 60_000 }, () =>
  stack.visit({ goto: false, viewport: DESKTOP, context: { locale: "de-DE" }, shot: "rtl" }, async (v) => {
    await shopAs(v.page, "ar");
    const frame = await v.frame();
    assert.match(frame.url(), /[?&]html_lang=ar(&|$)/, "the loader passes <html lang>");
    const w = await mounted(v);
    assert.deepEqual([w.lang, w.dir], ["ar", "rtl"], "the host's language wins over the browser's German");
    assert.match(await w.launcher.getAttribute("aria-label"), /^فتح الدردشة/);
    const iframe = await v.page.locator('iframe[title="Chat widget"]').boundingBox();
    const pageWidth = await v.page.evaluate(() => document.documentElement.clientWidth);
    assert.equal(Math.round(iframe.x + iframe.width), pageWidth, "the iframe stays at the page's right");
    assert.deepEqual(await audit(frame), [], "minimised");

    await w.launcher.click();
    await v.widget.locator(".lc-window").waitFor({ timeout: 20_000 });
    await v.widget.locator("form.lc-form, .lc-composer").first().waitFor({ timeout: 20_000 });
    const header = await v.widget.locator(".lc-header-who").boundingBox();
    const actions = await v.widget.locator(".lc-header-actions").boundingBox();
    assert.ok(header.x > actions.x, "the header's title is on the right");
    assert.deepEqual(await audit(frame), [], "open");
    assert.deepEqual(v.errors, []);
  }));

test("without <html lang> the browser's language is used; __lc.language comes before both", { timeout: 60_000 }, async () => {
  await stack.visit({ goto: false, context: { locale: "de-DE" }, shot: "browser-language" }, async (v) => {
    await shopAs(v.page, null);
    const w = await mounted(v);
    assert.deepEqual([w.lang, w.dir], ["de", "ltr"]);
    assert.match(await w.launcher.getAttribute("aria-label"), /^Chat öffnen/);
  });
  await stack.visit({ goto: false, context: { locale: "de-DE" }, shot: "configured-language" }, async (v) => {
    await shopAs(v.page, "ar", ' language: "pt-BR",');
    const w = await mounted(v);
    assert.deepEqual([w.lang, w.dir], ["pt", "ltr"]);
    assert.match(await w.launcher.getAttribute("aria-label"), /^Abrir o chat/);
  });
});
