/**
 * How a provider's answer is read. Only a 4xx is a refusal: a 5xx means the provider broke on the token
 * (it did not decide, so it did not fail closed on purpose), a 3xx sends the client elsewhere instead of
 * saying no, and no answer at all tells nothing. A valid token must get a 2xx.
 */

export type ProviderAnswer = { status: number; contentType?: string; wwwAuthenticate?: string; body: string } | { error: string };

export type Verdict = "accepted" | "refused" | "redirected" | "server_error" | "no_answer";

export function verdictOf(answer: ProviderAnswer): Verdict {
  if ("error" in answer) return "no_answer";
  if (answer.status >= 200 && answer.status < 300) return "accepted";
  if (answer.status >= 400 && answer.status < 500) return "refused";
  if (answer.status >= 500) return "server_error";
  return "redirected";
}

/** The provider's own reason, when it gives one: a problem `code`, or RFC 6750's `error` attribute. */
export function reasonOf(answer: ProviderAnswer): string | undefined {
  if ("error" in answer) return undefined;
  if (answer.contentType?.includes("json")) {
    try {
      const body = JSON.parse(answer.body) as { code?: unknown; error?: unknown };
      if (typeof body.code === "string") return body.code;
    } catch {
      // not JSON after all: fall through to the header
    }
  }
  return /error="([^"]*)"/.exec(answer.wwwAuthenticate ?? "")?.[1];
}

/** One line on what came back, e.g. `401 (invalid_token)` or `no answer: timeout`. */
export function describeAnswer(answer: ProviderAnswer): string {
  if ("error" in answer) return `no answer (${answer.error})`;
  const reason = reasonOf(answer);
  return `${answer.status}${reason ? ` (${reason})` : ""}`;
}
