import type { Endpoint } from "./openapi";
import { SERVICE_OWNER_ENDPOINTS } from "./openapi-service-owner";

/**
 * The mock services' endpoints as the OpenAPI document describes them. Paths and methods are checked
 * against the services' route tables by `openapi.test.ts`, so a route cannot be added or dropped
 * without this list following. Facts about the real counterparts: docs/real-systems.md.
 */

const DP = "/dialogporten/api/v1";
const SP = "/service-provider";
const WRITE = ["post", "put", "patch", "delete"] as const;

const idp = (provider: "id-porten" | "maskinporten", wellKnown: string): Endpoint[] => [
  {
    path: `/${provider}/token`,
    methods: ["post"],
    tag: "Mock ID-porten / Maskinporten",
    summary: `${provider === "id-porten" ? "ID-porten" : "Maskinporten"}: an access token for a persona (sandbox-only grant)`,
    description:
      provider === "id-porten"
        ? "Form body `grant_type=urn:sandbox:params:oauth:grant-type:persona&persona=kari|ola|email-user`. Errors are OAuth 2.0 JSON (RFC 6749 §5.2)."
        : "Form body with the persona grant (`persona=system-user`) or `grant_type=urn:sandbox:params:oauth:grant-type:service-owner&org=skd|mdir|dibk` for the service-owner API.",
    requestBody: "form",
    responses: { 200: "`{access_token, token_type, expires_in}`", 400: "OAuth error", 415: "Not a form" },
  },
  {
    path: `/${provider}/jwks`,
    methods: ["get"],
    tag: "Mock ID-porten / Maskinporten",
    summary: "The identity provider's public keys",
    responses: { 200: "A JWKS" },
  },
  {
    path: `/${provider}/.well-known/${wellKnown}`,
    methods: ["get"],
    tag: "Mock ID-porten / Maskinporten",
    summary: "Issuer metadata",
    responses: { 200: "`{issuer, token_endpoint, jwks_uri, grant_types_supported}`" },
  },
];

