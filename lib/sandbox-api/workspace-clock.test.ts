import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { callServiceProvider, getDialog, resolveAction, signIn } from "../end-user-system/calls";
import { problemCode, seedUrlFor } from "../end-user-system/flow";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { parseWorkspaceClock } from "../store/clock";
import { WORKSPACES_PATH } from "./workspaces";

const kari = findPersona("kari")!;

/**
 * Time per workspace, through the real services: the token is issued on Dialogporten's clock (step 3)
 * and checked on the provider's (step 5); the workspace moves either or both.
 */
describe("a workspace's clock: jump and skew", () => {
  const sb = sandboxSuite({ writeQueueDelayMs: 0 });
  const clockUrl = (workspace: string) => `${sb.sandbox.config.origin}${WORKSPACES_PATH}/${workspace}/clock`;
  const setClock = (workspace: string, body: unknown) =>
    fetch(clockUrl(workspace), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const ctx = (workspace: string) => ({ ...sb.context(false), workspace });
  const tokenIn = async (workspace: string) => {
    const login = await signIn(ctx(workspace), kari);
    return (await getDialog(ctx(workspace), login.value!, DIALOG_ID.taxReturn)).value!;
  };
  const step5 = async (workspace: string, dialog: Awaited<ReturnType<typeof tokenIn>>) => {
    const action = resolveAction(dialog, { kind: "embed" }, seedUrlFor(DIALOG_ID.taxReturn, sb.sandbox.config.serviceProviderOrigin))!;
    const { exchange } = await callServiceProvider(ctx(workspace), dialog.dialogToken!, action);
    return { status: exchange.response?.status, code: problemCode(exchange) };
  };
  const leeway = () => sb.sandbox.config.clockSkewSeconds;

  it("a jump past the token's ten minutes expires it at step 5 with token_expired", async () => {
    const dialog = await tokenIn("clock-jump");
    expect(await step5("clock-jump", dialog)).toMatchObject({ status: 200 });
    expect((await setClock("clock-jump", { offsetSeconds: 11 * 60 })).status).toBe(200);
    expect(await step5("clock-jump", dialog)).toEqual({ status: 401, code: "token_expired" });
    // The participant next door still lives in the real time.
    expect(await step5("clock-other", await tokenIn("clock-other"))).toMatchObject({ status: 200 });
  });

  it("skew on one side within the leeway changes nothing; beyond it nbf fails", async () => {
    expect((await setClock("clock-skew", { skewSeconds: { dialogporten: leeway() } })).status).toBe(200);
    expect(await step5("clock-skew", await tokenIn("clock-skew"))).toMatchObject({ status: 200 });
    expect((await setClock("clock-skew", { skewSeconds: { dialogporten: leeway() + 60 } })).status).toBe(200);
    expect(await step5("clock-skew", await tokenIn("clock-skew"))).toEqual({ status: 401, code: "token_not_yet_valid" });
    expect((await setClock("clock-skew", { skewSeconds: { "service-provider": 11 * 60 } })).status).toBe(200);
    expect(await step5("clock-skew", await tokenIn("clock-skew"))).toEqual({ status: 401, code: "token_expired" });
  });

  it("the shared default keeps the real clock", async () => {
    const refused = await setClock("default", { offsetSeconds: -3600 });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "default_workspace_shared" });
  });

  it.each([
    [{ offsetSeconds: 1.5 }],
    [{ offsetSeconds: 400 * 24 * 3600 }],
    [{ skewSeconds: { authorization: 5 } }],
    [{ skewSeconds: { dialogporten: 7200 } }],
    [{ at: "yesterday" }],
    [{ speed: 2 }],
    [{}],
  ])("refuses %j with 400 invalid_clock", async (body) => {
    const refused = await setClock("clock-bad", body);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: "invalid_clock" });
  });
});

describe("parseWorkspaceClock", () => {
  it("normalises and drops zeros", () => {
    expect(parseWorkspaceClock({ at: "2026-12-01T11:00:00+01:00", offsetSeconds: 0, skewSeconds: { dialogporten: 0, "service-provider": -30 } })).toEqual({
      ok: true,
      value: { at: "2026-12-01T10:00:00.000Z", skewSeconds: { "service-provider": -30 } },
    });
  });
});
