import type { Text } from "../i18n/text";
import type { ServiceCode } from "./explain";

/** Dialogporten's end-user API, the principal it reads from the access token, and its service-owner API. */
export const DIALOGPORTEN_SENTENCES = {
  no_access: {
    en: "Altinn Authorization permitted nothing on the dialog's main resource for this user and party, so Dialogporten refuses the dialog and issues no token.",
    nb: "Altinn Autorisasjon tillot ingenting på dialogens hovedressurs for denne brukeren og parten, så Dialogporten avviser dialogen og utsteder ikke noe token.",
  },
  authentication_level_too_low: {
    en: "The user is authenticated at a lower level than the service resource requires.",
    nb: "Brukeren er logget inn på et lavere sikkerhetsnivå enn tjenesteressursen krever.",
  },
  dialog_not_found: { en: "Dialogporten has no dialog with this id.", nb: "Dialogporten har ingen dialog med denne id-en." },
  invalid_dialog_id: { en: "The dialog id in the URL is not a GUID.", nb: "Dialog-id-en i URL-en er ikke en GUID." },
  missing_access_token: {
    en: "The request carried no ID-porten or Maskinporten access token.",
    nb: "Forespørselen hadde ikke noe tilgangstoken fra ID-porten eller Maskinporten.",
  },
  invalid_access_token: {
    en: "Dialogporten could not verify the access token (signature, issuer or expiry).",
    nb: "Dialogporten kunne ikke verifisere tilgangstokenet (signatur, utsteder eller utløpstid).",
  },
  untrusted_issuer: {
    en: "The access token comes from an identity provider Dialogporten does not trust.",
    nb: "Tilgangstokenet kommer fra en identitetsleverandør Dialogporten ikke stoler på.",
  },
  missing_scope: { en: "The access token lacks the scope digdir:dialogporten.", nb: "Tilgangstokenet mangler scopet digdir:dialogporten." },
  idp_keys_unavailable: {
    en: "Dialogporten could not fetch the identity provider's keys, so it cannot check the access token.",
    nb: "Dialogporten fikk ikke hentet identitetsleverandørens nøkler, og kan derfor ikke kontrollere tilgangstokenet.",
  },
  pdp_unreachable: {
    en: "Dialogporten could not reach Altinn Authorization and fails closed: no dialog, no token.",
    nb: "Dialogporten nådde ikke Altinn Autorisasjon og avviser av sikkerhetshensyn: ingen dialog, ikke noe token.",
  },
  pdp_error: {
    en: "Altinn Authorization answered with an error; Dialogporten fails closed: no dialog, no token.",
    nb: "Altinn Autorisasjon svarte med en feil; Dialogporten avviser av sikkerhetshensyn: ingen dialog, ikke noe token.",
  },
  pdp_garbage: {
    en: "Altinn Authorization's answer was not a usable XACML response; Dialogporten fails closed.",
    nb: "Svaret fra Altinn Autorisasjon var ikke et brukbart XACML-svar; Dialogporten avviser av sikkerhetshensyn.",
  },
  not_acceptable: {
    en: "The Accept header rules out JSON, the only thing Dialogporten produces.",
    nb: "Accept-headeren utelukker JSON, som er det eneste Dialogporten leverer.",
  },
  service_unavailable: {
    en: "Dialogporten is under maintenance and answers 503 with Retry-After; a verifier must make do with the keys it has cached.",
    nb: "Dialogporten er under vedlikehold og svarer 503 med Retry-After; den som verifiserer tokens, må klare seg med nøklene den har hurtigbufret.",
  },
  // The access token's claims: no principal the PDP could be asked about
  unknown_authentication_level: {
    en: "The access token's acr does not map to an Altinn authentication level.",
    nb: "Tilgangstokenets acr svarer ikke til noe sikkerhetsnivå i Altinn.",
  },
  invalid_system_user: {
    en: "The system-user token lacks its systemuser_id, systemuser_org or consumer claim.",
    nb: "Systembrukertokenet mangler claimet systemuser_id, systemuser_org eller consumer.",
  },
  missing_user_id: {
    en: "A self-registered e-mail user's token needs an Altinn user id for the PDP, and this one has none.",
    nb: "Tokenet til en selvregistrert e-postbruker må ha en Altinn-bruker-id til PDP-en, og dette har ingen.",
  },
  no_end_user_identifier: {
    en: "The access token identifies no person, system user or e-mail user.",
    nb: "Tilgangstokenet identifiserer ingen person, systembruker eller e-postbruker.",
  },
  // Dialogporten's service-owner API (what the provider's back end calls after a write action)
  dialog_token_not_accepted: {
    en: "A dialog token was sent to the service-owner API, which only takes the service owner's own Maskinporten token.",
    nb: "Et dialogtoken ble sendt til tjenesteeier-API-et, som bare godtar tjenesteeierens eget Maskinporten-token.",
  },
  unknown_service_owner: {
    en: "The Maskinporten token's consumer is not a service owner the resource registry knows.",
    nb: "Maskinporten-tokenets consumer er ikke en tjenesteeier ressursregisteret kjenner.",
  },
  not_service_owner: {
    en: "The dialog belongs to another service owner, so this one may not read or change it.",
    nb: "Dialogen tilhører en annen tjenesteeier, så denne kan ikke lese eller endre den.",
  },
  invalid_if_match: { en: "If-Match must carry the dialog's revision (a GUID).", nb: "If-Match må inneholde dialogens revisjon (en GUID)." },
  workspace_full: {
    en: "This sandbox workspace has changed as much as it may hold; Reset puts it back to the seed.",
    nb: "Dette arbeidsområdet i sandkassen har nådd grensen for endringer; Tilbakestill setter det tilbake til startdataene.",
  },
  dialog_deleted: {
    en: "The service owner has deleted the dialog; Dialogporten answers 410 Gone and issues no token.",
    nb: "Tjenesteeieren har slettet dialogen; Dialogporten svarer 410 Gone og utsteder ikke noe token.",
  },
  dialog_not_visible: {
    en: "The dialog is not visible yet: Dialogporten answers 404 with an Expires header saying when it will be.",
    nb: "Dialogen er ikke synlig ennå: Dialogporten svarer 404 med en Expires-header som sier når den blir det.",
  },
  dialog_expired: {
    en: "The dialog's expiresAt has passed; Dialogporten answers 404 as if it did not exist.",
    nb: "Dialogens expiresAt er passert; Dialogporten svarer 404 som om den ikke fantes.",
  },
  invalid_dialog: {
    en: "The dialog in the request breaks the API's rules; the errors member names every field at fault.",
    nb: "Dialogen i forespørselen bryter API-ets regler; errors-feltet nevner hvert felt som er feil.",
  },
  dialog_exists: {
    en: "A dialog with this id (or idempotentKey) already exists, so none was created.",
    nb: "En dialog med denne ID-en (eller idempotentKey) finnes allerede, så ingen ble opprettet.",
  },
  resource_not_owned: {
    en: "The serviceResource is not one the calling service owner owns in the resource registry.",
    nb: "serviceResource er ikke en ressurs tjenesteeieren som kaller, eier i ressursregisteret.",
  },
  dialog_deleted_readonly: {
    en: "The dialog is soft-deleted: it can be read and restored, but not changed (410 Gone).",
    nb: "Dialogen er mykslettet: den kan leses og gjenopprettes, men ikke endres (410 Gone).",
  },
  invalid_system_labels: {
    en: "The system-label request is malformed: unknown labels, or both a full set and changes.",
    nb: "Forespørselen om systemetiketter er feilformet: ukjente etiketter, eller både et helt sett og endringer.",
  },
  invalid_transmission: {
    en: "The transmission breaks the API's rules; the errors member names every field at fault.",
    nb: "Forsendelsen bryter API-ets regler; errors-feltet nevner hvert felt som er feil.",
  },
  transmission_not_found: { en: "The dialog has no transmission with this id.", nb: "Dialogen har ingen forsendelse med denne ID-en." },
  invalid_search: {
    en: "A search parameter is malformed: an unknown parameter, a date without a time zone, a bad orderBy or limit.",
    nb: "En søkeparameter er feilformet: en ukjent parameter, en dato uten tidssone, en ugyldig orderBy eller limit.",
  },
  default_workspace_shared: {
    en: "The default workspace is shared by everyone without a workspace of their own, so it keeps the real clock, the seed's keys and policies, and its caches; make the change in your own workspace.",
    nb: "Standardarbeidsområdet deles av alle som ikke har et eget, så det beholder den ekte klokken, startdataenes nøkler og regler og sine hurtigbuffere; gjør endringen i ditt eget arbeidsområde.",
  },
  invalid_workspace: {
    en: 'The sandbox-workspace header must be 1–64 characters of A–Z, a–z, 0–9 and "-".',
    nb: 'Headeren sandbox-workspace må være 1–64 tegn av A–Z, a–z, 0–9 og "-".',
  },
  revision_mismatch: {
    en: "The dialog changed since its revision was read (If-Match did not match); read it again and retry.",
    nb: "Dialogen er endret siden revisjonen ble lest (If-Match stemte ikke); les den på nytt og prøv igjen.",
  },
  activity_not_found: { en: "The dialog has no activity with this id.", nb: "Dialogen har ingen aktivitet med denne id-en." },
  invalid_patch: {
    en: "The JSON Patch document is malformed or outside the supported subset.",
    nb: "JSON Patch-dokumentet er feilformet eller bruker noe utenfor det som støttes.",
  },
  patch_operation_not_supported: {
    en: "Only the JSON Patch operations add, replace, remove and test are supported.",
    nb: "Bare JSON Patch-operasjonene add, replace, remove og test støttes.",
  },
  patch_path_not_supported: {
    en: "The patch touches a field the service-owner API does not let it change.",
    nb: "Patchen rører et felt tjenesteeier-API-et ikke lar den endre.",
  },
  patch_test_failed: {
    en: "A test operation in the patch did not match the dialog, so nothing was changed.",
    nb: "En test-operasjon i patchen stemte ikke med dialogen, så ingenting ble endret.",
  },
  invalid_activity: {
    en: "The activity is malformed: its type, performer, description or id breaks the API's rules.",
    nb: "Aktiviteten er feilformet: typen, utføreren, beskrivelsen eller id-en bryter API-ets regler.",
  },
  activities_immutable: {
    en: "Activities can only be added, never changed or removed.",
    nb: "Aktiviteter kan bare legges til, aldri endres eller fjernes.",
  },
  activity_id_taken: { en: "The dialog already has an activity with this id.", nb: "Dialogen har allerede en aktivitet med denne id-en." },
} as const satisfies Partial<Record<ServiceCode, Text>>;
