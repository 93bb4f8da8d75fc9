import { MemoryStore } from "./memory";
import type { StoreLimits, WorkspaceStore } from "./store";
import { DEFAULT_LIMITS } from "./store";

type Env = Record<string, string | undefined>;

/**
 * The store that SANDBOX_STORE names: unset or `memory` is the in-memory default; a `redis://` or `rediss://`
 * URL is a shared Redis (connected before this resolves). The Redis client is loaded only then, so the
 * default never pulls it in.
 */
export async function createStore(url: string | undefined, limits: Partial<StoreLimits> = {}): Promise<WorkspaceStore> {
  const value = url?.trim() ?? "";
  if (value === "" || value === "memory") return new MemoryStore(limits);
  if (/^rediss?:\/\//i.test(value)) {
    const { RedisStore } = await import("./redis");
    return RedisStore.connect(value, limits);
  }
  // Only the scheme is echoed: the rest of a URL may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(value)?.[0];
  throw new Error(`SANDBOX_STORE must be "memory" or a redis:// or rediss:// URL${scheme ? `, not a ${scheme} URL` : ""}.`);
}

/** createStore with SANDBOX_STORE and the limits from the same environment. */
export function storeFromEnv(env: Env): Promise<WorkspaceStore> {
  return createStore(env.SANDBOX_STORE, limitsFromEnv(env));
}

/**
 * The store limits from the environment; each unset variable keeps its default (DEFAULT_LIMITS):
 * - SANDBOX_WORKSPACE_MAX: most workspaces kept at once (1–1,000,000; default 5000).
 * - SANDBOX_WORKSPACE_MAX_BYTES: most bytes of changed state per workspace (1 KiB–64 MiB; default 256 KiB).
 * - SANDBOX_WORKSPACE_IDLE_MINUTES: a workspace unused this long is forgotten (1–10080, a week; default 240).
 * Worst-case store memory is about SANDBOX_WORKSPACE_MAX × SANDBOX_WORKSPACE_MAX_BYTES.
 */
export function limitsFromEnv(env: Env): StoreLimits {
  return {
    maxWorkspaces: int(env, "SANDBOX_WORKSPACE_MAX", DEFAULT_LIMITS.maxWorkspaces, 1, 1_000_000),
    maxBytesPerWorkspace: int(env, "SANDBOX_WORKSPACE_MAX_BYTES", DEFAULT_LIMITS.maxBytesPerWorkspace, 1024, 64 * 1024 * 1024),
    idleTtlMs: int(env, "SANDBOX_WORKSPACE_IDLE_MINUTES", DEFAULT_LIMITS.idleTtlMs / 60_000, 1, 7 * 24 * 60) * 60_000,
  };
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = env[name]?.trim();
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer in [${min}, ${max}], got "${value}"`);
  }
  return n;
}
