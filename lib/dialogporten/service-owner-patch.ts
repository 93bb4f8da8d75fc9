import type { Dialog } from "../altinn/dialog";

/**
 * What the service-owner API's writes share once a body is read: the labels and limits, the new revision
 * every successful update gets, and the UUIDv7 ids the real API generates. The JSON Patch itself is
 * json-patch.ts over the update document of service-owner-update.ts.
 */

export const SYSTEM_LABELS = ["Default", "Bin", "Archive", "MarkedAsUnopened", "Sent"] as const;

export const MAX_PATCH_OPERATIONS = 20;
/** The mock keeps the dialog's first activity and the newest ones up to this many (bounded memory, ADR 012). */
export const MAX_ACTIVITIES = 50;

/** New revision and `updatedAt`, as every successful update in the real API; old activities beyond the cap are dropped (the first one stays). */
export function bump(dialog: Dialog, now: number): Dialog {
  if (dialog.activities.length > MAX_ACTIVITIES) {
    dialog = { ...dialog, activities: [dialog.activities[0]!, ...dialog.activities.slice(-(MAX_ACTIVITIES - 1))] };
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
