import type { Activity, Dialog, DialogStatus } from "../altinn/dialog";
import type { ServiceResource } from "../altinn/resource-registry";
import { readActivity } from "./service-owner-activity";
import { DIALOG_CONTENT, readContent } from "./service-owner-content";
import type { ElementContext } from "./service-owner-elements";
import { readApiAction, readAttachment, readGuiAction, readTransmission } from "./service-owner-elements";
import { SYSTEM_LABELS } from "./service-owner-patch";
import { array, at, boolean, dateTime, Errors, integer, object, oneOf, party, present, string, uri, uuidV7 } from "./service-owner-schema";
import type { PatchContext } from "./service-owner-validation";

/**
 * `CreateDialog` read into a stored dialog, with every validation failure at once (docs/real-systems.md §9).
 * Pure: the caller supplies the clock, the id generator, the party register and the service owner.
 */

/** `DialogStatusInput`; the two deprecated inputs map as the real `DialogStatusInputMapExtensions` does. */
const STATUS_INPUTS = ["New", "InProgress", "Draft", "Sent", "RequiresAttention", "Completed", "NotApplicable", "Awaiting"] as const;
export function statusOf(input: (typeof STATUS_INPUTS)[number] | undefined): DialogStatus {
  if (input === undefined || input === "New") return "NotApplicable";
  return input === "Sent" ? "Awaiting" : input;
}
export const readStatus = (value: unknown, path: string, e: Errors) => oneOf(value, path, e, STATUS_INPUTS);

const CREATE_KEYS = [
  "id",
  "idempotentKey",
  "serviceResource",
  "party",
  "progress",
  "extendedStatus",
  "externalReference",
  "visibleFrom",
  "dueAt",
  "expiresAt",
  "createdAt",
  "updatedAt",
  "process",
  "precedingProcess",
  "status",
  "systemLabel",
  "isApiOnly",
  "serviceOwnerContext",
  "content",
  "searchTags",
  "attachments",
  "transmissions",
  "guiActions",
  "apiActions",
  "activities",
];

export type CreateContext = PatchContext & ElementContext & { org: string; resources: ServiceResource[] };
export type Created = { ok: true; dialog: Dialog } | { ok: false; status: 400 | 403; errors: Record<string, string[]> };

/** Reads the searchable tags: 3 to 63 characters each, lower-cased and de-duplicated as the real API stores them. */
export function readSearchTags(value: unknown, path: string, e: Errors): { value: string }[] {
  const tags = array(value, path, e, 100, (item, p) => {
    const tag = object(item, p, ["value"], e);
    return tag && string(tag.value, at(p, "value"), e, { max: 63, min: 3, required: true })?.toLowerCase();
  });
  return [...new Set(tags)].map((v) => ({ value: v }));
}

/** Process fields: `precedingProcess` only together with `process` (the real validator's rule). */
export function readProcess(body: Record<string, unknown>, e: Errors): { process?: string; precedingProcess?: string } {
  const process = uri(body.process, "Process", e);
  const precedingProcess = uri(body.precedingProcess, "PrecedingProcess", e);
  if (precedingProcess && !process) e.add("PrecedingProcess", "'PrecedingProcess' cannot be set without 'Process'.");
  return { ...(process && { process }), ...(precedingProcess && { precedingProcess }) };
}

