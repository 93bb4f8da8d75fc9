import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import type { ActionChoice } from "../end-user-system/calls";
import { getDialog, resolveAction, signIn } from "../end-user-system/calls";
import { countCallsTo, seedUrlFor } from "../end-user-system/flow";
import { callServiceProviderLegacy, compareSteps4to6, legacyUrlOf, runLegacyFlow } from "../end-user-system/legacy";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import type { PersonaId } from "../seed/personas";
import type { Exchange } from "../shared/trace";

const VAT_SIGN = "019ad0c2-7000-7a3b-9c4d-000000000203";
const VAT_DELETE = "019ad0c2-7000-7a3b-9c4d-000000000204";
const VAT_WRITE = "019ad0c2-7000-7a3b-9c4d-000000000202";
const AUTHORIZE = "/authorization/api/v1/authorize";

function suite(config: Parameters<typeof sandboxSuite>[0] = {}) {
  const sb = sandboxSuite(config);
  /** Every request that really reached Altinn Authorization, counted on the wire (not from the trace). */
  const pdpCalls: { n: number; listening?: boolean } = { n: 0 };
  const run = (persona: PersonaId, dialogId: string, action: ActionChoice = { kind: "embed" }, pdpLatencyMs?: number) => {
    if (!pdpCalls.listening) {
      sb.server.events.on("request:start", ({ request }) => {
        if (new URL(request.url).pathname === AUTHORIZE) pdpCalls.n++;
      });
      pdpCalls.listening = true;
    }
    return runLegacyFlow(sb.context(), {
      persona: findPersona(persona)!,
      dialogId,
      action,
      serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
      pdpLatencyMs,
    });
  };
  return { sb, run, pdpCalls };
}

const sp = (trace: { exchanges: Exchange[] }) => trace.exchanges[2]!;
const body = (e: Exchange) => JSON.parse(e.response!.body!) as Record<string, unknown>;

