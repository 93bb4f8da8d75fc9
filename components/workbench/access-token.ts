import { principalFromClaims, type PrincipalResult } from "@/lib/altinn/principal";
import { scopesOf } from "@/lib/shared/idp-tokens";
import type { Text } from "../i18n/text";
import type { Json } from "./model";

/**
 * The access token of step 0, read the way Dialogporten reads it (lib/altinn/principal.ts, after
 * `ClaimsPrincipalExtensions.cs`): which claims matter, and what steps 1–2 then decide on. The principal is
 * computed by the same function Dialogporten's mock uses, so the page cannot tell a different story.
 */

interface AccessClaimRow {
  claim: string;
  value: unknown;
  meaning: Text;
}

const MEANING: Record<string, Text> = {
  iss: { en: "Who issued it: ID-porten (people) or Maskinporten (systems).", nb: "Hvem som utstedte det: ID-porten (personer) eller Maskinporten (systemer)." },
  pid: {
    en: "The person's national identity number. Becomes c (urn:altinn:person:identifier-no:…) and the XACML subject in step 1.",
    nb: "Personens fødselsnummer. Blir c (urn:altinn:person:identifier-no:…) og XACML-subjektet i steg 1.",
  },
  acr: {
    en: "How strongly the person signed in. Maps to the authentication level l (substantial = 3, high = 4), checked against the resource's minimum.",
    nb: "Hvor sterkt personen logget inn. Gir sikkerhetsnivået l (betydelig = 3, høyt = 4), som sjekkes mot ressursens minstenivå.",
  },
  amr: { en: "The sign-in method (BankID, MinID …); informative only.", nb: "Innloggingsmetoden (BankID, MinID …); bare til opplysning." },
  scope: {
    en: "What the end-user system may call. Dialogporten requires digdir:dialogporten (or …noconsent), or refuses with missing_scope.",
    nb: "Hva sluttbrukersystemet får kalle. Dialogporten krever digdir:dialogporten (eller …noconsent), ellers avviser den med missing_scope.",
  },
  authorization_details: {
    en: "The system user (type urn:altinn:systemuser): its id becomes y and the XACML subject, systemuser_org becomes o, the party it acts for.",
    nb: "Systembrukeren (type urn:altinn:systemuser): id-en blir y og XACML-subjektet, systemuser_org blir o, parten den handler for.",
  },
  consumer: {
    en: "The organisation whose system calls (Maskinporten client). Becomes c for a system user.",
    nb: "Organisasjonen som eier systemet som kaller (Maskinporten-klienten). Blir c for en systembruker.",
  },
  supplier: { en: "A vendor acting for the consumer; becomes u.", nb: "En leverandør som handler for konsumenten; blir u." },
  email: {
    en: "A self-registered e-mail user's address; becomes c (urn:altinn:person:idporten-email:…).",
    nb: "E-postadressen til en selvregistrert bruker; blir c.",
  },
  "urn:altinn:userid": {
    en: "Altinn's user id; when present it is the XACML subject instead of pid or the system user.",
    nb: "Altinns bruker-id; når den finnes, er den XACML-subjektet i stedet for pid eller systembrukeren.",
  },
  client_id: { en: "The end-user system's client at the identity provider.", nb: "Sluttbrukersystemets klient hos identitetsleverandøren." },
  sub: { en: "A pairwise subject at ID-porten; Dialogporten does not use it.", nb: "Et parvis subjekt hos ID-porten; Dialogporten bruker det ikke." },
  iat: { en: "Issued at (seconds since 1970, UTC).", nb: "Utstedt (sekunder siden 1970, UTC)." },
  exp: {
    en: "Expires; Dialogporten refuses an expired access token (invalid_access_token).",
    nb: "Utløper; Dialogporten avviser et utløpt tilgangstoken (invalid_access_token).",
  },
  jti: { en: "Token id.", nb: "Token-id." },
};

const OTHER: Text = { en: "Not read by Dialogporten.", nb: "Leses ikke av Dialogporten." };

export function accessClaimRows(claims: Json): AccessClaimRow[] {
  return Object.entries(claims).map(([claim, value]) => ({ claim, value, meaning: MEANING[claim] ?? OTHER }));
}

/** What Dialogporten derives, and so what the dialog token will say and what the PDP is asked about. */
interface AccessReading {
  principal: PrincipalResult;
  /** The scope check Dialogporten makes before anything else. */
  hasDialogportenScope: boolean;
}

export function readAccessToken(claims: Json): AccessReading {
  const scopes = scopesOf(claims);
  return {
    principal: principalFromClaims(claims),
    hasDialogportenScope: scopes.includes("digdir:dialogporten") || scopes.includes("digdir:dialogporten.noconsent"),
  };
}
