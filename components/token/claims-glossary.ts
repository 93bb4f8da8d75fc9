import { PARTY_NAMES } from "@/lib/seed/parties";
import { serviceResources } from "@/lib/seed/resources";
import { formatAction, parseActions } from "@/lib/altinn/dialog-token";
import { URN } from "@/lib/altinn/identifiers";
import type { Locale } from "../i18n/locale";
import { fill, type Text } from "../i18n/text";
import type { SourceLink } from "../ui/link-list";

/** Where a reader can check what the glossary says: the Dialogporten documentation, an RFC, an issue. */
export type Source = SourceLink;

// The docs' claim table (docs/real-systems.md §1.6); the RFCs define the registered claims and header parameters.
const DOCS: Source = {
  href: "https://docs.altinn.studio/dialogporten/reference/authorization/dialog-tokens/",
  label: "Dialogporten: dialog tokens",
};
const rfc7519 = (section: string): Source => ({ href: `https://www.rfc-editor.org/rfc/rfc7519#section-${section}`, label: `RFC 7519 §${section}` });
const ISSUE_4043: Source = { href: "https://github.com/Altinn/dialogporten/issues/4043", label: "Dialogporten #4043" };

export interface ClaimEntry {
  claim: string;
  name: Text;
  meaning: Text;
  sources: Source[];
}

