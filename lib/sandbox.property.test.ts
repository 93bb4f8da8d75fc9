import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer } from "@/mocks/node";
import { validated } from "@/mocks/validating";
import { testConfig } from "./config";
import { getDialog, signIn } from "./end-user-system/calls";
import { createSandbox, type Sandbox } from "./sandbox";
import { DIALOG_ID, seedDialogs } from "./seed/dialogs";
import { findPersona } from "./seed/personas";
import { FAULTS } from "./shared/faults";

// Property: random requests — any method, path, headers and body — to every endpoint never get a 5xx,
// except a 502/503 that a fail-closed fault in the request asked for. Every error is problem+json.
let sandbox: Sandbox;
let server: ReturnType<typeof startSandboxServer>;
const tokens = { access: "", dialog: "" };
beforeAll(async () => {
  sandbox = await createSandbox(testConfig(), { fetch: (input, init) => fetch(input, init) });
  server = startSandboxServer(validated(sandbox));
  const ctx = { fetch: (i: string | URL | Request, init?: RequestInit) => fetch(i, init), baseUrl: sandbox.config.origin, trace: false };
  tokens.access = (await signIn(ctx, findPersona("ola")!)).value!;
  tokens.dialog = (await getDialog(ctx, tokens.access, DIALOG_ID.vatReturn)).value!.dialogToken!;
});
afterAll(() => server.close());

/** Faults that make a service answer 503 on purpose (fail closed); Dialogporten answers a PDP failure 502, as the real one. */
const FAIL_CLOSED = ["pdp-down", "pdp-garbage", "jwks-unavailable", "jwks-cold", "jwks-down"];

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
const segment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...Object.values(DIALOG_ID)) },
  { weight: 2, arbitrary: fc.constantFrom("write", "delete", "sign", "oppgjor", ...seedDialogs.flatMap((d) => d.transmissions.map((t) => t.id))) },
  { weight: 2, arbitrary: fc.constantFrom("019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8cff", "not-a-guid", "%ff", "%00", "..%2f..", "%2e%2e") },
  { weight: 1, arbitrary: printable.map((s) => encodeURIComponent(s) || "x") },
);
const TEMPLATES = [
  "/id-porten/token",
  "/maskinporten/token",
  "/id-porten/jwks",
  "/maskinporten/jwks",
  "/id-porten/.well-known/openid-configuration",
  "/maskinporten/.well-known/oauth-authorization-server",
  "/dialogporten/api/v1/enduser/dialogs/$",
  "/dialogporten/api/v1/.well-known/jwks.json",
  "/dialogporten/api/v1/.well-known/oauth-authorization-server",
  "/dialogporten/api/v1/serviceowner/dialogs/$",
  "/dialogporten/api/v1/serviceowner/dialogs/$/activities",
  "/dialogporten/api/v1/serviceowner/dialogs/$/activities/$",
  "/authorization/api/v1/authorize",
  "/service-provider/fce/$",
  "/service-provider/fce/$/transmissions/$",
  "/service-provider/actions/$/$",
  "/service-provider/api/$",
  "/service-provider/app/$",
  "/service-provider/app/$/$",
  "/service-provider/legacy/fce/$",
  "/service-provider/legacy/actions/$/$",
  "/service-provider/legacy/api/$",
  "/",
  "/nope",
  "/dialogporten",
  "/service-provider",
];
/** Present with probability `p`. */
const sometimes = <T>(arb: fc.Arbitrary<T>, p: number) =>
  fc.oneof({ weight: Math.round(p * 100), arbitrary: arb }, { weight: Math.round((1 - p) * 100), arbitrary: fc.constant(undefined) });
const path = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    fc.array(segment, { minLength: 3, maxLength: 3 }),
    sometimes(fc.array(segment, { maxLength: 2 }), 0.15),
    sometimes(printable, 0.2),
  )
  .map(([template, segs, extra, query]) => {
    let i = 0;
    const base = template.replace(/\$/g, () => segs[i++]!);
    return `${base}${extra?.length ? `/${extra.join("/")}` : ""}${query !== undefined ? `?${encodeURIComponent(query)}=${encodeURIComponent(query)}` : ""}`;
  });

