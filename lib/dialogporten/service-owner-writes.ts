import type { Dialog } from "../altinn/dialog";
import { json } from "../shared/problem";
import { readJson } from "../shared/router";
import { applyJsonPatch, readPatch } from "./json-patch";
import type { Ctx, Params, ServiceOwnerKit } from "./service-owner";
import { validationProblem } from "./service-owner";
import { readActivity } from "./service-owner-activity";
import { readCreateDialog } from "./service-owner-create";
import { readTransmission } from "./service-owner-elements";
import { readSystemLabels } from "./service-owner-labels";
import { bump, MAX_PATCH_OPERATIONS } from "./service-owner-patch";
import { Errors } from "./service-owner-schema";
import { readUpdateDialog, toUpdateDocument } from "./service-owner-update";

/**
 * The service-owner API's writes: create, PUT, JSON Patch, soft delete and restore, system labels,
 * activities and transmissions. Each answers as the real endpoint does: 201 with the new id as a JSON
 * string and a Location header, or 204; the new revision in a bare-GUID ETag (docs/real-systems.md §9).
 */
/** A dialog with its transmissions and actions fits here; the workspace's own limit still applies. */
const MAX_BODY_BYTES = 128 * 1024;

export function serviceOwnerWrites({ opts, elementContext, authenticated, guard, gone, commit, precondition, workspaceFull }: ServiceOwnerKit) {
  const body = (ctx: Ctx, types = ["application/json"]) => readJson(ctx.request, MAX_BODY_BYTES, types);
  const changed = (revision: string, status = 204) => new Response(null, { status, headers: { etag: revision } });

  /** Checks that apply to every change of an existing dialog: not deleted, revision matches. */
  const change = (request: Request, dialogId: string, handle: (ctx: Ctx, dialog: Dialog) => Promise<Response>) =>
    guard(request, dialogId, async (ctx, dialog) => gone(ctx, dialog) ?? precondition(ctx, dialog.revision) ?? handle(ctx, dialog));

  /** Validates an update document and stores the result: what PUT and JSON Patch share. */
  async function update(ctx: Ctx, dialog: Dialog, document: unknown): Promise<Response> {
    const read = readUpdateDialog(document, dialog, elementContext(ctx));
    if (!read.ok) return validationProblem(ctx, read.status, read.code, read.errors);
    const after = bump(read.dialog, ctx.now);
    return (await commit(ctx, dialog, after, read.changes)) ?? changed(after.revision);
  }

  const create = (request: Request) =>
    authenticated(request, async (ctx) => {
      const b = await body(ctx);
      if (!b.ok) return b.response;
      const read = readCreateDialog(b.value, { ...elementContext(ctx), org: ctx.org, resources: opts.resources ?? [] });
      if (!read.ok) return validationProblem(ctx, read.status, read.status === 403 ? "resource_not_owned" : "invalid_dialog", read.errors);
      const { dialog } = read;
      if (dialog.idempotentKey) {
        const twin = (await opts.store.list(ctx.workspace)).find((d) => d.org === ctx.org && d.idempotentKey === dialog.idempotentKey);
        if (twin)
          return validationProblem(ctx, 409, "dialog_exists", {
            IdempotentKey: [`Dialog with IdempotentKey ${dialog.idempotentKey} has already been created.`],
          });
      }
      const stored = await opts.store.create(ctx.workspace, dialog);
      if (stored === "full") return workspaceFull(ctx);
      if (stored === "conflict") return validationProblem(ctx, 422, "dialog_exists", { Id: [`Entity 'Dialog' with key '${dialog.id}' already exists.`] });
      ctx.notes.changes = [`dialog ${dialog.id} created for ${dialog.party}`];
      ctx.notes.revision = { after: dialog.revision };
      return json(dialog.id, { status: 201, headers: { etag: dialog.revision, location: `${opts.issuer}/serviceowner/dialogs/${dialog.id}` } });
    });

  const put = (request: Request, { dialogId = "" }: Params) =>
    change(request, dialogId, async (ctx, dialog) => {
      const b = await body(ctx);
      return b.ok ? update(ctx, dialog, b.value) : b.response;
    });

  /** RFC 6902 over the whole `UpdateDialog` document, then the same validation as PUT. */
  const patch = (request: Request, { dialogId = "" }: Params) =>
    change(request, dialogId, async (ctx, dialog) => {
      const b = await body(ctx, ["application/json-patch+json", "application/json"]);
      if (!b.ok) return b.response;
      const read = readPatch(b.value, MAX_PATCH_OPERATIONS);
      const at = (i: number) => (i < 0 ? "$" : `[${i}]`);
      if (!read.ok) return validationProblem(ctx, 400, "invalid_patch", { [at(read.index)]: [read.message] });
      ctx.notes.patch = read.ops;
      const applied = applyJsonPatch(toUpdateDocument(dialog), read.ops);
      if (!applied.ok) {
        if (applied.kind === "test") return validationProblem(ctx, 409, "patch_test_failed", { [at(applied.index)]: [applied.message] });
        return validationProblem(ctx, 400, "patch_path_not_supported", { [at(applied.index)]: [applied.message] });
      }
      return update(ctx, dialog, applied.value);
    });

  /** A soft delete: `deletedAt` is set, the end-user API answers 410 from now on, restore undoes it. */
  const remove = (request: Request, { dialogId = "" }: Params) =>
    change(request, dialogId, async (ctx, dialog) => {
      const after = bump({ ...dialog, deletedAt: new Date(ctx.now).toISOString() }, ctx.now);
      return (await commit(ctx, dialog, after, ["deleted (deletedAt set)"])) ?? changed(after.revision);
    });

  const restore = (request: Request, { dialogId = "" }: Params) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const failed = precondition(ctx, dialog.revision);
      if (failed) return failed;
      if (!dialog.deletedAt) return changed(dialog.revision);
      const { deletedAt: _, ...rest } = dialog;
      const after = bump(rest, ctx.now);
      return (await commit(ctx, dialog, after, ["restored (deletedAt cleared)"])) ?? changed(after.revision);
    });

  /** The end user's system labels; If-Match and the ETag are the end-user context's revision. */
  const systemLabels = (request: Request, { dialogId = "" }: Params) =>
    guard(request, dialogId, async (ctx, dialog) => {
      const refused = gone(ctx, dialog) ?? precondition(ctx, dialog.endUserContext.revision);
      if (refused) return refused;
      const b = await body(ctx);
      if (!b.ok) return b.response;
      const read = readSystemLabels(b.value, dialog.endUserContext.systemLabels, new URL(request.url).searchParams.get("enduserId"));
      if (!read.ok) return validationProblem(ctx, 400, "invalid_system_labels", read.errors);
      const endUserContext = { revision: crypto.randomUUID(), systemLabels: read.labels };
      const after: Dialog = { ...dialog, endUserContext, systemLabel: read.labels[0]! };
      const conflict = await commit(ctx, dialog, after, [`system labels → ${read.labels.join(", ")}`]);
      return conflict ?? changed(endUserContext.revision);
    });

  const createActivity = (request: Request, { dialogId = "" }: Params) =>
    change(request, dialogId, async (ctx, dialog) => {
      const b = await body(ctx);
      if (!b.ok) return b.response;
      const read = readActivity(b.value, dialog, elementContext(ctx), "$");
      if (!read.ok) return validationProblem(ctx, read.status, read.code, read.errors ?? {});
      const after = bump({ ...dialog, activities: [...dialog.activities, read.activity] }, ctx.now);
      const conflict = await commit(ctx, dialog, after, [`activity ${read.activity.type} added`]);
      const id = read.activity.id;
      return (
        conflict ?? json(id, { status: 201, headers: { etag: after.revision, location: `${opts.issuer}/serviceowner/dialogs/${dialog.id}/activities/${id}` } })
      );
    });

  const createTransmission = (request: Request, { dialogId = "" }: Params) =>
    change(request, dialogId, async (ctx, dialog) => {
      const b = await body(ctx);
      if (!b.ok) return b.response;
      const e = new Errors();
      const t = readTransmission(b.value, "", e, elementContext(ctx), dialog.transmissions);
      if (!t || !e.ok) return validationProblem(ctx, 400, "invalid_transmission", e.map);
      const fromOwner = t.sender.actorType === "ServiceOwner";
      const next: Dialog = {
        ...dialog,
        transmissions: [...dialog.transmissions, t],
        fromServiceOwnerTransmissionsCount: dialog.fromServiceOwnerTransmissionsCount + (fromOwner ? 1 : 0),
        fromPartyTransmissionsCount: dialog.fromPartyTransmissionsCount + (fromOwner ? 0 : 1),
        contentUpdatedAt: new Date(ctx.now).toISOString(),
        ...(fromOwner && { hasUnopenedContent: true }),
      };
      const after = bump(next, ctx.now);
      const conflict = await commit(ctx, dialog, after, [`transmission ${t.type} added (${t.attachments.length} attachment(s))`]);
      return (
        conflict ??
        json(t.id, { status: 201, headers: { etag: after.revision, location: `${opts.issuer}/serviceowner/dialogs/${dialog.id}/transmissions/${t.id}` } })
      );
    });

  return { create, put, patch, remove, restore, systemLabels, createActivity, createTransmission };
}
