import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { decodeText, encodeText } from "../shared/base64url";
import { TEST_ISSUER, TEST_NOW, makeToken, testJwks } from "./fixtures/sandbox-tokens";
import { CHECK_ORDER } from "./types";
import type { VerifyContext } from "./types";
import { verifyDialogToken } from "./verify";

// Property: no mutation of a valid token — short of re-signing with Dialogporten's key — is ever accepted.
const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";
const CHARS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", ".", "=", "+", "/", " ", "!", "%", "é", "\u0000"];

let ctx: VerifyContext;
let good: string;
let others: string[];
beforeAll(async () => {
  ctx = {
    jwks: await testJwks(),
    now: TEST_NOW,
    skewSeconds: 10,
    expect: { issuer: TEST_ISSUER, dialogId: DIALOG, action: { name: "read" }, minimumLevel: 3 },
  };
  good = await makeToken({ claims: { i: DIALOG, a: "read;write" } });
  // Valid tokens with other content, for splicing parts.
  others = await Promise.all([
    makeToken({ claims: { i: DIALOG, a: "read;write;delete,urn:altinn:task:Task_1", l: 4 } }),
    makeToken({ claims: { i: DIALOG, a: "read", jti: "another" } }),
    makeToken({ claims: { i: DIALOG }, issuedAt: TEST_NOW - 1000 }),
  ]);
});

const parts = (t: string) => t.split(".") as [string, string, string];
/** The part's JSON object, or an empty one when an earlier mutation broke it (mutations chain). */
const json = (part: string): Record<string, unknown> => {
  try {
    const v: unknown = JSON.parse(decodeText(part ?? "") ?? "null");
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

type Mutation = { kind: string; apply: (token: string) => string };

const byteFlip = fc.record({ at: fc.nat(), char: fc.constantFrom(...CHARS) }).map(({ at, char }): Mutation => ({
  kind: "flip",
  apply: (t) => {
    const i = at % t.length;
    return t.slice(0, i) + (t[i] === char ? (char === "A" ? "B" : "A") : char) + t.slice(i + 1);
  },
}));

const truncation = fc.record({ from: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }).map(({ from, length }): Mutation => ({
  kind: "truncate",
  apply: (t) => {
    const i = from % t.length;
    return t.slice(0, i) + t.slice(Math.min(t.length, i + length));
  },
}));

/** A header, payload and signature taken from different valid tokens (never all three from one). */
const partSwap = fc.tuple(fc.nat(3), fc.nat(3), fc.nat(3), fc.boolean()).map(([h, p, s, reorder]): Mutation => ({
  kind: "swap",
  apply: (t) => {
    const pool = [t, ...others].map(parts);
    let [a, b, c] = [pool[h]![0], pool[p]![1], pool[s]![2]];
    if (h === p && p === s) c = pool[(s + 1) % pool.length]![2];
    if (reorder) [a, b] = [b, a];
    return `${a}.${b}.${c}`;
  },
}));

const jsonValue = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
);
const HEADER_NAMES = ["alg", "typ", "kid", "jku", "jwk", "x5u", "x5c", "crit", "cty", "b64", "zip", "extra"];
const CLAIM_NAMES = ["jti", "c", "l", "p", "s", "i", "a", "iss", "iat", "nbf", "exp", "y", "o", "u", "aud", "sub", "extra"];

/** Members changed, added or deleted, re-encoded — and the original signature kept. */
const reencoded = (which: 0 | 1, names: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...names), fc.option(jsonValue, { nil: undefined })), { minLength: 1, maxLength: 4 }).map((edits): Mutation => ({
    kind: which === 0 ? "header" : "claims",
    apply: (t) => {
      const p = parts(t);
      const obj = json(p[which]);
      for (const [name, value] of edits) {
        if (value === undefined) delete obj[name];
        else obj[name] = value;
      }
      p[which] = encodeText(JSON.stringify(obj));
      return p.join(".");
    },
  }));

/** The same header and claims, spelled differently (spacing, key order): the signing input changes. */
const respelled = fc.constantFrom<Mutation>(
  {
    kind: "respell",
    apply: (t) => {
      const p = parts(t);
      p[1] = encodeText(JSON.stringify(json(p[1]), null, 1));
      return p.join(".");
    },
  },
  {
    kind: "respell",
    apply: (t) => {
      const p = parts(t);
      p[0] = encodeText(JSON.stringify(Object.fromEntries(Object.entries(json(p[0])).reverse())));
      return p.join(".");
    },
  },
  {
    kind: "respell",
    apply: (t) => {
      const p = parts(t);
      p[1] = encodeText(` ${decodeText(p[1] ?? "") ?? "{}"}`);
      return p.join(".");
    },
  },
);

const mutation = fc.oneof(
  { weight: 4, arbitrary: byteFlip },
  { weight: 2, arbitrary: truncation },
  { weight: 2, arbitrary: partSwap },
  { weight: 2, arbitrary: reencoded(0, HEADER_NAMES) },
  { weight: 3, arbitrary: reencoded(1, CLAIM_NAMES) },
  { weight: 1, arbitrary: respelled },
);

describe("verifyDialogToken (property)", () => {
  it("the unmutated token is valid, so every refusal below is the mutation's doing", async () => {
    expect((await verifyDialogToken(good, ctx)).valid).toBe(true);
    for (const t of others) expect((await verifyDialogToken(t, ctx)).valid).toBe(true);
  });

  it("refuses every one of 1,500 random mutations of a valid token, with a code, never throwing", async () => {
    const seen = new Map<string, number>();
    const codes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const mutated = ms.reduce((t, m) => m.apply(t), good);
        fc.pre(mutated !== good && !others.includes(mutated));
        for (const m of ms) seen.set(m.kind, (seen.get(m.kind) ?? 0) + 1);
        const r = await verifyDialogToken(mutated, ctx);
        codes.set(r.failure?.failure ?? "ACCEPTED", (codes.get(r.failure?.failure ?? "ACCEPTED") ?? 0) + 1);
        expect(r.valid).toBe(false);
        expect(r.failure?.failure).toBeTypeOf("string");
        expect(r.checks.map((c) => c.code)).toEqual([...CHECK_ORDER]);
      }),
      { numRuns: 1500 },
    );
    // Guards the generators: every kind of mutation ran, and refusals came from many different checks.
    for (const kind of ["flip", "truncate", "swap", "header", "claims", "respell"]) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(20);
    expect(codes.has("ACCEPTED")).toBe(false);
    expect(codes.size).toBeGreaterThanOrEqual(6);
  });
});
