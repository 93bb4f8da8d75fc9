import { afterEach, describe, expect, it, vi } from "vitest";
import { readJson, readTextCapped, router } from "./router";

const ORIGIN = "http://sandbox.test";

const echo = router([
  { path: "/svc/items/:id", methods: { GET: async (_r, p) => Response.json({ id: p.id }), DELETE: async () => new Response(null, { status: 204 }) } },
  { path: "/svc/items/:id/parts/:part", methods: { GET: async (_r, p) => Response.json(p) } },
  { path: "/svc/boom", methods: { POST: async () => Promise.reject(new Error("secret detail at line 42")) } },
]);

const call = (path: string, init: RequestInit = {}) => echo(new Request(`${ORIGIN}${path}`, init));

afterEach(() => vi.restoreAllMocks());

describe("router", () => {
  it("matches :params, decoding each segment, and ignores a trailing slash", async () => {
    expect(await (await call("/svc/items/a%20b")).json()).toEqual({ id: "a b" });
    expect(await (await call("/svc/items/x/")).json()).toEqual({ id: "x" });
    expect(await (await call("/svc/items/1/parts/2")).json()).toEqual({ id: "1", part: "2" });
  });

  it("answers 404 problem+json for an unknown path, a wrong segment count or a segment that is not valid percent-encoding", async () => {
    for (const path of ["/svc/nothing", "/svc/items", "/svc/items/1/2", "/svc/items/%ff"]) {
      const res = await call(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, code: "not_found", instance: path });
    }
  });

  it("answers 405 with an Allow header for a method the route lacks, and serves HEAD from GET", async () => {
    const res = await call("/svc/items/1", { method: "PUT", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, DELETE");
    expect(await res.json()).toMatchObject({ code: "method_not_allowed" });
    expect((await call("/svc/items/1", { method: "HEAD" })).status).toBe(200);
    expect((await call("/svc/boom", { method: "HEAD" })).status).toBe(405);
  });

  it("turns a thrown error into a 500 problem without internals, and logs method, path and the error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await call("/svc/boom", { method: "POST" });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ status: 500, title: "Internal Server Error", code: "internal_error", instance: "/svc/boom" });
    expect(text).not.toContain("secret detail");
    expect(text).not.toContain("at line");
    expect(log).toHaveBeenCalledTimes(1);
    const [message, error] = log.mock.calls[0]!;
    expect(message).toContain("POST /svc/boom");
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("secret detail at line 42");
  });

  it("does not log answers that are not errors", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    await call("/svc/nothing");
    await call("/svc/items/1", { method: "PUT", body: "x" });
    expect(log).not.toHaveBeenCalled();
  });
});

const post = (body: BodyInit, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request(`${ORIGIN}/x`, { method: "POST", body, headers });

/** A body that arrives in chunks and says nothing about its length up front. */
function streamed(chunks: Uint8Array[]): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]!);
      else controller.close();
    },
  });
  return { body, pulled: () => i };
}

async function failure(result: Awaited<ReturnType<typeof readJson>>) {
  if (result.ok) throw new Error("expected a problem");
  return { status: result.response.status, ...((await result.response.json()) as { code: string }) };
}

describe("readJson", () => {
  it("returns the parsed value for JSON and +json media types", async () => {
    expect(await readJson(post('{"a":[1,2]}'), 100)).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(await readJson(post('"x"', { "content-type": "application/problem+json; charset=utf-8" }), 100)).toEqual({ ok: true, value: "x" });
  });

  it("refuses another media type with 415, bad JSON or bad UTF-8 with 400", async () => {
    expect(await failure(await readJson(post("{}", { "content-type": "text/plain" }), 100))).toMatchObject({ status: 415, code: "unsupported_media_type" });
    expect(await failure(await readJson(post("{"), 100))).toMatchObject({ status: 400, code: "malformed_json", detail: "The body is not valid JSON." });
    expect(await failure(await readJson(post(new Uint8Array([0x7b, 0xff, 0x7d])), 100))).toMatchObject({
      status: 400,
      code: "malformed_json",
      detail: "The body is not UTF-8.",
    });
  });

  it("refuses a body over the cap with 413, by its declared length or while streaming", async () => {
    expect(await failure(await readJson(post("x".repeat(101)), 100))).toMatchObject({ status: 413, code: "body_too_large" });
    const { body } = streamed([new Uint8Array(60), new Uint8Array(60)]);
    const request = new Request(`${ORIGIN}/x`, { method: "POST", body, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
    expect(await failure(await readJson(request, 100))).toMatchObject({ status: 413, code: "body_too_large", detail: "The body may be at most 100 bytes." });
  });
});

describe("readTextCapped", () => {
  it("reads an empty or absent body as the empty string", async () => {
    expect(await readTextCapped(new Request(`${ORIGIN}/x`), 10)).toEqual({ text: "" });
    expect(await readTextCapped(post(""), 10)).toEqual({ text: "" });
  });

  it("joins chunks, and stops reading as soon as the cap is passed", async () => {
    const enc = new TextEncoder();
    const ok = streamed([enc.encode("hé"), enc.encode("llo")]);
    expect(await readTextCapped(new Request(`${ORIGIN}/x`, { method: "POST", body: ok.body, duplex: "half" } as RequestInit), 10)).toEqual({ text: "héllo" });

    const big = streamed([new Uint8Array(8), new Uint8Array(8), new Uint8Array(8), new Uint8Array(8)]);
    expect(await readTextCapped(new Request(`${ORIGIN}/x`, { method: "POST", body: big.body, duplex: "half" } as RequestInit), 10)).toEqual({
      error: "too_large",
    });
    expect(big.pulled()).toBeLessThan(4);
  });
});
