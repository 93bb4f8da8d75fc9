// Shared helpers for the scripts behind `npm start`, `npm test` and `npm run screenshots`.
// Plain Node (no dependencies) so they run before `npm ci`.
import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import os from "node:os";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

const FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP"];

/**
 * Runs a command with inherited stdio and resolves to its exit code (128 + n when a signal n killed it).
 * With `opts.output` (an array), its stdout and stderr are collected there instead, for a caller that runs
 * several commands at once and prints each one's output whole.
 * While it runs, SIGTERM/SIGINT/SIGHUP sent to this script are passed on to it, and once it has exited
 * this script exits with its code: stopping the wrapper must never leave a server or a build behind.
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const stdio = opts.output ? ["ignore", "pipe", "pipe"] : "inherit";
    const child = spawn(cmd, args, { cwd: root, stdio, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...opts.env } });
    if (opts.output) for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => opts.output.push(chunk));
    let stopping = false;
    const forward = (signal) => {
      stopping = true;
      child.kill(signal);
    };
    for (const s of FORWARDED) process.on(s, forward);
    const done = (code) => {
      for (const s of FORWARDED) process.off(s, forward);
      if (stopping) process.exit(code);
      resolve(code);
    };
    child.on("exit", (code, signal) => done(code ?? 128 + (os.constants.signals[signal] ?? 0)));
    child.on("error", () => done(127));
  });
}

/** `node <next's own bin> …`: no npx or shell in between, so signals reach the server itself. */
export function next(...args) {
  const bin = createRequire(join(root, "package.json")).resolve("next/dist/bin/next");
  return [process.execPath, [bin, ...args]];
}

export async function ensureDependencies() {
  if (existsSync(join(root, "node_modules/.package-lock.json"))) return;
  console.log("› Installing dependencies (npm ci)…");
  const code = await run("npm", ["ci", "--no-audit", "--no-fund"]);
  if (code !== 0) {
    console.error("npm ci failed. Check your network access to the npm registry, then run npm ci yourself.");
    process.exit(code);
  }
}

/** The port from a PORT-like variable, or exit with one sentence: Next.js itself answers a bad one with a stack trace. */
export function portFrom(name, fallback) {
  const raw = process.env[name] ?? fallback;
  const port = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (port >= 1 && port <= 65535) return port;
  console.error(`${name}=${raw} is not a port: use a whole number from 1 to 65535, e.g. ${name}=3001.`);
  process.exit(2);
}

/** Resolves to null when `port` can be listened on, otherwise to the error code (EADDRINUSE, EACCES, …). */
export function tryListen(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", (error) => resolve(error.code ?? String(error)));
    // No host: the same wildcard address `next start` binds, so a server on any interface counts.
    probe.listen(port, () => probe.close(() => resolve(null)));
  });
}

/** Exit with one sentence unless the sandbox can listen on `port`. */
export async function ensurePortFree(port) {
  const problem = await tryListen(port);
  if (!problem) return;
  if (problem === "EADDRINUSE")
    console.error(`Port ${port} is already in use — stop the other server or choose another with PORT=${port < 65535 ? port + 1 : 3000} npm start`);
  else if (problem === "EACCES") console.error(`Port ${port} needs administrator rights here — choose one above 1023, e.g. PORT=3000 npm start`);
  else console.error(`Cannot listen on port ${port} (${problem}) — choose another with PORT=3001 npm start`);
  process.exit(1);
}

/** A port for a throwaway server: `preferred` when it is free, otherwise any free one the system hands out. */
export async function freePort(preferred) {
  if (!(await tryListen(preferred))) return preferred;
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when there is no production build, or a source file changed after it was made. */
export function buildIsStale() {
  const marker = join(root, ".next/BUILD_ID");
  if (!existsSync(marker)) return true;
  const built = statSync(marker).mtimeMs;
  const sources = ["app", "components", "lib", "public"].map((d) => newest(join(root, d)));
  const configs = ["package.json", "next.config.js", "postcss.config.mjs", "proxy.ts"].map((f) =>
    existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0,
  );
  return Math.max(...sources, ...configs) > built;
}

/** Builds (next build) when the production build is missing or older than the sources; exits if it fails. */
export async function buildIfStale() {
  if (!buildIsStale()) return;
  console.log("› Building (next build)…");
  const code = await run(...next("build"));
  if (code !== 0) process.exit(code);
}

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

function isExecutableFile(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A Chromium for Playwright: CHROMIUM_PATH, a system Chromium, or Playwright's own (installed if the network allows). */
export async function findBrowser() {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (isExecutableFile(given)) return { path: given, source: "CHROMIUM_PATH" };
    const what = existsSync(given) ? "which is not an executable file" : "which does not exist";
    return { error: `CHROMIUM_PATH points at ${given}, ${what}. Fix the path, or unset CHROMIUM_PATH to use a system Chromium.` };
  }
  const system = CANDIDATES.find((p) => existsSync(p));
  if (system) return { path: system, source: "system" };
  const bundled = playwrightChromium();
  if (bundled) return { path: undefined, source: "playwright" };
  console.log("› No Chromium found; trying `npx playwright install chromium`…");
  const code = await run("npx", ["playwright", "install", "chromium"]);
  if (code === 0 && playwrightChromium()) return { path: undefined, source: "playwright" };
  return {
    error: [
      "No browser for the end-to-end tests. Any one of these fixes it:",
      "  • Debian/Ubuntu:  sudo apt-get install -y chromium",
      "  • macOS/Windows:  npx playwright install chromium   (needs internet)",
      "  • Or point at a Chromium/Chrome you have:  CHROMIUM_PATH=/path/to/chrome npm test",
    ].join("\n"),
  };
}

function playwrightChromium() {
  const probe = spawnSync(process.execPath, ["-e", "const {chromium}=require('playwright-core');process.stdout.write(chromium.executablePath())"], {
    cwd: root,
    encoding: "utf8",
  });
  return probe.status === 0 && probe.stdout && existsSync(probe.stdout.trim()) ? probe.stdout.trim() : null;
}

/** Runs Playwright on `args` against the production build (built first when stale), with the browser found here. */
export async function playwrightAgainstBuild(args, env) {
  await ensureDependencies();
  const browser = await findBrowser();
  if (browser.error) {
    console.error(browser.error);
    process.exit(1);
  }
  await buildIfStale();
  const port = process.env.E2E_PORT ?? String(await freePort(3100));
  return run("npx", ["playwright", "test", ...args], { env: { ...env, E2E_PORT: port, ...(browser.path && { CHROMIUM_PATH: browser.path }) } });
}
