import { describe, expect, it } from "vitest";
import { DIALOG_ID, seedDialogs } from "../seed/dialogs";
import { serviceResources } from "../seed/resources";
import { decodeTrace } from "../shared/trace";
import { MARKDOWN_TYPE, MAX_EMBED_BYTES, markdownResponse } from "./content";
import { ALLOWED_REQUEST_HEADERS, EXPOSED_HEADERS } from "./cors";
import { TEST_ISSUER, TEST_METADATA_URL, TEST_NOW, fakeDialogporten, makeToken, testJwks } from "./fixtures/sandbox-tokens";
import { createServiceProviderService } from "./handler";
import type { ServiceProviderOptions } from "./handler";
import type { PreflightNote } from "./preflights";
import type { ServiceProviderNotes } from "./trace-notes";
import { PREFLIGHT_LABEL, PreflightLog } from "./preflights";

// The service provider as the browser reaches it: its own origin, a page on another one.
const SP = "http://127.0.0.1:3100";
const PAGE = "http://localhost:3100";
const EMBED = `/service-provider/fce/${DIALOG_ID.taxReturn}`;

async function setup(over: Partial<ServiceProviderOptions> = {}) {
  const dp = fakeDialogporten(await testJwks());
  const wall = { now: 1_000_000 };
  const preflights = new PreflightLog({ now: () => wall.now });
  const sp = createServiceProviderService({
    fetch: dp.fetch,
    now: () => TEST_NOW,
    metadataUrl: TEST_METADATA_URL,
    issuer: TEST_ISSUER,
    clockSkewSeconds: 10,
    jwksCacheTtlSeconds: 3600,
    allowedOrigins: [PAGE],
    ownOrigin: SP,
    dialogs: seedDialogs,
    resources: serviceResources,
    preflights,
    ...over,
  });
  return { sp, wall, preflights };
}

const bearer = () => makeToken({ claims: { i: DIALOG_ID.taxReturn, a: "read;write" } });

