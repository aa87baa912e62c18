// The host page's side of the JS API in a test: LiveChat's snippet stub as an init script,
// listeners that record every event the widget sends the host page (`window.__events`),
// and waiting for one of them. Used by the JS API test and the journey.
import { waitFor } from "./wait.mjs";

/** Every event of the JS API ("Chat Widget JS API > Events"). */
export const EVENTS = ["ready", "availability_changed", "visibility_changed", "customer_status_changed", "new_event",
  "form_submitted", "rating_submitted", "greeting_displayed", "greeting_hidden", "rich_message_button_clicked"];

/**
 * Init script for the host page (top frame only): LiveChat's snippet stub (calls go to
 * `_h` once the loader set it, else into `_q`), then whatever `setup` queues with it
 * before the loader runs. `setup` is the source of a function body with `api` in scope.
 * Every listener `record(name)` makes pushes `{ name, data }` to window.__events.
 */
export function stubScript({ setup = "", asyncInit = false } = {}) {
  return `(() => {
    if (window !== window.top) return;
    window.__events = [];
    const record = (name) => (data) => window.__events.push({ name, data: JSON.parse(JSON.stringify(data ?? null)) });
    const slice = Array.prototype.slice;
    const api = { _q: [], _h: null, _v: "2.0",
      on() { return i(["on", slice.call(arguments)]); },
      once() { return i(["once", slice.call(arguments)]); },
      off() { return i(["off", slice.call(arguments)]); },
      get() {
        if (!api._h) throw new Error("[LiveChatWidget] You can't use getters before load.");
        return i(["get", slice.call(arguments)]);
      },
      call() { return i(["call", slice.call(arguments)]); },
      init() { return i(["init", slice.call(arguments)]); },
    };
    function i(n) { return api._h ? api._h.apply(null, n) : api._q.push(n); }
    window.LiveChatWidget = window.LiveChatWidget || api;
    window.__record = record;
    ${asyncInit ? `
    // The shop's inline snippet assigns window.__lc: add asyncInit to what it sets.
    let lc;
    Object.defineProperty(window, "__lc", { configurable: true, get: () => lc,
      set: (v) => { lc = v && typeof v === "object" ? Object.assign(v, { asyncInit: true }) : v; } });` : ""}
    ${setup}
  })();`;
}

/** Queues a recording listener for every event (the setup most tests use). */
export const LISTEN_ALL = `for (const name of ${JSON.stringify(EVENTS)}) api.on(name, record(name));`;

/** The events recorded so far, optionally only those named `name`. */
export const events = (page, name) => page.evaluate((name) => window.__events.filter((e) => !name || e.name === name), name);

/** Waits for an event named `name` whose data satisfies `match`; returns its data. */
export async function eventLike(page, name, match = () => true, what = name) {
  try {
    return await waitFor(async () => (await events(page, name)).map((e) => e.data).find(match), 15_000, `the ${what} event`);
  } catch (e) {
    const seen = await events(page).catch(() => []);
    throw new Error(`${e.message}; events so far: ${JSON.stringify(seen.map((x) => [x.name, x.data]))}`);
  }
}
