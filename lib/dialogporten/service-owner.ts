import { PARTY_NAMES } from "../seed/parties";
import { isGuid } from "../altinn/identifiers";
import { json } from "../shared/problem";
import { accessRefused, invalidDialogId, problem } from "./codes";
import { readJson } from "../shared/router";
import type { Route } from "../shared/router";
import type { Exchange } from "../shared/trace";
import { attachTrace } from "../shared/trace";
import type { Clock } from "../shared/types";
import type { Dialog } from "../altinn/dialog";
import type { ServiceOwnerAuthenticator } from "./service-owner-auth";
import { readActivity } from "./service-owner-activity";
import { applyPatch, bump, parsePatch, uuidv7 } from "./service-owner-patch";
import type { Invalid } from "./service-owner-validation";
import type { DialogStore } from "./store";
import { resolveUrls } from "./decorate";
import type { WorkspaceClockOf } from "../store/clock";
import { workspaceOf } from "../shared/workspace";
import type { ServiceOwnerApiNotes } from "./trace-notes";

/**
 * The mock's service-owner API (`/dialogporten/api/v1/serviceowner/...`): what a service provider's
 * back end uses to change its own dialogs. Real paths, verbs, field names and ETag/If-Match
 * concurrency; authenticated with the service owner's Maskinporten token, never with a dialog token.
 */
interface ServiceOwnerApiOptions {
  authenticator: ServiceOwnerAuthenticator;
  store: DialogStore;
  /** `<origin>/dialogporten/api/v1`, for Location headers. */
  issuer: string;
  serviceProviderOrigin: string;
  now: Clock;
  clockOf?: (workspace: string) => Promise<WorkspaceClockOf>;
}

const API = "/dialogporten/api/v1/serviceowner";
/** Bodies are small: a patch of at most 20 operations, one activity. */
const MAX_SERVICE_OWNER_BODY_BYTES = 32 * 1024;

type Ctx = { request: Request; instance: string; exchanges: Exchange[]; notes: ServiceOwnerApiNotes; workspace: string; now: number };

const etag = (revision: string) => `"${revision}"`;

function problemOf(ctx: Ctx, i: Invalid): Response {
  const titles = { 400: "One or more validation errors occurred.", 409: "Conflict", 422: "Unprocessable Entity" } as const;
  return problem({ status: i.status, title: titles[i.status], code: i.code, detail: i.detail, instance: ctx.instance, errors: i.errors });
}

/** `If-Match: "<revision>"` (quotes optional, as the real API takes a bare GUID); absent means "any revision". */
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