/** What Chromium sends before a fetch with Authorization from the page's origin. */
const preflightRequest = (origin = PAGE, path = EMBED, method = "GET", headers = "authorization,sandbox-trace") =>
  new Request(`${SP}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": method,
      "access-control-request-headers": headers,
      "sec-fetch-mode": "cors",
      accept: "*/*",
      cookie: "session=should-not-be-kept",
    },
  });

const actual = async (origin: string | null, path = EMBED, method = "GET") =>
  new Request(`${SP}${path}`, { method, headers: { ...(origin && { origin }), authorization: `Bearer ${await bearer()}`, "sandbox-trace": "on" } });

async function preflightNote(res: Response): Promise<PreflightNote | undefined> {
  const trace = await decodeTrace(res.headers.get("sandbox-trace")!);
  return (trace?.notes as ServiceProviderNotes | undefined)?.preflight;
}

describe("CORS: preflight", () => {
  it("grants an allowed origin exactly: its origin, the methods, authorization among the headers, Max-Age 0, Vary", async () => {
    const { sp } = await setup();
    const res = await sp(preflightRequest());
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    const allowed = res.headers.get("access-control-allow-headers")!.split(", ");
    for (const h of ["authorization", "accept-language", "content-type", "prefer", "sandbox-trace"]) expect(allowed).toContain(h);
    expect(allowed).toEqual(ALLOWED_REQUEST_HEADERS);
    expect(res.headers.get("access-control-max-age")).toBe("0");
    expect(res.headers.get("vary")).toBe("Origin");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(await res.text()).toBe("");
  });

  it("takes Max-Age from configuration", async () => {
    const { sp } = await setup({ corsMaxAgeSeconds: 600 });
    expect((await sp(preflightRequest())).headers.get("access-control-max-age")).toBe("600");
  });

  it("refuses unknown origins with a 403 problem and no Access-Control-* header at all", async () => {
    const { sp } = await setup();
    for (const origin of ["https://evil.example", "http://localhost:3101", "https://localhost:3100", "null", `${PAGE}/`]) {
      const res = await sp(preflightRequest(origin));
      expect(res.status, origin).toBe(403);
      expect(
        [...res.headers.keys()].filter((k) => k.startsWith("access-control-")),
        origin,
      ).toEqual([]);
      expect(res.headers.get("vary")).toBe("Origin");
      expect(await res.json()).toMatchObject({ code: "origin_not_allowed", status: 403 });
    }
  });

  it("answers a plain OPTIONS (no Origin) with Allow", async () => {
    const { sp } = await setup();
    const res = await sp(new Request(`${SP}${EMBED}`, { method: "OPTIONS" }));
    expect(res.status).toBe(204);
    expect(res.headers.get("allow")).toContain("DELETE");
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS: actual requests", () => {
  it("allowed origin: exact ACAO, exposed headers for write actions and errors, Vary: Origin", async () => {
    const { sp } = await setup();
    const res = await sp(await actual(PAGE));
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(res.headers.get("access-control-expose-headers")!.split(", ")).toEqual(EXPOSED_HEADERS);
    for (const h of ["www-authenticate", "sandbox-trace", "etag", "location", "retry-after"]) expect(EXPOSED_HEADERS).toContain(h);
    expect(res.headers.get("vary")).toContain("Origin");
  });

  it("unknown origin: 403 before the token is even looked at, no ACAO", async () => {
    const { sp } = await setup();
    const res = await sp(await actual("https://evil.example"));
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("sandbox-trace")).toBeNull();
    expect(await res.json()).toMatchObject({ code: "origin_not_allowed" });
  });

  it("same origin and non-browser callers need no grant", async () => {
    const { sp } = await setup();
    const same = await sp(await actual(SP));
    expect(same.status).toBe(200);
    expect(same.headers.get("access-control-allow-origin")).toBeNull();
    expect(await preflightNote(same)).toBeUndefined();
    const cli = await sp(await actual(null));
    expect(cli.status).toBe(200);
    expect(await preflightNote(cli)).toBeUndefined();
  });
});

describe("CORS: the preflight as the service provider received and answered it", () => {
  it("is recorded and attached, once, to the trace of the request that follows", async () => {
    const { sp } = await setup();
    const granted = await sp(preflightRequest());
    const res = await sp(await actual(PAGE));
    const note = await preflightNote(res);
    expect(note?.observed).toBe(true);
    if (!note?.observed) return;
    const e = note.exchange;
    expect(e).toMatchObject({
      from: "end-user-system",
      to: "service-provider",
      label: PREFLIGHT_LABEL,
      request: { method: "OPTIONS", url: `${SP}${EMBED}`, body: null },
    });
    expect(e.request.headers).toEqual(
      expect.arrayContaining([
        ["origin", PAGE],
        ["access-control-request-method", "GET"],
        ["access-control-request-headers", "authorization,sandbox-trace"],
      ]),
    );
    expect(e.request.headers.some(([k]) => k === "cookie")).toBe(false);
    expect(e.response).toMatchObject({ status: 204, body: null });
    expect(e.response!.headers).toEqual([...granted.headers.entries()]);
    expect(Date.parse(e.startedAt)).not.toBeNaN();
    expect(e.durationMs).toBeGreaterThanOrEqual(0);
    // Claimed once: the next request finds none and says so instead of reconstructing one.
    const again = await preflightNote(await sp(await actual(PAGE)));
    expect(again).toMatchObject({ observed: false });
    expect(again && !again.observed && again.detail).toContain("another instance");
  });

  it("matches origin, path and requested method; the most recent first", async () => {
    const { sp, wall } = await setup();
    await sp(preflightRequest(PAGE, EMBED, "POST"));
    await sp(preflightRequest(PAGE, `/service-provider/api/${DIALOG_ID.taxReturn}`));
    expect(await preflightNote(await sp(await actual(PAGE)))).toMatchObject({ observed: false });
    await sp(preflightRequest());
    wall.now += 1000;
    await sp(preflightRequest());
    const note = await preflightNote(await sp(await actual(PAGE)));
    expect(note).toMatchObject({ observed: true, ageMs: 0 });
    expect(await preflightNote(await sp(await actual(PAGE)))).toMatchObject({ observed: true, ageMs: 1000 });
  });

  it("forgets refused preflights for claiming, and everything after 30 s", async () => {
    const { sp, wall } = await setup({ allowedOrigins: [PAGE, "http://other.test"] });
    await sp(preflightRequest("https://evil.example"));
    await sp(preflightRequest());
    wall.now += 30_001;
    expect(await preflightNote(await sp(await actual(PAGE)))).toMatchObject({ observed: false });
  });

  it("is bounded: at most 200 entries, oldest dropped", async () => {
    const log = new PreflightLog({ now: () => 0 });
    const ok = new Response(null, { status: 204 });
    for (let i = 0; i < 250; i++)
      log.record(
        new Request(`${SP}/service-provider/fce/${i}`, { method: "OPTIONS", headers: { origin: PAGE, "access-control-request-method": "GET" } }),
        ok,
        0,
        0,
      );
    expect(log.size).toBe(200);
    expect(log.claim(PAGE, "/service-provider/fce/10", "GET").observed).toBe(false);
    expect(log.claim(PAGE, "/service-provider/fce/249", "GET").observed).toBe(true);
    // An OPTIONS that is not a CORS preflight is not kept.
    log.record(new Request(`${SP}/x`, { method: "OPTIONS" }), ok, 0, 0);
    expect(log.size).toBe(200);
  });
});

describe("front-channel embeds: content type and size", () => {
  it("answers text/markdown; charset=utf-8, uncached, well under 100 KB", async () => {
    const { sp } = await setup();
    for (const path of [EMBED, `/service-provider/fce/${DIALOG_ID.taxReturn}/transmissions/019ad0c2-7000-7a3b-9c4d-000000000121`]) {
      const res = await sp(
        new Request(`${SP}${path}`, {
          headers: {
            authorization: `Bearer ${await makeToken({ claims: { i: DIALOG_ID.taxReturn, a: "read;transmissionread,urn:altinn:subresource:vedtak" } })}`,
          },
        }),
      );
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe(MARKDOWN_TYPE);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect((await res.arrayBuffer()).byteLength).toBeLessThan(MAX_EMBED_BYTES);
    }
  });

  it("never sends more than 100 KB: longer content is cut on a character boundary, visibly", async () => {
    const exact = markdownResponse("a".repeat(MAX_EMBED_BYTES));
    expect((await exact.arrayBuffer()).byteLength).toBe(MAX_EMBED_BYTES);
    const long = markdownResponse("ø".repeat(MAX_EMBED_BYTES));
    expect(long.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const bytes = new Uint8Array(await long.arrayBuffer());
    expect(bytes.byteLength).toBeLessThanOrEqual(MAX_EMBED_BYTES);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text).toMatch(/^ø+\n\n\*\[The service provider cut this content at the 100 KB limit/);
    expect(text.endsWith("]*\n")).toBe(true);
  });
});
