// Starts the sandbox on a free loopback port for one test file and stops it after.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { waitFor } from "./wait.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The sandbox binary built by the test command (debug build, as `cargo test` leaves it). */
export function sandboxBinary() {
  const target = process.env.CARGO_TARGET_DIR || path.join(root, "target");
  for (const profile of ["debug", "release"]) {
    const bin = path.join(target, profile, "livechat-sandbox");
    if (existsSync(bin)) return bin;
  }
  throw new Error("livechat-sandbox is not built: run `cargo build -p livechat-sandbox`");
}

/** The widget's trunk build the sandbox serves: $WIDGET_DIST, else dist/. */
export const widgetDist = process.env.WIDGET_DIST ? path.resolve(process.env.WIDGET_DIST) : path.join(root, "dist");

/**
 * Starts the sandbox with `args` (free port, the built widget in `widgetDist`).
 * Returns { port, url(host, path), admin(path, body), stop() }.
 */
export async function startSandbox(args = []) {
  const child = spawn(sandboxBinary(), ["--port", "0", "--widget-dir", widgetDist, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const killed = () => { try { child.kill("SIGKILL"); } catch { /* already gone */ } };
  process.once("exit", killed);
  let out = "";
  child.stderr.on("data", (d) => { out += d; });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("sandbox did not start:\n" + out)), 20_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.once("exit", (code) => { clearTimeout(timer); reject(new Error(`sandbox exited (${code}):\n${out}`)); });
  });
  let seenWarnings = 0;
  return {
    port,
    url: (host, p = "/") => `http://${host}.localhost:${port}${p}`,
    async admin(p, body) {
      const res = await fetch(`http://127.0.0.1:${port}/admin/${p}`, {
        method: body === undefined ? "GET" : "POST",
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`admin ${p}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    /** Warnings the sandbox recorded (requests it accepted but the v3.2 reference does not document). */
    async warnings() {
      return (await this.admin("state")).warnings ?? [];
    },
    /**
     * Throws if the sandbox recorded a warning since the last call: every test fails on
     * a shape the reference does not document (fixture.mjs checks after each test).
     */
    async assertNoWarnings() {
      const all = await this.warnings();
      const fresh = all.slice(seenWarnings);
      seenWarnings = all.length;
      if (fresh.length) {
        throw new Error("the sandbox warned about requests the v3.2 reference does not document:\n" +
          fresh.map((w) => `  ${w.action} (${w.customer_id}): ${w.message}`).join("\n"));
      }
    },
    async stop() {
      process.removeListener("exit", killed);
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(killed, 3_000);
        await once(child, "exit");
        clearTimeout(timer);
      }
    },
  };
}

/** Ids of the sandbox's customers now (take them before a page opens, for `newCustomer`). */
export async function knownCustomers(sandbox) {
  return (await sandbox.admin("state")).customers.map((c) => c.id);
}

/** The customer (of /admin/state) not in `known` that is connected; waits for it to log in. */
export function newCustomer(sandbox, known, ms = 20_000) {
  return waitFor(async () => (await sandbox.admin("state")).customers.find((c) => !known.includes(c.id) && c.connections > 0),
    ms, "the page's customer to log in");
}

/** `customerId`'s chat in the sandbox's state `s` (/admin/state). */
export const chatOf = (s, customerId) => s.chats.find((c) => c.customer_id === customerId);

/** The `rating` properties ({ score, comment }) of the latest thread of `customerId`'s chat in `s`. */
export function threadRating(s, customerId) {
  const chat = chatOf(s, customerId);
  const thread = chat && chat.threads[chat.threads.length - 1];
  return thread && thread.properties && thread.properties.rating;
}
