import { http, passthrough } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FLAWS, startProvider, type Flaw } from "@/e2e/providers/provider.mjs";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { issuerOf } from "../config";
import { DIALOG_ID } from "../seed/dialogs";
import { conformancePlan } from "./plan";
import { toJunit, toText } from "./report";
import { runConformance, type ConformanceOptions } from "./run";
import { directSend, relaySend } from "./send";

// The conformance runner against providers outside the project's code: each flawed one (plain node:http and
// node:crypto, e2e/providers/provider.mjs) must be caught by exactly the attacks aimed at its flaw, and the
// correct one must pass. The sandbox runs in process; the providers are real servers on loopback.
const suite = sandboxSuite();
const providers = new Map<string, { url: string; close: () => Promise<void> }>();
const LOOPBACK = /^http:\/\/127\.0\.0\.1:\d+\//;

/** Which catalogue attacks each flaw must fail, and nothing else. */
const CAUGHT_BY: Record<Flaw, string[]> = {
  none: [],
  "no-expiry-check": ["expired-token"],
  "ignores-dialog": ["token-for-another-dialog"],
  "bare-action": ["bare-delete-4043"],
  "no-issuer-pin": ["issuer-other-environment"],
};

const ACTIONS = { bare: "read", scoped: "delete,urn:altinn:task:Task_1" } as const;

beforeAll(async () => {
  // The providers are real servers: MSW lets calls to loopback through and still routes the sandbox's origin.
  suite.server.use(http.all(LOOPBACK, () => passthrough()));
  const { config } = suite.sandbox;
  for (const flaw of FLAWS) {
    for (const [kind, action] of Object.entries(ACTIONS)) {
      providers.set(`${flaw}/${kind}`, await startProvider({ flaw, action, jwksUrl: `${issuerOf(config)}/.well-known/jwks.json`, issuer: issuerOf(config) }));
    }
  }
});
afterAll(async () => {
  await Promise.all([...providers.values()].map((p) => p.close()));
});

const options = (key: string, action: string): ConformanceOptions => ({
  target: providers.get(key)!.url,
  action,
  method: "GET",
  dialogId: DIALOG_ID.vatReturn,
  sandbox: suite.sandbox.config.origin,
});
// The sandbox's own handlers stay mounted for each run (sandboxSuite resets extra handlers after each test).
const withLoopback = () => suite.server.use(http.all(LOOPBACK, () => passthrough()));

