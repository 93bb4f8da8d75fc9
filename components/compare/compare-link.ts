import type { Scenario } from "../scenario/scenario";
import { parseRunLink, runLinkQuery } from "../sequence/run-link";
import { clockPart, setLinkClock, type LinkClock } from "../workspace/link-clock";

/**
 * What a link to the comparison carries: the scenario, the simulated latency to Altinn Authorization and the
 * workspace clock when the sender's link had one — never a token or a key. Opening it runs both paths again.
 */
export interface CompareLink extends LinkClock {
  scenario: Scenario;
  latencyMs: number;
}

/** The sandbox honours 0–2000 ms per request (ADR 013); anything else would be silently ignored, so it is clamped here. */
export const clampLatency = (v: number): number => (Number.isFinite(v) ? Math.min(2000, Math.max(0, Math.round(v))) : 0);

const KEYS = ["persona", "party", "dialog", "action", "latency", "at", "offset", "skew-dp", "skew-sp"] as const;

/** Reads a link as leniently as the sequence page does: whatever is unknown falls back to what the form offers. */
export function parseCompareLink(search: string): CompareLink {
  const link = parseRunLink(search);
  const raw = new URLSearchParams(search).get("latency");
  const latencyMs = raw && /^\d+$/.test(raw) ? clampLatency(Number(raw)) : 0;
  return { scenario: link.scenario, latencyMs, ...clockPart(link) };
}

/** True when the URL asks for a particular comparison, which the page then runs on opening. */
export function asksForRun(search: string): boolean {
  const q = new URLSearchParams(search);
  return KEYS.some((k) => q.has(k));
}

export function compareLinkQuery(link: CompareLink): string {
  const q = new URLSearchParams(runLinkQuery({ scenario: link.scenario, step: -1 }));
  if (link.latencyMs > 0) q.set("latency", String(link.latencyMs));
  return setLinkClock(q, link).toString();
}

export const sameCompareLink = (a: CompareLink, b: CompareLink): boolean => compareLinkQuery(a) === compareLinkQuery(b);
