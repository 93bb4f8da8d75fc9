import type { DIALOG_ID } from "../seed/dialogs";
import type { PersonaId } from "../seed/personas";
import type { CheckCode } from "../service-provider/types";
import type { FlowFaults } from "../shared/faults";

/**
 * The negative-scenario catalogue: attacks and faults anyone can run through the real flow, each
 * caught by exactly one named check. Kept as data; `run.ts` runs an entry, the tests run them all.
 */

export type DialogKey = keyof typeof DIALOG_ID;

/** What the end-user system does at step 4, by action name so it survives seed changes. */
export type RecipeAction = { kind: "embed" } | { kind: "gui"; action: string };

/** What is done to the token between step 3 and step 4. */
export type MutationName =
  | "change-one-byte"
  | "strip-signature"
  | "swap-signature"
  | "alg-none"
  | "alg-hs256-public-key"
  | "alg-rs256"
  | "drop-kid"
  | "unknown-kid"
  | "attacker-key"
  | "embedded-jwk"
  | "jku-header"
  | "x5u-header"
  | "access-token"
  | "pad-12k"
  | "pad-64k"
  | "not-base64url"
  | "payload-not-object";

/** How the token travels to the service provider. */
export type Transport = "bearer" | "query" | "cookie" | "two-headers" | "quoted";

export interface Recipe {
  persona: PersonaId;
  /** The dialog Dialogporten is asked for (steps 0–3). */
  dialog: DialogKey;
  action: RecipeAction;
  /** Send the token to this dialog's action instead (its URL from the seed data). */
  target?: DialogKey;
  faults?: FlowFaults;
  mutation?: MutationName;
  transport?: Transport;
  /** Make one clean call first, so the service provider's key cache is warm. */
  warmUp?: boolean;
}

/** `accepted_with_cached_keys`: the request succeeds on cached keys while the JWKS is down. */
export const ACCEPTED_WITH_CACHED_KEYS = "accepted_with_cached_keys";
export const ACCEPTED = "accepted";

export interface CatalogueEntry {
  id: string;
  title: string;
  kind: "attack" | "fault";
  /** What is done, in a sentence or two. */
  what: string;
  /** The real attacker or bug it models, and how the sandbox produces it. */
  models: string;
  /** The stable code of what must catch it: a verifier failure, a bearer or Dialogporten problem code, or `accepted_with_cached_keys`. */
  expectedCode: string;
  /** Where the run stops: 3 Dialogporten refuses, 4 the request's shape is refused, 5 a check of step 5, 6 it gets through. */
  expectedStep: 3 | 4 | 5 | 6;
  expectedOutcome: "refused" | "accepted";
  /** The row of the step-5 checklist that fails, when the verifier ran. */
  expectedCheck?: CheckCode;
  lesson: string;
  recipe: Recipe;
  /** Why a browser cannot run it faithfully (the runner still runs it from Node). */
  notInBrowser?: string;
}

const olaVat = { persona: "ola", dialog: "vatReturn", action: { kind: "embed" } } as const satisfies Partial<Recipe>;

const attack = (e: Omit<CatalogueEntry, "kind" | "expectedOutcome">): CatalogueEntry => ({ kind: "attack", expectedOutcome: "refused", ...e });
const fault = (e: Omit<CatalogueEntry, "kind" | "expectedOutcome"> & { expectedOutcome?: CatalogueEntry["expectedOutcome"] }): CatalogueEntry => ({ kind: "fault", expectedOutcome: "refused", ...e });

