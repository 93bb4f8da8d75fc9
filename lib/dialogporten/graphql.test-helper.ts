/** Reads a Server-Sent Events response one event at a time, as a test needs it (no timers: each read waits for bytes). */
export interface SseEvent {
  event: string;
  data: string;
}

export function sseReader(response: Response) {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  return {
    /** The next event, or null once the stream has ended. Comment lines (keep-alive pings) are skipped. */
    async next(): Promise<SseEvent | null> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split("\n").filter((l) => l !== "" && !l.startsWith(":"));
          if (lines.length === 0) continue;
          const field = (name: string) =>
            lines
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).trimStart())
              .join("\n");
          return { event: field("event"), data: field("data") };
        }
        const { done, value } = await reader.read();
        if (done) return null;
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}

/** The subscription exactly as the Altinn portal sends it (docs/real-systems.md §6.3). */
export function portalSubscription(dialogId: string) {
  return JSON.stringify({ query: `subscription sub { dialogEvents(dialogId: "${dialogId}") { id type } }`, variables: {}, operationName: "sub" });
}
