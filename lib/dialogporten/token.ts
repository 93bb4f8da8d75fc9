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
  /** Under a fixed clock the `jti` is derived from the other claims, so the same inputs give the same bytes. */
  deterministic?: boolean;
}

interface IssueOptions {
  key: SigningKey;
  /** Unix ms. */
  now: number;
  jti?: string;
}

/**
 * Claims in the generator's insertion order: `jti c [y o] [u] l p s i a iss iat nbf exp`
 * (docs/real-systems.md §1.2). Object key order is preserved by JSON.stringify.
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
  /** `typ` is "JWT", except under the `typ-context-token` fault (lib/dialogporten/faults.ts). */
  header: { alg: "EdDSA"; typ: "JWT" | "dialogcontexttoken+jwt"; kid: string };
  claims: Record<string, string | number>;
}

/**
 * A `jti` for a reproducible run: a UUID (version 4 layout, like `Guid.NewGuid()`) made from a SHA-256 of
 * every other claim. Ed25519 signatures are deterministic, so with a fixed clock the whole token repeats.
 */
export async function derivedJti(input: DialogTokenInput, now: number): Promise<string> {
  const { jti: _random, ...rest } = buildClaims(input, now, "");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(JSON.stringify(rest))));
  const b = digest.slice(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A fresh random `jti`, or the derived one when the run is meant to be reproducible. */
export async function jtiFor(input: DialogTokenInput, now: number): Promise<string> {
  return input.deterministic ? derivedJti(input, now) : crypto.randomUUID();
}

export async function issueDialogToken(input: DialogTokenInput, options: IssueOptions): Promise<IssuedToken> {
  const header = { alg: "EdDSA" as const, typ: "JWT" as const, kid: options.key.kid };
  const claims = buildClaims(input, options.now, options.jti ?? (await jtiFor(input, options.now)));
  const token = await signCompact(options.key, dotnetJson(header), dotnetJson(claims));
  return { token, header, claims };
}
