import { createLocalJWKSet, jwtVerify } from "jose";
import type { JSONWebKeySet } from "jose";
import { SERVICE_OWNER_SCOPE } from "../id-porten/grant";
import type { ServiceOwner } from "../seed/service-owners";
import { decodeText } from "../shared/base64url";
import type { Exchange } from "../shared/trace";
import { tracedFetch } from "../shared/trace";
import type { Clock, FetchLike } from "../shared/types";
import type { IdentityProviderTrust } from "./authenticate";

/** The scope the real service-owner API requires (`AuthorizationPolicy.ServiceProvider`). */
export const SERVICE_PROVIDER_SCOPE = SERVICE_OWNER_SCOPE;

export interface ServiceOwnerAuthOptions {
  /** Identity providers whose access tokens are accepted (Maskinporten for service owners). */
  trusted: IdentityProviderTrust[];
  /** Dialogporten's own dialog-token issuer: such tokens are refused here by name. */
  dialogTokenIssuer: string;
  /** The resource registry's view of service owners: organisation number → `org` short code. */
  owners: ServiceOwner[];
  fetch: FetchLike;
  now: Clock;
}

export type ServiceOwnerAuthResult =
  | { ok: true; owner: ServiceOwner; clientId?: string }
  | { ok: false; status: 401 | 403 | 503; code: string; detail: string };

const MAX_TOKEN_CHARS = 16_384;
const KEY_CACHE_MS = 5 * 60_000;

function peekIssuer(token: string): string | null {
  try {
    const claims = JSON.parse(decodeText(token.split(".")[1] ?? "") ?? "null") as { iss?: unknown } | null;
    return typeof claims?.iss === "string" ? claims.iss : null;
  } catch {
    return null;
  }
}

/**
 * Authenticates a service owner on the service-owner API: a Maskinporten access token with scope
 * `digdir:dialogporten.serviceprovider` whose `consumer` organisation number is a known service owner.
 * A dialog token is never accepted here — it authorises an end user at a service provider, nothing else.
 */
export class ServiceOwnerAuthenticator {
  private readonly cache = new Map<string, { jwks: JSONWebKeySet; at: number }>();

  constructor(private readonly opts: ServiceOwnerAuthOptions) {}

  async authenticate(authorization: string | null, exchanges: Exchange[]): Promise<ServiceOwnerAuthResult> {
    const m = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? "");
    if (!m) return { ok: false, status: 401, code: "missing_access_token", detail: "Send the service owner's Maskinporten access token as Authorization: Bearer." };
    const token = m[1]!;
    if (token.length > MAX_TOKEN_CHARS) return { ok: false, status: 401, code: "invalid_access_token", detail: "The access token is too large." };
    const issuer = peekIssuer(token);
    if (issuer === this.opts.dialogTokenIssuer) {
      return { ok: false, status: 401, code: "dialog_token_not_accepted", detail: "A dialog token is not an access token: the service-owner API needs the service owner's own Maskinporten token." };
    }
    const provider = this.opts.trusted.find((t) => t.issuer === issuer);
    if (!provider) return { ok: false, status: 401, code: "untrusted_issuer", detail: "The access token is not from a trusted identity provider." };

    for (const refresh of [false, true]) {
      const jwks = await this.keys(provider, refresh, exchanges);
      if (!jwks) return { ok: false, status: 503, code: "idp_keys_unavailable", detail: "The identity provider's keys could not be fetched." };
      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, createLocalJWKSet(jwks), {
          algorithms: ["EdDSA"],
          issuer: provider.issuer,
          currentDate: new Date(this.opts.now()),
          clockTolerance: 2,
          requiredClaims: ["exp", "iat"],
        }));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "ERR_JWKS_NO_MATCHING_KEY" && !refresh) continue;
        return { ok: false, status: 401, code: "invalid_access_token", detail: `The access token was rejected (${code ?? "invalid"}).` };
      }
      const scopes = typeof payload.scope === "string" ? payload.scope.split(" ") : [];
      if (!scopes.includes(SERVICE_PROVIDER_SCOPE)) {
        return { ok: false, status: 403, code: "missing_scope", detail: `The access token lacks the scope ${SERVICE_PROVIDER_SCOPE}.` };
      }
      const id = (payload.consumer as { ID?: unknown } | undefined)?.ID;
      const orgNumber = typeof id === "string" ? /^0192:(\d{9})$/.exec(id)?.[1] : undefined;
      const owner = orgNumber ? this.opts.owners.find((o) => o.orgNumber === orgNumber) : undefined;
      if (!owner) return { ok: false, status: 403, code: "unknown_service_owner", detail: "The token's consumer is not a service owner known to the resource registry." };
      return { ok: true, owner, ...(typeof payload.client_id === "string" && { clientId: payload.client_id }) };
    }
    return { ok: false, status: 401, code: "invalid_access_token", detail: "No key matches the access token." };
  }

  private async keys(provider: IdentityProviderTrust, refresh: boolean, exchanges: Exchange[]): Promise<JSONWebKeySet | null> {
    const hit = this.cache.get(provider.issuer);
    if (hit && !refresh && this.opts.now() - hit.at < KEY_CACHE_MS) return hit.jwks;
    const { exchange, response, body } = await tracedFetch(this.opts.fetch, provider.jwksUrl, { headers: { accept: "application/json" } }, {
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
      this.cache.set(provider.issuer, { jwks, at: this.opts.now() });
      return jwks;
    } catch {
      return hit?.jwks ?? null;
    }
  }
}
