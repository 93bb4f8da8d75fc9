import { SANDBOX_TAG, WORKSPACE_ENDPOINTS } from "./openapi-workspaces";
import { MOCK_ENDPOINTS } from "./openapi-mocks";

/**
 * The OpenAPI 3.1 document of everything the sandbox serves: the mocks, the sandbox's own API and the
 * request headers only the sandbox understands. Built from two tables (`MOCK_ENDPOINTS`, `SANDBOX_ENDPOINTS`)
 * that `openapi.test.ts` checks against the services' route tables, so the document cannot drift.
 */

export type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Endpoint {
  /** OpenAPI form: `{name}` for a path parameter. */
  path: string;
  methods: readonly Method[];
  tag: string;
  summary: string;
  description?: string;
  security?: "accessToken" | "dialogToken" | "serviceOwnerToken";
  requestBody?: "json" | "form" | { schema: string };
  /** Status → description; 4xx/5xx answers are problem+json. */
  responses: Record<number, string>;
  /** A JSON schema in `components.schemas` for the 2xx answer. */
  okSchema?: string;
}

export const SANDBOX_ENDPOINTS: readonly Endpoint[] = [
  {
    path: "/sandbox/api/v1/dialog-tokens",
    methods: ["post"],
    tag: SANDBOX_TAG,
    summary: "Test tokens on demand: a dialog token with the claims you set, signed by the sandbox's Dialogporten key",
    description:
      "Any of `jti c y o u l p s i a iss iat nbf exp`, plus `kid` (a published key) and `typ` (`JWT` or the context token's `dialogcontexttoken+jwt`). Claims come out in the real order; a fresh `jti`, `iat` now, 600 s life and the sandbox issuer by default. What the real Dialogporten never signs (another `alg`, a `jku`, an `aud`) is a 400. Off with `SANDBOX_TEST_TOKENS=off`.",
    requestBody: { schema: "TestTokenRequest" },
    okSchema: "TestToken",
    responses: {
      201: "The token, its header and its claims",
      400: "`alg_not_mintable`, `header_not_mintable`, `typ_not_mintable`, `kid_unknown`, `claim_not_mintable`, `claim_invalid`, `malformed_json`",
      403: "`test_tokens_disabled`",
      413: "Body over 8 KB",
      415: "Not JSON",
    },
  },
  {
    path: "/sandbox/api/v1/conformance/relay",
    methods: ["post"],
    tag: SANDBOX_TAG,
    summary: "The conformance relay: calls your provider once, with the given tokens, and returns its answer",
    description:
      "Only origins in `SANDBOX_RELAY_ORIGINS` (loopback by default), only the headers `authorization`, `cookie`, `accept`, `accept-language`, no body, no redirects followed, 10 s timeout, at most 64 KB of the answer read.",
    requestBody: { schema: "RelayRequest" },
    okSchema: "RelayAnswer",
    responses: {
      200: "The provider's answer, whatever its status",
      400: "`relay_request_invalid`, `relay_url_invalid`, `relay_method_not_allowed`, `relay_header_not_allowed`",
      403: "`relay_origin_not_allowed`, `relay_disabled`",
      502: "`relay_target_unreachable`",
      504: "`relay_timeout`",
    },
  },
  { path: "/sandbox/api/v1/openapi.json", methods: ["get"], tag: SANDBOX_TAG, summary: "This document", responses: { 200: "OpenAPI 3.1" } },
  ...WORKSPACE_ENDPOINTS,
];

export const ENDPOINTS: readonly Endpoint[] = [...MOCK_ENDPOINTS, ...SANDBOX_ENDPOINTS];

