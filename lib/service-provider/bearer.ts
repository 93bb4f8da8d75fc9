import type { BearerFailureCode } from "./codes";
import { problem } from "./codes";
import type { FailureCode } from "./types";

export type { BearerFailureCode };

type BearerResult = { ok: true; token: string } | { ok: false; code: BearerFailureCode; detail: string };

const REALM = "service-provider";

/** RFC 6750 §2.1 b64token, after the scheme and one or more spaces. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;
const SCHEME = /^([A-Za-z0-9!#$%&'*+\-.^_`|~]+)(?: |$)/;
/** Cookie names a client might (wrongly) use to carry the dialog token. */
const TOKEN_COOKIES = new Set(["access_token", "dialog_token", "dialogtoken", "token", "bearer"]);

function cookieNames(header: string | null): string[] {
  if (!header) return [];
  return header.split(";").map((c) => c.split("=")[0]!.trim().toLowerCase());
}

/**
 * The dialog token is accepted in `Authorization: Bearer` only. A token in the query or a cookie is refused
 * outright (RFC 6750 §2: one method per request; query tokens leak into logs, cookies invite CSRF).
 */
export function extractBearer(request: Request): BearerResult {
  const url = new URL(request.url);
  if (url.searchParams.has("access_token"))
    return { ok: false, code: "token_in_query", detail: "Send the token in the Authorization header, not in ?access_token=." };
  if (cookieNames(request.headers.get("cookie")).some((n) => TOKEN_COOKIES.has(n))) {
    return { ok: false, code: "token_in_cookie", detail: "Send the token in the Authorization header, not in a cookie." };
  }
  const value = request.headers.get("authorization");
  if (value === null || value.trim() === "") return { ok: false, code: "token_missing", detail: "Send Authorization: Bearer <dialog token>." };
  // Headers joins repeated fields with ", ", and a comma can never occur in a b64token.
  if (value.includes(",")) return { ok: false, code: "authorization_header_repeated", detail: "Exactly one Authorization header with one token is accepted." };
  const scheme = SCHEME.exec(value)?.[1];
  // RFC 6750 §3.1: another scheme counts as no authentication information at all, so no error code.
  if (scheme && scheme.toLowerCase() !== "bearer")
    return { ok: false, code: "token_missing", detail: `The ${scheme} scheme is not accepted; send Authorization: Bearer <dialog token>.` };
  const match = BEARER.exec(value);
  if (!match) return { ok: false, code: "authorization_header_malformed", detail: "Expected Authorization: Bearer <token> with a base64url token." };
  return { ok: true, token: match[1]! };
}

/** error_description may only hold %x20-21 / %x23-5B / %x5D-7E (RFC 6750 §3). */
function quoteSafe(text: string): string {
  return text.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, "'").slice(0, 300);
}

export function challenge(error?: "invalid_token" | "insufficient_scope", description?: string): string {
  let value = `Bearer realm="${REALM}"`;
  if (error) value += `, error="${error}"`;
  if (error && description) value += `, error_description="${quoteSafe(description)}"`;
  return value;
}

/** A token that verified but does not cover this request is 403; anything else wrong with it is 401. */
const INSUFFICIENT: ReadonlySet<FailureCode> = new Set(["dialog_mismatch", "action_not_in_token", "authentication_level_too_low"]);

function statusFor(code: FailureCode | BearerFailureCode): 401 | 403 {
  return INSUFFICIENT.has(code as FailureCode) ? 403 : 401;
}

/** RFC 6750 error response with an RFC 9457 body carrying the same stable code. */
export function authError(code: FailureCode | BearerFailureCode, detail: string, instance: string): Response {
  const status = statusFor(code);
  if (code === "token_missing") {
    return problem({ status, title: "Unauthorized", code, detail, instance, headers: { "www-authenticate": challenge() } });
  }
  const error = status === 403 ? "insufficient_scope" : "invalid_token";
  return problem({
    status,
    title: status === 403 ? "Forbidden" : "Unauthorized",
    code,
    detail,
    instance,
    headers: { "www-authenticate": challenge(error, `${code}: ${detail}`) },
  });
}
