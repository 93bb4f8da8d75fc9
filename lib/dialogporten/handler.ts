import type { KeyPair2 } from "../keys/keys";
import { jwksOf } from "../keys/keys";
import type { ServiceResource } from "../altinn/resource-registry";
import { isGuid } from "../altinn/identifiers";
import { json } from "../shared/problem";
import { accessRefused, invalidDialogId, problem } from "./codes";
import { router } from "../shared/router";
import type { Exchange } from "../shared/trace";
import { attachTrace, tracedFetch, wantsTrace } from "../shared/trace";
import type { Clock, FetchLike, Handler } from "../shared/types";
import type { AltinnAction } from "../altinn/actions";
import { getAltinnActions, MAIN } from "../altinn/actions";
import type { AccessTokenAuthenticator } from "../altinn/access-token";
import type { PairDecision, PdpCallCode } from "../altinn/decision-request";
import { buildDecisionRequest, readDecisionResponse } from "../altinn/decision-request";
import type { Dialog } from "../altinn/dialog";
import type { Principal } from "../altinn/principal";
import { decorateDialog } from "./decorate";
import { authorizationTarget, describeFaults, issueWithFaults, NO_FAULTS, readDialogFaults, wellKnownFault } from "./faults";
import { serviceOwnerRoutes } from "./service-owner";
import type { ServiceOwnerAuthenticator } from "./service-owner-auth";
import type { DialogStore } from "./store";
import type { WorkspaceClockOf } from "../store/clock";
import { workspaceOf } from "../shared/workspace";
import type { DialogportenNotes } from "./trace-notes";
import type { DialogEvents } from "./events";
import { graphqlRoutes } from "./graphql";

interface DialogportenOptions {
  /** The clock of a workspace: a fixed one when the workspace has it, otherwise `now`. */
  clockOf?: (workspace: string) => Promise<WorkspaceClockOf>;
  issuer: string;
  keys: KeyPair2;
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
    {
      path: `${API}/.well-known/jwks.json`,
      methods: {
        GET: async (r) => wellKnownFault(r) ?? acceptsJson(r) ?? json(jwksOf([opts.keys.primary, opts.keys.secondary]), { headers: METADATA_HEADERS }),
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
        })
      : []),
    ...(opts.events ? graphqlRoutes({ issuer: opts.issuer, keys: opts.keys, events: opts.events, now: opts.now, clockOf: opts.clockOf }) : []),
  ]);
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
  const instance = new URL(request.url).pathname;
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

  if (!isGuid(dialogId)) {
    return finish(invalidDialogId(instance));
  }
  const auth = await opts.authenticator.authenticate(request.headers.get("authorization"), exchanges);
  if (!auth.ok) {
    return finish(accessRefused(auth, instance));
  }
  notes.principal = auth.principal;
  const dialog = await opts.store.get(workspace, dialogId);
  if (!dialog)
    return finish(
      problem({ status: 404, title: "Not Found", code: "dialog_not_found", detail: `Entity 'Dialog' with key '${dialogId}' not found.`, instance }),
    );

  const candidates = getAltinnActions(dialog);
  notes.candidates = candidates;
  const decision = await authorize(auth.principal, dialog, candidates, opts, wantsTrace(request), exchanges, faults);
  if (!decision.ok) {
    notes.failure = decision;
    return finish(
      problem({ status: 503, title: "Service Unavailable", code: decision.code, detail: decision.detail, instance, headers: { "retry-after": "5" } }),
    );
  }
  notes.decisions = decision.decisions;
  if (!decision.permitted.some((p) => p.attribute === MAIN)) {
    return finish(problem({ status: 403, title: "Forbidden", code: "no_access", detail: "Forbidden", instance }));
  }
  const resource = opts.resources.find((r) => r.id === dialog.serviceResource);
  if (resource && auth.principal.level < resource.minimumAuthenticationLevel) {
    notes.minimumAuthenticationLevel = resource.minimumAuthenticationLevel;
    return finish(problem({ status: 403, title: "Forbidden", code: "authentication_level_too_low", detail: "Altinn authentication level too low.", instance }));
  }

  const clock = opts.clockOf ? await opts.clockOf(workspace) : { now: opts.now, fixed: false };
  const issued = await issueWithFaults(
    { principal: auth.principal, dialog, permitted: decision.permitted, issuer: opts.issuer, deterministic: clock.fixed },
    opts.keys.primary,
    clock.now(),
    faults,
  );
  const { dialog: dto, notes: authNotes } = decorateDialog(dialog, decision.permitted, opts.serviceProviderOrigin, workspace);
  notes.isAuthorized = authNotes;
  notes.token = { header: issued.header, claims: issued.claims };
  return finish(json({ ...dto, dialogToken: issued.token }, { headers: { etag: `"${dialog.revision}"`, "cache-control": "no-store" } }));
}

type Authorized = { ok: true; decisions: PairDecision[]; permitted: AltinnAction[] } | { ok: false; code: PdpCallCode; detail: string };

/** Steps 1–2. Any doubt about the PDP's answer fails closed: no token, 503. */
async function authorize(
  principal: Principal,
  dialog: Dialog,
  candidates: AltinnAction[],
  opts: DialogportenOptions,
  trace: boolean,
  exchanges: Exchange[],
  faults = NO_FAULTS,
): Promise<Authorized> {
  const body = JSON.stringify(buildDecisionRequest(principal, dialog, candidates));
  const target = authorizationTarget(opts.authorizationUrl, faults);
  const {
    exchange,
    response,
    body: text,
  } = await tracedFetch(
    opts.fetch,
    `${target.baseUrl}/authorization/api/v1/authorize`,
    {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", "ocp-apim-subscription-key": "sandbox", ...target.headers },
      body,
    },
    { from: "dialogporten", to: "authorization", label: "Authorize request", askForTrace: trace, timeoutMs: 10_000 },
  );
  exchanges.push(exchange);
  if (!response) return { ok: false, code: "pdp_unreachable", detail: `Altinn Authorization could not be reached: ${exchange.error}` };
  if (!response.ok) return { ok: false, code: "pdp_error", detail: `Altinn Authorization answered ${response.status}.` };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text ?? "");
  } catch {
    return { ok: false, code: "pdp_garbage", detail: "Altinn Authorization answered something that is not JSON." };
  }
  const outcome = readDecisionResponse(parsed, candidates);
  if (!outcome.ok) return outcome;
  return { ok: true, decisions: outcome.decisions, permitted: outcome.permitted };
}
