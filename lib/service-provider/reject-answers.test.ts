import { describe, expect, it } from "vitest";
import { seedDialogs } from "../seed/dialogs";
import { serviceResources } from "../seed/resources";
import { extractBearer } from "./bearer";
import type { BearerFailureCode } from "./bearer";
import { TEST_ISSUER, TEST_METADATA_URL, TEST_NOW, fakeDialogporten, makeToken, testJwks } from "./fixtures/sandbox-tokens";
import { createServiceProviderService } from "./handler";

// The provider's refusals that come before or beside the verifier: the bearer extraction (RFC 6750) and
// answers that are no verdict on the token (keys unavailable, a bad fault header).
const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";

describe("every bearer failure code", () => {
  const SP = "http://sp.test/service-provider/fce/x";
  const CASES: Record<BearerFailureCode, Request[]> = {
    token_missing: [
      new Request(SP),
      new Request(SP, { headers: { authorization: "  " } }),
      new Request(SP, { headers: { authorization: "Basic Zm9vOmJhcg==" } }),
    ],
    authorization_header_malformed: [
      new Request(SP, { headers: { authorization: "Bearer" } }),
      new Request(SP, { headers: { authorization: 'Bearer "a.b.c"' } }),
      new Request(SP, { headers: { authorization: "Bearer a b" } }),
      new Request(SP, { headers: { authorization: "Bearer a=b" } }),
    ],
    authorization_header_repeated: [
      new Request(SP, {
        headers: [
          ["authorization", "Bearer a"],
          ["authorization", "Bearer b"],
        ],
      }),
    ],
    token_in_query: [new Request(`${SP}?access_token=a.b.c`, { headers: { authorization: "Bearer a.b.c" } })],
    token_in_cookie: [new Request(SP, { headers: { cookie: "theme=dark; Dialog_Token=a.b.c" } }), new Request(SP, { headers: { cookie: "access_token=x" } })],
  };
  it.each(Object.entries(CASES))("%s", (code, requests) => {
    for (const r of requests) expect(extractBearer(r)).toMatchObject({ ok: false, code });
  });
});

describe("service provider answers that are not a verifier verdict", () => {
  async function sp(down = false) {
    const dp = fakeDialogporten(await testJwks());
    dp.state.down = down;
    // Like the real Dialogporten, the fake answers 503 when asked for the jwks-unavailable fault.
    const fetch: typeof dp.fetch = async (input, init) =>
      new Headers(init?.headers).get("sandbox-fault")?.includes("jwks-unavailable") ? new Response("maintenance", { status: 503 }) : dp.fetch(input, init);
    const service = createServiceProviderService({
      fetch,
      now: () => TEST_NOW,
      metadataUrl: TEST_METADATA_URL,
      issuer: TEST_ISSUER,
      clockSkewSeconds: 10,
      jwksCacheTtlSeconds: 3600,
      allowedOrigins: [],
      dialogs: seedDialogs,
      resources: serviceResources,
    } as Parameters<typeof createServiceProviderService>[0]);
    return { service, dp };
  }
  const url = `http://sp.test/service-provider/fce/${DIALOG}`;

  it("jwks_unavailable (503, Retry-After) with a cold cache and Dialogporten down — or with the jwks-cold fault", async () => {
    const bearer = `Bearer ${await makeToken({ claims: { i: DIALOG } })}`;
    const down = await (await sp(true)).service(new Request(url, { headers: { authorization: bearer } }));
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("30");
    expect(await down.json()).toMatchObject({ code: "jwks_unavailable" });
    const { service, dp } = await sp();
    // Warm the live cache first: the cold fault must still fail closed, and leave the live cache alone.
    expect((await service(new Request(url, { headers: { authorization: bearer } }))).status).toBe(200);
    const cold = await service(new Request(url, { headers: { authorization: bearer, "sandbox-fault": "jwks-cold" } }));
    expect(cold.status).toBe(503);
    expect(await cold.json()).toMatchObject({ code: "jwks_unavailable" });
    const warm = await service(new Request(url, { headers: { authorization: bearer, "sandbox-fault": "jwks-down", "sandbox-trace": "on" } }));
    expect(warm.status).toBe(200);
    expect(dp.state.metadataCalls).toBe(1);
    expect((await service(new Request(url, { headers: { authorization: bearer } }))).status).toBe(200);
    expect(dp.state.metadataCalls + dp.state.jwksCalls).toBe(2);
  });

  it("fault_invalid (400) for an unknown or oversized fault header, before any token is read", async () => {
    const { service } = await sp();
    for (const fault of ["jwks-dwon", "x".repeat(300), "pdp-down, nonsense"]) {
      const res = await service(new Request(url, { headers: { "sandbox-fault": fault } }));
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: "fault_invalid" });
    }
  });

  it("a token the header alone condemns never makes the provider fetch keys", async () => {
    const { service, dp } = await sp();
    for (const header of [
      { alg: "none", kid: "fresh-kid-1" },
      { jku: "https://evil.example/k", kid: "fresh-kid-2" },
    ]) {
      const res = await service(new Request(url, { headers: { authorization: `Bearer ${await makeToken({ header })}` } }));
      expect(res.status).toBe(401);
    }
    const res = await service(new Request(url, { headers: { authorization: `Bearer ${await makeToken({ claims: { c: 1 } })}` } }));
    expect(await res.json()).toMatchObject({ code: "token_malformed" });
    expect(dp.state.urls).toEqual([]);
  });
});