/** The sandbox's own request headers (ADR 002, ADR 014), and which endpoints read them. */
const SANDBOX_HEADERS: Record<string, { description: string; appliesTo: (e: Endpoint) => boolean }> = {
  "sandbox-workspace": {
    description:
      "The workspace this request belongs to (1–64 of A–Z a–z 0–9 -); without it, the shared `default`. The provider also takes it from its own URL (`/service-provider/ws/{id}/…`).",
    appliesTo: (e) => e.tag !== SANDBOX_TAG,
  },
  "sandbox-trace": {
    description: "`on`: the service's own trace (the calls it made and why) comes back in the `sandbox-trace` response header, beside the real payload.",
    appliesTo: (e) => e.tag !== SANDBOX_TAG,
  },
  "sandbox-fault": {
    description:
      "Comma-separated faults. Dialogporten: pdp-down, pdp-truncate, pdp-garbage, issuer-other-environment, typ-context-token, jwks-unavailable. Service provider: jwks-down, jwks-cold, naive-action-check, require-level-4. A fault can only make a run fail.",
    appliesTo: (e) => e.path.includes("/enduser/") || e.path.includes("/.well-known/jwks") || e.security === "dialogToken",
  },
  "sandbox-clock-offset": {
    description: "Seconds (±3600) added to Dialogporten's clock when it issues the token.",
    appliesTo: (e) => e.path.includes("/enduser/"),
  },
  "sandbox-pdp-latency-ms": {
    description: "Simulated latency (0–2000 ms) of Altinn Authorization for this request.",
    appliesTo: (e) => e.path.startsWith("/authorization/") || e.path.includes("/legacy/"),
  },
};

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function operation(e: Endpoint, method: Method) {
  const pathParams = [...e.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const headers = Object.entries(SANDBOX_HEADERS)
    .filter(([, h]) => h.appliesTo(e))
    .map(([name]) => ({ $ref: `#/components/parameters/${name}` }));
  const needsBody = e.requestBody && method !== "get" && method !== "delete";
  const body = !needsBody
    ? undefined
    : e.requestBody === "form"
      ? { required: true, content: { "application/x-www-form-urlencoded": { schema: { type: "object" } } } }
      : e.requestBody === "json"
        ? { required: true, content: { "application/json": { schema: { type: "object" } } } }
        : { required: true, content: { "application/json": { schema: { $ref: `#/components/schemas/${e.requestBody!.schema}` } } } };
  const responses = Object.fromEntries(
    Object.entries(e.responses).map(([status, description]) => [
      status,
      Number(status) >= 400
        ? problemResponse(description)
        : e.okSchema
          ? { description, content: { "application/json": { schema: { $ref: `#/components/schemas/${e.okSchema}` } } } }
          : { description },
    ]),
  );
  return {
    tags: [e.tag],
    summary: e.summary,
    ...(e.description && { description: e.description }),
    operationId: `${method}${e.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? "").toUpperCase())}`,
    ...(e.security && { security: [{ [e.security]: [] }] }),
    ...(pathParams.length + headers.length > 0 && { parameters: [...pathParams, ...headers] }),
    ...(body && { requestBody: body }),
    responses,
  };
}

const str = { type: "string" };
const int = { type: "integer" };

export function openApiDocument(origin: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const e of ENDPOINTS) {
    for (const method of e.methods) (paths[e.path] ??= {})[method] = operation(e, method);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Dialog Token Sandbox",
      version: "1",
      description:
        "Mock Dialogporten, Altinn Authorization, a service provider and ID-porten/Maskinporten in one app, plus the sandbox's own API for service-provider teams: test tokens and conformance. Paths follow the real systems where one exists (docs/real-systems.md).",
    },
    servers: [{ url: origin }],
    tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        accessToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "An access token from the mock ID-porten or Maskinporten." },
        dialogToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A dialog token from Dialogporten (or the test-token API)." },
        serviceOwnerToken: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "A service owner's Maskinporten token, scope digdir:dialogporten.serviceprovider.",
        },
      },
      parameters: Object.fromEntries(
        Object.entries(SANDBOX_HEADERS).map(([name, h]) => [name, { name, in: "header", required: false, description: h.description, schema: str }]),
      ),
      schemas: {
        Problem: {
          type: "object",
          description: "RFC 9457 problem details with a stable `code`.",
          properties: { type: str, title: str, status: int, detail: str, instance: str, code: str, traceId: str },
        },
        TestTokenRequest: {
          type: "object",
          additionalProperties: false,
          properties: {
            ...Object.fromEntries(["jti", "c", "y", "o", "u", "p", "s", "i", "a", "iss"].map((n) => [n, str])),
            ...Object.fromEntries(["iat", "nbf", "exp"].map((n) => [n, { ...int, minimum: 0 }])),
            l: { ...int, minimum: 0, maximum: 4 },
            kid: { ...str, description: "One of the published kids (the primary signs by default)." },
            typ: { enum: ["JWT", "dialogcontexttoken+jwt"] },
          },
        },
        TestToken: {
          type: "object",
          required: ["token", "header", "claims"],
          properties: { token: str, header: { type: "object", properties: { alg: { const: "EdDSA" }, typ: str, kid: str } }, claims: { type: "object" } },
        },
        ResignRequest: { type: "object", required: ["token"], additionalProperties: false, properties: { token: str } },
        ResignedToken: {
          allOf: [
            { $ref: "#/components/schemas/TestToken" },
            { type: "object", properties: { replacedKid: { ...str, description: "The kid the edited header named, which the sandbox does not publish." } } },
          ],
        },
        RelayRequest: {
          type: "object",
          required: ["url", "headers"],
          properties: {
            url: { ...str, format: "uri" },
            method: { enum: ["GET", "POST", "PUT", "PATCH", "DELETE"] },
            headers: { type: "array", items: { type: "array", prefixItems: [str, str], minItems: 2, maxItems: 2 } },
          },
        },
        RelayAnswer: {
          type: "object",
          required: ["status", "headers", "body", "truncated"],
          properties: {
            status: int,
            statusText: str,
            headers: { type: "array", items: { type: "array", items: str } },
            body: str,
            truncated: { type: "boolean" },
          },
        },
      },
    },
  };
}
