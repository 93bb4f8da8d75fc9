import type { SigningKey } from "../keys/keys";
import { signCompact } from "../keys/keys";
import type { AltinnAction } from "../altinn/actions";
import { encodeAuthorizedActions } from "../altinn/actions";
import type { Principal } from "../altinn/principal";
import { DIALOG_TOKEN_LIFETIME_SECONDS, dotnetJson } from "../altinn/dialog-token";


export interface DialogTokenInput {
  principal: Principal;
  dialog: { id: string; party: string; serviceResource: string };
  permitted: AltinnAction[];
  issuer: string;
}

export interface IssueOptions {
  key: SigningKey;
  /** Unix ms. */
  now: number;
  jti?: string;
}

/**
 * Claims in the generator's insertion order: `jti c [y o] [u] l p s i a iss iat nbf exp`
 * (real-dialogporten.md §1.2). Object key order is preserved by JSON.stringify.
 */
export function buildClaims(input: DialogTokenInput, now: number, jti: string): Record<string, string | number> {
  const iat = Math.floor(now / 1000);
  const { principal } = input;
  return {
    jti,
    c: principal.consumer,
    ...(principal.systemUser && { y: principal.systemUser.id, o: principal.systemUser.org }),
    ...(principal.supplier && { u: principal.supplier }),
    l: principal.level,
    p: input.dialog.party,
    s: input.dialog.serviceResource,
    i: input.dialog.id.toLowerCase(),
    a: encodeAuthorizedActions(input.permitted),
    iss: input.issuer,
    iat,
    nbf: iat,
    exp: iat + DIALOG_TOKEN_LIFETIME_SECONDS,
  };
}

export interface IssuedToken {
  token: string;
  header: { alg: "EdDSA"; typ: "JWT"; kid: string };
  claims: Record<string, string | number>;
}

export async function issueDialogToken(input: DialogTokenInput, options: IssueOptions): Promise<IssuedToken> {
  const header = { alg: "EdDSA" as const, typ: "JWT" as const, kid: options.key.kid };
  const claims = buildClaims(input, options.now, options.jti ?? crypto.randomUUID());
  const token = await signCompact(options.key, dotnetJson(header), dotnetJson(claims));
  return { token, header, claims };
}
