import { describe, expect, it } from "vitest";
import { classifyHeaders, headersToCopy } from "./headers";

const kinds = (headers: [string, string][]) => classifyHeaders(headers).map((h) => `${h.kind}:${h.name}: ${h.value}`);

describe("classifyHeaders", () => {
  it("keeps the service's own headers as the API", () => {
    expect(
      kinds([
        ["content-type", "application/problem+json"],
        ["etag", '"019ad0c2-0000-7000-8000-000000000001"'],
        ["cache-control", "no-store"],
        ["www-authenticate", 'Bearer error="invalid_token"'],
        ["retry-after", "5"],
        ["access-control-allow-origin", "*"],
        ["authorization", "Bearer a.b.c"],
      ]).every((k) => k.startsWith("service:")),
    ).toBe(true);
  });

  it("marks what Next.js and HTTP add as transport, whatever its case", () => {
    expect(
      kinds([
        ["Connection", "keep-alive"],
        ["keep-alive", "timeout=5"],
        ["date", "Wed, 02 Dec 2026 10:00:00 GMT"],
        ["transfer-encoding", "chunked"],
        ["content-length", "12"],
        ["x-nextjs-cache", "HIT"],
        ["x-middleware-rewrite", "/x"],
        ["x-powered-by", "Next.js"],
      ]).every((k) => k.startsWith("transport:")),
    ).toBe(true);
  });

  it("marks sandbox-* as the sandbox's teaching headers", () => {
    expect(
      kinds([
        ["sandbox-trace", "on"],
        ["Sandbox-Workspace", "ws"],
        ["sandbox-fault", "pdp-down"],
      ]),
    ).toEqual(["sandbox:sandbox-trace: on", "sandbox:Sandbox-Workspace: ws", "sandbox:sandbox-fault: pdp-down"]);
  });

  it("splits a vary that mixes Next's router headers with the API's own", () => {
    expect(kinds([["vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding"]])).toEqual([
      "service:vary: Accept-Encoding",
      "transport:vary: rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch",
    ]);
    expect(kinds([["vary", "rsc, next-url"]])).toEqual(["transport:vary: rsc, next-url"]);
    expect(kinds([["vary", "Accept-Language, Cookie"]])).toEqual(["service:vary: Accept-Language, Cookie"]);
  });
});

describe("headersToCopy", () => {
  const list: [string, string][] = [
    ["accept", "application/json"],
    ["sandbox-trace", "on"],
    ["sandbox-workspace", "ws"],
    ["connection", "close"],
  ];
  it("keeps the API's headers, and the sandbox's only on request (never sandbox-trace)", () => {
    expect(headersToCopy(list, false)).toEqual([["accept", "application/json"]]);
    expect(headersToCopy(list, true)).toEqual([
      ["accept", "application/json"],
      ["sandbox-workspace", "ws"],
    ]);
  });
});
