/**
 * The dialog token as Dialogporten publishes it: its claims (docs/real-systems.md §1.2), the JWKS it is
 * verified against (§2.2) and the `a` claim's encoding of the authorized actions (§1.4). Dialogporten
 * writes tokens to this contract, the service provider reads them by it, and neither sees the other's code.
 */

/** Dialog token claims (real-dialogporten.md §1.2); types are checked before anything reads them. */
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
 * Parses the `a` claim: `;`-separated items, each `action` or `action,attribute` (real-dialogporten.md §1.4).
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
 * as the official .NET validator does (real-dialogporten.md §5.1).
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
