import type { Dialog, Localization } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";
import { PARTY, PARTY_NAMES } from "./parties";
import { RESOURCE } from "./resources";

/** `{sp}` in any URL is replaced with the service provider's public base URL when a dialog is served. */
const SP = "{sp}";

const nb = (value: string): Localization[] => [{ value, languageCode: "nb" }];
const text = (value: string) => ({ value: nb(value), mediaType: MEDIA_TYPE.plain });
const serviceOwner = (name: string) => ({ actorType: "ServiceOwner" as const, actorName: name });

export const DIALOG_ID = {
  taxReturn: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01",
  vatReturn: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02",
  fishingLicence: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c03",
  buildingPermit: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c04",
} as const;

function base(id: string, fields: Pick<Dialog, "org" | "serviceResource" | "party" | "status" | "content"> & Partial<Dialog>): Dialog {
  return {
    id,
    revision: id.replace(/^.{8}/, "2f0c9a11"),
    serviceResourceType: "GenericAccessResource",
    createdAt: "2026-11-02T08:15:00.000Z",
    updatedAt: "2026-11-20T13:45:00.000Z",
    contentUpdatedAt: "2026-11-20T13:45:00.000Z",
    isApiOnly: false,
    hasUnopenedContent: true,
    systemLabel: "Default",
    fromServiceOwnerTransmissionsCount: 0,
    fromPartyTransmissionsCount: 0,
    attachments: [],
    transmissions: [],
    guiActions: [],
    apiActions: [],
    activities: [
      { id: id.replace(/.{4}$/, "a001"), createdAt: "2026-11-02T08:15:00.000Z", type: "DialogCreated", performedBy: serviceOwner("Sandbox"), description: [] },
    ],
    seenSinceLastUpdate: [],
    seenSinceLastContentUpdate: [],
    isContentSeen: false,
    endUserContext: { revision: id.replace(/^.{8}/, "7e1d3b55"), systemLabels: ["Default"] },
    ...fields,
  };
}

export const seedDialogs: Dialog[] = [
  base(DIALOG_ID.taxReturn, {
    org: "skd",
    serviceResource: RESOURCE.taxReturn,
    party: PARTY.kari,
    status: "RequiresAttention",
    progress: 40,
    process: "urn:altinn:task:Task_1",
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
        sender: serviceOwner("Skatteetaten (sandbox)"),
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
  base(DIALOG_ID.vatReturn, {
    org: "skd",
    serviceResource: RESOURCE.vatReturn,
    party: PARTY.bakery,
    status: "InProgress",
    progress: 25,
    process: "urn:altinn:task:Task_1",
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
        sender: serviceOwner("Skatteetaten (sandbox)"),
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
        sender: serviceOwner("Skatteetaten (sandbox)"),
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
  }),
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
        sender: serviceOwner("Miljødirektoratet (sandbox)"),
        isOpened: false,
        content: {
          title: text("Vi trenger mer informasjon"),
          contentReference: {
            value: nb(`${SP}/service-provider/fce/${DIALOG_ID.fishingLicence}/transmissions/019ad0c2-7000-7a3b-9c4d-000000000321`),
            mediaType: MEDIA_TYPE.embedMarkdown,
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
];
