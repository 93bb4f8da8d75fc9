import { tracedFetch } from "../shared/trace";
import type { Exchange, TracedResult } from "../shared/trace";
import type { Clock, FetchLike } from "../shared/types";
import { isUsableEd25519 } from "./decode";
import type { JwkLike, Jwks } from "../altinn/dialog-token";

/** The docs ask verifiers to refresh at most every 24 h (real-dialogporten.md §2.4); a longer TTL is clamped. */
export const MAX_JWKS_TTL_SECONDS = 86_400;
const DEFAULT_TTL_SECONDS = 3_600;
const DEFAULT_REFETCH_INTERVAL_SECONDS = 60;
const DEFAULT_TIMEOUT_MS = 5_000;
const MAX_BODY_CHARS = 64 * 1024;

export interface JwksCacheOptions {
  fetch: FetchLike;
  now: Clock;
  /** RFC 8414 document, e.g. `<issuer>/.well-known/oauth-authorization-server`. */
  metadataUrl: string;
  /** The metadata's `issuer` must equal this (RFC 8414 §3.3). */
  issuer: string;
  ttlSeconds: number;
  /** Least time between two network attempts triggered by an unknown kid, or after a failed attempt. */
  minRefetchIntervalSeconds?: number;
  timeoutMs?: number;
  /** Keys to start with instead of an empty cache (a throwaway copy of another cache, for fault injection). */
  seed?: CachedKeys;
}

/** What a cache holds: the keys, where they came from and when. */
export interface CachedKeys {
  jwks: Jwks;
  jwksUri: string;
  fetchedAt: number;
}

export type KeySource = "cache" | "network";

export type KeyLookup =
  | { ok: true; jwks: Jwks; source: KeySource; stale: boolean; fetchedAt: number; exchanges: Exchange[]; note?: string }
  | { ok: false; code: "jwks_unavailable"; detail: string; exchanges: Exchange[] };

export interface JwksCache {
  /** Keys to verify a token signed with `kid`; an unknown kid triggers one rate-limited refetch. */
  getKeys(kid?: string): Promise<KeyLookup>;
  /** The cached keys as they are, without any network call (undefined while cold). */
  peek(): CachedKeys | undefined;
}

type Entry = CachedKeys;

type Fetched = { ok: true; entry: Entry; exchanges: Exchange[] } | { ok: false; detail: string; exchanges: Exchange[] };

function clampTtl(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_TTL_SECONDS;
  return Math.min(Math.max(seconds, 0), MAX_JWKS_TTL_SECONDS);
}

