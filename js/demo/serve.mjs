// A tiny static server for the demo: serves js/demo/ (plus the package's src/ and pkg/ it
// imports) on 127.0.0.1 only. `node js/demo/serve.mjs [--port N] [--once] [--seconds N]`.
//   --once      start, fetch the page and the .wasm once to check them, print the URL, exit
//   --seconds N serve for N seconds, then exit (for scripts)
// With neither it serves until Ctrl-C. The browser test imports `startServer`.

import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url)); // js/
const SERVED = ["demo", "src", "pkg"];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ts": "text/plain; charset=utf-8",
};

async function handle(request, response) {
  const send = (status, body, type = "text/plain; charset=utf-8", extra = {}) => {
    response.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...extra });
    response.end(body);
  };
  if (request.method !== "GET" && request.method !== "HEAD") {
    return send(405, "method not allowed\n", undefined, { allow: "GET, HEAD" });
  }
  let path;
  let strict = false;
  try {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    path = decodeURIComponent(url.pathname);
    // `?csp=strict`: the page as a console with a strict policy serves it (the browser test
    // checks that pre-checks answer the same without `new Function`).
    strict = url.searchParams.get("csp") === "strict";
  } catch {
    return send(400, "bad request\n");
  }
  if (path === "/" || path === "/demo") {
    return send(302, "", undefined, { location: "/demo/" });
  }
  if (path.endsWith("/")) {
    path += "index.html";
  }
  const file = normalize(join(ROOT, path));
  const top = file.slice(ROOT.length).split(sep)[0];
  if (!file.startsWith(ROOT) || !SERVED.includes(top) || path.includes("\0")) {
    return send(404, "not found\n");
  }
  try {
    const body = await readFile(file);
    const policy = strict ? { "content-security-policy": "script-src 'self' 'wasm-unsafe-eval'" } : {};
    send(200, request.method === "HEAD" ? undefined : body, TYPES[extname(file)] ?? "application/octet-stream", policy);
  } catch {
    send(404, "not found\n");
  }
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(server.address().port);
    });
  });
}

/** Starts the server on 127.0.0.1 (`port` 0: any free port); resolves to `{url, close}`. */
export async function startServer({ port = 0 } = {}) {
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) {
        response.writeHead(500);
      }
      response.end();
    });
  });
  let bound;
  try {
    bound = await listen(server, port);
  } catch (error) {
    if (error.code !== "EADDRINUSE" || port === 0) {
      throw error;
    }
    bound = await listen(server, 0); // the preferred port is taken: any free one
  }
  return {
    url: `http://127.0.0.1:${bound}/demo/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function main(argv) {
  const flag = (name) => argv.includes(name);
  const value = (name) => {
    const at = argv.indexOf(name);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const port = Number(value("--port") ?? process.env.PORT ?? 8787);
  const { url, close } = await startServer({ port });
  if (flag("--once")) {
    for (const path of ["", "app.js", "fleet.json", "../pkg/opgate_wasm_bg.wasm"]) {
      const response = await fetch(new URL(path, url));
      if (!response.ok) {
        await close();
        throw new Error(`${new URL(path, url)} answered ${response.status}`);
      }
    }
    console.log(`opgate demo checked at ${url} (no terminal: not staying in the foreground; run 'make demo' in a terminal to browse it)`);
    await close();
    return;
  }
  console.log(`opgate demo: ${url}  (Ctrl-C to stop)`);
  const seconds = Number(value("--seconds") ?? 0);
  if (seconds > 0) {
    setTimeout(() => close().then(() => process.exit(0)), seconds * 1000);
  }
  process.on("SIGINT", () => close().then(() => process.exit(0)));
  process.on("SIGTERM", () => close().then(() => process.exit(0)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`opgate demo: ${error.message}`);
    process.exit(1);
  });
}
