import { MemoryStore } from "./store/memory";
import type { WorkspaceStore } from "./store/store";
import { clockOf } from "./store/clock";
import { workspacePolicies } from "./authorization/workspace-policies";
import { workspaceKeySource } from "./keys/workspace-keys";
import { createWorkspaceApi, WORKSPACES_PATH } from "./sandbox-api/workspaces";
import { createAuthorizationService } from "./authorization/handler";
import type { SandboxConfig } from "./config";
import { issuerOf, MAX_PDP_LATENCY_MS } from "./config";
import { AccessTokenAuthenticator } from "./altinn/access-token";
import { createDialogporten } from "./dialogporten/handler";
import { ServiceOwnerAuthenticator } from "./dialogporten/service-owner-auth";
import { DialogStore } from "./dialogporten/store";
import { DialogEvents } from "./dialogporten/events";
import type { EventChannel } from "./store/events";
import { MemoryEventChannel } from "./store/events";
import { createIdentityProvider, idpIssuer } from "./id-porten/handler";
import { configuredKeys, deriveDialogportenKeys, deriveKey } from "./keys/keys";
import { seedDialogs } from "./seed/dialogs";
import { policies, roleAssignments } from "./seed/policies";
import { serviceResources } from "./seed/resources";
import { serviceOwners } from "./seed/service-owners";
import { createSandboxApi } from "./sandbox-api/handler";
import { createServiceProviderService } from "./service-provider/handler";
import { PDP_LATENCY_HEADER } from "./shared/faults";
import { notFound } from "./shared/problem";
import { headerSizeProblem } from "./shared/limits";
import { IDENTITY_PROVIDERS, SANDBOX_API_PREFIX, serviceAt } from "./shared/services";
import type { Actor } from "./shared/trace";
import type { Clock, FetchLike, Handler } from "./shared/types";

export interface Sandbox {
  config: SandboxConfig;
  /** Where workspace state lives; the caller that made it closes it. */
  store: WorkspaceStore;
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
  /** Workspace state (default: a fresh in-memory store). */
  store?: WorkspaceStore;
  /** Where dialog events travel (default: the store's own channel, e.g. Redis pub/sub, else this instance's memory). */
  events?: EventChannel;
}

/**
 * Simulated network latency on calls to Altinn Authorization: per request the `sandbox-pdp-latency-ms`
 * header (0–2000 ms; anything else is ignored), otherwise the configured value.
 */
function pdpLatency(configured: () => number): (request: Request) => number {
  return (request) => {
    const raw = request.headers.get(PDP_LATENCY_HEADER);
    return raw !== null && /^\d{1,4}$/.test(raw) && Number(raw) <= MAX_PDP_LATENCY_MS ? Number(raw) : configured();
  };
}

