import { decodeBytes, decodeText } from "../shared/base64url";
import type { DialogTokenClaims, JwkLike } from "../altinn/dialog-token";

/** A real dialog token is ~600 bytes; 8 KB leaves room for long `a` claims and stays under common header limits. */
const MAX_TOKEN_BYTES = 8 * 1024;

export interface TokenParts {
  header: string;
  payload: string;
  signature: string;
}

type DecodedToken =
  | { ok: true; parts: TokenParts; header: Record<string, unknown>; payload: Record<string, unknown>; signature: Uint8Array }
  | { ok: false; code: "token_malformed" | "token_too_large"; detail: string; header?: Record<string, unknown>; payload?: Record<string, unknown> };

/**
 * The first member name that occurs twice at the top level of a JSON object text, or null. JSON.parse keeps
 * the last duplicate silently; a token with two `a` claims (or two `alg`s) is ambiguous, so it is refused
 * (RFC 7515 §5.2 and RFC 7519 §4 allow either; refusing is the stricter choice). Expects valid JSON.
 */
export function duplicateMember(text: string): string | null {
  const seen = new Set<string>();
  let depth = 0;
  let expectName = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (depth === 1 && expectName) {
        const name = JSON.parse(text.slice(i, j + 1)) as string;
        if (seen.has(name)) return name;
        seen.add(name);
        expectName = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      depth++;
      if (depth === 1) expectName = c === "{";
    } else if (c === "}" || c === "]") depth--;
    else if (c === "," && depth === 1) expectName = true;
  }
  return null;
}

/** Decodes one part to a JSON object, or says precisely why it is not one. */
function jsonObject(part: string, what: "header" | "payload"): { value: Record<string, unknown> } | { error: string } {
  const text = decodeText(part);
  if (text === null) return { error: `The ${what} is not base64url-encoded UTF-8 (base64url: A-Z a-z 0-9 - _, no padding).` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: `The ${what} is not JSON.` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return { error: `The ${what} is JSON but not an object (it is ${Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`}).` };
  const dup = duplicateMember(text);
  if (dup !== null) return { error: `The ${what} names "${dup}" twice; duplicate member names are ambiguous and refused.` };
  return { value: value as Record<string, unknown> };
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
  const decodedHeader = jsonObject(h, "header");
  if ("error" in decodedHeader) return { ok: false, code: "token_malformed", detail: decodedHeader.error };
  const header = decodedHeader.value;
  const decodedPayload = jsonObject(p, "payload");
  if ("error" in decodedPayload) return { ok: false, code: "token_malformed", detail: decodedPayload.error, header };
  const payload = decodedPayload.value;
  // An empty third part is well-formed (RFC 7515 §7.1, an unsecured JWS): the alg and signature checks refuse it, by name.
  const signature = decodeBytes(s);
  if (!signature) return { ok: false, code: "token_malformed", detail: "The signature is not base64url.", header, payload };
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

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16));
const pFamily = (first: number) => Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? first : i === 31 ? 0x7f : 0xff));
/**
 * Encodings of the Ed25519 points of order 1, 2, 4 and 8, sign bit ignored (libsodium's blocklist). WebCrypto
 * accepts them as public keys, and then a fixed signature verifies for every message (order 1) or for one
 * in 2, 4 or 8 — so such a key in a JWKS would let anyone forge tokens.
 */
const SMALL_ORDER = [
  new Uint8Array(32),
  Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0)),
  hexBytes("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
  hexBytes("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
  pFamily(0xec),
  pFamily(0xed),
  pFamily(0xee),
];

/** True for a 32-byte public key that is a point of small order (see SMALL_ORDER). */
export function isSmallOrderEd25519(x: Uint8Array): boolean {
  return x.length === 32 && SMALL_ORDER.some((bad) => bad.every((b, i) => (i === 31 ? (x[i]! & 0x7f) === b : x[i] === b)));
}

/** Only OKP/Ed25519 signing keys count; anything else in a JWKS is ignored, never guessed at (weak keys included). */
export function isUsableEd25519(k: JwkLike | null | undefined): k is JwkLike {
  const x = typeof k?.x === "string" ? decodeBytes(k.x) : null;
  return (
    typeof k === "object" &&
    k !== null &&
    k.kty === "OKP" &&
    k.crv === "Ed25519" &&
    typeof k.x === "string" &&
    !(x !== null && isSmallOrderEd25519(x)) &&
    (k.use === undefined || k.use === "sig") &&
    (k.alg === undefined || k.alg === "EdDSA") &&
    (k.key_ops === undefined || (Array.isArray(k.key_ops) && k.key_ops.includes("verify")))
  );
}
