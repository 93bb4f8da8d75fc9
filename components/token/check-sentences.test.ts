import { describe, expect, it } from "vitest";
import { encodeText } from "@/lib/shared/base64url";
import { TEST_ISSUER, TEST_NOW, makeToken, testJwks, testKeys } from "@/lib/service-provider/fixtures/sandbox-tokens";
import type { VerifyContext } from "@/lib/service-provider/types";
import { verifyDialogToken } from "@/lib/service-provider/verify";
import { checkSentence } from "./check-sentences";

const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";

async function ctx(over: Partial<VerifyContext> = {}, expect: Partial<VerifyContext["expect"]> = {}): Promise<VerifyContext> {
  return { jwks: await testJwks(), now: TEST_NOW, skewSeconds: 10, ...over, expect: { issuer: TEST_ISSUER, ...expect } };
}

const part = (value: unknown) => encodeText(JSON.stringify(value));
const asked = { dialogId: DIALOG, action: { name: "read" }, minimumLevel: 3 };

/** Every way the verifier can end a check: each token with the context it is checked in. */
async function cases(): Promise<Array<[string, string, VerifyContext]>> {
  const good = await makeToken();
  const [h, p, s] = good.split(".") as [string, string, string];
  const { secondary } = await testKeys();
  const jwks = await testJwks();
  const badKey = { ...jwks, keys: jwks.keys.map((k) => ({ ...k, x: encodeText("short") })) };
  return [
    ["valid, all asked", good, await ctx({}, asked)],
    ["valid, nothing asked", good, await ctx()],
    ["empty", "", await ctx()],
    ["too large", `${h}.${"A".repeat(9000)}.${s}`, await ctx()],
    ["two parts", `${h}.${p}`, await ctx()],
    ["header not base64url", `%%%.${p}.${s}`, await ctx()],
    ["header not JSON", `${encodeText("{no")}.${p}.${s}`, await ctx()],
    ["payload an array", `${h}.${part([1])}.${s}`, await ctx()],
    ["payload a number", `${h}.${part(7)}.${s}`, await ctx()],
    ["duplicate member", `${encodeText('{"alg":"EdDSA","alg":"none"}')}.${p}.${s}`, await ctx()],
    ["signature not base64url", `${h}.${p}.%%%`, await ctx()],
    ["claim not a string", await makeToken({ claims: { c: 5 } }), await ctx()],
    ["optional claim not a string", await makeToken({ claims: { u: 5 } }), await ctx()],
    ["date not a number", await makeToken({ claims: { exp: "soon" } }), await ctx()],
    ["level not an integer", await makeToken({ claims: { l: 2.5 } }), await ctx()],
    ["alg none", await makeToken({ header: { alg: "none" } }), await ctx()],
    ["jku", await makeToken({ header: { jku: "https://evil.example/jwks" } }), await ctx()],
    ["no kid", await makeToken({ header: { kid: undefined } }), await ctx()],
    ["unknown kid", await makeToken({ header: { kid: "nobody" } }), await ctx()],
    ["kid of an unusable key", good, await ctx({ jwks: { keys: jwks.keys.map((k) => ({ ...k, use: "enc" })) } })],
    ["key not 32 bytes", good, await ctx({ jwks: badKey })],
    ["signature 3 bytes", `${h}.${p}.${encodeText("abc")}`, await ctx()],
    ["signed by another key", `${h}.${p}.${(await makeToken({ key: secondary })).split(".")[2]}`, await ctx()],
    ["typ", await makeToken({ header: { typ: "at+jwt" } }), await ctx()],
    ["issuer", await makeToken({ claims: { iss: "https://elsewhere.test" } }), await ctx()],
    ["not yet valid", good, await ctx({ now: TEST_NOW - 3600_000 })],
    ["expired", good, await ctx({ now: TEST_NOW + 3600_000 })],
    ["lifetime", await makeToken({ claims: { exp: Math.floor(TEST_NOW / 1000) + 6000 } }), await ctx()],
    ["another dialog", good, await ctx({}, { dialogId: "019ad0c2-0000-7a3b-9c4d-2e5f6a7b8c01" })],
    ["action not in a", good, await ctx({}, { action: { name: "sign", attribute: "urn:altinn:task:Task_2" } })],
    ["level too low", good, await ctx({}, { minimumLevel: 4 })],
  ];
}

describe("checkSentence", () => {
  it("has Norwegian for every sentence the real verifier writes, whatever the token, and fills in its values", async () => {
    const untranslated: string[] = [];
    const failures = new Set<string>();
    for (const [name, token, context] of await cases()) {
      const result = await verifyDialogToken(token, context);
      if (result.failure?.failure) failures.add(result.failure.failure);
      for (const check of result.checks) {
        const { text, lang } = checkSentence(check, "nb");
        if (lang !== "nb") untranslated.push(`${name} / ${check.code}: ${check.detail}`);
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(untranslated).toEqual([]);
    // The cases above reach every refusal the verifier has.
    expect([...failures].sort()).toEqual(
      [
        "action_not_in_token",
        "alg_not_allowed",
        "authentication_level_too_low",
        "dialog_mismatch",
        "header_not_allowed",
        "issuer_mismatch",
        "kid_missing",
        "kid_unknown",
        "signature_invalid",
        "token_expired",
        "token_lifetime_invalid",
        "token_malformed",
        "token_not_yet_valid",
        "token_too_large",
        "typ_invalid",
      ].sort(),
    );
  });

  it("carries the values into the Norwegian sentence, and words for the words", () => {
    const at = (code: "kid" | "format" | "nbf" | "a", detail: string, ok = true) => checkSentence({ code, detail, ok }, "nb");
    expect(at("kid", "Key dp-sandbox-1 found in the JWKS.")).toEqual({ text: "Nøkkelen dp-sandbox-1 finnes i JWKS-en.", lang: "nb" });
    expect(at("format", "The payload is JSON but not an object (it is an array).", false).text).toBe(
      "Payloaden er JSON, men ikke et objekt (det er en liste).",
    );
    expect(at("nbf", "Not valid yet: nbf 2026-11-29T13:00:00.000Z, now 2026-11-29T12:00:00.000Z, skew 10 s.", false).text).toBe(
      "Ikke gyldig ennå: nbf 2026-11-29T13:00:00.000Z, nå 2026-11-29T12:00:00.000Z, tillatt klokkeavvik 10 s.",
    );
    expect(at("a", "delete,urn:altinn:task:Task_1 is granted.").text).toBe("delete,urn:altinn:task:Task_1 er tillatt.");
    expect(checkSentence({ code: "l", detail: "Not checked: an earlier check failed.", ok: false, skipped: true }, "nb").text).toBe(
      "Ikke kontrollert: en tidligere kontroll feilet.",
    );
  });

  it("keeps the verifier's own words in English, and a sentence it does not know in English, marked so", () => {
    expect(checkSentence({ code: "kid", detail: "Key k1 found in the JWKS.", ok: true }, "en")).toEqual({ text: "Key k1 found in the JWKS.", lang: "en" });
    expect(checkSentence({ code: "kid", detail: "Some new wording.", ok: true }, "nb")).toEqual({ text: "Some new wording.", lang: "en" });
    // A sentence belongs to its check: the kid's wording under another check is not translated.
    expect(checkSentence({ code: "alg", detail: "Key k1 found in the JWKS.", ok: true }, "nb").lang).toBe("en");
  });
});
