import type { ServiceResource } from "../altinn/resource-registry";

export const RESOURCE = {
  taxReturn: "urn:altinn:resource:sandbox-skattemelding",
  vatReturn: "urn:altinn:resource:sandbox-mva-melding",
  fishingLicence: "urn:altinn:resource:sandbox-fiskekort",
  buildingPermit: "urn:altinn:resource:sandbox-byggesak",
} as const;

export const serviceResources: ServiceResource[] = [
  { id: RESOURCE.taxReturn, title: "Skattemelding (sandbox)", org: "skd", minimumAuthenticationLevel: 3 },
  { id: RESOURCE.vatReturn, title: "MVA-melding (sandbox)", org: "skd", minimumAuthenticationLevel: 3 },
  { id: RESOURCE.fishingLicence, title: "Fiskekort (sandbox)", org: "mdir", minimumAuthenticationLevel: 0 },
  { id: RESOURCE.buildingPermit, title: "Byggesøknad (sandbox)", org: "dibk", minimumAuthenticationLevel: 4 },
];
