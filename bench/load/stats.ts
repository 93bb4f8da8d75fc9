import os from "node:os";

/** Nearest-rank percentile of sorted samples (the same definition as bench/run.ts). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/** Milliseconds, two significant decimals below 10 ms, one above. */
export const fmt = (ms: number) => (Number.isNaN(ms) ? "–" : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

/** One markdown table row of a summary. */
export const row = (label: string, s: Summary, extra: string[] = []) =>
  `| ${label} | ${s.n} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(s.max)} |${extra.map((e) => ` ${e} |`).join("")}`;

export const TABLE_HEAD = "| | samples | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) |\n| --- | --- | --- | --- | --- | --- |";

/** The machine, for the record: CPU, cores, RAM, Node, and how busy it was (other agents share it). */
export function machine(): string {
  const cpus = os.cpus();
  return `${cpus[0]?.model.trim() ?? "unknown CPU"} (${cpus.length} logical CPUs), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");

/** Client CPU use since `since` (process.cpuUsage), as a share of one core over `wallMs`. */
export function cpuShare(since: NodeJS.CpuUsage, wallMs: number): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000 / wallMs;
}
