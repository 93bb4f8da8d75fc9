import { inWorkspace, workspaceFrom } from "./workspace";
import type { WorkspaceClockOf } from "../store/clock";
import type { Dialog, GuiAction } from "../altinn/dialog";
import type { DialogTokenClaims } from "../altinn/dialog-token";
import { formatAction } from "../altinn/dialog-token";
import { AccessTokenAuthenticator } from "../altinn/access-token";
import type { Principal } from "../altinn/principal";
import type { ServiceResource } from "../altinn/resource-registry";
import type { IdentityProviderTrust } from "../shared/idp-tokens";
import { json, notFound } from "../shared/problem";
import { router } from "../shared/router";
import type { Route } from "../shared/router";
import { attachTrace, wantsTrace } from "../shared/trace";
import type { Clock, FetchLike, Handler } from "../shared/types";
import { apiSummary, appPage, legacyApiSummary, legacyMarkdown, mainContentMarkdown, markdownResponse, transmissionMarkdown } from "./content";
import type { CorsPolicy } from "./cors";
import { isForeignOrigin, originRefused, preflight, withCors } from "./cors";
import { degradedCache } from "./faults";
import { authenticate } from "./gate";
import type { GateTrace } from "./gate";
import { keyCacheRoute, workspaceJwksCaches, type WorkspaceJwksCaches } from "./workspace-caches";
import { DEFAULT_REFETCH_INTERVAL_SECONDS } from "./jwks-cache";
import { legacyGate } from "./legacy";
import type { LegacyTrace } from "./legacy";
import { PreflightLog } from "./preflights";
import type { PreflightNote } from "./preflights";
import { ServiceOwnerClient } from "./service-owner-client";
import type { Found, Target, Targets } from "./targets";
import { createTargets } from "./targets";
import type { QueuedResult, WriteActionHandler } from "./write-actions";
import { createWriteActions } from "./write-actions";

export interface ServiceProviderOptions {
  /** The clock a workspace checks tokens by: its fixed instant when it has one, otherwise `now`. */
  clockOf?: (workspace: string) => Promise<WorkspaceClockOf>;
  fetch: FetchLike;
  now: Clock;
  metadataUrl: string;
  issuer: string;
  clockSkewSeconds: number;
  jwksCacheTtlSeconds: number;
  /** Least time between unknown-kid refetches (default 60 s). */
  jwksRefetchIntervalSeconds?: number;
  allowedOrigins: string[];
  /** The service owner's own dialogs: it knows their actions and transmissions without asking anyone. */
  dialogs: Dialog[];
  resources: ServiceResource[];
  /**
   * Applies a verified write action. Defaults to the real thing when `serviceOwnerApi` is set (update the
   * dialog through Dialogporten's service-owner API, 204 or 202); returning nothing answers 204.
   */
  onWriteAction?: WriteActionHandler;
  /** The back channel for write actions: the provider's own Maskinporten token and Dialogporten's service-owner API. */
  serviceOwnerApi?: {
    idportenUrl: string;
    dialogportenUrl: string;
    /** Delay before a queued (202) action is applied (default 500 ms, at most 1 s). */
    queueDelayMs?: number;
    /** GUI action ids answered with 202 and applied shortly after (default: the tax return's submit). */
    queued?: ReadonlySet<string>;
    onQueuedResult?: (result: QueuedResult) => void;
  };
  /** Legacy mode (`/service-provider/legacy/...`): no dialog token, one call to Altinn Authorization per request. */
  legacy?: { trusted: IdentityProviderTrust[]; authorizationUrl: string };
  /** The provider's own public origin (same-origin calls need no CORS grant). */
  ownOrigin?: string;
  /** `Access-Control-Max-Age` on preflight answers (default 0: the browser preflights every call). */
  corsMaxAgeSeconds?: number;
  /** Where answered preflights wait for the request that follows (default: 30 s, 200 entries). */
  preflights?: PreflightLog;
}

/** The tax return's "Bekreft og send inn": answered 202 and applied shortly after. */
export const QUEUED_GUI_ACTIONS: ReadonlySet<string> = new Set(["019ad0c2-7000-7a3b-9c4d-000000000102"]);
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;
const NO_STORE = { headers: { "cache-control": "no-store" } };

/** Serves a target that exists to a caller the gate let through; `W` is who the gate says the caller is. */
type Serve<W, T, X> = (who: W, target: Found<X>, trace: T) => Promise<Response> | Response;
/** Checks the caller, then answers from `serve`, or says the target is missing (only to a caller who got through). */
type Gate<W, T> = <X>(request: Request, dialogId: string, target: Target<X>, serve: Serve<W, T, X>) => Promise<Response>;
type WriteTarget = Found<{ guiAction: GuiAction }>;
/** Attaches the provider's trace (and the preflight the request claimed) to its answer. */
type Respond = (request: Request, response: Response, trace: GateTrace | LegacyTrace) => Promise<Response>;
type ApplyWrite = (request: Request, target: WriteTarget, actorId: string, trace: GateTrace | LegacyTrace, claims?: DialogTokenClaims) => Promise<Response>;

