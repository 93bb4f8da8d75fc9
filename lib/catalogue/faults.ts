import { ACCEPTED_WITH_CACHED_KEYS, fault, olaVat, type CatalogueEntry } from "./types";

/**
 * Faults: a service misbehaves (Authorization down or confused, the JWKS unreachable, clocks apart) and
 * the flow must fail closed — or, with a warm key cache, keep verifying. Injected per request (ADR 014).
 */
export const FAULTS: readonly CatalogueEntry[] = [
  fault({
    id: "pdp-down",
    title: "Altinn Authorization down",
    what: "Dialogporten sends its decision request to an address where nothing listens (fault pdp-down): the connection is refused.",
    models: "An outage of the PDP or of the network between Dialogporten and Altinn Authorization.",
    expectedCode: "pdp_unreachable",
    expectedStep: 3,
    lesson: "Fail closed: no decision, no token — a 502 Bad gateway, as the real Dialogporten answers, never a token with actions in it.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { dialogporten: ["pdp-down"] } },
  }),
  fault({
    id: "pdp-truncated",
    title: "Altinn Authorization answers fewer results than asked",
    what: "Altinn Authorization answers only the first of Kari's four decisions (fault pdp-truncate); the one for read on the main resource is missing.",
    models: "A PDP or gateway bug that drops results from a multi-request. Dialogporten maps results by position, and a missing one counts as not permitted.",
    expectedCode: "action_not_in_token",
    expectedStep: 5,
    expectedCheck: "a",
    lesson:
      "A missing decision is a Deny. The one Permit left (delete in Task_1) still lists the dialog (list authorization), so Kari gets it with a token that holds only that pair — and the service provider refuses the read.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { dialogporten: ["pdp-truncate"] } },
  }),
  fault({
    id: "pdp-garbage",
    title: "Altinn Authorization answers garbage",
    what: "Altinn Authorization answers 200 with an HTML maintenance page instead of XACML JSON (fault pdp-garbage).",
    models: "A gateway or load balancer answering for a sick PDP with a 200 page.",
    expectedCode: "pdp_garbage",
    expectedStep: 3,
    lesson: "A 200 is not a decision. Anything that is not a XACML response fails closed: 502, no token.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { dialogporten: ["pdp-garbage"] } },
  }),
  fault({
    id: "jwks-down-warm-cache",
    title: "JWKS endpoint down, warm cache",
    what: "After one clean call (the cache is warm), the service provider must refresh its keys while Dialogporten's JWKS answers 503 (fault jwks-down).",
    models: "A Dialogporten maintenance window or outage while a service provider is running.",
    expectedCode: ACCEPTED_WITH_CACHED_KEYS,
    expectedStep: 6,
    expectedOutcome: "accepted",
    lesson: "A verifier that has keys keeps verifying with them (stale, but published) while the JWKS is down; tokens are still checked in full.",
    recipe: { ...olaVat, faults: { serviceProvider: ["jwks-down"] }, warmUp: true },
  }),
  fault({
    id: "jwks-down-cold-cache",
    title: "JWKS endpoint down, cold cache",
    what: "The service provider has no keys cached (a fresh start) and Dialogporten's JWKS answers 503 (fault jwks-cold).",
    models: "A service provider that starts during a Dialogporten outage.",
    expectedCode: "jwks_unavailable",
    expectedStep: 5,
    lesson: "No keys, no verification, no access: fail closed with 503 and say why, never skip the signature check.",
    recipe: { ...olaVat, faults: { serviceProvider: ["jwks-cold"] } },
  }),
  fault({
    id: "clock-skew-beyond-leeway",
    title: "Clock skew beyond the leeway",
    what: "Dialogporten's clock runs 30 s ahead of the service provider's; the provider allows 10 s, so a fresh token is not valid yet.",
    models: "Servers without time synchronisation (Dialogporten #3304 saw small skews cause errors); the symptom is a token refused right after it was issued.",
    expectedCode: "token_not_yet_valid",
    expectedStep: 5,
    expectedCheck: "nbf",
    lesson: "Keep clocks synchronised; the leeway covers seconds of drift, not a misconfigured server.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { clockOffsetSeconds: 30 } },
  }),
];
