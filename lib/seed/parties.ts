import { URN } from "../altinn/identifiers";

/** Test identities: synthetic (Tenor-style, month + 80) national identity numbers and 31xxxxxxx test org numbers, all mod-11 valid. */
export const PID = {
  kari: "12888510018",
  ola: "03858040190",
} as const;

export const ORGNO = {
  bakery: "310001376",
  vendor: "310002747",
  supplier: "310003506",
} as const;

export const SYSTEM_USER_ID = "5b8c2a47-3f61-4e0a-9d1c-7a2f4e6b8c10";
export const EMAIL_USER = { email: "siri.selvbetjent@example.com", userId: 20012345, partyId: 51234567 } as const;

export const PARTY = {
  kari: `${URN.person}:${PID.kari}`,
  ola: `${URN.person}:${PID.ola}`,
  bakery: `${URN.organization}:${ORGNO.bakery}`,
  vendor: `${URN.organization}:${ORGNO.vendor}`,
  emailUser: `${URN.idportenEmail}:${EMAIL_USER.email}`,
  supplier: `${URN.organization}:${ORGNO.supplier}`,
} as const;

export const PARTY_NAMES: Record<string, string> = {
  [PARTY.kari]: "Kari Nordmann",
  [PARTY.ola]: "Ola Nordmann",
  [PARTY.bakery]: "Sandbox Bakeri AS",
  [PARTY.vendor]: "Regnskapshuset Sandbox AS",
  [PARTY.emailUser]: "Siri Selvbetjent (e-post)",
  [PARTY.supplier]: "Driftspartner Sandbox AS",
};
