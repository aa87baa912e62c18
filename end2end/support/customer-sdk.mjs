// LiveChat's own v3.2 customer client (@livechat/customer-sdk 2.0.4, a devDependency) in a
// Chromium page, with its production hosts pointed at the sandbox: Playwright's `route`
// forwards https://accounts.livechatinc.com and https://api.livechatinc.com to the sandbox's
// accounts and dal hosts, and `routeWebSocket` pipes the SockJS WebSocket
// (wss://api.livechatinc.com/v3.2/customer/rtm/sjs/...) to the sandbox's
// ws://127.0.0.1:PORT/... . `connectToServer` would open the socket to the original
// wss:// URL, which cannot be re-pointed, so the route bridges to the sandbox itself (ws).
import http from "node:http";
import { build } from "esbuild";
import WebSocket from "ws";

/** The page's origin (served by the route, never reached on the network). */
export const SDK_ORIGIN = "https://sdk-page.test";

/** customer-sdk and its dependencies bundled for the page (window.CustomerSDK). */
export async function sdkBundle() {
  const out = await build({
    stdin: {
      contents: 'import * as CustomerSDK from "@livechat/customer-sdk"; window.CustomerSDK = CustomerSDK;',
      resolveDir: new URL("..", import.meta.url).pathname,
    },
    bundle: true,
    format: "iife",
    platform: "browser",
    define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

/** Forwards a routed request to the sandbox as `host` and fulfils it with the answer. */
async function forward(route, port, host) {
  const req = route.request();
  const u = new URL(req.url());
  const headers = Object.fromEntries(Object.entries(await req.allHeaders()).filter(([k]) => !k.startsWith(":")));
  headers.host = `${host}:${port}`;
  const body = req.postDataBuffer();
  const res = await new Promise((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port, path: u.pathname + u.search, method: req.method(), headers }, resolve);
    r.on("error", reject);
    if (body) r.write(body);
    r.end();
  });
  const chunks = [];
  for await (const c of res) chunks.push(c);
  const out = {};
  for (const [k, v] of Object.entries(res.headers)) out[k] = Array.isArray(v) ? v.join("\n") : String(v);
  await route.fulfill({ status: res.statusCode, headers: out, body: Buffer.concat(chunks) });
}

/**
 * Points `context`'s LiveChat hosts at the sandbox on `port` and serves SDK_ORIGIN/ with
 * the bundle. Returns { unexpected, sockets, logs }: requests to any other https host, the
 * WebSocket paths bridged, and the sdk's telemetry to queue.livechatinc.com/logs.
 */
export async function routeToSandbox(context, port, bundle) {
  const unexpected = [];
  const sockets = [];
  const logs = [];
  await context.route(`${SDK_ORIGIN}/**`, (r) =>
    r.fulfill({ contentType: "text/html", body: "<!doctype html><meta charset=utf-8><title>customer-sdk</title><script src=/sdk.js></script>" +
      "<body>customer-sdk 2.0.4 against the sandbox</body>" }).catch(() => {}));
  await context.route(`${SDK_ORIGIN}/sdk.js`, (r) => r.fulfill({ contentType: "text/javascript", body: bundle }));
  await context.route("https://accounts.livechatinc.com/**", (r) => forward(r, port, "accounts.localhost"));
  await context.route("https://api.livechatinc.com/**", (r) => forward(r, port, "api.localhost"));
  await context.route(/^https:\/\/(?!sdk-page\.test\/|accounts\.livechatinc\.com\/|api\.livechatinc\.com\/)/, (r) => {
    const u = new URL(r.request().url());
    // The sdk's telemetry: kept (`message` is JSON with `event_name` and `severity`), answered 204.
    if (u.host === "queue.livechatinc.com" && u.pathname === "/logs") {
      logs.push(JSON.parse(u.searchParams.get("message") || "{}"));
      return r.fulfill({ status: 204 });
    }
    unexpected.push(`${r.request().method()} ${r.request().url()}`);
    return r.abort();
  });
  await context.routeWebSocket(/^wss:\/\/api\.livechatinc\.com\//, (ws) => {
    const u = new URL(ws.url());
    sockets.push(u.pathname);
    const upstream = new WebSocket(`ws://127.0.0.1:${port}${u.pathname}${u.search}`, { headers: { host: `api.localhost:${port}` } });
    const queued = [];
    upstream.on("open", () => { for (const m of queued.splice(0)) upstream.send(m); });
    upstream.on("message", (data, binary) => ws.send(binary ? data : data.toString()));
    upstream.on("close", (code, reason) => ws.close({ code: code === 1005 ? 1000 : code, reason: reason.toString() }).catch(() => {}));
    upstream.on("error", () => ws.close({ code: 1011, reason: "sandbox unreachable" }).catch(() => {}));
    ws.onMessage((m) => (upstream.readyState === WebSocket.OPEN ? upstream.send(m) : queued.push(m)));
    ws.onClose((code, reason) => upstream.close(code && code !== 1005 ? code : 1000, reason));
  });
  return { unexpected, sockets, logs };
}
