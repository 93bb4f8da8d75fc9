import { problem } from "./problem";

/**
 * Node's HTTP server refuses a request whose header section passes 16 KiB (`--max-http-header-size`,
 * default 16384) with a bare `431` and no body, before Next or any handler runs. The sandbox applies
 * the same limit itself, so the in-process mode (MSW, and a future browser-only build) refuses the same
 * requests — but with a problem+json body and a stable code (docs/decisions/014-fault-injection.md).
 */
const MAX_HEADER_BYTES = 16 * 1024;

/** Bytes of the header section as sent on the wire: `name: value\r\n` per field. */
function headerBytes(headers: Headers): number {
  let n = 0;
  for (const [name, value] of headers) n += name.length + value.length + 4;
  return n;
}

/** A 431 problem when the request's headers are larger than a Node server would accept; otherwise null. */
export function headerSizeProblem(request: Request): Response | null {
  const size = headerBytes(request.headers);
  if (size <= MAX_HEADER_BYTES) return null;
  return problem({
    status: 431,
    title: "Request Header Fields Too Large",
    code: "request_header_too_large",
    detail: `The request headers are ${size} bytes; at most ${MAX_HEADER_BYTES} are accepted.`,
    instance: new URL(request.url).pathname,
  });
}
