import type { Exchange, HeaderList } from "../shared/trace";
import type { Clock } from "../shared/types";

/**
 * The one piece of server-side memory in the sandbox (ADR 011). A browser's CORS preflight is invisible to
 * page JavaScript, so the service provider keeps each OPTIONS it answered — as it received and answered
 * it — for a few seconds, and hands the matching one to the trace of the actual request that follows.
 * Per instance, bounded, short-lived; a request that finds none says so and nothing is reconstructed.
 */

export const PREFLIGHT_LABEL = "CORS preflight (sent by the browser)";

export type PreflightNote = { observed: true; exchange: Exchange; ageMs: number } | { observed: false; detail: string };

interface PreflightLogOptions {
  /** Real time, not a scenario clock: only how long entries live depends on it. */
  now?: Clock;
  ttlMs?: number;
  maxEntries?: number;
}

interface Entry {
  origin: string;
  path: string;
  method: string;
  granted: boolean;
  at: number;
  claimed: boolean;
  exchange: Exchange;
}

const MAX_HEADERS = 40;
const MAX_HEADER_CHARS = 1024;
/** Preflights never carry credentials; drop them anyway so the buffer can never hold one. */
const DROP = new Set(["cookie", "authorization", "proxy-authorization"]);

function headerList(headers: Headers): HeaderList {
  return [...headers.entries()]
    .filter(([k]) => !DROP.has(k))
    .slice(0, MAX_HEADERS)
    .map(([k, v]) => [k, v.length > MAX_HEADER_CHARS ? `${v.slice(0, MAX_HEADER_CHARS)}…` : v]);
}

export class PreflightLog {
  private entries: Entry[] = [];
  private readonly now: Clock;
  private readonly ttlMs: number;
  private readonly max: number;

  constructor(opts: PreflightLogOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.ttlMs = opts.ttlMs ?? 30_000;
    this.max = opts.maxEntries ?? 200;
  }

  get size(): number {
    this.prune();
    return this.entries.length;
  }

  /** Keeps an answered OPTIONS request that carried an Origin. Never throws. */
  record(request: Request, response: Response, startedAt: number, durationMs: number): void {
    const origin = request.headers.get("origin");
    const method = request.headers.get("access-control-request-method");
    if (origin === null || method === null) return;
    const url = new URL(request.url);
    const exchange: Exchange = {
      id: crypto.randomUUID(),
      from: "end-user-system",
      to: "service-provider",
      label: PREFLIGHT_LABEL,
      request: { method: "OPTIONS", url: url.href, headers: headerList(request.headers), body: null },
      response: { status: response.status, statusText: response.statusText, headers: headerList(response.headers), body: null },
      startedAt: new Date(startedAt).toISOString(),
      durationMs: Math.round(durationMs * 100) / 100,
    };
    this.prune();
    this.entries.push({
      origin,
      path: url.pathname,
      method: method.trim().toUpperCase(),
      granted: response.status < 300,
      at: this.now(),
      claimed: false,
      exchange,
    });
    if (this.entries.length > this.max) this.entries.splice(0, this.entries.length - this.max);
  }

  /** The most recent granted, unclaimed preflight for this origin, path and method; each is handed out once. */
  claim(origin: string, path: string, method: string): PreflightNote {
    this.prune();
    const m = method.toUpperCase();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.claimed || !e.granted || e.origin !== origin || e.path !== path || e.method !== m) continue;
      e.claimed = true;
      return { observed: true, exchange: e.exchange, ageMs: Math.max(0, this.now() - e.at) };
    }
    return {
      observed: false,
      detail:
        `This instance answered no preflight for ${m} ${path} from ${origin} in the last ${this.ttlMs / 1000} s. ` +
        "The browser may have used a cached preflight (Access-Control-Max-Age), or another instance behind the load balancer answered it. Nothing is reconstructed.",
    };
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    if (this.entries.length && this.entries[0]!.at < cutoff) this.entries = this.entries.filter((e) => e.at >= cutoff);
  }
}
