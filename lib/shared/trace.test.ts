import { describe, expect, it } from "vitest";
import { encodeBytes, encodeText } from "./base64url";
import type { ServiceTrace } from "./trace";
import { attachTrace, decodeTrace, encodeTrace, TRACE_HEADER, tracedFetch, wantsTrace } from "./trace";
import type { FetchLike } from "./types";

const URL_ = "http://sandbox.test/svc/thing";
const CALL = { from: "end-user-system", to: "dialogporten", label: "Get the thing" } as const;

const nestedTrace: ServiceTrace = {
  actor: "dialogporten",
  exchanges: [
    {
      id: "n1",
      from: "dialogporten",
      to: "authorization",
      label: "Authorize request",
      request: { method: "POST", url: "http://sandbox.test/authorization/api/v1/authorize", headers: [["content-type", "application/json"]], body: "{}" },
      response: { status: 200, statusText: "OK", headers: [], body: '{"Response":[]}' },
      startedAt: "2025-01-01T00:00:00.000Z",
      durationMs: 1.5,
    },
  ],
  notes: { decision: "Permit", øæå: "ünïcode" },
};

/** A fetch that remembers what it was given and answers with `answer`. */
function fakeFetch(answer: () => Response | Promise<Response>) {
  const seen: { url: string; init: RequestInit }[] = [];
  const impl: FetchLike = async (url, init) => {
    seen.push({ url: String(url), init: init ?? {} });
    return answer();
  };
  return { impl, seen };
}

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe("tracedFetch", () => {
  it("records the request and the response as they were on the wire, and hands back the body", async () => {
    const { impl, seen } = fakeFetch(
      () => new Response('{"ok":true}', { status: 201, statusText: "Created", headers: { "content-type": "application/json", etag: '"r1"' } }),
    );
    const { exchange, response, body } = await tracedFetch(
      impl,
      URL_,
      { method: "post", headers: { "Content-Type": "application/json", accept: "*/*" }, body: '{"a":1}' },
      CALL,
    );

    expect(response?.status).toBe(201);
    expect(body).toBe('{"ok":true}');
    expect(exchange).toMatchObject({ from: "end-user-system", to: "dialogporten", label: "Get the thing" });
    expect(exchange.error).toBeUndefined();
    expect(exchange.nested).toBeUndefined();
    expect(exchange.request).toEqual({
      method: "POST",
      url: URL_,
      headers: [
        ["accept", "*/*"],
        ["content-type", "application/json"],
      ],
      body: '{"a":1}',
    });
    expect(exchange.response).toEqual({
      status: 201,
      statusText: "Created",
      headers: [
        ["content-type", "application/json"],
        ["etag", '"r1"'],
      ],
      body: '{"ok":true}',
    });
    expect(exchange.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Date(exchange.startedAt).toISOString()).toBe(exchange.startedAt);
    expect(exchange.durationMs).toBeGreaterThanOrEqual(0);
    // Not asked for a trace: the header is neither sent nor recorded.
    expect(new Headers(seen[0]!.init.headers).has(TRACE_HEADER)).toBe(false);
  });

  it("records GET with no body as method GET and body null, and a non-string body as null", async () => {
    const { impl } = fakeFetch(() => new Response(null, { status: 204 }));
    expect((await tracedFetch(impl, URL_, {}, CALL)).exchange.request).toMatchObject({ method: "GET", body: null });
    const bytes = await tracedFetch(impl, URL_, { method: "PUT", body: new Uint8Array([1, 2, 3]) }, CALL);
    expect(bytes.exchange.request.body).toBeNull();
    expect(bytes.exchange.response).toMatchObject({ status: 204, body: "" });
  });

  it("asks for the receiver's trace when told, nests it, and drops the header from the recorded response", async () => {
    const encoded = await encodeTrace(nestedTrace);
    const { impl, seen } = fakeFetch(() => new Response("{}", { headers: { [TRACE_HEADER]: encoded, "x-other": "1" } }));
    const { exchange } = await tracedFetch(impl, URL_, {}, { ...CALL, askForTrace: true });

    expect(new Headers(seen[0]!.init.headers).get(TRACE_HEADER)).toBe("on");
    expect(exchange.request.headers).toContainEqual([TRACE_HEADER, "on"]);
    expect(exchange.nested).toEqual(nestedTrace);
    expect(exchange.response!.headers).toEqual([
      ["content-type", "text/plain;charset=UTF-8"],
      ["x-other", "1"],
    ]);
  });

  it("drops an undecodable trace header too, without nesting anything", async () => {
    const { impl } = fakeFetch(() => new Response("{}", { headers: { [TRACE_HEADER]: "not a trace" } }));
    const { exchange, response } = await tracedFetch(impl, URL_, {}, { ...CALL, askForTrace: true });
    expect(response?.status).toBe(200);
    expect(exchange.nested).toBeUndefined();
    expect(exchange.response!.headers.map(([k]) => k)).not.toContain(TRACE_HEADER);
  });

  it("clips a big body in the record, but returns it whole", async () => {
    const big = "x".repeat(256 * 1024 + 10);
    const { impl } = fakeFetch(() => new Response(big));
    const { exchange, body } = await tracedFetch(impl, URL_, {}, CALL);
    expect(body).toBe(big);
    expect(exchange.response!.body).toBe(`${"x".repeat(256 * 1024)}… [10 more characters]`);
  });

  it("keeps a body of exactly the limit as it is", async () => {
    const limit = "y".repeat(256 * 1024);
    const { impl } = fakeFetch(() => new Response(limit));
    expect((await tracedFetch(impl, URL_, {}, CALL)).exchange.response!.body).toBe(limit);
  });

  it("never throws on a network error: the exchange carries the error and its cause, with no response", async () => {
    const impl: FetchLike = async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED", message: "connect ECONNREFUSED 127.0.0.1:1" } });
    };
    const { exchange, response, body } = await tracedFetch(impl, URL_, {}, CALL);
    expect(response).toBeNull();
    expect(body).toBeNull();
    expect(exchange.response).toBeNull();
    expect(exchange.error).toBe("fetch failed (ECONNREFUSED)");
  });

  it("never throws when something that is not an Error is thrown", async () => {
    const impl: FetchLike = () => Promise.reject("socket gone");
    expect((await tracedFetch(impl, URL_, {}, CALL)).exchange.error).toBe("socket gone");
  });

  it("gives up after timeoutMs and says so, without throwing", async () => {
    // Answers only when aborted, so the outcome does not depend on how fast the machine is.
    const impl: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        const signal = init!.signal!;
        signal.addEventListener("abort", () => reject(signal.reason));
      });
    const { exchange, response } = await tracedFetch(impl, URL_, {}, { ...CALL, timeoutMs: 5 });
    expect(response).toBeNull();
    expect(exchange.error).toBe("timeout: no answer in time");
  });

  it("records a body that breaks while being read as an error, not a throw", async () => {
    const body = new ReadableStream({
      pull(controller) {
        controller.error(new Error("connection reset"));
      },
    });
    const { exchange, response } = await tracedFetch(async () => new Response(body), URL_, {}, CALL);
    expect(response).toBeNull();
    expect(exchange.error).toBe("connection reset");
  });
});