const authorization = fc.oneof(
  fc.constant(() => `Bearer ${tokens.access}`),
  fc.constant(() => `Bearer ${tokens.dialog}`),
  fc.constant(() => `Bearer ${tokens.dialog}, Bearer ${tokens.access}`),
  fc.constant(() => `Bearer ${tokens.dialog.slice(0, -3)}AAA`),
  fc.constant(() => `Bearer ${"a".repeat(12_000)}`),
  fc.constant(() => `Bearer ${"a".repeat(20_000)}`),
  printable.map((s) => () => `Bearer ${s}`),
  printable.map((s) => () => s),
);
const faultValue = fc.oneof(
  fc.subarray(Object.keys(FAULTS), { maxLength: 3 }).map((names) => names.join(", ")),
  printable,
);
const headers = fc.record({
  authorization: sometimes(authorization, 0.8),
  "content-type": sometimes(
    fc.constantFrom(
      "application/json",
      "application/x-www-form-urlencoded",
      "text/plain",
      "application/merge-patch+json",
      "application/problem+json",
      "multipart/form-data; boundary=x",
    ),
    0.6,
  ),
  accept: sometimes(fc.constantFrom("application/json", "text/html", "*/*", "text/markdown", "application/xml;q=0.9"), 0.4),
  origin: sometimes(fc.constantFrom("http://sandbox.test", "http://evil.example", "null"), 0.2),
  cookie: sometimes(fc.constantFrom("dialog_token=a.b.c", "theme=dark", "access_token=x"), 0.1),
  "sandbox-trace": sometimes(fc.constantFrom("on", "off"), 0.5),
  "sandbox-fault": sometimes(faultValue, 0.3),
  "sandbox-clock-offset": sometimes(fc.oneof(fc.integer({ min: -5000, max: 5000 }).map(String), printable), 0.15),
  "sandbox-pdp-latency-ms": sometimes(fc.constantFrom("0", "5", "-1", "abc", "99999"), 0.1),
  "x-random": sometimes(printable, 0.2),
});
const body = fc.oneof(
  fc.constant(undefined),
  fc.json({ maxDepth: 3 }),
  printable,
  fc.constant("grant_type=urn:sandbox:params:oauth:grant-type:persona&persona=kari"),
  fc.constant(JSON.stringify({ Request: { AccessSubject: [], Action: [], Resource: [] } })),
  fc.constant("x".repeat(300_000)),
  fc.uint8Array({ maxLength: 64 }),
);
const method = fc.oneof(
  { weight: 8, arbitrary: fc.constant("GET") },
  { weight: 4, arbitrary: fc.constant("POST") },
  { weight: 4, arbitrary: fc.constantFrom("HEAD", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND") },
);

const request = fc.record({ method, path, headers, body });

describe("every endpoint through sandbox.handle (property)", () => {
  it("never answers 5xx (except a 502/503 a fail-closed fault asked for), and every error is problem+json without internals", async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, headers: h, body }) => {
        const headers: Record<string, string> = Object.fromEntries(
          Object.entries(h).flatMap(([k, v]) => (v === undefined ? [] : [[k, typeof v === "function" ? v() : v]])),
        );
        const hasBody = body !== undefined && method !== "GET" && method !== "HEAD";
        const res = await sandbox.handle(new Request(`${sandbox.config.origin}${path}`, { method, headers, body: hasBody ? (body as BodyInit) : undefined }));
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        const faults = (headers["sandbox-fault"] ?? "").split(",").map((f) => f.trim());
        if (res.status >= 500)
          expect({ status: res.status, path, faults }).toMatchObject({
            status: expect.toBeOneOf([502, 503]),
            faults: expect.arrayContaining([expect.toBeOneOf(FAIL_CLOSED)]),
          });
        if (res.status >= 400 && method !== "HEAD") {
          // OAuth token errors are plain JSON (RFC 6749 §5.2); everything else is RFC 9457.
          expect(res.headers.get("content-type")).toMatch(/^application\/(problem\+)?json/);
        }
        expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+/);
      }),
      { numRuns: 1000 },
    );
    // Guards the generator: the requests reached real answers, not only 404s.
    for (const status of [200, 400, 401, 404, 405]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
  }, 60_000);
});