describe("conformance against independent providers", () => {
  it.each(FLAWS.flatMap((flaw) => Object.entries(ACTIONS).map(([kind, action]) => [flaw, kind, action] as const)))(
    "%s provider (%s action) is caught by exactly the attacks on its flaw",
    async (flaw, kind, action) => {
      withLoopback();
      const report = await runConformance(options(`${flaw}/${kind}`, action), {
        fetch: (i, init) => fetch(i, init),
        send: directSend((i, init) => fetch(i, init)),
      });
      expect(report.valid).toMatchObject({ passed: true, verdict: "accepted", status: 200 });
      expect(report.findings.map((f) => f.id).sort()).toEqual(CAUGHT_BY[flaw]);
      expect(report.passed).toBe(flaw === "none");
      // Every attack really went out and every refusal was a 4xx.
      expect(report.attacks.filter((a) => a.skipped)).toEqual([]);
      for (const a of report.attacks.filter((x) => x.passed)) expect(a.status, a.id).toBeGreaterThanOrEqual(400);
    },
  );

  it("runs every provider attack the catalogue has, in catalogue order", () => {
    const ids = conformancePlan({ dialogId: DIALOG_ID.vatReturn, action: "read", now: 0 }).map((a) => a.entry.id);
    for (const id of [
      "payload-byte-changed",
      "alg-none",
      "alg-hs256-public-key",
      "alg-rs256",
      "kid-missing",
      "kid-unknown",
      "jwk-header",
      "expired-token",
      "token-before-nbf",
      "clock-skew-beyond-leeway",
      "issuer-other-environment",
      "typ-context-token",
      "token-for-another-dialog",
      "action-not-in-token",
      "bare-delete-4043",
      "token-in-query",
      "token-in-cookie",
      "two-authorization-headers",
      "token-64kb",
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids).not.toContain("pdp-down");
    expect(ids).not.toContain("level-below-resource-minimum");
  });

  it("names each finding by catalogue id, what the provider answered and what it should have; JUnit has one test per attack", async () => {
    withLoopback();
    const report = await runConformance(options("no-expiry-check/bare", "read"), {
      fetch: (i, init) => fetch(i, init),
      send: directSend((i, init) => fetch(i, init)),
    });
    const text = toText(report);
    expect(text).toMatch(
      /expired-token: answered 200 — accepted; it should refuse it with a 4xx \(the sandbox's provider catches it as token_expired \(check exp\)\)/,
    );
    expect(text.trim().split("\n").at(-1)).toMatch(/^FAIL: valid token accepted; \d+ of \d+ attacks refused; 1 finding\.$/);
    const junit = toJunit(report);
    expect(junit.match(/<testcase /g)).toHaveLength(report.attacks.length + 1);
    expect(junit.match(/<failure /g)).toHaveLength(1);
    expect(junit).toContain('name="expired-token: Expired token"');
  });

  it("a provider that refuses everything is broken, not secure: the valid token decides, and no attack is sent", async () => {
    withLoopback();
    const report = await runConformance(
      { ...options("none/bare", "read"), dialogId: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c02", action: "sign" },
      {
        fetch: (i, init) => fetch(i, init),
        send: directSend((i, init) => fetch(i, init)),
      },
    );
    // The provider wants read; a token for sign only is refused — so nothing else can be judged.
    expect(report.valid).toMatchObject({ passed: false, verdict: "refused", status: 403 });
    expect(report.passed).toBe(false);
    expect(report.findings.map((f) => f.id)).toEqual(["valid-token"]);
    expect(report.attacks.every((a) => a.skipped)).toBe(true);
  });

  it("gives the same verdicts through the sandbox's relay", async () => {
    withLoopback();
    const report = await runConformance(options("ignores-dialog/scoped", ACTIONS.scoped), {
      fetch: (i, init) => fetch(i, init),
      send: relaySend((i, init) => fetch(i, init), suite.sandbox.config.origin),
    });
    expect(report.valid.passed).toBe(true);
    expect(report.findings.map((f) => f.id)).toEqual(["token-for-another-dialog"]);
  });

  it("the sandbox's own service provider passes, embed and write action alike", async () => {
    const { origin, serviceProviderOrigin } = suite.sandbox.config;
    const run = (target: string, action: string, method: ConformanceOptions["method"], dialogId: string) =>
      runConformance(
        { target, action, method, dialogId, sandbox: origin },
        { fetch: (i, init) => fetch(i, init), send: directSend((i, init) => fetch(i, init)) },
      );
    const embed = await run(`${serviceProviderOrigin}/service-provider/fce/{dialogId}`, "read", "GET", DIALOG_ID.vatReturn);
    expect(embed.findings).toEqual([]);
    expect(embed.passed).toBe(true);
    const del = await run(`${serviceProviderOrigin}/service-provider/actions/{dialogId}/delete`, ACTIONS.scoped, "DELETE", DIALOG_ID.taxReturn);
    expect(del.valid.passed).toBe(true);
    expect(del.findings).toEqual([]);
  });

  it("a provider that is not there gives no answer, which is a finding", async () => {
    withLoopback();
    const report = await runConformance(
      { ...options("none/bare", "read"), target: "http://127.0.0.1:9/dialogs/{dialogId}" },
      { fetch: (i, init) => fetch(i, init), send: directSend((i, init) => fetch(i, init)) },
    );
    expect(report.valid).toMatchObject({ passed: false, verdict: "no_answer", answered: "no answer (network error)" });
  });
});
