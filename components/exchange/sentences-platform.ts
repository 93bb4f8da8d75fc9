import type { Text } from "../i18n/text";
import type { ServiceCode } from "./explain";

/** Altinn Authorization's refusals of a malformed XACML request, the mock identity providers, and what every service's router says. */
export const PLATFORM_SENTENCES = {
  // Altinn Authorization: the XACML request is refused before any policy is read
  unreadable_body: { en: "The request body could not be read.", nb: "Forespørselens body kunne ikke leses." },
  not_an_object: { en: "The XACML request body is not a JSON object.", nb: "XACML-forespørselens body er ikke et JSON-objekt." },
  missing_request: { en: "The XACML JSON body has no Request member.", nb: "XACML-JSON-bodyen har ikke noe Request-felt." },
  invalid_category: {
    en: "An XACML category (AccessSubject, Action, Resource) is malformed.",
    nb: "En XACML-kategori (AccessSubject, Action, Resource) er feilformet.",
  },
  invalid_attribute: {
    en: "An XACML attribute is malformed: it needs a string AttributeId and Value.",
    nb: "Et XACML-attributt er feilformet: det trenger AttributeId og Value som strenger.",
  },
  invalid_multi_requests: { en: "MultiRequests is malformed.", nb: "MultiRequests er feilformet." },
  missing_category: {
    en: "The request lacks a category every decision needs (subject, action or resource).",
    nb: "Forespørselen mangler en kategori enhver beslutning trenger (subjekt, handling eller ressurs).",
  },
  duplicate_category_id: {
    en: "Two categories share one Id, so a reference to it is ambiguous.",
    nb: "To kategorier har samme Id, så en referanse til den er tvetydig.",
  },
  empty_multi_requests: {
    en: "MultiRequests lists no RequestReference, so there is nothing to decide.",
    nb: "MultiRequests har ingen RequestReference, så det er ingenting å avgjøre.",
  },
  too_many_references: {
    en: "The request asks for more decisions at once than the PDP accepts.",
    nb: "Forespørselen ber om flere beslutninger på én gang enn PDP-en godtar.",
  },
  unknown_reference_id: {
    en: "A RequestReference names a category id the request does not have.",
    nb: "En RequestReference viser til en kategori-id forespørselen ikke har.",
  },
  ambiguous_reference: {
    en: "A RequestReference names more than one category of the same kind.",
    nb: "En RequestReference viser til mer enn én kategori av samme slag.",
  },
  incomplete_reference: {
    en: "A RequestReference lacks a subject, action or resource.",
    nb: "En RequestReference mangler subjekt, handling eller ressurs.",
  },
  // OAuth token endpoint (mock ID-porten / Maskinporten)
  invalid_request: {
    en: "The request is malformed: the identity provider's sign-in form, or the XACML request to Altinn Authorization.",
    nb: "Forespørselen er feilformet: innloggingsskjemaet til identitetsleverandøren, eller XACML-forespørselen til Altinn Autorisasjon.",
  },
  unsupported_grant_type: {
    en: "The identity provider does not support this grant type.",
    nb: "Identitetsleverandøren støtter ikke denne grant-typen.",
  },
  invalid_grant: {
    en: "The identity provider knows no such persona or service owner, or not at this endpoint (ID-porten or Maskinporten).",
    nb: "Identitetsleverandøren kjenner ingen slik persona eller tjenesteeier, eller ikke på dette endepunktet (ID-porten eller Maskinporten).",
  },
  invalid_scope: { en: "The identity provider does not grant the scope asked for.", nb: "Identitetsleverandøren gir ikke scopet det ble bedt om." },
  // Any service: the shared router, limits and fault headers
  method_not_allowed: { en: "The endpoint does not accept this HTTP method.", nb: "Endepunktet godtar ikke denne HTTP-metoden." },
  not_found: { en: "There is no such endpoint or resource.", nb: "Det finnes ikke noe slikt endepunkt eller noen slik ressurs." },
  internal_error: {
    en: "The service failed unexpectedly; this is a bug in the sandbox.",
    nb: "Tjenesten feilet uventet; dette er en feil i sandkassen.",
  },
  unsupported_media_type: {
    en: "The body was sent with a Content-Type this endpoint does not take.",
    nb: "Bodyen ble sendt med en Content-Type dette endepunktet ikke tar imot.",
  },
  malformed_json: { en: "The body is not valid UTF-8 JSON.", nb: "Bodyen er ikke gyldig UTF-8-JSON." },
  body_too_large: { en: "The body is larger than this endpoint accepts.", nb: "Bodyen er større enn dette endepunktet godtar." },
  request_header_too_large: {
    en: "The request's headers are larger than the service accepts.",
    nb: "Forespørselens headere er større enn tjenesten godtar.",
  },
  fault_invalid: {
    en: "The sandbox-fault header names a fault the sandbox does not know.",
    nb: "Headeren sandbox-fault oppgir en feil sandkassen ikke kjenner.",
  },
  clock_offset_invalid: {
    en: "The sandbox-clock-offset header is not whole seconds within an hour either way.",
    nb: "Headeren sandbox-clock-offset er ikke hele sekunder innenfor én time i hver retning.",
  },
} as const satisfies Partial<Record<ServiceCode, Text>>;
