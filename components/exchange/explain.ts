import type { AuthorizationCode } from "@/lib/authorization/codes";
import type { DialogportenCode } from "@/lib/dialogporten/codes";
import type { IdPortenCode } from "@/lib/id-porten/codes";
import type { ServiceProviderCode } from "@/lib/service-provider/codes";
import type { SharedCode } from "@/lib/shared/problem";
import type { Exchange } from "@/lib/shared/trace";
import { errorCode, header, parseJson } from "./trace-notes";

/** Every stable code a service can answer with; each service's list is the source. */
export type ServiceCode = DialogportenCode | ServiceProviderCode | AuthorizationCode | IdPortenCode | SharedCode;

/** One sentence per stable error code; a code a service adds without a sentence here fails the typecheck. */
export const CODE_SENTENCES: Record<ServiceCode, string> = {
  // Dialogporten
  no_access:
    "Altinn Authorization permitted nothing on the dialog's main resource for this user and party, so Dialogporten refuses the dialog and issues no token.",
  authentication_level_too_low: "The user is authenticated at a lower level than the service resource requires.",
  dialog_not_found: "Dialogporten has no dialog with this id.",
  invalid_dialog_id: "The dialog id in the URL is not a GUID.",
  missing_access_token: "The request carried no ID-porten or Maskinporten access token.",
  invalid_access_token: "Dialogporten could not verify the access token (signature, issuer or expiry).",
  untrusted_issuer: "The access token comes from an identity provider Dialogporten does not trust.",
  missing_scope: "The access token lacks the scope digdir:dialogporten.",
  idp_keys_unavailable: "Dialogporten could not fetch the identity provider's keys, so it cannot check the access token.",
  pdp_unreachable: "Dialogporten could not reach Altinn Authorization and fails closed: no dialog, no token.",
  pdp_error: "Altinn Authorization answered with an error; Dialogporten fails closed: no dialog, no token.",
  pdp_garbage: "Altinn Authorization's answer was not a usable XACML response; Dialogporten fails closed.",
  not_acceptable: "The Accept header rules out JSON, the only thing Dialogporten produces.",
  service_unavailable: "Dialogporten is under maintenance and answers 503 with Retry-After; a verifier must make do with the keys it has cached.",
  // The access token's claims: no principal the PDP could be asked about
  unknown_authentication_level: "The access token's acr does not map to an Altinn authentication level.",
  invalid_system_user: "The system-user token lacks its systemuser_id, systemuser_org or consumer claim.",
  missing_user_id: "A self-registered e-mail user's token needs an Altinn user id for the PDP, and this one has none.",
  no_end_user_identifier: "The access token identifies no person, system user or e-mail user.",
  // Dialogporten's service-owner API (what the provider's back end calls after a write action)
  dialog_token_not_accepted: "A dialog token was sent to the service-owner API, which only takes the service owner's own Maskinporten token.",
  unknown_service_owner: "The Maskinporten token's consumer is not a service owner the resource registry knows.",
  not_service_owner: "The dialog belongs to another service owner, so this one may not read or change it.",
  invalid_if_match: "If-Match must carry the dialog's revision (a GUID).",
  workspace_full: "This sandbox workspace has changed as much as it may hold; Reset puts it back to the seed.",
  invalid_workspace: 'The sandbox-workspace header must be 1–64 characters of A–Z, a–z, 0–9 and "-".',
  revision_mismatch: "The dialog changed since its revision was read (If-Match did not match); read it again and retry.",
  activity_not_found: "The dialog has no activity with this id.",
  invalid_patch: "The JSON Patch document is malformed or outside the supported subset.",
  patch_operation_not_supported: "Only the JSON Patch operations add, replace, remove and test are supported.",
  patch_path_not_supported: "The patch touches a field the service-owner API does not let it change.",
  patch_test_failed: "A test operation in the patch did not match the dialog, so nothing was changed.",
  invalid_activity: "The activity is malformed: its type, performer, description or id breaks the API's rules.",
  activities_immutable: "Activities can only be added, never changed or removed.",
  activity_id_taken: "The dialog already has an activity with this id.",
  invalid_dialog: "The dialog in the request breaks the API's rules; the errors member names every field at fault.",
  dialog_exists: "A dialog with this id (or idempotentKey) already exists, so none was created.",
  resource_not_owned: "The serviceResource is not one the calling service owner owns in the resource registry.",
  dialog_deleted_readonly: "The dialog is soft-deleted: it can be read and restored, but not changed (410 Gone).",
  invalid_system_labels: "The system-label request is malformed: unknown labels, or both a full set and changes.",
  invalid_transmission: "The transmission breaks the API's rules; the errors member names every field at fault.",
  transmission_not_found: "The dialog has no transmission with this id.",
  invalid_search: "A search parameter is malformed: an unknown parameter, a date without a time zone, a bad orderBy or limit.",
  // Altinn Authorization: the XACML request is refused before any policy is read
  unreadable_body: "The request body could not be read.",
  not_an_object: "The XACML request body is not a JSON object.",
  missing_request: "The XACML JSON body has no Request member.",
  invalid_category: "An XACML category (AccessSubject, Action, Resource) is malformed.",
  invalid_attribute: "An XACML attribute is malformed: it needs a string AttributeId and Value.",
  invalid_multi_requests: "MultiRequests is malformed.",
  missing_category: "The request lacks a category every decision needs (subject, action or resource).",
  duplicate_category_id: "Two categories share one Id, so a reference to it is ambiguous.",
  empty_multi_requests: "MultiRequests lists no RequestReference, so there is nothing to decide.",
  too_many_references: "The request asks for more decisions at once than the PDP accepts.",
  unknown_reference_id: "A RequestReference names a category id the request does not have.",
  ambiguous_reference: "A RequestReference names more than one category of the same kind.",
  incomplete_reference: "A RequestReference lacks a subject, action or resource.",
  // Service provider: RFC 6750 bearer problems
  token_missing: "No dialog token arrived: it must be sent as Authorization: Bearer <token>.",
  authorization_header_malformed: "The Authorization header is not a well-formed Bearer header.",
  authorization_header_repeated: "More than one token was sent; exactly one is accepted.",
  token_in_query: "The token came in the query string, where it leaks into logs; only the Authorization header is accepted.",
  token_in_cookie: "The token came in a cookie; only the Authorization header is accepted.",
  // Service provider: the step-5 checks
  token_malformed: "The token is not a well-formed compact JWS with JSON header and claims.",
  token_too_large: "The token is larger than the service provider accepts.",
  alg_not_allowed: "The token's algorithm is not EdDSA, the only one Dialogporten uses.",
  header_not_allowed: "The token's header tries to say where its key is (jku, jwk, x5u, x5c) or adds crit; keys come only from Dialogporten's JWKS.",
  kid_missing: "The token's header names no key (kid).",
  kid_unknown: "No key in Dialogporten's JWKS has the token's kid.",
  signature_invalid: "The signature does not verify: the token was altered or signed by another key.",
  typ_invalid: 'The token\'s typ is not "JWT".',
  issuer_mismatch: "The token was issued by another Dialogporten (or another environment).",
  token_not_yet_valid: "The token's nbf lies in the future, beyond the allowed clock skew.",
  token_expired: "The token has expired: dialog tokens live 10 minutes; fetch the dialog again for a fresh one.",
  token_lifetime_invalid: "The token's lifetime is not what Dialogporten issues.",
  dialog_mismatch: "The token was issued for another dialog than the one in the URL.",
  action_not_in_token: "The token is genuine, but the action asked for is not in its authorized actions (the a claim).",
  jwks_unavailable: "The service provider could not get Dialogporten's keys, so it cannot check any token and refuses (fails closed).",
  // Service provider: write actions (ADR 012) and the legacy path (ADR 013)
  dialog_not_in_task:
    "The token grants this action, but the action is bound to a process task the dialog is not in now; the provider read the current task from Dialogporten.",
  dialogporten_update_failed: "The token was fine, but Dialogporten refused or could not take the provider's update, so nothing changed.",
  write_queue_full: "Too many queued write actions are waiting; try again shortly.",
  not_authorized: "Legacy mode: Altinn Authorization did not permit this request, so the provider refuses.",
  origin_not_allowed: "The service provider does not accept requests from this page's origin (CORS).",
  // OAuth token endpoint (mock ID-porten / Maskinporten)
  invalid_request: "The request is malformed: the identity provider's sign-in form, or the XACML request to Altinn Authorization.",
  unsupported_grant_type: "The identity provider does not support this grant type.",
  invalid_grant: "The identity provider knows no such persona or service owner, or not at this endpoint (ID-porten or Maskinporten).",
  invalid_scope: "The identity provider does not grant the scope asked for.",
  // Any service: the shared router, limits and fault headers
  method_not_allowed: "The endpoint does not accept this HTTP method.",
  not_found: "There is no such endpoint or resource.",
  internal_error: "The service failed unexpectedly; this is a bug in the sandbox.",
  unsupported_media_type: "The body was sent with a Content-Type this endpoint does not take.",
  malformed_json: "The body is not valid UTF-8 JSON.",
  body_too_large: "The body is larger than this endpoint accepts.",
  request_header_too_large: "The request's headers are larger than the service accepts.",
  fault_invalid: "The sandbox-fault header names a fault the sandbox does not know.",
  clock_offset_invalid: "The sandbox-clock-offset header is not whole seconds within an hour either way.",
};

