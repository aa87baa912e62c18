// Issue 4: a host-supplied custom_identity_provider replaces the cookie grant.
// The widget asks the host page for tokens through the loader (postMessage).
import { test } from "node:test";
import assert from "node:assert/strict";
import { useStack } from "../support/fixture.mjs";

const stack = useStack(["--no-agent"]);

test("the widget logs in with the token the host's custom_identity_provider gives", () =>
  stack.visit({ path: "/custom-identity.html" }, async ({ page, widget }) => {
    await widget.locator(".lc-launcher").waitFor({ timeout: 20_000 });
    await stack.waitState((s) => s.connections.length === 1, "a logged-in connection");
    const calls = await page.evaluate(() => window.__lcProviderCalls);
    assert.ok(calls.getToken >= 1, `getToken was called (${JSON.stringify(calls)})`);
  }));