export const MOCK_ENDPOINTS: readonly Endpoint[] = [
  ...idp("id-porten", "openid-configuration"),
  ...idp("maskinporten", "oauth-authorization-server"),
  {
    path: `${DP}/enduser/dialogs/{dialogId}`,
    methods: ["get"],
    tag: "Mock Dialogporten",
    summary: "Steps 0–3: the dialog, isAuthorized on each element and a fresh dialog token",
    description: "Asks Altinn Authorization one XACML multi-request and signs a 10-minute Ed25519 dialog token (docs/real-systems.md §1, §3).",
    security: "accessToken",
    responses: {
      200: "The dialog (`dialogToken` inside)",
      400: "Malformed id",
      401: "No or invalid access token",
      403: "No access, or level too low",
      404: "Unknown dialog",
      503: "Altinn Authorization unreachable (fail closed)",
    },
  },
  {
    path: `${DP}/.well-known/jwks.json`,
    methods: ["get"],
    tag: "Mock Dialogporten",
    summary: "The published Ed25519 keys, Primary first: the deployment's two, or a workspace's own after it rotates (ADR 019)",
    responses: { 200: "A JWKS", 406: "Accept rules out JSON" },
  },
  ...["graphql", "graphql/stream"].map((path): Endpoint => ({
    path: `/dialogporten/${path}`,
    methods: ["get", "post"],
    tag: "Mock Dialogporten",
    summary: "GraphQL over Server-Sent Events (`Accept: text/event-stream`): the `dialogEvents(dialogId)` subscription, opened with the dialog token (ADR 018)",
    description:
      "The dialog token is the whole credential: EdDSA, a published key, the exact issuer, 2 s skew. A token whose `i` is not the subscribed dialog gets the GraphQL authorization error in the stream. `/graphql/stream` is the path the Altinn portal uses.",
    security: "dialogToken",
    responses: { 200: "An event stream: `next` with `{dialogEvents: {id, type}}`", 401: "No usable dialog token", 406: "Accept rules out text/event-stream" },
  })),
  {
    path: `${DP}/.well-known/oauth-authorization-server`,
    methods: ["get"],
    tag: "Mock Dialogporten",
    summary: "`{issuer, jwks_uri}`",
    responses: { 200: "Metadata", 406: "Accept rules out JSON" },
  },
  ...SERVICE_OWNER_ENDPOINTS,
  {
    path: "/authorization/api/v1/authorize",
    methods: ["post"],
    tag: "Mock Altinn Authorization",
    summary: "Steps 1–2: the XACML JSON PDP, one decision per request reference, in request order",
    requestBody: "json",
    responses: { 200: "`{Response: [...]}`", 400: "Malformed XACML request", 413: "Body too large", 415: "Not JSON" },
  },
  {
    path: `${SP}/fce/{dialogId}`,
    methods: ["get"],
    tag: "Mock service provider",
    summary: "Steps 4–6: the front-channel embed (markdown), behind the dialog-token check",
    security: "dialogToken",
    responses: {
      200: "`text/markdown`",
      401: "RFC 6750 invalid_token",
      403: "Action not in the token, or origin refused",
      404: "Unknown dialog",
      503: "JWKS unavailable with a cold cache",
    },
  },
  {
    path: `${SP}/fce/{dialogId}/transmissions/{transmissionId}`,
    methods: ["get"],
    tag: "Mock service provider",
    summary: "A transmission's embed",
    security: "dialogToken",
    responses: { 200: "`text/markdown`", 401: "Invalid token", 403: "Not granted" },
  },
  {
    path: `${SP}/actions/{dialogId}/{action}`,
    methods: WRITE,
    tag: "Mock service provider",
    summary: "A write action: changes the dialog through the service-owner API",
    security: "dialogToken",
    responses: {
      202: "Queued (the tax return)",
      204: "Done",
      401: "Invalid token",
      403: "Not granted",
      405: "Wrong method for this action",
      422: "`dialog_not_in_task`",
    },
  },
  {
    path: `${SP}/api/{dialogId}`,
    methods: ["get"],
    tag: "Mock service provider",
    summary: "An API action: JSON about the dialog",
    security: "dialogToken",
    responses: { 200: "JSON", 401: "Invalid token", 403: "Not granted" },
  },
  {
    path: `${SP}/app/{dialogId}`,
    methods: ["get"],
    tag: "Mock service provider",
    summary: "The provider's own page for a dialog (a GET GUI action: plain navigation, no token)",
    responses: { 200: "HTML" },
  },
  {
    path: `${SP}/app/{dialogId}/{page}`,
    methods: ["get"],
    tag: "Mock service provider",
    summary: "A sub-page of the provider's own app",
    responses: { 200: "HTML" },
  },
  {
    path: `${SP}/sandbox/jwks-cache`,
    methods: ["get", "delete"],
    tag: "Mock service provider",
    summary:
      "The sandbox's own: what the provider caches of a workspace's Dialogporten keys (GET), or forget them (DELETE); call it as `/service-provider/ws/{id}/sandbox/jwks-cache`",
    description:
      "GET reports the cached kids, when they were fetched and when they go stale, on the workspace's provider clock, with the provider's TTL, leeway and unknown-kid refetch interval; `default` answers too. After a DELETE the next token in that workspace makes the provider fetch the metadata and the JWKS again; the shared `default` workspace refuses.",
    responses: {
      200: "`{workspace, now, ttlSeconds, leewaySeconds, refetchIntervalSeconds, cached: {kids, jwksUri, fetchedAt, staleAt, stale} | null, kidRefetchAllowedFrom}`",
      204: "Forgotten",
      409: "`default_workspace_shared`",
    },
  },
  {
    path: `${SP}/legacy/fce/{dialogId}`,
    methods: ["get"],
    tag: "Mock service provider (legacy)",
    summary: "The embed without a dialog token: Altinn Authorization asked on every request (ADR 013)",
    security: "accessToken",
    responses: { 200: "`text/markdown`", 401: "Invalid access token", 403: "Denied by the PDP", 503: "PDP unreachable" },
  },
  {
    path: `${SP}/legacy/fce/{dialogId}/transmissions/{transmissionId}`,
    methods: ["get"],
    tag: "Mock service provider (legacy)",
    summary: "A transmission's embed, legacy path",
    security: "accessToken",
    responses: { 200: "`text/markdown`", 403: "Denied" },
  },
  {
    path: `${SP}/legacy/actions/{dialogId}/{action}`,
    methods: WRITE,
    tag: "Mock service provider (legacy)",
    summary: "A write action, legacy path",
    security: "accessToken",
    responses: { 202: "Queued", 204: "Done", 403: "Denied" },
  },
  {
    path: `${SP}/legacy/api/{dialogId}`,
    methods: ["get"],
    tag: "Mock service provider (legacy)",
    summary: "An API action, legacy path",
    security: "accessToken",
    responses: { 200: "JSON", 403: "Denied" },
  },
];
