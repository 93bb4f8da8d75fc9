import { describe, expect, it } from "vitest";
import { createStore, limitsFromEnv } from "./create";
import { DEFAULT_LIMITS } from "./store";

describe("createStore", () => {
  it.each([undefined, "", "memory", " memory "])("gives the in-memory store for %j", async (url) => {
    const store = await createStore(url, { maxWorkspaces: 3 });
    expect(await store.stats()).toMatchObject({ kind: "memory", limits: { maxWorkspaces: 3 } });
    await store.close();
  });

  it("refuses anything else in one sentence, never echoing what may be a password", async () => {
    await expect(createStore("postgres://user:hunter2@db/x", {})).rejects.toThrow(
      'SANDBOX_STORE must be "memory" or a redis:// or rediss:// URL, not a postgres: URL.',
    );
    await expect(createStore("redis", {})).rejects.toThrow(/^SANDBOX_STORE must be "memory" or a redis:\/\/ or rediss:\/\/ URL\.$/);
    await expect(createStore("http://user:hunter2@x", {})).rejects.not.toThrow(/hunter2/);
  });
});

describe("limitsFromEnv", () => {
  it("keeps the defaults when nothing is set", () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    expect(limitsFromEnv({ SANDBOX_WORKSPACE_MAX: "" })).toEqual(DEFAULT_LIMITS);
  });

  it("reads count, bytes and idle minutes", () => {
    expect(limitsFromEnv({ SANDBOX_WORKSPACE_MAX: "200", SANDBOX_WORKSPACE_MAX_BYTES: "65536", SANDBOX_WORKSPACE_IDLE_MINUTES: "30" })).toEqual({
      maxWorkspaces: 200,
      maxBytesPerWorkspace: 65536,
      idleTtlMs: 30 * 60_000,
    });
  });

  it.each([
    ["SANDBOX_WORKSPACE_MAX", "0"],
    ["SANDBOX_WORKSPACE_MAX", "1e3"],
    ["SANDBOX_WORKSPACE_MAX", "-5"],
    ["SANDBOX_WORKSPACE_MAX", "many"],
    ["SANDBOX_WORKSPACE_MAX_BYTES", "100"],
    ["SANDBOX_WORKSPACE_MAX_BYTES", "1.5"],
    ["SANDBOX_WORKSPACE_IDLE_MINUTES", "0"],
    ["SANDBOX_WORKSPACE_IDLE_MINUTES", "99999"],
  ])("refuses %s=%s, naming the variable and its range", (name, value) => {
    expect(() => limitsFromEnv({ [name]: value })).toThrow(new RegExp(`^${name} must be an integer in \\[\\d+, \\d+\\], got "${value.replace(".", "\\.")}"$`));
  });
});
