import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_MISSING, redisServerPath, startRedis, type RunningRedis } from "../../e2e/support/redis-server";
import { createStore } from "./create";
import { RedisStore } from "./redis";
import { describeStoreContract } from "./store.test-helper";

// Runs against a real redis-server started here; where none is installed the suite is skipped, and says why.
const installed = redisServerPath() !== null;
if (!installed) console.warn(`lib/store/redis.test.ts skipped: ${REDIS_MISSING}`);

let redis: RunningRedis | null = null;
let stores = 0;
/** Each store gets its own key prefix, so tests never see each other's workspaces. */
const fresh = (limits: Parameters<typeof RedisStore.connect>[1] = {}) => RedisStore.connect(redis!.url, limits, { prefix: `t${++stores}:` });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe.skipIf(!installed)("RedisStore", () => {
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    await redis?.stop();
  });

  // Redis keeps its own time (TIME, key TTLs), so idle expiry is observed by really waiting: the contract
  // uses a 1000 ms TTL and waits 1500 ms, and Redis expires keys by timestamp, so the margin only has to
  // cover the gap between two commands.
  describeStoreContract("RedisStore", {
    make: async (limits) => fresh(limits),
    pass: (ms) => sleep(ms),
  });

  it("stays within its workspace limit however many ids arrive, in Redis itself", async () => {
    const store = await fresh({ maxWorkspaces: 100 });
    const ids = Array.from({ length: 20_000 }, (_, i) => `flood-${i}`);
    for (let i = 0; i < ids.length; i += 500) {
      await Promise.all(ids.slice(i, i + 500).map((id) => store.write(id, "k", "v", null)));
    }
    expect((await store.stats()).workspaces).toBe(100);
    const raw = createClient({ url: redis!.url });
    await raw.connect();
    const prefix = `t${stores}:`;
    expect(await raw.zCard(`${prefix}workspaces`)).toBe(100);
    let hashes = 0;
    for await (const keys of raw.scanIterator({ MATCH: `${prefix}ws:*`, COUNT: 1000 })) hashes += keys.length;
    expect(hashes).toBe(100);
    await raw.close();
    await store.close();
  }, 30_000);

  it("gives every workspace but default an idle TTL, refreshed on use", async () => {
    const store = await fresh({ idleTtlMs: 60_000 });
    await store.write("default", "k", "1", null);
    await store.write("w", "k", "1", null);
    const raw = createClient({ url: redis!.url });
    await raw.connect();
    const prefix = `t${stores}:`;
    expect(await raw.pTTL(`${prefix}ws:default`)).toBe(-1);
    await raw.pExpire(`${prefix}ws:w`, 5000);
    await store.read("w", "k");
    expect(await raw.pTTL(`${prefix}ws:w`)).toBeGreaterThan(50_000);
    await raw.close();
    await store.close();
  });

  it("refuses a write without creating the workspace", async () => {
    const store = await fresh();
    expect(await store.write("ghost", "k", "v", "something")).toBe("conflict");
    expect((await store.stats()).workspaces).toBe(0);
    expect(await store.keys("ghost")).toEqual([]);
    await store.close();
  });

  it("shares workspaces between instances, with one winner among concurrent writers", async () => {
    const prefix = `shared${++stores}:`;
    const a = await RedisStore.connect(redis!.url, {}, { prefix });
    const b = await RedisStore.connect(redis!.url, {}, { prefix });
    await a.write("w", "k", "0", null);
    expect(await b.read("w", "k")).toBe("0");
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).write("w", "k", `v${i}`, "0")));
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(await a.read("w", "k")).toBe(await b.read("w", "k"));
    await b.reset("w");
    expect(await a.keys("w")).toEqual([]);
    await a.close();
    await b.close();
  });

  it("counts bytes as the memory store does and gives them back when a value shrinks", async () => {
    const store = await fresh({ maxBytesPerWorkspace: 1024 });
    const big = "x".repeat(400); // (1 + 400) × 2 = 802 bytes
    expect(await store.write("w", "k", big, null)).toBe("ok");
    expect(await store.write("w", "j", "x".repeat(150), null)).toBe("full");
    expect(await store.write("w", "k", "y", big)).toBe("ok");
    expect(await store.write("w", "j", "x".repeat(150), null)).toBe("ok");
    await store.close();
  });

  it("is what createStore returns for a redis:// URL", async () => {
    const store = await createStore(redis!.url, { maxWorkspaces: 7 });
    const stats = await store.stats();
    expect(stats.kind).toBe("redis");
    expect(stats.limits.maxWorkspaces).toBe(7);
    await store.close();
  });

  it("fails clearly, and soon, when Redis cannot be reached", async () => {
    const started = Date.now();
    await expect(RedisStore.connect("redis://127.0.0.1:1", {}, { connectTimeoutMs: 1000 })).rejects.toThrow(/Cannot reach the Redis workspace store/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
