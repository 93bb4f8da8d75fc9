import { describe, expect, it } from "vitest";
import { TT02_ISSUER, TT02_JWKS, TT02_TOKEN, TT02_VALID_AT } from "@/lib/service-provider/fixtures/tt02-token";
import { verifyDialogToken } from "@/lib/service-provider/verify";
import {
  applyEdits,
  checkTime,
  cleanToken,
  defaultExpectations,
  expectationsOf,
  fieldText,
  fieldValue,
  parseJwks,
  reassemble,
  relativeParts,
  takeApart,
  tokenKind,
  type Piece,
} from "./model";

const piece = (() => {
  const r = takeApart(TT02_TOKEN);
  if (!r.ok) throw new Error(r.detail);
  return r.piece;
})();
const failureOf = async (token: string, now: number, form = defaultExpectations(piece.claims, "http://sandbox.test/dialogporten/api/v1")) =>
  (await verifyDialogToken(token, { jwks: TT02_JWKS, now, skewSeconds: 30, expect: expectationsOf(form) })).failure?.failure ?? "valid";

describe("taking a pasted token apart", () => {
  it("drops a Bearer prefix and the whitespace a terminal or e-mail adds", () => {
    expect(cleanToken(`Authorization: Bearer ${TT02_TOKEN.slice(0, 40)}\n  ${TT02_TOKEN.slice(40)} `)).toBe(TT02_TOKEN);
    expect(takeApart(`bearer ${TT02_TOKEN}`).ok).toBe(true);
  });

  it("says why something is not a token", () => {
    expect(takeApart("")).toEqual({ ok: false, detail: "The token is empty." });
    expect(takeApart("a.b").ok).toBe(false);
    expect(takeApart("not-a-token").ok).toBe(false);
  });
});

describe("editing", () => {
  it("keeps each field's type: strings stay strings, numbers numbers, JSON JSON", () => {
    expect(fieldText("read")).toBe("read");
    expect(fieldText(3)).toBe("3");
    expect(fieldText(["a"])).toBe('["a"]');
    expect(fieldValue("4", 3)).toBe(4);
    expect(fieldValue("four", 3)).toBe("four");
    expect(fieldValue("123", "x")).toBe("123");
    expect(fieldValue('["b"]', ["a"])).toEqual(["b"]);
    expect(applyEdits({ a: "read", l: 3 }, { l: "4" })).toEqual({ a: "read", l: 4 });
    expect(Object.keys(applyEdits({ z: 1, a: 2 }, { a: "3" }))).toEqual(["z", "a"]);
  });

  it("an unedited token comes back byte for byte, so its signature still holds", async () => {
    expect(reassemble(piece, applyEdits(piece.header, {}), applyEdits(piece.claims, { l: "3" }))).toBe(TT02_TOKEN);
    expect(await failureOf(reassemble(piece, piece.header, piece.claims), TT02_VALID_AT)).toBe("valid");
  });

  it("an edited claim with the old signature fails the signature check; an edited header too", async () => {
    const edited = reassemble(piece, piece.header, applyEdits(piece.claims, { a: "read;write" }));
    expect(edited.split(".")[0]).toBe(piece.parts.header);
    expect(edited.split(".")[2]).toBe(piece.parts.signature);
    expect(await failureOf(edited, TT02_VALID_AT)).toBe("signature_invalid");
    const hs = reassemble(piece, applyEdits(piece.header, { alg: "HS256" }), piece.claims);
    expect(await failureOf(hs, TT02_VALID_AT)).toBe("alg_not_allowed");
  });

  it("writes an edited part as Dialogporten's generator writes JSON (+ escaped)", () => {
    const p: Piece = { ...piece, claims: { ...piece.claims } };
    const token = reassemble(p, piece.header, { ...piece.claims, s: "a+b" });
    expect(atob(token.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))).toContain('"s":"a\\u002Bb"');
  });
});

describe("what the provider expects", () => {
  it("a known environment's issuer, the dialog and the first action of the token as loaded", () => {
    const form = defaultExpectations(piece.claims, "http://sandbox.test/dialogporten/api/v1");
    expect(form).toEqual({ issuer: TT02_ISSUER, dialogId: piece.claims.i, action: "read", minimumLevel: "" });
    expect(defaultExpectations({ ...piece.claims, iss: "https://evil.example" }, "http://s/dp").issuer).toBe("http://s/dp");
    expect(defaultExpectations({ a: "delete,urn:altinn:task:Task_1;read" }, "x").action).toBe("delete,urn:altinn:task:Task_1");
  });

  it("turns the form into the verifier's expectations; empty fields are not asked", () => {
    expect(expectationsOf({ issuer: " x ", dialogId: "", action: "", minimumLevel: "" })).toEqual({ issuer: "x" });
    expect(expectationsOf({ issuer: "x", dialogId: "d", action: "write,urn:altinn:task:Task_1", minimumLevel: "3" })).toEqual({
      issuer: "x",
      dialogId: "d",
      action: { name: "write", attribute: "urn:altinn:task:Task_1" },
      minimumLevel: 3,
    });
    expect(expectationsOf({ issuer: "x", dialogId: "", action: "", minimumLevel: "7" }).minimumLevel).toBeUndefined();
  });

  it("the real tt02 token is valid at its own time and expired now; an edited i is caught as another dialog", async () => {
    const at = checkTime("iat", piece.claims, Date.now(), null)!;
    expect(at).toBe(1739523367000);
    expect(await failureOf(TT02_TOKEN, at)).toBe("valid");
    expect(await failureOf(TT02_TOKEN, checkTime("now", piece.claims, Date.now(), null)!)).toBe("token_expired");
    expect(checkTime("chosen", piece.claims, 1, null)).toBeNull();
    expect(checkTime("chosen", piece.claims, 1, 5)).toBe(5);
    expect(checkTime("iat", { iat: "x" }, 1, null)).toBeNull();
  });
});

describe("keys and kinds", () => {
  it("reads a JWKS, a single JWK, and says what is wrong with anything else", () => {
    expect(parseJwks(JSON.stringify(TT02_JWKS))).toEqual({ ok: true, jwks: TT02_JWKS });
    expect(parseJwks(JSON.stringify(TT02_JWKS.keys[0]))).toEqual({ ok: true, jwks: { keys: [TT02_JWKS.keys[0]] } });
    expect(parseJwks("{")).toEqual({ ok: false, detail: "not JSON" });
    expect(parseJwks("[]")).toEqual({ ok: false, detail: "not a JSON object" });
    expect(parseJwks("{}")).toEqual({ ok: false, detail: 'no "keys" array' });
  });

  it("tells an access token from a dialog token", () => {
    expect(tokenKind(piece.header, piece.claims)).toBe("dialog");
    expect(tokenKind({ typ: "at+jwt" }, {})).toBe("access");
    expect(tokenKind({ typ: "JWT" }, { scope: "digdir:dialogporten", pid: "1" })).toBe("access");
  });

  it("relative time picks the largest whole unit, signed", () => {
    expect(relativeParts(0, 180_000)).toEqual({ value: -3, unit: "minute" });
    expect(relativeParts(45_000, 0)).toEqual({ value: 45, unit: "second" });
    expect(relativeParts(0, 3 * 86_400_000)).toEqual({ value: -3, unit: "day" });
    expect(relativeParts(0, 800 * 86_400_000)).toEqual({ value: -2, unit: "year" });
  });
});
