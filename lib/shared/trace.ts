import { decodeBytes, encodeBytes } from "./base64url";
import type { FetchLike } from "./types";

/** The actors of the sequence diagram (docs/design.md). */
export type Actor = "end-user-system" | "id-porten" | "dialogporten" | "authorization" | "service-provider";

export type HeaderList = [string, string][];

export interface RecordedRequest {
  method: string;
  url: string;
  headers: HeaderList;
  body: string | null;
}

export interface RecordedResponse {
  status: number;
  statusText: string;
  headers: HeaderList;
  body: string | null;
}

/**
 * One HTTP exchange exactly as its sender saw it (docs/design.md, principle 5). `N` is the receiver's notes
 * type where the reader knows it; a decoded trace came over the network, so by default it is unknown.
 */
export interface Exchange<N = unknown> {
  id: string;
  from: Actor;
  to: Actor;
  /** What the sender was doing, e.g. "Authorize request". */
  label: string;
  request: RecordedRequest;
  response: RecordedResponse | null;
  /** Set when no response arrived (network error, timeout). */
  error?: string;
  startedAt: string;
  durationMs: number;
  /** The trace the receiver handed back with its response, if it was asked for one. */
  nested?: ServiceTrace<N>;
}

/**
 * What a service tells the sandbox about one request it handled: the calls it made and its
 * teaching notes. Travels in the `Sandbox-Trace` response header, beside the real payload.
 */
export interface ServiceTrace<N = unknown> {
  actor: Actor;
  exchanges: Exchange[];
  /** Each service exports the type of its notes (e.g. `DialogportenNotes` in lib/dialogporten/trace-notes.ts). */
  notes: N;
}

/** Request header a caller sets to ask for a `ServiceTrace`; the answer comes in the same header. */
export const TRACE_HEADER = "sandbox-trace";

export function wantsTrace(request: Request): boolean {
  return request.headers.get(TRACE_HEADER) === "on";
}

const MAX_BODY_CHARS = 256 * 1024;

function headerList(headers: Headers): HeaderList {
  return [...headers.entries()];
}

function clip(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}… [${text.length - MAX_BODY_CHARS} more characters]` : text;
}

export interface TracedCall {
  from: Actor;
  to: Actor;
  label: string;
  /** Ask the receiver for its own trace and nest it in the exchange. */
  askForTrace?: boolean;
  /** Abort after this many ms. */
  timeoutMs?: number;
}

export interface TracedResult {
  exchange: Exchange;
  response: Response | null;
  /** The response body, already read as text (so callers don't read it twice). */
  body: string | null;
}

/**
 * fetch() that records the exchange as it happened on the wire from the sender's side.
 * Never throws: a network failure is returned as an exchange with `error` and no response.
 */
export async function tracedFetch(fetchImpl: FetchLike, url: string, init: RequestInit, call: TracedCall): Promise<TracedResult> {
  const headers = new Headers(init.headers);
  if (call.askForTrace) headers.set(TRACE_HEADER, "on");
  const requestBody = typeof init.body === "string" ? init.body : null;
  const request: RecordedRequest = { method: (init.method ?? "GET").toUpperCase(), url, headers: headerList(headers), body: requestBody };
  const startedAt = new Date();
  const t0 = performance.now();
  const exchange: Exchange = {
    id: crypto.randomUUID(),
    from: call.from,
    to: call.to,
    label: call.label,
    request,
    response: null,
    startedAt: startedAt.toISOString(),
    durationMs: 0,
  };
  const signal = call.timeoutMs ? AbortSignal.timeout(call.timeoutMs) : init.signal;
  try {
    const response = await fetchImpl(url, { ...init, headers, signal });
    const body = await response.text();
    exchange.durationMs = round(performance.now() - t0);
    const responseHeaders = new Headers(response.headers);
    const traceHeader = responseHeaders.get(TRACE_HEADER);
    if (traceHeader) {
      exchange.nested = (await decodeTrace(traceHeader)) ?? undefined;
      // The nested trace is shown on its own; keep the header list readable.
      responseHeaders.delete(TRACE_HEADER);
    }
    exchange.response = { status: response.status, statusText: response.statusText, headers: headerList(responseHeaders), body: clip(body) };
    return { exchange, response, body };
  } catch (error) {
    exchange.durationMs = round(performance.now() - t0);
    exchange.error = describeError(error);
    return { exchange, response: null, body: null };
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timeout: no answer in time";
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ? `${error.message} (${cause.code})` : error.message;
  }
  return String(error);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** gzip + base64url keeps a trace with XACML bodies well under common 8–16 KB header limits. */
export async function encodeTrace(trace: ServiceTrace): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(trace));
  return encodeBytes(await pipe(bytes, new CompressionStream("gzip")));
}

export async function decodeTrace(value: string): Promise<ServiceTrace | null> {
  const bytes = decodeBytes(value);
  if (!bytes) return null;
  try {
    const json = new TextDecoder().decode(await pipe(bytes, new DecompressionStream("gzip")));
    const parsed = JSON.parse(json) as ServiceTrace;
    return parsed && Array.isArray(parsed.exchanges) ? parsed : null;
  } catch {
    return null;
  }
}

/** Adds the service's trace to its response when the caller asked for one. */
export async function attachTrace(request: Request, response: Response, trace: ServiceTrace): Promise<Response> {
  if (!wantsTrace(request)) return response;
  const headers = new Headers(response.headers);
  headers.set(TRACE_HEADER, await encodeTrace(trace));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
