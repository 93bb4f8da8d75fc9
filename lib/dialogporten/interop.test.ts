import { createPublicKey, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { testConfig } from "../config";
import { runFlow } from "../end-user-system/flow";
import { createSandbox } from "../sandbox";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";

// Interop: a sandbox token checked by node:crypto (OpenSSL) with nothing but the published JWKS —
// no code of this project on the verifying side.
const sb = sandboxSuite();

describe("a sandbox dialog token", () => {
  it("verifies with node:crypto from the published JWKS alone, and only with the key its kid names", async () => {
    const { sandbox } = sb;
    const trace = await runFlow(sb.context(false), {
      persona: findPersona("ola")!,
      dialogId: DIALOG_ID.vatReturn,
      action: { kind: "embed" },
      serviceProviderOrigin: sandbox.config.serviceProviderOrigin,
    });
    const token = trace.dialogToken!;
    const [h, p, s] = token.split(".") as [string, string, string];
    const header = JSON.parse(Buffer.from(h, "base64url").toString("utf8")) as { alg: string; kid: string };
    const jwks = (await (await fetch(`${sandbox.config.origin}/dialogporten/api/v1/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string; kty: string; crv: string; x: string }>;
    };
    expect(jwks.keys).toHaveLength(2);
    expect(header.alg).toBe("EdDSA");

    const input = Buffer.from(`${h}.${p}`, "ascii");
    const signature = Buffer.from(s, "base64url");
    const results = jwks.keys.map((k) => ({
      kid: k.kid,
      ok: verify(null, input, createPublicKey({ key: { kty: k.kty, crv: k.crv, x: k.x }, format: "jwk" }), signature),
    }));
    expect(results).toEqual([
      { kid: jwks.keys[0]!.kid, ok: true },
      { kid: jwks.keys[1]!.kid, ok: false },
    ]);
    expect(header.kid).toBe(jwks.keys[0]!.kid);

    // One flipped payload bit and OpenSSL refuses it too.
    const tampered = Buffer.from(`${h}.${p.slice(0, -2)}${p.at(-2) === "A" ? "B" : "A"}${p.at(-1)}`, "ascii");
    expect(verify(null, tampered, createPublicKey({ key: jwks.keys[0]!, format: "jwk" }), signature)).toBe(false);
  });

  it("is the same token two instances with one seed would accept: same JWKS", async () => {
    const { sandbox } = sb;
    const other = await createSandbox(testConfig(), { fetch: (i, init) => fetch(i, init) });
    const a = await (await sandbox.handle(new Request(`${sandbox.config.origin}/dialogporten/api/v1/.well-known/jwks.json`))).text();
    const b = await (await other.handle(new Request(`${sandbox.config.origin}/dialogporten/api/v1/.well-known/jwks.json`))).text();
    expect(a).toBe(b);
    expect(res(await sandbox.handle(new Request(`${sandbox.config.origin}/dialogporten/api/v1/.well-known/jwks.json`)))).toMatchObject({
      "cache-control": "public, max-age=86400",
    });
  });
});

function res(r: Response) {
  return Object.fromEntries(r.headers.entries());
}
