// LiveChat's official adapters unchanged (issue 16): @livechat/widget-core 1.4.1 from the npm
// registry, bundled for a host page with esbuild and driven as @livechat/widget-react drives it
// (createWidget + init on mount, the update* calls on prop changes, destroy on unmount), loading
// this widget's loader.js where it asks for LiveChat's tracking.js. Also LiveChat's snippet
// verbatim from its docs ("Chat Widget JS API > Getting started"), with and without asyncInit,
// and a single-page app's navigations (update_customer_page, spec "Update Customer Page"; once
// per navigation and never before login: tests/conversation_navigation.rs).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { useStack, DESKTOP } from "../support/fixture.mjs";
import { widgetDist } from "../support/sandbox.mjs";
import { waitFor } from "../support/wait.mjs";

const stack = useStack(["--no-agent"]);
const end2end = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TRACKING = "https://cdn.livechatinc.com/tracking.js";
const IFRAME = "#chat-widget-container > iframe#chat-widget";

// The host app: what widget-react's <LiveChatWidget> does with widget-core, without React.
const APP = `
import { createWidget } from "@livechat/widget-core";
window.__events = [];
const record = (name) => (data) => window.__events.push({ name, data: JSON.parse(JSON.stringify(data ?? null)) });
const handlers = {
  onReady: record("ready"), onAvailabilityChanged: record("availability_changed"),
  onVisibilityChanged: record("visibility_changed"), onCustomerStatusChanged: record("customer_status_changed"),
  onNewEvent: record("new_event"), onFormSubmitted: record("form_submitted"), onRatingSubmitted: record("rating_submitted"),
  onGreetingDisplayed: record("greeting_displayed"), onGreetingHidden: record("greeting_hidden"),
  onRichMessageButtonClicked: record("rich_message_button_clicked"),
};
let widget = null;
window.app = {
  mount(props) { widget = createWidget({ ...props, ...handlers }); widget.init(); },
  unmount() { widget.destroy(); widget = null; },
  hideGreeting: () => widget.hideGreeting(),
  visibility: (v) => widget.updateVisibility(v),
  customer: (d) => widget.updateCustomerData(d),
  sessionVariables: (s) => widget.updateSessionVariables(s),
};`;

// LiveChat's tracking code, verbatim from its docs (the license filled in; the <script> tags'
// content, run once the shop's own settings are in, as a snippet in the page would).
const SNIPPET = (license) => `
  window.__lc = window.__lc || {};
  window.__lc.license = ${license};
  ;(function(n,t,c){function i(n){return e._h?e._h.apply(null,n):e._q.push(n)}var e={_q:[],_h:null,_v:"2.0",on:function(){i(["on",c.call(arguments)])},once:function(){i(["once",c.call(arguments)])},off:function(){i(["off",c.call(arguments)])},get:function(){if(!e._h)throw new Error("[LiveChatWidget] You can't use getters before load.");return i(["get",c.call(arguments)])},call:function(){i(["call",c.call(arguments)])},init:function(){var n=t.createElement("script");n.async=!0,n.type="text/javascript",n.src="https://cdn.livechatinc.com/tracking.js",t.head.appendChild(n)}};!n.__lc.asyncInit&&e.init(),n.LiveChatWidget=n.LiveChatWidget||e}(window,document,[].slice))
`;

let bundle;
before(async () => {
  const out = await build({ stdin: { contents: APP, resolveDir: end2end }, bundle: true, write: false, format: "iife" });
  bundle = out.outputFiles[0].text;
});

/** The sandbox's demo license. */
const license = async () => (await stack.state()).demo_license;

/**
 * Opens the demo shop as a host app: `script(license)` runs as the page's first script (top
 * frame only), the shop's own loader.js tag is refused, and LiveChat's tracking.js is answered
 * with this widget's loader.js. (A page of the test's own through route.fulfill has no address,
 * so Chromium's local network access checks would refuse it the sandbox's widget iframe.) The
 * settings the sandbox needs (where the widget and the RTM host are) come first; the shop's
 * inline snippet later sets the same ones.
 */
async function openSpa(script, run) {
  const port = stack.sandbox.port, lic = await license();
  const init = `(() => { if (window !== window.top) return;
    window.__lc = { widget_url: "http://widget.localhost:${port}/", api_host: "localhost:${port}", accounts_url: "http://accounts.localhost:${port}" };
    ${script(lic)}
  })();`;
  const v = await stack.open({ goto: false, viewport: DESKTOP, init });
  try {
    await v.context.route(stack.sandbox.url("widget", "/loader.js"), (r) => r.abort());
    await v.context.route(TRACKING, (r) => r.fulfill({ contentType: "text/javascript", body: readFileSync(path.join(widgetDist, "loader.js"), "utf8") }));
    await v.page.goto(stack.sandbox.url("shop", "/"));
    return await run(v);
  } finally {
    await v.close();
  }
}