export function serviceOwnerRoutes(opts: ServiceOwnerApiOptions): Route[] {
  const patchContext = ({ now }: Ctx) => ({ now, newId: () => uuidv7(now), partyName: (id: string) => PARTY_NAMES[id] });

  /** Id check, authentication, lookup and the org check every endpoint shares. */
  async function guard(request: Request, dialogId: string, handle: (ctx: Ctx, dialog: Dialog) => Promise<Response>): Promise<Response> {
    const scope = workspaceOf(request);
    if (!scope.ok) return scope.response;
    const clock = opts.clockOf ? await opts.clockOf(scope.workspace) : { now: opts.now };
    const ctx: Ctx = { request, instance: new URL(request.url).pathname, exchanges: [], notes: {}, workspace: scope.workspace, now: clock.now() };
    const finish = (response: Response) => attachTrace(request, response, { actor: "dialogporten", exchanges: ctx.exchanges, notes: ctx.notes });
    if (!isGuid(dialogId)) {
      return finish(invalidDialogId(ctx.instance));
    }
    const auth = await opts.authenticator.authenticate(request.headers.get("authorization"), ctx.exchanges);
    if (!auth.ok) {
      ctx.notes.authentication = { code: auth.code, detail: auth.detail };
      return finish(accessRefused(auth, ctx.instance));
    }
    ctx.notes.serviceOwner = { org: auth.owner.org, orgNumber: auth.owner.orgNumber, ...(auth.clientId && { clientId: auth.clientId }) };
    const dialog = await opts.store.get(ctx.workspace, dialogId);
    if (!dialog)
      return finish(
        problem({
          status: 404,
          title: "Not Found",
          code: "dialog_not_found",
          detail: `Entity 'Dialog' with key '${dialogId}' not found.`,
          instance: ctx.instance,
        }),
      );
    if (dialog.org !== auth.owner.org) {
      ctx.notes.dialogOrg = dialog.org;
      return finish(
        problem({
          status: 403,
          title: "Forbidden",
          code: "not_service_owner",
          detail: `The dialog belongs to another service owner (${dialog.org}).`,
          instance: ctx.instance,
        }),
      );
    }
    return finish(await handle(ctx, dialog));
  }

  /** Stores the change if the revision still matches; the answer carries the new ETag. */
  async function commit(ctx: Ctx, before: Dialog, after: Dialog, changes: string[]): Promise<Response | null> {
    const stored = await opts.store.replace(ctx.workspace, after, before.revision);
    ctx.notes.revision = { before: before.revision, after: stored === "ok" ? after.revision : before.revision };
    if (stored === "ok") {
      ctx.notes.changes = changes;
      return null;
    }
    if (stored === "missing")
      return problem({ status: 404, title: "Not Found", code: "dialog_not_found", detail: "The dialog is gone.", instance: ctx.instance });
    if (stored === "full")
      return problem({
        status: 409,
        title: "Conflict",
        code: "workspace_full",
        detail: "This sandbox workspace holds as much as it may; reset it to the seed.",
        instance: ctx.instance,
      });
    return problem({
      status: 412,
      title: "Precondition Failed",
      code: "revision_mismatch",
      detail: "The dialog changed while this update was applied; read it again.",
      instance: ctx.instance,
    });
  }

  function precondition(ctx: Ctx, dialog: Dialog): Response | null {
    const match = ifMatch(ctx.request);
    if (!match.ok) {
      return problem({
        status: 400,
        title: "One or more validation errors occurred.",
        code: "invalid_if_match",
        detail: "If-Match must be the dialog's revision (a GUID).",
        instance: ctx.instance,
        errors: { "If-Match": ["Not a GUID."] },
      });
    }
    if (match.revision && match.revision !== dialog.revision.toLowerCase()) {
      ctx.notes.revision = { expected: match.revision, actual: dialog.revision };
      return problem({
        status: 412,
        title: "Precondition Failed",
        code: "revision_mismatch",
        detail: `The dialog's revision is ${dialog.revision}, not ${match.revision}.`,
        instance: ctx.instance,
        headers: { etag: etag(dialog.revision) },
      });
    }
    return null;
  }

  const get = (request: Request, { dialogId = "" }: Record<string, string>) =>
    guard(request, dialogId, async (ctx, dialog) =>
      json(resolveUrls(dialog, opts.serviceProviderOrigin, ctx.workspace), { headers: { etag: etag(dialog.revision), "cache-control": "no-store" } }),
    );

  const patch = (request: Request, { dialogId = "" }: Record<string, string>) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const failed = precondition(ctx, dialog);
      if (failed) return failed;
      const body = await readJson(request, MAX_SERVICE_OWNER_BODY_BYTES, ["application/json-patch+json", "application/json"]);
      if (!body.ok) return body.response;
      const parsed = parsePatch(body.value);
      if (!parsed.ok) return problemOf(ctx, parsed);
      ctx.notes.patch = parsed.ops;
      const applied = applyPatch(dialog, parsed.ops, patchContext(ctx));
      if (!applied.ok) return problemOf(ctx, applied);
      const conflict = await commit(ctx, dialog, applied.dialog, applied.changes);
      return conflict ?? new Response(null, { status: 204, headers: { etag: etag(applied.dialog.revision) } });
    });

  const createActivity = (request: Request, { dialogId = "" }: Record<string, string>) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const failed = precondition(ctx, dialog);
      if (failed) return failed;
      const body = await readJson(request, MAX_SERVICE_OWNER_BODY_BYTES, ["application/json"]);
      if (!body.ok) return body.response;
      const read = readActivity(body.value, dialog, patchContext(ctx), "$");
      if (!read.ok) return problemOf(ctx, read);
      const next = structuredClone(dialog);
      next.activities.push(read.activity);
      const after = bump(next, ctx.now);
      const conflict = await commit(ctx, dialog, after, [`activity ${read.activity.type} added`]);
      if (conflict) return conflict;
      const id = read.activity.id;
      return json(id, { status: 201, headers: { etag: etag(after.revision), location: `${opts.issuer}/serviceowner/dialogs/${dialog.id}/activities/${id}` } });
    });

  const getActivity = (request: Request, { dialogId = "", activityId = "" }: Record<string, string>) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const activity = dialog.activities.find((a) => a.id.toLowerCase() === activityId.toLowerCase());
      return activity
        ? json(activity, { headers: { "cache-control": "no-store" } })
        : problem({ status: 404, title: "Not Found", code: "activity_not_found", detail: "No such activity in this dialog.", instance: ctx.instance });
    });

  return [
    { path: `${API}/dialogs/:dialogId`, methods: { GET: get, PATCH: patch } },
    { path: `${API}/dialogs/:dialogId/activities`, methods: { POST: createActivity } },
    { path: `${API}/dialogs/:dialogId/activities/:activityId`, methods: { GET: getActivity } },
  ];
}
