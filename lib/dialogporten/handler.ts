import type { KeyPair2 } from "../keys/keys";
import { jwksOf } from "../keys/keys";
import type { ServiceResource } from "../altinn/resource-registry";
import { isGuid } from "../altinn/identifiers";
import { json } from "../shared/problem";
import { accessRefused, problem } from "./codes";
import { router } from "../shared/router";
import type { Exchange } from "../shared/trace";
import { attachTrace, wantsTrace } from "../shared/trace";
import type { Clock, FetchLike, Handler } from "../shared/types";
import { getAltinnActions } from "../altinn/actions";
import type { AccessTokenAuthenticator } from "../altinn/access-token";
import { PARTY_NAMES } from "../seed/parties";
import { decorateDialog, maskExpired } from "./decorate";
import { filterLocalizations, parseAcceptLanguage, toWire } from "./enduser-view";
import { describeFaults, issueWithFaults, NO_FAULTS, readDialogFaults, wellKnownFault } from "./faults";
import { authorize } from "./pdp-client";
import { deletedErrors, expiredErrors, forbiddenErrors, notFoundErrors, notVisibleErrors, realProblem } from "./problems";
import { seenActorId, sighting, withSeenLog } from "./seen-log";
import { visibility } from "./list-authorization";
import type { SearchOptions } from "./search";
import { searchDialogs } from "./search";
import { serviceOwnerRoutes } from "./service-owner";
import type { ServiceOwnerAuthenticator } from "./service-owner-auth";
import type { DialogStore } from "./store";
import type { WorkspaceClockOf } from "../store/clock";
import { WORKSPACE_HEADER, workspaceOf } from "../shared/workspace";
import type { WorkspaceKeys } from "../keys/workspace-keys";
import type { DialogportenNotes } from "./trace-notes";
import type { DialogEvents } from "./events";
import { graphqlRoutes } from "./graphql";

interface DialogportenOptions {
  /** The clock of a workspace: a fixed one when the workspace has it, otherwise `now`. */
  clockOf?: (workspace: string) => Promise<WorkspaceClockOf>;
  issuer: string;
  keys: KeyPair2;
  /** A workspace's own keys once it rotates (lib/keys/workspace-keys.ts); without it every workspace has `keys`. */
  keysOf?: (workspace: string) => Promise<WorkspaceKeys>;
  store: DialogStore;
  resources: ServiceResource[];
  authenticator: AccessTokenAuthenticator;
  /** Base URL of Altinn Authorization for the DP → AA call. */
  authorizationUrl: string;
  serviceProviderOrigin: string;
  fetch: FetchLike;
  now: Clock;
  /** Mounts the service-owner API (`/serviceowner/dialogs/...`), authenticated with Maskinporten tokens. */
  serviceOwner?: ServiceOwnerAuthenticator;
  /** Mounts the GraphQL subscription (`/dialogporten/graphql`) that follows a dialog's changes. */
  events?: DialogEvents;
}

const API = "/dialogporten/api/v1";
const METADATA_HEADERS = { "cache-control": "public, max-age=86400", vary: "Accept-Encoding" };