const events = (v, name) => v.page.evaluate((n) => window.__events.filter((e) => !n || e.name === n).map((e) => e.data), name);
const eventLike = (v, name, match = () => true) =>
  waitFor(async () => (await events(v, name)).find(match), 15_000, `the ${name} event`);
const count = (v, selector) => v.page.locator(selector).count();
/** The sandbox's open connections of customer `id`. */
const connections = async (id) => (await stack.state()).connections.filter((c) => c.customer_id === id).length;
/** Listeners the loader left on window: counted by wrapping addEventListener before any script runs. */
const TRACK_LISTENERS = `(() => {
  const live = new Map();
  const add = EventTarget.prototype.addEventListener, remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (t, f, o) { if (this === window) live.set(f, t); return add.call(this, t, f, o); };
  EventTarget.prototype.removeEventListener = function (t, f, o) { if (this === window) live.delete(f); return remove.call(this, t, f, o); };
  window.__listeners = () => [...live.values()];
})();`;

test("widget-core mounts with name, e-mail and session variables; every handler; hideGreeting; visibility", { timeout: 90_000 }, () =>
  openSpa(() => bundle, async (v) => {
    const lic = await license();
    await v.page.evaluate((lic) => window.app.mount({ license: String(lic), group: "0", customerName: "Ada Lovelace",
      customerEmail: "ada@example.com", sessionVariables: { plan: "pro" }, visibility: "minimized" }), lic);
    const ready = await eventLike(v, "ready");
    const id = ready.customerData.id;
    assert.equal(await count(v, IFRAME), 1, "LiveChat's ids: iframe#chat-widget in #chat-widget-container");
    await waitFor(async () => {
      const c = (await stack.state()).customers.find((x) => x.id === id);
      return c && c.name === "Ada Lovelace" && c.email === "ada@example.com" && JSON.stringify(c.session_fields).includes("pro");
    }, 15_000, "the customer's name, e-mail and session variables on the sandbox");
    // Visibility changes, as the visibility prop does.
    await v.page.evaluate(() => window.app.visibility("maximized"));
    await eventLike(v, "visibility_changed", (d) => d.visibility === "maximized");
    await v.page.evaluate(() => window.app.visibility("hidden"));
    await eventLike(v, "visibility_changed", (d) => d.visibility === "hidden");
    await v.page.evaluate(() => window.app.visibility("minimized"));
    await eventLike(v, "visibility_changed", (d) => d.visibility === "minimized");
    // A greeting, then hideGreeting: greeting_displayed, new_event naming it, greeting_hidden.
    await stack.sandbox.admin("greeting", { customer_id: id, text: "Need a hand?" });
    const shown = await eventLike(v, "greeting_displayed");
    assert.deepEqual((await eventLike(v, "new_event", (e) => e.greeting)).greeting, shown);
    await v.page.evaluate(() => window.app.hideGreeting());
    assert.deepEqual(await eventLike(v, "greeting_hidden"), shown);
    // rating_submitted's plumbing: the widget's lc:event reaches onRatingSubmitted with the bare value.
    const frame = await v.frame();
    await frame.evaluate((origin) => parent.postMessage({ type: "lc:event", name: "rating_submitted", data: "good" }, origin),
      stack.sandbox.url("shop", "/").slice(0, -1));
    assert.equal(await eventLike(v, "rating_submitted"), "good");
    await v.page.evaluate(() => window.app.customer({ name: "Ada King" }));
    await v.page.evaluate(() => window.app.sessionVariables({ cart: "3" }));
    await waitFor(async () => {
      const c = (await stack.state()).customers.find((x) => x.id === id);
      return c && c.name === "Ada King" && JSON.stringify(c.session_fields).includes("cart");
    }, 15_000, "updateCustomerData and updateSessionVariables on the sandbox");
    assert.ok((await events(v, "availability_changed")).length + (await events(v, "customer_status_changed")).length >= 1,
      "status and availability handlers are called");
    assert.deepEqual(v.warnings(/LiveChat/), [], "widget-core's calls cause no warning");
    assert.deepEqual(v.errors, []);
  }));

