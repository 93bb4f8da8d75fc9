import type { DIALOG_ID } from "../seed/dialogs";
import type { PersonaId } from "../seed/personas";
import { decodeText } from "../shared/base64url";
import type { FlowTrace } from "./flow";
import { countCallsTo, problemCode } from "./flow";

interface Expectation {
  persona: PersonaId;
  dialog: keyof typeof DIALOG_ID;
  /** Decision per candidate pair `name@attribute`, or the status Dialogporten answers with instead of a dialog. */
  decisions?: Record<string, string>;
  a?: string;
  isAuthorized?: Record<string, boolean>;
  status?: 403 | 410;
  code?: string;
}

// The oracle, written by hand from lib/seed/policies.ts and docs/real-systems.md §3.3 — not computed by the code under test.
export const EXPECTED_OUTCOMES: Expectation[] = [
  {
    persona: "kari",
    dialog: "taxReturn",
    decisions: {
      "delete@urn:altinn:task:Task_1": "Permit",
      "read@main": "Permit",
      "transmissionread@urn:altinn:subresource:vedtak": "Permit",
      "write@main": "Permit",
    },
    a: "delete,urn:altinn:task:Task_1;read;transmissionread,urn:altinn:subresource:vedtak;write",
    isAuthorized: { read: true, write: true, delete: true, "transmission:vedtak": true, main: true },
  },
  { persona: "ola", dialog: "taxReturn", status: 403, code: "no_access" },
  { persona: "system-user", dialog: "taxReturn", status: 403, code: "no_access" },
  { persona: "email-user", dialog: "taxReturn", status: 403, code: "no_access" },
  { persona: "kari", dialog: "vatReturn", status: 403, code: "no_access" },
  {
    persona: "ola",
    dialog: "vatReturn",
    decisions: {
      "delete@urn:altinn:task:Task_1": "Permit",
      "read@main": "Permit",
      "sign@urn:altinn:task:Task_2": "Permit",
      "transmissionread@urn:altinn:subresource:revisjon": "Permit",
      "write@main": "Permit",
    },
    a: "delete,urn:altinn:task:Task_1;read;sign,urn:altinn:task:Task_2;transmissionread,urn:altinn:subresource:revisjon;write",
    isAuthorized: { read: true, write: true, sign: true, delete: true, "transmission:revisjon": true, "transmission:none": true, main: true },
  },
  {
    persona: "system-user",
    dialog: "vatReturn",
    decisions: {
      "delete@urn:altinn:task:Task_1": "NotApplicable",
      "read@main": "Permit",
      "sign@urn:altinn:task:Task_2": "Deny",
      "transmissionread@urn:altinn:subresource:revisjon": "NotApplicable",
      "write@main": "Permit",
    },
    a: "read;write",
    isAuthorized: { read: true, write: true, sign: false, delete: false, "transmission:revisjon": false, "transmission:none": true, main: true },
  },
  { persona: "email-user", dialog: "vatReturn", status: 403, code: "no_access" },
  { persona: "kari", dialog: "fishingLicence", status: 403, code: "no_access" },
  { persona: "ola", dialog: "fishingLicence", status: 403, code: "no_access" },
  { persona: "system-user", dialog: "fishingLicence", status: 403, code: "no_access" },
  {
    persona: "email-user",
    dialog: "fishingLicence",
    decisions: { "read@main": "Permit", "write@main": "Permit" },
    a: "read;write",
    isAuthorized: { read: true, write: true, "transmission:none": true, main: true },
  },
  { persona: "kari", dialog: "buildingPermit", status: 403, code: "no_access" },
  { persona: "ola", dialog: "buildingPermit", status: 403, code: "authentication_level_too_low" },
  { persona: "system-user", dialog: "buildingPermit", status: 403, code: "no_access" },
  { persona: "email-user", dialog: "buildingPermit", status: 403, code: "no_access" },
  // The supplier's token names the same system user, so the PDP decides exactly as for system-user.
  { persona: "supplier-system-user", dialog: "taxReturn", status: 403, code: "no_access" },
  {
    persona: "supplier-system-user",
    dialog: "vatReturn",
    decisions: {
      "delete@urn:altinn:task:Task_1": "NotApplicable",
      "read@main": "Permit",
      "sign@urn:altinn:task:Task_2": "Deny",
      "transmissionread@urn:altinn:subresource:revisjon": "NotApplicable",
      "write@main": "Permit",
    },
    a: "read;write",
    isAuthorized: { read: true, write: true, sign: false, delete: false, "transmission:revisjon": false, "transmission:none": true, main: true },
  },
  { persona: "supplier-system-user", dialog: "fishingLicence", status: 403, code: "no_access" },
  { persona: "supplier-system-user", dialog: "buildingPermit", status: 403, code: "no_access" },
  { persona: "supplier-system-user", dialog: "deletedVatReturn", status: 410, code: "dialog_deleted" },
  // Deleted: the access check comes first, so only those who may read it learn that it is gone.
  { persona: "kari", dialog: "deletedVatReturn", status: 403, code: "no_access" },
  { persona: "ola", dialog: "deletedVatReturn", status: 410, code: "dialog_deleted" },
  { persona: "system-user", dialog: "deletedVatReturn", status: 410, code: "dialog_deleted" },
  { persona: "email-user", dialog: "deletedVatReturn", status: 403, code: "no_access" },
];

