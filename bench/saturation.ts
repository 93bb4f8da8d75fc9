/**
 * Saturation of one instance (issue 9, "Load"), two ways:
 * 1. autocannon 9 against single endpoints, as fast as 20 connections go for 10 s each: the JWKS (a static
 *    JSON answer — the machine's yardstick, measured side by side), the dialog GET (Dialogporten + one
 *    XACML call to Authorization) and the embed GET (the provider verifying a dialog token).
 * 2. Whole flows (sign in, dialog, embed, write, re-fetch — e2e/support/participant.ts) started at a fixed
 *    rate that steps up until the rate is no longer sustained. The knee is the highest step with p99 ≤ 250 ms,
 *    no failures and no dropped starts.
 *
 *   npm run bench:saturation
 *   npm run bench:saturation -- --step-seconds 15 --start 2 --factor 1.25 --no-write
 */
import autocannon from "autocannon";
import { checkIsolation, contextFor, participant, runFlow, seedDialogs } from "../e2e/support/participant";
import { getDialog, signIn } from "../lib/end-user-system/calls";
import { findPersona } from "../lib/seed/personas";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { flag, numberArg, writeSection } from "./load/doc";
import { openLoad } from "./load/run-flows";
import { cpuMs, rssMiB, startServers } from "./load/server";
import { fmt, loadAverage, machine, summarize } from "./load/stats";

const STEP_MS = numberArg("--step-seconds", 10) * 1000;
const START_RATE = numberArg("--start", 2);
const FACTOR = numberArg("--factor", 1.4);
const P99_LIMIT_MS = 250;
const POOL = 300;

async function endpoints(url: string) {
  const ctx = contextFor(url, "bench-cannon");
  const access = (await signIn(ctx, findPersona("kari")!)).value!;
  const dialog = (await getDialog(ctx, access, DIALOG_ID.taxReturn)).value!;
  const headers = { authorization: `Bearer ${access}`, "sandbox-workspace": "bench-cannon", accept: "application/json" };
  return [
    { name: "JWKS (yardstick)", url: `${url}/dialogporten/api/v1/.well-known/jwks.json` },
    { name: "GET dialog", url: `${url}/dialogporten/api/v1/enduser/dialogs/${DIALOG_ID.taxReturn}`, headers },
    {
      name: "GET embed",
      url: dialog.content.mainContentReference!.value[0]!.value,
      headers: { authorization: `Bearer ${dialog.dialogToken}`, accept: "text/markdown" },
    },
  ];
}

