/**
 * The dialog token as Dialogporten publishes it: its claims (docs/real-systems.md §1.2), the JWKS it is
 * verified against (§2.2) and the `a` claim's encoding of the authorized actions (§1.4). Dialogporten
 * writes tokens to this contract, the service provider reads them by it, and neither sees the other's code.
 */

/** Dialog token claims (docs/real-systems.md §1.2); types are checked before anything reads them. */
export interface DialogTokenClaims {
  jti?: string;
  c: string;
  y?: string;
  o?: string;
  u?: string;
  l: number;
  p: string;
  s: string;
  i: string;
  a: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  [claim: string]: unknown;
}

/**
 * The claims in the order the real generator writes them (§1.2): `jti c [y o] [u] l p s i a iss iat nbf exp`.
 * Anything that mints a dialog token follows it, so payload bytes match the real ones.
 */
export const DIALOG_TOKEN_CLAIM_ORDER = ["jti", "c", "y", "o", "u", "l", "p", "s", "i", "a", "iss", "iat", "nbf", "exp"] as const;
export type DialogTokenClaimName = (typeof DIALOG_TOKEN_CLAIM_ORDER)[number];

/** Dialog tokens live ten minutes (`DialogTokenGenerator`: TimeSpan.FromMinutes(10)). */
export const DIALOG_TOKEN_LIFETIME_SECONDS = 600;

/** The only `typ` a v1 dialog token carries (#4269). */
export const DIALOG_TOKEN_TYP = "JWT";
/** The experimental per-entity context token's type (#4275, §8): signed by the same keys and issuer, later reverted. */
export const CONTEXT_TOKEN_TYP = "dialogcontexttoken+jwt";

/** The issuers of the real environments (`BaseUri` + `/api/v1`, §1.2). */
export const ENVIRONMENT_ISSUERS = {
  at23: "https://platform.at23.altinn.cloud/dialogporten/api/v1",
  tt02: "https://platform.tt02.altinn.no/dialogporten/api/v1",
  prod: "https://platform.altinn.no/dialogporten/api/v1",
} as const;

/** The claims given, in the real order; unknown and undefined members are left out. */
export function inClaimOrder(claims: Partial<Record<DialogTokenClaimName, string | number | undefined>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const name of DIALOG_TOKEN_CLAIM_ORDER) {
    const value = claims[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/**
 * System.Text.Json's default encoder escapes non-ASCII and HTML-sensitive characters as `\uXXXX`
 * (e.g. `+` → `\u002B`, §1.3); doing the same keeps payload bytes identical to the real generator's.
 */
export function dotnetJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]|[<>&'+`]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** An action as the `a` claim encodes it; `attribute` undefined means the main resource. */
export interface ActionRef {
  name: string;
  attribute?: string;
}

/** `urn:altinn:subresource:main`, Dialogporten's `"main"` constant and no attribute all name the main resource. */
const MAIN_ATTRIBUTES = new Set(["main", "urn:altinn:subresource:main"]);

function normaliseAttribute(attribute: string | undefined): string | undefined {
  if (attribute === undefined || attribute === "" || MAIN_ATTRIBUTES.has(attribute.toLowerCase())) return undefined;
  return attribute;
}

/**
 * Parses the `a` claim: `;`-separated items, each `action` or `action,attribute` (docs/real-systems.md §1.4).
 * The attribute is everything after the first comma. Empty items (and the empty claim) yield nothing.
 */
export function parseActions(a: string): ActionRef[] {
  const out: ActionRef[] = [];
  for (const item of a.split(";")) {
    if (item === "") continue;
    const comma = item.indexOf(",");
    const name = comma < 0 ? item : item.slice(0, comma);
    const attribute = normaliseAttribute(comma < 0 ? undefined : item.slice(comma + 1));
    out.push(attribute === undefined ? { name } : { name, attribute });
  }
  return out;
}

/** Formats an action as the `a` claim would spell it, e.g. `delete,urn:altinn:task:Task_1`. */
export function formatAction(action: ActionRef): string {
  const attribute = normaliseAttribute(action.attribute);
  return attribute === undefined ? action.name : `${action.name},${attribute}`;
}

/**
 * Dialogporten issue #4043: an item grants exactly its (action, attribute) pair. `delete,urn:altinn:task:Task_1`
 * does not grant a bare `delete`, and a bare `delete` does not grant it in Task_1. Compared case-insensitively,
 * as the official .NET validator does (docs/real-systems.md §5.1).
 */
export function tokenGrants(a: string, required: ActionRef): boolean {
  const want = formatAction(required).toLowerCase();
  return parseActions(a).some((granted) => formatAction(granted).toLowerCase() === want);
}

/** A public key as a JWKS carries it; fields are re-checked at run time because a JWKS comes off the network. */
export interface JwkLike {
  kty?: string;
  crv?: string;
  x?: string;
  kid?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
}

export interface Jwks {
  keys: readonly JwkLike[];
}
