import { problem } from "../shared/problem";
import type { Exchange } from "../shared/trace";
import type { Clock } from "../shared/types";
import { authError, extractBearer } from "./bearer";
import { decodeToken } from "./decode";
import type { JwksCache, KeySource } from "./jwks-cache";
import type { DialogTokenClaims, Jwks, VerificationResult, VerifyExpectations } from "./types";
import { verifyDialogToken } from "./verify";

/** What the service provider tells the sandbox about one request (travels in the Sandbox-Trace header). */
export interface GateNotes {
  verification: VerificationResult | null;
  keySource: KeySource | null;
  /** Always 0: the whole point of the dialog token is that the service provider never asks Altinn Authorization. */
  authorizationCalls: 0;
  bearer?: string;
  jwks?: string;
  required?: string;
}

export interface GateTrace {
  exchanges: Exchange[];
  notes: GateNotes;
}

export type GateResult = { ok: true; claims: DialogTokenClaims; trace: GateTrace } | { ok: false; response: Response; trace: GateTrace };

export interface GateDeps {
  cache: JwksCache;
  now: Clock;
  issuer: string;
  skewSeconds: number;
}

/**
 * Takes the bearer token off the request, gets keys from the cache (a network call only when the cache
 * needs one) and verifies locally. Denials are RFC 6750 401/403 or, with no keys at all, a 503.
 */
export async function authenticate(request: Request, expect: Omit<VerifyExpectations, "issuer">, deps: GateDeps): Promise<GateResult> {
  const instance = new URL(request.url).pathname;
  const trace: GateTrace = { exchanges: [], notes: { verification: null, keySource: null, authorizationCalls: 0 } };
  const bearer = extractBearer(request);
  if (!bearer.ok) {
    trace.notes.bearer = bearer.code;
    return { ok: false, response: authError(bearer.code, bearer.detail, instance), trace };
  }
  let jwks: Jwks = { keys: [] };
  const decoded = decodeToken(bearer.token);
  // A token that does not even parse is refused without touching the network.
  if (decoded.ok) {
    const kid = typeof decoded.header.kid === "string" ? decoded.header.kid : undefined;
    const keys = await deps.cache.getKeys(kid);
    trace.exchanges.push(...keys.exchanges);
    if (!keys.ok) {
      trace.notes.jwks = keys.detail;
      const response = problem({ status: 503, title: "Service Unavailable", code: keys.code, detail: keys.detail, instance, headers: { "retry-after": "30" } });
      return { ok: false, response, trace };
    }
    jwks = keys.jwks;
    trace.notes.keySource = keys.source;
    if (keys.note) trace.notes.jwks = keys.note;
  }
  const result = await verifyDialogToken(bearer.token, { jwks, now: deps.now(), skewSeconds: deps.skewSeconds, expect: { issuer: deps.issuer, ...expect } });
  trace.notes.verification = result;
  if (!result.valid || !result.claims) {
    const failed = result.failure;
    return { ok: false, response: authError(failed?.failure ?? "token_malformed", failed?.detail ?? "The token was refused.", instance), trace };
  }
  return { ok: true, claims: result.claims, trace };
}
