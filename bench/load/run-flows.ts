import { type FlowResult, type Participant, runFlow, STEPS, type Step } from "../../e2e/support/participant";
import { type Summary, summarize } from "./stats";

/** What a batch of flows gave: every sample per step and whole flow, and the failures with their step. */
class Tally {
  readonly steps = new Map<Step, number[]>(STEPS.map((s) => [s, []]));
  readonly flows: number[] = [];
  readonly visibleAfter: number[] = [];
  readonly failures: Array<{ workspace: string; step?: Step; detail?: string }> = [];
  late = 0;

  add(p: Participant, r: FlowResult): void {
    if (!r.ok) {
      this.failures.push({ workspace: p.workspace, step: r.failedStep, detail: r.detail });
      return;
    }
    for (const s of STEPS) this.steps.get(s)!.push(r.ms[s] ?? 0);
    this.flows.push(r.totalMs);
    if (r.visibleAfterMs !== undefined && p.role.writeStatus === 202) this.visibleAfter.push(r.visibleAfterMs);
  }

  get attempted(): number {
    return this.flows.length + this.failures.length;
  }

  summaries(): Array<[string, Summary]> {
    return [...STEPS.map((s): [string, Summary] => [s, summarize(this.steps.get(s)!)]), ["**whole flow**", summarize(this.flows)]];
  }

  /** Failures grouped by step and detail, for the report: "write: 503 … ×3". */
  failureLines(): string[] {
    const counts = new Map<string, number>();
    for (const f of this.failures) {
      const key = `${f.step ?? "?"}: ${(f.detail ?? "").slice(0, 120)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts].map(([k, n]) => `${k} ×${n}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The workshop: each participant runs the whole flow every `everyMs` for `durationMs`, starts spread
 * evenly over the first period so the room does not press the button in unison. A flow that overruns
 * its slot delays the next one (counted as late) rather than piling up: one person does one thing at a time.
 * `urlFor(i, k)` picks the instance of participant i's k-th flow.
 */
export async function workshop(participants: Participant[], everyMs: number, durationMs: number, urlFor: (i: number, k: number) => string): Promise<Tally> {
  const tally = new Tally();
  const t0 = performance.now();
  await Promise.all(
    participants.map(async (p, i) => {
      const offset = (i / participants.length) * everyMs;
      for (let k = 0; offset + k * everyMs < durationMs; k++) {
        const due = t0 + offset + k * everyMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        else if (k > 0) tally.late++;
        tally.add(p, await runFlow(urlFor(i, k), p));
      }
    }),
  );
  return tally;
}

/**
 * Open-model load: flows start at `rate` per second whatever the server does (a queue of people, not a
 * fixed set of clients waiting for each other), each for the next participant of the pool in turn. At most
 * `maxInFlight` run at once; a start that finds them all busy is counted as dropped, since the rate was then
 * not sustained. A participant never runs two flows at once (their writes' counts must stay exact).
 */
export async function openLoad(pool: Participant[], rate: number, durationMs: number, url: string, maxInFlight: number): Promise<Tally & { dropped: number }> {
  const tally = Object.assign(new Tally(), { dropped: 0 });
  const busy = new Set<Participant>();
  const running: Promise<void>[] = [];
  const t0 = performance.now();
  let next = 0;
  for (let n = 0; n * (1000 / rate) < durationMs; n++) {
    const wait = t0 + n * (1000 / rate) - performance.now();
    if (wait > 0) await sleep(wait);
    const p = pool[next++ % pool.length]!;
    if (busy.size >= maxInFlight || busy.has(p)) {
      tally.dropped++;
      continue;
    }
    busy.add(p);
    running.push(
      runFlow(url, p).then((r) => {
        tally.add(p, r);
        busy.delete(p);
      }),
    );
  }
  await Promise.all(running);
  return tally;
}
