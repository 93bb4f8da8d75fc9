import * as shared from "../shared/jwks-cache";
import type { Clock, FetchLike } from "../shared/types";
import { isUsableEd25519 } from "./decode";
import type { JwkLike } from "../altinn/dialog-token";

export { DEFAULT_REFETCH_INTERVAL_SECONDS, MAX_JWKS_TTL_SECONDS } from "../shared/jwks-cache";
export type { FetchReason, KeySource } from "../shared/jwks-cache";

/**
 * Dialogporten's keys, as the service provider knows them: discovered through the RFC 8414 metadata
 * document (again whenever they are stale), and kept in the sandbox's one JWKS cache (lib/shared/jwks-cache.ts).
 */

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

export type CachedKeys = shared.CachedKeys<JwkLike>;
export type KeyLookup = shared.KeyLookup<JwkLike>;
export type JwksCache = shared.JwksCache<JwkLike>;

function absoluteHttpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

/** RFC 8414: the metadata names its issuer, which must be the one expected, and an absolute `jwks_uri`. */
function metadataDiscovery(metadataUrl: string, issuer: string): (get: shared.TracedGet) => Promise<shared.Discovery> {
  return async (get) => {
    const doc = shared.jsonObject(await get(metadataUrl, "Discover JWKS (RFC 8414 metadata)"), "Metadata");
    if (!doc.ok) return doc;
    if (doc.value.issuer !== issuer) return { ok: false, detail: `Metadata issuer ${JSON.stringify(doc.value.issuer)} is not ${issuer}.` };
    const jwksUri = absoluteHttpUrl(doc.value.jwks_uri);
    return jwksUri ? { ok: true, jwksUri } : { ok: false, detail: "Metadata has no absolute http(s) jwks_uri." };
  };
}

export function createJwksCache(opts: JwksCacheOptions): JwksCache {
  return shared.createJwksCache<JwkLike>({
    fetch: opts.fetch,
    now: opts.now,
    from: "service-provider",
    to: "dialogporten",
    label: "Fetch JWKS",
    discover: metadataDiscovery(opts.metadataUrl, opts.issuer),
    ttlSeconds: opts.ttlSeconds,
    minRefetchIntervalSeconds: opts.minRefetchIntervalSeconds,
    timeoutMs: opts.timeoutMs,
    // Only EdDSA is accepted, so a JWKS without one usable Ed25519 key is no JWKS at all.
    refuseKeys: (keys) => (keys.some((k) => isUsableEd25519(k as JwkLike)) ? null : "JWKS: no usable Ed25519 key in keys[]."),
    seed: opts.seed,
  });
}
