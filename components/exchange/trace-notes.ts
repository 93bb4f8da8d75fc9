import type { Explanation as PdpExplanation } from "@/lib/authorization/decide";
import type { AuthorizationNote } from "@/lib/dialogporten/decorate";
import type { Exchange } from "@/lib/shared/trace";
import type { Check, VerificationResult } from "@/lib/service-provider/types";
import type { DialogTokenClaims } from "@/lib/altinn/dialog-token";

/**
 * Typed readers for the teaching notes the services hand back in their `sandbox-trace` header.
 * The notes are data from the network, so every reader tolerates a missing or odd shape.
 */

export interface PairDecision {
  name: string;
  attribute: string;
  decision: string;
}

/** The PDP's explanation of one result, read from the network: the same shape, looser enums. */
export type Explanation = Omit<PdpExplanation, "decision" | "reason"> & { decision: string; reason: string };

export interface DialogportenNotes {
  principal?: { kind: string; consumer: string; level: number; subject: { id: string; value: string } };
  candidates?: { name: string; attribute: string }[];
  decisions?: PairDecision[];
  isAuthorized?: AuthorizationNote[];
  token?: { header: Record<string, unknown>; claims: Record<string, unknown> };
  minimumAuthenticationLevel?: number;
}

/** The CORS preflight the browser sent before the call, as the service provider received and answered it. */
export type PreflightNote = { observed: true; exchange: Exchange; ageMs: number } | { observed: false; detail: string };

/** What the provider did with a write action (lib/service-provider/write-actions.ts), from its trace. */
export interface WriteNote {
  mode: "synchronous" | "queued";
  action: string;
  actorId: string;
  effect?: { activity: string; status?: string; process?: string; systemLabel?: string };
  revision?: { before: string; after: string | null };
  applyAfterMs?: number;
  detail?: string;
  failure?: { code: string; detail?: string };
}

export interface ServiceProviderNotes {
  preflight?: PreflightNote;
  write?: WriteNote;
  verification?: VerificationResult | null;
  keySource?: "cache" | "network" | null;
  required?: string;
  bearer?: string;
  jwks?: string;
}

export type { Check, DialogTokenClaims, VerificationResult };

const array = <T>(v: unknown): T[] | undefined => (Array.isArray(v) ? (v as T[]) : undefined);

export function dialogportenNotes(e: Exchange | undefined): DialogportenNotes {
  const n = e?.nested?.notes ?? {};
  return {
    principal: n.principal as DialogportenNotes["principal"],
    candidates: array(n.candidates),
    decisions: array(n.decisions),
    isAuthorized: array(n.isAuthorized),
    token: n.token as DialogportenNotes["token"],
    minimumAuthenticationLevel: typeof n.minimumAuthenticationLevel === "number" ? n.minimumAuthenticationLevel : undefined,
  };
}

/** Dialogporten's call to Altinn Authorization (steps 1–2), from its nested trace. */
export function authorizeExchange(dialogExchange: Exchange | undefined): Exchange | undefined {
  return dialogExchange?.nested?.exchanges.find((x) => x.to === "authorization");
}

/** Dialogporten's other calls while it handled the request (the identity provider's keys). */
export function dialogportenKeyExchanges(dialogExchange: Exchange | undefined): Exchange[] {
  return dialogExchange?.nested?.exchanges.filter((x) => x.to !== "authorization") ?? [];
}

/** Which policy rule decided each XACML result; same order as the results. */
export function explanations(dialogExchange: Exchange | undefined): Explanation[] {
  return array<Explanation>(authorizeExchange(dialogExchange)?.nested?.notes.explanations) ?? [];
}

export function serviceProviderNotes(e: Exchange | undefined): ServiceProviderNotes {
  const n = e?.nested?.notes ?? {};
  return {
    preflight: n.preflight as PreflightNote | undefined,
    write: n.write && typeof n.write === "object" ? (n.write as WriteNote) : undefined,
    verification: (n.verification as VerificationResult | null | undefined) ?? null,
    keySource: (n.keySource as ServiceProviderNotes["keySource"]) ?? null,
    required: typeof n.required === "string" ? n.required : undefined,
    bearer: typeof n.bearer === "string" ? n.bearer : undefined,
    jwks: typeof n.jwks === "string" ? n.jwks : undefined,
  };
}

/** The service provider's own calls in step 5 (RFC 8414 metadata and the JWKS, when its cache needed them). */
export function serviceProviderKeyExchanges(spExchange: Exchange | undefined): Exchange[] {
  return spExchange?.nested?.exchanges ?? [];
}

export function parseJson(text: string | null | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function header(e: Exchange | undefined, name: string, side: "request" | "response" = "response"): string | undefined {
  const list = side === "request" ? e?.request.headers : e?.response?.headers;
  return list?.find(([k]) => k.toLowerCase() === name)?.[1];
}

/** The stable `code` of a problem+json body, or the OAuth `error` of a token endpoint answer. */
export function errorCode(e: Exchange | undefined): string | undefined {
  const body = parseJson(e?.response?.body) as { code?: unknown; error?: unknown } | undefined;
  if (typeof body?.code === "string") return body.code;
  return typeof body?.error === "string" ? body.error : undefined;
}
