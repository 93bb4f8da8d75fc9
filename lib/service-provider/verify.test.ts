import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeText } from "../shared/base64url";
import { TEST_ISSUER, TEST_NOW, makeToken, testJwks, testKeys } from "./fixtures/sandbox-tokens";
import { TT02_DIALOG_ID, TT02_ISSUER, TT02_JWKS, TT02_TOKEN, TT02_VALID_AT } from "./fixtures/tt02-token";
import { CHECK_ORDER } from "./types";
import type { VerifyContext } from "./types";
import { verifyDialogToken } from "./verify";

const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";

async function ctx(over: Partial<VerifyContext> = {}, expect: Partial<VerifyContext["expect"]> = {}): Promise<VerifyContext> {
  return { jwks: await testJwks(), now: TEST_NOW, skewSeconds: 10, ...over, expect: { issuer: TEST_ISSUER, ...expect } };
}

async function failure(token: string, c?: VerifyContext) {
  const r = await verifyDialogToken(token, c ?? (await ctx()));
  expect(r.valid).toBe(false);
  return r.failure?.failure;
}

/** A compact JWS with any header, signed (or not) by hand. */
function rawJwt(header: object, payload: object, signer: (input: string) => string = () => "") {
  const input = `${encodeText(JSON.stringify(header))}.${encodeText(JSON.stringify(payload))}`;
  return `${input}.${signer(input)}`;
}

describe("verifyDialogToken on the real tt02 token", () => {
  const tt02 = (now = TT02_VALID_AT, expect: Partial<VerifyContext["expect"]> = {}): VerifyContext => ({
    jwks: TT02_JWKS,
    now,
    skewSeconds: 0,
    expect: { issuer: TT02_ISSUER, ...expect },
  });

  it("accepts it at 2025-02-14T09:00Z with every check passing", async () => {
    const r = await verifyDialogToken(TT02_TOKEN, tt02(TT02_VALID_AT, { dialogId: TT02_DIALOG_ID.toUpperCase(), action: { name: "read" }, minimumLevel: 3 }));
    expect(r.valid).toBe(true);
    expect(r.checks.map((c) => c.code)).toEqual([...CHECK_ORDER]);
    expect(r.checks.every((c) => c.ok && !c.skipped)).toBe(true);
    expect(r.header).toEqual({ alg: "EdDSA", typ: "JWT", kid: "dp-staging-240322-o5ymn" });
    expect(r.claims).toMatchObject({ l: 3, a: "read", i: TT02_DIALOG_ID, exp: 1739523967 });
  });

  it("fails as the .NET validator's own tests do", async () => {
    expect(await failure(TT02_TOKEN, tt02(Date.parse("2025-02-17T09:00:00Z")))).toBe("token_expired");
    expect(await failure(TT02_TOKEN, tt02(Date.parse("2025-02-14T08:50:00Z")))).toBe("token_not_yet_valid");
    expect(await failure(TT02_TOKEN, tt02(TT02_VALID_AT, { dialogId: "329491ca-a4e9-4460-8988-f2dc80ea39fe" }))).toBe("dialog_mismatch");
    expect(await failure(TT02_TOKEN, tt02(TT02_VALID_AT, { action: { name: "write" } }))).toBe("action_not_in_token");
    expect(await failure("This.TokenIs.Invalid", tt02())).toBe("token_malformed");
    const [h, p, s] = TT02_TOKEN.split(".") as [string, string, string];
    const tampered = encodeText(atob(p.replace(/-/g, "+").replace(/_/g, "/")).replace('"l":3', '"l":4'));
    expect(await failure(`${h}.${tampered}.${s}`, tt02())).toBe("signature_invalid");
    const fakeKid = encodeText(JSON.stringify({ alg: "EdDSA", typ: "JWT", kid: "dp-testing-fake-kid" }));
    expect(await failure(`${fakeKid}.${p}.${s}`, tt02())).toBe("kid_unknown");
  });

  it("refuses it with the secondary key's x under the primary's kid", async () => {
    const [primary, secondary] = TT02_JWKS.keys;
    const swapped = { keys: [{ ...primary, x: secondary.x }] };
    expect(await failure(TT02_TOKEN, { ...tt02(), jwks: swapped })).toBe("signature_invalid");
  });
});

