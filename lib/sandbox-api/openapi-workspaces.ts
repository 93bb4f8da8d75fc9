import type { Endpoint } from "./openapi";

/** The tag of the sandbox's own endpoints (here, not in openapi.ts, so neither module reads the other at load). */
export const SANDBOX_TAG = "Sandbox API";

/** The workspace API's entries of the OpenAPI document (workspaces.ts and its routes): clock, policies, keys. */
export const WORKSPACE_ENDPOINTS: readonly Endpoint[] = [
  {
    path: "/sandbox/api/v1/workspaces/{id}",
    methods: ["get", "delete"],
    tag: SANDBOX_TAG,
    summary: "A workspace: what it changed and its clock (GET); back to the seed (DELETE)",
    description:
      "Workspaces keep each participant's changes apart (ADR 016). Requests name theirs in the `sandbox-workspace` header; without it they use the shared `default`.",
    responses: { 200: "`{id, shared, changed, clock, limits}`", 204: "Reset to the seed", 400: "`invalid_workspace_id`" },
  },
  {
    path: "/sandbox/api/v1/workspaces/{id}/clock",
    methods: ["put", "delete"],
    tag: SANDBOX_TAG,
    summary:
      'Set a workspace\'s clock (PUT `{"at"?: ISO 8601, "offsetSeconds"?: n, "skewSeconds"?: {"dialogporten"?: n, "service-provider"?: n}}`), or give it the real one back (DELETE)',
    description:
      "`at` freezes every service of the workspace at that instant, and the dialog token's `jti` is derived from its claims: the same run gives the same token bytes. `offsetSeconds` (±1 year) shifts a running clock (jump forward to expire a token); `skewSeconds` (±3600 each) moves one side only, to show the verifier's leeway. `default` keeps the real clock.",
    requestBody: "json",
    responses: {
      200: "The clock as stored: `{at?, offsetSeconds?, skewSeconds?}`",
      204: "The clock runs again",
      400: "`invalid_clock`, `invalid_workspace_id`",
      409: "`default_workspace_shared`, `workspace_full`",
    },
  },
  {
    path: "/sandbox/api/v1/workspaces/{id}/policies",
    methods: ["get", "put", "delete"],
    tag: SANDBOX_TAG,
    summary: "A workspace's policies as an importable document (GET), replaced (PUT `{policies: [...]}`), or the seed's again (DELETE)",
    description:
      "Altinn Authorization evaluates a workspace's own policies for every request made in it: the decision, the deciding rule, the token's `a` and `isAuthorized` follow. A policy may name its resource's `minimumAuthenticationLevel` (0–4): the PDP returns it as the `urn:altinn:minimum-authenticationlevel` obligation on a Permit, and Dialogporten refuses a lower level with 403. `sandbox-policy-source: seed|workspace` says which a GET answered. `default` keeps the seed's.",
    requestBody: "json",
    responses: {
      200: "`{policies}`",
      204: "The seed's policies again",
      400: "`invalid_policies` (with `errors` per JSON path), `invalid_workspace_id`",
      409: "`default_workspace_shared`, `workspace_full`, `write_conflict`",
    },
  },
  {
    path: "/sandbox/api/v1/workspaces/{id}/keys",
    methods: ["get", "post", "delete"],
    tag: SANDBOX_TAG,
    summary: "A workspace's Dialogporten keys: the timeline (GET), publish a new key (POST), the deployment's keys again (DELETE)",
    description:
      "Rotation by the documented rules: a new key is published at least 48 h (on the workspace's clock) before it may sign, the JWKS always holds at least two keys, only Primary signs. Keys are derived from the seed, the workspace and the key's number: no private key is stored or shown. `default` keeps the deployment's keys.",
    responses: {
      200: "`{primary, now, keys: [{kid, status, origin, publishedAt, signsFrom, retiredAt?, jwk}]}`",
      201: "The timeline with the new key",
      204: "The deployment's keys again",
      400: "`invalid_workspace_id`",
      409: "`default_workspace_shared`, `ring_full`, `workspace_full`, `write_conflict`",
    },
  },
  {
    path: "/sandbox/api/v1/workspaces/{id}/keys/{kid}/promote",
    methods: ["post"],
    tag: SANDBOX_TAG,
    summary: "Make a published key Primary (`?early=true` breaks the 48 h rule on purpose, to show a verifier's refetch on an unknown kid)",
    responses: { 200: "The timeline", 404: "`key_not_found`", 409: "`key_too_new`, `key_retired`, `default_workspace_shared`" },
  },
  {
    path: "/sandbox/api/v1/workspaces/{id}/keys/{kid}/retire",
    methods: ["post"],
    tag: SANDBOX_TAG,
    summary: "Take a key out of the JWKS: its tokens fail once a verifier's cache refreshes",
    responses: { 200: "The timeline", 404: "`key_not_found`", 409: "`key_is_primary`, `jwks_minimum`, `default_workspace_shared`" },
  },
  {
    path: "/sandbox/api/v1/dialog-tokens/re-sign",
    methods: ["post"],
    tag: SANDBOX_TAG,
    summary: "Re-signs an edited dialog token with the sandbox's Dialogporten key (the token workbench)",
    description:
      'Body `{"token": "<header>.<payload>.<signature>"}`; the old signature is ignored. The header and claims must still be a dialog token the real Dialogporten could write: the test-token API\'s rules, and every one of `c l p s i a iss iat nbf exp` present. The claims are signed as given, in the real order; a `kid` the sandbox does not publish is replaced by its primary\'s (`replacedKid` says which). Off with `SANDBOX_TEST_TOKENS=off`.',
    requestBody: { schema: "ResignRequest" },
    okSchema: "ResignedToken",
    responses: {
      200: "The re-signed token, its header and its claims",
      400: "`token_not_resignable`, `claim_missing`, `alg_not_mintable`, `header_not_mintable`, `typ_not_mintable`, `claim_not_mintable`, `claim_invalid`, `body_not_object`, `malformed_json`",
      403: "`test_tokens_disabled`",
      413: "Body over 8 KB",
      415: "Not JSON",
    },
  },
];
