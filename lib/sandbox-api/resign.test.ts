import { describe, expect, it } from "vitest";
import { verifyWithJwks } from "@/e2e/providers/provider.mjs";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { testConfig } from "../config";
import { deriveDialogportenKeys, jwksOf } from "../keys/keys";
import { createSandbox } from "../sandbox";
import { encodeText } from "../shared/base64url";
import { DIALOG_ID } from "../seed/dialogs";
import { RESIGN_PATH } from "./client";
import { mintDialogToken } from "./mint";
import { parseResignRequest, resignDialogToken } from "./resign";

const keys = await deriveDialogportenKeys("resign-test-seed");
const kids = [keys.primary.kid, keys.secondary.kid];
const deps = { keys, issuer: "http://sandbox.test/dialogporten/api/v1", now: Date.UTC(2026, 10, 29, 12, 0, 0) };
const { token: original, claims: originalClaims } = await mintDialogToken({}, deps);

/** The token with its header and claims replaced and the old signature kept, as the workbench sends it. */
const edited = (header: Record<string, unknown>, claims: Record<string, unknown>) =>
  `${encodeText(JSON.stringify(header))}.${encodeText(JSON.stringify(claims))}.${original.split(".")[2]}`;
const header = { alg: "EdDSA", typ: "JWT", kid: keys.primary.kid };
const code = (body: unknown) => {
  const r = parseResignRequest(body, kids);
  return r.ok ? "ok" : r.code;
};

describe("what the sandbox will re-sign", () => {
  it("takes an edited dialog token, and refuses anything that is not one", () => {
    expect(code({ token: original })).toBe("ok");
    expect(code({ token: edited(header, { ...originalClaims, i: DIALOG_ID.taxReturn }) })).toBe("ok");
    for (const body of [null, [], "x", {}, { token: 1 }]) expect(code(body), JSON.stringify(body)).toBe("body_not_object");
    for (const token of ["", "a.b.c", "x", `${encodeText("[1]")}.${encodeText("{}")}.`, `${encodeText("{}")}.bm90IGpzb24.x`, "a.b.c.d.e"])
      expect(code({ token }), token).toBe("token_not_resignable");
  });

  it("refuses what Dialogporten never signs, with the test-token API's codes", () => {
    expect(code({ token: edited({ ...header, alg: "HS256" }, originalClaims) })).toBe("alg_not_mintable");
    expect(code({ token: edited({ ...header, alg: "none" }, originalClaims) })).toBe("alg_not_mintable");
    expect(code({ token: edited({ typ: "JWT", kid: header.kid }, originalClaims) })).toBe("alg_not_mintable");
    expect(code({ token: edited({ ...header, jku: "https://attacker.example" }, originalClaims) })).toBe("header_not_mintable");
    expect(code({ token: edited({ ...header, zip: "DEF" }, originalClaims) })).toBe("header_not_mintable");
    expect(code({ token: edited({ ...header, typ: "at+jwt" }, originalClaims) })).toBe("typ_not_mintable");
    expect(code({ token: edited(header, { ...originalClaims, aud: "x" }) })).toBe("claim_not_mintable");
    expect(code({ token: edited(header, { ...originalClaims, kid: "x" }) })).toBe("claim_not_mintable");
    expect(code({ token: edited(header, { ...originalClaims, l: "3" }) })).toBe("claim_invalid");
    expect(code({ token: edited(header, { ...originalClaims, exp: "tomorrow" }) })).toBe("claim_invalid");
    for (const missing of ["c", "l", "p", "s", "i", "a", "iss", "iat", "nbf", "exp"]) {
      const { [missing]: _gone, ...rest } = originalClaims;
      expect(code({ token: edited(header, rest) }), missing).toBe("claim_missing");
    }
  });
});

describe("a re-signed token", () => {
  it("carries exactly the edited claims in the real order, and verifies with the JWKS alone", async () => {
    const parsed = parseResignRequest({ token: edited(header, { exp: 5, ...originalClaims, i: DIALOG_ID.taxReturn }) }, kids);
    if (!parsed.ok) throw new Error(parsed.detail);
    const r = await resignDialogToken(parsed.value, keys);
    expect(r.claims).toEqual({ ...originalClaims, i: DIALOG_ID.taxReturn });
    expect(Object.keys(r.claims)).toEqual(Object.keys(originalClaims));
    expect(r.replacedKid).toBeUndefined();
    expect(verifyWithJwks(r.token, jwksOf([keys.primary, keys.secondary])).claims).toEqual(r.claims);
  });

  it("keeps a published kid, and replaces a foreign one (a tt02 token's) by the primary, saying so", async () => {
    const secondary = parseResignRequest({ token: edited({ ...header, kid: keys.secondary.kid }, originalClaims) }, kids);
    if (!secondary.ok) throw new Error(secondary.detail);
    expect((await resignDialogToken(secondary.value, keys)).header.kid).toBe(keys.secondary.kid);
    const foreign = parseResignRequest({ token: edited({ ...header, kid: "dp-staging-240322-o5ymn" }, originalClaims) }, kids);
    if (!foreign.ok) throw new Error(foreign.detail);
    const r = await resignDialogToken(foreign.value, keys);
    expect(r.header).toEqual(header);
    expect(r.replacedKid).toBe("dp-staging-240322-o5ymn");
  });
});

describe("POST /sandbox/api/v1/dialog-tokens/re-sign", () => {
  const suite = sandboxSuite();
  const url = () => `${suite.sandbox.config.origin}${RESIGN_PATH}`;
  const post = (body: string, type = "application/json") => fetch(url(), { method: "POST", headers: { "content-type": type }, body });

  it("re-signs a sandbox token with an edited dialog id; the provider then refuses it for the old dialog only", async () => {
    const mint = await fetch(`${suite.sandbox.config.origin}/sandbox/api/v1/dialog-tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const minted = (await mint.json()) as { token: string; claims: Record<string, unknown> };
    const [h, , s] = minted.token.split(".");
    const res = await post(JSON.stringify({ token: `${h}.${encodeText(JSON.stringify({ ...minted.claims, i: DIALOG_ID.taxReturn }))}.${s}` }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const { token } = (await res.json()) as { token: string };
    const embed = (dialog: string) =>
      fetch(`${suite.sandbox.config.serviceProviderOrigin}/service-provider/fce/${dialog}`, { headers: { authorization: `Bearer ${token}` } });
    const refused = await embed(DIALOG_ID.vatReturn);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "dialog_mismatch" });
  });

  it("answers bad input with a 4xx problem, never a token", async () => {
    const cases: [string, number, string][] = [
      ["{not json", 400, "malformed_json"],
      ['{"token":"a.b.c"}', 400, "token_not_resignable"],
      [JSON.stringify({ token: edited({ alg: "none", typ: "JWT" }, originalClaims) }), 400, "alg_not_mintable"],
      [JSON.stringify({ token: edited(header, { i: DIALOG_ID.vatReturn }) }), 400, "claim_missing"],
    ];
    for (const [body, status, c] of cases) {
      const res = await post(body);
      expect(res.status, c).toBe(status);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status, code: c });
    }
    expect((await post("token=x", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await fetch(url())).status).toBe(405);
  });

  it("a sandbox with SANDBOX_TEST_TOKENS=off re-signs nothing", async () => {
    const off = await createSandbox(testConfig({ testTokens: false }), { fetch: (i, init) => fetch(i, init) });
    const res = await off.handle(
      new Request(url(), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: original }) }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "test_tokens_disabled" });
  });
});
