import type { Dialog, GuiAction, Transmission } from "../dialogporten/dto";
import type { ServiceResource } from "../seed/resources";
import { json, methodNotAllowed, notFound } from "../shared/problem";
import { router } from "../shared/router";
import type { Route, RouteHandler } from "../shared/router";
import { attachTrace } from "../shared/trace";
import type { Clock, FetchLike, Handler } from "../shared/types";
import { apiSummary, appPage, mainContentMarkdown, transmissionMarkdown } from "./content";
import { preflight, withCors } from "./cors";
import { formatAction } from "./decode";
import { authenticate } from "./gate";
import type { GateTrace } from "./gate";
import { createJwksCache } from "./jwks-cache";
import type { ActionRef, DialogTokenClaims } from "./types";

export interface WriteActionInput {
  dialog: Dialog;
  guiAction: GuiAction;
  claims: DialogTokenClaims;
}

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
   * Seam for applying a verified write action (a later issue: update the dialog through Dialogporten's
   * service-owner API and answer 202/204). Returning nothing answers 204 with no state changed.
   */
  onWriteAction?: (input: WriteActionInput) => Promise<Response | undefined>;
}

const MARKDOWN = "text/markdown; charset=utf-8";
const WRITE_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

/** The action a transmission embed needs, as Dialogporten derives it (real-dialogporten.md §1.4). */
export function requiredForTransmission(t: Transmission): ActionRef {
  const attribute = t.authorizationAttribute;
  if (!attribute) return { name: "read" };
  return { name: attribute.startsWith("urn:altinn:resource:") ? "read" : "transmissionread", attribute };
}

const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function createServiceProviderService(opts: ServiceProviderOptions): Handler {
  const cache = createJwksCache({
    fetch: opts.fetch,
    now: opts.now,
    metadataUrl: opts.metadataUrl,
    issuer: opts.issuer,
    ttlSeconds: opts.jwksCacheTtlSeconds,
    minRefetchIntervalSeconds: opts.jwksRefetchIntervalSeconds,
  });
  const deps = { cache, now: opts.now, issuer: opts.issuer, skewSeconds: opts.clockSkewSeconds };
  const findDialog = (id: string) => opts.dialogs.find((d) => sameId(d.id, id));
  const minimumLevel = (d: Dialog | undefined) => opts.resources.find((r) => r.id === d?.serviceResource)?.minimumAuthenticationLevel;

  const respond = (request: Request, response: Response, trace: GateTrace) =>
    attachTrace(request, response, { actor: "service-provider", exchanges: trace.exchanges, notes: { ...trace.notes } });

  /** Authenticates, then (only for a caller holding a good token for this dialog) says whether the target exists. */
  async function guarded(request: Request, dialogId: string, action: ActionRef | undefined, dialog: Dialog | undefined, serve: (claims: DialogTokenClaims) => Promise<Response> | Response) {
    const gate = await authenticate(request, { dialogId, action, minimumLevel: minimumLevel(dialog) }, deps);
    if (action) gate.trace.notes.required = formatAction(action);
    return respond(request, gate.ok ? await serve(gate.claims) : gate.response, gate.trace);
  }

  const fceMain: RouteHandler = async (request, { dialogId = "" }) => {
    const dialog = findDialog(dialogId);
    return guarded(request, dialogId, { name: "read" }, dialog, (claims) =>
      dialog ? new Response(mainContentMarkdown(claims, dialog), { headers: { "content-type": MARKDOWN, "cache-control": "no-store" } }) : notFound(new URL(request.url).pathname, "No such dialog."),
    );
  };

  const fceTransmission: RouteHandler = async (request, { dialogId = "", transmissionId = "" }) => {
    const dialog = findDialog(dialogId);
    const transmission = dialog?.transmissions.find((t) => sameId(t.id, transmissionId));
    const required = transmission ? requiredForTransmission(transmission) : undefined;
    return guarded(request, dialogId, required, dialog, (claims) =>
      transmission && required
        ? new Response(transmissionMarkdown(claims, transmission, formatAction(required)), { headers: { "content-type": MARKDOWN, "cache-control": "no-store" } })
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
    return guarded(request, dialogId, required, dialog, async (claims) => {
      if (!dialog || candidates.length === 0) return notFound(instance, "No such write action on this dialog.");
      if (!guiAction) return methodNotAllowed([...new Set(candidates.map((g) => g.httpMethod))], instance);
      // Changing the dialog comes later; until then a verified action is acknowledged and nothing else happens.
      return (await opts.onWriteAction?.({ dialog, guiAction, claims })) ?? new Response(null, { status: 204 });
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

  const writeMethods = Object.fromEntries(WRITE_METHODS.map((m) => [m, writeAction]));
  const routes: Route[] = [
    { path: "/service-provider/fce/:dialogId", methods: { GET: fceMain } },
    { path: "/service-provider/fce/:dialogId/transmissions/:transmissionId", methods: { GET: fceTransmission } },
    { path: "/service-provider/actions/:dialogId/:action", methods: writeMethods },
    { path: "/service-provider/api/:dialogId", methods: { GET: apiAction } },
    { path: "/service-provider/app/:dialogId", methods: { GET: app } },
    { path: "/service-provider/app/:dialogId/:page", methods: { GET: app } },
  ];
  const routed = router(routes);

  return async (request) => {
    if (request.method.toUpperCase() === "OPTIONS") return preflight(request, opts.allowedOrigins);
    return withCors(request, await routed(request), opts.allowedOrigins);
  };
}
