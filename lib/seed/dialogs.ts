import { MEDIA_TYPE } from "../altinn/dialog";
import type { Dialog } from "../altinn/dialog";
import { base, DIALOG_ID, nb, serviceOwner, SP, text } from "./dialog-base";
import { PARTY } from "./parties";
import { RESOURCE } from "./resources";
import { vatReturn } from "./vat-return";

export { DIALOG_ID };

export const seedDialogs: Dialog[] = [
  base(DIALOG_ID.taxReturn, {
    org: "skd",
    serviceResource: RESOURCE.taxReturn,
    party: PARTY.kari,
    status: "RequiresAttention",
    progress: 40,
    // A business-process id of the service owner's choosing; the task is in the GUI actions' attributes (docs/fidelity.md).
    process: "urn:sandbox:skd:process:skattemelding-2026",
    dueAt: "2027-04-30T21:59:59.000Z",
    content: {
      title: text("Skattemelding for 2026"),
      summary: text("Kontroller opplysningene og send inn skattemeldingen før 30. april."),
      senderName: text("Skatteetaten (sandbox)"),
      mainContentReference: { value: nb(`${SP}/service-provider/fce/${DIALOG_ID.taxReturn}`), mediaType: MEDIA_TYPE.embedMarkdown },
    },
    guiActions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000101",
        action: "read",
        url: `${SP}/service-provider/app/${DIALOG_ID.taxReturn}`,
        isDeleteDialogAction: false,
        priority: "Primary",
        httpMethod: "GET",
        title: nb("Åpne skattemeldingen"),
      },
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000102",
        action: "write",
        url: `${SP}/service-provider/actions/${DIALOG_ID.taxReturn}/write`,
        isDeleteDialogAction: false,
        priority: "Secondary",
        httpMethod: "POST",
        title: nb("Bekreft og send inn"),
        prompt: nb("Vil du sende inn skattemeldingen nå?"),
      },
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000103",
        action: "delete",
        authorizationAttribute: "urn:altinn:task:Task_1",
        url: `${SP}/service-provider/actions/${DIALOG_ID.taxReturn}/delete`,
        isDeleteDialogAction: true,
        priority: "Tertiary",
        httpMethod: "DELETE",
        title: nb("Slett utkast"),
      },
    ],
    apiActions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000111",
        action: "write",
        name: "submit",
        endpoints: [
          {
            id: "019ad0c2-7000-7a3b-9c4d-000000000112",
            version: "v1",
            url: `${SP}/service-provider/actions/${DIALOG_ID.taxReturn}/write`,
            httpMethod: "POST",
            deprecated: false,
          },
        ],
      },
    ],
    transmissions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000121",
        createdAt: "2026-11-20T13:45:00.000Z",
        authorizationAttribute: "urn:altinn:subresource:vedtak",
        type: "Decision",
        sender: serviceOwner(),
        isOpened: false,
        content: {
          title: text("Skatteoppgjør 2025"),
          summary: text("Skatteoppgjøret ditt er klart."),
          contentReference: {
            value: nb(`${SP}/service-provider/fce/${DIALOG_ID.taxReturn}/transmissions/019ad0c2-7000-7a3b-9c4d-000000000121`),
            mediaType: MEDIA_TYPE.embedMarkdown,
          },
        },
        attachments: [],
        navigationalActions: [{ title: nb("Se skatteoppgjøret"), url: `${SP}/service-provider/app/${DIALOG_ID.taxReturn}/oppgjor` }],
      },
    ],
    fromServiceOwnerTransmissionsCount: 1,
  }),
  vatReturn,
  base(DIALOG_ID.fishingLicence, {
    org: "mdir",
    serviceResource: RESOURCE.fishingLicence,
    party: PARTY.emailUser,
    status: "Draft",
    content: {
      title: text("Søknad om fiskekort 2027"),
      summary: text("Fullfør søknaden om fiskekort for Sandbox-vassdraget."),
      senderName: text("Miljødirektoratet (sandbox)"),
      mainContentReference: { value: nb(`${SP}/service-provider/fce/${DIALOG_ID.fishingLicence}`), mediaType: MEDIA_TYPE.embedMarkdown },
    },
    guiActions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000301",
        action: "read",
        url: `${SP}/service-provider/app/${DIALOG_ID.fishingLicence}`,
        isDeleteDialogAction: false,
        priority: "Primary",
        httpMethod: "GET",
        title: nb("Fortsett søknaden"),
      },
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000302",
        action: "write",
        url: `${SP}/service-provider/actions/${DIALOG_ID.fishingLicence}/write`,
        isDeleteDialogAction: false,
        priority: "Secondary",
        httpMethod: "POST",
        title: nb("Send søknad"),
      },
    ],
    transmissions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000321",
        createdAt: "2026-11-21T09:30:00.000Z",
        type: "Request",
        sender: serviceOwner(),
        isOpened: false,
        content: {
          title: text("Vi trenger mer informasjon"),
          contentReference: {
            value: nb(`${SP}/service-provider/fce/${DIALOG_ID.fishingLicence}/transmissions/019ad0c2-7000-7a3b-9c4d-000000000321`),
            // Legacy HTML, as content migrated from Altinn 2 comes (docs/fidelity.md): the portal keeps allow-listed tags only.
            mediaType: MEDIA_TYPE.embedHtml,
          },
        },
        attachments: [],
        navigationalActions: [],
      },
    ],
    fromServiceOwnerTransmissionsCount: 1,
  }),
  base(DIALOG_ID.buildingPermit, {
    org: "dibk",
    serviceResource: RESOURCE.buildingPermit,
    party: PARTY.ola,
    status: "Awaiting",
    content: {
      title: text("Byggesøknad: tilbygg, Sandveien 7"),
      summary: text("Søknaden er til behandling. Krever innlogging på nivå høyt (4)."),
      senderName: text("Direktoratet for byggkvalitet (sandbox)"),
    },
    guiActions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000401",
        action: "read",
        url: `${SP}/service-provider/app/${DIALOG_ID.buildingPermit}`,
        isDeleteDialogAction: false,
        priority: "Primary",
        httpMethod: "GET",
        title: nb("Se søknaden"),
      },
    ],
  }),
  // Soft-deleted by the service owner: whoever may read it gets 410 Gone, everyone else 403 (docs/real-systems.md §9).
  base(DIALOG_ID.deletedVatReturn, {
    org: "skd",
    serviceResource: RESOURCE.vatReturn,
    party: PARTY.bakery,
    status: "Completed",
    deletedAt: "2026-11-25T12:00:00.000Z",
    content: {
      title: text("Slettet: MVA-melding for 4. termin 2026"),
      summary: text("Denne dialogen er slettet av tjenesteeieren."),
      senderName: text("Skatteetaten (sandbox)"),
    },
    guiActions: [
      {
        id: "019ad0c2-7000-7a3b-9c4d-000000000501",
        action: "read",
        url: `${SP}/service-provider/app/${DIALOG_ID.deletedVatReturn}`,
        isDeleteDialogAction: false,
        priority: "Primary",
        httpMethod: "GET",
        title: nb("Se meldingen"),
      },
    ],
  }),
];
