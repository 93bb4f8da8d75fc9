import type { Text } from "../i18n/text";
import type { Attributes, Holder } from "./policy-model";

/** The page's introduction (the server component renders it above the editor). */
export const POLICY_INTRO: Text = {
  en: "Who may do what on which resource, task or subresource, and the authentication level each resource demands. Altinn Authorization decides with these rules in your workspace only: run the sequence again and the decision, the deciding rule, the token's a and isAuthorized follow. The shared default workspace keeps the seed's.",
  nb: "Hvem som kan gjøre hva på hvilken ressurs, oppgave eller underressurs, og hvilket sikkerhetsnivå hver ressurs krever. Altinn Autorisasjon avgjør med disse reglene bare i ditt arbeidsområde: kjør sekvensen på nytt, så endres beslutningen, den avgjørende regelen, tokenets a og isAuthorized tilsvarende. Det delte standardområdet beholder startdataenes regler.",
};

/** Role codes and access packages in words; the code itself is shown beside the name. */
const ROLE_NAMES: Readonly<Record<string, Text>> = {
  "urn:altinn:rolecode:PRIV": { en: "Private person", nb: "Privatperson" },
  "urn:altinn:rolecode:DAGL": { en: "General manager", nb: "Daglig leder" },
  "urn:altinn:accesspackage:merverdiavgift": { en: "Access package VAT", nb: "Tilgangspakke merverdiavgift" },
};

export const roleName = (role: string): Text | undefined => ROLE_NAMES[role];

/** The code as Altinn writes it last in the URN: `PRIV`, `merverdiavgift`. */
export const shortCode = (urn: string): string => urn.split(":").at(-1) ?? urn;

/** "Kari Nordmann (self) · Ola Nordmann for Sandbox Bakeri AS": who holds a role, for whom. */
export function holdersText(holders: Holder[]): Text {
  if (holders.length === 0) return { en: "No persona holds it in the seed.", nb: "Ingen persona har den i startdataene." };
  const list = (self: string, on: string) => holders.map((h) => (h.self ? `${h.persona} (${self})` : `${h.persona} ${on} ${h.party}`)).join(" · ");
  return { en: list("self", "for"), nb: list("for seg selv", "for") };
}

const ATTRIBUTE_KIND: Readonly<Record<string, Text>> = {
  "urn:altinn:subresource": { en: "subresource", nb: "underressurs" },
  "urn:altinn:task": { en: "task", nb: "oppgave" },
};

/** What a rule applies to: "Any subresource or task", "task Task_1", "subresource vedtak". */
export function attributesText(list: Attributes): Text {
  if (list.length === 0) return { en: "Any subresource or task", nb: "Alle underressurser og oppgaver" };
  const one = (lang: keyof Text) => (a: Attributes[number]) => `${ATTRIBUTE_KIND[a.id]?.[lang] ?? a.id} ${a.value}`;
  return { en: list.map(one("en")).join(" and "), nb: list.map(one("nb")).join(" og ") };
}
