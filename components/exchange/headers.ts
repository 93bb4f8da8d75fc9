import type { HeaderList } from "@/lib/shared/trace";

/**
 * Where a header on a recorded exchange comes from:
 * - `service`: chosen by the service or the caller as part of the API (content-type, etag, cache-control,
 *   www-authenticate, retry-after, authorization, accept, … — docs/real-systems.md §1–§5 list what the real
 *   services send);
 * - `transport`: added by Next.js or by HTTP itself, whatever the API says; the real service sits behind
 *   other software and sends its own set, so these teach nothing about Dialogporten;
 * - `sandbox`: the sandbox's teaching headers (`sandbox-trace`, `sandbox-workspace`, `sandbox-fault`, …),
 *   which no real service reads or sends.
 */
type HeaderKind = "service" | "transport" | "sandbox";

export interface ClassifiedHeader {
  name: string;
  value: string;
  kind: HeaderKind;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) and what every HTTP server or client adds by itself. */
const TRANSPORT = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "te",
  "trailer",
  "upgrade",
  "proxy-connection",
  "date",
  "content-length",
  "host",
  "x-powered-by",
]);

/** Prefixes Next.js uses for its own headers (router, middleware, cache). */
const TRANSPORT_PREFIXES = ["x-nextjs-", "x-middleware-", "next-", "x-next-"];

/** Request headers Next's App Router varies on: its own, never the API's. */
const NEXT_VARY = new Set(["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"]);

function kindOf(name: string): HeaderKind {
  const lower = name.toLowerCase();
  if (lower.startsWith("sandbox-")) return "sandbox";
  if (TRANSPORT.has(lower) || TRANSPORT_PREFIXES.some((p) => lower.startsWith(p))) return "transport";
  return "service";
}

/**
 * Classifies each header. A `vary` that mixes Next's router headers with the API's own (`Accept-Encoding`)
 * is split into two fields — the same thing in HTTP (RFC 9110 §5.3) — so the API's part stays visible.
 */
export function classifyHeaders(headers: HeaderList): ClassifiedHeader[] {
  const out: ClassifiedHeader[] = [];
  for (const [name, value] of headers) {
    if (name.toLowerCase() !== "vary") {
      out.push({ name, value, kind: kindOf(name) });
      continue;
    }
    const tokens = value
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    const own = tokens.filter((v) => !NEXT_VARY.has(v.toLowerCase()));
    const next = tokens.filter((v) => NEXT_VARY.has(v.toLowerCase()));
    if (own.length > 0) out.push({ name, value: own.join(", "), kind: "service" });
    if (next.length > 0) out.push({ name, value: next.join(", "), kind: "transport" });
  }
  return out;
}

/**
 * The headers a copy (curl, HTTP message) should carry: the service's own, plus the sandbox's when the
 * user asked to see them — `sandbox-trace` never, since it only makes the answer carry a trace a terminal
 * cannot read.
 */
export function headersToCopy(headers: HeaderList, withSandbox: boolean): HeaderList {
  return classifyHeaders(headers)
    .filter((h) => h.kind === "service" || (withSandbox && h.kind === "sandbox" && h.name.toLowerCase() !== "sandbox-trace"))
    .map((h) => [h.name, h.value]);
}
