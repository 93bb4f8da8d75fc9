import { isGuid, isValidNationalIdentityNumber, isValidOrganizationNumber, URN } from "../altinn/identifiers";
import type { Activity, Actor, Dialog, DialogStatus, Localization } from "../altinn/dialog";
import type { DialogportenCode } from "./codes";

/**
 * The part of the service-owner API that changes a dialog: a strict subset of RFC 6902 JSON Patch over
 * the real update entity's field names, and the real `CreateActivity` shape. Pure: the caller hands in
 * the clock, the id generator and the register of party names; nothing here touches the store.
 */

export const DIALOG_STATUSES: readonly DialogStatus[] = ["NotApplicable", "InProgress", "Draft", "Awaiting", "RequiresAttention", "Completed"];

/** `DialogActivityType` in the real OpenAPI document. */
export const ACTIVITY_TYPES = [
  "DialogCreated", "DialogClosed", "Information", "TransmissionOpened", "PaymentMade", "SignatureProvided", "DialogOpened", "DialogDeleted",
  "DialogRestored", "SentToSigning", "SentToFormFill", "SentToSendIn", "SentToPayment", "FormSubmitted", "FormSaved", "CorrespondenceOpened",
  "CorrespondenceConfirmed",
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const SYSTEM_LABELS = ["Default", "Bin", "Archive", "MarkedAsUnopened", "Sent"] as const;
type SystemLabel = (typeof SYSTEM_LABELS)[number];

export const MAX_PATCH_OPERATIONS = 20;
/** The mock keeps the dialog's first activity and the newest ones up to this many (bounded memory, ADR 012). */
export const MAX_ACTIVITIES = 50;
const MAX_URI = 255;
const MAX_EXTENDED_STATUS = 25;
const MAX_DESCRIPTION = 1023;

export type JsonPatchOperation = { op: "add" | "replace" | "remove" | "test"; path: string; value?: unknown };

export interface PatchContext {
  now: number;
  newId: () => string;
  /** The party register: a display name for an actor id, when known. */
  partyName: (actorId: string) => string | undefined;
}

export type Invalid = { ok: false; status: 400 | 409 | 422; code: DialogportenCode; detail: string; errors?: Record<string, string[]> };
export type Applied = { ok: true; dialog: Dialog; changes: string[]; activities: Activity[] };

const invalid = (status: Invalid["status"], code: DialogportenCode, field: string, detail: string): Invalid => ({ ok: false, status, code, detail, errors: { [field]: [detail] } });

/** Paths the patch may touch, and how. `/systemLabel` is a sandbox departure (ADR 012). */
const SUPPORTED = ["/status", "/process", "/progress", "/extendedStatus", "/systemLabel", "/activities/-"] as const;
type SupportedPath = (typeof SUPPORTED)[number];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function extraKeys(value: Record<string, unknown>, allowed: readonly string[]): string[] {
  return Object.keys(value).filter((k) => !allowed.includes(k));
}

function isAbsoluteUri(value: string): boolean {
  if (value.length === 0 || value.length > MAX_URI || /\s/.test(value)) return false;
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/** Reads the operations array; anything outside the supported subset is a 400 naming the operation. */
export function parsePatch(body: unknown): { ok: true; ops: JsonPatchOperation[] } | Invalid {
  if (!Array.isArray(body)) return invalid(400, "invalid_patch", "$", "A JSON Patch document is an array of operations (RFC 6902).");
  if (body.length === 0 || body.length > MAX_PATCH_OPERATIONS) return invalid(400, "invalid_patch", "$", `Send 1 to ${MAX_PATCH_OPERATIONS} operations.`);
  const ops: JsonPatchOperation[] = [];
  for (const [i, raw] of body.entries()) {
    const at = `[${i}]`;
    if (!isObject(raw)) return invalid(400, "invalid_patch", at, "Each operation is an object.");
    const extra = extraKeys(raw, ["op", "path", "value"]);
    if (extra.length) return invalid(400, "invalid_patch", at, `Unknown member(s): ${extra.join(", ")}.`);
    const { op, path } = raw;
    if (op !== "add" && op !== "replace" && op !== "remove" && op !== "test") {
      return invalid(400, "patch_operation_not_supported", `${at}.op`, "Supported operations: add, replace, remove, test.");
    }
    if (typeof path !== "string") return invalid(400, "invalid_patch", `${at}.path`, "path is a JSON Pointer string.");
    if (/^\/activities(\/|$)/.test(path) && !(op === "add" && path === "/activities/-")) {
      return invalid(422, "activities_immutable", `${at}.path`, "Activities cannot be replaced or removed; add new ones with /activities/-.");
    }
    if (!(SUPPORTED as readonly string[]).includes(path)) {
      return invalid(400, "patch_path_not_supported", `${at}.path`, `Supported paths: ${SUPPORTED.join(", ")}.`);
    }
    if (op !== "remove" && !("value" in raw)) return invalid(400, "invalid_patch", `${at}.value`, `A ${op} operation needs a value.`);
    if (op === "remove" && "value" in raw) return invalid(400, "invalid_patch", `${at}.value`, "A remove operation has no value.");
    ops.push({ op, path, ...(op !== "remove" && { value: raw.value }) });
  }
  return { ok: true, ops };
}

/** Reads and checks a `CreateActivity` body (real field names); fills id, createdAt and the actor's name. */
export function readActivity(value: unknown, dialog: Dialog, ctx: PatchContext, field = "activity"): { ok: true; activity: Activity } | Invalid {
  if (!isObject(value)) return invalid(400, "invalid_activity", field, "An activity is an object.");
  const extra = extraKeys(value, ["id", "createdAt", "extendedType", "type", "transmissionId", "performedBy", "description"]);
  if (extra.length) return invalid(400, "invalid_activity", field, `Unknown member(s): ${extra.join(", ")}.`);

  const type = value.type;
  if (typeof type !== "string" || !(ACTIVITY_TYPES as readonly string[]).includes(type)) {
    return invalid(400, "invalid_activity", `${field}.type`, `type is one of ${ACTIVITY_TYPES.join(", ")}.`);
  }
  if (type === "DialogCreated") return invalid(422, "invalid_activity", `${field}.type`, "DialogCreated is added by Dialogporten when the dialog is created.");

  let id = ctx.newId();
  if (value.id !== undefined && value.id !== null) {
    if (typeof value.id !== "string" || !isGuid(value.id) || value.id[14] !== "7") return invalid(400, "invalid_activity", `${field}.id`, "id must be a UUIDv7.");
    if (dialog.activities.some((a) => a.id.toLowerCase() === (value.id as string).toLowerCase())) return invalid(422, "activity_id_taken", `${field}.id`, "An activity with this id exists.");
    id = value.id.toLowerCase();
  }

  let createdAt = new Date(ctx.now).toISOString();
  if (value.createdAt !== undefined && value.createdAt !== null) {
    const t = typeof value.createdAt === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$/.test(value.createdAt) ? Date.parse(value.createdAt) : NaN;
    if (!Number.isFinite(t)) return invalid(400, "invalid_activity", `${field}.createdAt`, "createdAt is an ISO 8601 date-time.");
    if (t > ctx.now + 2000) return invalid(400, "invalid_activity", `${field}.createdAt`, "createdAt cannot be in the future.");
    createdAt = new Date(t).toISOString();
  }

  let extendedType: string | undefined;
  if (value.extendedType !== undefined && value.extendedType !== null) {
    if (typeof value.extendedType !== "string" || !isAbsoluteUri(value.extendedType)) return invalid(400, "invalid_activity", `${field}.extendedType`, `extendedType is an absolute URI of at most ${MAX_URI} characters.`);
    extendedType = value.extendedType;
  }

  let transmissionId: string | undefined;
  if (value.transmissionId !== undefined && value.transmissionId !== null) {
    const t = value.transmissionId;
    if (typeof t !== "string" || !isGuid(t)) return invalid(400, "invalid_activity", `${field}.transmissionId`, "transmissionId must be a GUID.");
    if (!dialog.transmissions.some((x) => x.id.toLowerCase() === t.toLowerCase())) return invalid(422, "invalid_activity", `${field}.transmissionId`, "No transmission with this id in the dialog.");
    transmissionId = t.toLowerCase();
  }
  if (type === "TransmissionOpened" && !transmissionId) return invalid(400, "invalid_activity", `${field}.transmissionId`, "TransmissionOpened needs a transmissionId.");

  const description = readDescription(value.description, type, `${field}.description`);
  if (!description.ok) return description;
  const actor = readActor(value.performedBy, `${field}.performedBy`, ctx);
  if (!actor.ok) return actor;

  const activity: Activity & { extendedType?: string } = {
    id,
    createdAt,
    ...(extendedType && { extendedType }),
    type,
    ...(transmissionId && { transmissionId }),
    performedBy: actor.actor,
    description: description.value,
  };
  return { ok: true, activity };
}

function readDescription(value: unknown, type: string, field: string): { ok: true; value: Localization[] } | Invalid {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
    return type === "Information" ? invalid(400, "invalid_activity", field, "An Information activity needs a description.") : { ok: true, value: [] };
  }
  if (type !== "Information") return invalid(400, "invalid_activity", field, "Only Information activities carry a description.");
  if (!Array.isArray(value) || value.length > 10) return invalid(400, "invalid_activity", field, "description is an array of at most 10 localizations.");
  const out: Localization[] = [];
  for (const l of value) {
    if (!isObject(l) || extraKeys(l, ["value", "languageCode"]).length || typeof l.value !== "string" || typeof l.languageCode !== "string") {
      return invalid(400, "invalid_activity", field, "Each localization is {value, languageCode}.");
    }
    if (l.value.length === 0 || l.value.length > MAX_DESCRIPTION) return invalid(400, "invalid_activity", field, `A description is 1 to ${MAX_DESCRIPTION} characters.`);
    if (!/^[a-z]{2}$/.test(l.languageCode)) return invalid(400, "invalid_activity", field, "languageCode is a two-letter ISO 639-1 code, e.g. nb.");
    out.push({ value: l.value, languageCode: l.languageCode });
  }
  return { ok: true, value: out };
}

/** A party representative is named by a valid party URN or by name (not both); the service owner by neither. */
export function isActorId(value: string): boolean {
  const person = new RegExp(`^${URN.person}:(\\d{11})$`).exec(value);
  if (person) return isValidNationalIdentityNumber(person[1]!);
  const org = new RegExp(`^${URN.organization}:(\\d{9})$`).exec(value);
  if (org) return isValidOrganizationNumber(org[1]!);
  const email = new RegExp(`^${URN.idportenEmail}:([^\\s@:]{1,64}@[^\\s@:]{1,190})$`).exec(value);
  if (email) return true;
  const sys = new RegExp(`^${URN.systemUser}:(.+)$`).exec(value);
  return sys ? isGuid(sys[1]!) : false;
}

function readActor(value: unknown, field: string, ctx: PatchContext): { ok: true; actor: Actor } | Invalid {
  if (!isObject(value)) return invalid(400, "invalid_activity", field, "performedBy is {actorType, actorName?, actorId?}.");
  const extra = extraKeys(value, ["actorType", "actorName", "actorId"]);
  if (extra.length) return invalid(400, "invalid_activity", field, `Unknown member(s): ${extra.join(", ")}.`);
  const { actorType, actorName, actorId } = value;
  const present = (v: unknown) => v !== undefined && v !== null;
  if (actorType === "ServiceOwner") {
    if (present(actorName) || present(actorId)) return invalid(400, "invalid_activity", field, "A ServiceOwner actor has no actorName or actorId.");
    return { ok: true, actor: { actorType } };
  }
  if (actorType !== "PartyRepresentative") return invalid(400, "invalid_activity", `${field}.actorType`, "actorType is PartyRepresentative or ServiceOwner.");
  if (present(actorName) === present(actorId)) return invalid(400, "invalid_activity", field, "A PartyRepresentative has exactly one of actorName and actorId.");
  if (present(actorId)) {
    if (typeof actorId !== "string" || !isActorId(actorId)) return invalid(400, "invalid_activity", `${field}.actorId`, "actorId is a valid party URN (person, organization, idporten-email or system user).");
    const name = ctx.partyName(actorId);
    return { ok: true, actor: { actorType, actorId, ...(name && { actorName: name }) } };
  }
  if (typeof actorName !== "string" || actorName.trim().length === 0 || actorName.length > 255) return invalid(400, "invalid_activity", `${field}.actorName`, "actorName is 1 to 255 characters.");
  return { ok: true, actor: { actorType, actorName } };
}

function current(dialog: Dialog, path: SupportedPath): unknown {
  switch (path) {
    case "/status": return dialog.status;
    case "/process": return dialog.process;
    case "/progress": return dialog.progress;
    case "/extendedStatus": return dialog.extendedStatus;
    case "/systemLabel": return dialog.systemLabel;
    case "/activities/-": return undefined;
  }
}

/**
 * Applies the operations in order to a copy; all or nothing. Returns the changed dialog with a new
 * revision and `updatedAt`, or the first problem. A patch that changes nothing still bumps the revision,
 * as every successful update does in the real API.
 */
export function applyPatch(source: Dialog, ops: JsonPatchOperation[], ctx: PatchContext): Applied | Invalid {
  const dialog = structuredClone(source);
  const changes: string[] = [];
  const activities: Activity[] = [];
  for (const [i, { op, path, value }] of ops.entries()) {
    const at = `[${i}].value`;
    const p = path as SupportedPath;
    if (op === "test") {
      if (JSON.stringify(current(dialog, p) ?? null) !== JSON.stringify(value ?? null)) {
        return invalid(409, "patch_test_failed", `[${i}]`, `${path} is ${JSON.stringify(current(dialog, p) ?? null)}, not ${JSON.stringify(value)}.`);
      }
      continue;
    }
    switch (p) {
      case "/status":
        if (op === "remove") return invalid(422, "invalid_patch", `[${i}]`, "status cannot be removed.");
        if (typeof value !== "string" || !(DIALOG_STATUSES as readonly string[]).includes(value)) return invalid(400, "invalid_patch", at, `status is one of ${DIALOG_STATUSES.join(", ")}.`);
        dialog.status = value as DialogStatus;
        changes.push(`status → ${value}`);
        break;
      case "/process":
        if (op === "remove") {
          delete dialog.process;
          changes.push("process removed");
          break;
        }
        if (typeof value !== "string" || !isAbsoluteUri(value)) return invalid(400, "invalid_patch", at, `process is an absolute URI of at most ${MAX_URI} characters.`);
        dialog.process = value;
        changes.push(`process → ${value}`);
        break;
      case "/progress":
        if (op === "remove") {
          delete dialog.progress;
          changes.push("progress removed");
          break;
        }
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) return invalid(400, "invalid_patch", at, "progress is an integer from 0 to 100.");
        dialog.progress = value;
        changes.push(`progress → ${value}`);
        break;
      case "/extendedStatus":
        if (op === "remove") {
          delete dialog.extendedStatus;
          changes.push("extendedStatus removed");
          break;
        }
        if (typeof value !== "string" || value.length === 0 || value.length > MAX_EXTENDED_STATUS) return invalid(400, "invalid_patch", at, `extendedStatus is 1 to ${MAX_EXTENDED_STATUS} characters.`);
        dialog.extendedStatus = value;
        changes.push(`extendedStatus → ${value}`);
        break;
      case "/systemLabel": {
        if (op === "remove") return invalid(422, "invalid_patch", `[${i}]`, "systemLabel cannot be removed; set Default.");
        if (typeof value !== "string" || !(SYSTEM_LABELS as readonly string[]).includes(value)) return invalid(400, "invalid_patch", at, `systemLabel is one of ${SYSTEM_LABELS.join(", ")}.`);
        dialog.systemLabel = value as SystemLabel;
        dialog.endUserContext = { revision: crypto.randomUUID(), systemLabels: [value as SystemLabel] };
        changes.push(`systemLabel → ${value}`);
        break;
      }
      case "/activities/-": {
        if (op !== "add") return invalid(422, "activities_immutable", `[${i}].path`, "Activities can only be added.");
        const read = readActivity(value, dialog, ctx, at);
        if (!read.ok) return read;
        dialog.activities.push(read.activity);
        activities.push(read.activity);
        changes.push(`activity ${read.activity.type} added`);
        break;
      }
    }
  }
  return { ok: true, dialog: bump(dialog, ctx.now), changes, activities };
}

/** New revision and `updatedAt`; old activities beyond the cap are dropped (the first one stays). */
export function bump(dialog: Dialog, now: number): Dialog {
  if (dialog.activities.length > MAX_ACTIVITIES) {
    dialog.activities = [dialog.activities[0]!, ...dialog.activities.slice(-(MAX_ACTIVITIES - 1))];
  }
  return { ...dialog, revision: crypto.randomUUID(), updatedAt: new Date(now).toISOString() };
}

/** RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, variant 10, random rest. */
export function uuidv7(now: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
