import type { EventChannel } from "./events";

/**
 * Where workspace state lives (docs/design.md, principle 10). Values are JSON text under string keys,
 * grouped by workspace; a workspace with no value for a key falls back to the seed, so a fresh
 * workspace costs nothing until it changes something. The in-memory store is the embedded default;
 * the Redis store lets several instances behind a load balancer share one world.
 */
export interface WorkspaceStore {
  /** The value stored under `key`, or null. Reading keeps the workspace alive (idle expiry). */
  read(workspace: string, key: string): Promise<string | null>;
  /**
   * Stores `value` only if the stored value is still exactly `expected` (null: nothing stored yet).
   * Atomic, so of two concurrent writers at most one wins; the loser gets "conflict".
   */
  write(workspace: string, key: string, value: string, expected: string | null): Promise<WriteOutcome>;
  /** The keys stored in a workspace (the changed ones; unchanged ones are the seed's). */
  keys(workspace: string): Promise<string[]>;
  /** Forgets everything the workspace changed: it is the seed again. */
  reset(workspace: string): Promise<void>;
  /** Figures for health checks and the benchmarks. */
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
  /** Messages between the instances sharing this store (lib/store/events.ts); absent: one instance's memory will do. */
  events?(): EventChannel;
}

/** `full`: the write would take the workspace over its size limit. */
export type WriteOutcome = "ok" | "conflict" | "full";

export interface StoreStats {
  kind: "memory" | "redis";
  workspaces: number;
  limits: StoreLimits;
}

export interface StoreLimits {
  /** Most workspaces kept at once; past it the least recently used one is recycled (never `default`). */
  maxWorkspaces: number;
  /** Most bytes of changed state one workspace may hold (keys plus values). */
  maxBytesPerWorkspace: number;
  /** A workspace nobody has used for this long is forgotten. */
  idleTtlMs: number;
}

/**
 * What one stored value costs against `maxBytesPerWorkspace`: key and value in UTF-16 code units, two bytes
 * each. Every backend counts the same way, so a workspace that fits in one fits in the others.
 */
export const storedBytes = (key: string, value: string): number => (key.length + value.length) * 2;

export const DEFAULT_LIMITS: StoreLimits = {
  maxWorkspaces: 5000,
  maxBytesPerWorkspace: 256 * 1024,
  idleTtlMs: 4 * 60 * 60 * 1000,
};
