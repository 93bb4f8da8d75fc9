import { methodNotAllowed, notFound, problem } from "./problem";
import type { Handler } from "./types";
import { readStreamCapped } from "./capped-stream";

export type RouteHandler = (request: Request, params: Record<string, string>) => Promise<Response>;

export interface Route {
  /** Path pattern with `:name` segments, e.g. `/dialogporten/api/v1/enduser/dialogs/:dialogId`. */
  path: string;
  methods: Partial<Record<string, RouteHandler>>;
}

function match(pattern: string, pathname: string): Record<string, string> | null {
  const p = pattern.split("/");
  const s = pathname.split("/");
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    const actual = s[i]!;
    if (seg.startsWith(":")) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return null;
      }
      params[seg.slice(1)] = decoded;
    } else if (seg !== actual) return null;
  }
  return params;
}

/**
 * A tiny router that turns a route table into one Fetch handler: 404/405 as problem+json, and any
 * unexpected exception into a bare 500 problem without internals (no stack traces on the wire).
 */
export function router(routes: Route[]): Handler {
  return async (request) => {
    const url = new URL(request.url);
    const pathname = url.pathname.replace(/\/+$/, "") || "/";
    for (const route of routes) {
      const params = match(route.path, pathname);
      if (!params) continue;
      const method = request.method.toUpperCase();
      const handler = route.methods[method] ?? (method === "HEAD" ? route.methods.GET : undefined);
      if (!handler) return methodNotAllowed(Object.keys(route.methods), url.pathname);
      try {
        return await handler(request, params);
      } catch (error) {
        // The caller learns nothing from a 500, on purpose; the server log is where the bug is found.
        console.error(`${method} ${url.pathname} failed:`, error);
        return problem({ status: 500, title: "Internal Server Error", code: "internal_error", instance: url.pathname });
      }
    }
    return notFound(url.pathname);
  };
}

/**
 * Reads a JSON body with a size cap; returns a problem Response instead of throwing. `types` narrows the
 * accepted media types to an exact list (e.g. JSON Patch's); by default any `application/…json` will do.
 */
export async function readJson(
  request: Request,
  maxBytes: number,
  types?: readonly string[],
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const instance = new URL(request.url).pathname;
  const type = request.headers.get("content-type") ?? "";
  const accepted = types ? types.includes(type.split(";")[0]!.trim().toLowerCase()) : /^application\/([a-z.+-]*\+)?json\b/i.test(type);
  if (!accepted) {
    return {
      ok: false,
      response: problem({
        status: 415,
        title: "Unsupported Media Type",
        code: "unsupported_media_type",
        detail: `Send the body as ${(types ?? ["application/json"]).join(" or ")}.`,
        instance,
      }),
    };
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes, instance) };
  // A body stream that breaks while it is read is bad input too, not a 500.
  const body = await readTextCapped(request, maxBytes).catch((): CappedText => ({ error: "bad_encoding" }));
  if (body.error === "too_large") return { ok: false, response: tooLarge(maxBytes, instance) };
  if (body.error === "bad_encoding") {
    return { ok: false, response: problem({ status: 400, title: "Bad Request", code: "malformed_json", detail: "The body is not UTF-8.", instance }) };
  }
  try {
    return { ok: true, value: JSON.parse(body.text ?? "") };
  } catch {
    return { ok: false, response: problem({ status: 400, title: "Bad Request", code: "malformed_json", detail: "The body is not valid JSON.", instance }) };
  }
}

function tooLarge(maxBytes: number, instance: string): Response {
  return problem({ status: 413, title: "Content Too Large", code: "body_too_large", detail: `The body may be at most ${maxBytes} bytes.`, instance });
}

/** Streams the body and stops as soon as it passes the cap, so a huge upload is never buffered whole. */
type CappedText = { text: string; error?: undefined } | { text?: undefined; error: "too_large" | "bad_encoding" };

export async function readTextCapped(request: Request, maxBytes: number): Promise<CappedText> {
  if (!request.body) return { text: "" };
  const all = await readStreamCapped(request.body, maxBytes);
  if (!all) return { error: "too_large" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(all) };
  } catch {
    return { error: "bad_encoding" };
  }
}
