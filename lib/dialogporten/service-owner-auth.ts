import { SERVICE_OWNER_SCOPE } from "../altinn/grants";
import type { ServiceOwner } from "../altinn/resource-registry";
import type { IdentityProviderTrust } from "../shared/idp-tokens";
import { bearerToken, IdpTokenVerifier, peekIssuer, scopesOf } from "../shared/idp-tokens";
import type { Exchange } from "../shared/trace";
import type { Clock, FetchLike } from "../shared/types";
import type { DialogportenCode } from "./codes";

/** The scope the real service-owner API requires (`AuthorizationPolicy.ServiceProvider`). */
const SERVICE_PROVIDER_SCOPE = SERVICE_OWNER_SCOPE;

interface ServiceOwnerAuthOptions {
  /** Identity providers whose access tokens are accepted (Maskinporten for service owners). */
  trusted: IdentityProviderTrust[];
  /** Dialogporten's own dialog-token issuer: such tokens are refused here by name. */
  dialogTokenIssuer: string;
  /** The resource registry's view of service owners: organisation number → `org` short code. */
  owners: ServiceOwner[];
  fetch: FetchLike;
  now: Clock;
}

type ServiceOwnerAuthResult =
  { ok: true; owner: ServiceOwner; clientId?: string; scopes: string[] } | { ok: false; status: 401 | 403 | 503; code: DialogportenCode; detail: string };

/**
 * Authenticates a service owner on the service-owner API: a Maskinporten access token with scope
 * `digdir:dialogporten.serviceprovider` whose `consumer` organisation number is a known service owner.
 * A dialog token is never accepted here — it authorises an end user at a service provider, nothing else.
 */
export class ServiceOwnerAuthenticator {
  private readonly verifier: IdpTokenVerifier;

  constructor(private readonly opts: ServiceOwnerAuthOptions) {
    this.verifier = new IdpTokenVerifier({
      trusted: opts.trusted,
      fetch: opts.fetch,
      now: opts.now,
      actor: "dialogporten",
      label: "Fetch the identity provider's JWKS",
    });
  }

  async authenticate(authorization: string | null, exchanges: Exchange[]): Promise<ServiceOwnerAuthResult> {
    const token = bearerToken(authorization);
    if (!token)
      return { ok: false, status: 401, code: "missing_access_token", detail: "Send the service owner's Maskinporten access token as Authorization: Bearer." };
    if (peekIssuer(token) === this.opts.dialogTokenIssuer) {
      return {
        ok: false,
        status: 401,
        code: "dialog_token_not_accepted",
        detail: "A dialog token is not an access token: the service-owner API needs the service owner's own Maskinporten token.",
      };
    }
    const verified = await this.verifier.verify(token, exchanges);
    if (!verified.ok) return verified;
    const { payload } = verified;
    if (!scopesOf(payload).includes(SERVICE_PROVIDER_SCOPE)) {
      return { ok: false, status: 403, code: "missing_scope", detail: `The access token lacks the scope ${SERVICE_PROVIDER_SCOPE}.` };
    }
    const id = (payload.consumer as { ID?: unknown } | undefined)?.ID;
    const orgNumber = typeof id === "string" ? /^0192:(\d{9})$/.exec(id)?.[1] : undefined;
    const owner = orgNumber ? this.opts.owners.find((o) => o.orgNumber === orgNumber) : undefined;
    if (!owner)
      return { ok: false, status: 403, code: "unknown_service_owner", detail: "The token's consumer is not a service owner known to the resource registry." };
    return { ok: true, owner, scopes: scopesOf(payload), ...(typeof payload.client_id === "string" && { clientId: payload.client_id }) };
  }
}
