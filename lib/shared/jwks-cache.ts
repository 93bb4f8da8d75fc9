import { tracedFetch } from "./trace";
import type { Actor, Exchange, TracedResult } from "./trace";
import type { Clock, FetchLike } from "./types";

/**
 * The one JWKS cache every verifier in the sandbox uses: the service provider for Dialogporten's keys,
 * Dialogporten and the provider's legacy mode for the identity providers' keys. Serves cached keys while
 * fresh; refreshes after the TTL; on an unknown kid refetches at most once per interval (a rotation it has
 * not seen yet); keeps serving cached keys, even stale ones, while the endpoint is down; with nothing
 * cached it fails closed. Every network call goes through `tracedFetch` and is handed back, so the caller
 * can show it (docs/design.md, principle 5).
 */

/** Dialogporten's docs ask verifiers to refresh at most every 24 h (docs/real-systems.md §2.4); a longer TTL is clamped. */
export const MAX_JWKS_TTL_SECONDS = 86_400;
const DEFAULT_TTL_SECONDS = 3_600;
/** Least time between two unknown-kid refetches, unless a verifier sets its own. */
export const DEFAULT_REFETCH_INTERVAL_SECONDS = 60;
const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_BODY_CHARS = 64 * 1024;

/** A GET through `tracedFetch`, as the cache makes it; handed to `discover` so its calls are traced alike. */
export type TracedGet = (url: string, label: string) => Promise<TracedResult>;

export type Discovery = { ok: true; jwksUri: string } | { ok: false; detail: string };

export interface JwksCacheOptions<K> {
  fetch: FetchLike;
  now: Clock;
  /** Who fetches the keys and from whom, for the trace. */
  from: Actor;
  to: Actor;
  /** The exchange's label for the JWKS fetch. */
  label: string;
  /** Where the keys are: a fixed URL, or found by `discover` (again each time the keys are stale). */
  jwksUrl?: string;
  discover?: (get: TracedGet) => Promise<Discovery>;
  ttlSeconds: number;
  /** Least time between two network attempts triggered by an unknown kid, or after a failed attempt. */
  minRefetchIntervalSeconds?: number;
  timeoutMs?: number;
  /** Why a fetched `keys` array is no use to this verifier, or null to take it. */
  refuseKeys?: (keys: unknown[]) => string | null;
  /** Keys to start with instead of an empty cache (a throwaway copy of another cache, for fault injection). */
  seed?: CachedKeys<K>;
}

/** What a cache holds: the keys, where they came from and when. */
export interface CachedKeys<K> {
  jwks: { keys: K[] };
  jwksUri: string;
  fetchedAt: number;
}

export type KeySource = "cache" | "network";
/** Why the cache went to the network: nothing cached yet, the TTL ran out, or a kid it does not hold (a rotation it has not seen). */
export type FetchReason = "cold" | "stale" | "unknown_kid";

export type KeyLookup<K> =
  | { ok: true; jwks: { keys: K[] }; source: KeySource; stale: boolean; fetchedAt: number; exchanges: Exchange[]; note?: string; reason?: FetchReason }
  | { ok: false; code: "jwks_unavailable"; detail: string; exchanges: Exchange[] };

export interface JwksCache<K> {
  /** Keys to verify a token signed with `kid`; an unknown kid triggers one rate-limited refetch. */
  getKeys(kid?: string): Promise<KeyLookup<K>>;
  /** The cached keys as they are, without any network call (undefined while cold). */
  peek(): CachedKeys<K> | undefined;
  /** When an unknown kid may next cause a network call: undefined means at once (none was made within the interval). */
  nextKidRefetchAt(): number | undefined;
}

type Fetched<K> = { ok: true; entry: CachedKeys<K>; exchanges: Exchange[] } | { ok: false; detail: string; exchanges: Exchange[] };

function clampTtl(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_TTL_SECONDS;
  return Math.min(Math.max(seconds, 0), MAX_JWKS_TTL_SECONDS);
}

