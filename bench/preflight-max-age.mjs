// Does Access-Control-Max-Age: 0 make Chromium preflight every call? (ADR 010)
// A bare HTTP server answers a page on localhost and CORS on 127.0.0.1 (same port, two origins),
// counting the OPTIONS requests it receives while the page makes four fetches with Authorization.
//
//   node bench/preflight-max-age.mjs        # CHROMIUM_PATH or /usr/bin/chromium
import { existsSync } from "node:fs";
import http from "node:http";
import { chromium } from "@playwright/test";

const PORT = Number(process.env.PORT ?? 3971);
const executablePath = process.env.CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
let maxAge = null;
let preflights = 0;
let calls = 0;

const server = http.createServer((req, res) => {
  const origin = req.headers.origin ?? "*";
  if (req.url.startsWith("/page")) {
    res.writeHead(200, { "content-type": "text/html" });
    res.end("<!doctype html><title>preflight experiment</title>");
    return;
  }
  if (req.method === "OPTIONS") {
    preflights++;
    const headers = {
      "access-control-allow-origin": origin,
      "access-control-allow-headers": "authorization",
      "access-control-allow-methods": "GET, POST, DELETE",
      vary: "Origin",
    };
    if (maxAge !== null) headers["access-control-max-age"] = maxAge;
    res.writeHead(204, headers);
    res.end();
    return;
  }
  if (!req.url.startsWith("/sp")) {
    res.writeHead(404);
    res.end();
    return;
  }
  calls++;
  res.writeHead(200, { "access-control-allow-origin": origin, "content-type": "text/plain", vary: "Origin" });
  res.end("ok");
});
await new Promise((resolve) => server.listen(PORT, resolve));

const args = ["--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"];
const browser = await chromium.launch({ executablePath, args: executablePath ? args : [] });
console.log(`Chromium ${browser.version()}: 4 fetches with Authorization from http://localhost:${PORT} to http://127.0.0.1:${PORT}`);
for (const value of [null, "0", "-1", "1", "5", "600"]) {
  for (const gapMs of [0, 1200]) {
    maxAge = value;
    preflights = 0;
    calls = 0;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://localhost:${PORT}/page`);
    await page.evaluate(
      async ({ port, gap }) => {
        for (let i = 0; i < 4; i++) {
          await fetch(`http://127.0.0.1:${port}/sp/x`, { headers: { authorization: "Bearer abc" } });
          await new Promise((r) => setTimeout(r, gap));
        }
      },
      { port: PORT, gap: gapMs },
    );
    console.log(`Access-Control-Max-Age ${value ?? "(absent)"}, ${gapMs} ms apart: ${calls} calls, ${preflights} preflights`);
    await context.close();
  }
}
await browser.close();
server.close();
