import { describe, expect, it } from "vitest";
import { verifyWithJwks } from "@/e2e/providers/provider.mjs";
import { DIALOG_TOKEN_CLAIM_ORDER } from "../altinn/dialog-token";
import { deriveDialogportenKeys, jwksOf } from "../keys/keys";
import { decodeText } from "../shared/base64url";
import { DIALOG_ID } from "../seed/dialogs";
import { PARTY } from "../seed/parties";
import { mintDialogToken, parseMintRequest } from "./mint";

const keys = await deriveDialogportenKeys("mint-test-seed");
const kids = [keys.primary.kid, keys.secondary.kid];
const deps = { keys, issuer: "http://sandbox.test/dialogporten/api/v1", now: Date.UTC(2026, 10, 29, 12, 0, 0) };
const code = (body: unknown) => {
  const r = parseMintRequest(body, kids);
  return r.ok ? "ok" : r.code;
};

describe("what the test-token API will mint", () => {
  it("refuses what the real Dialogporten never signs, each with its own code", () => {
    expect(code({ alg: "none" })).toBe("alg_not_mintable");
    expect(code({ alg: "HS256" })).toBe("alg_not_mintable");
    expect(code({ alg: "EdDSA" })).toBe("ok");
    for (const member of ["jku", "jwk", "x5u", "x5c", "crit", "header"]) expect(code({ [member]: "x" }), member).toBe("header_not_mintable");
    expect(code({ typ: "at+jwt" })).toBe("typ_not_mintable");
    expect(code({ typ: "dialogcontexttoken+jwt" })).toBe("ok");
    expect(code({ kid: "dp-sandbox-261129-zzzzz" })).toBe("kid_unknown");
    expect(code({ kid: keys.secondary.kid })).toBe("ok");
    for (const claim of ["aud", "sub", "scope", "e", "pad"]) expect(code({ [claim]: "x" }), claim).toBe("claim_not_mintable");
  });

  it("refuses claims of the wrong type or out of range", () => {
    for (const body of [[], "x", null, 1]) expect(code(body)).toBe("body_not_object");
    for (const body of [
      { l: "3" },
      { l: 5 },
      { l: 2.5 },
      { iat: -1 },
      { exp: 1e13 },
      { nbf: "now" },
      { i: "" },
      { c: 42 },
      { a: 1 },
      { jti: "x".repeat(4097) },
    ]) {
      expect(code(body), JSON.stringify(body).slice(0, 40)).toBe("claim_invalid");
    }
    expect(code({ a: "" })).toBe("ok");
  });
});

describe("a minted token", () => {
  it("has the header and claims in the real order, with Dialogporten's defaults", async () => {
    const { token, header, claims } = await mintDialogToken({}, deps);
    expect(decodeText(token.split(".")[0]!)).toBe(`{"alg":"EdDSA","typ":"JWT","kid":"${keys.primary.kid}"}`);
    expect(header).toEqual({ alg: "EdDSA", typ: "JWT", kid: keys.primary.kid });
    expect(Object.keys(claims)).toEqual(DIALOG_TOKEN_CLAIM_ORDER.filter((c) => !["y", "o", "u"].includes(c)));
    const iat = deps.now / 1000;
    expect(claims).toMatchObject({ c: PARTY.ola, l: 3, p: PARTY.bakery, i: DIALOG_ID.vatReturn, a: "read", iss: deps.issuer, iat, nbf: iat, exp: iat + 600 });
    expect(claims.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await mintDialogToken({}, deps)).claims.jti).not.toBe(claims.jti);
  });

  it("takes every claim it is given, keeps the order, and lets nbf and exp follow a given iat", async () => {
    const { claims } = await mintDialogToken(
      {
        a: "delete,urn:altinn:task:Task_1",
        i: DIALOG_ID.taxReturn,
        iat: 1_000,
        u: "urn:altinn:organization:identifier-no:310000000",
        y: "urn:altinn:systemuser:uuid:x",
        o: PARTY.bakery,
        c: PARTY.vendor,
      },
      deps,
    );
    expect(Object.keys(claims)).toEqual([...DIALOG_TOKEN_CLAIM_ORDER]);
    expect(claims).toMatchObject({ p: PARTY.kari, s: "urn:altinn:resource:sandbox-skattemelding", iat: 1_000, nbf: 1_000, exp: 1_600 });
  });

  it("verifies with node:crypto from the JWKS alone, whichever published key signed it", async () => {
    const jwks = jwksOf([keys.primary, keys.secondary]);
    for (const kid of kids) {
      const { token } = await mintDialogToken({ kid, l: 4, a: "read;write" }, deps);
      const { header, claims } = verifyWithJwks(token, jwks);
      expect(header.kid).toBe(kid);
      expect(claims).toMatchObject({ l: 4, a: "read;write" });
    }
    const forged = await mintDialogToken({}, { ...deps, keys: await deriveDialogportenKeys("another seed") });
    expect(() => verifyWithJwks(forged.token, jwks)).toThrow(/unknown kid|bad signature/);
  });
});