/** The body of a 200 answer as a JSON object, or why it is not one. */
export function jsonObject(r: TracedResult, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; detail: string } {
  if (!r.response) return { ok: false, detail: `${what}: no response (${r.exchange.error ?? "network error"}).` };
  if (r.response.status !== 200) return { ok: false, detail: `${what}: HTTP ${r.response.status}.` };
  if (r.body === null || r.body.length > MAX_BODY_CHARS) return { ok: false, detail: `${what}: body missing or larger than ${MAX_BODY_CHARS} characters.` };
  try {
    const value: unknown = JSON.parse(r.body);
    if (value !== null && typeof value === "object" && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // fall through: not JSON
  }
  return { ok: false, detail: `${what}: body is not a JSON object.` };
}

export function createJwksCache<K extends { kid?: unknown }>(opts: JwksCacheOptions<K>): JwksCache<K> {
  const ttlMs = clampTtl(opts.ttlSeconds) * 1000;
  const intervalMs = Math.max(0, opts.minRefetchIntervalSeconds ?? DEFAULT_REFETCH_INTERVAL_SECONDS) * 1000;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let entry: CachedKeys<K> | undefined = opts.seed;
  /** Only refetches caused by an unknown kid count here, so a rotation right after a routine fetch is still seen. */
  let lastKidRefetchAt: number | undefined;
  let lastFailureAt: number | undefined;
  let inflight: Promise<Fetched<K>> | undefined;

  async function fetchKeys(rediscover: boolean): Promise<Fetched<K>> {
    const exchanges: Exchange[] = [];
    const get: TracedGet = async (url, label) => {
      const r = await tracedFetch(
        opts.fetch,
        url,
        { method: "GET", headers: { accept: "application/json" } },
        { from: opts.from, to: opts.to, label, timeoutMs },
      );
      exchanges.push(r.exchange);
      return r;
    };
    let jwksUri = opts.jwksUrl ?? (rediscover ? undefined : entry?.jwksUri);
    if (!jwksUri) {
      const found = opts.discover ? await opts.discover(get) : { ok: false as const, detail: "No JWKS URL configured." };
      if (!found.ok) return { ok: false, detail: found.detail, exchanges };
      jwksUri = found.jwksUri;
    }
    const doc = jsonObject(await get(jwksUri, opts.label), "JWKS");
    if (!doc.ok) return { ok: false, detail: doc.detail, exchanges };
    const keys = doc.value.keys;
    if (!Array.isArray(keys)) return { ok: false, detail: "JWKS: keys is not an array.", exchanges };
    const refused = opts.refuseKeys?.(keys);
    if (refused) return { ok: false, detail: refused, exchanges };
    return { ok: true, entry: { jwks: { keys: keys as K[] }, jwksUri, fetchedAt: opts.now() }, exchanges };
  }

  function settle(r: Fetched<K>): Fetched<K> {
    if (r.ok) {
      entry = r.entry;
      lastFailureAt = undefined;
    } else lastFailureAt = opts.now();
    return r;
  }

  /** One network attempt at a time: concurrent callers share it (and its exchanges). */
  function refresh(rediscover: boolean): Promise<Fetched<K>> {
    inflight ??= fetchKeys(rediscover)
      .catch((error: unknown): Fetched<K> => ({ ok: false, detail: `JWKS refresh failed: ${String(error)}`, exchanges: [] }))
      .then(settle)
      .finally(() => (inflight = undefined));
    return inflight;
  }

  const fromNetwork = (r: Extract<Fetched<K>, { ok: true }>, reason: FetchReason): KeyLookup<K> => ({
    ok: true,
    jwks: r.entry.jwks,
    source: "network",
    stale: false,
    fetchedAt: r.entry.fetchedAt,
    exchanges: r.exchanges,
    reason,
  });
  const fromCache = (e: CachedKeys<K>, now: number, exchanges: Exchange[], note?: string): KeyLookup<K> => ({
    ok: true,
    jwks: e.jwks,
    source: "cache",
    stale: now >= e.fetchedAt + ttlMs,
    fetchedAt: e.fetchedAt,
    exchanges,
    ...(note && { note }),
  });

  return {
    peek: () => entry,
    nextKidRefetchAt: () => (lastKidRefetchAt !== undefined && opts.now() < lastKidRefetchAt + intervalMs ? lastKidRefetchAt + intervalMs : undefined),
    async getKeys(kid) {
      const now = opts.now();
      if (!entry) {
        const r = await refresh(true);
        if (r.ok) return fromNetwork(r, "cold");
        return { ok: false, code: "jwks_unavailable", detail: `No cached keys and the JWKS could not be fetched. ${r.detail}`, exchanges: r.exchanges };
      }
      const fresh = now < entry.fetchedAt + ttlMs;
      const kidKnown = kid === undefined || entry.jwks.keys.some((k) => k?.kid === kid);
      if (fresh && kidKnown) return fromCache(entry, now, []);
      const since = (t: number | undefined) => (t === undefined ? Infinity : now - t);
      // An expired TTL always refreshes unless a recent attempt failed; an unknown kid only once per interval.
      const allowed = fresh ? since(lastKidRefetchAt) >= intervalMs : since(lastFailureAt) >= intervalMs;
      if (!allowed) {
        return fromCache(
          entry,
          now,
          [],
          fresh
            ? `Unknown kid ${kid}: refetch skipped, last attempt under ${intervalMs / 1000} s ago.`
            : "Keys are stale; refetch skipped after a recent failure.",
        );
      }
      if (fresh) lastKidRefetchAt = now;
      const r = await refresh(!fresh);
      if (r.ok) return fromNetwork(r, fresh ? "unknown_kid" : "stale");
      return fromCache(entry, now, r.exchanges, `JWKS refetch failed, using cached keys. ${r.detail}`);
    },
  };
}