test("unmount leaves nothing (no iframe, script, socket or listener); remount with another group starts anew", { timeout: 90_000 }, () =>
  openSpa(() => TRACK_LISTENERS + bundle, async (v) => {
    const lic = await license();
    const baseline = await v.page.evaluate(() => window.__listeners().length);
    for (const [round, group] of [[1, "0"], [2, "1"], [3, "0"]]) {
      await v.page.evaluate(([lic, group]) => window.app.mount({ license: String(lic), group }), [lic, group]);
      await waitFor(async () => (await events(v, "ready")).length >= round, 20_000, `ready of mount ${round}`);
      const id = (await events(v, "ready"))[round - 1].customerData.id;
      assert.equal(await count(v, "iframe"), 1, `mount ${round}: exactly one iframe`);
      const c = await waitFor(async () => (await stack.state()).customers.find((x) => x.id === id && x.connections > 0), 15_000, "the login");
      assert.equal(String(c.group_id), group, `mount ${round} logs in to group ${group}`);
      assert.equal(await connections(id), 1, `mount ${round}: one socket`);
      await v.page.evaluate(() => window.app.unmount());
      await waitFor(async () => (await count(v, "iframe")) === 0, 5_000, "no iframe after unmount");
      assert.equal(await count(v, `script[src="${TRACKING}"]`), 0, "no script tag after unmount");
      await waitFor(async () => (await connections(id)) === 0, 10_000, "the socket closed after unmount");
      assert.deepEqual(await v.page.evaluate(() => window.__listeners()), [], `no listener left after unmount ${round}`);
      assert.equal(baseline, 0);
    }
    assert.deepEqual(v.warnings(/LiveChat/), []);
    assert.deepEqual(v.errors, []);
  }));

test("LiveChat's snippet verbatim: the widget starts and takes the stub over; scriptTagVersion", () =>
  openSpa((lic) => `document.addEventListener("DOMContentLoaded", () => { ${SNIPPET(lic)} });`, async (v) => {
    await v.page.locator(IFRAME).waitFor({ state: "attached", timeout: 15_000 });
    assert.equal(await v.page.evaluate(() => typeof window.LiveChatWidget._h), "function", "the loader took the stub over");
    assert.equal(await v.page.evaluate(() => window.LiveChatWidget.scriptTagVersion()), "2.0");
    await waitFor(() => v.page.evaluate(() => window.LiveChatWidget.get("customer_data").id), 20_000, "the customer logged in");
    assert.equal(await count(v, "iframe"), 1);
    assert.deepEqual(v.warnings(/LiveChat/), []);
  }));

test("LiveChat's snippet with asyncInit: nothing until init(), then the widget starts at once", () =>
  // Group 3 has no prechat form: the composer is on screen for the draft (once it is online).
  openSpa((lic) => `document.addEventListener("DOMContentLoaded", () => {
    window.__lc.asyncInit = true; window.__lc.group = 3; ${SNIPPET(lic)} });`, async (v) => {
    // Group 3 is the night shift, offline: with nobody online its window is the ticket form
    // (issue 17), so it comes online here for the composer to show.
    await stack.sandbox.admin("groups", { group_id: 3, status: "online" });
    await v.page.waitForTimeout(1_500);
    assert.equal(await count(v, "iframe"), 0, "no iframe before init()");
    assert.equal(await count(v, `script[src="${TRACKING}"]`), 0, "the snippet injected nothing");
    await v.page.evaluate(() => {
      window.__events = [];
      window.LiveChatWidget.on("ready", (d) => window.__events.push({ name: "ready", data: d }));
      window.LiveChatWidget.init();
    });
    await eventLike(v, "ready");
    assert.equal(await count(v, IFRAME), 1);
    // A ready listener added after ready is called at once (LiveChat's "On ready").
    const late = await v.page.evaluate(() => new Promise((resolve) => window.LiveChatWidget.on("ready", resolve)));
    assert.deepEqual(Object.keys(late).sort(), ["customerData", "state"]);
    // maximize with a messageDraft fills the composer.
    await v.page.evaluate(() => window.LiveChatWidget.call("maximize", { messageDraft: "I need help!" }));
    const frame = await v.frame();
    await waitFor(async () => (await frame.locator("#lc-composer-input").inputValue().catch(() => "")) === "I need help!", 15_000,
      "the message draft in the composer");
    assert.deepEqual(v.warnings(/LiveChat/), []);
  }));

test("a single-page app's navigations reach the sandbox as update_customer_page, once each", { timeout: 60_000 }, () =>
  openSpa(() => bundle, async (v) => {
    const lic = await license();
    await v.page.evaluate((lic) => window.app.mount({ license: String(lic) }), lic);
    const id = (await eventLike(v, "ready")).customerData.id;
    const page = async () => (await stack.state()).customers.find((x) => x.id === id)?.page;
    await v.page.evaluate(() => { history.pushState({}, "", "/spa/cart"); document.title = "Cart"; });
    await waitFor(async () => (await page())?.url?.endsWith("/spa/cart") && (await page()).title === "Cart", 10_000, "pushState's page");
    await v.page.evaluate(() => { location.hash = "#reviews"; });
    await waitFor(async () => (await page())?.url?.endsWith("/spa/cart#reviews"), 10_000, "hashchange's page");
    await v.page.evaluate(() => history.back());
    await waitFor(async () => (await page())?.url?.endsWith("/spa/cart"), 10_000, "popstate's page");
  }));
