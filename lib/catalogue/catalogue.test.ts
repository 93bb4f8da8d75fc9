import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandboxServer } from "@/mocks/node";
import { validated } from "@/mocks/validating";
import { testConfig } from "../config";
import { UNREACHABLE_AUTHORIZATION_URL } from "../dialogporten/faults";
import { createSandbox, type Sandbox } from "../sandbox";
import { CHECK_ORDER } from "../service-provider/types";
import { CATALOGUE, type CatalogueEntry } from "./entries";
import { runEntry } from "./run";

// Every entry through the real flow, in process: every cross-service call is a real fetch routed by MSW.
let sandbox: Sandbox;
let server: ReturnType<typeof startSandboxServer>;
beforeAll(async () => {
  sandbox = await createSandbox(testConfig(), { fetch: (input, init) => fetch(input, init) });
  server = startSandboxServer(validated(sandbox));
  // Nothing listens at the pdp-down address; MSW stands in for the refused connection.
  server.use(http.all(`${UNREACHABLE_AUTHORIZATION_URL}/*`, () => HttpResponse.error()));
});
afterAll(() => server.close());

const run = (entry: CatalogueEntry) =>
  runEntry(entry, { fetch: (i, init) => fetch(i, init), baseUrl: sandbox.config.origin, serviceProviderOrigin: sandbox.config.serviceProviderOrigin });

describe("the catalogue as data", () => {
  it("has at least 18 attacks and the faults the issue names, with unique ids", () => {
    expect(CATALOGUE.filter((e) => e.kind === "attack").length).toBeGreaterThanOrEqual(18);
    const ids = CATALOGUE.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ["pdp-down", "pdp-truncated", "pdp-garbage", "jwks-down-warm-cache", "jwks-down-cold-cache", "clock-skew-beyond-leeway"])
      expect(ids).toContain(id);
  });

  it.each(CATALOGUE.map((e) => [e.id, e] as const))("%s is described in full and consistently", (_, e) => {
    expect(e.title.length).toBeGreaterThan(3);
    for (const text of [e.what, e.models, e.lesson]) expect(text.length).toBeGreaterThan(30);
    expect(e.expectedOutcome === "accepted").toBe(e.expectedStep === 6);
    if (e.expectedCheck) {
      expect(CHECK_ORDER).toContain(e.expectedCheck);
      expect(e.expectedStep).toBe(5);
    }
    if (e.expectedStep === 5 && e.expectedCode !== "jwks_unavailable") expect(e.expectedCheck).toBeDefined();
  });
});

describe("every catalogue entry through the real flow (in process, over MSW)", () => {
  it.each(CATALOGUE.map((e) => [e.id, e] as const))("%s is caught by the check it names", async (_, entry) => {
    const r = await run(entry);
    expect({ code: r.observedCode, step: r.stoppedAt, check: r.caughtByCheck }).toEqual({
      code: entry.expectedCode,
      step: entry.expectedStep,
      check: entry.expectedCheck,
    });
    expect(r.accepted).toBe(entry.expectedOutcome === "accepted");
    expect(r.serverErrors.filter((e) => !e.allowed)).toEqual([]);
    expect(r.matchesExpectation).toBe(true);
    // The whole point of the dialog token: the provider never asks Altinn Authorization.
    expect(r.trace.authorizationCallsAfterToken).toBe(0);
    if (entry.expectedStep === 3) {
      expect(r.trace.dialogToken).toBeUndefined();
      expect(r.spExchange).toBeUndefined();
      expect(r.dialogExchange?.response?.headers.find(([k]) => k === "content-type")?.[1]).toBe("application/problem+json");
    }
    if (entry.expectedStep === 5 && entry.expectedCheck) {
      // The checklist shows the catching check failed and every later one skipped (fail closed).
      const checks = (r.spExchange?.nested?.notes as { verification?: { checks: { code: string; ok: boolean; skipped?: boolean }[] } }).verification!.checks;
      const at = checks.findIndex((c) => c.code === entry.expectedCheck);
      expect(checks[at]).toMatchObject({ ok: false });
      expect(checks.slice(0, at).every((c) => c.ok)).toBe(true);
      expect(checks.slice(at + 1).every((c) => c.skipped && !c.ok)).toBe(true);
    }
    if (!r.accepted && r.spExchange?.response) {
      const status = r.spExchange.response.status;
      expect(status).toBeGreaterThanOrEqual(400);
      expect(r.spExchange.response.headers.find(([k]) => k === "content-type")?.[1]).toBe("application/problem+json");
      if (status === 401 || status === 403) expect(r.spExchange.response.headers.find(([k]) => k === "www-authenticate")?.[1]).toMatch(/^Bearer realm=/);
    }
  });
});

describe("in a workspace of its own (as the /catalogue page runs it)", () => {
  it.each(CATALOGUE.map((e) => [e.id, e] as const))(
    "%s is caught as in the default workspace, and Dialogporten is asked in that workspace",
    async (_, entry) => {
      const r = await runEntry(entry, {
        fetch: (i, init) => fetch(i, init),
        baseUrl: sandbox.config.origin,
        serviceProviderOrigin: sandbox.config.serviceProviderOrigin,
        workspace: "ws-catalogue-test",
      });
      expect({ code: r.observedCode, step: r.stoppedAt, check: r.caughtByCheck, matches: r.matchesExpectation }).toEqual({
        code: entry.expectedCode,
        step: entry.expectedStep,
        check: entry.expectedCheck,
        matches: true,
      });
      expect(r.dialogExchange?.request.headers.find(([k]) => k === "sandbox-workspace")?.[1]).toBe("ws-catalogue-test");
    },
  );
});
