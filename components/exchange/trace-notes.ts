import type { AuthorizationNotes } from "@/lib/authorization/trace-notes";
import type { DialogportenNotes, ServiceOwnerApiNotes } from "@/lib/dialogporten/trace-notes";
import type { Exchange } from "@/lib/shared/trace";
import type { GateNotes, LegacyNotes } from "@/lib/service-provider/trace-notes";
import type { VerificationResult } from "@/lib/service-provider/types";
import type { Explanation } from "@/lib/authorization/decide";

/**
 * Readers for the teaching notes the services hand back in their `sandbox-trace` header. Each service
 * exports the type of the notes it writes; the notes still arrive over the network, so a reader only
 * trusts them after checking which actor sent them, and every field may be missing.
 */

/** Each actor's notes as the UI reads them. The provider's two paths (dialog token, legacy) share one view. */
interface NotesByActor {
  dialogporten: DialogportenNotes & ServiceOwnerApiNotes;
  authorization: AuthorizationNotes;
  "service-provider": GateNotes & LegacyNotes;
}

export type { VerificationResult };

const isObject = (v: unknown): v is object => typeof v === "object" && v !== null && !Array.isArray(v);

/** The notes of the trace nested in `e`, when `actor` sent it; otherwise none. */
function notesOf<A extends keyof NotesByActor>(e: Exchange | undefined, actor: A): Partial<NotesByActor[A]> {
  const trace = e?.nested;
  return trace?.actor === actor && isObject(trace.notes) ? (trace.notes as Partial<NotesByActor[A]>) : {};
}

const array = <T>(v: T[] | undefined): T[] | undefined => (Array.isArray(v) ? v : undefined);

export function dialogportenNotes(e: Exchange | undefined): Partial<DialogportenNotes> {
  const n = notesOf(e, "dialogporten");
  return {
    principal: isObject(n.principal) ? n.principal : undefined,
    candidates: array(n.candidates),
    decisions: array(n.decisions),
    isAuthorized: array(n.isAuthorized),
    token: isObject(n.token) ? n.token : undefined,
    minimumAuthenticationLevel: typeof n.minimumAuthenticationLevel === "number" ? n.minimumAuthenticationLevel : undefined,
  };
}

/** What the UI reads of the service provider's notes; `verification` and `keySource` are null when absent. */
interface ServiceProviderView extends Partial<Omit<NotesByActor["service-provider"], "verification" | "keySource">> {
  verification: VerificationResult | null;
  keySource: GateNotes["keySource"];
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
  return array(notesOf(authorizeExchange(dialogExchange), "authorization").explanations) ?? [];
}

export function serviceProviderNotes(e: Exchange | undefined): ServiceProviderView {
  const n = notesOf(e, "service-provider");
  return {
    ...n,
    preflight: isObject(n.preflight) ? n.preflight : undefined,
    write: isObject(n.write) ? n.write : undefined,
    verification: isObject(n.verification) ? n.verification : null,
    keySource: n.keySource ?? null,
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
