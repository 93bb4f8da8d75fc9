import type { Endpoint } from "./openapi";

/**
 * The mock Dialogporten's service-owner API and the end-user search as the OpenAPI document describes
 * them (checked against the route tables by `openapi.test.ts`). Real paths and status codes:
 * docs/reference/dialogporten-openapi-serviceowner.json, docs/fidelity.md.
 */
const SO = "/dialogporten/api/v1/serviceowner/dialogs";
const tag = "Mock Dialogporten";
const security = "serviceOwnerToken" as const;
const auth = { 401: "No or invalid token", 403: "Not this owner's dialog or resource" };
const change = {
  204: "Changed; the new revision in ETag",
  400: "Validation errors (`errors` by property path)",
  ...auth,
  404: "Unknown dialog",
  410: "Deleted",
  412: "If-Match is not the revision",
};

export const SERVICE_OWNER_ENDPOINTS: readonly Endpoint[] = [
  {
    path: "/dialogporten/api/v1/enduser/dialogs",
    methods: ["get"],
    tag,
    summary: "End-user search: the dialogs the user may see (main access or list authorization), paged",
    description:
      "Real query parameters (party, serviceResource, status, systemLabel, search, orderBy, continuationToken, limit, …) and the real `PaginatedListOfDialogListItem`.",
    security: "accessToken",
    responses: {
      200: "`{items, hasNextPage, continuationToken?, orderBy}`",
      400: "Bad parameter",
      401: "No or invalid access token",
      503: "Altinn Authorization unreachable",
    },
  },
  {
    path: SO,
    methods: ["post"],
    tag,
    summary: "Service-owner API: create a dialog in this workspace",
    description: "The real `CreateDialog` body; every validation error at once. Takes the service owner's Maskinporten token, never a dialog token (ADR 012).",
    security,
    requestBody: "json",
    responses: {
      201: "The new id as a JSON string; Location and ETag",
      400: "Validation errors",
      ...auth,
      409: "idempotentKey already used",
      422: "The id is taken",
    },
  },
  {
    path: `${SO}/{dialogId}`,
    methods: ["get", "put", "patch", "delete"],
    tag,
    summary: "Service-owner API: read (ETag), replace (PUT), JSON Patch (RFC 6902) or soft-delete a dialog",
    description:
      "PUT and PATCH work on the whole `UpdateDialog` document (If-Match: the bare revision GUID); DELETE sets `deletedAt`, after which the end-user API answers 410.",
    security,
    requestBody: "json",
    responses: { 200: "The dialog (service-owner view)", ...change, 409: "A test operation failed" },
  },
  {
    path: `${SO}/{dialogId}/actions/restore`,
    methods: ["post"],
    tag,
    summary: "Service-owner API: undo a soft delete",
    security,
    responses: { 204: "Restored", ...auth, 404: "Unknown dialog", 412: "If-Match is not the revision" },
  },
  {
    path: `${SO}/{dialogId}/endusercontext/systemlabels`,
    methods: ["put"],
    tag,
    summary: "Service-owner API: set the end user's system labels (Bin, Archive, …)",
    description: "`{systemLabels}` or `{addLabels, removeLabels}`; If-Match and ETag are the end-user context's revision.",
    security,
    requestBody: "json",
    responses: change,
  },
  {
    path: `${SO}/{dialogId}/activities`,
    methods: ["post"],
    tag,
    summary: "Service-owner API: add an activity",
    security,
    requestBody: "json",
    responses: { 201: "The new activity's id; Location", ...change },
  },
  {
    path: `${SO}/{dialogId}/activities/{activityId}`,
    methods: ["get"],
    tag,
    summary: "Service-owner API: one activity",
    security,
    responses: { 200: "The activity", ...auth, 404: "No such activity" },
  },
  {
    path: `${SO}/{dialogId}/transmissions`,
    methods: ["post"],
    tag,
    summary: "Service-owner API: add a transmission (with attachments)",
    security,
    requestBody: "json",
    responses: { 201: "The new transmission's id; Location", ...change },
  },
  {
    path: `${SO}/{dialogId}/transmissions/{transmissionId}`,
    methods: ["get"],
    tag,
    summary: "Service-owner API: one transmission",
    security,
    responses: { 200: "The transmission", ...auth, 404: "No such transmission" },
  },
];