/** Wires the four mock services together over HTTP (never by calling each other's functions). */
export async function createSandbox(config: SandboxConfig, deps: SandboxDeps): Promise<Sandbox> {
  const fixedAt = config.fixedClock ? Date.parse(config.fixedClock) : undefined;
  const now = deps.now ?? (fixedAt !== undefined ? () => fixedAt : Date.now);
  const clock = (actor: Actor) => deps.clocks?.[actor] ?? now;
  const store: WorkspaceStore = deps.store ?? new MemoryStore();
  /** A workspace's frozen clock wins over the actor's own, its offset and this actor's skew shift it; the deployment's fixed clock (SANDBOX_FIXED_CLOCK) wins over the real one. */
  const workspaceClock = (actor: Actor) => (workspace: string) =>
    clockOf(store, workspace, { now: clock(actor), fixed: fixedAt !== undefined && !deps.clocks?.[actor] }, actor);
  const issuer = issuerOf(config);
  const events = new DialogEvents(deps.events ?? store.events?.() ?? new MemoryEventChannel());
  const [dpKeys, idpKey] = await Promise.all([
    config.dialogportenKeys ? configuredKeys(config.dialogportenKeys.primary, config.dialogportenKeys.secondary) : deriveDialogportenKeys(config.seed),
    deriveKey(config.seed, "id-porten/signing", "idporten-sandbox"),
  ]);
  const keySource = workspaceKeySource(store, dpKeys, config.seed);
  const authenticator = new AccessTokenAuthenticator({
    trusted: IDENTITY_PROVIDERS.map((p) => ({ issuer: idpIssuer(config.origin, p), jwksUrl: `${config.internal.idporten}/${p}/jwks` })),
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
      keysOf: keySource.keysOf,
      // Every stored change is an event for the dialog's subscribers: DIALOG_DELETED for the soft delete, DIALOG_UPDATED otherwise (docs/real-systems.md §9).
      store: new DialogStore(seedDialogs, store, (workspace, dialog) =>
        events.publish(workspace, { id: dialog.id, type: dialog.deletedAt ? "DIALOG_DELETED" : "DIALOG_UPDATED" }),
      ),
      events,
      clockOf: workspaceClock("dialogporten"),
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
    authorization: createAuthorizationService({
      policies,
      policiesOf: (workspace) => workspacePolicies(store, workspace, policies),
      roles: roleAssignments,
      resources: serviceResources,
      latencyMs: pdpLatency(deps.pdpLatencyMs ?? (() => config.pdpLatencyMs)),
    }),
    "service-provider": createServiceProviderService({
      fetch: deps.fetch,
      now: clock("service-provider"),
      clockOf: workspaceClock("service-provider"),
      metadataUrl: `${config.internal.dialogporten}/dialogporten/api/v1/.well-known/oauth-authorization-server`,
      issuer,
      clockSkewSeconds: config.clockSkewSeconds,
      jwksCacheTtlSeconds: config.jwksCacheTtlSeconds,
      allowedOrigins: config.allowedOrigins,
      ownOrigin: config.serviceProviderOrigin,
      corsMaxAgeSeconds: config.corsMaxAgeSeconds,
      dialogs: seedDialogs,
      resources: serviceResources,
      // The provider's own state (the task of each dialog) lives in the workspaces too (docs/design.md, principle 10).
      state: store,
      serviceOwnerApi: { idportenUrl: config.internal.idporten, dialogportenUrl: config.internal.dialogporten, queueDelayMs: config.writeQueueDelayMs },
      legacy: {
        trusted: IDENTITY_PROVIDERS.map((p) => ({ issuer: idpIssuer(config.origin, p), jwksUrl: `${config.internal.idporten}/${p}/jwks` })),
        authorizationUrl: config.internal.authorization,
      },
    }),
  };
  const workspaces = createWorkspaceApi(store, policies, {
    base: dpKeys,
    source: keySource,
    dialogportenNow: async (workspace) => (await workspaceClock("dialogporten")(workspace)).now,
  });
  // Signs with Dialogporten's keys, handed over here: the sandbox API imports no Dialogporten code (principle 9).
  const api = createSandboxApi({
    origin: config.origin,
    issuer,
    keys: dpKeys,
    now: clock("dialogporten"),
    testTokens: config.testTokens,
    // The sandbox's own provider is always reachable (calling itself opens nothing), unless the relay is off.
    relay: {
      origins: config.relayOrigins.length > 0 ? [...config.relayOrigins, config.serviceProviderOrigin] : [],
      fetch: deps.fetch,
      timeoutMs: 10_000,
      maxResponseBytes: 64 * 1024,
    },
  });
  const handle: Handler = async (request) => {
    // The same header limit a Node server enforces before any route runs, as problem+json (lib/shared/limits.ts).
    const tooLarge = headerSizeProblem(request);
    if (tooLarge) return tooLarge;
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(`${WORKSPACES_PATH}/`)) return workspaces(request);
    if (pathname.split("/")[1] === SANDBOX_API_PREFIX) return api(request);
    const actor = serviceAt(pathname);
    return actor ? services[actor](request) : notFound(pathname);
  };
  return { config, store, services, api, handle };
}
