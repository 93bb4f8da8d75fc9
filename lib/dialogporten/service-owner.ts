import { LEGACY_HTML_SCOPE } from "../altinn/grants";
import { isGuid } from "../altinn/identifiers";
import type { Dialog } from "../altinn/dialog";
import type { ServiceResource } from "../altinn/resource-registry";
import { PARTY_NAMES } from "../seed/parties";
import type { Route } from "../shared/router";
import type { Exchange } from "../shared/trace";
import { attachTrace } from "../shared/trace";
import type { Clock } from "../shared/types";
import { workspaceOf } from "../shared/workspace";
import type { WorkspaceClockOf } from "../store/clock";
import type { DialogportenCode } from "./codes";
import { accessRefused, invalidDialogId, problem } from "./codes";
import type { ServiceOwnerAuthenticator } from "./service-owner-auth";
import { uuidv7 } from "./service-owner-patch";
import { serviceOwnerReads } from "./service-owner-reads";
import { serviceOwnerWrites } from "./service-owner-writes";
import type { DialogStore } from "./store";
import type { ServiceOwnerApiNotes } from "./trace-notes";

/**
 * The mock's service-owner API (`/dialogporten/api/v1/serviceowner/...`): what a service provider's back
 * end uses to create and change its own dialogs. Real paths, verbs, field names, status codes and
 * If-Match concurrency (docs/real-systems.md §9); authenticated with the service owner's Maskinporten
 * token, never with a dialog token. This file holds what every endpoint shares; the endpoints are in
 * service-owner-reads.ts and service-owner-writes.ts.
 */
export interface ServiceOwnerApiOptions {
  authenticator: ServiceOwnerAuthenticator;
  store: DialogStore;
  /** `<origin>/dialogporten/api/v1`, for Location headers. */
  issuer: string;
  serviceProviderOrigin: string;
  now: Clock;
  clockOf?: (workspace: string) => Promise<WorkspaceClockOf>;
  /** The resource registry: a created dialog's serviceResource must be one the caller owns. */
  resources?: ServiceResource[];
}

const API = "/dialogporten/api/v1/serviceowner";

export type Ctx = {
  request: Request;
  instance: string;
  exchanges: Exchange[];
  notes: ServiceOwnerApiNotes;
  workspace: string;
  now: number;
  org: string;
  /** The token may write legacy HTML content (the extra scope). */
  legacyHtml: boolean;
};

export type Params = Record<string, string>;

/** The real API's validation problem: 400 (or 422 for a domain rule) with the `errors` dictionary. */
export function validationProblem(ctx: Ctx, status: 400 | 403 | 409 | 422, code: DialogportenCode, errors: Record<string, string[]>): Response {
  const titles = { 400: "One or more validation errors occurred.", 403: "Forbidden", 409: "Conflict", 422: "Unprocessable Entity" } as const;
  const detail = Object.entries(errors)
    .map(([k, v]) => `${k}: ${v.join(" ")}`)
    .join(" ")
    .slice(0, 500);
  return problem({ status, title: titles[status], code, detail, instance: ctx.instance, errors });
}

