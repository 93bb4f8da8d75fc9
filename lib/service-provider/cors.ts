import { FAULT_HEADER, PDP_LATENCY_HEADER } from "../shared/faults";
import { problem } from "./codes";
import { TRACE_HEADER } from "../shared/trace";

/** What the real portal sends (docs/real-systems.md §6.1) plus the sandbox's own trace, fault and latency headers. */
export const ALLOWED_REQUEST_HEADERS = ["authorization", "content-type", "accept-language", "prefer", TRACE_HEADER, FAULT_HEADER, PDP_LATENCY_HEADER];
/** What browser code may read: the RFC 6750 challenge, the trace, and what write actions and 503s answer with. */
export const EXPOSED_HEADERS = ["www-authenticate", TRACE_HEADER, "etag", "location", "retry-after"];
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

export interface CorsPolicy {
  /** Browser origins allowed to call (exact match, scheme + host + port). */
  allowedOrigins: readonly string[];
  /** The service provider's own public origin: same-origin requests carry it and need no grant. */
  ownOrigin?: string;
  /** `Access-Control-Max-Age`; 0 makes Chromium preflight before every call (ADR 010). */
  maxAgeSeconds: number;
}

function isAllowedOrigin(origin: string | null, allowed: readonly string[]): origin is string {
  return origin !== null && allowed.includes(origin);
}

/** A browser request from an origin the provider does not know. Requests without Origin are not browsers' cross-origin calls. */
export function isForeignOrigin(request: Request, policy: CorsPolicy): boolean {
  const origin = request.headers.get("origin");
  return origin !== null && origin !== policy.ownOrigin && !isAllowedOrigin(origin, policy.allowedOrigins);
}

export function originRefused(request: Request): Response {
  return problem({
    status: 403,
    title: "Forbidden",
    code: "origin_not_allowed",
    detail: "This origin may not call the service provider.",
    instance: new URL(request.url).pathname,
    headers: { vary: "Origin" },
  });
}

/**
 * Answers an OPTIONS request. A known origin gets the preflight grant; an unknown one a 403 without any
 * Access-Control-* header, so the browser blocks the real request. No Origin at all is a plain OPTIONS.
 */
export function preflight(request: Request, policy: CorsPolicy): Response {
  const origin = request.headers.get("origin");
  if (origin === null) return new Response(null, { status: 204, headers: { allow: ALLOWED_METHODS } });
  if (!isAllowedOrigin(origin, policy.allowedOrigins) && origin !== policy.ownOrigin) return originRefused(request);
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": ALLOWED_REQUEST_HEADERS.join(", "),
      "access-control-max-age": String(policy.maxAgeSeconds),
      vary: "Origin",
    },
  });
}

/** Adds the CORS grant to an actual response when the caller's origin is allowed; others get none. */
export function withCors(request: Request, response: Response, policy: CorsPolicy): Response {
  const origin = request.headers.get("origin");
  const headers = new Headers(response.headers);
  headers.append("vary", "Origin");
  if (isAllowedOrigin(origin, policy.allowedOrigins)) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-expose-headers", EXPOSED_HEADERS.join(", "));
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
