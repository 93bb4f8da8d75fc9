import type { Dialog } from "../altinn/dialog";
import type { DialogportenCode } from "./codes";
import { equal } from "./json-patch";
import { readActivity } from "./service-owner-activity";
import { DIALOG_CONTENT, readContent } from "./service-owner-content";
import type { ElementContext } from "./service-owner-elements";
import { readApiAction, readAttachment, readGuiAction, readTransmission } from "./service-owner-elements";
import { readProcess, readSearchTags, readStatus, statusOf } from "./service-owner-create";
import { array, boolean, dateTime, Errors, integer, object, string } from "./service-owner-schema";
import type { PatchContext } from "./service-owner-validation";

/**
 * `UpdateDialog`: what PUT replaces and what a JSON Patch edits. The real `PatchDialogsController` maps
 * the stored dialog to this document, applies the patch to it and validates the result like a PUT; the
 * immutable lists (activities, transmissions) start empty, so `add /activities/-` appends.
 */
const UPDATE_KEYS = [
  "progress",
  "extendedStatus",
  "externalReference",
  "dueAt",
  "expiresAt",
  "process",
  "precedingProcess",
  "status",
  "isApiOnly",
  "content",
  "searchTags",
  "attachments",
  "transmissions",
  "guiActions",
  "apiActions",
  "activities",
] as const;

/** The stored dialog as an `UpdateDialog` document: every member present (null when unset), so `replace` finds it. */
export function toUpdateDocument(d: Dialog): Record<(typeof UPDATE_KEYS)[number], unknown> {
  const content = Object.fromEntries(Object.entries(d.content).map(([k, v]) => [k, v && { value: v.value, mediaType: v.mediaType }]));
  const strip = <T extends { isAuthorized?: boolean }>(x: T) => {
    const { isAuthorized: _, ...rest } = x;
    return rest;
  };
  return {
    progress: d.progress ?? null,
    extendedStatus: d.extendedStatus ?? null,
    externalReference: d.externalReference ?? null,
    dueAt: d.dueAt ?? null,
    expiresAt: d.expiresAt ?? null,
    process: d.process ?? null,
    precedingProcess: d.precedingProcess ?? null,
    status: d.status,
    isApiOnly: d.isApiOnly,
    content: { ...Object.fromEntries(Object.keys(DIALOG_CONTENT).map((k) => [k, null])), ...content },
    searchTags: d.searchTags ?? [],
    attachments: d.attachments,
    transmissions: [],
    guiActions: d.guiActions.map(strip),
    apiActions: d.apiActions.map(strip),
    activities: [],
  };
}

export type Updated =
  { ok: true; dialog: Dialog; changes: string[] } | { ok: false; status: 400 | 409 | 422; code: DialogportenCode; errors: Record<string, string[]> };