/** `If-Match: <revision>` — the real API binds it to `Guid?` (quotes tolerated); absent means "any revision". */
function ifMatch(request: Request): { ok: true; revision?: string } | { ok: false } {
  const raw = request.headers.get("if-match");
  if (raw === null) return { ok: true };
  const value = raw
    .trim()
    .replace(/^W\//, "")
    .replace(/^"(.*)"$/, "$1");
  if (value === "*") return { ok: true };
  return isGuid(value) ? { ok: true, revision: value.toLowerCase() } : { ok: false };
}

export function serviceOwnerKit(opts: ServiceOwnerApiOptions) {
  const elementContext = ({ now, legacyHtml }: Ctx) => ({ now, legacyHtml, newId: () => uuidv7(now), partyName: (id: string) => PARTY_NAMES[id] });

  /** Workspace, clock, authentication: what every endpoint does first. */
  async function authenticated(request: Request, handle: (ctx: Ctx) => Promise<Response>): Promise<Response> {
    const scope = workspaceOf(request);
    if (!scope.ok) return scope.response;
    const clock = opts.clockOf ? await opts.clockOf(scope.workspace) : { now: opts.now };
    const notes: ServiceOwnerApiNotes = {};
    const exchanges: Exchange[] = [];
    const finish = (response: Response) => attachTrace(request, response, { actor: "dialogporten", exchanges, notes });
    const instance = new URL(request.url).pathname;
    const auth = await opts.authenticator.authenticate(request.headers.get("authorization"), exchanges);
    if (!auth.ok) {
      notes.authentication = { code: auth.code, detail: auth.detail };
      return finish(accessRefused(auth, instance));
    }
    notes.serviceOwner = { org: auth.owner.org, orgNumber: auth.owner.orgNumber, ...(auth.clientId && { clientId: auth.clientId }) };
    const legacyHtml = auth.scopes.includes(LEGACY_HTML_SCOPE);
    return finish(await handle({ request, instance, exchanges, notes, workspace: scope.workspace, now: clock.now(), org: auth.owner.org, legacyHtml }));
  }

  /** Id check, authentication, lookup and the org check every per-dialog endpoint shares. */
  function guard(request: Request, dialogId: string, handle: (ctx: Ctx, dialog: Dialog) => Promise<Response>): Promise<Response> {
    if (!isGuid(dialogId)) return Promise.resolve(invalidDialogId(new URL(request.url).pathname));
    return authenticated(request, async (ctx) => {
      const dialog = await opts.store.get(ctx.workspace, dialogId);
      if (!dialog)
        return problem({
          status: 404,
          title: "Not Found",
          code: "dialog_not_found",
          detail: `Entity 'Dialog' with key '${dialogId}' not found.`,
          instance: ctx.instance,
        });
      if (dialog.org !== ctx.org) {
        ctx.notes.dialogOrg = dialog.org;
        return problem({
          status: 403,
          title: "Forbidden",
          code: "not_service_owner",
          detail: `The dialog belongs to another service owner (${dialog.org}).`,
          instance: ctx.instance,
        });
      }
      return handle(ctx, dialog);
    });
  }

  /** A change to a soft-deleted dialog is refused with 410, as the real update commands do. */
  function gone(ctx: Ctx, dialog: Dialog): Response | null {
    if (!dialog.deletedAt) return null;
    return problem({
      status: 410,
      title: "Gone",
      code: "dialog_deleted_readonly",
      detail: `Entity 'Dialog' with key '${dialog.id}' is removed, and cannot be changed.`,
      instance: ctx.instance,
    });
  }

  /** Stores the change if the revision still matches; null when stored. */
  async function commit(ctx: Ctx, before: Dialog, after: Dialog, changes: string[]): Promise<Response | null> {
    const stored = await opts.store.replace(ctx.workspace, after, before.revision);
    ctx.notes.revision = { before: before.revision, after: stored === "ok" ? after.revision : before.revision };
    if (stored === "ok") {
      ctx.notes.changes = changes;
      return null;
    }
    if (stored === "missing")
      return problem({ status: 404, title: "Not Found", code: "dialog_not_found", detail: "The dialog is gone.", instance: ctx.instance });
    if (stored === "full") return workspaceFull(ctx);
    return problem({
      status: 412,
      title: "Precondition Failed",
      code: "revision_mismatch",
      detail: "The dialog changed while this update was applied; read it again.",
      instance: ctx.instance,
    });
  }

  const workspaceFull = (ctx: Ctx) =>
    problem({
      status: 409,
      title: "Conflict",
      code: "workspace_full",
      detail: "This sandbox workspace holds as much as it may; reset it to the seed.",
      instance: ctx.instance,
    });

  /** If-Match against `revision` (the dialog's, or for system labels the end-user context's): 400 if malformed, 412 if stale. */
  function precondition(ctx: Ctx, revision: string): Response | null {
    const match = ifMatch(ctx.request);
    if (!match.ok) {
      return problem({
        status: 400,
        title: "One or more validation errors occurred.",
        code: "invalid_if_match",
        detail: "If-Match must be the revision (a GUID).",
        instance: ctx.instance,
        errors: { "If-Match": ["Not a GUID."] },
      });
    }
    if (match.revision && match.revision !== revision.toLowerCase()) {
      ctx.notes.revision = { expected: match.revision, actual: revision };
      return problem({
        status: 412,
        title: "Precondition Failed",
        code: "revision_mismatch",
        detail: `The revision is ${revision}, not ${match.revision}.`,
        instance: ctx.instance,
        headers: { etag: revision },
      });
    }
    return null;
  }

  return { opts, elementContext, authenticated, guard, gone, commit, precondition, workspaceFull };
}
export type ServiceOwnerKit = ReturnType<typeof serviceOwnerKit>;

export function serviceOwnerRoutes(opts: ServiceOwnerApiOptions): Route[] {
  const kit = serviceOwnerKit(opts);
  const r = serviceOwnerReads(kit);
  const w = serviceOwnerWrites(kit);
  return [
    { path: `${API}/dialogs`, methods: { POST: w.create } },
    { path: `${API}/dialogs/:dialogId`, methods: { GET: r.get, PUT: w.put, PATCH: w.patch, DELETE: w.remove } },
    { path: `${API}/dialogs/:dialogId/actions/restore`, methods: { POST: w.restore } },
    { path: `${API}/dialogs/:dialogId/endusercontext/systemlabels`, methods: { PUT: w.systemLabels } },
    { path: `${API}/dialogs/:dialogId/activities`, methods: { POST: w.createActivity } },
    { path: `${API}/dialogs/:dialogId/activities/:activityId`, methods: { GET: r.getActivity } },
    { path: `${API}/dialogs/:dialogId/transmissions`, methods: { POST: w.createTransmission } },
    { path: `${API}/dialogs/:dialogId/transmissions/:transmissionId`, methods: { GET: r.getTransmission } },
  ];
}
