import type { ServiceOwner } from "../altinn/resource-registry";

export const serviceOwners: ServiceOwner[] = [
  { org: "skd", orgNumber: "310003018", name: "Skatteetaten (sandbox)" },
  { org: "mdir", orgNumber: "310003026", name: "Miljødirektoratet (sandbox)" },
  { org: "dibk", orgNumber: "310003034", name: "Direktoratet for byggkvalitet (sandbox)" },
];

export function findServiceOwner(org: string): ServiceOwner | undefined {
  return serviceOwners.find((o) => o.org === org);
}
