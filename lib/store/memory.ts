import { DEFAULT_WORKSPACE } from "../shared/workspace";
import type { Clock } from "../shared/types";
import type { StoreLimits, StoreStats, WorkspaceStore, WriteOutcome } from "./store";
import { DEFAULT_LIMITS, storedBytes as sizeOf } from "./store";

interface Space {
  values: Map<string, string>;
  bytes: number;
  usedAt: number;
}

/**
 * The embedded default: workspaces in this process's memory. A Map keeps insertion order, and every use
 * moves a workspace to the end, so the first entry is always the least recently used — recycling it and
 * sweeping idle ones are both cheap. Memory is bounded by maxWorkspaces × maxBytesPerWorkspace.
 */
export class MemoryStore implements WorkspaceStore {
  private readonly spaces = new Map<string, Space>();
  private readonly limits: StoreLimits;

  constructor(
    limits: Partial<StoreLimits> = {},
    private readonly now: Clock = Date.now,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  async read(workspace: string, key: string): Promise<string | null> {
    return this.use(workspace, false)?.values.get(key) ?? null;
  }

  async write(workspace: string, key: string, value: string, expected: string | null): Promise<WriteOutcome> {
    const space = this.use(workspace, true)!;
    const current = space.values.get(key) ?? null;
    if (current !== expected) return "conflict";
    const bytes = space.bytes - (current === null ? 0 : sizeOf(key, current)) + sizeOf(key, value);
    if (bytes > this.limits.maxBytesPerWorkspace) return "full";
    space.values.set(key, value);
    space.bytes = bytes;
    return "ok";
  }

  async keys(workspace: string): Promise<string[]> {
    return [...(this.use(workspace, false)?.values.keys() ?? [])];
  }

  async reset(workspace: string): Promise<void> {
    this.spaces.delete(workspace);
  }

  async stats(): Promise<StoreStats> {
    this.sweep();
    return { kind: "memory", workspaces: this.spaces.size, limits: this.limits };
  }

  async close(): Promise<void> {
    this.spaces.clear();
  }

  private use(workspace: string, create: boolean): Space | undefined {
    this.sweep();
    const now = this.now();
    let space = this.spaces.get(workspace);
    if (space) this.spaces.delete(workspace);
    else if (create) space = { values: new Map(), bytes: 0, usedAt: now };
    if (!space) return undefined;
    space.usedAt = now;
    this.spaces.set(workspace, space);
    this.recycle();
    return space;
  }

  /** Drops idle workspaces, oldest first, stopping at the first one still in use. */
  private sweep(): void {
    const cutoff = this.now() - this.limits.idleTtlMs;
    for (const [id, space] of this.spaces) {
      if (space.usedAt > cutoff) break;
      if (id !== DEFAULT_WORKSPACE) this.spaces.delete(id);
    }
  }

  /** Past the limit the least recently used workspace goes back to the seed; `default` is shared and stays. */
  private recycle(): void {
    for (const id of this.spaces.keys()) {
      if (this.spaces.size <= this.limits.maxWorkspaces) return;
      if (id !== DEFAULT_WORKSPACE) this.spaces.delete(id);
    }
  }
}
