import type { FetchLike } from "../shared/types";

/**
 * The conformance relay: the sandbox server calls a team's endpoint on the browser's behalf, for
 * providers whose CORS does not let the conformance page call them directly (or for requests a browser
 * cannot send at all: a Cookie header, a 64 KB header). A hosted sandbox must not become an open proxy,
 * so it calls only origins configuration allows (loopback by default), with a fixed set of headers, no
 * body, no redirects followed, a timeout and a cap on what it reads back.
 */

export const RELAY_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** What an attack needs to carry a token, and nothing that could make the relay a general client. */
const RELAY_HEADERS = new Set(["authorization", "cookie", "accept", "accept-language"]);
const MAX_HEADERS = 8;
/** The word in `SANDBOX_RELAY_ORIGINS` that stands for every loopback origin, whatever the port. */
export const LOOPBACK = "loopback";

export interface RelayPolicy {
  /** Exact origins, or `loopback`; empty: the relay is off. */
  origins: readonly string[];
  fetch: FetchLike;
  timeoutMs: number;
  /** At most this many bytes of the answer's body are read and returned. */
  maxResponseBytes: number;
}

export interface RelayRequest {
  url: string;
  method: (typeof RELAY_METHODS)[number];
  headers: [string, string][];
}

/** The target's answer as the relay saw it. */
export interface RelayAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: string;
  truncated: boolean;
}

export const RELAY_ERROR_CODES = [
  "relay_disabled",
  "relay_request_invalid",
  "relay_url_invalid",
  "relay_origin_not_allowed",
  "relay_method_not_allowed",
  "relay_header_not_allowed",
  "relay_timeout",
  "relay_target_unreachable",
] as const;
export type RelayErrorCode = (typeof RELAY_ERROR_CODES)[number];

export type RelayResult = { ok: true; value: RelayAnswer } | { ok: false; status: number; code: RelayErrorCode; detail: string };

const refuse = (status: number, code: RelayErrorCode, detail: string): { ok: false; status: number; code: RelayErrorCode; detail: string } => ({
  ok: false,
  status,
  code,
  detail,
});

export function isLoopback(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function originAllowed(url: URL, origins: readonly string[]): boolean {
  return origins.some((o) => (o === LOOPBACK ? isLoopback(url) : o === url.origin));
}

/** Checks a relay request's shape; the first problem wins. */
export function parseRelayRequest(body: unknown, origins: readonly string[]): { ok: true; value: RelayRequest } | ReturnType<typeof refuse> {
  if (origins.length === 0)
    return refuse(
      403,
      "relay_disabled",
      "This sandbox has no relay (SANDBOX_RELAY_ORIGINS=off). Call your provider from the browser or run npm run conformance.",
    );
  const b = body as Partial<Record<keyof RelayRequest, unknown>> | null;
  if (b === null || typeof b !== "object" || Array.isArray(b) || typeof b.url !== "string" || !Array.isArray(b.headers)) {
    return refuse(400, "relay_request_invalid", 'Send {"url": "…", "method": "GET", "headers": [["authorization", "Bearer …"]]}.');
  }
  let url: URL;
  try {
    url = new URL(b.url);
  } catch {
    return refuse(400, "relay_url_invalid", "url must be an absolute http(s) URL.");
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) return refuse(400, "relay_url_invalid", "url must be http(s), without credentials.");
  if (!originAllowed(url, origins)) {
    return refuse(
      403,
      "relay_origin_not_allowed",
      `The relay calls only ${origins.map((o) => (o === LOOPBACK ? "loopback origins" : o)).join(", ")} (SANDBOX_RELAY_ORIGINS); ${url.origin} is not one of them.`,
    );
  }
  const method = typeof b.method === "string" ? b.method.toUpperCase() : "GET";
  if (!(RELAY_METHODS as readonly string[]).includes(method)) return refuse(400, "relay_method_not_allowed", `method is one of ${RELAY_METHODS.join(", ")}.`);
  const headers: [string, string][] = [];
  for (const h of b.headers as unknown[]) {
    if (!Array.isArray(h) || h.length !== 2 || typeof h[0] !== "string" || typeof h[1] !== "string")
      return refuse(400, "relay_request_invalid", "headers is a list of [name, value] string pairs.");
    const name = h[0].toLowerCase();
    if (!RELAY_HEADERS.has(name)) return refuse(400, "relay_header_not_allowed", `The relay sends only ${[...RELAY_HEADERS].join(", ")}; not "${name}".`);
    headers.push([name, h[1]]);
  }
  if (headers.length > MAX_HEADERS) return refuse(400, "relay_request_invalid", `At most ${MAX_HEADERS} headers.`);
  return { ok: true, value: { url: url.href, method: method as RelayRequest["method"], headers } };
}

/** Reads at most `max` bytes of a body, then stops reading (the rest is never buffered). */
async function readCapped(response: Response, max: number): Promise<{ body: string; truncated: boolean }> {
  if (!response.body) return { body: "", truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value.subarray(0, Math.max(0, max - size)));
    size += value.byteLength;
    if (size > max) {
      truncated = true;
      // Not awaited: some stream sources settle a cancel only when the connection ends.
      reader.cancel().catch(() => undefined);
      break;
    }
  }
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { body: new TextDecoder().decode(all), truncated };
}

/** Makes the one call; a network failure or the timeout is the relay's error, never a made-up answer. */
export async function relayCall(request: RelayRequest, policy: RelayPolicy, signal?: AbortSignal): Promise<RelayResult> {
  const headers = new Headers();
  for (const [name, value] of request.headers) headers.append(name, value);
  const timeout = AbortSignal.timeout(policy.timeoutMs);
  try {
    const response = await policy.fetch(request.url, {
      method: request.method,
      headers,
      redirect: "manual",
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const { body, truncated } = await readCapped(response, policy.maxResponseBytes);
    return { ok: true, value: { status: response.status, statusText: response.statusText, headers: [...response.headers.entries()], body, truncated } };
  } catch {
    if (timeout.aborted) return refuse(504, "relay_timeout", `${new URL(request.url).origin} did not answer within ${policy.timeoutMs / 1000} s.`);
    return refuse(502, "relay_target_unreachable", `${new URL(request.url).origin} could not be reached (connection refused, reset or DNS failure).`);
  }
}