/** What each dialog-token claim means in Altinn terms (docs/real-systems.md §1). Order = the generator's claim order. */
export const CLAIM_GLOSSARY: ClaimEntry[] = [
  {
    claim: "jti",
    name: { en: "Token id", nb: "Token-id" },
    meaning: {
      en: "A random UUID, new for every token. Dialogporten mints a fresh token on every GET of the dialog; a provider can use jti to spot replays.",
      nb: "En tilfeldig UUID, ny for hvert token. Dialogporten lager et nytt token ved hver GET av dialogen; en tjenestetilbyder kan bruke jti til å oppdage gjenbruk.",
    },
    sources: [rfc7519("4.1.7")],
  },
  {
    claim: "c",
    name: { en: "Consumer: who signed in", nb: "Konsument: hvem som logget inn" },
    meaning: {
      en: "A person (urn:altinn:person:identifier-no:<national identity number>), an ID-porten e-mail user (urn:altinn:person:idporten-email:<e-mail>), or for a system user the organisation whose system calls (urn:altinn:organization:identifier-no:<org. no.>).",
      nb: "En person (urn:altinn:person:identifier-no:<fødselsnummer>), en ID-porten-bruker med e-post (urn:altinn:person:idporten-email:<e-post>), eller for en systembruker organisasjonen som eier systemet som kaller (urn:altinn:organization:identifier-no:<org.nr.>).",
    },
    sources: [DOCS],
  },
  {
    claim: "y",
    name: { en: "System user", nb: "Systembruker" },
    meaning: {
      en: "Only for system users (Maskinporten): urn:altinn:systemuser:uuid:<id>, the system user that acts.",
      nb: "Bare for systembrukere (Maskinporten): urn:altinn:systemuser:uuid:<id>, systembrukeren som handler.",
    },
    sources: [],
  },
  {
    claim: "o",
    name: { en: "System user's owner", nb: "Systembrukerens eier" },
    meaning: {
      en: "Only for system users: the organisation that owns the system user and on whose behalf it acts.",
      nb: "Bare for systembrukere: organisasjonen som eier systembrukeren og som den handler på vegne av.",
    },
    sources: [],
  },
  {
    claim: "u",
    name: { en: "Supplier", nb: "Leverandør" },
    meaning: {
      en: "Only when the Maskinporten token carries a supplier: the vendor organisation acting for the consumer.",
      nb: "Bare når Maskinporten-tokenet har en leverandør: leverandørorganisasjonen som handler for konsumenten.",
    },
    sources: [DOCS],
  },
  {
    claim: "l",
    name: { en: "Authentication level", nb: "Sikkerhetsnivå" },
    meaning: {
      en: "An integer: 0 = self-registered or low, 3 = substantial (e.g. MinID), 4 = high (e.g. BankID); system users count as 3. A provider compares it with the resource's minimum.",
      nb: "Et heltall: 0 = selvregistrert eller lavt, 3 = betydelig (f.eks. MinID), 4 = høyt (f.eks. BankID); systembrukere regnes som 3. En tjenestetilbyder sammenligner det med ressursens minstekrav.",
    },
    sources: [DOCS],
  },
  {
    claim: "p",
    name: { en: "Party: on whose behalf", nb: "Part: på vegne av hvem" },
    meaning: {
      en: "The dialog's party, a person or organisation URN. May differ from c, e.g. a general manager acting for a company.",
      nb: "Dialogens part, en URN for en person eller organisasjon. Kan være en annen enn c, f.eks. en daglig leder som handler for et selskap.",
    },
    sources: [DOCS],
  },
  {
    claim: "s",
    name: { en: "Service resource", nb: "Tjenesteressurs" },
    meaning: {
      en: "The resource in the Altinn resource registry the dialog belongs to; its policy produced the decisions behind a.",
      nb: "Ressursen i Altinn ressursregister som dialogen hører til; policyen dens ga avgjørelsene bak a.",
    },
    sources: [DOCS],
  },
  {
    claim: "i",
    name: { en: "Dialog id", nb: "Dialog-id" },
    meaning: {
      en: "The dialog this token was issued for (a lowercase UUIDv7). A provider must check it equals the dialog in its own URL.",
      nb: "Dialogen tokenet ble utstedt for (en UUIDv7 med små bokstaver). En tjenestetilbyder må kontrollere at den er lik dialogen i sin egen URL.",
    },
    sources: [DOCS],
  },
  {
    claim: "a",
    name: { en: "Authorized actions", nb: "Autoriserte handlinger" },
    meaning: {
      en: "Every (action, authorization attribute) pair of the dialog that Altinn Authorization permitted, separated by ';'. An entry with an attribute is action,attribute and grants only that pair. Empty when nothing was permitted.",
      nb: "Hvert par (handling, autorisasjonsattributt) i dialogen som Altinn Autorisasjon ga Permit, skilt med ';'. En oppføring med attributt skrives handling,attributt og gir bare det paret. Tom når ingenting ble tillatt.",
    },
    sources: [DOCS, ISSUE_4043],
  },
  {
    claim: "iss",
    name: { en: "Issuer", nb: "Utsteder" },
    meaning: {
      en: "Dialogporten's base URI + /api/v1, e.g. https://platform.altinn.no/dialogporten/api/v1 in production or …tt02.altinn.no… in staging. Compare it exactly.",
      nb: "Dialogportens basis-URI + /api/v1, f.eks. https://platform.altinn.no/dialogporten/api/v1 i produksjon eller …tt02.altinn.no… i testmiljøet. Sammenlign den nøyaktig.",
    },
    sources: [rfc7519("4.1.1"), DOCS],
  },
  {
    claim: "iat",
    name: { en: "Issued at", nb: "Utstedt" },
    meaning: {
      en: "When Dialogporten signed the token, in seconds since 1970-01-01 UTC.",
      nb: "Når Dialogporten signerte tokenet, i sekunder siden 1970-01-01 UTC.",
    },
    sources: [rfc7519("4.1.6")],
  },
  {
    claim: "nbf",
    name: { en: "Not before", nb: "Ikke før" },
    meaning: {
      en: "Equal to iat. Refuse earlier use, allowing a few seconds of clock skew.",
      nb: "Lik iat. Avvis bruk før dette, med noen sekunders slingringsmonn for klokkeavvik.",
    },
    sources: [rfc7519("4.1.5")],
  },
  {
    claim: "exp",
    name: { en: "Expires", nb: "Utløper" },
    meaning: {
      en: "iat + 600: a dialog token lives 10 minutes, short so revoked rights stop working soon. Fetch the dialog again for a fresh one.",
      nb: "iat + 600: et dialogtoken lever i 10 minutter, kort slik at tilbakekalte rettigheter slutter å virke raskt. Hent dialogen på nytt for å få et nytt.",
    },
    sources: [rfc7519("4.1.4"), DOCS],
  },
];