async function main() {
  const servers = await startServers();
  const { url, pid } = servers.instances[0]!;
  const run = Date.now().toString(36);
  const loadBefore = loadAverage();
  try {
    const seed = await seedDialogs(url);
    const warm = participant(0, `warm-${run}`);
    for (let i = 0; i < 20; i++) await runFlow(url, warm);

    const cannon: string[] = [];
    for (const e of await endpoints(url)) {
      const cpu0 = cpuMs(pid);
      const r = await autocannon({ url: e.url, headers: e.headers, connections: 20, duration: 10 });
      const perRequest = (cpuMs(pid) - cpu0) / Math.max(1, r.requests.total);
      const bad = r.errors + r.timeouts + r.non2xx;
      cannon.push(`| ${e.name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} | ${bad} | ${perRequest.toFixed(1)} |`);
      console.log(cannon.at(-1));
    }

    const pool = Array.from({ length: POOL }, (_, i) => participant(i, `sat-${run}`));
    const steps: string[] = [];
    let knee: { rate: number; achieved: number; p99: number } | undefined;
    let sustained: { rate: number; perCore: number } | undefined;
    // Step up until the rate is no longer sustained (a failure, a dropped start, or under 90 % completed):
    // on a shared machine p99 may pass 250 ms long before that, and the curve past it is still worth having.
    for (let rate = START_RATE, held = true; held && rate < 500; rate = Math.round(rate * FACTOR * 10) / 10) {
      const cpu0 = cpuMs(pid);
      const t0 = performance.now();
      const t = await openLoad(pool, rate, STEP_MS, url, 200);
      const wall = performance.now() - t0;
      const flow = summarize(t.flows);
      const achieved = t.flows.length / (STEP_MS / 1000);
      held = t.failures.length === 0 && t.dropped === 0 && achieved >= 0.9 * rate;
      const ok = held && flow.p99 <= P99_LIMIT_MS;
      if (ok) knee = { rate, achieved, p99: flow.p99 };
      const cpu = (cpuMs(pid) - cpu0) / wall;
      if (held) sustained = { rate, perCore: achieved / cpu };
      steps.push(
        `| ${rate} | ${achieved.toFixed(1)} | ${fmt(flow.p50)} | ${fmt(flow.p95)} | ${ok ? fmt(flow.p99) : `**${fmt(flow.p99)}**`} | ${t.failures.length}${t.failures.length ? ` (${t.failureLines()[0]})` : ""} | ${t.dropped} | ${(cpu * 100).toFixed(0)} % | ${((cpu * 1000) / Math.max(achieved, 0.1)).toFixed(0)} | ${loadAverage().split(" / ")[0]} |`,
      );
      console.log(steps.at(-1));
    }
    const problems = (await Promise.all(pool.filter((p) => p.writes > 0).map((p) => checkIsolation(url, p, seed)))).flat();
    const writes = pool.reduce((n, p) => n + p.writes, 0);

    const body = [
      "### Saturation of one instance",
      "",
      "Single endpoints with autocannon 9 (20 connections, 10 s each, as fast as they go), on the same instance one after another:",
      "",
      "| endpoint | requests/s | p50 (ms) | p99 (ms) | errors + non-2xx | server CPU per request (ms) |",
      "| --- | --- | --- | --- | --- | --- |",
      ...cannon,
      "",
      `Whole flows started at a fixed rate (open model: starts do not wait for answers), ${STEP_MS / 1000} s per step, over a pool of ${POOL} workspaces,`,
      `until the rate was no longer sustained (a failure, a dropped start, or under 90 % of the flows completed). A start that finds 200 flows in flight, or its participant still busy, is dropped.`,
      "Server CPU is the share of one core the server process used (from /proc), and the CPU it spent per completed flow.",
      "",
      "| target flows/s | completed flows/s | p50 (ms) | p95 (ms) | p99 (ms) | failed | dropped | server CPU (of one core) | server CPU per flow (ms) | load avg (1 min) |",
      "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
      ...steps,
      "",
      knee
        ? `- **Knee: ${knee.rate} whole flows/s** (${(knee.rate * 5).toFixed(0)} requests/s from clients, p99 ${fmt(knee.p99)} ms) is the highest step with p99 ≤ ${P99_LIMIT_MS} ms and nothing failed or dropped.`
        : `- **No step met p99 ≤ ${P99_LIMIT_MS} ms** on this machine at this load (see the load average: the server got only part of a core).`,
      sustained
        ? `- Highest rate sustained (whatever the latency): **${sustained.rate} flows/s**, i.e. ${sustained.perCore.toFixed(1)} flows/s per core-second the server actually got.`
        : "- Not even the first step was sustained.",
      `- Isolation afterwards: ${writes} writes in ${pool.filter((p) => p.writes > 0).length} workspaces; ${problems.length === 0 ? "every workspace holds exactly its own writes" : `**${problems.length} problems**: ${problems.slice(0, 3).join("; ")}`}. RSS at the end ${rssMiB(pid).toFixed(0)} MiB.`,
      `- Machine: ${machine()}; load average (1/5/15 min) ${loadBefore} before, ${loadAverage()} after (shared with other work; the client runs on the same 2 cores).`,
      `- Command: \`npm run bench:saturation${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` (bench/saturation.ts), ${new Date().toISOString().slice(0, 10)}`,
    ].join("\n");
    console.log(`\n${body}\n`);
    if (!flag("--no-write")) writeSection("saturation", body);
  } finally {
    await servers.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
