import type { Dialog, GuiAction, Transmission } from "../altinn/dialog";
import type { ServiceResource } from "../altinn/resource-registry";
import { json, methodNotAllowed, notFound } from "../shared/problem";
import { router } from "../shared/router";
import type { Route, RouteHandler } from "../shared/router";
import { attachTrace, wantsTrace } from "../shared/trace";
import type { Clock, FetchLike, Handler } from "../shared/types";
import { AccessTokenAuthenticator } from "../altinn/access-token";
import type { IdentityProviderTrust } from "../shared/idp-tokens";
import { apiSummary, appPage, legacyApiSummary, legacyMarkdown, mainContentMarkdown, markdownResponse, transmissionMarkdown } from "./content";
import type { CorsPolicy } from "./cors";
import { isForeignOrigin, originRefused, preflight, withCors } from "./cors";
import { formatAction } from "../altinn/dialog-token";
import { authenticate } from "./gate";
import type { GateTrace } from "./gate";
import { createJwksCache } from "./jwks-cache";
import { degradedCache } from "./faults";
import { legacyGate } from "./legacy";
import type { LegacyTrace } from "./legacy";
import { PreflightLog } from "./preflights";
import type { PreflightNote } from "./preflights";
import { ServiceOwnerClient } from "./service-owner-client";
import type { ActionRef, DialogTokenClaims } from "../altinn/dialog-token";
import type { QueuedResult, WriteActionHandler, WriteActionInput } from "./write-actions";
import { createWriteActions } from "./write-actions";

export type { WriteActionInput };

