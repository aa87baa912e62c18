// axe-core inside the widget's frame: the violations of its document, summarised.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Runs axe in `frame` (the widget's document); returns its violations, summarised. */
export async function audit(frame) {
  // evaluate() is not subject to the widget page's CSP (a <script> tag would be).
  if (!(await frame.evaluate(() => typeof window.axe === "object"))) await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    // Every rule but one: page-has-heading-one is about whole pages. The widget's frame
    // is a part of the host's page, whose h1 it is; a second h1 inside the frame would
    // be wrong in the host's heading outline.
    const r = await window.axe.run(document, { resultTypes: ["violations"], rules: { "page-has-heading-one": { enabled: false } } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`),
    }));
  });
}