const WWW_ERRORS: Record<string, string> = {
  invalid_token: 'WWW-Authenticate says error="invalid_token" (RFC 6750): the token itself was refused.',
  insufficient_scope: 'WWW-Authenticate says error="insufficient_scope" (RFC 6750): the token is valid but does not cover this request.',
  invalid_request: 'WWW-Authenticate says error="invalid_request" (RFC 6750).',
};

const sentenceFor = (code: string): string | undefined => (Object.hasOwn(CODE_SENTENCES, code) ? CODE_SENTENCES[code as ServiceCode] : undefined);

const DETAIL_TOO = new Set(["dialog_not_in_task", "dialogporten_update_failed"]);

/** A one-paragraph explanation of an error response (or of no response at all); null for a success. */
export function explainExchange(e: Exchange): string | null {
  if (!e.response) return `No response: ${e.error ?? "the request failed"}. The browser's network error hides the details (a CORS refusal looks the same).`;
  const { status, statusText } = e.response;
  if (status < 400) return null;
  const code = errorCode(e);
  const body = parseJson(e.response.body) as { detail?: unknown; error_description?: unknown } | undefined;
  const fallback = typeof body?.detail === "string" ? body.detail : typeof body?.error_description === "string" ? body.error_description : "";
  // Where the provider's detail names specifics (which task), it follows the general sentence.
  const specific = code && DETAIL_TOO.has(code) && fallback ? ` ${fallback}` : "";
  const sentence = ((code && sentenceFor(code)) || fallback || "The service refused the request.") + specific;
  const www = header(e, "www-authenticate");
  const wwwError = www ? /error="([^"]+)"/.exec(www)?.[1] : undefined;
  const wwwSentence = wwwError
    ? (WWW_ERRORS[wwwError] ?? `WWW-Authenticate says error="${wwwError}".`)
    : www
      ? "WWW-Authenticate names only the Bearer scheme: send a token."
      : "";
  const kind = (header(e, "content-type") ?? "").includes("problem+json") ? " The body is RFC 9457 problem details." : "";
  return [`${status} ${statusText || ""}${code ? ` (${code})` : ""}:`.replace("  ", " "), sentence, wwwSentence, kind.trim()].filter(Boolean).join(" ");
}
