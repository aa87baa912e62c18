// Accessibility: axe-core finds no violations inside the widget's frame in any of its
// main states (minimised, greeting, prechat form, queue, chatting with a card, rich
// content, chat ended with the postchat form, thanks), on a 375 px phone and on a
// 1280 px desktop. A screenshot of each state goes to test-results/screenshots/
// (the same walk end2end/screenshots.mjs takes for the README).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { audit } from "../support/axe.mjs";
import { useStack, resultsDir, PHONE, DESKTOP } from "../support/fixture.mjs";
import { STATES, walkStates } from "../support/states.mjs";

const shots = path.join(resultsDir, "screenshots");
mkdirSync(shots, { recursive: true });

// No scripted agent: the walk drives the agent's side, so each state holds still.
const stack = useStack(["--no-agent"]);

for (const [label, viewport] of [["375", PHONE], ["1280", DESKTOP]]) {
  test(`no axe violations in the widget's main states at ${label} px (screenshots of each)`, { timeout: 120_000 }, () =>
    stack.visit({ viewport, goto: false, shot: `a11y-${label}` }, async (v) => {
      for (const f of readdirSync(shots)) if (f.startsWith(`${label}-`)) rmSync(path.join(shots, f));
      await v.page.goto(stack.sandbox.url("shop"));
      const frame = await v.frame();
      const found = {};
      const visited = [];
      await walkStates({ sandbox: stack.sandbox, page: v.page, widget: v.widget, known: v.known }, async (state) => {
        visited.push(state);
        const n = String(STATES.indexOf(state) + 1).padStart(2, "0");
        await v.page.screenshot({ path: path.join(shots, `${label}-${n}-${state}.png`) });
        const violations = await audit(frame);
        if (violations.length) found[state] = violations;
      });
      assert.deepEqual(visited, STATES, "every state was visited");
      assert.deepEqual(found, {}, `axe violations by state:\n${JSON.stringify(found, null, 2)}`);
      assert.deepEqual(v.errors, [], "no errors on the host page");
    }));
}
