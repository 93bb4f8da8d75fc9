import { decodeBytes, utf8 } from "../shared/base64url";
import { asClaims, claimsShapeError, decodeToken, isUsableEd25519 } from "./decode";
import { formatAction, parseActions, tokenGrants } from "../altinn/dialog-token";
import type { TokenParts } from "./decode";
import type { Check, CheckCode, FailureCode, VerificationResult, VerifyContext } from "./types";
import type { DialogTokenClaims, JwkLike } from "../altinn/dialog-token";
import { CHECK_ORDER } from "./types";

const LABELS: Record<CheckCode, string> = {
  format: "Compact JWS: three base64url parts, JSON header and claims, at most 8 KB",
  alg: "Algorithm is EdDSA",
  header: "No key-carrying or critical header parameters",
  kid: "Key id names an Ed25519 key in Dialogporten's JWKS",
  signature: "Ed25519 signature over header.payload",
  typ: 'Type is "JWT"',
  iss: "Issuer is Dialogporten",
  nbf: "Not used before nbf",
  exp: "Not expired, lifetime plausible",
  i: "Token is for this dialog",
  a: "Action is in the a claim",
  l: "Authentication level meets the minimum",
};

/** RFC 8725 §3.1/§2.4: a header that says where to find the key (or what else must be understood) is refused. */
const FORBIDDEN_HEADERS = ["jku", "jwk", "x5u", "x5c", "crit"] as const;
const DEFAULT_MAX_LIFETIME = 600;

type Outcome =
  | { ok: true; detail: string; expected?: unknown; actual?: unknown; notRequested?: boolean }
  | { ok: false; failure: FailureCode; detail: string; expected?: unknown; actual?: unknown };

interface Parsed {
  parts: TokenParts;
  header: Record<string, unknown>;
  claims: DialogTokenClaims;
  signature: Uint8Array;
  jwk?: JwkLike;
}

type Step = (p: Parsed, ctx: VerifyContext) => Outcome | Promise<Outcome>;

const pass = (detail: string, expected?: unknown, actual?: unknown): Outcome => ({ ok: true, detail, expected, actual });
const fail = (failure: FailureCode, detail: string, expected?: unknown, actual?: unknown): Outcome => ({ ok: false, failure, detail, expected, actual });
const notRequested = (detail: string): Outcome => ({ ok: true, detail, notRequested: true });
const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

const steps: Record<Exclude<CheckCode, "format">, Step> = {
  alg: ({ header }) =>
    // Only "EdDSA", what Dialogporten emits and its JWKS advertises; RFC 9864's "Ed25519" is refused too.
    header.alg === "EdDSA"
      ? pass("EdDSA (Ed25519).", "EdDSA", header.alg)
      : fail("alg_not_allowed", "Only EdDSA is accepted; none, HS*, RS*, ES* and others are refused.", "EdDSA", header.alg),
  header: ({ header }) => {
    const found = FORBIDDEN_HEADERS.filter((name) => name in header);
    return found.length === 0
      ? pass("No jku, jwk, x5u, x5c or crit.", [], [])
      : fail("header_not_allowed", `Refused header parameter(s): ${found.join(", ")}. Keys come only from the configured JWKS.`, [], found);
  },
  kid: ({ header }, ctx) => {
    const kid = header.kid;
    if (typeof kid !== "string" || kid === "") return fail("kid_missing", "The header has no kid, so no key can be chosen.", "a kid from the JWKS", kid);
    const known = ctx.jwks.keys.filter((k) => k?.kid === kid);
    const usable = known.filter(isUsableEd25519);
    const kids = ctx.jwks.keys.filter(isUsableEd25519).map((k) => k.kid);
    if (usable.length === 0) {
      const why =
        known.length === 0
          ? "No key in the JWKS has this kid."
          : "The key with this kid is not a usable Ed25519 signing key (wrong type, use or alg, or a weak small-order point).";
      return fail("kid_unknown", why, kids, kid);
    }
    return pass(`Key ${kid} found in the JWKS.`, kids, kid);
  },
  signature: async (p) => {
    const x = p.jwk?.x === undefined ? null : decodeBytes(p.jwk.x);
    if (!x || x.length !== 32) return fail("signature_invalid", "The JWKS key is not a 32-byte Ed25519 public key.");
    if (p.signature.length !== 64)
      return fail("signature_invalid", `An Ed25519 signature is 64 bytes; this one is ${p.signature.length}.`, 64, p.signature.length);
    try {
      // Copies give plain ArrayBuffer-backed views, which is what BufferSource asks for.
      const key = await crypto.subtle.importKey("raw", new Uint8Array(x), { name: "Ed25519" }, false, ["verify"]);
      const ok = await crypto.subtle.verify(
        { name: "Ed25519" },
        key,
        new Uint8Array(p.signature),
        new Uint8Array(utf8(`${p.parts.header}.${p.parts.payload}`)),
      );
      return ok
        ? pass(`Verified with ${p.jwk?.kid}.`, "valid", "valid")
        : fail("signature_invalid", "The signature does not verify: the token was altered or signed by another key.", "valid", "invalid");
    } catch {
      return fail("signature_invalid", "The signature could not be checked with this key.");
    }
  },
  typ: ({ header }) => (header.typ === "JWT" ? pass("JWT.", "JWT", header.typ) : fail("typ_invalid", 'The header typ must be "JWT".', "JWT", header.typ)),
  iss: ({ claims }, ctx) =>
    claims.iss === ctx.expect.issuer
      ? pass("Issued by the expected Dialogporten.", ctx.expect.issuer, claims.iss)
      : fail("issuer_mismatch", "The token was issued by another Dialogporten (or environment).", ctx.expect.issuer, claims.iss),
  nbf: ({ claims }, ctx) => {
    const now = ctx.now / 1000;
    const detail = `nbf ${iso(claims.nbf)}, now ${iso(now)}, skew ${ctx.skewSeconds} s.`;
    return claims.nbf - ctx.skewSeconds <= now
      ? pass(detail, `nbf <= ${Math.floor(now) + ctx.skewSeconds}`, claims.nbf)
      : fail("token_not_yet_valid", `Not valid yet: ${detail}`, `nbf <= ${Math.floor(now) + ctx.skewSeconds}`, claims.nbf);
  },
  exp: ({ claims }, ctx) => {
    const now = ctx.now / 1000;
    const max = ctx.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME;
    const expected = `exp >= ${Math.ceil(now) - ctx.skewSeconds}`;
    if (now > claims.exp + ctx.skewSeconds)
      return fail("token_expired", `Expired at ${iso(claims.exp)}; now ${iso(now)}, skew ${ctx.skewSeconds} s.`, expected, claims.exp);
    const lifetime = claims.exp - claims.iat;
    if (claims.exp <= claims.nbf || lifetime <= 0 || lifetime > max) {
      return fail(
        "token_lifetime_invalid",
        `exp must follow nbf and iat by at most ${max} s; here exp - iat = ${lifetime} s.`,
        `0 < exp - iat <= ${max}`,
        lifetime,
      );
    }
    return pass(`Valid until ${iso(claims.exp)} (lifetime ${lifetime} s).`, expected, claims.exp);
  },
  i: ({ claims }, ctx) => {
    const want = ctx.expect.dialogId;
    if (want === undefined) return notRequested("No dialog id requested.");
    return claims.i.toLowerCase() === want.toLowerCase()
      ? pass("The token names this dialog.", want, claims.i)
      : fail("dialog_mismatch", "The token was issued for another dialog.", want, claims.i);
  },
  a: ({ claims }, ctx) => {
    const want = ctx.expect.action;
    if (want === undefined) return notRequested("No action requested.");
    const granted = parseActions(claims.a).map(formatAction);
    return tokenGrants(claims.a, want)
      ? pass(`${formatAction(want)} is granted.`, formatAction(want), granted)
      : fail(
          "action_not_in_token",
          `${formatAction(want)} is not in the a claim (an action with an attribute must match it exactly, see Dialogporten #4043).`,
          formatAction(want),
          granted,
        );
  },
  l: ({ claims }, ctx) => {
    const min = ctx.expect.minimumLevel;
    if (min === undefined) return notRequested("No minimum level requested.");
    return claims.l >= min
      ? pass(`Level ${claims.l} meets ${min}.`, `>= ${min}`, claims.l)
      : fail("authentication_level_too_low", `Level ${claims.l} is below the required ${min}.`, `>= ${min}`, claims.l);
  },
};

