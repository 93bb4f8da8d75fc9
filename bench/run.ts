/**
 * The architecture's claim, measured: steps 4–6 with a dialog token (the service provider checks the
 * token locally) against the legacy path (the provider asks Altinn Authorization on every request),
 * with a simulated network latency to the PDP of 0 and 20 ms.
 *
 * One sandbox in this process; every service-to-service call goes through a fetch that routes by URL
 * to `sandbox.handle` — no sockets, the same for both paths. Runs are interleaved (token, legacy,
 * legacy, token, …) after a warm-up, so both paths see the same JIT state, GC pressure and caches.
 *
 *   npm run bench                       # default iterations
 *   npm run bench -- --n 3000 --n20 400 # more samples
 *   npm run bench -- --no-write         # print only, leave docs/benchmarks.md alone
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { configFromEnv } from "../lib/config";
import type { EndUserSystemContext, ResolvedAction } from "../lib/end-user-system/calls";
import { callServiceProvider, getDialog, resolveAction, signIn } from "../lib/end-user-system/calls";
import { countCallsTo, seedUrlFor } from "../lib/end-user-system/flow";
import { callServiceProviderLegacy } from "../lib/end-user-system/legacy";
import { createSandbox } from "../lib/sandbox";
import type { Handler } from "../lib/shared/types";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { findPersona } from "../lib/seed/personas";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const N0 = arg("--n", 2000);
const N20 = arg("--n20", 500);
const WARMUP = arg("--warmup", 200);
const WRITE = !args.includes("--no-write");
const DOC = new URL("../docs/benchmarks.md", import.meta.url);
const START = "<!-- bench:steps-4-6:start -->";
const END = "<!-- bench:steps-4-6:end -->";

interface Stats {
  n: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

async function main() {
  let pdpLatencyMs = 0;
  const holder: { handle?: Handler } = {};
  const fetchIn = (input: string | URL | Request, init?: RequestInit) => holder.handle!(new Request(input, init));
  const config = configFromEnv({ SANDBOX_ORIGIN: "http://bench.sandbox", SANDBOX_INTERNAL_URL: "http://bench.sandbox" });
  const sandbox = await createSandbox(config, { fetch: fetchIn, pdpLatencyMs: () => pdpLatencyMs });
  holder.handle = sandbox.handle;

  const persona = findPersona("ola")!;
  const dialogId = DIALOG_ID.vatReturn;
  const quiet: EndUserSystemContext = { fetch: fetchIn, baseUrl: config.origin, trace: false };
  const traced: EndUserSystemContext = { ...quiet, trace: true };

  // Credentials for both paths; renewed well before the access token's 120 s (outside the timed calls).
  let creds!: { accessToken: string; dialogToken: string; action: ResolvedAction; at: number };
  async function refresh() {
    const login = await signIn(quiet, persona);
    const got = await getDialog(quiet, login.value!, dialogId);
    const dialog = got.value!;
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(dialogId, config.serviceProviderOrigin))!;
    creds = { accessToken: login.value!, dialogToken: dialog.dialogToken!, action, at: performance.now() };
  }
  await refresh();

  const token = async () => {
    const t0 = performance.now();
    const r = await callServiceProvider(quiet, creds.dialogToken, creds.action);
    const ms = performance.now() - t0;
    if (r.exchange.response?.status !== 200) throw new Error(`token path answered ${r.exchange.response?.status}`);
    return ms;
  };
  const legacy = async () => {
    const t0 = performance.now();
    const r = await callServiceProviderLegacy(quiet, creds.accessToken, creds.action);
    const ms = performance.now() - t0;
    if (r.exchange.response?.status !== 200) throw new Error(`legacy path answered ${r.exchange.response?.status}: ${r.value}`);
    return ms;
  };

  // The counter the UI shows, from traces: 0 calls to Authorization on the token path, 1 on the legacy path.
  const calls = {
    token: countCallsTo([(await callServiceProvider(traced, creds.dialogToken, creds.action)).exchange], "authorization"),
    legacy: countCallsTo([(await callServiceProviderLegacy(traced, creds.accessToken, creds.action)).exchange], "authorization"),
  };

  const results: Array<{ latency: number; token: Stats; legacy: Stats }> = [];
  for (const [latency, n] of [
    [0, N0],
    [20, N20],
  ] as const) {
    pdpLatencyMs = latency;
    await refresh();
    for (let i = 0; i < Math.min(WARMUP, n); i++) {
      await token();
      await legacy();
    }
    const samples = { token: [] as number[], legacy: [] as number[] };
    for (let i = 0; i < n; i++) {
      if (performance.now() - creds.at > 60_000) await refresh();
      // Alternate which path goes first, so neither always runs right after the other.
      if (i % 2 === 0) {
        samples.token.push(await token());
        samples.legacy.push(await legacy());
      } else {
        samples.legacy.push(await legacy());
        samples.token.push(await token());
      }
    }
    results.push({ latency, token: stats(samples.token), legacy: stats(samples.legacy) });
  }

  const f = (ms: number) => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
  const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;
  const rows = results.map(
    (r) =>
      `| ${r.latency} ms | ${r.token.n} | ${f(r.token.p50)} | ${f(r.token.p95)} | ${f(r.legacy.p50)} | ${f(r.legacy.p95)} | **${ratio(r.legacy.p50, r.token.p50)}** | **${ratio(r.legacy.p95, r.token.p95)}** |`,
  );
  const cpus = os.cpus();
  const load = os.loadavg()[0]!.toFixed(1);
  const machine = `${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} logical CPUs), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}; load average ${load} at the end of the run`;
  const command = `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`;
  const section = [
    START,
    "## Steps 4–6: dialog token vs legacy PDP call",
    "",
    "Time of steps 4–6 as the end-user system sees it (request to the service provider until its answer is read):",
    "the **token** path sends the dialog token and the provider verifies it locally (JWKS cached); the **legacy**",
    "path sends the end user's access token and the provider asks Altinn Authorization about the one action on",
    "every request. Same embed (`GET /service-provider[/legacy]/fce/{VAT return}`, Ola Nordmann), same process,",
    "runs interleaved after a warm-up. PDP latency is the simulated network latency to Altinn Authorization.",
    "",
    "| PDP latency | samples per path | token p50 (ms) | token p95 (ms) | legacy p50 (ms) | legacy p95 (ms) | legacy/token p50 | legacy/token p95 |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `Calls that reached Altinn Authorization per request, counted from the traces: token ${calls.token}, legacy ${calls.legacy}.`,
    "",
    "In process, without sockets or TLS: absolute times are lower than over a network, and at 0 ms the legacy",
    "cost is the PDP's own work (parse the XACML request, evaluate the policy, answer) plus validating the access",
    "token. The 20 ms row is closer to a real deployment, where the PDP is a network hop away; there the",
    "legacy path cannot be faster than that round trip, on every single request. p50 is stable from run to run;",
    "p95 moves with whatever else the machine is doing (see the load average below).",
    "",
    `- Machine: ${machine}`,
    `- Command: \`${command}\` (bench/run.ts), ${new Date().toISOString().slice(0, 10)}`,
    END,
  ].join("\n");

  console.log(`\nSteps 4–6, ${machine}\n`);
  console.table(
    results.map((r) => ({
      "PDP latency": `${r.latency} ms`,
      samples: r.token.n,
      "token p50": f(r.token.p50),
      "token p95": f(r.token.p95),
      "legacy p50": f(r.legacy.p50),
      "legacy p95": f(r.legacy.p95),
      "ratio p50": ratio(r.legacy.p50, r.token.p50),
      "ratio p95": ratio(r.legacy.p95, r.token.p95),
    })),
  );
  console.log(`Calls to Altinn Authorization per request: token ${calls.token}, legacy ${calls.legacy}`);

  if (WRITE) {
    const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Benchmarks\n";
    const s = current.indexOf(START);
    const e = current.indexOf(END);
    const next = s >= 0 && e > s ? `${current.slice(0, s)}${section}${current.slice(e + END.length)}` : `${current.replace(/\n*$/, "\n\n")}${section}\n`;
    writeFileSync(DOC, next);
    console.log(`Wrote ${DOC.pathname}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
