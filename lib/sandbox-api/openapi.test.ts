import { describe, expect, it, vi } from "vitest";
import { testConfig } from "../config";
import type { Route } from "../shared/router";
import { createSandbox } from "../sandbox";
import { ENDPOINTS, openApiDocument } from "./openapi";

// The document is checked against the code: every route table any service hands to the router is
// recorded as the sandbox is built, and the document must list exactly those paths and methods.
const tables = vi.hoisted(() => [] as Route[][]);
vi.mock("../shared/router", async (importOriginal) => {
  const real = await importOriginal<typeof import("../shared/router")>();
  return { ...real, router: (routes: Route[]) => (tables.push(routes), real.router(routes)) };
});

const asOpenApi = (path: string) => path.replace(/:(\w+)/g, "{$1}");

async function routesInCode(): Promise<Set<string>> {
  tables.length = 0;
  await createSandbox(testConfig(), { fetch: () => Promise.reject(new Error("no network in this test")) });
  return new Set(tables.flat().flatMap((r) => Object.keys(r.methods).map((m) => `${m.toUpperCase()} ${asOpenApi(r.path)}`)));
}

const doc = openApiDocument("http://sandbox.test");
const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));

describe("the OpenAPI document", () => {
  it("lists every route of every service, the sandbox API included, and nothing that is not a route", async () => {
    const code = await routesInCode();
    expect(code.size).toBeGreaterThan(25);
    expect(
      [...code].filter((r) => !documented.has(r)),
      "routes missing from the document",
    ).toEqual([]);
    expect(
      [...documented].filter((r) => !code.has(r)),
      "documented paths no route serves",
    ).toEqual([]);
  });

  it("is OpenAPI 3.1 with a server, unique operation ids, declared path parameters and problem+json errors", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "http://sandbox.test" }]);
    const ops = Object.entries(doc.paths).flatMap(([path, o]) =>
      Object.values(o).map((op) => ({
        path,
        op: op as { operationId: string; parameters?: { in: string; name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> },
      })),
    );
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    for (const { path, op } of ops) {
      const declared = (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name);
      expect(declared, path).toEqual([...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) expect(Object.keys(response.content ?? {}), `${path} ${status}`).toEqual(["application/problem+json"]);
      }
    }
    // Every $ref points at a component that exists.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/(\w+)\/([^"]+)"/g)];
    const components = doc.components as unknown as Record<string, Record<string, unknown>>;
    for (const [, kind, name] of refs) expect(components[kind!]?.[name!], `${kind}/${name}`).toBeDefined();
  });

  it("is served at /sandbox/api/v1/openapi.json", async () => {
    const sandbox = await createSandbox(testConfig(), { fetch: () => Promise.reject(new Error("offline")) });
    const res = await sandbox.handle(new Request("http://sandbox.test/sandbox/api/v1/openapi.json"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(ENDPOINTS.some((e) => e.path === "/sandbox/api/v1/dialog-tokens")).toBe(true);
  });
});
