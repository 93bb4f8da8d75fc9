import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REDIS_MISSING, redisServerPath, startRedis, type RunningRedis } from "../../e2e/support/redis-server";
import { RedisStore } from "./redis";

// Runs against a real redis-server started here; where none is installed the suite is skipped, and says why.
const installed = redisServerPath() !== null;
if (!installed) console.warn(`lib/store/redis-events.test.ts skipped: ${REDIS_MISSING}`);

let redis: RunningRedis | null = null;
const stores: RedisStore[] = [];
/** One store per simulated instance; instances of one sandbox share a prefix. */
async function instance(prefix = "events-test:") {
  const store = await RedisStore.connect(redis!.url, {}, { prefix });
  stores.push(store);
  return store;
}

/** Resolves with the next message `listen` hears (each test publishes only after subscribe has resolved). */
function nextMessage(listen: (listener: (m: string) => void) => Promise<() => Promise<void>>) {
  let resolve!: (m: string) => void;
  const heard = new Promise<string>((r) => (resolve = r));
  return { ready: listen(resolve), heard };
}

describe.skipIf(!installed)("RedisEventChannel", () => {
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    await redis?.stop();
  });

  it("carries an event published on one instance to a subscriber on another, on that topic only", async () => {
    const [a, b] = [await instance(), await instance()];
    const heard: string[] = [];
    const stopOther = await a.events().subscribe("other-topic", (m) => heard.push(`other:${m}`));
    const { ready, heard: first } = nextMessage((l) => a.events().subscribe("topic", l));
    const stop = await ready;
    await b.events().publish("other-workspace-topic", "not for you");
    await b.events().publish("topic", "hello");
    expect(await first).toBe("hello");
    expect(heard).toEqual([]);
    await stop();
    await stopOther();
  });

  it("keeps two sandboxes sharing one Redis apart by their prefix", async () => {
    const [mine, theirs] = [await instance("sandbox-1:"), await instance("sandbox-2:")];
    const got: string[] = [];
    await mine.events().subscribe("topic", (m) => got.push(m));
    const { ready, heard } = nextMessage((l) => mine.events().subscribe("topic", l));
    await ready;
    await theirs.events().publish("topic", "theirs");
    await mine.events().publish("topic", "mine");
    expect(await heard).toBe("mine");
    expect(got).toEqual(["mine"]);
  });
});