describe("encodeTrace / decodeTrace", () => {
  it("round-trips a trace, unicode included, as base64url", async () => {
    const encoded = await encodeTrace(nestedTrace);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeTrace(encoded)).toEqual(nestedTrace);
  });

  it("answers null for garbage instead of throwing", async () => {
    const notGzip = encodeText('{"actor":"dialogporten","exchanges":[],"notes":{}}');
    const notJson = encodeBytes(await gzip("{nope"));
    const noExchanges = encodeBytes(await gzip('{"actor":"dialogporten","notes":{}}'));
    const jsonNull = encodeBytes(await gzip("null"));
    const truncated = (await encodeTrace(nestedTrace)).slice(0, 20);
    for (const value of ["", "!!!", "a+b/c==", notGzip, notJson, noExchanges, jsonNull, truncated]) {
      expect(await decodeTrace(value), value).toBeNull();
    }
  });
});

describe("attachTrace", () => {
  const asked = (value?: string) => new Request(URL_, { headers: value === undefined ? {} : { [TRACE_HEADER]: value } });

  it("adds the encoded trace only when the request asked with `on`", async () => {
    const original = new Response("body", { status: 202, statusText: "Accepted", headers: { "retry-after": "1" } });
    const res = await attachTrace(asked("on"), original, nestedTrace);
    expect(res.status).toBe(202);
    expect(res.statusText).toBe("Accepted");
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await res.text()).toBe("body");
    expect(await decodeTrace(res.headers.get(TRACE_HEADER)!)).toEqual(nestedTrace);
  });

  it("returns the very same response otherwise", async () => {
    for (const value of [undefined, "", "off", "ON", "true"]) {
      const original = new Response("body");
      const res = await attachTrace(asked(value), original, nestedTrace);
      expect(res, String(value)).toBe(original);
      expect(res.headers.has(TRACE_HEADER)).toBe(false);
      expect(wantsTrace(asked(value))).toBe(false);
    }
    expect(wantsTrace(asked("on"))).toBe(true);
  });
});
