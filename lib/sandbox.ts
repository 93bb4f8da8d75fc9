import { createAuthorizationService } from "./authorization";
import type { SandboxConfig } from "./config";
import { issuerOf, MAX_PDP_LATENCY_MS } from "./config";
import { AccessTokenAuthenticator } from "./altinn/access-token";
import { createDialogporten } from "./dialogporten/handler";
import { ServiceOwnerAuthenticator } from "./dialogporten/service-owner-auth";
import { DialogStore } from "./dialogporten/store";
import { createIdentityProvider, idpIssuer } from "./id-porten/handler";
import { configuredKeys, deriveDialogportenKeys, deriveKey } from "./keys/keys";
import { seedDialogs } from "./seed/dialogs";
import { policies, roleAssignments } from "./seed/policies";
import { serviceResources } from "./seed/resources";
import { serviceOwners } from "./seed/service-owners";
import { createSandboxApi } from "./sandbox-api/handler";
import { createServiceProviderService } from "./service-provider";
import { PDP_LATENCY_HEADER } from "./service-provider/cors";
import { notFound } from "./shared/problem";
import { headerSizeProblem } from "./shared/limits";
import type { Actor } from "./shared/trace";
import type { Clock, FetchLike, Handler } from "./shared/types";

export interface Sandbox {
  config: SandboxConfig;
  services: Record<Exclude<Actor, "end-user-system">, Handler>;
  /** The sandbox's own API under `/sandbox/`: test tokens, the conformance relay, the OpenAPI document. No actor of the sequence. */
  api: Handler;
  /** One handler for every path, dispatching on the first segment like the Next routes do. */
  handle: Handler;
}

export interface SandboxDeps {
  fetch: FetchLike;
  now?: Clock;
  /** Per-actor clocks, to simulate skew between Dialogporten and the service provider. */
  clocks?: Partial<Record<Actor, Clock>>;
  /** Simulated network latency to the PDP, in ms (default: `config.pdpLatencyMs`). */
  pdpLatencyMs?: () => number;
}

/**
 * Simulated network latency on calls to Altinn Authorization: the configured value, or per request the
 * `sandbox-pdp-latency-ms` header (0–2000 ms; anything else is ignored). The answer waits, not the decision.
 */
export function withPdpLatency(handler: Handler, configured: () => number): Handler {
  return async (request) => {
    const raw = request.headers.get(PDP_LATENCY_HEADER);
    const asked = raw !== null && /^\d{1,4}$/.test(raw) && Number(raw) <= MAX_PDP_LATENCY_MS ? Number(raw) : undefined;
    const response = await handler(request);
    const ms = asked ?? configured();
    if (Number.isFinite(ms) && ms > 0 && !request.signal.aborted) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          request.signal.removeEventListener("abort", done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        request.signal.addEventListener("abort", done);
      });
    }
    return response;
  };
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
  const authenticator = new AccessTokenAuthenticator({
    trusted: (["id-porten", "maskinporten"] as const).map((p) => ({ issuer: idpIssuer(config.origin, p), jwksUrl: `${config.internal.idporten}/${p}/jwks` })),
    fetch: deps.fetch,
    now: clock("dialogporten"),
    actor: "dialogporten",
    label: "Fetch the identity provider's JWKS",
  });
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
      serviceOwner: new ServiceOwnerAuthenticator({
        trusted: [{ issuer: idpIssuer(config.origin, "maskinporten"), jwksUrl: `${config.internal.idporten}/maskinporten/jwks` }],
        dialogTokenIssuer: issuer,
        owners: serviceOwners,
        fetch: deps.fetch,
        now: clock("dialogporten"),
      }),
    }),
    authorization: withPdpLatency(
      createAuthorizationService({ policies, roles: roleAssignments, resources: serviceResources }),
      deps.pdpLatencyMs ?? (() => config.pdpLatencyMs),
    ),
    "service-provider": createServiceProviderService({
      fetch: deps.fetch,
      now: clock("service-provider"),
      metadataUrl: `${config.internal.dialogporten}/dialogporten/api/v1/.well-known/oauth-authorization-server`,
      issuer,
      clockSkewSeconds: config.clockSkewSeconds,
      jwksCacheTtlSeconds: config.jwksCacheTtlSeconds,
      allowedOrigins: config.allowedOrigins,
      ownOrigin: config.serviceProviderOrigin,
      corsMaxAgeSeconds: config.corsMaxAgeSeconds,
      dialogs: seedDialogs,
      resources: serviceResources,
      serviceOwnerApi: { idportenUrl: config.internal.idporten, dialogportenUrl: config.internal.dialogporten, queueDelayMs: config.writeQueueDelayMs },
      legacy: {
        trusted: (["id-porten", "maskinporten"] as const).map((p) => ({ issuer: idpIssuer(config.origin, p), jwksUrl: `${config.internal.idporten}/${p}/jwks` })),
        authorizationUrl: config.internal.authorization,
      },
    }),
  };
  // Signs with Dialogporten's keys, handed over here: the sandbox API imports no Dialogporten code (principle 9).
  const api = createSandboxApi({
    origin: config.origin,
    issuer,
    keys: dpKeys,
    now: clock("dialogporten"),
    testTokens: config.testTokens,
    // The sandbox's own provider is always reachable (calling itself opens nothing), unless the relay is off.
    relay: { origins: config.relayOrigins.length > 0 ? [...config.relayOrigins, config.serviceProviderOrigin] : [], fetch: deps.fetch, timeoutMs: 10_000, maxResponseBytes: 64 * 1024 },
  });
  const handle: Handler = async (request) => {
    // The same header limit a Node server enforces before any route runs, as problem+json (lib/shared/limits.ts).
    const tooLarge = headerSizeProblem(request);
    if (tooLarge) return tooLarge;
    const first = new URL(request.url).pathname.split("/")[1] ?? "";
    if (first === "sandbox") return api(request);
    const actor = PREFIX[first];
    return actor ? services[actor](request) : notFound(new URL(request.url).pathname);
  };
  return { config, services, api, handle };
}