function writeActionsFor(opts: ServiceProviderOptions): WriteActionHandler | undefined {
  const api = opts.serviceOwnerApi;
  if (opts.onWriteAction || !api) return opts.onWriteAction;
  return createWriteActions({
    client: new ServiceOwnerClient({ fetch: opts.fetch, now: opts.now, idportenUrl: api.idportenUrl, dialogportenUrl: api.dialogportenUrl }),
    queueDelayMs: Math.min(Math.max(api.queueDelayMs ?? 500, 0), 1000),
    queued: api.queued ?? QUEUED_GUI_ACTIONS,
    onQueuedResult: api.onQueuedResult,
  });
}

/** Step 5: the dialog token, checked locally against Dialogporten's cached keys. */
function tokenGate(opts: ServiceProviderOptions, respond: Respond, caches: WorkspaceJwksCaches): Gate<DialogTokenClaims, GateTrace> {
  return async (request, dialogId, target, serve) => {
    const workspace = workspaceFrom(request);
    const clock = opts.clockOf ? await opts.clockOf(workspace) : { now: opts.now };
    const { cache, options } = caches.of(workspace, clock.now);
    const deps = {
      cache,
      now: clock.now,
      issuer: opts.issuer,
      skewSeconds: opts.clockSkewSeconds,
      degradedCache: (warm: boolean) => degradedCache(options, cache, warm),
    };
    const gate = await authenticate(request, { dialogId, action: target.required, minimumLevel: target.minimumLevel }, deps);
    if (target.required) gate.trace.notes.required = formatAction(target.required);
    if (!gate.ok) return respond(request, gate.response, gate.trace);
    const answer = target.found ? await serve(gate.claims, target, gate.trace) : target.answer(new URL(request.url).pathname);
    return respond(request, answer, gate.trace);
  };
}

/** Legacy mode: the end user's access token, and Altinn Authorization asked every time. */
function legacyGateFor(opts: ServiceProviderOptions, respond: Respond): Gate<Principal, LegacyTrace> | undefined {
  const legacy = opts.legacy;
  if (!legacy) return undefined;
  const verifier = new AccessTokenAuthenticator({
    trusted: legacy.trusted,
    fetch: opts.fetch,
    now: opts.now,
    actor: "service-provider",
    label: "Fetch the identity provider's JWKS (legacy mode)",
  });
  return async (request, _dialogId, target, serve) => {
    const gate = await legacyGate(request, target, { verifier, authorizationUrl: legacy.authorizationUrl, fetch: opts.fetch });
    return respond(request, gate.ok ? await serve(gate.principal, gate.target, gate.trace) : gate.response, gate.trace);
  };
}

function tokenRoutes(targets: Targets, gate: Gate<DialogTokenClaims, GateTrace>, applyWrite: ApplyWrite): Route[] {
  const sp = "/service-provider";
  return [
    {
      path: `${sp}/fce/:dialogId`,
      methods: {
        GET: (r, { dialogId = "" }) => gate(r, dialogId, targets.dialog(dialogId), (claims, t) => markdownResponse(mainContentMarkdown(claims, t.dialog))),
      },
    },
    {
      path: `${sp}/fce/:dialogId/transmissions/:transmissionId`,
      methods: {
        GET: (r, { dialogId = "", transmissionId = "" }) =>
          gate(r, dialogId, targets.transmission(dialogId, transmissionId), (claims, t) =>
            markdownResponse(transmissionMarkdown(claims, t.transmission, formatAction(t.required))),
          ),
      },
    },
    {
      path: `${sp}/actions/:dialogId/:action`,
      methods: Object.fromEntries(
        WRITE_METHODS.map((m) => [
          m,
          (r: Request, { dialogId = "", action = "" }: Record<string, string>) =>
            gate(r, dialogId, targets.writeAction(dialogId, action, r.method), (claims, t, trace) => applyWrite(r, t, claims.c, trace, claims)),
        ]),
      ),
    },
    {
      path: `${sp}/api/:dialogId`,
      methods: { GET: (r, { dialogId = "" }) => gate(r, dialogId, targets.dialog(dialogId), (claims) => json(apiSummary(claims), NO_STORE)) },
    },
  ];
}

