import { CONTEXT_TOKEN_TYP, DIALOG_TOKEN_LIFETIME_SECONDS, DIALOG_TOKEN_TYP, dotnetJson, inClaimOrder } from "../altinn/dialog-token";
import type { KeyPair2 } from "../keys/keys";
import { signCompact } from "../keys/keys";
import { DIALOG_ID, seedDialogs } from "../seed/dialogs";
import { PARTY } from "../seed/parties";
import type { TestToken, TestTokenRequest, TestTokenTyp } from "./client";

/**
 * Test tokens on demand: a dialog token with the claims a caller asks for, signed by the sandbox's own
 * Dialogporten key, so a service provider's tests get exactly the token they need (expired, another
 * dialog, an action not granted) and it verifies against the sandbox's JWKS like any issued token.
 *
 * It mints only what the real Dialogporten could have signed (docs/real-systems.md §1.2–§1.3): the header
 * is always `{"alg":"EdDSA","typ":…,"kid":…}` with a published kid, and the claims are the generator's own.
 * A request for anything else — `alg: none`, a `jku`, an `aud` — is refused, because such a token from the
 * sandbox would teach a provider to trust something Dialogporten never sends.
 */

export const MINT_ERROR_CODES = [
  "body_not_object",
  "alg_not_mintable",
  "header_not_mintable",
  "typ_not_mintable",
  "kid_unknown",
  "claim_not_mintable",
  "claim_invalid",
] as const;
export type MintErrorCode = (typeof MINT_ERROR_CODES)[number];

export type MintParse = { ok: true; value: TestTokenRequest } | { ok: false; code: MintErrorCode; detail: string };

const STRING_CLAIMS = ["jti", "c", "y", "o", "u", "p", "s", "i", "a", "iss"] as const;
const TIME_CLAIMS = ["iat", "nbf", "exp"] as const;
/** JOSE header members Dialogporten never writes (RFC 7515 §4.1); asking for one is asking for a forgery. */
const FOREIGN_HEADER = new Set(["header", "jku", "jwk", "x5u", "x5c", "x5t", "x5t#S256", "crit", "cty", "zip", "enc", "b64"]);
const MINTABLE_TYP: readonly TestTokenTyp[] = [DIALOG_TOKEN_TYP, CONTEXT_TOKEN_TYP];
const MAX_STRING = 4096;
/** 9999-12-31T23:59:59Z: any later time is no unix time a JWT library agrees on. */
const MAX_TIME = 253_402_300_799;

const fail = (code: MintErrorCode, detail: string): MintParse => ({ ok: false, code, detail });

/** Checks a request body member by member; the first problem wins, named precisely. */
export function parseMintRequest(body: unknown, publishedKids: readonly string[]): MintParse {
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return fail("body_not_object", 'Send a JSON object of the claims to set, e.g. {"i":"…","a":"read"}.');
  const given = body as Record<string, unknown>;
  if ("alg" in given && given.alg !== "EdDSA")
    return fail(
      "alg_not_mintable",
      `Dialogporten signs only with EdDSA; it never writes alg ${JSON.stringify(given.alg)}. Forge such a token with your own key if you want to test it.`,
    );
  const foreign = Object.keys(given).find((k) => FOREIGN_HEADER.has(k));
  if (foreign) return fail("header_not_mintable", `Dialogporten's header is alg, typ and kid only; it never writes "${foreign}".`);
  if ("typ" in given && !MINTABLE_TYP.includes(given.typ as TestTokenTyp))
    return fail("typ_not_mintable", `typ is "${DIALOG_TOKEN_TYP}" (or "${CONTEXT_TOKEN_TYP}", the context token the same keys once signed).`);
  if ("kid" in given && !publishedKids.includes(given.kid as string))
    return fail("kid_unknown", `kid must name a published key: ${publishedKids.join(" or ")}.`);
  const allowed = new Set<string>([...STRING_CLAIMS, ...TIME_CLAIMS, "l", "kid", "typ", "alg"]);
  const unknown = Object.keys(given).find((k) => !allowed.has(k));
  if (unknown) return fail("claim_not_mintable", `Dialogporten never writes "${unknown}"; the claims are jti c y o u l p s i a iss iat nbf exp.`);
  for (const name of STRING_CLAIMS) {
    const v = given[name];
    if (v === undefined) continue;
    if (typeof v !== "string" || v.length > MAX_STRING || (v === "" && name !== "a"))
      return fail("claim_invalid", `${name} must be a non-empty string of at most ${MAX_STRING} characters${name === "a" ? " (a may be empty)" : ""}.`);
  }
  for (const name of TIME_CLAIMS) {
    const v = given[name];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_TIME))
      return fail("claim_invalid", `${name} must be whole unix seconds between 0 and ${MAX_TIME}.`);
  }
  if (given.l !== undefined && !(Number.isInteger(given.l) && (given.l as number) >= 0 && (given.l as number) <= 4))
    return fail("claim_invalid", "l must be an integer authentication level from 0 to 4.");
  const { alg: _alg, ...request } = given;
  return { ok: true, value: request as TestTokenRequest };
}

export interface MintDeps {
  keys: KeyPair2;
  issuer: string;
  /** Unix ms. */
  now: number;
}

/**
 * Claims for what was not given: a fresh `jti`, `iat` now, `nbf` = `iat`, `exp` = `iat` + 600 and the
 * sandbox's issuer, as Dialogporten would; `i` the seed's VAT return, `p` and `s` from the seed dialog `i`
 * names, `c` the party when it is a person (else Ola, the VAT return's daglig leder), `l` 3 and `a` read.
 */
function withDefaults(r: TestTokenRequest, deps: MintDeps): Record<string, string | number> {
  const i = r.i ?? DIALOG_ID.vatReturn;
  const dialog = seedDialogs.find((d) => d.id === i.toLowerCase()) ?? seedDialogs.find((d) => d.id === DIALOG_ID.vatReturn)!;
  const p = r.p ?? dialog.party;
  const iat = r.iat ?? Math.floor(deps.now / 1000);
  return inClaimOrder({
    jti: r.jti ?? crypto.randomUUID(),
    c: r.c ?? (p.startsWith("urn:altinn:person:") ? p : PARTY.ola),
    y: r.y,
    o: r.o,
    u: r.u,
    l: r.l ?? 3,
    p,
    s: r.s ?? dialog.serviceResource,
    i,
    a: r.a ?? "read",
    iss: r.iss ?? deps.issuer,
    iat,
    nbf: r.nbf ?? iat,
    exp: r.exp ?? iat + DIALOG_TOKEN_LIFETIME_SECONDS,
  });
}

/** Signs the token as Dialogporten's generator would: header and payload serialised like System.Text.Json. */
export async function mintDialogToken(request: TestTokenRequest, deps: MintDeps): Promise<TestToken> {
  const key = request.kid === deps.keys.secondary.kid ? deps.keys.secondary : deps.keys.primary;
  const header = { alg: "EdDSA" as const, typ: request.typ ?? DIALOG_TOKEN_TYP, kid: key.kid };
  const claims = withDefaults(request, deps);
  const token = await signCompact(key, dotnetJson(header), dotnetJson(claims));
  return { token, header, claims };
}
