// Driving the widget with the keyboard only and asking where focus is: the journey and
// the keyboard test press keys with page.keyboard and use these to wait and to assert.
import { waitFor } from "./wait.mjs";

/**
 * What has keyboard focus inside the widget, or null when focus is not in its
 * iframe: tag, type, id, class, accessible name (aria-label, else its label,
 * else its text, else its title), checked, pressed, value, href, target, rel.
 */
export async function focused(page, frame) {
  const hostTag = await page.evaluate(() => document.activeElement?.tagName);
  if (hostTag !== "IFRAME") return null;
  return frame.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: "BODY", name: "" };
    const squash = (s) => (s || "").replace(/\s+/g, " ").trim();
    const label = el.labels && el.labels.length ? el.labels[0].textContent : null;
    return {
      tag: el.tagName,
      type: el.getAttribute("type") || "",
      id: el.id,
      cls: el.className && typeof el.className === "string" ? el.className : "",
      name: squash(el.getAttribute("aria-label") || label || el.textContent || el.getAttribute("title")),
      checked: !!el.checked,
      pressed: el.getAttribute("aria-pressed"),
      value: el.value ?? null,
      href: el.getAttribute("href"),
      target: el.getAttribute("target"),
      rel: el.getAttribute("rel"),
    };
  });
}

/** One line about a `focused` answer, for failure messages. */
export const describe = (f) => (f ? `${f.tag}#${f.id}.${f.cls} "${f.name}"` : "(focus outside the widget)");

/** A `focused` matcher: the accessible name is `name` (a string, or a RegExp to match). */
export const named = (name) => (f) => (name instanceof RegExp ? name.test(f.name) : f.name === name);

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `want`, at most
 * `max` times. Returns the focused element.
 */
export async function tabTo(page, frame, want, { back = false, max = 60, what = "element" } = {}) {
  const seen = [];
  for (let i = 0; i <= max; i++) {
    const f = await focused(page, frame);
    if (f && want(f)) return f;
    seen.push(describe(f));
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach ${what} with ${back ? "Shift+Tab" : "Tab"}; went through:\n  ${seen.join("\n  ")}`);
}

/** Waits until focus is on an element matching `want`. */
export async function focusIs(page, frame, want, what, ms = 5_000) {
  let last;
  try {
    return await waitFor(async () => {
      last = await focused(page, frame);
      return last && want(last) ? last : null;
    }, ms, what);
  } catch {
    throw new Error(`focus should be on ${what}, is on ${describe(last)}`);
  }
}

/**
 * The focused element's focus indicator: its outline and box-shadow while it has
 * keyboard focus and while it has not (blurred for a moment, then focused again the
 * way the keyboard left it, with `focusVisible`). Returns { visible, focusVisible,
 * focused, plain } where `visible` says the focused look has an outline of 2 px or more
 * (Chromium's default 1 px "auto" ring does not count) or a shadow, unlike the plain one,
 * and `focusVisible` that :focus-visible matched.
 */
export function focusRing(frame) {
  return frame.evaluate(() => {
    const el = document.activeElement;
    const look = () => {
      const s = getComputedStyle(el);
      return { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, outlineWidth: parseFloat(s.outlineWidth) || 0,
        outlineStyle: s.outlineStyle, boxShadow: s.boxShadow };
    };
    const focusVisible = el.matches(":focus-visible");
    const focused = look();
    el.blur();
    const plain = look();
    el.focus({ focusVisible: true, preventScroll: true });
    const back = document.activeElement === el;
    const ring = (l) => (l.outlineStyle !== "none" && l.outlineWidth >= 2) || l.boxShadow !== "none";
    const differs = focused.outline !== plain.outline || focused.boxShadow !== plain.boxShadow;
    return { visible: ring(focused) && differs && back, focusVisible, focused, plain };
  });
}

/**
 * Presses `key` (Enter or Space) on the focused control and answers the file chooser
 * it opens with `files` (Playwright's setFiles shapes). Playwright intercepts choosers
 * only once a listener exists, so the wait starts first and a round trip to the page
 * and to the widget's frame lets that reach the browser before the key goes down.
 */
export async function chooseFiles(page, frame, key, files) {
  const chooser = page.waitForEvent("filechooser", { timeout: 10_000 });
  chooser.catch(() => {});
  await page.evaluate(() => 0);
  await frame.evaluate(() => 0);
  await page.keyboard.press(key);
  await (await chooser).setFiles(files);
}