/** What a run shows, reduced to the facts the table states. Shared by the in-process and over-HTTP suites. */
export function observe(trace: FlowTrace) {
  const dp = trace.exchanges[1];
  const status = dp?.response?.status;
  if (!trace.dialogToken || !trace.dialog) {
    return { status, contentType: header(dp?.response?.headers, "content-type"), code: problemCode(dp!), token: false, stoppedAt: trace.outcome.stoppedAt };
  }
  const notes = dp!.nested?.notes as { decisions?: { name: string; attribute: string; decision: string }[] } | undefined;
  const claims = JSON.parse(decodeText(trace.dialogToken.split(".")[1]!)!) as Record<string, unknown>;
  const d = trace.dialog;
  const isAuthorized: Record<string, boolean> = { main: d.content.mainContentReference?.isAuthorized ?? true };
  for (const g of d.guiActions) isAuthorized[g.action] = g.isAuthorized!;
  for (const t of d.transmissions) isAuthorized[`transmission:${t.authorizationAttribute?.split(":").pop() ?? "none"}`] = t.isAuthorized!;
  return {
    status,
    decisions: Object.fromEntries((notes?.decisions ?? []).map((x) => [`${x.name}@${x.attribute}`, x.decision])),
    a: claims.a,
    i: claims.i,
    isAuthorized,
    maskedExactlyWhenUnauthorized: d.guiActions.every((g) => (g.url === "urn:dialogporten:unauthorized") === !g.isAuthorized),
    serviceProviderStatus: trace.exchanges[2]?.response?.status,
    outcome: trace.outcome,
    authorizationCallsAfterToken: trace.authorizationCallsAfterToken,
    authorizationCallsForTheDialog: countCallsTo(trace.exchanges.slice(1, 2), "authorization"),
  };
}

/** The same facts as the table promises them, for a run that loads the main front-channel embed. */
export function expected(row: Expectation, dialogId: string) {
  if (row.status) return { status: row.status, contentType: "application/problem+json", code: row.code, token: false, stoppedAt: 3 };
  return {
    status: 200,
    decisions: row.decisions,
    a: row.a,
    i: dialogId,
    isAuthorized: row.isAuthorized,
    maskedExactlyWhenUnauthorized: true,
    serviceProviderStatus: 200,
    outcome: { ok: true, stoppedAt: 6 },
    authorizationCallsAfterToken: 0,
    authorizationCallsForTheDialog: 1,
  };
}

function header(headers: [string, string][] | undefined, name: string) {
  return headers?.find(([k]) => k === name)?.[1];
}
