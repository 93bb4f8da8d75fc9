import { CLOCK_LIMITS, type WorkspaceClock } from "@/lib/store/clock";

/**
 * The workspace clock a link carries, in the link's own words: `at` (a frozen instant), `offset` (seconds the
 * clock runs ahead or behind), `skew-dp` and `skew-sp` (seconds Dialogporten's or the provider's clock is off by).
 * A link with none of them leaves the opener's clock as it is; a link with any sets exactly that clock (ADR 019).
 */
export interface LinkClock {
  /** A fixed clock (ISO 8601 instant): with the default seed, the same tokens byte for byte. */
  at?: string;
  offset?: number;
  skewDp?: number;
  skewSp?: number;
}

/** The query names, in the order a link writes them. */
const PARAMS = { at: "at", offset: "offset", skewDp: "skew-dp", skewSp: "skew-sp" } as const;

/** Roughly ±100 years around now: outside that, a date is a typo, not a scenario. */
const MAX_CLOCK_DISTANCE_MS = 100 * 365 * 24 * 3600 * 1000;

/** A fixed clock from a link, normalised to ISO 8601 UTC, or undefined when it is not a plausible instant. */
export function parseInstant(value: string | null, now = Date.now()): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && Math.abs(ms - now) < MAX_CLOCK_DISTANCE_MS ? new Date(ms).toISOString().replace(".000Z", "Z") : undefined;
}

/** Whole seconds within the workspace API's own bounds (lib/store/clock.ts), so a link never asks for a clock the API refuses; 0 is no setting. */
function seconds(value: string | null, limit: number): number | undefined {
  if (value === null || !/^[+-]?\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n !== 0 && Math.abs(n) <= limit ? n : undefined;
}

/** Reads a link's clock leniently: whatever is malformed or out of bounds is left out, as if not given. */
export function parseLinkClock(q: URLSearchParams): LinkClock {
  const at = parseInstant(q.get(PARAMS.at));
  const offset = seconds(q.get(PARAMS.offset), CLOCK_LIMITS.offsetSeconds);
  const skewDp = seconds(q.get(PARAMS.skewDp), CLOCK_LIMITS.skewSeconds);
  const skewSp = seconds(q.get(PARAMS.skewSp), CLOCK_LIMITS.skewSeconds);
  return clockPart({ at, offset, skewDp, skewSp });
}

/** Writes a clock into a link's query (nothing for the real clock, so plain links stay short). */
export function setLinkClock(q: URLSearchParams, clock: LinkClock): URLSearchParams {
  for (const key of Object.keys(PARAMS) as (keyof LinkClock)[]) {
    const value = clock[key];
    if (value !== undefined && value !== 0) q.set(PARAMS[key], String(value));
  }
  return q;
}

/** Only the clock of something that carries one (a whole run link, say). */
export function clockPart(clock: LinkClock): LinkClock {
  const { at, offset, skewDp, skewSp } = clock;
  return { ...(at && { at }), ...(offset && { offset }), ...(skewDp && { skewDp }), ...(skewSp && { skewSp }) };
}

/** True when a link names a clock at all, i.e. opening it sets the workspace's clock. */
export const carriesClock = (clock: LinkClock): boolean => Object.keys(clockPart(clock)).length > 0;

export const sameClock = (a: LinkClock, b: LinkClock): boolean =>
  setLinkClock(new URLSearchParams(), a).toString() === setLinkClock(new URLSearchParams(), b).toString();

/** What the workspace API takes (`PUT …/clock`) for a link's clock. */
export function toWorkspaceClock(clock: LinkClock): WorkspaceClock {
  const skew = { ...(clock.skewDp && { dialogporten: clock.skewDp }), ...(clock.skewSp && { "service-provider": clock.skewSp }) };
  return {
    ...(clock.at && { at: clock.at }),
    ...(clock.offset && { offsetSeconds: clock.offset }),
    ...(Object.keys(skew).length > 0 && { skewSeconds: skew }),
  };
}

/** A workspace's stored clock as a link says it (`null` is the real clock). */
export function fromWorkspaceClock(clock: WorkspaceClock | null): LinkClock {
  if (!clock) return {};
  const at = clock.at === undefined ? undefined : new Date(Date.parse(clock.at)).toISOString().replace(".000Z", "Z");
  const { dialogporten: skewDp, "service-provider": skewSp } = clock.skewSeconds ?? {};
  return clockPart({ at, offset: clock.offsetSeconds, skewDp, skewSp });
}
