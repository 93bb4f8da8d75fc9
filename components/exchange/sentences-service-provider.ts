import type { Text } from "../i18n/text";
import type { ServiceCode } from "./explain";

/** The service provider: RFC 6750 bearer problems, the step-5 checks, write actions (ADR 012) and the legacy path (ADR 013). */
export const SERVICE_PROVIDER_SENTENCES = {
  token_missing: {
    en: "No dialog token arrived: it must be sent as Authorization: Bearer <token>.",
    nb: "Det kom ikke noe dialogtoken: det må sendes som Authorization: Bearer <token>.",
  },
  authorization_header_malformed: {
    en: "The Authorization header is not a well-formed Bearer header.",
    nb: "Authorization-headeren er ikke en korrekt formet Bearer-header.",
  },
  authorization_header_repeated: {
    en: "More than one token was sent; exactly one is accepted.",
    nb: "Det ble sendt mer enn ett token; nøyaktig ett godtas.",
  },
  token_in_query: {
    en: "The token came in the query string, where it leaks into logs; only the Authorization header is accepted.",
    nb: "Tokenet kom i spørrestrengen, der det lekker ut i logger; bare Authorization-headeren godtas.",
  },
  token_in_cookie: {
    en: "The token came in a cookie; only the Authorization header is accepted.",
    nb: "Tokenet kom i en informasjonskapsel; bare Authorization-headeren godtas.",
  },
  // The step-5 checks
  token_malformed: {
    en: "The token is not a well-formed compact JWS with JSON header and claims.",
    nb: "Tokenet er ikke en korrekt formet kompakt JWS med JSON-header og claims.",
  },
  token_too_large: { en: "The token is larger than the service provider accepts.", nb: "Tokenet er større enn tjenestetilbyderen godtar." },
  alg_not_allowed: {
    en: "The token's algorithm is not EdDSA, the only one Dialogporten uses.",
    nb: "Tokenets algoritme er ikke EdDSA, den eneste Dialogporten bruker.",
  },
  header_not_allowed: {
    en: "The token's header tries to say where its key is (jku, jwk, x5u, x5c) or adds crit; keys come only from Dialogporten's JWKS.",
    nb: "Tokenets header prøver å si hvor nøkkelen finnes (jku, jwk, x5u, x5c) eller legger til crit; nøkler hentes bare fra Dialogportens JWKS.",
  },
  kid_missing: { en: "The token's header names no key (kid).", nb: "Tokenets header oppgir ingen nøkkel (kid)." },
  kid_unknown: { en: "No key in Dialogporten's JWKS has the token's kid.", nb: "Ingen nøkkel i Dialogportens JWKS har tokenets kid." },
  signature_invalid: {
    en: "The signature does not verify: the token was altered or signed by another key.",
    nb: "Signaturen lar seg ikke verifisere: tokenet er endret eller signert med en annen nøkkel.",
  },
  typ_invalid: { en: 'The token\'s typ is not "JWT".', nb: 'Tokenets typ er ikke "JWT".' },
  issuer_mismatch: {
    en: "The token was issued by another Dialogporten (or another environment).",
    nb: "Tokenet er utstedt av en annen Dialogporten (eller et annet miljø).",
  },
  token_not_yet_valid: {
    en: "The token's nbf lies in the future, beyond the allowed clock skew.",
    nb: "Tokenets nbf ligger fram i tid, utover tillatt klokkeavvik.",
  },
  token_expired: {
    en: "The token has expired: dialog tokens live 10 minutes; fetch the dialog again for a fresh one.",
    nb: "Tokenet er utløpt: dialogtokener varer i 10 minutter; hent dialogen på nytt for å få et nytt.",
  },
  token_lifetime_invalid: {
    en: "The token's lifetime is not what Dialogporten issues.",
    nb: "Tokenets levetid er ikke den Dialogporten utsteder.",
  },
  dialog_mismatch: {
    en: "The token was issued for another dialog than the one in the URL.",
    nb: "Tokenet er utstedt for en annen dialog enn den i URL-en.",
  },
  action_not_in_token: {
    en: "The token is genuine, but the action asked for is not in its authorized actions (the a claim).",
    nb: "Tokenet er ekte, men handlingen som ble bedt om, er ikke blant de autoriserte handlingene (claimet a).",
  },
  jwks_unavailable: {
    en: "The service provider could not get Dialogporten's keys, so it cannot check any token and refuses (fails closed).",
    nb: "Tjenestetilbyderen fikk ikke hentet Dialogportens nøkler, kan derfor ikke kontrollere noe token og avviser av sikkerhetshensyn.",
  },
  // Write actions (ADR 012) and the legacy path (ADR 013)
  dialog_not_in_task: {
    en: "The token grants this action, but the action is bound to a process task the dialog is not in now; the provider knows the current task from its own records.",
    nb: "Tokenet gir denne handlingen, men handlingen er knyttet til en prosessoppgave dialogen ikke er i nå; tjenestetilbyderen kjenner gjeldende oppgave fra sine egne opplysninger.",
  },
  dialogporten_update_failed: {
    en: "The token was fine, but Dialogporten refused or could not take the provider's update, so nothing changed.",
    nb: "Tokenet var i orden, men Dialogporten avviste eller kunne ikke ta imot tjenestetilbyderens oppdatering, så ingenting ble endret.",
  },
  write_queue_full: {
    en: "Too many queued write actions are waiting; try again shortly.",
    nb: "For mange skrivehandlinger står i kø; prøv igjen om litt.",
  },
  not_authorized: {
    en: "Legacy mode: Altinn Authorization did not permit this request, so the provider refuses.",
    nb: "Eldre modus: Altinn Autorisasjon tillot ikke denne forespørselen, så tjenestetilbyderen avviser.",
  },
  origin_not_allowed: {
    en: "The service provider does not accept requests from this page's origin (CORS).",
    nb: "Tjenestetilbyderen godtar ikke forespørsler fra denne sidens opprinnelse (CORS).",
  },
} as const satisfies Partial<Record<ServiceCode, Text>>;
