import type { IdentityProviderTrust, IdpTokenVerifierOptions } from "../shared/idp-tokens";
import { bearerToken, IDP_TOKEN_CODES, IdpTokenVerifier, scopesOf } from "../shared/idp-tokens";
import type { Exchange } from "../shared/trace";
import type { Principal } from "./principal";
import { principalFromClaims, PRINCIPAL_CODES } from "./principal";

export type { IdentityProviderTrust };

/** Every way an end user's access token can be refused, by whichever service checks it. */
export const ACCESS_TOKEN_CODES = ["missing_access_token", "missing_scope", ...IDP_TOKEN_CODES, ...PRINCIPAL_CODES] as const;
export type AccessTokenCode = (typeof ACCESS_TOKEN_CODES)[number];

export type AuthResult =
  { ok: true; principal: Principal; claims: Record<string, unknown> } | { ok: false; status: 401 | 403 | 503; code: AccessTokenCode; detail: string };

const REQUIRED_SCOPES = ["digdir:dialogporten", "digdir:dialogporten.noconsent"];

/**
 * The end user's ID-porten/Maskinporten access token → the principal Dialogporten derives from it
 * (after the `digdir:dialogporten` scope check). Used by Dialogporten's end-user API and, in legacy
 * mode, by the service provider, which must then do the same work itself.
 */
export class AccessTokenAuthenticator {
  private readonly verifier: IdpTokenVerifier;

  constructor(opts: IdpTokenVerifierOptions) {
    this.verifier = new IdpTokenVerifier(opts);
  }

  async authenticate(authorization: string | null, exchanges: Exchange[]): Promise<AuthResult> {
    const token = bearerToken(authorization);
    if (!token)
      return { ok: false, status: 401, code: "missing_access_token", detail: "Send an ID-porten or Maskinporten access token as Authorization: Bearer." };
    return this.verify(token, exchanges);
  }

  async verify(token: string, exchanges: Exchange[]): Promise<AuthResult> {
    const verified = await this.verifier.verify(token, exchanges);
    if (!verified.ok) return verified;
    if (!scopesOf(verified.payload).some((s) => REQUIRED_SCOPES.includes(s))) {
      return { ok: false, status: 403, code: "missing_scope", detail: "The access token lacks the scope digdir:dialogporten." };
    }
    const result = principalFromClaims(verified.payload);
    if (!result.ok) return { ok: false, status: 401, code: result.code, detail: result.detail };
    return { ok: true, principal: result.principal, claims: verified.payload };
  }
}
