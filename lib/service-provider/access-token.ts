import { createLocalJWKSet, jwtVerify } from "jose";
import type { JSONWebKeySet } from "jose";
import type { Principal } from "../dialogporten/principal";
import { principalFromClaims } from "../dialogporten/principal";
import { decodeText } from "../shared/base64url";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { Clock, FetchLike } from "../shared/types";

/**
 * Legacy mode only: the service provider validates the end user's ID-porten/Maskinporten access token
 * itself (keys fetched over HTTP and cached), and derives the same principal Dialogporten would.
 */

export interface TrustedIdp {
  issuer: string;
  jwksUrl: string;
}

export type AccessTokenResult = { ok: true; principal: Principal } | { ok: false; status: 401 | 403 | 503; code: string; detail: string };

const SCOPES = ["digdir:dialogporten", "digdir:dialogporten.noconsent"];
const MAX_TOKEN_CHARS = 16_384;

export class AccessTokenVerifier {
  private readonly cache = new Map<string, { jwks: JSONWebKeySet; at: number }>();

  constructor(private readonly opts: { trusted: TrustedIdp[]; fetch: FetchLike; now: Clock; keyCacheMs?: number }) {}

  async verify(token: string, exchanges: Exchange[]): Promise<AccessTokenResult> {
    if (token.length > MAX_TOKEN_CHARS) return { ok: false, status: 401, code: "invalid_access_token", detail: "The access token is too large." };
    let issuer: unknown;
    try {
      issuer = (JSON.parse(decodeText(token.split(".")[1] ?? "") ?? "null") as { iss?: unknown } | null)?.iss;
    } catch {
      issuer = undefined;
    }
    const idp = this.opts.trusted.find((t) => t.issuer === issuer);
    if (!idp) return { ok: false, status: 401, code: "untrusted_issuer", detail: "Legacy mode takes an ID-porten or Maskinporten access token (a dialog token is not one)." };
    for (const refresh of [false, true]) {
      const jwks = await this.keys(idp, refresh, exchanges);
      if (!jwks) return { ok: false, status: 503, code: "idp_keys_unavailable", detail: "The identity provider's keys could not be fetched." };
      try {
        const { payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
          algorithms: ["EdDSA"],
          issuer: idp.issuer,
          currentDate: new Date(this.opts.now()),
          clockTolerance: 2,
          requiredClaims: ["exp", "iat"],
        });
        const scopes = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
        if (!scopes.some((s) => SCOPES.includes(s))) return { ok: false, status: 403, code: "missing_scope", detail: "The access token lacks the scope digdir:dialogporten." };
        const p = principalFromClaims(payload as Record<string, unknown>);
        return p.ok ? { ok: true, principal: p.principal } : { ok: false, status: 401, code: p.code, detail: p.detail };
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ERR_JWKS_NO_MATCHING_KEY" && !refresh) continue;
        return { ok: false, status: 401, code: "invalid_access_token", detail: `The access token was rejected (${code ?? "invalid"}).` };
      }
    }
    return { ok: false, status: 401, code: "invalid_access_token", detail: "No key matches the access token." };
  }

  private async keys(idp: TrustedIdp, refresh: boolean, exchanges: Exchange[]): Promise<JSONWebKeySet | null> {
    const hit = this.cache.get(idp.issuer);
    if (hit && !refresh && this.opts.now() - hit.at < (this.opts.keyCacheMs ?? 5 * 60_000)) return hit.jwks;
    const { exchange, response, body } = await tracedFetch(this.opts.fetch, idp.jwksUrl, { headers: { accept: "application/json" } }, {
      from: "service-provider",
      to: "id-porten",
      label: "Fetch the identity provider's JWKS (legacy mode)",
      timeoutMs: 5000,
    });
    exchanges.push(exchange);
    try {
      if (!response?.ok || !body) throw new Error("no keys");
      const jwks = JSON.parse(body) as JSONWebKeySet;
      if (!Array.isArray(jwks.keys)) throw new Error("no keys");
      this.cache.set(idp.issuer, { jwks, at: this.opts.now() });
      return jwks;
    } catch {
      return hit?.jwks ?? null;
    }
  }
}