export interface ServiceProviderOptions {
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

/** The action a transmission embed needs, as Dialogporten derives it (real-dialogporten.md §1.4). */
export function requiredForTransmission(t: Transmission): ActionRef {
  const attribute = t.authorizationAttribute;
  if (!attribute) return { name: "read" };
  return { name: attribute.startsWith("urn:altinn:resource:") ? "read" : "transmissionread", attribute };
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createServiceProviderService(opts: ServiceProviderOptions): Handler {
  const cacheOptions = {
    fetch: opts.fetch,
    now: opts.now,
    metadataUrl: opts.metadataUrl,
    issuer: opts.issuer,
    ttlSeconds: opts.jwksCacheTtlSeconds,
    minRefetchIntervalSeconds: opts.jwksRefetchIntervalSeconds,
  };
  const cache = createJwksCache(cacheOptions);
  const deps = { cache, now: opts.now, issuer: opts.issuer, skewSeconds: opts.clockSkewSeconds, degradedCache: (warm: boolean) => degradedCache(cacheOptions, cache, warm) };
  const findDialog = (id: string) => opts.dialogs.find((d) => sameId(d.id, id));
  const minimumLevel = (d: Dialog | undefined) => opts.resources.find((r) => r.id === d?.serviceResource)?.minimumAuthenticationLevel;

  const cors: CorsPolicy = { allowedOrigins: opts.allowedOrigins, ownOrigin: opts.ownOrigin, maxAgeSeconds: opts.corsMaxAgeSeconds ?? 0 };
  const preflights = opts.preflights ?? new PreflightLog();
  /** The preflight each actual request claimed, for its trace (keyed by the Request object the router passes on). */
  const claimed = new WeakMap<Request, PreflightNote>();
  const client = opts.serviceOwnerApi && new ServiceOwnerClient({ fetch: opts.fetch, now: opts.now, idportenUrl: opts.serviceOwnerApi.idportenUrl, dialogportenUrl: opts.serviceOwnerApi.dialogportenUrl });
  const onWriteAction =
    opts.onWriteAction ??
    (client &&
      createWriteActions({
        client,
        queueDelayMs: Math.min(Math.max(opts.serviceOwnerApi?.queueDelayMs ?? 500, 0), 1000),
        queued: opts.serviceOwnerApi?.queued ?? QUEUED_GUI_ACTIONS,
        onQueuedResult: opts.serviceOwnerApi?.onQueuedResult,
      }));
  const legacyVerifier =
    opts.legacy && new AccessTokenAuthenticator({ trusted: opts.legacy.trusted, fetch: opts.fetch, now: opts.now, actor: "service-provider", label: "Fetch the identity provider's JWKS (legacy mode)" });

  const respond = (request: Request, response: Response, trace: GateTrace | LegacyTrace) => {
    const preflight = claimed.get(request);
    return attachTrace(request, response, { actor: "service-provider", exchanges: trace.exchanges, notes: { ...trace.notes, ...(preflight && { preflight }) } });
  };

  /** Authenticates, then (only for a caller holding a good token for this dialog) says whether the target exists. */
  async function guarded(request: Request, dialogId: string, action: ActionRef | undefined, dialog: Dialog | undefined, serve: (claims: DialogTokenClaims, trace: GateTrace) => Promise<Response> | Response) {
    const gate = await authenticate(request, { dialogId, action, minimumLevel: minimumLevel(dialog) }, deps);
    if (action) gate.trace.notes.required = formatAction(action);
    return respond(request, gate.ok ? await serve(gate.claims, gate.trace) : gate.response, gate.trace);
  }

  /** Applies a verified write action for `actorId`; no handler configured means acknowledged and nothing changed. */
  async function applyWrite(request: Request, dialog: Dialog, guiAction: GuiAction, actorId: string, trace: GateTrace | LegacyTrace, claims?: DialogTokenClaims) {
    const input: WriteActionInput = {
      dialog,
      guiAction,
      actorId,
      claims,
      // The same trace, so what the write records lands in this request's notes.
      trace,
      askForTrace: wantsTrace(request),
      instance: new URL(request.url).pathname,
    };
    return (await onWriteAction?.(input)) ?? new Response(null, { status: 204 });
  }

  const fceMain: RouteHandler = async (request, { dialogId = "" }) => {
    const dialog = findDialog(dialogId);
    return guarded(request, dialogId, { name: "read" }, dialog, (claims) =>
      dialog ? markdownResponse(mainContentMarkdown(claims, dialog)) : notFound(new URL(request.url).pathname, "No such dialog."),
    );
  };

  const fceTransmission: RouteHandler = async (request, { dialogId = "", transmissionId = "" }) => {
    const dialog = findDialog(dialogId);
    const transmission = dialog?.transmissions.find((t) => sameId(t.id, transmissionId));
    const required = transmission ? requiredForTransmission(transmission) : undefined;
    return guarded(request, dialogId, required, dialog, (claims) =>
      transmission && required
        ? markdownResponse(transmissionMarkdown(claims, transmission, formatAction(required)))
        : notFound(new URL(request.url).pathname, "No such transmission."),
    );
  };

  const writeAction: RouteHandler = async (request, { dialogId = "", action = "" }) => {
    const dialog = findDialog(dialogId);
    const candidates = dialog?.guiActions.filter((g) => g.action === action) ?? [];
    const method = request.method.toUpperCase();
    const guiAction = candidates.find((g) => g.httpMethod === method);
    const required = guiAction ? { name: guiAction.action, attribute: guiAction.authorizationAttribute } : undefined;
    const instance = new URL(request.url).pathname;
    return guarded(request, dialogId, required, dialog, async (claims, trace) => {
      if (!dialog || candidates.length === 0) return notFound(instance, "No such write action on this dialog.");
      if (!guiAction) return methodNotAllowed([...new Set(candidates.map((g) => g.httpMethod))], instance);
      return applyWrite(request, dialog, guiAction, claims.c, trace, claims);
    });
  };

  const apiAction: RouteHandler = async (request, { dialogId = "" }) => {
    const dialog = findDialog(dialogId);
    return guarded(request, dialogId, { name: "read" }, dialog, (claims) =>
      dialog ? json(apiSummary(claims), { headers: { "cache-control": "no-store" } }) : notFound(new URL(request.url).pathname, "No such dialog."),
    );
  };

  const app: RouteHandler = async (request, { dialogId = "" }) => {
    const page = new Response(appPage(dialogId, findDialog(dialogId)), { headers: { "content-type": "text/html; charset=utf-8" } });
    return respond(request, page, { exchanges: [], notes: { verification: null, keySource: null, authorizationCalls: 0 } });
  };

  /** Legacy mode: the same resources, the end user's access token, and Altinn Authorization asked every time. */
  async function legacy(
    request: Request,
    dialog: Dialog | undefined,
    action: ActionRef | undefined,
    serve: (principal: Parameters<typeof legacyMarkdown>[0], trace: LegacyTrace) => Promise<Response> | Response,
    missing?: () => Response,
  ) {
    if (!legacyVerifier || !opts.legacy) return notFound(new URL(request.url).pathname, "Legacy mode is not configured.");
    const gate = await legacyGate(request, { dialog, action, minimumLevel: minimumLevel(dialog), missing }, { verifier: legacyVerifier, authorizationUrl: opts.legacy.authorizationUrl, fetch: opts.fetch });
    return respond(request, gate.ok ? await serve(gate.principal, gate.trace) : gate.response, gate.trace);
  }

  const legacyRoutes: Route[] = [
    {
      path: "/service-provider/legacy/fce/:dialogId",
      methods: {
        GET: async (request, { dialogId = "" }) => {
          const dialog = findDialog(dialogId);
          return legacy(request, dialog, { name: "read" }, (p, t) => markdownResponse(legacyMarkdown(p, dialog!, "read", t.notes.decision ?? "")));
        },
      },
    },
    {
      path: "/service-provider/legacy/fce/:dialogId/transmissions/:transmissionId",
      methods: {
        GET: async (request, { dialogId = "", transmissionId = "" }) => {
          const dialog = findDialog(dialogId);
          const transmission = dialog?.transmissions.find((t) => sameId(t.id, transmissionId));
          const required = transmission && requiredForTransmission(transmission);
          return legacy(request, dialog, required, (p, t) => markdownResponse(legacyMarkdown(p, dialog!, formatAction(required!), t.notes.decision ?? "", transmission)));
        },
      },
    },
    {
      path: "/service-provider/legacy/actions/:dialogId/:action",
      methods: Object.fromEntries(
        WRITE_METHODS.map((m) => [
          m,
          async (request: Request, { dialogId = "", action = "" }: Record<string, string>) => {
            const dialog = findDialog(dialogId);
            const candidates = dialog?.guiActions.filter((g) => g.action === action) ?? [];
            const guiAction = candidates.find((g) => g.httpMethod === request.method.toUpperCase());
            const required = guiAction && { name: guiAction.action, attribute: guiAction.authorizationAttribute };
            const instance = new URL(request.url).pathname;
            const missing = () => (candidates.length > 0 ? methodNotAllowed([...new Set(candidates.map((g) => g.httpMethod))], instance) : notFound(instance, "No such write action on this dialog."));
            return legacy(request, dialog, required, (p, t) => applyWrite(request, dialog!, guiAction!, p.consumer, t), missing);
          },
        ]),
      ),
    },
    {
      path: "/service-provider/legacy/api/:dialogId",
      methods: {
        GET: async (request, { dialogId = "" }) => {
          const dialog = findDialog(dialogId);
          return legacy(request, dialog, { name: "read" }, (p, t) => json(legacyApiSummary(p, dialog!, "read", t.notes.decision ?? ""), { headers: { "cache-control": "no-store" } }));
        },
      },
    },
  ];

  const writeMethods = Object.fromEntries(WRITE_METHODS.map((m) => [m, writeAction]));
  const routes: Route[] = [
    { path: "/service-provider/fce/:dialogId", methods: { GET: fceMain } },
    { path: "/service-provider/fce/:dialogId/transmissions/:transmissionId", methods: { GET: fceTransmission } },
    { path: "/service-provider/actions/:dialogId/:action", methods: writeMethods },
    { path: "/service-provider/api/:dialogId", methods: { GET: apiAction } },
    { path: "/service-provider/app/:dialogId", methods: { GET: app } },
    { path: "/service-provider/app/:dialogId/:page", methods: { GET: app } },
    ...legacyRoutes,
  ];
  const routed = router(routes);

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
