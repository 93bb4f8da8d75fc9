import type { Activity, Dialog, DialogStatus } from "../altinn/dialog";
import { readActivity } from "./service-owner-activity";
import type { Invalid, PatchContext } from "./service-owner-validation";
import { extraKeys, invalid, isAbsoluteUri, isObject, MAX_URI } from "./service-owner-validation";

/**
 * The part of the service-owner API that changes a dialog: a strict subset of RFC 6902 JSON Patch over
 * the real update entity's field names (an activity added by `/activities/-` is read in
 * service-owner-activity.ts). Pure: the caller hands in
 * the clock, the id generator and the register of party names; nothing here touches the store.
 */

export const DIALOG_STATUSES: readonly DialogStatus[] = ["NotApplicable", "InProgress", "Draft", "Awaiting", "RequiresAttention", "Completed"];

export const SYSTEM_LABELS = ["Default", "Bin", "Archive", "MarkedAsUnopened", "Sent"] as const;
type SystemLabel = (typeof SYSTEM_LABELS)[number];

export const MAX_PATCH_OPERATIONS = 20;
/** The mock keeps the dialog's first activity and the newest ones up to this many (bounded memory, ADR 012). */
export const MAX_ACTIVITIES = 50;
const MAX_EXTENDED_STATUS = 25;

export type JsonPatchOperation = { op: "add" | "replace" | "remove" | "test"; path: string; value?: unknown };

export type Applied = { ok: true; dialog: Dialog; changes: string[]; activities: Activity[] };

/** Paths the patch may touch, and how. `/systemLabel` is a sandbox departure (ADR 012). */
const SUPPORTED = ["/status", "/process", "/progress", "/extendedStatus", "/systemLabel", "/activities/-"] as const;
type SupportedPath = (typeof SUPPORTED)[number];

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

function current(dialog: Dialog, path: SupportedPath): unknown {
  switch (path) {
    case "/status":
      return dialog.status;
    case "/process":
      return dialog.process;
    case "/progress":
      return dialog.progress;
    case "/extendedStatus":
      return dialog.extendedStatus;
    case "/systemLabel":
      return dialog.systemLabel;
    case "/activities/-":
      return undefined;
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
        if (typeof value !== "string" || !(DIALOG_STATUSES as readonly string[]).includes(value))
          return invalid(400, "invalid_patch", at, `status is one of ${DIALOG_STATUSES.join(", ")}.`);
        dialog.status = value as DialogStatus;
        changes.push(`status → ${value}`);
        break;
      case "/process":
        if (op === "remove") {
          delete dialog.process;
          changes.push("process removed");
          break;
        }
        if (typeof value !== "string" || !isAbsoluteUri(value))
          return invalid(400, "invalid_patch", at, `process is an absolute URI of at most ${MAX_URI} characters.`);
        dialog.process = value;
        changes.push(`process → ${value}`);
        break;
      case "/progress":
        if (op === "remove") {
          delete dialog.progress;
          changes.push("progress removed");
          break;
        }
        if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100)
          return invalid(400, "invalid_patch", at, "progress is an integer from 0 to 100.");
        dialog.progress = value;
        changes.push(`progress → ${value}`);
        break;
      case "/extendedStatus":
        if (op === "remove") {
          delete dialog.extendedStatus;
          changes.push("extendedStatus removed");
          break;
        }
        if (typeof value !== "string" || value.length === 0 || value.length > MAX_EXTENDED_STATUS)
          return invalid(400, "invalid_patch", at, `extendedStatus is 1 to ${MAX_EXTENDED_STATUS} characters.`);
        dialog.extendedStatus = value;
        changes.push(`extendedStatus → ${value}`);
        break;
      case "/systemLabel": {
        if (op === "remove") return invalid(422, "invalid_patch", `[${i}]`, "systemLabel cannot be removed; set Default.");
        if (typeof value !== "string" || !(SYSTEM_LABELS as readonly string[]).includes(value))
          return invalid(400, "invalid_patch", at, `systemLabel is one of ${SYSTEM_LABELS.join(", ")}.`);
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
