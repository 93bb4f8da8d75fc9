import type { CacheView, KeyView } from "./world-api";

/**
 * How the provider would get to a verdict on a token signed by `key`, from what its cache holds now
 * (lib/shared/jwks-cache.ts): from the cache, or after fetching the keys — cold, stale, or refetched once
 * because the kid is unknown (at most once per interval). Only a key in the JWKS survives a fetch.
 */
export type KeyPath = "cache" | "fetch" | "refresh" | "refetch" | "refetch_skipped";

export interface KeyVerdict {
  /** Refused means `kid_unknown`: no key with this kid is in the keys the provider then holds. */
  accepted: boolean;
  path: KeyPath;
}

/** `providerNow`: the provider's clock in the workspace (epoch ms), on which the cache ages. */
export function keyVerdict(key: Pick<KeyView, "kid" | "status">, cache: Pick<CacheView, "cached" | "kidRefetchAllowedFrom">, providerNow: number): KeyVerdict {
  const inJwks = key.status !== "retired";
  const held = cache.cached;
  if (!held) return { accepted: inJwks, path: "fetch" };
  if (providerNow >= Date.parse(held.staleAt)) return { accepted: inJwks, path: "refresh" };
  // A fresh cache is trusted as it is: a retired key it still holds is accepted until the cache goes stale.
  if (held.kids.includes(key.kid)) return { accepted: true, path: "cache" };
  const waitUntil = cache.kidRefetchAllowedFrom === null ? undefined : Date.parse(cache.kidRefetchAllowedFrom);
  if (waitUntil !== undefined && providerNow < waitUntil) return { accepted: false, path: "refetch_skipped" };
  return { accepted: inJwks, path: "refetch" };
}
