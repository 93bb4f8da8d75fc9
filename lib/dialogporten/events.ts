import type { EventChannel } from "../store/events";

/** `DialogEventType` of the real schema (docs/reference/dialogporten-schema.graphql). */
type DialogEventType = "DIALOG_UPDATED" | "DIALOG_DELETED";

/** `DialogEventPayload`: `id` is the dialog's id (docs/real-systems.md §9). */
export interface DialogEventPayload {
  id: string;
  type: DialogEventType;
}

// The real topic is `graphql_dialogevents_{dialogId}`; the workspace in front keeps workspaces apart.
const topicOf = (workspace: string, dialogId: string) => `dialogevents:${workspace}:${dialogId.toLowerCase()}`;

const isPayload = (v: unknown): v is DialogEventPayload =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as DialogEventPayload).id === "string" &&
  ((v as DialogEventPayload).type === "DIALOG_UPDATED" || (v as DialogEventPayload).type === "DIALOG_DELETED");

/** What Dialogporten publishes when a dialog changes, and what its GraphQL subscription listens to, per workspace. */
export class DialogEvents {
  constructor(private readonly channel: EventChannel) {}

  publish(workspace: string, payload: DialogEventPayload): Promise<void> {
    return this.channel.publish(topicOf(workspace, payload.id), JSON.stringify({ id: payload.id.toLowerCase(), type: payload.type }));
  }

  /**
   * The events for one dialog as an async iterator, listening before it resolves (so nothing published after
   * the subscription is answered is lost). `return()` (the client went away) stops listening.
   */
  async subscribe(workspace: string, dialogId: string): Promise<AsyncIterableIterator<DialogEventPayload>> {
    const queue: DialogEventPayload[] = [];
    let wake: (() => void) | null = null;
    let done = false;
    const stop = await this.channel.subscribe(topicOf(workspace, dialogId), (message) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(message);
      } catch {
        return;
      }
      if (!isPayload(parsed)) return;
      queue.push(parsed);
      wake?.();
    });
    const finish = async (): Promise<IteratorResult<DialogEventPayload>> => {
      if (!done) {
        done = true;
        wake?.();
        await stop();
      }
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<DialogEventPayload> = {
      async next() {
        while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        if (queue.length > 0) return { done: false, value: queue.shift()! };
        return { done: true, value: undefined };
      },
      return: finish,
      throw: async (error: unknown) => {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }
}