describe("verifyDialogToken", () => {
  it("accepts a token signed directly with node:crypto", async () => {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    const jwk = { ...publicKey.export({ format: "jwk" }), kid: "node-key", use: "sig", alg: "EdDSA" };
    const now = Math.floor(TEST_NOW / 1000);
    const token = rawJwt(
      { alg: "EdDSA", typ: "JWT", kid: "node-key" },
      { jti: "x", c: "urn:c", l: 3, p: "urn:p", s: "urn:s", i: DIALOG, a: "read", iss: TEST_ISSUER, iat: now, nbf: now, exp: now + 600 },
      (input) => sign(null, Buffer.from(input), privateKey).toString("base64url"),
    );
    const r = await verifyDialogToken(token, await ctx({ jwks: { keys: [jwk as never] } }, { dialogId: DIALOG, action: { name: "read" } }));
    expect(r.failure).toBeUndefined();
    expect(r.valid).toBe(true);
  });

  it("lists every check, later ones skipped after the first failure, unrequested ones skipped but ok", async () => {
    const r = await verifyDialogToken(await makeToken({ claims: { iss: "https://evil.example" } }), await ctx());
    expect(r.checks.map((c) => c.code)).toEqual([...CHECK_ORDER]);
    expect(r.failure).toMatchObject({ code: "iss", failure: "issuer_mismatch", expected: TEST_ISSUER, actual: "https://evil.example" });
    const after = r.checks.slice(CHECK_ORDER.indexOf("iss") + 1);
    expect(after.every((c) => !c.ok && c.skipped)).toBe(true);
    const ok = await verifyDialogToken(await makeToken(), await ctx());
    expect(ok.valid).toBe(true);
    expect(ok.checks.filter((c) => c.skipped).map((c) => [c.code, c.ok])).toEqual([
      ["i", true],
      ["a", true],
      ["l", true],
    ]);
  });

  it("format: token_malformed for broken structure or claim types, token_too_large over 8 KB", async () => {
    const good = await makeToken();
    const [h, p, s] = good.split(".") as [string, string, string];
    const malformed = [
      "",
      "a.b",
      `${h}.${p}`,
      `${good}.x`,
      `${h}=.${p}.${s}`,
      `${h}.${p}.${s}!`,
      `${encodeText("[1]")}.${p}.${s}`,
      `${h}.${encodeText("null")}.${s}`,
      `${h}.${encodeText("{bad json")}.${s}`,
      await makeToken({ claims: { exp: "soon" } }),
      await makeToken({ claims: { l: 3.5 } }),
      await makeToken({ claims: { l: "3" } }),
      await makeToken({ claims: { a: undefined } }),
      await makeToken({ claims: { i: 42 } }),
      await makeToken({ claims: { jti: 1 } }),
    ];
    for (const t of malformed) expect(await failure(t), t).toBe("token_malformed");
    expect(await failure(await makeToken({ claims: { pad: "x".repeat(9000) } }))).toBe("token_too_large");
  });

  it("alg: only EdDSA; none, HS256 (key confusion), RS256, ES256 and RFC 9864 Ed25519 are refused", async () => {
    const { primary } = await testKeys();
    const claims = JSON.parse(atob((await makeToken()).split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))) as object;
    const hs = rawJwt({ alg: "HS256", typ: "JWT", kid: primary.kid }, claims, (i) => createHmac("sha256", primary.publicJwk.x).update(i).digest("base64url"));
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const rs = rawJwt({ alg: "RS256", typ: "JWT", kid: primary.kid }, claims, (i) => sign("sha256", Buffer.from(i), rsa.privateKey).toString("base64url"));
    const none = rawJwt({ alg: "none", typ: "JWT", kid: primary.kid }, claims, () => "AA");
    for (const t of [hs, rs, none]) expect(await failure(t)).toBe("alg_not_allowed");
    for (const alg of ["ES256", "Ed25519", "eddsa", undefined]) expect(await failure(await makeToken({ header: { alg } }))).toBe("alg_not_allowed");
  });

  it("header: jku, jwk, x5u, x5c and crit are refused even when the signature is good", async () => {
    for (const extra of [
      { jku: "https://evil.example/jwks" },
      { jwk: { kty: "OKP" } },
      { x5u: "https://evil.example/c" },
      { x5c: ["MII"] },
      { crit: ["exp"] },
      { crit: [] },
    ]) {
      expect(await failure(await makeToken({ header: extra }))).toBe("header_not_allowed");
    }
  });

  it("kid: missing, unknown, or naming a key that is not Ed25519", async () => {
    expect(await failure(await makeToken({ header: { kid: undefined } }))).toBe("kid_missing");
    expect(await failure(await makeToken({ header: { kid: 7 } }))).toBe("kid_missing");
    expect(await failure(await makeToken({ header: { kid: "dp-sandbox-261129-zzzzz" } }))).toBe("kid_unknown");
    const { primary } = await testKeys();
    const notEd = [
      { ...primary.publicJwk, crv: "X25519" },
      { ...primary.publicJwk, kty: "RSA" },
      { ...primary.publicJwk, use: "enc" },
      { ...primary.publicJwk, alg: "RS256" },
    ];
    for (const k of notEd) expect(await failure(await makeToken(), await ctx({ jwks: { keys: [k as never] } }))).toBe("kid_unknown");
  });

  it("signature: signed by the other key, altered, or truncated", async () => {
    const { primary, secondary } = await testKeys();
    expect(await failure(await makeToken({ key: secondary, header: { kid: primary.kid } }))).toBe("signature_invalid");
    const [h, , s] = (await makeToken()).split(".") as [string, string, string];
    const other = (await makeToken({ claims: { a: "read;write;delete" } })).split(".")[1]!;
    expect(await failure(`${h}.${other}.${s}`)).toBe("signature_invalid");
    expect(await failure(`${h}.${other}.${s.slice(0, 40)}`)).toBe("signature_invalid");
    // A stripped signature is a well-formed unsecured JWS; the signature check refuses it by name.
    expect(await failure(`${h}.${other}.`)).toBe("signature_invalid");
    expect(await failure(await makeToken(), await ctx({ jwks: { keys: [{ ...primary.publicJwk, x: "AAAA" }] } }))).toBe("signature_invalid");
    expect((await verifyDialogToken(await makeToken({ key: secondary }), await ctx())).valid).toBe(true);
  });

  it("typ and iss", async () => {
    for (const typ of [undefined, "at+jwt", "jwt"]) expect(await failure(await makeToken({ header: { typ } }))).toBe("typ_invalid");
    expect(await failure(await makeToken({ claims: { iss: `${TEST_ISSUER}/` } }))).toBe("issuer_mismatch");
  });

  it("nbf and exp honour the skew at their boundaries", async () => {
    const skew = 10;
    const at = (ms: number) => ctx({ now: ms, skewSeconds: skew });
    const t = await makeToken();
    expect((await verifyDialogToken(t, await at(TEST_NOW - skew * 1000))).valid).toBe(true);
    expect(await failure(t, await at(TEST_NOW - skew * 1000 - 1))).toBe("token_not_yet_valid");
    expect((await verifyDialogToken(t, await at(TEST_NOW + (600 + skew) * 1000))).valid).toBe(true);
    expect(await failure(t, await at(TEST_NOW + (600 + skew) * 1000 + 1))).toBe("token_expired");
  });

  it("exp: a lifetime over 600 s, or exp not after nbf, is refused", async () => {
    const iat = Math.floor(TEST_NOW / 1000);
    expect(await failure(await makeToken({ claims: { exp: iat + 3600 } }))).toBe("token_lifetime_invalid");
    expect(await failure(await makeToken({ claims: { nbf: iat, exp: iat } }))).toBe("token_lifetime_invalid");
    expect((await verifyDialogToken(await makeToken({ claims: { exp: iat + 3600 } }), { ...(await ctx()), maxLifetimeSeconds: 3600 })).valid).toBe(true);
  });

  it("i: compared as a GUID, case-insensitively", async () => {
    const t = await makeToken();
    expect((await verifyDialogToken(t, await ctx({}, { dialogId: DIALOG.toUpperCase() }))).valid).toBe(true);
    expect(await failure(t, await ctx({}, { dialogId: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02" }))).toBe("dialog_mismatch");
  });

  it("a: Dialogporten #4043, an action with an attribute grants exactly that pair", async () => {
    const t = await makeToken({ claims: { a: "read;delete,urn:altinn:task:Task_1;transmissionread,urn:altinn:subresource:vedtak" } });
    const ok = async (name: string, attribute?: string) => (await verifyDialogToken(t, await ctx({}, { action: { name, attribute } }))).valid;
    expect(await ok("delete", "urn:altinn:task:Task_1")).toBe(true);
    expect(await ok("delete")).toBe(false);
    expect(await ok("delete", "urn:altinn:task:Task_2")).toBe(false);
    expect(await ok("read")).toBe(true);
    expect(await ok("read", "urn:altinn:subresource:main")).toBe(true);
    expect(await ok("read", "main")).toBe(true);
    expect(await ok("read", "urn:altinn:task:Task_1")).toBe(false);
    expect(await ok("transmissionread", "urn:altinn:subresource:vedtak")).toBe(true);
    expect(await ok("transmissionread")).toBe(false);
    expect(await ok("DELETE", "urn:altinn:task:Task_1")).toBe(true);
    expect(await ok("write")).toBe(false);
    const bare = await makeToken({ claims: { a: "read;delete" } });
    expect(await failure(bare, await ctx({}, { action: { name: "delete", attribute: "urn:altinn:task:Task_1" } }))).toBe("action_not_in_token");
    const empty = await makeToken({ claims: { a: "" } });
    expect(await failure(empty, await ctx({}, { action: { name: "read" } }))).toBe("action_not_in_token");
  });

  it("l: at least the minimum", async () => {
    const t = await makeToken({ claims: { l: 3 } });
    expect((await verifyDialogToken(t, await ctx({}, { minimumLevel: 3 }))).valid).toBe(true);
    expect(await failure(t, await ctx({}, { minimumLevel: 4 }))).toBe("authentication_level_too_low");
  });

  it("never throws and never accepts arbitrary input", async () => {
    const c = await ctx();
    const good = await makeToken();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `${good}${s}`),
          fc.string().map((s) => `${s}${good.slice(1)}`),
        ),
        async (input) => {
          const r = await verifyDialogToken(input, c);
          return input === good || (r.valid === false && r.failure !== undefined && r.checks.length === CHECK_ORDER.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
