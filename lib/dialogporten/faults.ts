import type { SigningKey } from "../keys/keys";
import { signCompact } from "../keys/keys";
import type { FaultName } from "../shared/faults";
import { FAULT_HEADER, FORWARDED_TO_AUTHORIZATION, parseClockOffset, parseFaults } from "../shared/faults";
import { problem } from "./codes";
import type { DialogTokenInput, IssuedToken } from "./token";
import type { FaultsNote } from "./trace-notes";
import { buildClaims, issueDialogToken, jtiFor } from "./token";
import { CONTEXT_TOKEN_TYP, dotnetJson, ENVIRONMENT_ISSUERS } from "../altinn/dialog-token";

/**
 * Dialogporten's side of fault injection (docs/decisions/014-fault-injection.md). Each fault can only make
 * a run fail: a dead PDP, a PDP answer that must be refused, or a token the service provider must refuse.
 */

/** Loopback's discard port, where nothing listens: the connection is refused for real, at once. */
export const UNREACHABLE_AUTHORIZATION_URL = "http://127.0.0.1:9";
/** The issuer Dialogporten's at23 test environment puts in its tokens (docs/real-systems.md §1.2). */
export const OTHER_ENVIRONMENT_ISSUER = ENVIRONMENT_ISSUERS.at23;

export interface DialogFaults {
  faults: ReadonlySet<FaultName>;
  /** Seconds added to Dialogporten's clock when it issues the token (never when it checks anything). */
  clockOffsetSeconds: number;
}

export const NO_FAULTS: DialogFaults = { faults: new Set(), clockOffsetSeconds: 0 };

/** Reads both fault headers of a dialog request; a malformed one is a 400 problem. */
export function readDialogFaults(request: Request): { ok: true; value: DialogFaults } | { ok: false; response: Response } {
  const faults = parseFaults(request);
  if (!faults.ok) return faults;
  const offset = parseClockOffset(request);
  if (!offset.ok) return offset;
  return { ok: true, value: { faults: faults.faults, clockOffsetSeconds: offset.seconds } };
}

/** What the trace notes say about the faults in force (nothing when there are none). */
export function describeFaults(f: DialogFaults): FaultsNote | undefined {
  if (f.faults.size === 0 && f.clockOffsetSeconds === 0) return undefined;
  return { faults: [...f.faults], ...(f.clockOffsetSeconds !== 0 && { clockOffsetSeconds: f.clockOffsetSeconds }) };
}

/** Where the decision request goes, and which faults travel with it to Altinn Authorization. */
export function authorizationTarget(authorizationUrl: string, f: DialogFaults): { baseUrl: string; headers: Record<string, string> } {
  const forwarded = FORWARDED_TO_AUTHORIZATION.filter((n) => f.faults.has(n));
  return {
    baseUrl: f.faults.has("pdp-down") ? UNREACHABLE_AUTHORIZATION_URL : authorizationUrl,
    headers: forwarded.length > 0 ? { [FAULT_HEADER]: forwarded.join(", ") } : {},
  };
}

/** `jwks-unavailable` on the well-known endpoints: 503 with Retry-After, as in the real maintenance mode. */
export function wellKnownFault(request: Request): Response | null {
  const faults = parseFaults(request);
  if (!faults.ok) return faults.response;
  if (!faults.faults.has("jwks-unavailable")) return null;
  return problem({
    status: 503,
    title: "Service Unavailable",
    code: "service_unavailable",
    detail: "Dialogporten is under maintenance (injected fault jwks-unavailable).",
    instance: new URL(request.url).pathname,
    headers: { "retry-after": "30" },
  });
}

/** Issues the dialog token, with the issuing-side faults applied: a skewed clock, another issuer, another typ. */
export async function issueWithFaults(input: DialogTokenInput, key: SigningKey, now: number, f: DialogFaults): Promise<IssuedToken> {
  const issuer = f.faults.has("issuer-other-environment") ? OTHER_ENVIRONMENT_ISSUER : input.issuer;
  const at = now + f.clockOffsetSeconds * 1000;
  if (!f.faults.has("typ-context-token")) return issueDialogToken({ ...input, issuer }, { key, now: at });
  const header: IssuedToken["header"] = { alg: "EdDSA", typ: CONTEXT_TOKEN_TYP, kid: key.kid };
  const claims = buildClaims({ ...input, issuer }, at, await jtiFor({ ...input, issuer }, at));
  const token = await signCompact(key, dotnetJson(header), dotnetJson(claims));
  return { token, header, claims };
}
