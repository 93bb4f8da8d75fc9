import { describe, expect, it } from "vitest";
import type { StoreLimits, WorkspaceStore } from "./store";

export interface StoreFactory {
  /** A fresh, empty store with these limits and a clock the test moves. */
  make(limits: Partial<StoreLimits>, clock: { now: number }): Promise<WorkspaceStore>;
  /** Idle expiry is the backend's own business (Redis uses key TTLs): let the test wait it out. */
  pass(ms: number, clock: { now: number }): Promise<void>;
}

/** The behaviour every WorkspaceStore must have; run once per backend so they stay interchangeable. */
export function describeStoreContract(name: string, factory: StoreFactory): void {
  const setup = async (limits: Partial<StoreLimits> = {}) => {
    const clock = { now: 1_000_000 };
    return { clock, store: await factory.make(limits, clock) };
  };

  describe(`${name}: the WorkspaceStore contract`, () => {
    it("keeps workspaces apart", async () => {
      const { store } = await setup();
      expect(await store.write("a", "k", "1", null)).toBe("ok");
      expect(await store.read("a", "k")).toBe("1");
      expect(await store.read("b", "k")).toBeNull();
      expect(await store.keys("a")).toEqual(["k"]);
      expect(await store.keys("b")).toEqual([]);
      await store.close();
    });

    it("writes only over the value the writer saw (compare-and-set)", async () => {
      const { store } = await setup();
      expect(await store.write("a", "k", "1", null)).toBe("ok");
      expect(await store.write("a", "k", "2", null)).toBe("conflict");
      expect(await store.write("a", "k", "2", "0")).toBe("conflict");
      expect(await store.write("a", "k", "2", "1")).toBe("ok");
      expect(await store.read("a", "k")).toBe("2");
      await store.close();
    });

    it("lets exactly one of many concurrent writers win", async () => {
      const { store } = await setup();
      await store.write("a", "k", "0", null);
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => store.write("a", "k", `v${i}`, "0")));
      expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
      await store.close();
    });

    it("resets a workspace to nothing, leaving others alone", async () => {
      const { store } = await setup();
      await store.write("a", "k", "1", null);
      await store.write("b", "k", "1", null);
      await store.reset("a");
      expect(await store.read("a", "k")).toBeNull();
      expect(await store.read("b", "k")).toBe("1");
      await store.close();
    });

    it("refuses a write that would take a workspace over its size limit", async () => {
      const { store } = await setup({ maxBytesPerWorkspace: 1000 });
      expect(await store.write("a", "k", "x".repeat(100), null)).toBe("ok");
      expect(await store.write("a", "k2", "x".repeat(2000), null)).toBe("full");
      expect(await store.read("a", "k2")).toBeNull();
      await store.close();
    });

    it("recycles the least recently used workspace past the count limit, never default", async () => {
      const { store, clock } = await setup({ maxWorkspaces: 3 });
      for (const ws of ["default", "a", "b", "c", "d"]) {
        clock.now += 1000;
        await factory.pass(5, clock);
        expect(await store.write(ws, "k", ws, null)).toBe("ok");
      }
      expect((await store.stats()).workspaces).toBeLessThanOrEqual(3);
      expect(await store.read("default", "k")).toBe("default");
      expect(await store.read("d", "k")).toBe("d");
      expect(await store.read("a", "k")).toBeNull();
      await store.close();
    });

    it("forgets idle workspaces, but not default", async () => {
      const { store, clock } = await setup({ idleTtlMs: 1000 });
      await store.write("default", "k", "1", null);
      await store.write("idle", "k", "1", null);
      await factory.pass(1500, clock);
      expect(await store.read("idle", "k")).toBeNull();
      expect(await store.read("default", "k")).toBe("1");
      await store.close();
    });
  });
}