describe("legacy mode: no dialog token, Altinn Authorization on every request", () => {
  const { sb, run, pdpCalls } = suite();

  it("serves the embed after asking the PDP exactly once per request", async () => {
    for (let i = 1; i <= 3; i++) {
      const before = pdpCalls.n;
      const trace = await run("ola", DIALOG_ID.vatReturn);
      // One call for the dialog (step 1) and one at the service provider (steps 4–6), counted on the wire.
      expect(pdpCalls.n - before).toBe(2);
      expect(trace.authorizationCallsAfterToken).toBe(1);
      const call = sp(trace);
      expect(call.request.url).toBe(`${sb.sandbox.config.serviceProviderOrigin}/service-provider/legacy/fce/${DIALOG_ID.vatReturn}`);
      expect(call.request.headers.find(([k]) => k === "authorization")?.[1]).not.toContain(trace.dialogToken!);
      expect(call.response?.status).toBe(200);
      expect(call.response?.headers).toEqual(expect.arrayContaining([["content-type", "text/markdown; charset=utf-8"]]));
      expect(call.response?.body).toContain("Asked Altinn Authorization about: `read` → `Permit`");
      const pdp = call.nested!.exchanges.find((x) => x.to === "authorization")!;
      expect(pdp.from).toBe("service-provider");
      // The XACML request is Dialogporten's, for the one pair this request needs.
      expect(JSON.parse(pdp.request.body!)).toMatchObject({
        Request: { Action: [{ Attribute: [{ Value: "read" }] }], MultiRequests: { RequestReference: [{ ReferenceId: ["s1", "r1", "a1"] }] } },
      });
      expect(pdp.nested?.notes).toHaveProperty("explanations");
      expect(call.nested?.notes).toMatchObject({
        mode: "legacy",
        authorizationCalls: 1,
        required: "read",
        decision: "Permit",
        principal: { kind: "person", level: 3 },
      });
    }
  });

  it("denies what the policy denies, with the PDP's decision in the answer", async () => {
    const cases: Array<[PersonaId, string, ActionChoice, string]> = [
      ["system-user", DIALOG_ID.vatReturn, { kind: "gui", actionId: VAT_SIGN }, "Deny"],
      ["system-user", DIALOG_ID.vatReturn, { kind: "gui", actionId: VAT_DELETE }, "NotApplicable"],
      ["kari", DIALOG_ID.vatReturn, { kind: "embed" }, "NotApplicable"],
      ["system-user", DIALOG_ID.vatReturn, { kind: "transmission", transmissionId: "019ad0c2-7000-7a3b-9c4d-000000000222" }, "NotApplicable"],
    ];
    for (const [persona, dialogId, action, decision] of cases) {
      const trace = await run(persona, dialogId, action);
      const call = sp(trace);
      expect(call.response?.status, `${persona} ${JSON.stringify(action)}`).toBe(403);
      expect(body(call)).toMatchObject({ code: "not_authorized" });
      expect(call.response?.headers.find(([k]) => k === "www-authenticate")?.[1]).toMatch(/^Bearer realm="service-provider", error="insufficient_scope"/);
      expect(call.nested?.notes).toMatchObject({ decision, authorizationCalls: 1 });
      expect(trace.authorizationCallsAfterToken).toBe(1);
    }
  });

  it("checks the authentication level itself, and refuses a dialog token (it is not an access token)", async () => {
    const ctx = sb.context();
    const login = await signIn(ctx, findPersona("ola")!);
    const permit = `${sb.sandbox.config.serviceProviderOrigin}/service-provider/fce/${DIALOG_ID.buildingPermit}`;
    const low = await callServiceProviderLegacy(ctx, login.value!, { method: "GET", url: permit, label: "Embed", masked: false });
    expect(low.exchange.response?.status).toBe(403);
    expect(body(low.exchange)).toMatchObject({ code: "authentication_level_too_low" });
    expect(countCallsTo([low.exchange], "authorization")).toBe(0);
    const dialog = (await getDialog(ctx, login.value!, DIALOG_ID.vatReturn)).value!;
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(DIALOG_ID.vatReturn, sb.sandbox.config.serviceProviderOrigin))!;
    const withDialogToken = await callServiceProviderLegacy(ctx, dialog.dialogToken!, action);
    expect(withDialogToken.exchange.response?.status).toBe(401);
    expect(JSON.parse(withDialogToken.exchange.response!.body!)).toMatchObject({ code: "untrusted_issuer" });
    const none = await fetch(legacyUrlOf(action.url)!);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="service-provider"');
  });

  it("a legacy write action asks the PDP, then really changes the dialog", async () => {
    const trace = await run("ola", DIALOG_ID.vatReturn, { kind: "gui", actionId: VAT_WRITE });
    expect(sp(trace).response?.status).toBe(204);
    expect(countCallsTo([sp(trace)], "authorization")).toBe(1);
    expect(sp(trace).nested?.notes).toMatchObject({ mode: "legacy", write: { mode: "synchronous", effect: { activity: "FormSubmitted" } } });
    const after = await runLegacyFlow(sb.context(), {
      persona: findPersona("ola")!,
      dialogId: DIALOG_ID.vatReturn,
      action: { kind: "embed" },
      serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
    });
    expect(after.dialog?.activities.at(-1)).toMatchObject({ type: "FormSubmitted" });
  });

  it("compareSteps4to6: the same action on both paths, 0 calls to Authorization against 1", async () => {
    const ctx = sb.context();
    const login = await signIn(ctx, findPersona("ola")!);
    const dialog = (await getDialog(ctx, login.value!, DIALOG_ID.vatReturn)).value!;
    const action = resolveAction(
      dialog,
      { kind: "api", actionId: "019ad0c2-7000-7a3b-9c4d-000000000211" },
      seedUrlFor(DIALOG_ID.vatReturn, sb.sandbox.config.serviceProviderOrigin),
    )!;
    const { token, legacy } = await compareSteps4to6(ctx, { dialogToken: dialog.dialogToken!, accessToken: login.value!, action });
    expect(token).toMatchObject({ path: "token", authorizationCalls: 0, outcome: { ok: true } });
    expect(legacy).toMatchObject({ path: "legacy", authorizationCalls: 1, outcome: { ok: true } });
    expect(JSON.parse(token.exchange.response!.body!)).toMatchObject({ verifiedLocally: true, authorizationCalls: 0 });
    expect(JSON.parse(legacy.exchange.response!.body!)).toMatchObject({ verifiedLocally: false, authorizationCalls: 1, decision: "Permit" });
    expect(token.durationMs).toBeGreaterThan(0);
    expect(legacy.durationMs).toBeGreaterThan(0);
  });

  it("compareSteps4to6 in a workspace: the legacy twin of a workspace's URL reaches that workspace's dialog", async () => {
    const ctx = { ...sb.context(), workspace: "ws-legacy-test" };
    const login = await signIn(ctx, findPersona("ola")!);
    const dialog = (await getDialog(ctx, login.value!, DIALOG_ID.vatReturn)).value!;
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(DIALOG_ID.vatReturn, sb.sandbox.config.serviceProviderOrigin))!;
    expect(new URL(action.url).pathname).toBe(`/service-provider/ws/ws-legacy-test/fce/${DIALOG_ID.vatReturn}`);
    expect(new URL(legacyUrlOf(action.url)!).pathname).toBe(`/service-provider/ws/ws-legacy-test/legacy/fce/${DIALOG_ID.vatReturn}`);
    const { token, legacy } = await compareSteps4to6(ctx, { dialogToken: dialog.dialogToken!, accessToken: login.value!, action });
    expect(token).toMatchObject({ authorizationCalls: 0, outcome: { ok: true } });
    expect(legacy).toMatchObject({ authorizationCalls: 1, outcome: { ok: true } });
    expect(legacyUrlOf(legacyUrlOf(action.url)!)).toBeUndefined();
  });

  it("fails closed: 503 when Authorization is down, errs, or answers garbage", async () => {
    const pdp = `${sb.sandbox.config.internal.authorization}${AUTHORIZE}`;
    const cases: Array<[() => Response, string]> = [
      [() => HttpResponse.error(), "pdp_unreachable"],
      [() => HttpResponse.json({ title: "oops" }, { status: 500 }), "pdp_error"],
      [() => new HttpResponse("<html>maintenance</html>", { headers: { "content-type": "text/html" } }), "pdp_garbage"],
      [() => HttpResponse.json({ Response: "Permit" }), "pdp_garbage"],
    ];
    const ctx = sb.context();
    const login = await signIn(ctx, findPersona("ola")!);
    const dialog = (await getDialog(ctx, login.value!, DIALOG_ID.vatReturn)).value!;
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(DIALOG_ID.vatReturn, sb.sandbox.config.serviceProviderOrigin))!;
    for (const [answer, code] of cases) {
      sb.server.use(http.post(pdp, answer));
      const r = await callServiceProviderLegacy(ctx, login.value!, action);
      expect(r.exchange.response?.status, code).toBe(503);
      expect(JSON.parse(r.exchange.response!.body!)).toMatchObject({ code });
      expect(r.value).not.toContain("Permit");
      sb.server.resetHandlers();
    }
  });

  it("honours a per-request PDP latency of 0–2000 ms and ignores anything else", async () => {
    const slow = await run("ola", DIALOG_ID.vatReturn, { kind: "embed" }, 60);
    const pdp = sp(slow).nested!.exchanges.find((x) => x.to === "authorization")!;
    expect(pdp.request.headers).toEqual(expect.arrayContaining([["sandbox-pdp-latency-ms", "60"]]));
    expect(pdp.durationMs).toBeGreaterThanOrEqual(55);
    expect(sp(slow).durationMs).toBeGreaterThanOrEqual(55);
    const ignored = await run("ola", DIALOG_ID.vatReturn, { kind: "embed" }, 5000);
    expect(sp(ignored).response?.status).toBe(200);
    expect(sp(ignored).nested!.exchanges.find((x) => x.to === "authorization")!.durationMs).toBeLessThan(1000);
  });
});

describe("legacy mode: configured PDP latency (SANDBOX_PDP_LATENCY_MS)", () => {
  const { run } = suite({ pdpLatencyMs: 40 });

  it("delays every answer from Authorization, in steps 1–2 and on the legacy path alike", async () => {
    const trace = await run("ola", DIALOG_ID.vatReturn);
    const early = trace.exchanges[1]!.nested!.exchanges.find((x) => x.to === "authorization")!;
    const late = sp(trace).nested!.exchanges.find((x) => x.to === "authorization")!;
    expect(early.durationMs).toBeGreaterThanOrEqual(35);
    expect(late.durationMs).toBeGreaterThanOrEqual(35);
  });
});
