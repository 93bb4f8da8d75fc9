import { dotnetJson, inClaimOrder } from "../altinn/dialog-token";
import type { KeyPair2 } from "../keys/keys";
import { signCompact } from "../keys/keys";
import { decodeText } from "../shared/base64url";
import type { TestToken, TestTokenRequest } from "./client";
import { parseMintRequest, type MintErrorCode } from "./mint";

/**
 * Re-signing for the token workbench: a learner edits a claim of a dialog token and asks the sandbox to sign
 * the edited token again, so the browser never holds a key. The old signature is ignored (that is the point),
 * but the content must still be a dialog token the real Dialogporten could have written: the same rules as the
 * test-token API (mint.ts), plus every claim the generator always writes must be there. The sandbox signs with
 * its own key; a kid it does not publish (a tt02 token's) is replaced by its primary's, and the answer says so.
 */

export const RESIGN_ERROR_CODES = ["token_not_resignable", "claim_missing"] as const;
type ResignErrorCode = (typeof RESIGN_ERROR_CODES)[number];

/** What the generator always writes (docs/real-systems.md §1.2); `jti y o u` are optional here. */
const REQUIRED_CLAIMS = ["c", "l", "p", "s", "i", "a", "iss", "iat", "nbf", "exp"] as const;
const HEADER_MEMBERS = new Set(["alg", "typ", "kid"]);

interface ResignRequest {
  request: TestTokenRequest;
  /** The kid the edited header named, when the sandbox does not publish it. */
  replacedKid?: string;
}

type ResignParse = { ok: true; value: ResignRequest } | { ok: false; code: ResignErrorCode | MintErrorCode; detail: string };

interface ResignedToken extends TestToken {
  replacedKid?: string;
}

const fail = (code: ResignErrorCode | MintErrorCode, detail: string): ResignParse => ({ ok: false, code, detail });

function jsonPart(part: string | undefined): Record<string, unknown> | null {
  const text = part === undefined ? null : decodeText(part);
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** `{"token": "<header>.<payload>[.<anything>]"}` → what to sign, or the first reason it is not a dialog token. */
export function parseResignRequest(body: unknown, publishedKids: readonly string[]): ResignParse {
  const token = (body as { token?: unknown } | null)?.token;
  if (body === null || typeof body !== "object" || Array.isArray(body) || typeof token !== "string")
    return fail("body_not_object", 'Send {"token": "<header>.<payload>.<signature>"}: the edited dialog token; its signature is ignored.');
  const parts = token.split(".");
  const header = parts.length === 3 || parts.length === 2 ? jsonPart(parts[0]) : null;
  const claims = header ? jsonPart(parts[1]) : null;
  if (!header || !claims)
    return fail("token_not_resignable", "Not a compact JWS whose header and payload are base64url-encoded JSON objects, so there is nothing to re-sign.");
  const foreign = Object.keys(header).find((k) => !HEADER_MEMBERS.has(k));
  if (foreign) return fail("header_not_mintable", `Dialogporten's header is alg, typ and kid only; it never writes "${foreign}".`);
  const clash = Object.keys(claims).find((k) => HEADER_MEMBERS.has(k));
  if (clash) return fail("claim_not_mintable", `"${clash}" is a header member, never a dialog-token claim.`);
  const missing = REQUIRED_CLAIMS.find((c) => !(c in claims));
  if (missing) return fail("claim_missing", `A dialog token always has ${REQUIRED_CLAIMS.join(" ")}; "${missing}" is missing.`);
  const kid = header.kid;
  const ownKid = typeof kid === "string" && publishedKids.includes(kid);
  const { kid: _kid, ...rest } = header;
  const parsed = parseMintRequest({ ...claims, ...rest, alg: header.alg ?? "missing", ...(ownKid && { kid }) }, publishedKids);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { request: parsed.value, ...(!ownKid && { replacedKid: typeof kid === "string" ? kid : String(kid) }) } };
}

/** Signs exactly the given claims, in the generator's order and serialisation; nothing is added or defaulted. */
export async function resignDialogToken(r: ResignRequest, keys: KeyPair2): Promise<ResignedToken> {
  const key = r.request.kid === keys.secondary.kid ? keys.secondary : keys.primary;
  const header = { alg: "EdDSA" as const, typ: r.request.typ ?? "JWT", kid: key.kid };
  const { kid: _kid, typ: _typ, ...claimValues } = r.request;
  const claims = inClaimOrder(claimValues);
  const token = await signCompact(key, dotnetJson(header), dotnetJson(claims));
  return { token, header, claims, ...(r.replacedKid !== undefined && { replacedKid: r.replacedKid }) };
}