/**
 * True when the alg or header check alone refuses the token. The gate then skips the key lookup, so an
 * attacker-chosen header (an unknown kid with alg none, a jku) never drives a JWKS refresh.
 */
export function refusedByHeader(header: Record<string, unknown>): boolean {
  return header.alg !== "EdDSA" || FORBIDDEN_HEADERS.some((name) => name in header);
}

function toCheck(code: CheckCode, o: Outcome): Check {
  const check: Check = { code, label: LABELS[code], ok: o.ok, detail: o.detail };
  if (!o.ok) check.failure = o.failure;
  if (o.ok && o.notRequested) check.skipped = true;
  if (o.expected !== undefined) check.expected = o.expected;
  if (o.actual !== undefined) check.actual = o.actual;
  return check;
}

function skippedAfter(from: number): Check[] {
  return CHECK_ORDER.slice(from).map((code) => ({ code, label: LABELS[code], ok: false, skipped: true, detail: "Not checked: an earlier check failed." }));
}

function formatOutcome(token: string): { outcome: Outcome; parsed?: Parsed; header?: Record<string, unknown> } {
  const decoded = decodeToken(token);
  if (!decoded.ok) return { outcome: fail(decoded.code, decoded.detail), header: decoded.header };
  const claims = asClaims(decoded.payload);
  if (!claims) return { outcome: fail("token_malformed", claimsShapeError(decoded.payload) ?? "The claims are not a dialog token's."), header: decoded.header };
  const parsed: Parsed = { parts: decoded.parts, header: decoded.header, claims, signature: decoded.signature };
  return { outcome: pass(`${token.length} bytes, header and claims decoded.`), parsed, header: decoded.header };
}

/**
 * Verifies a dialog token locally, as a service provider must (docs/real-systems.md §5.4): no network,
 * no call to Altinn Authorization. Runs every check in order and stops at the first failure (fail closed).
 */
export async function verifyDialogToken(token: string, ctx: VerifyContext): Promise<VerificationResult> {
  const { outcome, parsed, header } = formatOutcome(token);
  const checks: Check[] = [toCheck("format", outcome)];
  const result = (failure?: Check): VerificationResult => ({
    valid: failure === undefined,
    checks,
    ...(failure && { failure }),
    ...(header && { header }),
    ...(parsed && { claims: parsed.claims }),
  });
  if (!parsed) {
    const failed = checks[0];
    checks.push(...skippedAfter(1));
    return result(failed);
  }
  for (let n = 1; n < CHECK_ORDER.length; n++) {
    const code = CHECK_ORDER[n]!;
    if (code === "format") continue;
    const o = await steps[code](parsed, ctx);
    if (code === "kid" && o.ok) parsed.jwk = ctx.jwks.keys.find((k) => k?.kid === parsed.header.kid && isUsableEd25519(k));
    const check = toCheck(code, o);
    checks.push(check);
    if (!o.ok) {
      checks.push(...skippedAfter(n + 1));
      return result(check);
    }
  }
  return result();
}