function jsonBody(r: TracedResult, what: string): { ok: true; value: Record<string, unknown> } | { ok: false; detail: string } {
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

function absoluteHttpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Discovers and caches Dialogporten's JWKS. Serves cached keys while fresh; refreshes after the TTL; on an
 * unknown kid refetches at most once per interval (a rotation it has not seen yet); keeps serving cached
 * keys, even stale ones, while the endpoint is down; with nothing cached it fails closed.
 * Every network call goes through `tracedFetch` and is handed back, so the caller can show it.
 */
export function createJwksCache(opts: JwksCacheOptions): JwksCache {
  const ttlMs = clampTtl(opts.ttlSeconds) * 1000;
  const intervalMs = Math.max(0, opts.minRefetchIntervalSeconds ?? DEFAULT_REFETCH_INTERVAL_SECONDS) * 1000;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let entry: Entry | undefined = opts.seed;
  /** Only refetches caused by an unknown kid count here, so a rotation right after a routine fetch is still seen. */
  let lastKidRefetchAt: number | undefined;
  let lastFailureAt: number | undefined;
  let inflight: Promise<Fetched> | undefined;

  const get = (url: string, label: string) =>
    tracedFetch(opts.fetch, url, { method: "GET", headers: { accept: "application/json" } }, { from: "service-provider", to: "dialogporten", label, timeoutMs });

  async function fetchKeys(rediscover: boolean): Promise<Fetched> {
    const exchanges: Exchange[] = [];
    let jwksUri = rediscover ? undefined : entry?.jwksUri;
    if (!jwksUri) {
      const m = await get(opts.metadataUrl, "Discover JWKS (RFC 8414 metadata)");
      exchanges.push(m.exchange);
      const doc = jsonBody(m, "Metadata");
      if (!doc.ok) return { ok: false, detail: doc.detail, exchanges };
      if (doc.value.issuer !== opts.issuer) return { ok: false, detail: `Metadata issuer ${JSON.stringify(doc.value.issuer)} is not ${opts.issuer}.`, exchanges };
      const uri = absoluteHttpUrl(doc.value.jwks_uri);
      if (!uri) return { ok: false, detail: "Metadata has no absolute http(s) jwks_uri.", exchanges };
      jwksUri = uri;
    }
    const j = await get(jwksUri, "Fetch JWKS");
    exchanges.push(j.exchange);
    const doc = jsonBody(j, "JWKS");
    if (!doc.ok) return { ok: false, detail: doc.detail, exchanges };
    const keys = doc.value.keys;
    if (!Array.isArray(keys) || !keys.some((k: unknown) => isUsableEd25519(k as JwkLike))) {
      return { ok: false, detail: "JWKS: no usable Ed25519 key in keys[].", exchanges };
    }
    return { ok: true, entry: { jwks: { keys: keys as JwkLike[] }, jwksUri, fetchedAt: opts.now() }, exchanges };
  }

  function settle(r: Fetched): Fetched {
    if (r.ok) {
      entry = r.entry;
      lastFailureAt = undefined;
    } else lastFailureAt = opts.now();
    return r;
  }

  /** One network attempt at a time: concurrent callers share it (and its exchanges). */
  function refresh(rediscover: boolean): Promise<Fetched> {
    inflight ??= fetchKeys(rediscover)
      .catch((error: unknown): Fetched => ({ ok: false, detail: `JWKS refresh failed: ${String(error)}`, exchanges: [] }))
      .then(settle)
      .finally(() => (inflight = undefined));
    return inflight;
  }

  const fromCache = (e: Entry, now: number, exchanges: Exchange[], note?: string): KeyLookup => ({
    ok: true, jwks: e.jwks, source: "cache", stale: now >= e.fetchedAt + ttlMs, fetchedAt: e.fetchedAt, exchanges, ...(note && { note }),
  });

  return {
    peek: () => entry,
    async getKeys(kid) {
      const now = opts.now();
      if (!entry) {
        const r = await refresh(true);
        if (r.ok) return { ok: true, jwks: r.entry.jwks, source: "network", stale: false, fetchedAt: r.entry.fetchedAt, exchanges: r.exchanges };
        return { ok: false, code: "jwks_unavailable", detail: `No cached keys and the JWKS could not be fetched. ${r.detail}`, exchanges: r.exchanges };
      }
      const fresh = now < entry.fetchedAt + ttlMs;
      const kidKnown = kid === undefined || entry.jwks.keys.some((k) => k?.kid === kid);
      if (fresh && kidKnown) return fromCache(entry, now, []);
      const since = (t: number | undefined) => (t === undefined ? Infinity : now - t);
      // An expired TTL always refreshes unless a recent attempt failed; an unknown kid only once per interval.
      const allowed = fresh ? since(lastKidRefetchAt) >= intervalMs : since(lastFailureAt) >= intervalMs;
      if (!allowed) {
        return fromCache(entry, now, [], fresh ? `Unknown kid ${kid}: refetch skipped, last attempt under ${intervalMs / 1000} s ago.` : "Keys are stale; refetch skipped after a recent failure.");
      }
      if (fresh) lastKidRefetchAt = now;
      const r = await refresh(!fresh);
      if (r.ok) return { ok: true, jwks: r.entry.jwks, source: "network", stale: false, fetchedAt: r.entry.fetchedAt, exchanges: r.exchanges };
      return fromCache(entry, now, r.exchanges, `JWKS refetch failed, using cached keys. ${r.detail}`);
    },
  };
}
