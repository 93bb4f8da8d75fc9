import { afterEach, describe, expect, it, vi } from "vitest";
import { DIALOG_ID } from "../seed/dialogs";
import { encodeBytes, encodeText } from "../shared/base64url";
import { decodeToken, duplicateMember, isSmallOrderEd25519, isUsableEd25519 } from "./decode";
import { TEST_ISSUER, TEST_NOW, makeToken, testJwks, testKeys } from "./fixtures/sandbox-tokens";
import type { FailureCode, VerifyContext } from "./types";
import type { Jwks } from "../altinn/dialog-token";
import { CHECK_ORDER } from "./types";
import { refusedByHeader, verifyDialogToken } from "./verify";

// Every way verify.ts (and the bearer extraction in front of it) can refuse, each with its stable code.
const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";
const iat = Math.floor(TEST_NOW / 1000);

async function ctx(over: Partial<VerifyContext> = {}, expect: Partial<VerifyContext["expect"]> = {}): Promise<VerifyContext> {
  return { jwks: await testJwks(), now: TEST_NOW, skewSeconds: 10, ...over, expect: { issuer: TEST_ISSUER, ...expect } };
}

/** A token with a hand-written header and/or payload text, signature of a real token (so only the parts under test differ). */
async function withParts(parts: { header?: string; payload?: string; signature?: string }) {
  const [h, p, s] = (await makeToken()).split(".") as [string, string, string];
  return `${parts.header ?? h}.${parts.payload ?? p}.${parts.signature ?? s}`;
}

async function refuse(token: string, c?: VerifyContext) {
  const r = await verifyDialogToken(token, c ?? (await ctx()));
  expect(r.valid).toBe(false);
  expect(r.checks.map((x) => x.code)).toEqual([...CHECK_ORDER]);
  return { code: r.failure?.failure, check: r.failure?.code, detail: r.failure?.detail ?? "" };
}

type Case = () => Promise<{ token: string; ctx?: VerifyContext }>;

/** One representative per failure code; the Record makes the compiler insist every code has one. */
const ONE_PER_CODE: Record<FailureCode, Case> = {
  token_malformed: async () => ({ token: "This.TokenIs.Invalid" }),
  token_too_large: async () => ({ token: await makeToken({ claims: { pad: "x".repeat(9000) } }) }),
  alg_not_allowed: async () => ({ token: await makeToken({ header: { alg: "none" } }) }),
  header_not_allowed: async () => ({ token: await makeToken({ header: { jku: "https://evil.example/jwks" } }) }),
  kid_missing: async () => ({ token: await makeToken({ header: { kid: undefined } }) }),
  kid_unknown: async () => ({ token: await makeToken({ header: { kid: "nope" } }) }),
  signature_invalid: async () => ({ token: await makeToken({ key: (await testKeys()).secondary, header: { kid: (await testKeys()).primary.kid } }) }),
  typ_invalid: async () => ({ token: await makeToken({ header: { typ: "at+jwt" } }) }),
  issuer_mismatch: async () => ({ token: await makeToken({ claims: { iss: "https://platform.at23.altinn.cloud/dialogporten/api/v1" } }) }),
  token_not_yet_valid: async () => ({ token: await makeToken({ issuedAt: TEST_NOW + 60_000 }) }),
  token_expired: async () => ({ token: await makeToken({ issuedAt: TEST_NOW - 3_600_000 }) }),
  token_lifetime_invalid: async () => ({ token: await makeToken({ claims: { exp: iat + 601 } }) }),
  dialog_mismatch: async () => ({ token: await makeToken(), ctx: await ctx({}, { dialogId: DIALOG_ID.vatReturn }) }),
  action_not_in_token: async () => ({ token: await makeToken(), ctx: await ctx({}, { action: { name: "sign" } }) }),
  authentication_level_too_low: async () => ({ token: await makeToken(), ctx: await ctx({}, { minimumLevel: 4 }) }),
};

describe("every failure code of verifyDialogToken", () => {
  it.each(Object.entries(ONE_PER_CODE))("%s", async (code, make) => {
    const { token, ctx: c } = await make();
    expect((await refuse(token, c)).code).toBe(code);
  });
});

