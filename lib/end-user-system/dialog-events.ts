import { createClient } from "graphql-sse";
import type { Exchange, HeaderList } from "../shared/trace";
import { decodeTrace, TRACE_HEADER } from "../shared/trace";
import { workspaceHeaders } from "../shared/workspace";
import type { EndUserSystemContext } from "./calls";

/** `DialogEventPayload` as the subscription delivers it (docs/real-systems.md §9). */
export interface DialogEvent {
  id: string;
  type: "DIALOG_UPDATED" | "DIALOG_DELETED";
}

type Opened = { ok: true } | { ok: false; detail: string };
/** The first event, or why none will come: the server refused the operation, or the stream ended or broke. */
type FirstEvent = { kind: "event"; event: DialogEvent } | { kind: "refused"; detail: string } | { kind: "ended"; detail: string };

export interface DialogFollower {
  /** Resolves once Dialogporten has answered the subscription: an open stream, or a refusal. */
  opened: Promise<Opened>;
  first: Promise<FirstEvent>;
  /** The subscription request as sent and, as it arrives, what came back (the events written out as SSE). */
  exchange: Exchange;
  close(): void;
}

/** Exactly the portal's operation (docs/real-systems.md §6.3). */
const subscriptionOf = (dialogId: string) => ({
  query: `subscription sub { dialogEvents(dialogId: "${dialogId}") { id type } }`,
  variables: {},
  operationName: "sub",
});

const headerList = (headers: Headers): HeaderList => [...headers.entries()].filter(([name]) => name !== TRACE_HEADER);

/**
 * The end-user system follows a dialog through Dialogporten's GraphQL subscription, with the dialog token as its
 * only credential, over graphql-sse's client (fetch and Server-Sent Events, one stream per subscription). The
 * real portal does the same with another SSE library; it is what the write-action spec recommends over polling.
 */
export function followDialog(ctx: EndUserSystemContext, dialogToken: string, dialogId: string): DialogFollower {
  const url = `${ctx.baseUrl}/dialogporten/graphql`;
  const request = subscriptionOf(dialogId);
  const headers: Record<string, string> = {
    authorization: `Bearer ${dialogToken}`,
    ...workspaceHeaders(ctx.workspace),
    ...(ctx.trace && { [TRACE_HEADER]: "on" }),
  };
  const exchange: Exchange = {
    id: crypto.randomUUID(),
    from: "end-user-system",
    to: "dialogporten",
    label: "Subscribe to the dialog's events (GraphQL over SSE)",
    request: {
      method: "POST",
      url,
      headers: Object.entries({ ...headers, "content-type": "application/json; charset=utf-8", accept: "text/event-stream" }),
      body: JSON.stringify(request),
    },
    response: null,
    startedAt: new Date().toISOString(),
    durationMs: 0,
  };
  const t0 = performance.now();
  let opened!: (o: Opened) => void;
  let settle!: (f: FirstEvent) => void;
  const openedP = new Promise<Opened>((r) => (opened = r));
  const firstP = new Promise<FirstEvent>((r) => (settle = r));
  const append = (text: string) => {
    if (exchange.response) exchange.response.body = (exchange.response.body ?? "") + text;
  };

  // Records the answer as the sandbox's other calls do, nested trace included, before graphql-sse reads the stream.
  const fetchFn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await ctx.fetch(input, init);
    exchange.durationMs = Math.round(performance.now() - t0);
    const trace = response.headers.get(TRACE_HEADER);
    if (trace) exchange.nested = (await decodeTrace(trace)) ?? undefined;
    const body = response.ok ? "" : await response.clone().text();
    exchange.response = { status: response.status, statusText: response.statusText, headers: headerList(response.headers), body };
    if (!response.ok) opened({ ok: false, detail: `Dialogporten answered ${response.status}.` });
    return response;
  };

  const client = createClient({
    url,
    headers,
    fetchFn,
    // One attempt: when the stream cannot be had, the end-user system falls back to polling (§6.2).
    retryAttempts: 0,
    on: { connected: () => opened({ ok: true }) },
  });
  client.subscribe<{ dialogEvents: DialogEvent }>(request, {
    next: (result) => {
      append(`event: next\ndata: ${JSON.stringify(result)}\n\n`);
      const event = result.data?.dialogEvents;
      if (event) settle({ kind: "event", event });
      else settle({ kind: "refused", detail: result.errors?.map((e) => e.message).join(" ") ?? "No event in the answer." });
    },
    error: (error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      if (!exchange.response) exchange.error = detail;
      opened({ ok: false, detail });
      settle({ kind: "ended", detail });
    },
    complete: () => {
      append("event: complete\ndata:\n\n");
      settle({ kind: "ended", detail: "Dialogporten ended the stream." });
    },
  });
  return { opened: openedP, first: firstP, exchange, close: () => client.dispose() };
}
