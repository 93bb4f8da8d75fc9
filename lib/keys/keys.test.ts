import { describe, expect, it } from "vitest";
import { decodeBytes } from "../shared/base64url";
import { configuredKeys, deriveDialogportenKeys, jwksOf, signCompact } from "./keys";

describe("keys", () => {
  it("derives the same two distinct keys from the same seed", async () => {
    const a = await deriveDialogportenKeys("seed-1");
    const b = await deriveDialogportenKeys("seed-1");
    const c = await deriveDialogportenKeys("seed-2");
    expect(jwksOf([a.primary, a.secondary])).toEqual(jwksOf([b.primary, b.secondary]));
    expect(a.primary.publicJwk.x).not.toBe(a.secondary.publicJwk.x);
    expect(a.primary.kid).not.toBe(a.secondary.kid);
    expect(c.primary.publicJwk.x).not.toBe(a.primary.publicJwk.x);
    expect(a.primary.kid).toMatch(/^dp-sandbox-261129-[a-z0-9]{5}$/);
    expect(a.primary.privateKey.extractable).toBe(false);
  });

  it("loads Dialogporten's own unit-test key pair from its raw private component", async () => {
    // Ed25519GeneratorTests.cs in Altinn/dialogporten (docs/real-systems.md §1.5).
    const k = await configuredKeys(
      { kid: "unittestkeypair1", privateComponent: "ns9Mgams90E5bCNGg9iSXONvRvASFcWF_Nb_JJ8oAEA" },
      { kid: "unittestkeypair2", privateComponent: "ns9Mgams90E5bCNGg9iSXONvRvASFcWF_Nb_JJ8oAEA" },
    );
    expect(k.primary.publicJwk.x).toBe("qIn67qFQUBiwW2kv7J-5CdUCdR67CzOSnwXPBunh0d0");
  });

  it("produces 64-byte deterministic Ed25519 signatures", async () => {
    const { primary } = await deriveDialogportenKeys("seed-1");
    const t1 = await signCompact(primary, '{"alg":"EdDSA"}', '{"a":1}');
    const t2 = await signCompact(primary, '{"alg":"EdDSA"}', '{"a":1}');
    expect(t1).toBe(t2);
    expect(decodeBytes(t1.split(".")[2]!)!.length).toBe(64);
  });
});
