import type { EventChannel } from "./events";

/** The two commands this needs from a node-redis client, so the publisher can be the store's own client. */
interface Publisher {
  publish(channel: string, message: string): Promise<unknown>;
}
interface Subscriber {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  unsubscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  close(): Promise<unknown>;
  readonly isOpen: boolean;
}

/**
 * Events through Redis pub/sub, so a subscriber on one instance hears a change made on another
 * (docs/design.md, principle 10). A client in subscriber mode can send nothing else, so listening takes a
 * second connection, opened on the first subscription; publishing uses the store's own client.
 */
export class RedisEventChannel implements EventChannel {
  private connecting: Promise<Subscriber> | null = null;

  constructor(
    private readonly publisher: Publisher,
    private readonly openSubscriber: () => Subscriber,
    private readonly prefix: string,
  ) {}

  async publish(topic: string, message: string): Promise<void> {
    await this.publisher.publish(this.prefix + topic, message);
  }

  async subscribe(topic: string, listener: (message: string) => void): Promise<() => Promise<void>> {
    const subscriber = await this.subscriber();
    const channel = this.prefix + topic;
    // Each subscription its own function, so unsubscribing one leaves the others on the same channel.
    const own = (message: string) => listener(message);
    await subscriber.subscribe(channel, own);
    return async () => {
      if (subscriber.isOpen) await subscriber.unsubscribe(channel, own);
    };
  }

  async close(): Promise<void> {
    const connecting = this.connecting;
    this.connecting = null;
    const subscriber = await connecting?.catch(() => null);
    if (subscriber?.isOpen) await subscriber.close();
  }

  private subscriber(): Promise<Subscriber> {
    if (!this.connecting) {
      const subscriber = this.openSubscriber();
      const connecting = subscriber.connect().then(() => subscriber);
      // A failed connect must not stick: the next subscription tries again.
      connecting.catch(() => {
        if (this.connecting === connecting) this.connecting = null;
      });
      this.connecting = connecting;
    }
    return this.connecting;
  }
}
