import { createLocalJWKSet, jwtVerify } from "jose";
import type { JSONWebKeySet } from "jose";
import { decodeText } from "../shared/base64url";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { FetchLike } from "../shared/types";
import type { Principal } from "./principal";
import { principalFromClaims } from "./principal";

export interface IdentityProviderTrust {
  issuer: string;
  /** Where Dialogporten fetches this provider's keys (server-to-server). */
  jwksUrl: string;
}

export type AuthResult =
  | { ok: true; principal: Principal; claims: Record<string, unknown> }
  | { ok: false; status: 401 | 403 | 503; code: string; detail: string };

const REQUIRED_SCOPES = ["digdir:dialogporten", "digdir:dialogporten.noconsent"];
const KEY_CACHE_MS = 5 * 60_000;

/**
 * Validates the end user's ID-porten/Maskinporten access token, fetching each provider's JWKS over
 * HTTP and keeping it for a few minutes. Every fetch is recorded in `exchanges` for the trace.
 */
export class AccessTokenAuthenticator {
  private readonly cache = new Map<string, { jwks: JSONWebKeySet; at: number }>();

  constructor(private readonly trusted: IdentityProviderTrust[], private readonly fetchImpl: FetchLike, private readonly now: () => number) {}

  async authenticate(authorization: string | null, exchanges: Exchange[]): Promise<AuthResult> {
    const m = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? "");
    if (!m) return { ok: false, status: 401, code: "missing_access_token", detail: "Send an ID-porten or Maskinporten access token as Authorization: Bearer." };
    const token = m[1]!;
    if (token.length > 16_384) return { ok: false, status: 401, code: "invalid_access_token", detail: "The access token is too large." };
    const issuer = this.peekIssuer(token);
    const provider = this.trusted.find((t) => t.issuer === issuer);
    if (!provider) return { ok: false, status: 401, code: "untrusted_issuer", detail: "The access token is not from a trusted identity provider." };

    for (const refresh of [false, true]) {
      const jwks = await this.keys(provider, refresh, exchanges);
      if (!jwks) return { ok: false, status: 503, code: "idp_keys_unavailable", detail: "The identity provider's keys could not be fetched." };
      try {
        const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
          algorithms: ["EdDSA"],
          issuer: provider.issuer,
          currentDate: new Date(this.now()),
          clockTolerance: 2,
          requiredClaims: ["exp", "iat"],
        });
        const scopes = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
        if (!scopes.some((s) => REQUIRED_SCOPES.includes(s))) {
          return { ok: false, status: 403, code: "missing_scope", detail: "The access token lacks the scope digdir:dialogporten." };
        }
        const result = principalFromClaims(payload as Record<string, unknown>);
        if (!result.ok) return { ok: false, status: 401, code: result.code, detail: result.detail };
        return { ok: true, principal: result.principal, claims: payload as Record<string, unknown> };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ERR_JWKS_NO_MATCHING_KEY" && !refresh) continue;
        return { ok: false, status: 401, code: "invalid_access_token", detail: `The access token was rejected (${code ?? "invalid"}).` };
      }
    }
    return { ok: false, status: 401, code: "invalid_access_token", detail: "No key matches the access token." };
  }

  private peekIssuer(token: string): string | null {
    try {
      const json = JSON.parse(decodeText(token.split(".")[1] ?? "") ?? "null") as { iss?: unknown } | null;
      if (!json) return null;
      return typeof json.iss === "string" ? json.iss : null;
    } catch {
      return null;
    }
  }

  private async keys(provider: IdentityProviderTrust, refresh: boolean, exchanges: Exchange[]): Promise<JSONWebKeySet | null> {
    const hit = this.cache.get(provider.issuer);
    if (hit && !refresh && this.now() - hit.at < KEY_CACHE_MS) return hit.jwks;
    const { exchange, response, body } = await tracedFetch(this.fetchImpl, provider.jwksUrl, { headers: { accept: "application/json" } }, {
      from: "dialogporten",
      to: "id-porten",
      label: "Fetch the identity provider's JWKS",
      timeoutMs: 5000,
    });
    exchanges.push(exchange);
    try {
      if (!response?.ok || !body) throw new Error("no keys");
      const jwks = JSON.parse(body) as JSONWebKeySet;
      if (!Array.isArray(jwks.keys)) throw new Error("no keys");
      this.cache.set(provider.issuer, { jwks, at: this.now() });
      return jwks;
    } catch {
      return hit?.jwks ?? null;
    }
  }
}
