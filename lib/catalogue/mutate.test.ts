import { describe, expect, it } from "vitest";
import { decodeText } from "../shared/base64url";
import { makeToken, testJwks } from "../service-provider/fixtures/sandbox-tokens";
import * as m from "./mutate";

const payloadText = (t: string) => decodeText(t.split(".")[1]!) ?? "";

describe("token mutators", () => {
  it("changeOneByte changes exactly one byte of the payload and keeps header and signature", async () => {
    const t = await makeToken({ claims: { l: 3 } });
    const changed = m.changeOneByte(t);
    const [a, b] = [payloadText(t), payloadText(changed)];
    expect(a.length).toBe(b.length);
    expect([...a].filter((c, i) => c !== b[i])).toHaveLength(1);
    expect(b).toContain('"l":4');
    expect(changed.split(".")[0]).toBe(t.split(".")[0]);
    expect(changed.split(".")[2]).toBe(t.split(".")[2]);
    expect(payloadText(m.changeOneByte(await makeToken({ claims: { l: 9 } })))).toContain('"l":8');
    const noLevel = await makeToken({ claims: { l: undefined } });
    expect([...payloadText(noLevel)].filter((c, i) => c !== payloadText(m.changeOneByte(noLevel))[i])).toHaveLength(1);
  });

  it("strip, splice, none: the shapes the catalogue promises", async () => {
    const [t, donor] = [await makeToken(), await makeToken({ claims: { jti: "other" } })];
    expect(m.stripSignature(t)).toBe(`${t.split(".").slice(0, 2).join(".")}.`);
    expect(m.spliceSignature(t, donor).split(".")[2]).toBe(donor.split(".")[2]);
    const none = m.algNone(t);
    expect(m.headerOf(none).alg).toBe("none");
    expect(none.endsWith(".")).toBe(true);
    expect(m.claimsOf(none)).toMatchObject({ l: 4 });
  });

  it("attacker signatures are real signatures, by keys Dialogporten never published", async () => {
    const t = await makeToken();
    const signed = await m.attackerSigned(t);
    const { publicKey } = await m.attackerEd25519Key();
    const [h, p, s] = signed.split(".") as [string, string, string];
    const sig = Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    expect(await crypto.subtle.verify({ name: "Ed25519" }, publicKey, sig, new TextEncoder().encode(`${h}.${p}`))).toBe(true);
    expect(m.headerOf(signed).kid).toBe(m.headerOf(t).kid);
    expect(m.headerOf(await m.attackerSigned(t, { header: { kid: undefined } }))).not.toHaveProperty("kid");
    expect(m.headerOf(await m.embeddedJwk(t)).jwk).toMatchObject({ kty: "OKP", crv: "Ed25519", x: expect.any(String) });
    expect(m.headerOf(await m.embeddedJwk(t)).jwk).not.toHaveProperty("d");
    expect(m.headerOf(await m.keyUrlHeader(t, "jku")).jku).toBe(m.ATTACKER_JKU);
    expect(m.headerOf(await m.rs256(t)).alg).toBe("RS256");
    expect(m.headerOf(await m.hs256WithPublicKey(t, await testJwks())).alg).toBe("HS256");
  });

  it("padded, notBase64url, payloadNotObject", async () => {
    const t = await makeToken();
    expect(m.padded(t, 12 * 1024).length).toBeGreaterThanOrEqual(12 * 1024);
    expect(m.padded(t, 12 * 1024).length).toBeLessThan(12 * 1024 + 8);
    expect(m.notBase64url(t)).toHaveLength(t.length);
    expect(m.notBase64url(t).split(".")[1]).toContain("+");
    expect(JSON.parse(payloadText(m.payloadNotObject(t)))).toBeInstanceOf(Array);
  });

  it("MUTATIONS: every entry changes the token, and asks the context only for what it needs", async () => {
    const [t, donor] = [await makeToken(), await makeToken({ claims: { jti: "donor" } })];
    const asked: string[] = [];
    const context: m.MutationContext = {
      donorToken: async () => (asked.push("donor"), donor),
      publicJwks: async () => (asked.push("jwks"), testJwks()),
      accessToken: async () => (asked.push("access"), "an.access.token"),
    };
    for (const [name, mutator] of Object.entries(m.MUTATIONS)) {
      expect(await mutator(t, context), name).not.toBe(t);
    }
    expect(asked.sort()).toEqual(["access", "donor", "jwks"]);
    expect(m.headerOf(await m.MUTATIONS["unknown-kid"](t, context)).kid).toBe(m.UNKNOWN_KID);
  });
});
