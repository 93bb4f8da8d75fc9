import type { FetchLike } from "../shared/types";
import type { ProviderAnswer } from "./judge";

/**
 * The two ways a request reaches the provider under test: straight from this process (the CLI, or a
 * browser when the provider's CORS allows the page), or through the sandbox server's relay.
 */

export interface ProviderRequest {
  url: string;
  method: string;
  headers: [string, string][];
}

export type Send = (request: ProviderRequest) => Promise<ProviderAnswer>;

/** An end-user system gives up on a provider after 10 s (docs/real-systems.md §6.1). */
const TIMEOUT_MS = 10_000;
/** Enough of the body to find a problem `code`; the rest is not read. */
const MAX_BODY_CHARS = 4096;

function answerOf(status: number, headers: Headers | [string, string][], body: string): ProviderAnswer {
  const h = headers instanceof Headers ? headers : new Headers(headers);
  return {
    status,
    contentType: h.get("content-type") ?? undefined,
    wwwAuthenticate: h.get("www-authenticate") ?? undefined,
    body: body.slice(0, MAX_BODY_CHARS),
  };
}

const failureOf = (error: unknown): string => (error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network error");

/** Calls the provider directly: no cookies of this origin, no redirects followed. */
export function directSend(fetch: FetchLike): Send {
  return async ({ url, method, headers }) => {
    const h = new Headers();
    for (const [name, value] of headers) h.append(name, value);
    try {
      const response = await fetch(url, { method, headers: h, credentials: "omit", redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
      // A browser hides a redirect's status (an opaque redirect has status 0); it is still no refusal.
      if (response.type === "opaqueredirect") return { status: 302, body: "" };
      return answerOf(response.status, response.headers, await response.text());
    } catch (error) {
      return { error: failureOf(error) };
    }
  };
}

/** Calls the provider through `POST /sandbox/api/v1/conformance/relay`; the relay's own refusals are no answer from the provider. */
export function relaySend(fetch: FetchLike, sandboxUrl: string): Send {
  return async (request) => {
    try {
      const response = await fetch(`${sandboxUrl}/sandbox/api/v1/conformance/relay`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(request),
      });
      const body = (await response.json()) as { status?: number; headers?: [string, string][]; body?: string; code?: string; detail?: string };
      if (!response.ok || typeof body.status !== "number") return { error: `relay: ${body.code ?? response.status}${body.detail ? ` — ${body.detail}` : ""}` };
      return answerOf(body.status, body.headers ?? [], body.body ?? "");
    } catch (error) {
      return { error: `relay: ${failureOf(error)}` };
    }
  };
}
