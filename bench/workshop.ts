/**
 * A workshop of 100 participants on one instance (issue 9, "Load"): each in a workspace of their own,
 * running the whole flow — sign in, get the dialog (and its dialog token), load the embed, a write action,
 * fetch the dialog again — every 5 s for 60 s, over real HTTP against the standalone production build.
 * Reports failures and p50/p95/p99 per step and per whole flow, a one-participant baseline measured just
 * before on the same server (for ratios that survive a busy shared machine), and checks afterwards that
 * every workspace sees exactly its own writes and nobody else's.
 *
 *   npm run bench:workshop                                   # 100 participants, 1 instance, memory store
 *   npm run bench:workshop -- --instances 2 --redis          # 2 instances sharing a redis-server
 *   npm run bench:workshop -- --participants 50 --seconds 30 --no-write
 */
import { checkIsolation, participant, runFlow, seedDialogs } from "../e2e/support/participant";
import { flag, numberArg, writeSection } from "./load/doc";
import { workshop } from "./load/run-flows";
import { cpuMs, rssMiB, startServers } from "./load/server";
import { cpuShare, fmt, loadAverage, machine, row, summarize, TABLE_HEAD } from "./load/stats";

const PARTICIPANTS = numberArg("--participants", 100);
const EVERY_MS = numberArg("--every", 5) * 1000;
const DURATION_MS = numberArg("--seconds", 60) * 1000;
const INSTANCES = numberArg("--instances", 1);
const REDIS = flag("--redis");
const BASELINE_FLOWS = 20;

async function main() {
  const servers = await startServers({ count: INSTANCES, redis: REDIS });
  const urls = servers.instances.map((s) => s.url);
  const run = Date.now().toString(36);
  try {
    const seed = await seedDialogs(urls[0]!);
    // Warm-up and baseline: one participant alone, flow after flow, on every instance (JIT, JWKS cache).
    // Server CPU time per flow, from /proc: unlike wall time it hardly depends on what else the machine runs.
    const baseline: number[] = [];
    let baselineCpuMs = 0;
    for (const [n, url] of urls.entries()) {
      const alone = participant(0, `warm-${run}-${n}`);
      for (let i = 0; i < BASELINE_FLOWS; i++) {
        const cpu0 = servers.instances.reduce((sum, s) => sum + cpuMs(s.pid), 0);
        const r = await runFlow(url, alone);
        if (!r.ok) throw new Error(`baseline flow failed at ${r.failedStep}: ${r.detail}`);
        if (i < 5) continue;
        baseline.push(r.totalMs);
        baselineCpuMs += servers.instances.reduce((sum, s) => sum + cpuMs(s.pid), 0) - cpu0;
      }
    }
    const base = summarize(baseline);
    const cpuPerFlow = baselineCpuMs / baseline.length;

    const room = Array.from({ length: PARTICIPANTS }, (_, i) => participant(i, `ws-${run}`));
    const rssBefore = servers.instances.map((s) => rssMiB(s.pid));
    const cpuBefore = servers.instances.map((s) => cpuMs(s.pid));
    const clientCpu = process.cpuUsage();
    const loadBefore = loadAverage();
    const t0 = performance.now();
    // With several instances a participant's flows take turns between them, as round-robin routing would
    // send them: state written through one instance must be what the next one reads.
    const tally = await workshop(room, EVERY_MS, DURATION_MS, (i, k) => urls[(i + k) % urls.length]!);
    const wallMs = performance.now() - t0;
    const workshopCpuPerFlow = servers.instances.reduce((sum, s, i) => sum + cpuMs(s.pid) - cpuBefore[i]!, 0) / Math.max(1, tally.attempted);
    const serverCpu = servers.instances.map((s, i) => (cpuMs(s.pid) - cpuBefore[i]!) / wallMs);
    const client = cpuShare(clientCpu, wallMs);
    const rssAfter = servers.instances.map((s) => rssMiB(s.pid));
    const loadAfter = loadAverage();

    const problems = (await Promise.all(room.map((p) => checkIsolation(urls[urls.length - 1]!, p, seed)))).flat();
    const writes = room.reduce((n, p) => n + p.writes, 0);
    const uncertain = room.reduce((n, p) => n + p.uncertain, 0);
    const flowsPerSecond = tally.attempted / (wallMs / 1000);
    const flow = summarize(tally.flows);
    const name = `${PARTICIPANTS} participants, ${INSTANCES} instance${INSTANCES > 1 ? "s" : ""}, ${REDIS ? "Redis" : "memory"} store`;
    const mib = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(" + ");

    const body = [
      `### ${name}`,
      "",
      `Each participant in their own workspace runs the whole flow every ${EVERY_MS / 1000} s for ${DURATION_MS / 1000} s (starts spread over the first ${EVERY_MS / 1000} s);`,
      "half submit Kari's tax return (202, applied 500 ms later), half send Siri's fishing-licence application (204).",
      `Times are what the client sees per request; the whole flow is the sum of its five steps (the 1 s a 202's Retry-After asks the client to wait is not counted).`,
      "",
      TABLE_HEAD,
      ...tally.summaries().map(([label, s]) => row(label, s)),
      row("baseline: whole flow, one participant alone", base),
      "",
      `- **${tally.attempted} flows, ${tally.failures.length} failed**${tally.failures.length ? ` (${tally.failureLines().join("; ")})` : ""}; ${tally.late} started late (the previous flow overran its ${EVERY_MS / 1000} s slot); ${flowsPerSecond.toFixed(1)} flows/s, ${(flowsPerSecond * 5).toFixed(0)} requests/s (plus the polls).`,
      `- Whole flow under the workshop vs alone: p50 **${(flow.p50 / base.p50).toFixed(1)}×**, p95 **${(flow.p95 / base.p95).toFixed(1)}×**.`,
      `- Queued write visible to the re-fetch after (wall time from pressing the button): p50 ${fmt(summarize(tally.visibleAfter).p50)} ms, p99 ${fmt(summarize(tally.visibleAfter).p99)} ms.`,
      `- Isolation: ${writes} confirmed writes${uncertain ? ` and ${uncertain} of unknown outcome (timeouts, 5xx)` : ""} in ${PARTICIPANTS} workspaces; ${problems.length === 0 ? "**every workspace holds exactly its own writes**, and the other dialog in it is the seed's" : `**${problems.length} problems**: ${problems.slice(0, 5).join("; ")}`}.`,
      `- Server CPU per whole flow (all instances, every internal call included): ${cpuPerFlow.toFixed(1)} ms alone, ${workshopCpuPerFlow.toFixed(1)} ms in the workshop.`,
      `- Server CPU: ${serverCpu.map((c) => `${(c * 100).toFixed(0)} %`).join(" + ")} of one core; client (this script, same machine) ${(client * 100).toFixed(0)} %. RSS ${mib(rssBefore)} MiB before, ${mib(rssAfter)} MiB after.`,
      `- Machine: ${machine()}; load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after (shared with other work).`,
      `- Command: \`npm run bench:workshop${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` (bench/workshop.ts), ${new Date().toISOString().slice(0, 10)}`,
    ].join("\n");
    console.log(`\n${body}\n`);
    if (!flag("--no-write")) writeSection(`workshop-${INSTANCES}x-${REDIS ? "redis" : "memory"}`, body);
    if (tally.failures.length || problems.length) process.exitCode = 1;
  } finally {
    await servers.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
