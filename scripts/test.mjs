// `npm test`: browser check, typecheck, lint, unit tests, build, end-to-end — then one plain summary line.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ensureDependencies, findBrowser, freePort, next, root, run } from "./lib.mjs";

const out = join(root, ".ci-out");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await ensureDependencies();

// The browser first: a missing one is found in a second, not after a minute of other stages.
const browser = await findBrowser();
if (browser.error) {
  console.error(browser.error);
  console.log("\n✘ browser — no browser for the end-to-end tests\n0 passed, 1 failed, 0 skipped");
  process.exit(1);
}

const stages = [];
async function stage(name, cmd, args, env) {
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const code = await run(cmd, args, { env });
  stages.push({ name, ok: code === 0, seconds: (Date.now() - t0) / 1000 });
  return code === 0;
}

// The three static checks side by side (each mostly one core), each one's output printed whole when all are done.
const checks = [
  ["format", "npx", ["prettier", "--check", "--log-level=warn", "."]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["lint", "npx", ["eslint", "--max-warnings=0", "."]],
];
const t0 = Date.now();
const results = await Promise.all(
  checks.map(([, cmd, args]) => {
    const output = [];
    return run(cmd, args, { output }).then((code) => ({ code, output, seconds: (Date.now() - t0) / 1000 }));
  }),
);
checks.forEach(([name], i) => {
  console.log(`\n━━ ${name} ━━`);
  process.stdout.write(Buffer.concat(results[i].output));
  stages.push({ name, ok: results[i].code === 0, seconds: results[i].seconds });
});
await stage("unit", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${join(out, "vitest.json")}`]);
const built = await stage("build", ...next("build"));

if (!built) {
  stages.push({ name: "e2e", ok: false, seconds: 0, note: "skipped: the build failed" });
} else {
  // A free port of our own: Playwright reuses any server already listening on its port, which
  // would test someone else's (possibly older) build instead of the one just made.
  const port = process.env.E2E_PORT ?? String(await freePort(3100));
  await stage("e2e", "npx", ["playwright", "test", "--reporter=list,json"], {
    E2E_PORT: port,
    PLAYWRIGHT_JSON_OUTPUT_FILE: join(out, "playwright.json"),
    ...(browser.path && { CHROMIUM_PATH: browser.path }),
  });
}

const read = (f) => {
  try {
    return JSON.parse(readFileSync(join(out, f), "utf8"));
  } catch {
    return null;
  }
};
let passed = 0,
  failed = 0,
  skipped = 0;
const v = read("vitest.json");
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
}
const p = read("playwright.json");
if (p) {
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
}
// A stage that failed without a failing test (type error, lint, build) still counts as a failure.
for (const s of stages) {
  const hasTests = (s.name === "unit" && v) || (s.name === "e2e" && p);
  if (!s.ok && !(hasTests && (s.name === "unit" ? v.numFailedTests : p.stats.unexpected) > 0)) failed += 1;
}
console.log("\n" + stages.map((s) => `${s.ok ? "✔" : "✘"} ${s.name} (${s.seconds.toFixed(1)} s)${s.note ? ` — ${s.note}` : ""}`).join("\n"));
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(stages.every((s) => s.ok) ? 0 : 1);
