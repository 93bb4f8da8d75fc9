#!/usr/bin/env node
// First-load JS of a page: every script the HTML of the page makes the browser fetch before it is
// interactive (the <script src> tags plus the client chunks named in the inline RSC payload),
// read from the production build and gzipped (level 9, like Next.js' old build report).
//
//   npx next build && node bench/first-load-js.mjs [path] [--budget=160] [--url=http://localhost:3000]
//
// Without --url it starts `next start` on a free port for the measurement and stops it afterwards.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith("--")) ?? "/";
const option = (name) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split("=")
    .slice(1)
    .join("=");
const budgetKb = Number(option("budget") ?? 160);

if (!existsSync(join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npx next build` first.");
  process.exit(2);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return r;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

let server;
let base = option("url");
if (!base) {
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, [join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
}

try {
  const html = await (await waitFor(new URL(path, base))).text();
  // Script tags, and chunk paths inside the (escaped) flight data: both are fetched on first load.
  // <script nomodule> (legacy polyfills) is skipped: browsers with ES modules never download it.
  const legacy = new Set([...html.matchAll(/<script[^>]*\bsrc="\/_next\/([^"]+\.js)"[^>]*\bnoModule\b[^>]*>/gi)].map((m) => m[1]));
  const found = new Set();
  for (const m of html.matchAll(/\/_next\/(static\/[^"'\\\s)]+?\.js)/g)) found.add(m[1]);
  for (const m of html.matchAll(/"(static\/chunks\/[^"\\]+?\.js)/g)) found.add(m[1]);
  for (const rel of legacy) found.delete(rel);
  const rows = [...found].sort().map((rel) => {
    const file = join(root, ".next", rel);
    if (!existsSync(file)) return { rel, raw: 0, gzip: 0, missing: true };
    const bytes = readFileSync(file);
    return { rel, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const kb = (n) => (n / 1024).toFixed(1).padStart(7);
  console.log(`First-load JS of ${path} (${rows.length} chunks; ${legacy.size} nomodule polyfill script not counted)\n`);
  console.log(`${"gzip kB".padStart(7)} ${"raw kB".padStart(7)}  chunk`);
  for (const r of rows) console.log(`${kb(r.gzip)} ${kb(r.raw)}  ${r.rel}${r.missing ? "  (missing on disk!)" : ""}`);
  const gzip = rows.reduce((n, r) => n + r.gzip, 0);
  const raw = rows.reduce((n, r) => n + r.raw, 0);
  console.log(`${kb(gzip)} ${kb(raw)}  total (budget ${budgetKb} kB gzip)`);
  if (rows.some((r) => r.missing)) process.exitCode = 1;
  if (gzip / 1024 > budgetKb) {
    console.error(`Over budget by ${(gzip / 1024 - budgetKb).toFixed(1)} kB`);
    process.exitCode = 1;
  }
} finally {
  server?.kill();
}
