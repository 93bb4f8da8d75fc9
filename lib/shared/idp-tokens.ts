import { createLocalJWKSet, jwtVerify } from "jose";
import type { JWK } from "jose";
import { decodeText } from "./base64url";
import { createJwksCache } from "./jwks-cache";
import type { JwksCache } from "./jwks-cache";
import type { Actor, Exchange } from "./trace";
import type { Clock, FetchLike } from "./types";

/** An identity provider whose access tokens a service accepts, and where its keys are fetched. */
export interface IdentityProviderTrust {
  issuer: string;
  jwksUrl: string;
}

/** Why an identity provider's access token was not accepted. */
export const IDP_TOKEN_CODES = ["invalid_access_token", "untrusted_issuer", "idp_keys_unavailable"] as const;
export type IdpTokenCode = (typeof IDP_TOKEN_CODES)[number];

export type IdpTokenResult = { ok: true; payload: Record<string, unknown> } | { ok: false; status: 401 | 503; code: IdpTokenCode; detail: string };

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

/** A string member of one of a JWT's parts, unverified. */
function peek(token: string, part: 0 | 1, name: string): string | null {
  try {
    const value = JSON.parse(decodeText(token.split(".")[part] ?? "") ?? "null") as Record<string, unknown> | null;
    return typeof value?.[name] === "string" ? value[name] : null;
  } catch {
    return null;
  }
}

/** The `iss` of a JWT without verifying it — only to pick which provider's keys to try. */
export function peekIssuer(token: string): string | null {
  return peek(token, 1, "iss");
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
 * fetched over HTTP into the shared JWKS cache: kept a few minutes, refetched whenever a kid is unknown
 * (no rate limit: the identity provider is the sandbox's own), stale keys used while a refresh fails.
 * Every fetch is pushed onto `exchanges` for the trace. Shared by Dialogporten's end-user and
 * service-owner APIs and the service provider's legacy mode.
 */
export class IdpTokenVerifier {
  private readonly caches = new Map<string, JwksCache<JWK>>();

  constructor(private readonly opts: IdpTokenVerifierOptions) {}

  async verify(token: string, exchanges: Exchange[]): Promise<IdpTokenResult> {
    if (token.length > MAX_TOKEN_CHARS) return { ok: false, status: 401, code: "invalid_access_token", detail: "The access token is too large." };
    const issuer = peekIssuer(token);
    const provider = this.opts.trusted.find((t) => t.issuer === issuer);
    if (!provider) return { ok: false, status: 401, code: "untrusted_issuer", detail: "The access token is not from a trusted identity provider." };
    const keys = await this.cacheFor(provider).getKeys(peek(token, 0, "kid") ?? undefined);
    exchanges.push(...keys.exchanges);
    if (!keys.ok) return { ok: false, status: 503, code: "idp_keys_unavailable", detail: "The identity provider's keys could not be fetched." };
    try {
      const { payload } = await jwtVerify(token, createLocalJWKSet(keys.jwks), {
        algorithms: ["EdDSA"],
        issuer: provider.issuer,
        currentDate: new Date(this.opts.now()),
        clockTolerance: 2,
        requiredClaims: ["exp", "iat"],
      });
      return { ok: true, payload: payload as Record<string, unknown> };
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { ok: false, status: 401, code: "invalid_access_token", detail: `The access token was rejected (${code ?? "invalid"}).` };
    }
  }

  private cacheFor(provider: IdentityProviderTrust): JwksCache<JWK> {
    const known = this.caches.get(provider.issuer);
    if (known) return known;
    const cache = createJwksCache<JWK>({
      fetch: this.opts.fetch,
      now: this.opts.now,
      from: this.opts.actor,
      to: "id-porten",
      label: this.opts.label,
      jwksUrl: provider.jwksUrl,
      ttlSeconds: (this.opts.keyCacheMs ?? DEFAULT_KEY_CACHE_MS) / 1000,
      minRefetchIntervalSeconds: 0,
    });
    this.caches.set(provider.issuer, cache);
    return cache;
  }
}
