import { problem } from "./codes";
import { json } from "../shared/problem";
import type { Route } from "../shared/router";
import { DEFAULT_WORKSPACE, WORKSPACE_HEADER } from "../shared/workspace";
import { workspaceFrom } from "./workspace";
import type { Clock, FetchLike } from "../shared/types";
import { createJwksCache, MAX_JWKS_TTL_SECONDS, type JwksCache, type JwksCacheOptions } from "./jwks-cache";

/** Enough for a workshop of a thousand; past it the least recently used participant's cache is dropped (a refetch, nothing worse). */
const MAX_CACHES = 2000;

interface Slot {
  cache: JwksCache;
  options: JwksCacheOptions;
  /** The workspace's provider clock as of its latest request: the cache's TTL runs on it. */
  clock: { now: Clock };
}

/** A fetch that names the workspace, so Dialogporten answers with that workspace's JWKS. */
function inWorkspace(fetch: FetchLike, workspace: string): FetchLike {
  if (workspace === DEFAULT_WORKSPACE) return fetch;
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set(WORKSPACE_HEADER, workspace);
    return fetch(input, { ...init, headers });
  };
}

/**
 * One JWKS cache per workspace. A workspace can rotate its own keys (issue: time, keys and policies), and
 * what a learner should see is a provider that fetched *their* JWKS, caches it on *their* clock (a jump
 * of 25 h makes it stale), refetches once on an unknown kid, and can be told to forget it.
 */
export function workspaceJwksCaches(base: JwksCacheOptions) {
  const slots = new Map<string, Slot>();

  function create(workspace: string, now: Clock): Slot {
    const clock = { now };
    const options: JwksCacheOptions = { ...base, fetch: inWorkspace(base.fetch, workspace), now: () => clock.now() };
    return { cache: createJwksCache(options), options, clock };
  }

  return {
    /** The workspace's cache, its clock set to this request's. */
    of(workspace: string, now: Clock): Slot {
      let slot = slots.get(workspace);
      if (slot) slots.delete(workspace);
      else {
        if (slots.size >= MAX_CACHES) slots.delete(slots.keys().next().value!);
        slot = create(workspace, now);
      }
      slots.set(workspace, slot);
      slot.clock.now = now;
      return slot;
    },
    /** The workspace's cache if it has one, its clock set to `now`, without creating it or counting as a use. */
    peek(workspace: string, now: Clock): JwksCache | undefined {
      const slot = slots.get(workspace);
      if (slot) slot.clock.now = now;
      return slot?.cache;
    },
    /** Forgets the workspace's keys: its next token makes the provider fetch the metadata and the JWKS again. */
    flush(workspace: string): boolean {
      return slots.delete(workspace);
    },
  };
}

export type WorkspaceJwksCaches = ReturnType<typeof workspaceJwksCaches>;

/** The sandbox's own teaching endpoint (no real provider has it): what a workspace's key cache holds, and forgetting it. */
const KEY_CACHE_PATH = "/service-provider/sandbox/jwks-cache";

/** The provider's settings the cache's answer reports, so a UI predicts with the running values, not copies of them. */
interface KeyCacheSettings {
  /** The provider's clock in a workspace: the cache's TTL runs on it. */
  clockOf: (workspace: string) => Promise<Clock>;
  ttlSeconds: number;
  leewaySeconds: number;
  refetchIntervalSeconds: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const NO_STORE = { "cache-control": "no-store" };

/**
 * `GET /service-provider/ws/<id>/sandbox/jwks-cache` → 200: the kids the provider holds for that workspace,
 * when it fetched them and when they go stale, on the workspace's provider clock (`default` answers too).
 * `DELETE` → 204: the next token in that workspace shows the provider's metadata and JWKS fetch again. The
 * shared `default` workspace refuses the DELETE (409), so nobody makes every other user's next request pay
 * for a refetch.
 */
export function keyCacheRoute(caches: WorkspaceJwksCaches, settings: KeyCacheSettings): Route {
  const ttlMs = Math.min(Math.max(settings.ttlSeconds, 0), MAX_JWKS_TTL_SECONDS) * 1000;
  return {
    path: KEY_CACHE_PATH,
    methods: {
      GET: async (request) => {
        const workspace = workspaceFrom(request);
        const clock = await settings.clockOf(workspace);
        const now = clock();
        const cache = caches.peek(workspace, clock);
        const held = cache?.peek();
        const nextRefetch = cache?.nextKidRefetchAt();
        const body = {
          workspace,
          now: iso(now),
          ttlSeconds: ttlMs / 1000,
          leewaySeconds: settings.leewaySeconds,
          refetchIntervalSeconds: settings.refetchIntervalSeconds,
          cached: held
            ? {
                kids: held.jwks.keys.map((k) => k.kid).filter((kid): kid is string => typeof kid === "string"),
                jwksUri: held.jwksUri,
                fetchedAt: iso(held.fetchedAt),
                staleAt: iso(held.fetchedAt + ttlMs),
                stale: now >= held.fetchedAt + ttlMs,
              }
            : null,
          kidRefetchAllowedFrom: nextRefetch === undefined ? null : iso(nextRefetch),
        };
        return json(body, { headers: NO_STORE });
      },
      DELETE: async (request) => {
        const workspace = workspaceFrom(request);
        if (workspace === DEFAULT_WORKSPACE) {
          const detail =
            "The default workspace's key cache is shared; flush the cache of a workspace of your own (/service-provider/ws/<id>/sandbox/jwks-cache).";
          return problem({ status: 409, title: "Conflict", code: "default_workspace_shared", detail, instance: new URL(request.url).pathname });
        }
        caches.flush(workspace);
        return new Response(null, { status: 204, headers: NO_STORE });
      },
    },
  };
}
