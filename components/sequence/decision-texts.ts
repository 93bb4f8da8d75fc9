import type { Locale } from "../i18n/locale";
import { translate, type Translated } from "../i18n/patterns";

/**
 * The Decision tab's "why" column in the reader's language. Dialogporten's trace (lib/dialogporten/decorate.ts)
 * says in English why each element got its isAuthorized; the seed policies' rule descriptions are English too.
 */
const REASONS = [
  { en: 'no permitted pair has action "{action}"', nb: "ingen tillatt kombinasjon har handlingen «{action}»" },
  {
    en: '"{action}" is permitted somewhere and the user has access to the main resource',
    nb: "«{action}» er tillatt et sted, og brukeren har tilgang til hovedressursen",
  },
  { en: "no access to the main resource", nb: "ingen tilgang til hovedressursen" },
  { en: "neither (transmissionread, {attr}) nor (read, {attr2}) was permitted", nb: "verken (transmissionread, {attr}) eller (read, {attr2}) var tillatt" },
  { en: "({pair}) was not permitted", nb: "({pair}) var ikke tillatt" },
  { en: "({pair}) was permitted", nb: "({pair}) var tillatt" },
  { en: "no attribute: access to the main resource suffices", nb: "ingen attributt: tilgang til hovedressursen er nok" },
] as const;

export const decisionReason = (rule: string, locale: Locale): Translated => translate(REASONS, rule, locale);

/** The PDP's explanation when no rule decided (lib/authorization/decide.ts); other details stay English, marked so. */
const DETAILS = [
  { en: "There is no policy for {resource}, so nothing applies.", nb: "Det finnes ingen policy for {resource}, så ingenting gjelder." },
  {
    en: "{subject} holds no role or access package for {party}, so no rule of the {resource} policy can apply.",
    nb: "{subject} har ingen rolle eller tilgangspakke for {party}, så ingen regel i policyen {resource} kan gjelde.",
  },
  {
    en: 'No rule of the {resource} policy gives "{action}" on {attributes} to a holder of {roles}.',
    nb: "Ingen regel i policyen {resource} gir «{action}» på {attributes} til en som har {roles}.",
  },
  {
    en: 'No rule of the {resource} policy gives "{action}" to a holder of {roles}.',
    nb: "Ingen regel i policyen {resource} gir «{action}» til en som har {roles}.",
  },
] as const;

export const decisionDetail = (detail: string, locale: Locale): Translated => translate(DETAILS, detail, locale);

/** The seed policies' rule descriptions (lib/seed/policies.ts) in Norwegian; a workspace's own wording shows as written. */
const RULE_NB: Readonly<Record<string, string>> = {
  "The person may read and submit their own tax return.": "Personen kan lese og sende inn sin egen skattemelding.",
  "The person may delete a draft while it is in Task_1.": "Personen kan slette et utkast mens det er i Task_1.",
  "The person may read the tax assessment (subresource vedtak).": "Personen kan lese skatteoppgjøret (underressursen vedtak).",
  "Daglig leder may read and fill in the VAT return.": "Daglig leder kan lese og fylle ut mva-meldingen.",
  "Daglig leder may sign in the signing task (Task_2).": "Daglig leder kan signere i signeringsoppgaven (Task_2).",
  "Daglig leder may delete the return while it is a draft (Task_1).": "Daglig leder kan slette meldingen mens den er et utkast (Task_1).",
  "Daglig leder may read the auditor's report (subresource revisjon).": "Daglig leder kan lese revisorens rapport (underressursen revisjon).",
  "Holders of the access package Merverdiavgift may read and fill in the return.": "De som har tilgangspakken Merverdiavgift, kan lese og fylle ut meldingen.",
  "Signing needs a person: the access package alone may not sign.": "Signering krever en person: tilgangspakken alene kan ikke signere.",
  "Anyone acting for themselves may read and send their own application.": "Alle som handler for seg selv, kan lese og sende sin egen søknad.",
  "Daglig leder may read the catch report (subresource fangstrapport) and nothing else: list authorization.":
    "Daglig leder kan lese fangstrapporten (underressursen fangstrapport) og ikke noe annet: listeautorisasjon.",
  "The applicant may read and update their building application.": "Søkeren kan lese og oppdatere byggesøknaden sin.",
};

export const ruleDescription = (description: string, locale: Locale): string => (locale === "nb" ? (RULE_NB[description] ?? description) : description);
