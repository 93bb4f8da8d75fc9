import { EMAIL_USER, ORGNO, PARTY, PID, SYSTEM_USER_ID } from "./parties";

export type PersonaId = "kari" | "ola" | "system-user" | "email-user" | "supplier-system-user";

/**
 * Who signs in at step 0, and the claims the mock ID-porten/Maskinporten puts in their access token.
 * The claim shapes follow what Dialogporten reads (`ClaimsPrincipalExtensions.cs`).
 */
export interface Persona {
  id: PersonaId;
  name: string;
  summary: string;
  provider: "ID-porten" | "Maskinporten";
  /** Parties this persona can pick in the UI; the first is the default. */
  parties: string[];
  claims: Record<string, unknown>;
}

export const personas: Persona[] = [
  {
    id: "kari",
    name: "Kari Nordmann",
    summary: "Person, signed in with ID-porten at level high (4). Acts for herself.",
    provider: "ID-porten",
    parties: [PARTY.kari],
    claims: { pid: PID.kari, acr: "idporten-loa-high", amr: ["BankID"], scope: "digdir:dialogporten openid" },
  },
  {
    id: "ola",
    name: "Ola Nordmann",
    summary: "Person at level substantial (3); daglig leder (DAGL) of Sandbox Bakeri AS.",
    provider: "ID-porten",
    parties: [PARTY.bakery, PARTY.ola],
    claims: { pid: PID.ola, acr: "idporten-loa-substantial", amr: ["MinID-OTC"], scope: "digdir:dialogporten openid" },
  },
  {
    id: "system-user",
    name: "Regnskapssystem (system user)",
    summary: "A vendor's accounting system acting as Sandbox Bakeri AS's system user, through Maskinporten.",
    provider: "Maskinporten",
    parties: [PARTY.bakery],
    claims: {
      authorization_details: [
        {
          type: "urn:altinn:systemuser",
          systemuser_id: [SYSTEM_USER_ID],
          systemuser_org: { authority: "iso6523-actorid-upis", ID: `0192:${ORGNO.bakery}` },
          system_id: "sandbox_regnskap",
        },
      ],
      consumer: { authority: "iso6523-actorid-upis", ID: `0192:${ORGNO.vendor}` },
      scope: "digdir:dialogporten",
    },
  },
  {
    id: "email-user",
    name: "Siri Selvbetjent",
    summary: "Self-registered e-mail user (level 0), through ID-porten; acts only for herself.",
    provider: "ID-porten",
    parties: [PARTY.emailUser],
    claims: {
      email: EMAIL_USER.email,
      acr: "selfregistered-email",
      amr: ["Selfregistered-email"],
      "urn:altinn:userid": String(EMAIL_USER.userId),
      "urn:altinn:partyid": String(EMAIL_USER.partyId),
      scope: "digdir:dialogporten",
    },
  },
  {
    id: "supplier-system-user",
    name: "Regnskapssystem via driftspartner (supplier)",
    summary: "The same system user, but its Maskinporten token was fetched by a supplier (Driftspartner Sandbox AS), so the dialog token carries u.",
    provider: "Maskinporten",
    parties: [PARTY.bakery],
    claims: {
      authorization_details: [
        {
          type: "urn:altinn:systemuser",
          systemuser_id: [SYSTEM_USER_ID],
          systemuser_org: { authority: "iso6523-actorid-upis", ID: `0192:${ORGNO.bakery}` },
          system_id: "sandbox_regnskap",
        },
      ],
      consumer: { authority: "iso6523-actorid-upis", ID: `0192:${ORGNO.vendor}` },
      // Maskinporten's delegation: the supplier asked for the token on the consumer's behalf (docs/real-systems.md §1.2, claim u).
      supplier: { authority: "iso6523-actorid-upis", ID: `0192:${ORGNO.supplier}` },
      scope: "digdir:dialogporten",
    },
  },
];

export function findPersona(id: string): Persona | undefined {
  return personas.find((p) => p.id === id);
}
