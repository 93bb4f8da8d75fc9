/** The pieces every seed dialog is made of: ids, localized text, and the fields they share. */
import type { Dialog, Localization } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";

/** `{sp}` in any URL is replaced with the service provider's public base URL when a dialog is served. */
export const SP = "{sp}";

export const nb = (value: string): Localization[] => [{ value, languageCode: "nb" }];
export const text = (value: string) => ({ value: nb(value), mediaType: MEDIA_TYPE.plain });
/** A ServiceOwner actor has neither actorName nor actorId (`ActorValidator.cs`, docs/real-systems.md §9). */
export const serviceOwner = () => ({ actorType: "ServiceOwner" as const });

export const DIALOG_ID = {
  taxReturn: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01",
  vatReturn: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02",
  fishingLicence: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c03",
  buildingPermit: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c04",
  deletedVatReturn: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c05",
} as const;

export function base(id: string, fields: Pick<Dialog, "org" | "serviceResource" | "party" | "status" | "content"> & Partial<Dialog>): Dialog {
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
      { id: id.replace(/.{4}$/, "a001"), createdAt: "2026-11-02T08:15:00.000Z", type: "DialogCreated", performedBy: serviceOwner(), description: [] },
    ],
    seenSinceLastUpdate: [],
    seenSinceLastContentUpdate: [],
    isContentSeen: false,
    endUserContext: { revision: id.replace(/^.{8}/, "7e1d3b55"), systemLabels: ["Default"] },
    ...fields,
  };
}