export function readCreateDialog(body: unknown, ctx: CreateContext): Created {
  const e = new Errors();
  const b = object(body, "", CREATE_KEYS, e);
  if (!b) return { ok: false, status: 400, errors: e.map };
  const id = uuidV7(b.id, "Id", e) ?? ctx.newId();
  const serviceResource = string(b.serviceResource, "ServiceResource", e, { max: 255, required: true });
  if (serviceResource && !serviceResource.startsWith("urn:altinn:resource:"))
    e.add("ServiceResource", "'ServiceResource' must be an URN starting with urn:altinn:resource:.");
  const resource = ctx.resources.find((r) => r.id === serviceResource);
  const partyUrn = party(b.party, "Party", e);
  const status = statusOf(readStatus(b.status, "Status", e));
  const progress = integer(b.progress, "Progress", e, 0, 100);
  const extendedStatus = string(b.extendedStatus, "ExtendedStatus", e, { max: 255 });
  const externalReference = string(b.externalReference, "ExternalReference", e, { max: 255 });
  const idempotentKey = string(b.idempotentKey, "IdempotentKey", e, { max: 36, min: 16 });
  const created = dateTime(b.createdAt, "CreatedAt", e) ?? new Date(ctx.now).toISOString();
  const updated = dateTime(b.updatedAt, "UpdatedAt", e) ?? created;
  if (Date.parse(updated) < Date.parse(created)) e.add("UpdatedAt", "'UpdatedAt' must be greater than or equal to 'CreatedAt'.");
  const [visibleFrom, dueAt, expiresAt] = (["visibleFrom", "dueAt", "expiresAt"] as const).map((k) => dateTime(b[k], at("", k), e));
  for (const [name, value] of [
    ["DueAt", dueAt],
    ["ExpiresAt", expiresAt],
  ] as const) {
    if (value && Date.parse(value) <= ctx.now) e.add(name, `'${name}' must be in the future.`);
  }
  if (dueAt && visibleFrom && dueAt < visibleFrom) e.add("DueAt", "'DueAt' must be after 'VisibleFrom'.");
  if (expiresAt && dueAt && expiresAt < dueAt) e.add("ExpiresAt", "'ExpiresAt' must be after 'DueAt'.");
  const systemLabel = oneOf(b.systemLabel, "SystemLabel", e, SYSTEM_LABELS) ?? "Default";
  const isApiOnly = boolean(b.isApiOnly, "IsApiOnly", e) ?? false;
  const content = readContent(b.content, "Content", e, DIALOG_CONTENT, !isApiOnly, ctx.legacyHtml);
  const searchTags = readSearchTags(b.searchTags, "SearchTags", e);
  const labels = readServiceOwnerLabels(b.serviceOwnerContext, "ServiceOwnerContext", e);
  const guiActions = array(b.guiActions, "GuiActions", e, 100, (v, p) => readGuiAction(v, p, e, ctx));
  const primaries = guiActions.filter((a) => a.priority === "Primary").length;
  if (primaries > 1) e.add("GuiActions", "Only one GUI action can have priority Primary.");
  const apiActions = array(b.apiActions, "ApiActions", e, 100, (v, p) => readApiAction(v, p, e, ctx));
  const attachments = array(b.attachments, "Attachments", e, 100, (v, p) => readAttachment(v, p, e, ctx));
  const transmissions: Dialog["transmissions"] = [];
  array(b.transmissions, "Transmissions", e, 100, (v, p) => {
    const t = readTransmission(v, p, e, ctx, transmissions);
    if (t) transmissions.push(t);
    return t;
  });
  const draft = { transmissions, activities: [] as Activity[] } as unknown as Dialog;
  const activities = array(b.activities, "Activities", e, 100, (v, p) => {
    const read = readActivity(v, draft, ctx, p, true);
    if (!read.ok) return void e.merge(read.errors);
    draft.activities.push(read.activity);
    return read.activity;
  });
  const process = readProcess(b, e);
  if (!e.ok || !serviceResource || !partyUrn) return { ok: false, status: 400, errors: e.map };
  if (!resource || resource.org !== ctx.org) {
    const why = resource ? `is owned by ${resource.org}, not ${ctx.org}` : "is not in the resource registry";
    return { ok: false, status: 403, errors: { ServiceResource: [`'${serviceResource}' ${why}.`] } };
  }

  const dialog: Dialog = {
    id,
    revision: crypto.randomUUID(),
    org: ctx.org,
    serviceResource,
    serviceResourceType: "GenericAccessResource",
    party: partyUrn,
    ...(progress !== undefined && { progress }),
    ...process,
    ...(extendedStatus && { extendedStatus }),
    ...(externalReference && { externalReference }),
    status,
    createdAt: created,
    updatedAt: updated,
    contentUpdatedAt: updated,
    ...(dueAt && { dueAt }),
    ...(expiresAt && { expiresAt }),
    ...(visibleFrom && { visibleFrom }),
    ...(searchTags.length && { searchTags }),
    ...(idempotentKey && { idempotentKey }),
    ...(labels && { serviceOwnerContext: { revision: crypto.randomUUID(), serviceOwnerLabels: labels } }),
    isApiOnly,
    hasUnopenedContent: transmissions.some((t) => t.sender.actorType === "ServiceOwner"),
    systemLabel,
    fromServiceOwnerTransmissionsCount: transmissions.filter((t) => t.sender.actorType === "ServiceOwner").length,
    fromPartyTransmissionsCount: transmissions.filter((t) => t.sender.actorType !== "ServiceOwner").length,
    content: content ?? ({} as Dialog["content"]),
    attachments,
    transmissions,
    guiActions,
    apiActions,
    activities: present(b.activities) ? activities : [],
    seenSinceLastUpdate: [],
    seenSinceLastContentUpdate: [],
    isContentSeen: false,
    endUserContext: { revision: crypto.randomUUID(), systemLabels: [systemLabel] },
  };
  return { ok: true, dialog };
}

function readServiceOwnerLabels(value: unknown, path: string, e: Errors): { value: string }[] | undefined {
  if (!present(value)) return undefined;
  const ctx = object(value, path, ["serviceOwnerLabels"], e);
  if (!ctx) return undefined;
  const labels = array(ctx.serviceOwnerLabels, at(path, "serviceOwnerLabels"), e, 20, (item, p) => {
    const l = object(item, p, ["value"], e);
    return l && string(l.value, at(p, "value"), e, { max: 255, min: 3, required: true })?.toLowerCase();
  });
  return [...new Set(labels)].map((v) => ({ value: v }));
}
