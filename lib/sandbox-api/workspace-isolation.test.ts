import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { getDialog, signIn } from "../end-user-system/calls";
import { runFlow } from "../end-user-system/flow";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { decodeText } from "../shared/base64url";
import { WORKSPACE_HEADER } from "../shared/workspace";
import { WORKSPACES_PATH } from "./workspaces";

const SUBMIT = "019ad0c2-7000-7a3b-9c4d-000000000102";
const DELETE_DRAFT = "019ad0c2-7000-7a3b-9c4d-000000000103";
const kari = findPersona("kari")!;
const claims = (jwt: string) => JSON.parse(decodeText(jwt.split(".")[1]!)!) as Record<string, unknown>;

describe("workspaces: every participant their own sandbox", () => {
  const sb = sandboxSuite({ writeQueueDelayMs: 0 });
  const ctx = (workspace?: string) => ({ ...sb.context(false), ...(workspace && { workspace }) });
  const act = (actionId: string, workspace?: string) =>
    runFlow(ctx(workspace), {
      persona: kari,
      dialogId: DIALOG_ID.taxReturn,
      action: { kind: "gui", actionId },
      serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
    });
  const view = async (workspace?: string) => {
    const login = await signIn(ctx(workspace), kari);
    return (await getDialog(ctx(workspace), login.value!, DIALOG_ID.taxReturn)).value!;
  };
  const settle = async (workspace: string, revision: string) => {
    for (let i = 0; i < 50 && (await view(workspace)).revision === revision; i++) await new Promise((r) => setTimeout(r, 20));
  };

  it("a submit in one workspace leaves the others' dialog, and their delete, as the seed has them", async () => {
    const seed = await view("room-b");
    const submitted = await act(SUBMIT, "room-a");
    expect(submitted.exchanges[2]!.request.url).toContain("/service-provider/ws/room-a/actions/");
    expect(submitted.exchanges[2]!.response?.status).toBe(202);
    await settle("room-a", seed.revision);
    const a = await view("room-a");
    expect(a.revision).not.toBe(seed.revision);
    expect(a.activities.at(-1)?.type).toBe("FormSubmitted");
    // The bug a workshop met: after anyone submitted, "Slett utkast" was refused for everyone. Now only in
    // room-a, where the provider moved the draft's delete on to Task_2, which no rule permits (403).
    expect((await act(DELETE_DRAFT, "room-a")).exchanges[2]!.response?.status).toBe(403);
    expect((await view("room-b")).revision).toBe(seed.revision);
    expect((await view()).revision).toBe(seed.revision);
    expect((await act(DELETE_DRAFT, "room-b")).exchanges[2]!.response?.status).toBe(204);
  });

  it("Reset puts a workspace back to the seed", async () => {
    const seed = await view("room-c");
    await act(DELETE_DRAFT, "room-c");
    expect((await view("room-c")).revision).not.toBe(seed.revision);
    const reset = await fetch(`${sb.sandbox.config.origin}${WORKSPACES_PATH}/room-c`, { method: "DELETE" });
    expect(reset.status).toBe(204);
    expect((await view("room-c")).revision).toBe(seed.revision);
  });

  it("tokens stay stateless: one from a workspace verifies at the provider's shared URLs", async () => {
    const run = await act(SUBMIT, "room-d");
    const token = run.dialogToken!;
    const embed = await fetch(`${sb.sandbox.config.serviceProviderOrigin}/service-provider/fce/${DIALOG_ID.taxReturn}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(embed.status).toBe(200);
  });

  it("a fixed clock gives byte-identical tokens, with a jti derived from the claims", async () => {
    const put = (ws: string) =>
      fetch(`${sb.sandbox.config.origin}${WORKSPACES_PATH}/${ws}/clock`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ at: "2026-12-01T10:00:00Z" }),
      });
    expect((await put("room-e")).status).toBe(200);
    expect((await put("room-f")).status).toBe(200);
    const first = await act(DELETE_DRAFT, "room-e");
    const again = await act(DELETE_DRAFT, "room-e");
    const elsewhere = await act(DELETE_DRAFT, "room-f");
    expect(first.dialogToken).toBe(again.dialogToken);
    expect(first.dialogToken).toBe(elsewhere.dialogToken);
    const c = claims(first.dialogToken!);
    expect(c.iat).toBe(Date.parse("2026-12-01T10:00:00Z") / 1000);
    expect(c.jti).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The provider of that workspace checks the token by the same clock, so the run still works.
    expect(first.exchanges[2]!.response?.status).toBe(204);
    const live = await act(DELETE_DRAFT, "room-g");
    expect(claims(live.dialogToken!).jti).not.toBe(c.jti);
  });

  it.each([
    ["Dialogporten", () => `${sb.sandbox.config.origin}/dialogporten/api/v1/enduser/dialogs/${DIALOG_ID.taxReturn}`, { [WORKSPACE_HEADER]: "no spaces" }],
    [
      "the service provider (header)",
      () => `${sb.sandbox.config.serviceProviderOrigin}/service-provider/fce/${DIALOG_ID.taxReturn}`,
      { [WORKSPACE_HEADER]: "x".repeat(65) },
    ],
    ["the service provider (path)", () => `${sb.sandbox.config.serviceProviderOrigin}/service-provider/ws/%20/fce/${DIALOG_ID.taxReturn}`, {}],
  ])("%s refuses a malformed workspace with a 400 problem", async (_who, url, headers) => {
    const r = await fetch(url(), { headers });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect((await r.json()).code).toBe("invalid_workspace");
  });
});
