/**
 * Memory under a 5-minute soak (issue 9, "Load"): workspaces created and abandoned — every flow a new
 * workspace id that signs in, reads, loads the embed and writes once, then is never used again — against
 * one instance with a short idle expiry and a modest cap. RSS of the server (VmRSS from /proc) is sampled
 * every 10 s; it must level off, since the store forgets idle workspaces. Expiry is also checked directly:
 * workspaces written in the first minute read back as the seed at the end; the last ones still hold their write.
 * RSS alone cannot tell a leak from a heap V8 merely grew, so the server (with bench/memory-probe.mjs
 * preloaded) forces a full GC and reports its live heap before, at the end, and after a pause longer than
 * the idle expiry, when it should be back near where it started (`--gc-every-minute`: also once a minute).
 *
 *   npm run bench:soak
 *   npm run bench:soak -- --minutes 2 --rate 5 --idle 1 --max 500 --no-write
 *   npm run bench:soak -- --gc-every-minute        # the live heap once a minute too (section soak-gc)
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { checkIsolation, participant, seedDialogs, runFlow } from "../e2e/support/participant";
import { flag, numberArg, writeSection } from "./load/doc";
import { openLoad } from "./load/run-flows";
import { cpuMs, rssMiB, startServers } from "./load/server";
import { fmt, loadAverage, machine, summarize } from "./load/stats";

const MINUTES = numberArg("--minutes", 5);
const RATE = numberArg("--rate", 4);
const IDLE_MINUTES = numberArg("--idle", 1);
const MAX = numberArg("--max", 500);
const SAMPLE_MS = 10_000;
// Off by default: a full GC once a minute shows the live heap during the soak, but also keeps RSS down,
// so the RSS curve is then not the one a real server would draw.
const GC_EVERY_MINUTE = flag("--gc-every-minute");

async function main() {
  const run = Date.now().toString(36);
  const probeFile = join(tmpdir(), `sandbox-memory-probe-${run}.jsonl`);
  const probe = fileURLToPath(new URL("./memory-probe.mjs", import.meta.url));
  const servers = await startServers({
    env: {
      SANDBOX_WORKSPACE_IDLE_MINUTES: String(IDLE_MINUTES),
      SANDBOX_WORKSPACE_MAX: String(MAX),
      NODE_OPTIONS: `--import ${probe}`,
      SANDBOX_MEMORY_PROBE: probeFile,
    },
  });
  const { url, pid } = servers.instances[0]!;
  /** Live heap in MiB after a forced full GC in the server. */
  const liveHeap = async (): Promise<number> => {
    const lines = () => (existsSync(probeFile) ? readFileSync(probeFile, "utf8").trim().split("\n").filter(Boolean) : []);
    const before = lines().length;
    process.kill(pid, "SIGUSR2");
    for (let i = 0; i < 50 && lines().length === before; i++) await new Promise((r) => setTimeout(r, 100));
    return (JSON.parse(lines().at(-1) ?? "{}") as { heapUsed?: number }).heapUsed! / 2 ** 20;
  };
  try {
    const seed = await seedDialogs(url);
    const warm = participant(0, `warm-${run}`);
    for (let i = 0; i < 20; i++) await runFlow(url, warm);
    const startHeap = await liveHeap();
    const startRss = rssMiB(pid);
    const loadBefore = loadAverage();

    // One participant per flow: a workspace id used once and abandoned.
    const durationMs = MINUTES * 60_000;
    const people = Array.from({ length: Math.ceil((RATE * durationMs) / 1000) }, (_, i) => participant(i, `soak-${run}`));
    const samples: Array<{ s: number; rss: number }> = [{ s: 0, rss: startRss }];
    const t0 = performance.now();
    const cpu0 = cpuMs(pid);
    const heaps: number[] = [];
    let ticks = 0;
    const timer = setInterval(() => {
      samples.push({ s: Math.round((performance.now() - t0) / 1000), rss: rssMiB(pid) });
      if (GC_EVERY_MINUTE && ++ticks % (60_000 / SAMPLE_MS) === 0) void liveHeap().then((h) => heaps.push(h));
    }, SAMPLE_MS);
    const tally = await openLoad(people, RATE, durationMs, url, 200);
    clearInterval(timer);
    const wall = performance.now() - t0;
    samples.push({ s: Math.round(wall / 1000), rss: rssMiB(pid) });
    const cpu = (cpuMs(pid) - cpu0) / wall;
    const endHeap = await liveHeap();

    // Expiry, seen from outside: the first minute's workspaces have idled past the limit and read as the seed.
    const firstMinute = people.slice(0, RATE * 30).filter((p) => p.writes > 0);
    const forgotten = (await Promise.all(firstMinute.map((p) => checkIsolation(url, { ...p, writes: 0 }, seed)))).filter((x) => x.length === 0).length;
    const lastOnes = people.filter((p) => p.writes > 0).slice(-20);
    const keptProblems = (await Promise.all(lastOnes.map((p) => checkIsolation(url, p, seed)))).flat();
    // Past the idle expiry every soak workspace is forgotten, the last ones too; what the heap holds then stays.
    await new Promise((r) => setTimeout(r, (IDLE_MINUTES * 60 + 15) * 1000));
    const restHeap = await liveHeap();
    const restRss = rssMiB(pid);
    const lastForgotten = (await Promise.all(lastOnes.map((p) => checkIsolation(url, { ...p, writes: 0, uncertain: 0 }, seed)))).filter(
      (x) => x.length === 0,
    ).length;

    const minute = (m: number) => samples.filter((x) => x.s > (m - 1) * 60 && x.s <= m * 60).map((x) => x.rss);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const perMinute = Array.from({ length: MINUTES }, (_, i) => mean(minute(i + 1)));
    const peak = Math.max(...samples.map((x) => x.rss));
    const bar = (rss: number) => "█".repeat(Math.max(1, Math.round((rss / peak) * 30)));
    const flow = summarize(tally.flows);

    const body = [
      `### Memory: a ${MINUTES}-minute soak of abandoned workspaces${GC_EVERY_MINUTE ? ", with a full GC once a minute" : ""}`,
      "",
      `One instance with \`SANDBOX_WORKSPACE_IDLE_MINUTES=${IDLE_MINUTES}\` and \`SANDBOX_WORKSPACE_MAX=${MAX}\`, memory store. ${RATE} new workspaces a second for ${MINUTES} min`,
      `(${tally.attempted} in all), each running the whole flow once — its write makes the workspace hold a changed dialog — and then abandoned.`,
      `RSS of the server process (VmRSS), sampled every ${SAMPLE_MS / 1000} s:`,
      "",
      "```",
      ...samples.map((x) => `${String(x.s).padStart(4)} s ${x.rss.toFixed(1).padStart(6)} MiB ${bar(x.rss)}`),
      "```",
      "",
      `- RSS **${startRss.toFixed(0)} MiB before, ${samples.at(-1)!.rss.toFixed(0)} MiB after** (peak ${peak.toFixed(0)} MiB); mean per minute: ${perMinute.map((m) => m.toFixed(0)).join(", ")} MiB.`,
      `- Live heap after a forced full GC: **${startHeap.toFixed(1)} MiB before**, ${GC_EVERY_MINUTE ? `${heaps.map((h) => h.toFixed(1)).join(", ")} MiB at the end of each minute, ` : ""}${endHeap.toFixed(1)} MiB at the end of the soak, **${restHeap.toFixed(1)} MiB** after ${IDLE_MINUTES * 60 + 15} s idle, when every soak workspace had expired (RSS then ${restRss.toFixed(0)} MiB).`,
      `- Expiry: ${forgotten} of ${firstMinute.length} workspaces written in the first 30 s read back as the seed at the end (idle > ${IDLE_MINUTES} min); the last ${lastOnes.length} still held exactly their own write${keptProblems.length ? ` — **${keptProblems.length} problems**: ${keptProblems.slice(0, 3).join("; ")}` : ""}, and ${lastForgotten} of them read as the seed after the idle pause.`,
      `- Flows: ${tally.failures.length} failed${tally.failures.length ? ` (${tally.failureLines().join("; ")})` : ""}, ${tally.dropped} dropped; whole flow p50 ${fmt(flow.p50)} ms, p99 ${fmt(flow.p99)} ms; server CPU ${(cpu * 100).toFixed(0)} % of one core.`,
      `- Machine: ${machine()}; load average (1/5/15 min) ${loadBefore} before, ${loadAverage()} after.`,
      `- Command: \`npm run bench:soak${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\` (bench/soak.ts), ${new Date().toISOString().slice(0, 10)}`,
    ].join("\n");
    console.log(`\n${body}\n`);
    if (!flag("--no-write")) writeSection(GC_EVERY_MINUTE ? "soak-gc" : "soak", body);
  } finally {
    await servers.stop();
    rmSync(probeFile, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
