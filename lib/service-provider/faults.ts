import { withFaultHeader } from "../shared/faults";
import type { FaultName } from "../shared/faults";
import { createJwksCache } from "./jwks-cache";
import type { JwksCache, JwksCacheOptions } from "./jwks-cache";
import { formatAction } from "../altinn/dialog-token";
import type { ActionRef } from "../altinn/dialog-token";

/**
 * The service provider's side of fault injection (docs/decisions/014-fault-injection.md). Nothing here can
 * make a token pass that the unfaulted provider would refuse: the key faults only take keys away, and
 * the check faults only add requirements. The provider's clock is never moved from outside.
 */

/**
 * A throwaway key cache for one request whose every fetch reaches Dialogporten with `jwks-unavailable`,
 * so the JWKS really answers 503. Warm (`jwks-down`): a copy of the live cache's keys, treated as due for a
 * refresh, so the refresh is attempted, fails, and the cached keys are used. Cold (`jwks-cold`): no keys
 * at all, so the provider fails closed. The live cache is never touched.
 */
export function degradedCache(options: JwksCacheOptions, live: JwksCache, warm: boolean): JwksCache {
  return createJwksCache({
    ...options,
    fetch: withFaultHeader(options.fetch, ["jwks-unavailable"]),
    ttlSeconds: 0,
    minRefetchIntervalSeconds: 0,
    seed: warm ? live.peek() : undefined,
  });
}

/** The key fault asked for, if any; `jwks-cold` wins over `jwks-down`. */
export function keyFault(faults: ReadonlySet<FaultName>): "jwks-cold" | "jwks-down" | undefined {
  return faults.has("jwks-cold") ? "jwks-cold" : faults.has("jwks-down") ? "jwks-down" : undefined;
}

/** `require-level-4` only ever raises the minimum level. */
export function minimumLevelWith(faults: ReadonlySet<FaultName>, minimum: number | undefined): number | undefined {
  return faults.has("require-level-4") ? Math.max(minimum ?? 0, 4) : minimum;
}

/**
 * `naive-action-check` (Dialogporten #4043): the bare action name is required first, and the exact pair
 * after it, so the result is the stricter of the two. Undefined when the action has no attribute.
 */
export function naiveAction(faults: ReadonlySet<FaultName>, action: ActionRef | undefined): ActionRef | undefined {
  if (!faults.has("naive-action-check") || !action) return undefined;
  const bare = { name: action.name };
  return formatAction(bare) === formatAction(action) ? undefined : bare;
}