function legacyRoutes(targets: Targets, gate: Gate<Principal, LegacyTrace> | undefined, applyWrite: ApplyWrite): Route[] {
  const legacy: Gate<Principal, LegacyTrace> = gate ?? (async (request) => notFound(new URL(request.url).pathname, "Legacy mode is not configured."));
  const sp = "/service-provider/legacy";
  const decision = (t: LegacyTrace) => t.notes.decision ?? "";
  return [
    {
      path: `${sp}/fce/:dialogId`,
      methods: {
        GET: (r, { dialogId = "" }) =>
          legacy(r, dialogId, targets.dialog(dialogId), (p, t, trace) => markdownResponse(legacyMarkdown(p, t.dialog, "read", decision(trace)))),
      },
    },
    {
      path: `${sp}/fce/:dialogId/transmissions/:transmissionId`,
      methods: {
        GET: (r, { dialogId = "", transmissionId = "" }) =>
          legacy(r, dialogId, targets.transmission(dialogId, transmissionId), (p, t, trace) =>
            markdownResponse(legacyMarkdown(p, t.dialog, formatAction(t.required), decision(trace), t.transmission)),
          ),
      },
    },
    {
      path: `${sp}/actions/:dialogId/:action`,
      methods: Object.fromEntries(
        WRITE_METHODS.map((m) => [
          m,
          (r: Request, { dialogId = "", action = "" }: Record<string, string>) =>
            legacy(r, dialogId, targets.writeAction(dialogId, action, r.method), (p, t, trace) => applyWrite(r, t, p.consumer, trace)),
        ]),
      ),
    },
    {
      path: `${sp}/api/:dialogId`,
      methods: {
        GET: (r, { dialogId = "" }) =>
          legacy(r, dialogId, targets.dialog(dialogId), (p, t, trace) => json(legacyApiSummary(p, t.dialog, "read", decision(trace)), NO_STORE)),
      },
    },
  ];
}

/**
 * The browser-facing front: answers preflights (and logs them, ADR 011), refuses unknown origins, and
 * remembers which preflight each actual request claimed, for its trace.
 */
function corsFront(routed: Handler, cors: CorsPolicy, preflights: PreflightLog, claimed: WeakMap<Request, PreflightNote>): Handler {
  return async (request) => {
    if (request.method.toUpperCase() === "OPTIONS") {
      const startedAt = Date.now();
      const t0 = performance.now();
      const answer = preflight(request, cors);
      preflights.record(request, answer, startedAt, performance.now() - t0);
      return answer;
    }
    if (isForeignOrigin(request, cors)) return originRefused(request);
    const origin = request.headers.get("origin");
    // A cross-origin call with Authorization was preceded by a preflight (unless the browser cached one).
    if (origin !== null && origin !== cors.ownOrigin && request.headers.has("authorization")) {
      claimed.set(request, preflights.claim(origin, new URL(request.url).pathname, request.method));
    }
    return withCors(request, await routed(request), cors);
  };
}

export function createServiceProviderService(opts: ServiceProviderOptions): Handler {
  const targets = createTargets(opts.dialogs, opts.resources);
  const cors: CorsPolicy = { allowedOrigins: opts.allowedOrigins, ownOrigin: opts.ownOrigin, maxAgeSeconds: opts.corsMaxAgeSeconds ?? 0 };
  /** The preflight each actual request claimed (keyed by the Request object the router passes on). */
  const claimed = new WeakMap<Request, PreflightNote>();
  const respond: Respond = (request, response, trace) => {
    const preflight = claimed.get(request);
    return attachTrace(request, response, {
      actor: "service-provider",
      exchanges: trace.exchanges,
      notes: { ...trace.notes, ...(preflight && { preflight }) },
    });
  };
  const onWriteAction = writeActionsFor(opts);
  /** No handler configured means acknowledged and nothing changed. */
  const applyWrite: ApplyWrite = async (request, { dialog, guiAction }, actorId, trace, claims) =>
    (await onWriteAction?.({
      dialog,
      guiAction,
      actorId,
      claims,
      trace,
      askForTrace: wantsTrace(request),
      instance: new URL(request.url).pathname,
      workspace: workspaceFrom(request),
    })) ?? new Response(null, { status: 204 });
  const app = async (request: Request, { dialogId = "" }: Record<string, string>) => {
    const page = new Response(appPage(dialogId, targets.findDialog(dialogId)), { headers: { "content-type": "text/html; charset=utf-8" } });
    return respond(request, page, { exchanges: [], notes: { verification: null, keySource: null, authorizationCalls: 0 } });
  };
  const caches = workspaceJwksCaches({
    fetch: opts.fetch,
    now: opts.now,
    metadataUrl: opts.metadataUrl,
    issuer: opts.issuer,
    ttlSeconds: opts.jwksCacheTtlSeconds,
    minRefetchIntervalSeconds: opts.jwksRefetchIntervalSeconds,
  });
  const routed = router([
    ...tokenRoutes(targets, tokenGate(opts, respond, caches), applyWrite),
    keyCacheRoute(caches, {
      clockOf: async (workspace) => (opts.clockOf ? (await opts.clockOf(workspace)).now : opts.now),
      ttlSeconds: opts.jwksCacheTtlSeconds,
      leewaySeconds: opts.clockSkewSeconds,
      refetchIntervalSeconds: opts.jwksRefetchIntervalSeconds ?? DEFAULT_REFETCH_INTERVAL_SECONDS,
    }),
    { path: "/service-provider/app/:dialogId", methods: { GET: app } },
    { path: "/service-provider/app/:dialogId/:page", methods: { GET: app } },
    ...legacyRoutes(targets, legacyGateFor(opts, respond), applyWrite),
  ]);
  return inWorkspace(corsFront(routed, cors, opts.preflights ?? new PreflightLog(), claimed));
}
