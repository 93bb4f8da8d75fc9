import type { Policy, RoleAssignment } from "../altinn/resource-registry";
import { EMAIL_USER, ORGNO, PID, SYSTEM_USER_ID } from "./parties";

const MAIN = [{ id: "urn:altinn:subresource", value: "main" }];
const task = (t: string) => [{ id: "urn:altinn:task", value: t }];
const sub = (s: string) => [{ id: "urn:altinn:subresource", value: s }];

const ROLE = {
  PRIV: "urn:altinn:rolecode:PRIV",
  DAGL: "urn:altinn:rolecode:DAGL",
  MVA: "urn:altinn:accesspackage:merverdiavgift",
} as const;

export const policies: Policy[] = [
  {
    resource: "sandbox-skattemelding",
    rules: [
      {
        id: "skattemelding-1",
        description: "The person may read and submit their own tax return.",
        effect: "Permit",
        subjects: [ROLE.PRIV],
        actions: ["read", "write"],
        resource: [],
      },
      {
        id: "skattemelding-2",
        description: "The person may delete a draft while it is in Task_1.",
        effect: "Permit",
        subjects: [ROLE.PRIV],
        actions: ["delete"],
        resource: task("Task_1"),
      },
      {
        id: "skattemelding-3",
        description: "The person may read the tax assessment (subresource vedtak).",
        effect: "Permit",
        subjects: [ROLE.PRIV],
        actions: ["transmissionread"],
        resource: sub("vedtak"),
      },
    ],
  },
  {
    resource: "sandbox-mva-melding",
    rules: [
      {
        id: "mva-1",
        description: "Daglig leder may read and fill in the VAT return.",
        effect: "Permit",
        subjects: [ROLE.DAGL],
        actions: ["read", "write"],
        resource: MAIN,
      },
      {
        id: "mva-2",
        description: "Daglig leder may sign in the signing task (Task_2).",
        effect: "Permit",
        subjects: [ROLE.DAGL],
        actions: ["sign"],
        resource: task("Task_2"),
      },
      {
        id: "mva-3",
        description: "Daglig leder may delete the return while it is a draft (Task_1).",
        effect: "Permit",
        subjects: [ROLE.DAGL],
        actions: ["delete"],
        resource: task("Task_1"),
      },
      {
        id: "mva-4",
        description: "Daglig leder may read the auditor's report (subresource revisjon).",
        effect: "Permit",
        subjects: [ROLE.DAGL],
        actions: ["transmissionread"],
        resource: sub("revisjon"),
      },
      {
        id: "mva-5",
        description: "Holders of the access package Merverdiavgift may read and fill in the return.",
        effect: "Permit",
        subjects: [ROLE.MVA],
        actions: ["read", "write"],
        resource: MAIN,
      },
      {
        id: "mva-6",
        description: "Signing needs a person: the access package alone may not sign.",
        effect: "Deny",
        subjects: [ROLE.MVA],
        actions: ["sign"],
        resource: [],
      },
    ],
  },
  {
    resource: "sandbox-fiskekort",
    rules: [
      {
        id: "fiskekort-1",
        description: "Anyone acting for themselves may read and send their own application.",
        effect: "Permit",
        subjects: [ROLE.PRIV],
        actions: ["read", "write"],
        resource: MAIN,
      },
      {
        id: "fiskekort-2",
        description: "Daglig leder may read the catch report (subresource fangstrapport) and nothing else: list authorization.",
        effect: "Permit",
        subjects: [ROLE.DAGL],
        actions: ["transmissionread"],
        resource: sub("fangstrapport"),
      },
    ],
  },
  {
    resource: "sandbox-byggesak",
    rules: [
      {
        id: "byggesak-1",
        description: "The applicant may read and update their building application.",
        effect: "Permit",
        subjects: [ROLE.PRIV],
        actions: ["read", "write"],
        resource: MAIN,
      },
    ],
  },
];

export const roleAssignments: RoleAssignment[] = [
  { subject: `urn:altinn:person:identifier-no:${PID.kari}`, party: `urn:altinn:person:identifier-no:${PID.kari}`, roles: [ROLE.PRIV] },
  { subject: `urn:altinn:person:identifier-no:${PID.ola}`, party: `urn:altinn:person:identifier-no:${PID.ola}`, roles: [ROLE.PRIV] },
  { subject: `urn:altinn:person:identifier-no:${PID.ola}`, party: `urn:altinn:organization:identifier-no:${ORGNO.bakery}`, roles: [ROLE.DAGL] },
  { subject: `urn:altinn:systemuser:uuid:${SYSTEM_USER_ID}`, party: `urn:altinn:organization:identifier-no:${ORGNO.bakery}`, roles: [ROLE.MVA] },
  { subject: `urn:altinn:userid:${EMAIL_USER.userId}`, party: `urn:altinn:partyid:${EMAIL_USER.partyId}`, roles: [ROLE.PRIV] },
];
