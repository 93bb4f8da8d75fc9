import { FAULTS, parseFaults } from "../shared/faults";
import { problem } from "./codes";
import type { Exchange } from "../shared/trace";
import type { Clock } from "../shared/types";
import { authError, extractBearer } from "./bearer";
import { asClaims, decodeToken } from "./decode";
import { keyFault, minimumLevelWith, naiveAction } from "./faults";
import type { JwksCache } from "./jwks-cache";
import type { GateNotes } from "./trace-notes";
import type { VerifyExpectations } from "./types";
import type { DialogTokenClaims, Jwks } from "../altinn/dialog-token";
import { refusedByHeader, verifyDialogToken } from "./verify";

export interface GateTrace {
  exchanges: Exchange[];
  notes: GateNotes;
}

type GateResult = { ok: true; claims: DialogTokenClaims; trace: GateTrace } | { ok: false; response: Response; trace: GateTrace };

interface GateDeps {
  cache: JwksCache;
  now: Clock;
  issuer: string;
  skewSeconds: number;
  /** Builds the throwaway key cache of the `jwks-down` (warm) and `jwks-cold` faults. */
  degradedCache?: (warm: boolean) => JwksCache;
}

/**
 * Takes the bearer token off the request, gets keys from the cache (a network call only when the cache
 * needs one) and verifies locally. Denials are RFC 6750 401/403 or, with no keys at all, a 503.
 */
export async function authenticate(request: Request, expect: Omit<VerifyExpectations, "issuer">, deps: GateDeps): Promise<GateResult> {
  const instance = new URL(request.url).pathname;
  const trace: GateTrace = { exchanges: [], notes: { verification: null, keySource: null, authorizationCalls: 0 } };
  const parsedFaults = parseFaults(request);
  if (!parsedFaults.ok) return { ok: false, response: parsedFaults.response, trace };
  const faults = parsedFaults.faults;
  const mine = [...faults].filter((f) => FAULTS[f].service === "service-provider");
  if (mine.length > 0) trace.notes.faults = mine;
  const bearer = extractBearer(request);
  if (!bearer.ok) {
    trace.notes.bearer = bearer.code;
    return { ok: false, response: authError(bearer.code, bearer.detail, instance), trace };
  }
  let jwks: Jwks = { keys: [] };
  const decoded = decodeToken(bearer.token);
  // A token that does not even parse, or that its header alone condemns, is refused without touching the network.
  if (decoded.ok && asClaims(decoded.payload) && !refusedByHeader(decoded.header)) {
    const kid = typeof decoded.header.kid === "string" ? decoded.header.kid : undefined;
    const degraded = keyFault(faults);
    const cache = degraded && deps.degradedCache ? deps.degradedCache(degraded === "jwks-down") : deps.cache;
    const keys = await cache.getKeys(kid);
    trace.exchanges.push(...keys.exchanges);
    if (!keys.ok) {
      trace.notes.jwks = keys.detail;
      const response = problem({ status: 503, title: "Service Unavailable", code: keys.code, detail: keys.detail, instance, headers: { "retry-after": "30" } });
      return { ok: false, response, trace };
    }
    jwks = keys.jwks;
    trace.notes.keySource = keys.source;
    if (keys.reason) trace.notes.keyFetch = keys.reason;
    if (keys.stale) trace.notes.keysStale = true;
    if (keys.note) trace.notes.jwks = keys.note;
  }
  const context = {
    jwks,
    now: deps.now(),
    skewSeconds: deps.skewSeconds,
    expect: { issuer: deps.issuer, ...expect, minimumLevel: minimumLevelWith(faults, expect.minimumLevel) },
  };
  // naive-action-check: the bare action first (Dialogporten #4043), then the exact pair; the stricter wins.
  const bare = naiveAction(faults, expect.action);
  const first = bare ? await verifyDialogToken(bearer.token, { ...context, expect: { ...context.expect, action: bare } }) : undefined;
  const result = first && !first.valid ? first : await verifyDialogToken(bearer.token, context);
  trace.notes.verification = result;
  if (!result.valid || !result.claims) {
    const failed = result.failure;
    return { ok: false, response: authError(failed?.failure ?? "token_malformed", failed?.detail ?? "The token was refused.", instance), trace };
  }
  return { ok: true, claims: result.claims, trace };
}
