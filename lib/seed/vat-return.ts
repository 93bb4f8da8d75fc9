import type { Dialog } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";
import { base, DIALOG_ID, nb, serviceOwner, SP, text } from "./dialog-base";
import { PARTY, PARTY_NAMES } from "./parties";
import { RESOURCE } from "./resources";

/** Sandbox Bakeri AS's VAT return: two tasks, transmissions, the richest seed dialog, so it has a file of its own. */
export const vatReturn: Dialog = base(DIALOG_ID.vatReturn, {
  org: "skd",
  serviceResource: RESOURCE.vatReturn,
  party: PARTY.bakery,
  status: "InProgress",
  progress: 25,
  // A business-process id of the service owner's choosing; the task is in the GUI actions' attributes (docs/fidelity.md).
  process: "urn:sandbox:skd:process:mva-melding-2026-6",
  dueAt: "2027-02-10T22:59:59.000Z",
  content: {
    title: text("MVA-melding 6. termin 2026"),
    summary: text(`Merverdiavgift for ${PARTY_NAMES[PARTY.bakery]}, november–desember.`),
    senderName: text("Skatteetaten (sandbox)"),
    extendedStatus: text("Utkast"),
    mainContentReference: { value: nb(`${SP}/service-provider/fce/${DIALOG_ID.vatReturn}`), mediaType: MEDIA_TYPE.embedMarkdown },
  },
  guiActions: [
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000201",
      action: "read",
      url: `${SP}/service-provider/app/${DIALOG_ID.vatReturn}`,
      isDeleteDialogAction: false,
      priority: "Primary",
      httpMethod: "GET",
      title: nb("Gå til MVA-meldingen"),
    },
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000202",
      action: "write",
      url: `${SP}/service-provider/actions/${DIALOG_ID.vatReturn}/write`,
      isDeleteDialogAction: false,
      priority: "Secondary",
      httpMethod: "POST",
      title: nb("Send inn"),
    },
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000203",
      action: "sign",
      authorizationAttribute: "urn:altinn:task:Task_2",
      url: `${SP}/service-provider/actions/${DIALOG_ID.vatReturn}/sign`,
      isDeleteDialogAction: false,
      priority: "Secondary",
      httpMethod: "POST",
      title: nb("Signer"),
    },
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000204",
      action: "delete",
      authorizationAttribute: "urn:altinn:task:Task_1",
      url: `${SP}/service-provider/actions/${DIALOG_ID.vatReturn}/delete`,
      isDeleteDialogAction: true,
      priority: "Tertiary",
      httpMethod: "DELETE",
      title: nb("Slett utkast"),
      prompt: nb("Utkastet slettes permanent."),
    },
  ],
  apiActions: [
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000211",
      action: "read",
      name: "hent-melding",
      endpoints: [
        {
          id: "019ad0c2-7000-7a3b-9c4d-000000000212",
          version: "v1",
          url: `${SP}/service-provider/api/${DIALOG_ID.vatReturn}`,
          httpMethod: "GET",
          deprecated: false,
        },
      ],
    },
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000213",
      action: "write",
      name: "send-inn",
      endpoints: [
        {
          id: "019ad0c2-7000-7a3b-9c4d-000000000214",
          version: "v1",
          url: `${SP}/service-provider/actions/${DIALOG_ID.vatReturn}/write`,
          httpMethod: "POST",
          deprecated: false,
        },
      ],
    },
  ],
  transmissions: [
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000221",
      createdAt: "2026-11-18T10:00:00.000Z",
      type: "Information",
      sender: serviceOwner(),
      isOpened: true,
      content: { title: text("Påminnelse om frist"), summary: text("Fristen for 6. termin er 10. februar.") },
      attachments: [],
      navigationalActions: [],
    },
    {
      id: "019ad0c2-7000-7a3b-9c4d-000000000222",
      createdAt: "2026-11-20T13:45:00.000Z",
      authorizationAttribute: "urn:altinn:subresource:revisjon",
      type: "Information",
      sender: serviceOwner(),
      isOpened: false,
      content: {
        title: text("Revisorrapport"),
        summary: text("Fortrolig rapport fra revisor."),
        contentReference: {
          value: nb(`${SP}/service-provider/fce/${DIALOG_ID.vatReturn}/transmissions/019ad0c2-7000-7a3b-9c4d-000000000222`),
          mediaType: MEDIA_TYPE.embedMarkdown,
        },
      },
      attachments: [
        {
          id: "019ad0c2-7000-7a3b-9c4d-000000000223",
          displayName: nb("revisorrapport.pdf"),
          name: "revisorrapport.pdf",
          urls: [
            {
              id: "019ad0c2-7000-7a3b-9c4d-000000000224",
              url: `${SP}/service-provider/files/revisorrapport.pdf`,
              mediaType: "application/pdf",
              consumerType: "Gui",
            },
          ],
        },
      ],
      navigationalActions: [],
    },
  ],
  fromServiceOwnerTransmissionsCount: 2,
});
