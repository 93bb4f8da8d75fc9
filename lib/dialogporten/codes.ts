import { ACCESS_TOKEN_CODES } from "../altinn/access-token";
import { PDP_CALL_CODES } from "../altinn/decision-request";
import { problemFor } from "../shared/problem";

/**
 * Every code Dialogporten's problem answers carry (besides the shared ones). Stable: tests and the UI
 * rely on them (CONTRIBUTING.md); add codes, never rename one.
 */
export const DIALOGPORTEN_CODES = [
  // End-user API: the dialog request, the access token, the PDP (steps 0–3).
  ...ACCESS_TOKEN_CODES,
  ...PDP_CALL_CODES,
  "invalid_dialog_id",
  "dialog_not_found",
  "no_access",
  "authentication_level_too_low",
  "not_acceptable",
  // The well-known endpoints under the `jwks-unavailable` fault.
  "service_unavailable",
  // Service-owner API: who may call it, and its concurrency.
  "dialog_token_not_accepted",
  "unknown_service_owner",
  "not_service_owner",
  "invalid_if_match",
  "revision_mismatch",
  "activity_not_found",
  // Service-owner API: the JSON Patch and the activity it may add.
  "invalid_patch",
  "patch_operation_not_supported",
  "patch_path_not_supported",
  "patch_test_failed",
  "invalid_activity",
  "activities_immutable",
  "activity_id_taken",
  // Service-owner API: create, update, delete, labels and transmissions (lib/dialogporten/service-owner-writes.ts).
  "invalid_dialog",
  "dialog_exists",
  "resource_not_owned",
  "dialog_deleted_readonly",
  "invalid_system_labels",
  "invalid_transmission",
  "transmission_not_found",
  // End-user search (lib/dialogporten/search.ts).
  "invalid_search",
  // The sandbox's own limit on what one workspace may hold.
  "workspace_full",
  // End-user API: the dialog's own state (deleted, not yet visible, expired).
  "dialog_deleted",
  "dialog_not_visible",
  "dialog_expired",
  // The GraphQL subscription's "Dialogporten" bearer scheme: why a dialog token was refused.
  "token_missing",
  "token_malformed",
  "issuer_mismatch",
  "alg_not_allowed",
  "kid_unknown",
  "signature_invalid",
  "token_not_yet_valid",
  "token_expired",
] as const;
export type DialogportenCode = (typeof DIALOGPORTEN_CODES)[number];

export const problem = problemFor<DialogportenCode>();

/** The real API's validation answer for a dialog id that is not a GUID. */
export function invalidDialogId(instance: string): Response {
  const errors = { dialogId: ["'dialogId' is not a valid GUID."] };
  return problem({
    status: 400,
    title: "One or more validation errors occurred.",
    code: "invalid_dialog_id",
    detail: "dialogId must be a GUID.",
    instance,
    errors,
  });
}

/** An access token (end user's or service owner's) that was refused: RFC 6750's challenge on a 401. */
export function accessRefused(auth: { status: 401 | 403 | 503; code: DialogportenCode; detail: string }, instance: string): Response {
  const headers = auth.status === 401 ? { "www-authenticate": `Bearer error="invalid_token", error_description="${auth.code}"` } : undefined;
  const title = auth.status === 401 ? "Unauthorized" : auth.status === 403 ? "Forbidden" : "Service Unavailable";
  return problem({ status: auth.status, title, code: auth.code, detail: auth.detail, instance, headers });
}
