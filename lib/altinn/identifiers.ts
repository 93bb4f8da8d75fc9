/** Norwegian identifiers and Altinn party URNs (Dialogporten `Domain/Parties/`). */

export const URN = {
  person: "urn:altinn:person:identifier-no",
  organization: "urn:altinn:organization:identifier-no",
  systemUser: "urn:altinn:systemuser:uuid",
  idportenEmail: "urn:altinn:person:idporten-email",
} as const;

const FNR_W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const FNR_W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const ORG_W = [3, 2, 7, 6, 5, 4, 3, 2];

function mod11(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

/** 11-digit fødselsnummer/d-nummer with both mod-11 control digits. */
export function isValidNationalIdentityNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const d = [...value].map(Number);
  const k1 = mod11(d, FNR_W1);
  const k2 = mod11(d, FNR_W2);
  return k1 === d[9] && k2 === d[10];
}

/** 9-digit organisasjonsnummer with its mod-11 control digit. */
export function isValidOrganizationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  return mod11(d, ORG_W) === d[8];
}

export const isGuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** Splits an URN at its last `:` — how Dialogporten turns URNs into XACML attributes. */
export function splitUrn(value: string): { id: string; value: string } {
  const at = value.lastIndexOf(":");
  return at < 0 ? { id: "", value } : { id: value.slice(0, at), value: value.slice(at + 1) };
}
