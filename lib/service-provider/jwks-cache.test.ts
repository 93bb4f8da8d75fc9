import { describe, expect, it } from "vitest";
import { TEST_ISSUER, TEST_JWKS_URL, TEST_METADATA_URL, TEST_NOW, fakeDialogporten, testJwks, testKeys } from "./fixtures/sandbox-tokens";
import { createJwksCache } from "./jwks-cache";
import type { JwksCacheOptions } from "./jwks-cache";

async function setup(over: Partial<JwksCacheOptions> = {}) {
  const dp = fakeDialogporten(await testJwks());
  const clock = { now: TEST_NOW };
  const cache = createJwksCache({
    fetch: dp.fetch,
    now: () => clock.now,
    metadataUrl: TEST_METADATA_URL,
    issuer: TEST_ISSUER,
    ttlSeconds: 3600,
    minRefetchIntervalSeconds: 60,
    ...over,
  });
  return { dp, clock, cache };
}

describe("createJwksCache", () => {
  it("discovers via RFC 8414 metadata, then serves from cache within the TTL", async () => {
    const { dp, clock, cache } = await setup();
    const first = await cache.getKeys();
    expect(first).toMatchObject({ ok: true, source: "network", stale: false, reason: "cold" });
    expect(first.exchanges.map((e) => [e.from, e.to, e.request.url, e.response?.status])).toEqual([
      ["service-provider", "dialogporten", TEST_METADATA_URL, 200],
      ["service-provider", "dialogporten", TEST_JWKS_URL, 200],
    ]);
    clock.now += 3599_000;
    const second = await cache.getKeys((await testKeys()).primary.kid);
    expect(second).toMatchObject({ ok: true, source: "cache", exchanges: [] });
    expect([dp.state.metadataCalls, dp.state.jwksCalls]).toEqual([1, 1]);
    clock.now += 1_000;
    expect(await cache.getKeys()).toMatchObject({ ok: true, source: "network", reason: "stale" });
    expect([dp.state.metadataCalls, dp.state.jwksCalls]).toEqual([2, 2]);
  });

  it("clamps the TTL to 24 h", async () => {
    const { dp, clock, cache } = await setup({ ttlSeconds: 7 * 86_400 });
    await cache.getKeys();
    clock.now += 86_400_000;
    expect(await cache.getKeys()).toMatchObject({ source: "network" });
    expect(dp.state.jwksCalls).toBe(2);
  });

  it("refetches once on an unknown kid (a rotation), then at most once per interval", async () => {
    const { dp, clock, cache } = await setup();
    await cache.getKeys();
    expect(cache.nextKidRefetchAt()).toBeUndefined();
    const rotated = await testJwks();
    dp.state.jwks = { keys: [...rotated.keys, { ...rotated.keys[0]!, kid: "dp-sandbox-new" }] };
    const hit = await cache.getKeys("dp-sandbox-new");
    expect(hit).toMatchObject({ ok: true, source: "network", reason: "unknown_kid" });
    // The next unknown kid may reach the network only after the interval: what the key timeline's verdicts read.
    expect(cache.nextKidRefetchAt()).toBe(clock.now + 60_000);
    expect(hit.ok && hit.jwks.keys.some((k) => k.kid === "dp-sandbox-new")).toBe(true);
    expect(hit.exchanges.map((e) => e.request.url)).toEqual([TEST_JWKS_URL]);
    expect(await cache.getKeys("made-up-1")).toMatchObject({ source: "cache", exchanges: [] });
    expect(await cache.getKeys("made-up-2")).toMatchObject({ source: "cache" });
    expect(dp.state.jwksCalls).toBe(2);
    clock.now += 60_000;
    expect(cache.nextKidRefetchAt()).toBeUndefined();
    expect(await cache.getKeys("made-up-3")).toMatchObject({ source: "network" });
    expect(dp.state.jwksCalls).toBe(3);
  });

  it("keeps serving cached keys, even stale, while the endpoint is down", async () => {
    const { dp, clock, cache } = await setup();
    await cache.getKeys();
    dp.state.down = true;
    clock.now += 2 * 3600_000;
    const stale = await cache.getKeys();
    expect(stale).toMatchObject({ ok: true, source: "cache", stale: true });
    expect(stale.exchanges).toHaveLength(1);
    expect(stale.exchanges[0]?.error).toBeDefined();
    // A failure is not retried on every request.
    expect(await cache.getKeys()).toMatchObject({ ok: true, source: "cache", exchanges: [] });
    dp.state.down = false;
    clock.now += 60_000;
    expect(await cache.getKeys()).toMatchObject({ ok: true, source: "network", stale: false });
  });

  it("fails closed with a cold cache", async () => {
    const { dp, cache } = await setup();
    dp.state.down = true;
    const r = await cache.getKeys();
    expect(r).toMatchObject({ ok: false, code: "jwks_unavailable" });
    expect(r.exchanges).toHaveLength(1);
    dp.state.down = false;
    expect(await cache.getKeys()).toMatchObject({ ok: true, source: "network" });
  });

  it("refuses metadata from another issuer and JWKS without Ed25519 keys", async () => {
    const a = await setup();
    a.dp.state.issuer = "https://evil.example";
    expect(await a.cache.getKeys()).toMatchObject({ ok: false, code: "jwks_unavailable" });
    expect(a.dp.state.jwksCalls).toBe(0);
    const b = await setup();
    b.dp.state.jwks = { keys: [{ kty: "RSA", kid: "r" }] };
    expect(await b.cache.getKeys()).toMatchObject({ ok: false, code: "jwks_unavailable" });
    const c = await setup();
    c.dp.state.jwksBody = "<html>";
    expect(await c.cache.getKeys()).toMatchObject({ ok: false });
  });

  it("shares one network attempt between concurrent callers", async () => {
    const { dp, cache } = await setup();
    const [x, y] = await Promise.all([cache.getKeys(), cache.getKeys()]);
    expect(x.ok && y.ok).toBe(true);
    expect(dp.state.jwksCalls).toBe(1);
  });
});
