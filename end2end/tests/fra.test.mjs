// Regions: a page whose license lives in fra (region "fra" in the snippet) talks to the
// fra data centre (api-fra) only, and a connection that lands in the wrong data centre
// (customer_disconnected misdirected_connection, with the region in its data) moves
// there and the chat goes on.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";
import { startChat } from "../support/widget.mjs";
import { waitFor } from "../support/wait.mjs";

// 2000 is the sandbox's default fra license; named here so the test does not depend on it.
const FRA_LICENSE = 2000;
const stack = useStack(["--fast", "--fra-license", String(FRA_LICENSE)]);

const host = (url) => new URL(url).host.split(":")[0];
const rtm = (sockets) => sockets.filter((u) => u.includes("/customer/rtm/ws"));
const chatOf = (s, id) => s.chats.find((c) => c.customer_id === id);

test("a fra license page connects to api-fra (and never to dal) and chats there", () =>
  stack.visit({ path: "/fra.html", goto: false, shot: "fra-page" }, async ({ page, widget: w, sockets, errors, customer }) => {
    const tokens = [];
    page.on("response", async (r) => {
      if (r.url().startsWith(stack.sandbox.url("accounts")) && r.request().method() === "POST") {
        tokens.push(await r.json().then((t) => t.access_token, () => null));
      }
    });
    await page.goto(stack.sandbox.url("shop", "/fra.html"));
    const me = await customer();
    assert.equal(me.license_id, FRA_LICENSE, "the page's license is the fra license");
    const s = await stack.state();
    const conns = s.connections.filter((c) => c.customer_id === me.id);
    assert.deepEqual(conns.map((c) => c.region), ["fra"], "the customer's connection is in fra");
    const { log } = await startChat(w, "Hello from Frankfurt");
    await log.getByText(/How can I help you today\?/).waitFor({ timeout: 20_000 });
    await log.getByRole("button", { name: "Returns" }).waitFor({ timeout: 20_000 });
    assert.ok(JSON.stringify(chatOf(await stack.state(), me.id)).includes("Hello from Frankfurt"), "the message reached fra");
    const hosts = rtm(sockets).map(host);
    assert.ok(hosts.length >= 1, "a WebSocket was opened");
    assert.deepEqual([...new Set(hosts)], ["api-fra.localhost"], `every RTM socket goes to api-fra: ${rtm(sockets).join(", ")}`);
    assert.match(rtm(sockets)[0], new RegExp(`license_id=${FRA_LICENSE}\\b`));
    assert.ok(tokens.length >= 1 && tokens.every((t) => /^fra:/.test(t)), `fra tokens from accounts: ${tokens}`);
    assert.deepEqual(errors, []);
  }));

test("a dal connection told misdirected_connection moves to fra and the chat goes on", () =>
  stack.visit({ shot: "fra-misdirected" }, async ({ widget: w, sockets, errors, customer }) => {
    const license = (await stack.state()).demo_license;
    const me = await customer();
    try {
      const { composer, log } = await startChat(w, "Hello from Dallas");
      await stack.waitState((s) => s.connections.some((c) => c.customer_id === me.id && c.region === "dal"), "a dal connection");
      assert.ok(rtm(sockets).every((u) => host(u) === "api.localhost"), `dal sockets so far: ${rtm(sockets).join(", ")}`);

      // The license moves to fra; the dal connection is told so.
      await stack.sandbox.admin("licenses", { license_id: license, region: "fra" });
      await stack.sandbox.admin("faults/disconnect", { customer_id: me.id, reason: "misdirected_connection", data: { region: "fra" } });
      await stack.waitState((s) => s.connections.some((c) => c.customer_id === me.id && c.region === "fra" && c.status === "logged_in"),
        "a logged-in fra connection");
      assert.equal(host(rtm(sockets).at(-1)), "api-fra.localhost", `the new socket goes to api-fra: ${rtm(sockets).join(", ")}`);

      // The same chat goes on in fra: a message and the agent's answer.
      const agentRows = log.locator(".lc-row-agent");
      const before = await agentRows.count();
      await composer.fill("Still here after the move?");
      await composer.press("Enter");
      await stack.waitState((s) => JSON.stringify(chatOf(s, me.id) ?? "").includes("Still here after the move?"),
        "the message after the move on the sandbox");
      const s = await stack.state();
      assert.equal(s.chats.filter((c) => c.customer_id === me.id).length, 1, "still the same chat");
      await waitFor(async () => (await agentRows.count()) > before, 20_000, "the agent's answer in the widget");
      assert.deepEqual(errors, []);
    } finally {
      await stack.sandbox.admin("licenses", { license_id: license, region: "dal" });
    }
  }));

test("a page that names dal for a fra license is sent to fra at the first connection", () =>
  stack.visit({ goto: false, shot: "fra-first" }, async ({ page, widget: w, sockets, customer }) => {
    const license = (await stack.state()).demo_license;
    await stack.sandbox.admin("licenses", { license_id: license, region: "fra" });
    try {
      await page.goto(stack.sandbox.url("shop"));
      const me = await customer();
      await stack.waitState((s) => s.connections.some((c) => c.customer_id === me.id && c.region === "fra"), "a fra connection");
      const hosts = rtm(sockets).map(host);
      assert.equal(hosts[0], "api.localhost", "the snippet's region (dal) first");
      assert.equal(hosts.at(-1), "api-fra.localhost", "then fra");
      const { log } = await startChat(w, "Which region am I in?");
      await log.getByText("Which region am I in?").waitFor();
    } finally {
      await stack.sandbox.admin("licenses", { license_id: license, region: "dal" });
    }
  }));
