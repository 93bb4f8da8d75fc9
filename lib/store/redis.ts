import { createClient } from "redis";
import type { StoreLimits, StoreStats, WorkspaceStore, WriteOutcome } from "./store";
import { DEFAULT_LIMITS, storedBytes } from "./store";
import { SCRIPTS } from "./redis-scripts";
import { RedisEventChannel } from "./redis-events";

const VALUE = "v:";

export interface RedisStoreOptions {
  /** Prepended to every key, so one Redis can serve several sandboxes (default `sandbox:`). */
  prefix?: string;
  /** How long to wait for the first connection before giving up (ms). */
  connectTimeoutMs?: number;
}

const connect = (url: string, connectTimeoutMs: number) =>
  createClient({
    url,
    scripts: SCRIPTS,
    // A command sent while Redis is away fails at once instead of queueing: the service answers an error
    // (docs/design.md, principle 8) rather than hanging a participant's request.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: connectTimeoutMs,
      // Reconnect quickly after a blip, but no faster than every 2 s when Redis stays down.
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000),
    },
  });

type Client = ReturnType<typeof connect>;

/**
 * Workspaces in a shared Redis, so several instances behind a load balancer serve one workshop
 * (docs/design.md, principle 10). Every operation that changes or refreshes a workspace is one Lua script
 * (lib/store/redis-scripts.ts), so compare-and-set, the size limit and both bounds hold across instances.
 * Memory in Redis stays bounded by maxWorkspaces × maxBytesPerWorkspace however many ids a client invents.
 * All instances sharing a Redis must use the same limits.
 */
export class RedisStore implements WorkspaceStore {
  private readonly limits: StoreLimits;
  private readonly prefix: string;
  private channel: RedisEventChannel | null = null;

  private constructor(
    private readonly client: Client,
    limits: Partial<StoreLimits>,
    prefix: string,
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
    this.prefix = prefix;
  }

  /** Connects (rejecting if Redis cannot be reached within the timeout) and returns the store. */
  static async connect(url: string, limits: Partial<StoreLimits> = {}, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const client = connect(url, options.connectTimeoutMs ?? 5000);
    let lastError: unknown;
    // Without a listener an 'error' event would crash the process; the commands themselves still reject.
    client.on("error", (error: unknown) => {
      lastError = error;
    });
    try {
      await withTimeout(client.connect(), options.connectTimeoutMs ?? 5000);
    } catch (error) {
      client.destroy();
      throw new Error(`Cannot reach the Redis workspace store: ${messageOf(lastError ?? error)}`);
    }
    return new RedisStore(client, limits, options.prefix ?? "sandbox:");
  }

  async read(workspace: string, key: string): Promise<string | null> {
    return this.client.wsRead(this.hash(workspace), this.index, workspace, this.limits.idleTtlMs, VALUE + key);
  }

  async write(workspace: string, key: string, value: string, expected: string | null): Promise<WriteOutcome> {
    const delta = storedBytes(key, value) - (expected === null ? 0 : storedBytes(key, expected));
    const outcome = await this.client.wsWrite(this.hash(workspace), this.index, workspace, this.limits.idleTtlMs, {
      field: VALUE + key,
      value,
      expected,
      delta,
      maxBytes: this.limits.maxBytesPerWorkspace,
      maxWorkspaces: this.limits.maxWorkspaces,
      hashPrefix: `${this.prefix}ws:`,
    });
    if (outcome === "ok" || outcome === "conflict" || outcome === "full") return outcome;
    throw new Error(`The Redis workspace store answered an unknown write outcome: ${outcome}`);
  }

  async keys(workspace: string): Promise<string[]> {
    const fields = await this.client.wsFields(this.hash(workspace), this.index, workspace, this.limits.idleTtlMs);
    return fields.filter((f) => f.startsWith(VALUE)).map((f) => f.slice(VALUE.length));
  }

  async reset(workspace: string): Promise<void> {
    await this.client.multi().del(this.hash(workspace)).zRem(this.index, workspace).exec();
  }

  async stats(): Promise<StoreStats> {
    const workspaces = await this.client.wsCount(this.index, this.limits.idleTtlMs);
    return { kind: "redis", workspaces, limits: this.limits };
  }

  /** Dialog events through Redis pub/sub under this store's prefix, so every instance sharing the Redis hears them. */
  events(): RedisEventChannel {
    this.channel ??= new RedisEventChannel(this.client, () => this.client.duplicate(), `${this.prefix}events:`);
    return this.channel;
  }

  /** Waits for commands in flight, then closes the connection (and the events' own, if one was opened). */
  async close(): Promise<void> {
    await this.channel?.close();
    if (this.client.isOpen) await this.client.close();
  }

  private hash(workspace: string): string {
    return `${this.prefix}ws:${workspace}`;
  }

  private get index(): string {
    return `${this.prefix}workspaces`;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no connection within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