/** Reads an `UpdateDialog` against the stored dialog; returns the replaced dialog (same revision: the caller bumps it). */
export function readUpdateDialog(body: unknown, current: Dialog, ctx: PatchContext & ElementContext): Updated {
  const e = new Errors();
  const b = object(body, "", UPDATE_KEYS, e);
  if (!b) return { ok: false, status: 400, code: "invalid_dialog", errors: e.map };
  let activityFailure: { status: 400 | 409 | 422; code: DialogportenCode } | undefined;
  if (b.status === undefined || b.status === null) e.add("Status", "'Status' must not be empty.");
  const status = statusOf(readStatus(b.status, "Status", e));
  const progress = integer(b.progress, "Progress", e, 0, 100);
  const extendedStatus = string(b.extendedStatus, "ExtendedStatus", e, { max: 255 });
  const externalReference = string(b.externalReference, "ExternalReference", e, { max: 255 });
  const dueAt = dateTime(b.dueAt, "DueAt", e);
  const expiresAt = dateTime(b.expiresAt, "ExpiresAt", e);
  if (dueAt && dueAt !== current.dueAt && Date.parse(dueAt) <= ctx.now) e.add("DueAt", "'DueAt' must be in the future.");
  if (expiresAt && expiresAt !== current.expiresAt && Date.parse(expiresAt) <= ctx.now) e.add("ExpiresAt", "'ExpiresAt' must be in the future.");
  const isApiOnly = boolean(b.isApiOnly, "IsApiOnly", e) ?? false;
  const content = readContent(b.content, "Content", e, DIALOG_CONTENT, !isApiOnly, ctx.legacyHtml);
  const searchTags = readSearchTags(b.searchTags, "SearchTags", e);
  const guiActions = array(b.guiActions, "GuiActions", e, 100, (v, p) => readGuiAction(v, p, e, ctx));
  if (guiActions.filter((a) => a.priority === "Primary").length > 1) e.add("GuiActions", "Only one GUI action can have priority Primary.");
  const apiActions = array(b.apiActions, "ApiActions", e, 100, (v, p) => readApiAction(v, p, e, ctx));
  const attachments = array(b.attachments, "Attachments", e, 100, (v, p) => readAttachment(v, p, e, ctx));
  const next = structuredClone(current);
  const added = array(b.transmissions, "Transmissions", e, 100, (v, p) => {
    const t = readTransmission(v, p, e, ctx, next.transmissions);
    if (t) next.transmissions.push(t);
    return t;
  });
  const activities = array(b.activities, "Activities", e, 100, (v, p) => {
    const read = readActivity(v, next, ctx, p);
    if (!read.ok) {
      activityFailure ??= read;
      return void e.merge(read.errors);
    }
    next.activities.push(read.activity);
    return read.activity;
  });
  const process = readProcess(b, e);
  if (!e.ok) return { ok: false, status: activityFailure?.status ?? 400, code: activityFailure?.code ?? "invalid_dialog", errors: e.map };

  for (const key of ["progress", "extendedStatus", "externalReference", "dueAt", "expiresAt", "process", "precedingProcess"] as const) delete next[key];
  const contentChanged = !equal(toUpdateDocument(current).content, toUpdateDocument({ ...current, content: content ?? {} } as Dialog).content);
  const fromOwner = added.filter((t) => t.sender.actorType === "ServiceOwner").length;
  const dialog: Dialog = {
    ...next,
    ...(progress !== undefined && { progress }),
    ...(extendedStatus && { extendedStatus }),
    ...(externalReference && { externalReference }),
    ...(dueAt && { dueAt }),
    ...(expiresAt && { expiresAt }),
    ...process,
    status,
    isApiOnly,
    content: content ?? ({} as Dialog["content"]),
    guiActions,
    apiActions,
    attachments,
    fromServiceOwnerTransmissionsCount: current.fromServiceOwnerTransmissionsCount + fromOwner,
    fromPartyTransmissionsCount: current.fromPartyTransmissionsCount + added.length - fromOwner,
    ...(fromOwner > 0 && { hasUnopenedContent: true }),
    ...(contentChanged || fromOwner > 0 ? { contentUpdatedAt: new Date(ctx.now).toISOString() } : {}),
  };
  if (searchTags.length) dialog.searchTags = searchTags;
  else delete dialog.searchTags;
  return { ok: true, dialog, changes: describeChanges(current, dialog, activities, added.length) };
}

/** One line per changed field, for the trace's teaching notes. */
function describeChanges(before: Dialog, after: Dialog, activities: Dialog["activities"], transmissions: number): string[] {
  const added = activities.map((a) => `activity ${a.type} added`);
  const fields = ["status", "process", "progress", "extendedStatus", "externalReference", "dueAt", "expiresAt", "isApiOnly"] as const;
  const out = [...added, ...fields.filter((k) => before[k] !== after[k]).map((k) => (after[k] === undefined ? `${k} removed` : `${k} → ${String(after[k])}`))];
  for (const k of ["content", "guiActions", "apiActions", "attachments", "searchTags"] as const)
    if (!equal(before[k] ?? [], after[k] ?? [])) out.push(`${k} replaced`);
  if (transmissions) out.push(`${transmissions} transmission${transmissions === 1 ? "" : "s"} added`);
  return out;
}
