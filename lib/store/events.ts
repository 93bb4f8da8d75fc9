/**
 * Messages between the instances of one sandbox: the live-update events Dialogporten sends its GraphQL
 * subscribers (docs/real-systems.md §9). A topic names the workspace, so a subscriber in one workspace never
 * hears another's (docs/design.md, principle 10). In memory for one instance; through Redis pub/sub when
 * several instances share a Redis store (lib/store/redis-events.ts).
 */
export interface EventChannel {
  /** Delivers `message` to every current subscriber of `topic`, on every instance. Fire and forget: nobody listening is fine. */
  publish(topic: string, message: string): Promise<void>;
  /** Calls `listener` for each message published on `topic` from now on; resolves once listening, to the function that stops it. */
  subscribe(topic: string, listener: (message: string) => void): Promise<() => Promise<void>>;
}

/** One instance's subscribers, in a map from topic to listeners. */
export class MemoryEventChannel implements EventChannel {
  private readonly topics = new Map<string, Set<(message: string) => void>>();

  async publish(topic: string, message: string): Promise<void> {
    for (const listener of [...(this.topics.get(topic) ?? [])]) listener(message);
  }

  async subscribe(topic: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    // Each subscription is its own entry, even when one function subscribes twice.
    const own = (message: string) => listener(message);
    const set = this.topics.get(topic) ?? new Set();
    set.add(own);
    this.topics.set(topic, set);
    return async () => {
      set.delete(own);
      if (set.size === 0 && this.topics.get(topic) === set) this.topics.delete(topic);
    };
  }

  /** Topics with at least one listener (for tests: a closed subscription must leave nothing behind). */
  get size(): number {
    return this.topics.size;
  }
}
