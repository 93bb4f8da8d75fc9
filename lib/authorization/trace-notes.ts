import { encodeTrace, type ServiceTrace } from "../shared/trace";
import type { Explanation } from "./decide";

/** Dialogporten sends a handful of references per dialog; more than this is a benchmark or a probe. */
export const MAX_TRACED_EXPLANATIONS = 100;

/**
 * Node's HTTP client refuses response headers over 16 KB in total, and the trace rides in one.
 * Keep our share well below, whatever the request held.
 */
export const MAX_TRACE_HEADER_CHARS = 8 * 1024;

const MAX_STRING = 200;

/** What the PDP tells the sandbox about one decision request: which rule decided each result, in result order. */
export interface AuthorizationNotes {
  explanations: Explanation[];
  /** Explanations left out so the trace header stays small. */
  omittedExplanations?: number;
}

const clip = (s: string): string => (s.length > MAX_STRING ? `${s.slice(0, MAX_STRING)}…` : s);
const clipOrNull = (s: string | null): string | null => (s === null ? null : clip(s));

function clipped(e: Explanation): Explanation {
  return {
    ...e,
    reference: e.reference.map(clip),
    action: clipOrNull(e.action),
    subject: clipOrNull(e.subject),
    party: clipOrNull(e.party),
    resourceId: clipOrNull(e.resourceId),
    attributes: e.attributes.map((a) => ({ id: clip(a.id), value: clip(a.value) })),
    detail: clip(e.detail),
  };
}

/**
 * The PDP's trace: every explanation when they fit, otherwise the first ones that do, and a count
 * of the rest. Halving keeps the number of trial encodings small.
 */
export async function traceFor(explanations: Explanation[]): Promise<ServiceTrace<AuthorizationNotes>> {
  const build = (n: number): ServiceTrace<AuthorizationNotes> => {
    const omitted = explanations.length - n;
    const listed = explanations.slice(0, n).map(clipped);
    return { actor: "authorization", exchanges: [], notes: omitted > 0 ? { explanations: listed, omittedExplanations: omitted } : { explanations: listed } };
  };
  let n = Math.min(explanations.length, MAX_TRACED_EXPLANATIONS);
  let trace = build(n);
  while (n > 0 && (await encodeTrace(trace)).length > MAX_TRACE_HEADER_CHARS) {
    n = Math.floor(n / 2);
    trace = build(n);
  }
  return trace;
}
