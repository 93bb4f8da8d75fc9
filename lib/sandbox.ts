import { createAuthorizationService } from "./authorization";
import type { SandboxConfig } from "./config";
import { issuerOf } from "./config";
import { AccessTokenAuthenticator } from "./dialogporten/authenticate";
import { createDialogporten } from "./dialogporten/handler";
import { DialogStore } from "./dialogporten/store";
import { createIdentityProvider, idpIssuer } from "./id-porten/handler";
import { configuredKeys, deriveDialogportenKeys, deriveKey } from "./keys/keys";
import { seedDialogs } from "./seed/dialogs";
import { policies, roleAssignments } from "./seed/policies";
import { serviceResources } from "./seed/resources";
import { createServiceProviderService } from "./service-provider";
import { notFound } from "./shared/problem";
import type { Actor } from "./shared/trace";
import type { Clock, FetchLike, Handler } from "./shared/types";

export interface Sandbox {
  config: SandboxConfig;
  services: Record<Exclude<Actor, "end-user-system">, Handler>;
  /** One handler for every path, dispatching on the first segment like the Next routes do. */
  handle: Handler;
}

export interface SandboxDeps {
  fetch: FetchLike;
  now?: Clock;
  /** Per-actor clocks, to simulate skew between Dialogporten and the service provider. */
  clocks?: Partial<Record<Actor, Clock>>;
  /** Simulated network latency to the PDP, in ms. */
  pdpLatencyMs?: () => number;
}

const PREFIX: Record<string, Exclude<Actor, "end-user-system">> = {
  "id-porten": "id-porten",
  maskinporten: "id-porten",
  dialogporten: "dialogporten",
  authorization: "authorization",
  "service-provider": "service-provider",
};

/** Wires the four mock services together over HTTP (never by calling each other's functions). */
export async function createSandbox(config: SandboxConfig, deps: SandboxDeps): Promise<Sandbox> {
  const now = deps.now ?? Date.now;
  const clock = (actor: Actor) => deps.clocks?.[actor] ?? now;
  const issuer = issuerOf(config);
  const [dpKeys, idpKey] = await Promise.all([
    config.dialogportenKeys ? configuredKeys(config.dialogportenKeys.primary, config.dialogportenKeys.secondary) : deriveDialogportenKeys(config.seed),
    deriveKey(config.seed, "id-porten/signing", "idporten-sandbox"),
  ]);
  const authenticator = new AccessTokenAuthenticator(
    (["id-porten", "maskinporten"] as const).map((p) => ({ issuer: idpIssuer(config.origin, p), jwksUrl: `${config.internal.idporten}/${p}/jwks` })),
    deps.fetch,
    clock("dialogporten"),
  );
  const services: Sandbox["services"] = {
    "id-porten": createIdentityProvider({ origin: config.origin, key: idpKey, now: clock("id-porten") }),
    dialogporten: createDialogporten({
      issuer,
      keys: dpKeys,
      store: new DialogStore(seedDialogs),
      resources: serviceResources,
      authenticator,
      authorizationUrl: config.internal.authorization,
      serviceProviderOrigin: config.serviceProviderOrigin,
      fetch: deps.fetch,
      now: clock("dialogporten"),
    }),
    authorization: createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources, latencyMs: deps.pdpLatencyMs }),
    "service-provider": createServiceProviderService({
      fetch: deps.fetch,
      now: clock("service-provider"),
      metadataUrl: `${config.internal.dialogporten}/dialogporten/api/v1/.well-known/oauth-authorization-server`,
      issuer,
      clockSkewSeconds: config.clockSkewSeconds,
      jwksCacheTtlSeconds: config.jwksCacheTtlSeconds,
      allowedOrigins: config.allowedOrigins,
      dialogs: seedDialogs,
      resources: serviceResources,
    }),
  };
  const handle: Handler = async (request) => {
    const first = new URL(request.url).pathname.split("/")[1] ?? "";
    const actor = PREFIX[first];
    return actor ? services[actor](request) : notFound(new URL(request.url).pathname);
  };
  return { config, services, handle };
}
