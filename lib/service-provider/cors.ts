import { problem } from "../shared/problem";
import { TRACE_HEADER } from "../shared/trace";

/** What the real portal sends (real-dialogporten.md §6.1) plus the sandbox's own trace header. */
export const ALLOWED_REQUEST_HEADERS = ["authorization", "content-type", "accept-language", "prefer", TRACE_HEADER];
export const EXPOSED_HEADERS = ["www-authenticate", TRACE_HEADER];
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const PREFLIGHT_MAX_AGE = "600";

export function isAllowedOrigin(origin: string | null, allowed: readonly string[]): origin is string {
  return origin !== null && allowed.includes(origin);
}

/**
 * Answers an OPTIONS request. A known origin gets the preflight grant; an unknown one a 403 without any
 * Access-Control-* header, so the browser blocks the real request. No Origin at all is a plain OPTIONS.
 */
export function preflight(request: Request, allowed: readonly string[]): Response {
  const origin = request.headers.get("origin");
  const instance = new URL(request.url).pathname;
  if (origin === null) return new Response(null, { status: 204, headers: { allow: ALLOWED_METHODS } });
  if (!isAllowedOrigin(origin, allowed)) {
    return problem({ status: 403, title: "Forbidden", code: "origin_not_allowed", detail: "This origin may not call the service provider.", instance, headers: { vary: "Origin" } });
  }
  return new Response(null, {
    status: 204,
    headers: {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": ALLOWED_REQUEST_HEADERS.join(", "),
      "access-control-max-age": PREFLIGHT_MAX_AGE,
      vary: "Origin",
    },
  });
}

/** Adds the CORS grant to an actual response when the caller's origin is allowed; others get none. */
export function withCors(request: Request, response: Response, allowed: readonly string[]): Response {
  const origin = request.headers.get("origin");
  const headers = new Headers(response.headers);
  headers.append("vary", "Origin");
  if (isAllowedOrigin(origin, allowed)) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-expose-headers", EXPOSED_HEADERS.join(", "));
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
