import { createLocalJWKSet, jwtVerify } from "jose";
import type { JSONWebKeySet } from "jose";
import { decodeText } from "./base64url";
import type { Actor, Exchange } from "./trace";
import { tracedFetch } from "./trace";
import type { Clock, FetchLike } from "./types";

/** An identity provider whose access tokens a service accepts, and where its keys are fetched. */
export interface IdentityProviderTrust {
  issuer: string;
  jwksUrl: string;
}

/** Why an identity provider's access token was not accepted. */
export const IDP_TOKEN_CODES = ["invalid_access_token", "untrusted_issuer", "idp_keys_unavailable"] as const;
export type IdpTokenCode = (typeof IDP_TOKEN_CODES)[number];

export type IdpTokenResult =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; status: 401 | 503; code: IdpTokenCode; detail: string };

export interface IdpTokenVerifierOptions {
  trusted: IdentityProviderTrust[];
  fetch: FetchLike;
  now: Clock;
  /** Who fetches the keys, for the trace. */
  actor: Actor;
  label: string;
  keyCacheMs?: number;
}

const MAX_TOKEN_CHARS = 16_384;
const DEFAULT_KEY_CACHE_MS = 5 * 60_000;

/** The `iss` of a JWT without verifying it — only to pick which provider's keys to try. */
export function peekIssuer(token: string): string | null {
  try {
    const claims = JSON.parse(decodeText(token.split(".")[1] ?? "") ?? "null") as { iss?: unknown } | null;
    return typeof claims?.iss === "string" ? claims.iss : null;
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | null): string | null {
  return /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? "")?.[1] ?? null;
}

export function scopesOf(payload: Record<string, unknown>): string[] {
  return typeof payload.scope === "string" ? payload.scope.split(" ") : [];
}

/**
 * Verifies ID-porten/Maskinporten access tokens (EdDSA only) against each trusted provider's JWKS,
 * fetched over HTTP, cached for a few minutes, refetched once when a kid is unknown. Every fetch is
 * pushed onto `exchanges` for the trace. Shared by Dialogporten's end-user and service-owner APIs and
 * the service provider's legacy mode.
 */
export class IdpTokenVerifier {
  private readonly cache = new Map<string, { jwks: JSONWebKeySet; at: number }>();

  constructor(private readonly opts: IdpTokenVerifierOptions) {}

  async verify(token: string, exchanges: Exchange[]): Promise<IdpTokenResult> {
    if (token.length > MAX_TOKEN_CHARS) return { ok: false, status: 401, code: "invalid_access_token", detail: "The access token is too large." };
    const issuer = peekIssuer(token);
    const provider = this.opts.trusted.find((t) => t.issuer === issuer);
    if (!provider) return { ok: false, status: 401, code: "untrusted_issuer", detail: "The access token is not from a trusted identity provider." };
    for (const refresh of [false, true]) {
      const jwks = await this.keys(provider, refresh, exchanges);
      if (!jwks) return { ok: false, status: 503, code: "idp_keys_unavailable", detail: "The identity provider's keys could not be fetched." };
      try {
        const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
          algorithms: ["EdDSA"],
          issuer: provider.issuer,
          currentDate: new Date(this.opts.now()),
          clockTolerance: 2,
          requiredClaims: ["exp", "iat"],
        });
        return { ok: true, payload: payload as Record<string, unknown> };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ERR_JWKS_NO_MATCHING_KEY" && !refresh) continue;
        return { ok: false, status: 401, code: "invalid_access_token", detail: `The access token was rejected (${code ?? "invalid"}).` };
      }
    }
    return { ok: false, status: 401, code: "invalid_access_token", detail: "No key matches the access token." };
  }

  private async keys(provider: IdentityProviderTrust, refresh: boolean, exchanges: Exchange[]): Promise<JSONWebKeySet | null> {
    const hit = this.cache.get(provider.issuer);
    if (hit && !refresh && this.opts.now() - hit.at < (this.opts.keyCacheMs ?? DEFAULT_KEY_CACHE_MS)) return hit.jwks;
    const { exchange, response, body } = await tracedFetch(this.opts.fetch, provider.jwksUrl, { headers: { accept: "application/json" } }, {
      from: this.opts.actor,
      to: "id-porten",
      label: this.opts.label,
      timeoutMs: 5000,
    });
    exchanges.push(exchange);
    try {
      if (!response?.ok || !body) throw new Error("no keys");
      const jwks = JSON.parse(body) as JSONWebKeySet;
      if (!Array.isArray(jwks.keys)) throw new Error("no keys");
      this.cache.set(provider.issuer, { jwks, at: this.opts.now() });
      return jwks;
    } catch {
      return hit?.jwks ?? null;
    }
  }
}
