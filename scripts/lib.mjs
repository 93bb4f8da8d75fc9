// Shared helpers for the start and test commands. Plain Node (no dependencies) so they run before `npm ci`.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

export function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...opts.env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on("error", () => resolve(127));
  });
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
  const configs = ["package.json", "next.config.js", "postcss.config.mjs", "proxy.ts"].map((f) => (existsSync(join(root, f)) ? statSync(join(root, f)).mtimeMs : 0));
  return Math.max(...sources, ...configs) > built;
}

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"];

/** A Chromium for Playwright: CHROMIUM_PATH, a system Chromium, or Playwright's own (installed if the network allows). */
export async function findBrowser() {
  if (process.env.CHROMIUM_PATH) {
    if (existsSync(process.env.CHROMIUM_PATH)) return { path: process.env.CHROMIUM_PATH, source: "CHROMIUM_PATH" };
    return { error: `CHROMIUM_PATH points at ${process.env.CHROMIUM_PATH}, which does not exist.` };
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
  const probe = spawnSync(process.execPath, ["-e", "const {chromium}=require('playwright-core');process.stdout.write(chromium.executablePath())"], { cwd: root, encoding: "utf8" });
  return probe.status === 0 && probe.stdout && existsSync(probe.stdout.trim()) ? probe.stdout.trim() : null;
}
