import { URN } from "./identifiers";

/**
 * The authenticated end user as Dialogporten derives it from an ID-porten/Maskinporten access token
 * (`ClaimsPrincipalExtensions.cs`: GetEndUserPartyIdentifier, GetAuthenticationLevel; the PDP
 * subject priority of `DecisionRequestHelper.cs`).
 */
export interface Principal {
  kind: "person" | "system-user" | "email-user";
  /** The `c` claim. */
  consumer: string;
  /** `y` and `o`, only for system users. */
  systemUser?: { id: string; org: string };
  /** `u`, only when the Maskinporten token has a `supplier` claim. */
  supplier?: string;
  /** `l`. */
  level: number;
  /** The single XACML subject attribute. */
  subject: { id: string; value: string };
  /** For self-identified users the PDP is asked about `urn:altinn:partyid:<id>` instead of their e-mail URN. */
  partyId?: string;
}

/** Why an access token's claims give no principal Dialogporten can ask the PDP about. */
export const PRINCIPAL_CODES = ["unknown_authentication_level", "invalid_system_user", "missing_user_id", "no_end_user_identifier"] as const;
export type PrincipalCode = (typeof PRINCIPAL_CODES)[number];

export type PrincipalResult = { ok: true; principal: Principal } | { ok: false; code: PrincipalCode; detail: string };

const ACR_LEVEL: Record<string, number> = {
  "idporten-loa-substantial": 3,
  "idporten-loa-high": 4,
  "idporten-loa-low": 0,
  "selfregistered-email": 0,
};

function orgFromIso6523(value: unknown): string | null {
  const id = (value as { ID?: unknown } | null)?.ID;
  if (typeof id !== "string") return null;
  const m = /^0192:(\d{9})$/.exec(id);
  return m ? m[1]! : null;
}

function levelOf(claims: Record<string, unknown>, isSystemUser: boolean): number | null {
  const exchanged = claims["urn:altinn:authlevel"];
  if (typeof exchanged === "string" || typeof exchanged === "number") {
    const n = Number(exchanged);
    return Number.isInteger(n) ? n : null;
  }
  if (typeof claims.acr === "string") return ACR_LEVEL[claims.acr.toLowerCase()] ?? null;
  return isSystemUser ? 3 : null;
}

export function principalFromClaims(claims: Record<string, unknown>): PrincipalResult {
  const details = Array.isArray(claims.authorization_details) ? claims.authorization_details : [];
  const sys = details.find((d) => (d as { type?: unknown })?.type === "urn:altinn:systemuser") as
    { systemuser_id?: unknown; systemuser_org?: unknown } | undefined;
  const level = levelOf(claims, Boolean(sys));
  if (level === null) return { ok: false, code: "unknown_authentication_level", detail: "The token's acr does not map to an Altinn authentication level." };
  const supplierOrg = orgFromIso6523(claims.supplier);
  const supplier = supplierOrg ? `${URN.organization}:${supplierOrg}` : undefined;
  const userId = typeof claims["urn:altinn:userid"] === "string" ? claims["urn:altinn:userid"] : undefined;

  if (sys) {
    const id = Array.isArray(sys.systemuser_id) ? sys.systemuser_id[0] : undefined;
    const org = orgFromIso6523(sys.systemuser_org);
    const consumer = orgFromIso6523(claims.consumer);
    if (typeof id !== "string" || !org || !consumer)
      return { ok: false, code: "invalid_system_user", detail: "authorization_details lacks systemuser_id/systemuser_org or the consumer claim is missing." };
    return {
      ok: true,
      principal: {
        kind: "system-user",
        consumer: `${URN.organization}:${consumer}`,
        systemUser: { id: `${URN.systemUser}:${id.toLowerCase()}`, org: `${URN.organization}:${org}` },
        supplier,
        level,
        subject: userId ? { id: "urn:altinn:userid", value: userId } : { id: URN.systemUser, value: id.toLowerCase() },
      },
    };
  }
  if (typeof claims.pid === "string") {
    return {
      ok: true,
      principal: {
        kind: "person",
        consumer: `${URN.person}:${claims.pid}`,
        supplier,
        level,
        subject: userId ? { id: "urn:altinn:userid", value: userId } : { id: URN.person, value: claims.pid },
      },
    };
  }
  const amr = Array.isArray(claims.amr) ? claims.amr : [claims.amr];
  if (typeof claims.email === "string" && amr.some((a) => typeof a === "string" && a.toLowerCase() === "selfregistered-email")) {
    if (!userId) return { ok: false, code: "missing_user_id", detail: "A self-registered e-mail user needs an urn:altinn:userid claim for the PDP." };
    const partyId = typeof claims["urn:altinn:partyid"] === "string" ? claims["urn:altinn:partyid"] : undefined;
    return {
      ok: true,
      principal: {
        kind: "email-user",
        consumer: `${URN.idportenEmail}:${claims.email.toLowerCase()}`,
        supplier,
        level,
        subject: { id: "urn:altinn:userid", value: userId },
        partyId,
      },
    };
  }
  return { ok: false, code: "no_end_user_identifier", detail: "The token identifies no person, system user or e-mail user." };
}
