/**
 * RFC 9457 problem details, shaped like Dialogporten's own (`type`, `title`, `status`, `detail`,
 * `instance`, `traceId`, plus the stable `code` that the real ProblemDetails schema also carries).
 */
/** Codes the shared pieces (router, fault headers, limits) answer with, in whichever service they run. */
export const SHARED_CODES = [
  "not_found",
  "method_not_allowed",
  "internal_error",
  "unsupported_media_type",
  "malformed_json",
  "body_too_large",
  "request_header_too_large",
  "fault_invalid",
  "clock_offset_invalid",
  "invalid_workspace",
] as const;
export type SharedCode = (typeof SHARED_CODES)[number];

export interface ProblemInit<C extends string = SharedCode> {
  status: number;
  title: string;
  code: C;
  /** Overrides the RFC 9110 section URI, for a service whose real counterpart cites another (e.g. RFC 7231). */
  type?: string;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[]>;
  headers?: HeadersInit;
  /** Extension members (RFC 9457 §3.2), e.g. `retryAfter`. */
  extensions?: Record<string, unknown>;
}

const TYPES: Record<number, string> = {
  400: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.1",
  401: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.2",
  403: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.4",
  404: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.5",
  405: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.6",
  406: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.7",
  409: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.10",
  413: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.14",
  415: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.16",
  422: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.5.21",
  431: "https://datatracker.ietf.org/doc/html/rfc6585#section-5",
  502: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.6.3",
  503: "https://datatracker.ietf.org/doc/html/rfc9110#section-15.6.4",
};

/** A problem with one of the shared codes; a service builds its own with `problemFor`. */
export function problem(init: ProblemInit): Response {
  return build(init);
}

/**
 * The `problem` of a service whose codes are `C`: a code missing from the service's list does not
 * typecheck, so the list stays the one place that says what a service can answer.
 */
export function problemFor<C extends string>(): (init: ProblemInit<C | SharedCode>) => Response {
  return build;
}

function build(init: ProblemInit<string>): Response {
  const body = {
    type: init.type ?? TYPES[init.status] ?? "about:blank",
    title: init.title,
    status: init.status,
    ...(init.detail !== undefined && { detail: init.detail }),
    ...(init.instance !== undefined && { instance: init.instance }),
    code: init.code,
    traceId: traceId(),
    ...(init.errors && { errors: init.errors }),
    ...init.extensions,
  };
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/problem+json");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { status: init.status, headers });
}

/** W3C trace-context style id, as ASP.NET puts in `traceId`. */
function traceId(): string {
  const hex = (n: number) => Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, "0")).join("");
  return `00-${hex(16)}-${hex(8)}-00`;
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("content-type")) headers.set("content-type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function methodNotAllowed(allow: string[], instance: string): Response {
  return problem({
    status: 405,
    title: "Method Not Allowed",
    code: "method_not_allowed",
    detail: `Allowed: ${allow.join(", ")}.`,
    instance,
    headers: { allow: allow.join(", ") },
  });
}

export function notFound(instance: string, detail = "No such endpoint."): Response {
  return problem({ status: 404, title: "Not Found", code: "not_found", detail, instance });
}