/** The JOSE header's parameters (docs/real-systems.md §1.3). */
export const HEADER_GLOSSARY: { param: string; meaning: Text; sources: Source[] }[] = [
  {
    param: "alg",
    meaning: {
      en: "EdDSA: an Ed25519 signature (RFC 8037). RFC 9864 names it Ed25519; Dialogporten still writes EdDSA.",
      nb: "EdDSA: en Ed25519-signatur (RFC 8037). RFC 9864 kaller den Ed25519; Dialogporten skriver fortsatt EdDSA.",
    },
    sources: [{ href: "https://www.rfc-editor.org/rfc/rfc8037#section-3.1", label: "RFC 8037 §3.1" }],
  },
  {
    param: "typ",
    meaning: {
      en: "JWT. Dialogporten keeps the plain type for compatibility with strict JWT libraries.",
      nb: "JWT. Dialogporten beholder den enkle typen for å være kompatibel med strenge JWT-biblioteker.",
    },
    sources: [rfc7519("5.1")],
  },
  {
    param: "kid",
    meaning: {
      en: "Which key in Dialogporten's JWKS signed it. The JWKS always holds two keys; the primary signs.",
      nb: "Hvilken nøkkel i Dialogportens JWKS som signerte. JWKS-en har alltid to nøkler; den primære signerer.",
    },
    sources: [{ href: "https://www.rfc-editor.org/rfc/rfc7515#section-4.1.4", label: "RFC 7515 §4.1.4" }],
  },
];

export const LEVELS: Record<number, Text> = {
  0: { en: "self-registered / low", nb: "selvregistrert / lavt" },
  1: { en: "low", nb: "lavt" },
  2: { en: "basic", nb: "grunnleggende" },
  3: { en: "substantial", nb: "betydelig" },
  4: { en: "high", nb: "høyt" },
};

/** Reads an Altinn URN aloud: what kind of identifier it is, and whose, when the seed knows. */
export function describeUrn(value: string, locale: Locale = "en"): string | null {
  const t = (text: Text, values: Record<string, string | number>) => fill(text, locale, values);
  const name = PARTY_NAMES[value];
  const tail = (prefix: string) => value.slice(prefix.length + 1);
  const who = name ? ` (${name})` : "";
  if (value.startsWith(`${URN.person}:`))
    return t({ en: "Person, national identity number {id}{who}", nb: "Person, fødselsnummer {id}{who}" }, { id: tail(URN.person), who });
  if (value.startsWith(`${URN.organization}:`))
    return t({ en: "Organisation, org. no. {id}{who}", nb: "Organisasjon, org.nr. {id}{who}" }, { id: tail(URN.organization), who });
  if (value.startsWith(`${URN.systemUser}:`)) return t({ en: "System user {id}", nb: "Systembruker {id}" }, { id: tail(URN.systemUser) });
  if (value.startsWith(`${URN.idportenEmail}:`))
    return t({ en: "ID-porten e-mail user {id}{who}", nb: "ID-porten-bruker med e-post {id}{who}" }, { id: tail(URN.idportenEmail), who });
  if (value.startsWith("urn:altinn:resource:")) {
    const r = serviceResources.find((x) => x.id === value);
    return r
      ? t(
          { en: "Resource {title}, owned by {org}, minimum level {level}", nb: "Ressursen {title}, eid av {org}, minste sikkerhetsnivå {level}" },
          { title: r.title, org: r.org, level: r.minimumAuthenticationLevel },
        )
      : t({ en: "Resource {id}", nb: "Ressursen {id}" }, { id: value.slice("urn:altinn:resource:".length) });
  }
  return null;
}

/** The `a` claim split into its entries: action plus (optional) authorization attribute. */
export function splitActions(a: string, locale: Locale = "en"): { entry: string; action: string; attribute?: string; reading: string }[] {
  const t = (text: Text, values: Record<string, string | number>) => fill(text, locale, values);
  return parseActions(a).map((ref) => {
    const attr = ref.attribute;
    const action = ref.name;
    const reading = !attr
      ? t({ en: "{action} on the dialog's main resource", nb: "{action} på dialogens hovedressurs" }, { action })
      : attr.startsWith("urn:altinn:task:")
        ? t(
            { en: "{action} only while the process is in task {task}", nb: "{action} bare mens prosessen er i oppgaven {task}" },
            {
              action,
              task: attr.slice("urn:altinn:task:".length),
            },
          )
        : attr.startsWith("urn:altinn:subresource:")
          ? t({ en: "{action} on subresource {sub}", nb: "{action} på underressursen {sub}" }, { action, sub: attr.slice("urn:altinn:subresource:".length) })
          : t({ en: "{action} on {attr}", nb: "{action} på {attr}" }, { action, attr });
    return { entry: formatAction(ref), action: ref.name, attribute: attr, reading };
  });
}