export const CATALOGUE: readonly CatalogueEntry[] = [
  attack({
    id: "expired-token",
    title: "Expired token",
    what: "Dialogporten's clock runs 15 minutes slow when it issues the token, so the token reaches the service provider 5 minutes after its exp — well past the 10 s leeway.",
    models: "A token replayed after it expired: copied from a log, a proxy cache or browser history, or kept by a client beyond its 10 minutes. The sandbox moves the issuer's clock back instead of the verifier's forward — a header that moved the verifier's clock would be a backdoor.",
    expectedCode: "token_expired",
    expectedStep: 5,
    expectedCheck: "exp",
    lesson: "exp is enforced with a small leeway (10 s here, 2 s in Dialogporten, 0 in Correspondence). Fetch the dialog again for a fresh token; never keep dialog tokens.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { clockOffsetSeconds: -900 } },
  }),
  attack({
    id: "token-before-nbf",
    title: "Token used before nbf",
    what: "Dialogporten's clock runs 2 minutes fast when it issues the token, so nbf lies 2 minutes in the service provider's future.",
    models: "A token presented before it is valid: minted in advance to be used later, or by an issuer whose clock runs ahead.",
    expectedCode: "token_not_yet_valid",
    expectedStep: 5,
    expectedCheck: "nbf",
    lesson: "nbf is a check, not decoration: a token that is not valid yet is refused like an expired one.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { clockOffsetSeconds: 120 } },
  }),
  attack({
    id: "payload-byte-changed",
    title: "One byte of the payload changed",
    what: 'The payload\'s "l":3 becomes "l":4 — one byte — and the original signature is kept.',
    models: "A user who holds a real token edits a claim (here the authentication level, to reach a level-4 service) and hopes the service provider only decodes the token.",
    expectedCode: "signature_invalid",
    expectedStep: 5,
    expectedCheck: "signature",
    lesson: "The signature covers every byte of header and payload. Decoding a JWT is not verifying it.",
    recipe: { ...olaVat, mutation: "change-one-byte" },
  }),
  attack({
    id: "signature-stripped",
    title: "Signature removed",
    what: "The token is sent as header.payload. — the signature cut off, the dot kept.",
    models: "A token stripped of its signature, for verifiers that treat a missing signature as nothing to check.",
    expectedCode: "signature_invalid",
    expectedStep: 5,
    expectedCheck: "signature",
    lesson: "An empty signature is not a valid one: an Ed25519 signature is 64 bytes, and anything else fails the signature check.",
    recipe: { ...olaVat, mutation: "strip-signature" },
  }),
  attack({
    id: "signature-from-another-token",
    title: "Signature of another token",
    what: "The end-user system fetches the dialog twice and sends the first token's header and payload with the second token's signature.",
    models: "Splicing: a real signature from the same issuer and key, pasted onto another token's content.",
    expectedCode: "signature_invalid",
    expectedStep: 5,
    expectedCheck: "signature",
    lesson: "A signature belongs to exactly one header.payload; a genuine signature from the right key proves nothing about another token.",
    recipe: { ...olaVat, mutation: "swap-signature" },
  }),
  attack({
    id: "alg-none",
    title: "alg: none",
    what: 'The header says "alg":"none", the claims are escalated (every action, level 4) and the signature is empty.',
    models: "The classic unsecured-JWT attack on libraries that let the token choose its own algorithm (CVE-2015-9235 and many since).",
    expectedCode: "alg_not_allowed",
    expectedStep: 5,
    expectedCheck: "alg",
    lesson: "The verifier decides the algorithm, not the token: only EdDSA is accepted, whatever the header says (RFC 8725 §3.1).",
    recipe: { ...olaVat, mutation: "alg-none" },
  }),
  attack({
    id: "alg-hs256-public-key",
    title: "alg: HS256 with the public key as secret",
    what: "The attacker fetches Dialogporten's public JWKS and signs escalated claims with HMAC-SHA256, using the public key's bytes as the HMAC secret, under the sandbox's kid.",
    models: "Key confusion: a verifier that takes alg from the header and hands \"the key for this kid\" to HMAC verifies with a key everybody has.",
    expectedCode: "alg_not_allowed",
    expectedStep: 5,
    expectedCheck: "alg",
    lesson: "Pin the algorithm to the key type. An Ed25519 key only ever verifies EdDSA; a public key is never a secret.",
    recipe: { ...olaVat, mutation: "alg-hs256-public-key" },
  }),
  attack({
    id: "alg-rs256",
    title: "alg: RS256",
    what: "Escalated claims signed RS256 by the attacker's own freshly generated RSA-2048 key, under the sandbox's kid.",
    models: "A verifier whose algorithm list comes from the token, or from a key set that mixes issuers and key types.",
    expectedCode: "alg_not_allowed",
    expectedStep: 5,
    expectedCheck: "alg",
    lesson: "Allow exactly the algorithm the issuer uses (EdDSA) and refuse every other before looking at a key.",
    recipe: { ...olaVat, mutation: "alg-rs256" },
  }),
  attack({
    id: "jwk-header",
    title: "jwk header brings its own key",
    what: "The attacker signs escalated claims with an own Ed25519 key and puts that key's public half in the header's jwk member.",
    models: 'Verifiers that trust an embedded key ("verify with the key the token brought", CVE-2018-0114 in node-jose).',
    expectedCode: "header_not_allowed",
    expectedStep: 5,
    expectedCheck: "header",
    lesson: "Keys come only from the configured JWKS. A token that brings its own key is refused outright (RFC 8725 §3.10).",
    recipe: { ...olaVat, mutation: "embedded-jwk" },
  }),
  attack({
    id: "jku-header",
    title: "jku header points at the attacker's keys",
    what: "The header's jku points at https://attacker.example/.well-known/jwks.json, which would hold the key the attacker signed with.",
    models: "Verifiers that fetch keys from a URL in the token — a trust decision handed to the attacker, and a server-side request forgery on the way.",
    expectedCode: "header_not_allowed",
    expectedStep: 5,
    expectedCheck: "header",
    lesson: "Never fetch a key from a URL the token names; the JWKS location is configuration (RFC 8414 metadata of the one trusted issuer).",
    recipe: { ...olaVat, mutation: "jku-header" },
  }),
  attack({
    id: "x5u-header",
    title: "x5u header points at the attacker's certificate",
    what: "The header's x5u points at https://attacker.example/cert.pem for the key that signed the escalated claims.",
    models: "The certificate variant of jku: verifiers that load an X.509 chain from a URL in the token.",
    expectedCode: "header_not_allowed",
    expectedStep: 5,
    expectedCheck: "header",
    lesson: "jku, jwk, x5u, x5c and crit are refused; Dialogporten never sends them, so refusing costs nothing.",
    recipe: { ...olaVat, mutation: "x5u-header" },
  }),
  attack({
    id: "kid-missing",
    title: "No kid",
    what: "Escalated claims signed by the attacker's own Ed25519 key, with no kid in the header.",
    models: "Verifiers that, without a kid, try every key they know or fall back to a default one.",
    expectedCode: "kid_missing",
    expectedStep: 5,
    expectedCheck: "kid",
    lesson: "Dialogporten always names its key. No kid, no key, no token.",
    recipe: { ...olaVat, mutation: "drop-kid" },
  }),
  attack({
    id: "kid-unknown",
    title: "Unknown kid",
    what: "Escalated claims signed by the attacker's own Ed25519 key under a kid Dialogporten never published (dp-sandbox-261129-zzzzz).",
    models: "A forged token from an unpublished key, or a token from another environment whose keys this service provider does not know.",
    expectedCode: "kid_unknown",
    expectedStep: 5,
    expectedCheck: "kid",
    lesson: "An unknown kid triggers at most one rate-limited JWKS refresh (a rotation may have happened), then a refusal.",
    recipe: { ...olaVat, mutation: "unknown-kid" },
  }),
  attack({
    id: "attacker-key-sandbox-kid",
    title: "Attacker's Ed25519 key under the sandbox's kid",
    what: "Escalated claims with a perfectly valid EdDSA signature — by the attacker's own Ed25519 key — and the header naming the sandbox's primary kid.",
    models: "A forger who copies the header exactly; only the key the kid resolves to can tell.",
    expectedCode: "signature_invalid",
    expectedStep: 5,
    expectedCheck: "signature",
    lesson: "The kid only chooses which published key to verify with; it proves nothing by itself.",
    recipe: { ...olaVat, mutation: "attacker-key" },
  }),
  attack({
    id: "access-token-instead",
    title: "ID-porten access token sent as the dialog token",
    what: "The end-user system sends its ID-porten access token (a real, validly signed JWT) to the service provider instead of the dialog token.",
    models: "Token confusion: a client that sends whatever bearer token it has. The access token has none of a dialog token's claims (c, p, s, i, a).",
    expectedCode: "token_malformed",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "A dialog token has a fixed shape; a token of another kind is refused before any key is looked up — and its issuer would not be trusted anyway.",
    recipe: { ...olaVat, mutation: "access-token" },
  }),
  attack({
    id: "issuer-other-environment",
    title: "Wrong iss: another environment's token",
    what: "Dialogporten issues the token as its at23 test environment would (iss https://platform.at23.altinn.cloud/dialogporten/api/v1), signed with keys this service provider trusts.",
    models: "Environments that share keys — as every sandbox with the public seed does — or a provider that loads several environments' JWKS (the official sample trusts dev and tt02). The signature verifies; only iss tells the environments apart (Dialogporten #3246).",
    expectedCode: "issuer_mismatch",
    expectedStep: 5,
    expectedCheck: "iss",
    lesson: "Check iss against the one environment you serve, even when the signature is good.",
    recipe: { ...olaVat, faults: { dialogporten: ["issuer-other-environment"] } },
  }),
  attack({
    id: "typ-context-token",
    title: "typ not JWT: a context token",
    what: 'Dialogporten signs the token with typ "dialogcontexttoken+jwt", the per-entity context token of Dialogporten #4275, with the same keys and issuer.',
    models: "Token confusion between two kinds of token from one issuer and one key set; only the explicit type tells them apart (RFC 8725 §3.11).",
    expectedCode: "typ_invalid",
    expectedStep: 5,
    expectedCheck: "typ",
    lesson: 'Check typ: a dialog token says "JWT" (Dialogporten #4269); any other type is another token\'s, however valid its signature.',
    recipe: { ...olaVat, faults: { dialogporten: ["typ-context-token"] } },
  }),
  attack({
    id: "token-for-another-dialog",
    title: "Token for another dialog",
    what: "Kari gets a real token for her tax return and sends it to the front-channel embed of Sandbox Bakeri's VAT return.",
    models: "An insecure direct object reference: a valid token for one dialog tried against another dialog's URL.",
    expectedCode: "dialog_mismatch",
    expectedStep: 5,
    expectedCheck: "i",
    lesson: "Compare i with the dialog the URL names before serving anything; a valid token is only valid for its own dialog.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, target: "vatReturn" },
  }),
  attack({
    id: "action-not-in-token",
    title: "Action not in a",
    what: "The system user signs the VAT return: Dialogporten masked the sign action (the PDP said Deny) and a is read;write, but the end-user system calls the provider anyway.",
    models: "A client that ignores isAuthorized and calls a masked action with the URL it knows from elsewhere.",
    expectedCode: "action_not_in_token",
    expectedStep: 5,
    expectedCheck: "a",
    lesson: "The service provider authorizes every request itself from a; isAuthorized:false in the portal is a hint, not a guard.",
    recipe: { persona: "system-user", dialog: "vatReturn", action: { kind: "gui", action: "sign" } },
  }),
  attack({
    id: "bare-delete-4043",
    title: "delete asked, a has only delete,urn:altinn:task:Task_1",
    what: "Kari deletes her draft; the token grants delete,urn:altinn:task:Task_1, but the service provider (fault naive-action-check) asks for a bare delete.",
    models: "The trap of Dialogporten #4043: an SDK call with requiredActions [\"delete\"] against a token whose delete carries a task attribute. The sandbox asks for the bare name and then the exact pair, so the fault can only refuse more.",
    expectedCode: "action_not_in_token",
    expectedStep: 5,
    expectedCheck: "a",
    lesson: "An action with an attribute is granted only as that exact pair: ask for delete,urn:altinn:task:Task_1, not delete.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "gui", action: "delete" }, faults: { serviceProvider: ["naive-action-check"] } },
  }),
  attack({
    id: "level-below-service-minimum",
    title: "l below the service's minimum",
    what: "Ola, signed in at level 3, opens the VAT return at a service provider that requires level 4 for it (fault require-level-4).",
    models: "A MinID (level 3) login used where the service owner demands BankID (level 4), stricter than the resource registry's minimum — or a minimum raised after Dialogporten synced its copy.",
    expectedCode: "authentication_level_too_low",
    expectedStep: 5,
    expectedCheck: "l",
    lesson: "Check l against your own minimum; Dialogporten's check uses its copy of the resource's minimum, which need not be yours.",
    recipe: { ...olaVat, faults: { serviceProvider: ["require-level-4"] } },
  }),
  attack({
    id: "level-below-resource-minimum",
    title: "l below the resource's minimum (at Dialogporten)",
    what: "Ola, signed in at level 3, asks for his building permit, whose resource requires level 4.",
    models: "A user with too weak a login; Dialogporten refuses before any token exists.",
    expectedCode: "authentication_level_too_low",
    expectedStep: 3,
    lesson: "The first line of defence is the issuer: no token is minted for a login below the resource's minimum.",
    recipe: { persona: "ola", dialog: "buildingPermit", action: { kind: "embed" } },
  }),
  attack({
    id: "token-in-query",
    title: "Token in the query string",
    what: "The token is sent as ?access_token=… and not in the Authorization header.",
    models: "Clients that put bearer tokens in URLs, where logs, proxies, browser history and Referer headers keep them (RFC 6750 §2.3 discourages it; early Dialogporten designs allowed it).",
    expectedCode: "token_in_query",
    expectedStep: 4,
    lesson: "Only Authorization: Bearer is accepted; a token in a URL is refused before it is even parsed.",
    recipe: { ...olaVat, transport: "query" },
  }),
  attack({
    id: "token-in-cookie",
    title: "Token in a cookie",
    what: "The token is sent as Cookie: dialog_token=… and not in the Authorization header.",
    models: "Clients that store the token in a cookie, which the browser then attaches to every request to the provider — cross-site request forgery included.",
    expectedCode: "token_in_cookie",
    expectedStep: 4,
    lesson: "A bearer token is sent on purpose, in one header, by the code that means to; cookies are sent by the browser whether you mean it or not.",
    recipe: { ...olaVat, transport: "cookie" },
    notInBrowser: "Browsers never let a script set a Cookie header, and the provider is on another origin; run it from the tests or curl.",
  }),
  attack({
    id: "two-authorization-headers",
    title: "Two Authorization headers",
    what: "The request carries Authorization twice: the dialog token and the ID-porten access token (fetch joins them as \"Bearer …, Bearer …\").",
    models: "A client library adding its own Authorization beside the app's, or a proxy appending one; which one wins differs between servers (Node itself keeps only the first of two separate lines).",
    expectedCode: "authorization_header_repeated",
    expectedStep: 4,
    lesson: "Exactly one token per request (RFC 6750 §2); ambiguity is refused, never resolved by guessing.",
    recipe: { ...olaVat, transport: "two-headers" },
  }),
  attack({
    id: "quoted-token",
    title: "Token in quotes",
    what: 'The header is Authorization: Bearer "eyJ…" — the token JSON-stringified, quotes and all.',
    models: "A client that serialises the token as a JSON string into the header.",
    expectedCode: "authorization_header_malformed",
    expectedStep: 4,
    lesson: "A bearer token is a b64token (RFC 6750 §2.1); anything else in the header is refused with a precise reason.",
    recipe: { ...olaVat, transport: "quoted" },
  }),
  attack({
    id: "token-12kb",
    title: "A 12 KB token",
    what: "A pad claim makes the token 12 KB long — more than the 8 KB the verifier accepts, less than the 16 KB a server's headers may hold.",
    models: "Oversized tokens meant to exhaust memory or CPU in parsing and signature checks, or an `e` claim grown past header limits (Dialogporten #4365).",
    expectedCode: "token_too_large",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "The verifier caps the token (8 KB) before decoding anything.",
    recipe: { ...olaVat, mutation: "pad-12k" },
  }),
  attack({
    id: "token-64kb",
    title: "A 64 KB token",
    what: "A pad claim makes the token 64 KB long, so the Authorization header alone is four times what the server accepts.",
    models: "Header flooding. Node's HTTP server refuses it with a bare 431 before any route runs; the sandbox's own guard answers the same 431 as problem+json in process.",
    expectedCode: "request_header_too_large",
    expectedStep: 4,
    lesson: "Size limits sit in layers: the HTTP server's header limit (16 KB here, 32 KB in Kestrel) comes first, the verifier's token cap second.",
    recipe: { ...olaVat, mutation: "pad-64k" },
    notInBrowser: "Node's bare 431 carries no CORS headers, so a browser calling the provider's origin sees only a network error; run it from the tests or curl.",
  }),
  attack({
    id: "not-base64url",
    title: "Bytes that are not base64url",
    what: "One character of the payload becomes '+', which standard base64 uses and base64url does not.",
    models: "A client or library that encodes with standard base64 (+, /, =) where JWS requires base64url.",
    expectedCode: "token_malformed",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "Decoding is strict: base64url only, no padding, canonical — one token has exactly one spelling.",
    recipe: { ...olaVat, mutation: "not-base64url" },
  }),
  attack({
    id: "payload-not-object",
    title: "JSON that is not an object",
    what: "The payload is valid JSON — an array holding the claims — instead of a JSON object.",
    models: "Parsers that accept any JSON and then read claims off whatever came out (a list, a string, null).",
    expectedCode: "token_malformed",
    expectedStep: 5,
    expectedCheck: "format",
    lesson: "Claims are a JSON object with typed members; anything else is refused before a claim is read.",
    recipe: { ...olaVat, mutation: "payload-not-object" },
  }),
  fault({
    id: "pdp-down",
    title: "Altinn Authorization down",
    what: "Dialogporten sends its decision request to an address where nothing listens (fault pdp-down): the connection is refused.",
    models: "An outage of the PDP or of the network between Dialogporten and Altinn Authorization.",
    expectedCode: "pdp_unreachable",
    expectedStep: 3,
    lesson: "Fail closed: no decision, no token — a 503 with Retry-After, never a token with actions in it.",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { dialogporten: ["pdp-down"] } },
  }),
  fault({
    id: "pdp-truncated",
    title: "Altinn Authorization answers fewer results than asked",
    what: "Altinn Authorization answers only the first of Kari's four decisions (fault pdp-truncate); the one for read on the main resource is missing.",
    models: "A PDP or gateway bug that drops results from a multi-request. Dialogporten maps results by position, and a missing one counts as not permitted.",
    expectedCode: "no_access",
    expectedStep: 3,
    lesson: "A missing decision is a Deny. Without read on the main resource there is no dialog and no token (403).",
    recipe: { persona: "kari", dialog: "taxReturn", action: { kind: "embed" }, faults: { dialogporten: ["pdp-truncate"] } },
  }),
  fault({
    id: "pdp-garbage",
    title: "Altinn Authorization answers garbage",
    what: "Altinn Authorization answers 200 with an HTML maintenance page instead of XACML JSON (fault pdp-garbage).",
    models: "A gateway or load balancer answering for a sick PDP with a 200 page.",
    expectedCode: "pdp_garbage",
    expectedStep: 3,
    lesson: "A 200 is not a decision. Anything that is not a XACML response fails closed: 503, no token.",
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

export function findEntry(id: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.id === id);
}
