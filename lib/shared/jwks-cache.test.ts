import { describe, expect, it } from "vitest";
import { createJwksCache } from "./jwks-cache";

const URL = "http://idp.test/id-porten/jwks";

/** A JWKS endpoint whose keys and availability a test sets; counts its calls. */
function endpoint() {
  const state = { kids: ["a"], down: false, calls: 0 };
  const fetch = async () => {
    state.calls++;
    if (state.down) return new Response("unavailable", { status: 503 });
    return Response.json({ keys: state.kids.map((kid) => ({ kty: "OKP", crv: "Ed25519", x: "AAAA", kid })) });
  };
  return { state, fetch };
}

function setup(ttlSeconds = 300) {
  const ep = endpoint();
  const clock = { now: 1_700_000_000_000 };
  const cache = createJwksCache<{ kid?: string }>({
    fetch: ep.fetch,
    now: () => clock.now,
    from: "dialogporten",
    to: "id-porten",
    label: "Fetch the identity provider's JWKS",
    jwksUrl: URL,
    ttlSeconds,
    minRefetchIntervalSeconds: 0,
  });
  return { ep, clock, cache };
}

// The identity providers' keys, as IdpTokenVerifier keeps them: a fixed URL, no discovery, no refetch limit.
describe("createJwksCache with a fixed URL and no refetch interval", () => {
  it("fetches the URL itself, traced, and serves from cache within the TTL", async () => {
    const { ep, clock, cache } = setup();
    const first = await cache.getKeys("a");
    expect(first).toMatchObject({ ok: true, source: "network" });
    expect(first.exchanges.map((e) => [e.from, e.to, e.label, e.request.url])).toEqual([
      ["dialogporten", "id-porten", "Fetch the identity provider's JWKS", URL],
    ]);
    clock.now += 299_000;
    expect(await cache.getKeys("a")).toMatchObject({ ok: true, source: "cache", exchanges: [] });
    clock.now += 1_000;
    expect(await cache.getKeys("a")).toMatchObject({ ok: true, source: "network" });
    expect(ep.state.calls).toBe(2);
  });

  it("refetches on every unknown kid", async () => {
    const { ep, cache } = setup();
    await cache.getKeys("a");
    ep.state.kids = ["a", "b"];
    const rotated = await cache.getKeys("b");
    expect(rotated).toMatchObject({ ok: true, source: "network" });
    expect(await cache.getKeys("nope")).toMatchObject({ source: "network" });
    expect(await cache.getKeys("nope")).toMatchObject({ source: "network" });
    expect(ep.state.calls).toBe(4);
  });

  it("keeps the old keys when a refresh fails, and fails closed when it has none", async () => {
    const { ep, clock, cache } = setup();
    ep.state.down = true;
    expect(await cache.getKeys("a")).toMatchObject({ ok: false, code: "jwks_unavailable" });
    ep.state.down = false;
    await cache.getKeys("a");
    ep.state.down = true;
    clock.now += 600_000;
    const stale = await cache.getKeys("a");
    expect(stale).toMatchObject({ ok: true, source: "cache", stale: true });
    expect(stale.exchanges[0]?.response?.status).toBe(503);
    expect(stale.ok && stale.jwks.keys.map((k) => k.kid)).toEqual(["a"]);
  });
});
