// Debian's nginx serving the widget's dist/ through the deploy example (docs/nginx/widget.conf)
// on a free loopback port, for one test file; stopped after (by its own pid).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { waitFor } from "./wait.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NGINX = "/usr/sbin/nginx";
const BROTLI_STATIC = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/**
 * Starts nginx on `dist` with docs/nginx/widget.conf, its production origins replaced by the
 * sandbox's (`sandboxPort`). Returns { port, origin, stop() }.
 */
export async function startNginx(dist, sandboxPort) {
  for (const f of [NGINX, BROTLI_STATIC]) {
    if (!existsSync(f)) throw new Error(`${f} missing: run scripts/bootstrap.sh (apt-get install nginx libnginx-mod-http-brotli-static)`);
  }
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "lc-nginx-"));
  const sp = sandboxPort;
  const replace = (text, from, to) => {
    if (!text.includes(from)) throw new Error(`docs/nginx/widget.conf no longer has ${from}`);
    return text.split(from).join(to);
  };
  let server = readFileSync(path.join(root, "docs/nginx/widget.conf"), "utf8");
  server = replace(server, "listen 80;", `listen 127.0.0.1:${port};`);
  server = replace(server, "server_name widget.example.com;", "server_name widget.localhost;");
  server = replace(server, "root /var/www/livechat-widget/dist;", `root ${dist};`);
  server = replace(server, "img-src 'self' data: blob: https:;", `img-src 'self' data: blob: https: http://cdn.localhost:${sp};`);
  server = replace(server, "wss://api.livechatinc.com wss://api-fra.livechatinc.com https://accounts.livechatinc.com",
    `ws://api.localhost:${sp} ws://api-fra.localhost:${sp} http://accounts.localhost:${sp}`);
  writeFileSync(path.join(dir, "nginx.conf"), `load_module ${BROTLI_STATIC};
worker_processes 1;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${server}
}
`);
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => { out += d; });
  child.stderr.on("data", (d) => { out += d; });
  const killed = () => { try { child.kill("SIGKILL"); } catch { /* gone */ } };
  process.once("exit", killed);
  const origin = `http://widget.localhost:${port}`;
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${out}`);
      return (await fetch(`http://127.0.0.1:${port}/loader.js`)).ok;
    }, 10_000, "nginx to serve loader.js");
  } catch (e) {
    killed();
    throw new Error(`${e.message}\n${out}${existsSync(path.join(dir, "error.log")) ? readFileSync(path.join(dir, "error.log"), "utf8") : ""}`);
  }
  return {
    port,
    origin,
    async stop() {
      process.removeListener("exit", killed);
      if (child.exitCode === null) {
        child.kill("SIGQUIT");
        const timer = setTimeout(killed, 3_000);
        await once(child, "exit");
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
