import { sandboxCall, type ApiResult } from "../workspace/sandbox-call";

/** One key of a workspace's ring, as `GET /sandbox/api/v1/workspaces/{id}/keys` answers it (lib/sandbox-api/workspace-keys.ts). */
export interface KeyView {
  kid: string;
  status: "primary" | "published" | "retired";
  /** The deployment's two keys, or one this workspace published. */
  origin: "deployment" | "workspace";
  /** On Dialogporten's clock in the workspace; null for the deployment's keys (published long ago). */
  publishedAt: string | null;
  signsFrom: string | null;
  retiredAt?: string;
}

export interface KeysView {
  primary: string;
  /** Dialogporten's clock in the workspace when it answered. */
  now: string;
  keys: KeyView[];
}

/** The provider's key cache of a workspace, as `GET /service-provider/ws/{id}/sandbox/jwks-cache` answers it. */
export interface CacheView {
  /** The provider's clock in the workspace when it answered. */
  now: string;
  ttlSeconds: number;
  /** The provider's leeway on nbf/exp (SANDBOX_CLOCK_SKEW_SECONDS), as the running server has it. */
  leewaySeconds: number;
  refetchIntervalSeconds: number;
  cached: { kids: string[]; fetchedAt: string; staleAt: string; stale: boolean } | null;
  /** While set and ahead, an unknown kid does not make the provider refetch. */
  kidRefetchAllowedFrom: string | null;
}

const enc = encodeURIComponent;
const keysUrl = (id: string, rest = "") => `/sandbox/api/v1/workspaces/${enc(id)}/keys${rest}`;
// The sandbox's own route on the provider, reached on the page's origin: no CORS needed for a teaching endpoint.
const cacheUrl = (id: string) => `/service-provider/ws/${enc(id)}/sandbox/jwks-cache`;
const POST = { method: "POST" } as const;
const DELETE = { method: "DELETE" } as const;

/** The calls behind the key timeline and the cache panel; each answers the value or the problem (code and detail). */
export const worldApi = {
  keys: (id: string): Promise<ApiResult<KeysView>> => sandboxCall<KeysView>(keysUrl(id)),
  cache: (id: string): Promise<ApiResult<CacheView>> => sandboxCall<CacheView>(cacheUrl(id)),
  publish: (id: string) => sandboxCall<KeysView>(keysUrl(id), POST),
  promote: (id: string, kid: string, early: boolean) => sandboxCall<KeysView>(keysUrl(id, `/${enc(kid)}/promote${early ? "?early=true" : ""}`), POST),
  retire: (id: string, kid: string) => sandboxCall<KeysView>(keysUrl(id, `/${enc(kid)}/retire`), POST),
  resetKeys: (id: string) => sandboxCall<null>(keysUrl(id), DELETE),
  flush: (id: string) => sandboxCall<null>(cacheUrl(id), DELETE),
};
