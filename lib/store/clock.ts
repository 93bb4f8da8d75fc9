import type { Clock } from "../shared/types";
import type { WorkspaceStore } from "./store";

/** Where a workspace keeps its clock settings, when it has any. */
export const CLOCK_KEY = "clock";

/** The services whose clocks a workspace can skew apart: the token's issuer and its verifier. */
export const SKEWABLE = ["dialogporten", "service-provider"] as const;
export type SkewableActor = (typeof SKEWABLE)[number];

/** How far a workspace may move its clock: a year either way, and each side's skew an hour (the `sandbox-clock-offset` bound). */
export const CLOCK_LIMITS = { offsetSeconds: 366 * 24 * 3600, skewSeconds: 3600 } as const;

/**
 * A workspace's simulated time (issue: time, keys and policies per workspace). All optional; none set is
 * the deployment's clock.
 * - `at`: a frozen instant (ISO 8601): every service reads it, and tokens are derived, not random.
 * - `offsetSeconds`: the clock runs, shifted — "jump forward 11 minutes" while the token's 10 expire.
 * - `skewSeconds`: added to one service's clock only, so issuer and verifier disagree by that much:
 *   within the verifier's leeway nothing changes, beyond it `nbf`/`exp` checks fail.
 */
export interface WorkspaceClock {
  at?: string;
  offsetSeconds?: number;
  skewSeconds?: Partial<Record<SkewableActor, number>>;
}

export async function readWorkspaceClock(store: WorkspaceStore, workspace: string): Promise<WorkspaceClock | null> {
  const raw = await store.read(workspace, CLOCK_KEY);
  if (raw === null) return null;
  // "null" is a clock that was freed (the store compares and sets, it never deletes single keys).
  const parsed = parseWorkspaceClock(JSON.parse(raw));
  return parsed.ok && Object.keys(parsed.value).length > 0 ? parsed.value : null;
}

export type ClockParse = { ok: true; value: WorkspaceClock } | { ok: false; detail: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const within = (n: unknown, limit: number): n is number => typeof n === "number" && Number.isInteger(n) && Math.abs(n) <= limit;

/** Strict: unknown fields, a non-ISO `at`, or offsets past the limits are refused, never clamped. */
export function parseWorkspaceClock(value: unknown): ClockParse {
  if (value === null) return { ok: true, value: {} };
  if (!isObject(value)) return { ok: false, detail: "The clock is an object." };
  const unknown = Object.keys(value).filter((k) => !["at", "offsetSeconds", "skewSeconds"].includes(k));
  if (unknown.length > 0) return { ok: false, detail: `Unknown field ${unknown[0]}: a clock has at, offsetSeconds and skewSeconds.` };
  const clock: WorkspaceClock = {};
  if (value.at !== undefined) {
    const ms = typeof value.at === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value.at) ? Date.parse(value.at) : NaN;
    if (!Number.isFinite(ms)) return { ok: false, detail: 'at must be an ISO 8601 instant, e.g. "2026-12-01T10:00:00Z".' };
    clock.at = new Date(ms).toISOString();
  }
  if (value.offsetSeconds !== undefined) {
    if (!within(value.offsetSeconds, CLOCK_LIMITS.offsetSeconds))
      return { ok: false, detail: `offsetSeconds must be a whole number within ±${CLOCK_LIMITS.offsetSeconds}.` };
    if (value.offsetSeconds !== 0) clock.offsetSeconds = value.offsetSeconds;
  }
  if (value.skewSeconds !== undefined) {
    if (!isObject(value.skewSeconds)) return { ok: false, detail: "skewSeconds is an object {dialogporten?, service-provider?}." };
    const skew: Partial<Record<SkewableActor, number>> = {};
    for (const [actor, seconds] of Object.entries(value.skewSeconds)) {
      if (!(SKEWABLE as readonly string[]).includes(actor))
        return { ok: false, detail: `skewSeconds.${actor}: only dialogporten and service-provider can be skewed.` };
      if (!within(seconds, CLOCK_LIMITS.skewSeconds))
        return { ok: false, detail: `skewSeconds.${actor} must be a whole number within ±${CLOCK_LIMITS.skewSeconds}.` };
      if (seconds !== 0) skew[actor as SkewableActor] = seconds;
    }
    if (Object.keys(skew).length > 0) clock.skewSeconds = skew;
  }
  return { ok: true, value: clock };
}

/** A service's clock for one request, and whether it stands still (then tokens are derived, not random). */
export interface WorkspaceClockOf {
  now: Clock;
  fixed: boolean;
}

/**
 * The clock `actor` uses for one request in `workspace`: the workspace's frozen instant or the deployment's
 * clock (`SANDBOX_FIXED_CLOCK` or the real one) shifted by the workspace's offset, plus this actor's skew.
 * A frozen clock is what makes a link's tokens byte-identical.
 */
export async function clockOf(store: WorkspaceStore, workspace: string, fallback: WorkspaceClockOf, actor?: string): Promise<WorkspaceClockOf> {
  const settings = await readWorkspaceClock(store, workspace);
  if (!settings) return fallback;
  const shift = ((settings.offsetSeconds ?? 0) + (settings.skewSeconds?.[actor as SkewableActor] ?? 0)) * 1000;
  if (settings.at !== undefined) {
    const at = Date.parse(settings.at) + shift;
    return { now: () => at, fixed: true };
  }
  return { now: () => fallback.now() + shift, fixed: fallback.fixed };
}
