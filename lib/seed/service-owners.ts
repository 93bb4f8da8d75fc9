import { URN } from "../shared/identifiers";

/**
 * The service owners behind the seed dialogs (`Dialog.org`), as the resource registry knows them.
 * Organisation numbers are synthetic 31xxxxxxx test numbers, mod-11 valid — not the agencies' real ones.
 * A Maskinporten token's `consumer` (`0192:<orgNumber>`) tells Dialogporten which owner is calling.
 */
export interface ServiceOwner {
  /** The short code Dialogporten puts in `Dialog.org`. */
  org: string;
  orgNumber: string;
  name: string;
}

export const serviceOwners: ServiceOwner[] = [
  { org: "skd", orgNumber: "310003018", name: "Skatteetaten (sandbox)" },
  { org: "mdir", orgNumber: "310003026", name: "Miljødirektoratet (sandbox)" },
  { org: "dibk", orgNumber: "310003034", name: "Direktoratet for byggkvalitet (sandbox)" },
];

export function findServiceOwner(org: string): ServiceOwner | undefined {
  return serviceOwners.find((o) => o.org === org);
}

export function serviceOwnerByOrgNumber(orgNumber: string): ServiceOwner | undefined {
  return serviceOwners.find((o) => o.orgNumber === orgNumber);
}

export const serviceOwnerUrn = (o: ServiceOwner) => `${URN.organization}:${o.orgNumber}`;
