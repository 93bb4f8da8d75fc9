import { describe, expect, it } from "vitest";
import { MemoryStore } from "./memory";
import { describeStoreContract } from "./store.test-helper";

describeStoreContract("MemoryStore", {
  make: async (limits, clock) => new MemoryStore(limits, () => clock.now),
  pass: async (ms, clock) => {
    clock.now += ms;
  },
});

describe("MemoryStore under an id flood", () => {
  it("stays within its workspace limit however many ids arrive", async () => {
    const store = new MemoryStore({ maxWorkspaces: 100 });
    for (let i = 0; i < 20_000; i++) await store.write(`ws-${i}`, "k", "v", null);
    expect((await store.stats()).workspaces).toBe(100);
  });
});