/** Mock Dialogporten: the end-user dialog endpoint that issues dialog tokens, plus JWKS and metadata. */
export function createDialogporten(opts: DialogportenOptions): Handler {
  return router([
    { path: `${API}/enduser/dialogs/:dialogId`, methods: { GET: (r, p) => getDialog(r, p.dialogId!, opts) } },
    { path: `${API}/enduser/dialogs`, methods: { GET: (r) => searchDialogs(r, searchOptions(opts)) } },
    {
      path: `${API}/.well-known/jwks.json`,
      methods: {
        GET: async (r) => wellKnownFault(r) ?? acceptsJson(r) ?? (await jwks(r, opts)),
      },
    },
    {
      path: `${API}/.well-known/oauth-authorization-server`,
      methods: {
        GET: async (r) =>
          wellKnownFault(r) ?? acceptsJson(r) ?? json({ issuer: opts.issuer, jwks_uri: `${opts.issuer}/.well-known/jwks.json` }, { headers: METADATA_HEADERS }),
      },
    },
    ...(opts.serviceOwner
      ? serviceOwnerRoutes({
          authenticator: opts.serviceOwner,
          store: opts.store,
          issuer: opts.issuer,
          serviceProviderOrigin: opts.serviceProviderOrigin,
          now: opts.now,
          clockOf: opts.clockOf,
          resources: opts.resources,
        })
      : []),
    ...(opts.events
      ? graphqlRoutes({
          issuer: opts.issuer,
          publishedKeys: async (workspace) => (await keysIn(workspace, opts)).published,
          events: opts.events,
          now: opts.now,
          clockOf: opts.clockOf,
        })
      : []),
  ]);
}

/** What the search needs from this service: the store, the clock, and steps 1–2 for one dialog at a time. */
function searchOptions(opts: DialogportenOptions): SearchOptions {
  return {
    authenticator: opts.authenticator,
    store: opts.store,
    serviceProviderOrigin: opts.serviceProviderOrigin,
    authorize: (principal, dialog, exchanges, workspace) =>
      authorize(principal, dialog, getAltinnActions(dialog), {
        authorizationUrl: opts.authorizationUrl,
        fetch: opts.fetch,
        trace: false,
        exchanges,
        faults: NO_FAULTS,
        workspace,
      }),
    now: async (workspace) => (opts.clockOf ? (await opts.clockOf(workspace)).now() : opts.now()),
  };
}

/** `RequireJsonAcceptPreProcessor`: 406 when an Accept header is present and rules out JSON. */
function acceptsJson(request: Request): Response | null {
  const accept = request.headers.get("accept");
  if (!accept) return null;
  const ok = accept.split(",").some((part) => {
    const type = part.split(";")[0]!.trim().toLowerCase();
    return type === "*/*" || type === "application/*" || type === "application/json" || type.endsWith("+json") || type === "";
  });
  return ok
    ? null
    : problem({
        status: 406,
        title: "Not Acceptable",
        code: "not_acceptable",
        detail: "This endpoint only produces application/json.",
        instance: new URL(request.url).pathname,
      });
}

