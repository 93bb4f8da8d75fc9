import type { Activity, Dialog } from "@/lib/altinn/dialog";
import { decodeToken } from "@/lib/service-provider/decode";

/**
 * What a write action changed, computed from the two dialogs the end-user system really fetched —
 * the one before the action and the one after — never from what the action "should" have done.
 */

interface FieldChange {
  name: string;
  before: string;
  after: string;
  changed: boolean;
}

export interface TokenTimes {
  jti: string;
  iat?: number;
  exp?: number;
}

interface DialogDiff {
  fields: FieldChange[];
  /** Activities in the new dialog whose id the old one did not have, oldest first. */
  newActivities: Activity[];
  token: { before: TokenTimes | null; after: TokenTimes | null };
}

/** The task each GUI action is bound to (`delete: Task_1 · sign: Task_2`): where Dialogporten learns the current task. */
function taskBound(d: Dialog): string {
  const bound = d.guiActions.filter((g) => g.authorizationAttribute?.startsWith("urn:altinn:task:"));
  return bound.map((g) => `${g.action}: ${g.authorizationAttribute!.slice("urn:altinn:task:".length)}`).join(" · ") || "(none)";
}

// The fields a write action can touch (ADR 012), in the order a person reads them.
const FIELDS: { name: string; read: (d: Dialog) => string }[] = [
  { name: "revision", read: (d) => d.revision },
  { name: "status", read: (d) => d.status },
  { name: "guiActions[].authorizationAttribute", read: taskBound },
  { name: "system label", read: (d) => d.endUserContext?.systemLabels?.join(", ") || d.systemLabel },
  { name: "updatedAt", read: (d) => d.updatedAt },
];

/** jti, iat and exp of a dialog token, or null when there is none (or it does not decode). */
function tokenTimes(token: string | undefined): TokenTimes | null {
  if (!token) return null;
  const d = decodeToken(token);
  if (!d.ok) return null;
  const num = (v: unknown) => (typeof v === "number" ? v : undefined);
  return { jti: String(d.payload.jti ?? ""), iat: num(d.payload.iat), exp: num(d.payload.exp) };
}

export function diffDialogs(before: Dialog, after: Dialog): DialogDiff {
  const known = new Set(before.activities.map((a) => a.id));
  return {
    fields: FIELDS.map(({ name, read }) => {
      const [b, a] = [read(before), read(after)];
      return { name, before: b, after: a, changed: a !== b };
    }),
    newActivities: after.activities.filter((a) => !known.has(a.id)),
    token: { before: tokenTimes(before.dialogToken), after: tokenTimes(after.dialogToken) },
  };
}

/** `2026-11-29T12:00:00Z` from seconds since the epoch; a dash when absent. */
export const isoSeconds = (s: number | undefined) => (s === undefined ? "—" : new Date(s * 1000).toISOString().replace(".000Z", "Z"));

/** Who performed an activity, as the dialog names them. */
export function performer(a: Activity): string {
  const p = a.performedBy;
  return p.actorName ?? p.actorId ?? p.actorType;
}
