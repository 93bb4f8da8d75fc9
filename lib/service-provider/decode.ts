import { decodeBytes, decodeText } from "../shared/base64url";
import type { ActionRef, DialogTokenClaims, JwkLike } from "./types";

/** A real dialog token is ~600 bytes; 8 KB leaves room for long `a` claims and stays under common header limits. */
export const MAX_TOKEN_BYTES = 8 * 1024;

export interface TokenParts {
  header: string;
  payload: string;
  signature: string;
}

export type DecodedToken =
  | { ok: true; parts: TokenParts; header: Record<string, unknown>; payload: Record<string, unknown>; signature: Uint8Array }
  | { ok: false; code: "token_malformed" | "token_too_large"; detail: string; header?: Record<string, unknown>; payload?: Record<string, unknown> };

function jsonObject(part: string): Record<string, unknown> | null {
  const text = decodeText(part);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Splits and decodes a compact JWS without verifying anything, for display. Never throws. */
export function decodeToken(token: unknown): DecodedToken {
  if (typeof token !== "string" || token.length === 0) return { ok: false, code: "token_malformed", detail: "The token is empty." };
  if (token.length > MAX_TOKEN_BYTES) {
    return { ok: false, code: "token_too_large", detail: `The token is ${token.length} bytes; at most ${MAX_TOKEN_BYTES} are accepted.` };
  }
  const split = token.split(".");
  if (split.length !== 3) return { ok: false, code: "token_malformed", detail: `A compact JWS has 3 dot-separated parts; this has ${split.length}.` };
  const [h, p, s] = split as [string, string, string];
  const header = jsonObject(h);
  if (!header) return { ok: false, code: "token_malformed", detail: "The header is not base64url-encoded UTF-8 JSON object." };
  const payload = jsonObject(p);
  if (!payload) return { ok: false, code: "token_malformed", detail: "The payload is not a base64url-encoded UTF-8 JSON object.", header };
  const signature = s.length > 0 ? decodeBytes(s) : null;
  if (!signature) return { ok: false, code: "token_malformed", detail: "The signature is missing or not base64url.", header, payload };
  return { ok: true, parts: { header: h, payload: p, signature: s }, header, payload, signature };
}

const STRING_CLAIMS = ["c", "p", "s", "i", "a", "iss"] as const;
const OPTIONAL_STRING_CLAIMS = ["jti", "y", "o", "u"] as const;
const DATE_CLAIMS = ["iat", "nbf", "exp"] as const;

/**
 * Checks that every claim the service provider reads has the type Dialogporten gives it, so no later
 * check compares a string with a number. Returns the reason it does not, or null.
 */
export function claimsShapeError(payload: Record<string, unknown>): string | null {
  for (const name of STRING_CLAIMS) {
    if (typeof payload[name] !== "string") return `Claim "${name}" must be a string.`;
  }
  for (const name of OPTIONAL_STRING_CLAIMS) {
    if (name in payload && typeof payload[name] !== "string") return `Claim "${name}" must be a string when present.`;
  }
  for (const name of DATE_CLAIMS) {
    const v = payload[name];
    if (typeof v !== "number" || !Number.isFinite(v)) return `Claim "${name}" must be a NumericDate (seconds since the epoch).`;
  }
  if (!Number.isInteger(payload.l)) return 'Claim "l" must be an integer authentication level.';
  return null;
}

export function asClaims(payload: Record<string, unknown>): DialogTokenClaims | null {
  return claimsShapeError(payload) === null ? (payload as DialogTokenClaims) : null;
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

/** Only OKP/Ed25519 signing keys count; anything else in a JWKS is ignored, never guessed at. */
export function isUsableEd25519(k: JwkLike | null | undefined): k is JwkLike {
  return (
    typeof k === "object" && k !== null &&
    k.kty === "OKP" && k.crv === "Ed25519" && typeof k.x === "string" &&
    (k.use === undefined || k.use === "sig") &&
    (k.alg === undefined || k.alg === "EdDSA") &&
    (k.key_ops === undefined || (Array.isArray(k.key_ops) && k.key_ops.includes("verify")))
  );
}