async function getDialog(request: Request, dialogId: string, opts: DialogportenOptions): Promise<Response> {
  const exchanges: Exchange[] = [];
  const notes: DialogportenNotes = {};
  const finish = (response: Response) => attachTrace(request, response, { actor: "dialogporten", exchanges, notes });
  const faulted = readDialogFaults(request);
  if (!faulted.ok) return finish(faulted.response);
  const faults = faulted.value;
  const described = describeFaults(faults);
  if (described) notes.faults = described;
  const scope = workspaceOf(request);
  if (!scope.ok) return finish(scope.response);
  const { workspace } = scope;

  // Authentication runs before FastEndpoints binds the route value, so a caller without a token gets 401 first.
  const auth = await opts.authenticator.authenticate(request.headers.get("authorization"), exchanges);
  if (!auth.ok) {
    return finish(accessRefused(auth, new URL(request.url).pathname));
  }
  if (!isGuid(dialogId)) {
    return finish(realProblem(request, 400, "invalid_dialog_id", { dialogId: [`Value [${dialogId}] is not valid for a [Guid] property!`] }));
  }
  notes.principal = auth.principal;
  const dialog = await opts.store.get(workspace, dialogId);
  if (!dialog) return finish(realProblem(request, 404, "dialog_not_found", notFoundErrors(dialogId)));

  const candidates = getAltinnActions(dialog);
  notes.candidates = candidates;
  const decision = await authorize(auth.principal, dialog, candidates, {
    authorizationUrl: opts.authorizationUrl,
    fetch: opts.fetch,
    trace: wantsTrace(request),
    exchanges,
    faults,
    workspace,
  });
  if (!decision.ok) {
    notes.failure = decision;
    return finish(realProblem(request, 502, decision.code));
  }
  notes.decisions = decision.decisions;
  // The order of GetDialogQuery: access (the main resource, or the list-authorization fallback), deleted, authentication level, visibility, expiry.
  const visible = visibility(decision.permitted);
  if (!visible.visible) {
    return finish(realProblem(request, 403, "no_access", forbiddenErrors("Forbidden")));
  }
  notes.access = visible.via;
  if (dialog.deletedAt) return finish(realProblem(request, 410, "dialog_deleted", deletedErrors(dialogId)));
  // The level the PDP's obligation names (the workspace's policy, ADR 019); the resource registry's when none does.
  const required = decision.minimumAuthenticationLevel ?? opts.resources.find((r) => r.id === dialog.serviceResource)?.minimumAuthenticationLevel;
  if (required !== undefined && auth.principal.level < required) {
    notes.minimumAuthenticationLevel = required;
    return finish(realProblem(request, 403, "authentication_level_too_low", forbiddenErrors("Altinn authentication level too low.")));
  }
  const clock = opts.clockOf ? await opts.clockOf(workspace) : { now: opts.now, fixed: false };
  const now = clock.now();
  if (dialog.visibleFrom && Date.parse(dialog.visibleFrom) > now) {
    const expires = new Date(dialog.visibleFrom).toUTCString();
    return finish(realProblem(request, 404, "dialog_not_visible", notVisibleErrors(dialog.visibleFrom), { expires }));
  }
  if (dialog.expiresAt && Date.parse(dialog.expiresAt) < now) {
    return finish(realProblem(request, 404, "dialog_expired", expiredErrors(dialog.expiresAt)));
  }

  const me = seenActorId(auth.principal);
  const log = await opts.store.seenLog(workspace, dialogId);
  const seen = await sighting(dialog, log, me, PARTY_NAMES[me] ?? PARTY_NAMES[auth.principal.consumer], now);
  const seenLog = seen ? await opts.store.recordSeen(workspace, dialogId, seen) : log;

  const issued = await issueWithFaults(
    { principal: auth.principal, dialog, permitted: decision.permitted, issuer: opts.issuer, deterministic: clock.fixed },
    (await keysIn(workspace, opts)).signing,
    now,
    faults,
  );
  const { dialog: decorated, notes: authNotes } = decorateDialog(dialog, decision.permitted, opts.serviceProviderOrigin, workspace);
  const dto = filterLocalizations(await withSeenLog(maskExpired(decorated, now), seenLog, me), parseAcceptLanguage(request.headers.get("accept-language")));
  notes.isAuthorized = authNotes;
  notes.token = { header: issued.header, claims: issued.claims };
  // The real ETag is the bare revision GUID, without the quotes RFC 9110 asks for (GetDialogEndpoint.cs).
  return finish(json({ ...toWire(dto), dialogToken: issued.token }, { headers: { etag: dialog.revision, "cache-control": "no-store" } }));
}

function keysIn(workspace: string, opts: DialogportenOptions): Promise<WorkspaceKeys> {
  return opts.keysOf ? opts.keysOf(workspace) : Promise.resolve({ signing: opts.keys.primary, published: [opts.keys.primary, opts.keys.secondary] });
}

/**
 * The published keys, Primary first. A workspace that rotated its keys has its own JWKS; the answer then
 * varies with the workspace header too, so no shared cache hands one workspace's keys to another.
 */
async function jwks(request: Request, opts: DialogportenOptions): Promise<Response> {
  const scope = workspaceOf(request);
  if (!scope.ok) return scope.response;
  const headers = request.headers.has(WORKSPACE_HEADER) ? { ...METADATA_HEADERS, vary: `Accept-Encoding, ${WORKSPACE_HEADER}` } : METADATA_HEADERS;
  return json(jwksOf((await keysIn(scope.workspace, opts)).published), { headers });
}
