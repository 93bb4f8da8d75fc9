import { createLocalJWKSet, jwtVerify } from "jose";
import type { SigningKey } from "../keys/keys";
import { jwksOf } from "../keys/keys";
import { bearerToken, peekIssuer } from "../shared/idp-tokens";
import type { DialogportenCode } from "./codes";

/** The JwtBearer scheme's lifetime slack (docs/real-systems.md §2.5). */
const SUBSCRIPTION_CLOCK_SKEW_SECONDS = 2;
// A header this size is already far past any token Dialogporten issues.
const MAX_TOKEN_CHARS = 8192;

export type DialogTokenAuth = { ok: true; claims: Record<string, unknown> } | { ok: false; code: DialogportenCode; detail: string };

/** jose's error codes → the sandbox's stable codes; anything else about the token's shape is "malformed". */
const JOSE_CODES: Record<string, DialogportenCode> = {
  ERR_JOSE_ALG_NOT_ALLOWED: "alg_not_allowed",
  ERR_JOSE_NOT_SUPPORTED: "alg_not_allowed",
  ERR_JWKS_NO_MATCHING_KEY: "kid_unknown",
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: "signature_invalid",
  ERR_JWT_EXPIRED: "token_expired",
};

/**
 * The GraphQL API's "Dialogporten" JwtBearer scheme (docs/real-systems.md §2.5, §9): a dialog token signed
 * by either published key (EdDSA only), with exactly Dialogporten's issuer, an `exp`, and its lifetime checked
 * with 2 s of skew. No audience. Any doubt is a refusal (docs/design.md, principle 8).
 */
export async function verifyDialogToken(authorization: string | null, keys: SigningKey[], issuer: string, nowMs: number): Promise<DialogTokenAuth> {
  if (authorization === null) return { ok: false, code: "token_missing", detail: "Send the dialog token as Authorization: Bearer <dialog token>." };
  const token = bearerToken(authorization);
  if (!token || token.length > MAX_TOKEN_CHARS)
    return { ok: false, code: "token_malformed", detail: "The Authorization header holds no well-formed Bearer token." };
  // The real selector hands only tokens with Dialogporten's own `iss` to this scheme; others are not dialog tokens.
  if (peekIssuer(token) !== issuer) return { ok: false, code: "issuer_mismatch", detail: `Only dialog tokens issued by ${issuer} open the subscription.` };
  try {
    const { payload } = await jwtVerify(token, createLocalJWKSet(jwksOf(keys)), {
      algorithms: ["EdDSA"],
      issuer,
      currentDate: new Date(nowMs),
      clockTolerance: SUBSCRIPTION_CLOCK_SKEW_SECONDS,
      requiredClaims: ["exp"],
    });
    return { ok: true, claims: payload as Record<string, unknown> };
  } catch (error) {
    const joseCode = (error as { code?: string }).code ?? "";
    const claim = (error as { claim?: string }).claim;
    const code = JOSE_CODES[joseCode] ?? (joseCode === "ERR_JWT_CLAIM_VALIDATION_FAILED" && claim === "nbf" ? "token_not_yet_valid" : "token_malformed");
    return { ok: false, code, detail: `The dialog token was refused (${joseCode || "invalid"}${claim ? `: ${claim}` : ""}).` };
  }
}