describe("every reject path, with its code and the check that reports it", () => {
  const claims = { jti: "j", c: "urn:c", l: 3, p: "urn:p", s: "urn:s", i: DIALOG, a: "read", iss: TEST_ISSUER, iat, nbf: iat, exp: iat + 600 };
  const header = '{"alg":"EdDSA","typ":"JWT","kid":"k"}';

  const formatCases: [string, () => Promise<string>][] = [
    ["empty", async () => ""],
    ["two parts", async () => "a.b"],
    ["four parts", async () => `${await makeToken()}.x`],
    ["header not base64url", async () => withParts({ header: "ey+J" })],
    ["header not JSON", async () => withParts({ header: encodeText("{alg") })],
    ["header JSON but an array", async () => withParts({ header: encodeText("[]") })],
    ["header names alg twice", async () => withParts({ header: encodeText('{"alg":"none","alg":"EdDSA","typ":"JWT"}') })],
    ["payload padded like base64", async () => withParts({ payload: `${(await makeToken()).split(".")[1]}=` })],
    ["payload not UTF-8", async () => withParts({ payload: encodeBytes(Uint8Array.from([0x7b, 0xff, 0x7d])) })],
    ["payload JSON but a string", async () => withParts({ payload: encodeText('"claims"') })],
    ["payload JSON null", async () => withParts({ payload: encodeText("null") })],
    [
      "payload names a twice",
      async () => withParts({ payload: encodeText(JSON.stringify(claims).replace('"a":"read"', '"a":"read","a":"read;write;delete"')) }),
    ],
    [
      "payload names a twice, once escaped",
      async () => withParts({ payload: encodeText(JSON.stringify(claims).replace('"a":"read"', '"a":"read","\\u0061":"delete"')) }),
    ],
    ["signature not base64url", async () => withParts({ signature: "abc/def" })],
    ["signature non-canonical base64url", async () => withParts({ signature: "AB" })],
    ...["c", "p", "s", "i", "a", "iss"].map((n): [string, () => Promise<string>] => [`claim ${n} not a string`, async () => makeToken({ claims: { [n]: 1 } })]),
    ...["jti", "y", "o", "u"].map((n): [string, () => Promise<string>] => [
      `optional claim ${n} not a string`,
      async () => makeToken({ claims: { [n]: false } }),
    ]),
    ...["iat", "nbf", "exp"].map((n): [string, () => Promise<string>] => [`date ${n} not a number`, async () => makeToken({ claims: { [n]: String(iat) } })]),
    ["l not an integer", async () => makeToken({ claims: { l: 3.5 } })],
  ];
  it.each(formatCases)("format → token_malformed: %s", async (_, make) => {
    expect(await refuse(await make())).toMatchObject({ code: "token_malformed", check: "format" });
  });

  it("format → token_too_large before anything is decoded", async () => {
    expect(await refuse(`${"a".repeat(9000)}.b.c`)).toMatchObject({ code: "token_too_large", check: "format" });
  });

  it("finds duplicate member names only at the top level", () => {
    expect(duplicateMember('{"a":1,"b":{"a":2},"c":[{"a":3}]}')).toBeNull();
    expect(duplicateMember('{"a":1,"b":"\\"a\\"","a":2}')).toBe("a");
    expect(duplicateMember('{"x":"{\\"a\\":1,","a":1,"a":2}')).toBe("a");
    expect(duplicateMember(header)).toBeNull();
  });

  it.each([["none"], ["HS256"], ["RS256"], ["ES256"], ["Ed25519"], ["eddsa"], [undefined], [["EdDSA"]]])("alg → alg_not_allowed: %j", async (alg) => {
    expect(await refuse(await makeToken({ header: { alg } }))).toMatchObject({ code: "alg_not_allowed", check: "alg" });
  });

  it.each(["jku", "jwk", "x5u", "x5c", "crit"])("header → header_not_allowed: %s", async (name) => {
    expect(await refuse(await makeToken({ header: { [name]: "x" } }))).toMatchObject({ code: "header_not_allowed", check: "header" });
  });

  it.each([[undefined], [""], [7], [null]])("kid → kid_missing: %j", async (kid) => {
    expect(await refuse(await makeToken({ header: { kid } }))).toMatchObject({ code: "kid_missing", check: "kid" });
  });

  it("kid → kid_unknown: no such kid, or a key that is not a usable Ed25519 key", async () => {
    expect(await refuse(await makeToken({ header: { kid: "dp-sandbox-261129-zzzzz" } }))).toMatchObject({
      code: "kid_unknown",
      detail: "No key in the JWKS has this kid.",
    });
    const { primary } = await testKeys();
    for (const k of [
      { ...primary.publicJwk, kty: "EC" },
      { ...primary.publicJwk, use: "enc" },
      { ...primary.publicJwk, key_ops: ["sign"] },
      { ...primary.publicJwk, x: undefined },
    ]) {
      expect(await refuse(await makeToken(), await ctx({ jwks: { keys: [k as never] } }))).toMatchObject({ code: "kid_unknown", check: "kid" });
    }
  });

  it("kid → kid_unknown for a small-order key: WebCrypto would let one fixed signature verify anything", async () => {
    const identity = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? 1 : 0));
    const forged = Uint8Array.from({ length: 64 }, (_, i) => (i === 0 ? 1 : 0));
    // Why it matters: with the identity point as the public key, R = identity, S = 0 verifies for any message.
    const weak = await crypto.subtle.importKey("raw", identity, { name: "Ed25519" }, false, ["verify"]);
    expect(await crypto.subtle.verify({ name: "Ed25519" }, weak, forged, new TextEncoder().encode("any message at all"))).toBe(true);
    const kid = (await testKeys()).primary.kid;
    const jwks: Jwks = { keys: [{ kty: "OKP", crv: "Ed25519", kid, x: encodeBytes(identity), use: "sig", alg: "EdDSA" }] };
    const [h, p] = (await makeToken()).split(".");
    expect(await refuse(`${h}.${p}.${encodeBytes(forged)}`, await ctx({ jwks }))).toMatchObject({ code: "kid_unknown", check: "kid" });
    expect(isUsableEd25519(jwks.keys[0])).toBe(false);
    for (const hex of ["00", "01", "ec", "ed", "ee"]) {
      const x = Uint8Array.from({ length: 32 }, (_, i) => (i === 0 ? parseInt(hex, 16) : hex === "00" || hex === "01" ? 0 : i === 31 ? 0x7f : 0xff));
      expect(isSmallOrderEd25519(x)).toBe(true);
      x[31]! |= 0x80;
      expect(isSmallOrderEd25519(x)).toBe(true);
    }
    expect(isUsableEd25519((await testKeys()).primary.publicJwk)).toBe(true);
  });

  describe("signature → signature_invalid", () => {
    afterEach(() => vi.restoreAllMocks());

    it("a JWKS key that is not 32 bytes", async () => {
      const { primary } = await testKeys();
      expect(await refuse(await makeToken(), await ctx({ jwks: { keys: [{ ...primary.publicJwk, x: "AAAA" }] } }))).toMatchObject({
        code: "signature_invalid",
        detail: "The JWKS key is not a 32-byte Ed25519 public key.",
      });
    });

    it("a signature that is not 64 bytes, including an empty one", async () => {
      const t = await makeToken();
      const [h, p, s] = t.split(".") as [string, string, string];
      expect(await refuse(`${h}.${p}.${s.slice(0, 40)}`)).toMatchObject({
        code: "signature_invalid",
        detail: "An Ed25519 signature is 64 bytes; this one is 30.",
      });
      expect(await refuse(`${h}.${p}.`)).toMatchObject({ code: "signature_invalid", detail: "An Ed25519 signature is 64 bytes; this one is 0." });
    });

    it("a signature that does not verify", async () => {
      expect((await refuse(await ONE_PER_CODE.signature_invalid().then((c) => c.token))).detail).toMatch(/does not verify/);
    });

    it("a key WebCrypto cannot use", async () => {
      vi.spyOn(crypto.subtle, "importKey").mockRejectedValueOnce(new Error("unsupported"));
      expect(await refuse(await makeToken())).toMatchObject({ code: "signature_invalid", detail: "The signature could not be checked with this key." });
    });
  });

  it.each([[undefined], ["jwt"], ["at+jwt"], ["dialogcontexttoken+jwt"], [1]])("typ → typ_invalid: %j", async (typ) => {
    expect(await refuse(await makeToken({ header: { typ } }))).toMatchObject({ code: "typ_invalid", check: "typ" });
  });

  it.each([[`${TEST_ISSUER}/`], [TEST_ISSUER.toUpperCase()], ["https://platform.tt02.altinn.no/dialogporten/api/v1"], [""]])(
    "iss → issuer_mismatch: %s",
    async (iss) => {
      expect(await refuse(await makeToken({ claims: { iss } }))).toMatchObject({ code: "issuer_mismatch", check: "iss" });
    },
  );

  it("nbf / exp → token_not_yet_valid, token_expired, token_lifetime_invalid", async () => {
    expect(await refuse(await makeToken({ claims: { nbf: iat + 11 } }))).toMatchObject({ code: "token_not_yet_valid", check: "nbf" });
    expect(await refuse(await makeToken({ claims: { iat: iat - 611, nbf: iat - 611, exp: iat - 11 } }))).toMatchObject({ code: "token_expired", check: "exp" });
    expect(await refuse(await makeToken({ claims: { exp: iat } }))).toMatchObject({ code: "token_lifetime_invalid", check: "exp" });
    expect(await refuse(await makeToken({ claims: { iat: iat + 5, exp: iat + 5 } }))).toMatchObject({ code: "token_lifetime_invalid" });
    expect(await refuse(await makeToken({ claims: { exp: iat + 1e12 } }))).toMatchObject({ code: "token_lifetime_invalid" });
  });

  it("i, a, l → dialog_mismatch, action_not_in_token, authentication_level_too_low (403 family)", async () => {
    for (const code of ["dialog_mismatch", "action_not_in_token", "authentication_level_too_low"] as const) {
      const { token, ctx: c } = await ONE_PER_CODE[code]();
      expect((await refuse(token, c)).check).toBe(({ dialog_mismatch: "i", action_not_in_token: "a", authentication_level_too_low: "l" } as const)[code]);
    }
  });

  it("refusedByHeader condemns exactly what the alg and header checks refuse", () => {
    expect(refusedByHeader({ alg: "EdDSA", typ: "JWT", kid: "k" })).toBe(false);
    expect(refusedByHeader({ alg: "none", kid: "k" })).toBe(true);
    expect(refusedByHeader({ alg: "EdDSA", jku: "https://x" })).toBe(true);
  });

  it("decodeToken never throws on non-strings", () => {
    for (const v of [undefined, null, 1, {}, []]) expect(decodeToken(v)).toMatchObject({ ok: false, code: "token_malformed" });
  });
});
