import { ACCESS_TOKEN_CODES } from "../altinn/access-token";
import { PDP_CALL_CODES } from "../altinn/decision-request";
import { problemFor } from "../shared/problem";
import { FAILURE_CODES } from "./types";

/** Why no usable bearer token came with the request (RFC 6750). */
export const BEARER_CODES = ["token_missing", "authorization_header_malformed", "authorization_header_repeated", "token_in_query", "token_in_cookie"] as const;
export type BearerFailureCode = (typeof BEARER_CODES)[number];

/** A verified write action that still could not be done (ADR 012). */
export const WRITE_ACTION_CODES = ["dialog_not_in_task", "dialogporten_update_failed", "write_queue_full"] as const;

/** Legacy mode (ADR 013): the access token's own refusals, the PDP's, and its denial. */
export const LEGACY_CODES = [...ACCESS_TOKEN_CODES, ...PDP_CALL_CODES, "not_authorized"] as const;

/**
 * Every code the service provider's problem answers carry (besides the shared ones): the bearer, the
 * step-5 checks (`FAILURE_CODES`, in lib/service-provider/types.ts), the JWKS, CORS, write actions, legacy mode.
 * Stable: tests and the UI rely on them; add codes, never rename one.
 */
export const SERVICE_PROVIDER_CODES = [
  ...BEARER_CODES,
  ...FAILURE_CODES,
  "jwks_unavailable",
  "origin_not_allowed",
  ...WRITE_ACTION_CODES,
  ...LEGACY_CODES,
  // The sandbox's own key-cache flush refuses on the shared default workspace.
  "default_workspace_shared",
] as const;
export type ServiceProviderCode = (typeof SERVICE_PROVIDER_CODES)[number];

export const problem = problemFor<ServiceProviderCode>();
