import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { parsePolicyDocument, type PolicyDocument } from "../altinn/policy-document";
import { getDialog, signIn } from "../end-user-system/calls";
import { problemCode } from "../end-user-system/flow";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { policies } from "../seed/policies";
import { WORKSPACES_PATH } from "./workspaces";

const ola = findPersona("ola")!;

/** The seed's policies with one resource's minimum authentication level set in the policy itself. */
function withLevel(resource: string, level: number): PolicyDocument {
  return { policies: policies.map((p) => (p.resource === resource ? { ...p, minimumAuthenticationLevel: level } : p)) };
}

describe("the minimum authentication level lives in a workspace's policy", () => {
  const sb = sandboxSuite({ writeQueueDelayMs: 0 });
  const put = (workspace: string, body: unknown) =>
    fetch(`${sb.sandbox.config.origin}${WORKSPACES_PATH}/${workspace}/policies`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  /** Step 3 as Ola (level 3) sees it: the status and the sandbox's code. */
  const step3 = async (dialogId: string, workspace?: string) => {
    const ctx = { ...sb.context(false), ...(workspace && { workspace }) };
    const login = await signIn(ctx, ola);
    const got = await getDialog(ctx, login.value!, dialogId);
    return { status: got.exchange.response?.status, code: problemCode(got.exchange) };
  };

  it("raising the VAT return's level to 4 refuses Ola at step 3 with authentication_level_too_low, in that workspace only", async () => {
    expect(await step3(DIALOG_ID.vatReturn, "level-a")).toMatchObject({ status: 200 });
    expect((await put("level-a", withLevel("sandbox-mva-melding", 4))).status).toBe(200);

    expect(await step3(DIALOG_ID.vatReturn, "level-a")).toEqual({ status: 403, code: "authentication_level_too_low" });
    expect(await step3(DIALOG_ID.vatReturn, "level-b")).toMatchObject({ status: 200 });
    expect(await step3(DIALOG_ID.vatReturn)).toMatchObject({ status: 200 });
  });

  it("lowering the building application's level to 3 lets Ola in where the resource registry's 4 refuses him", async () => {
    expect(await step3(DIALOG_ID.buildingPermit, "level-c")).toEqual({ status: 403, code: "authentication_level_too_low" });
    expect((await put("level-c", withLevel("sandbox-byggesak", 3))).status).toBe(200);
    expect(await step3(DIALOG_ID.buildingPermit, "level-c")).toMatchObject({ status: 200 });
    expect(await step3(DIALOG_ID.buildingPermit)).toEqual({ status: 403, code: "authentication_level_too_low" });
  });

  it("the PDP names the workspace's level in its obligation, which is where Dialogporten reads it", async () => {
    await put("level-d", withLevel("sandbox-mva-melding", 4));
    const ctx = { ...sb.context(true), workspace: "level-d" };
    const login = await signIn(ctx, ola);
    const got = await getDialog(ctx, login.value!, DIALOG_ID.vatReturn);
    const pdp = got.exchange.nested?.exchanges.find((e) => e.request.url.endsWith("/authorization/api/v1/authorize"));
    const body = JSON.parse(pdp?.response?.body ?? "{}") as { Response: { Decision: string; Obligations?: { AttributeAssignment: { Value: string }[] }[] }[] };
    const permits = body.Response.filter((r) => r.Decision === "Permit");
    expect(permits.length).toBeGreaterThan(0);
    for (const p of permits) expect(p.Obligations?.[0]?.AttributeAssignment[0]?.Value).toBe("4");
  });
});

describe("parsePolicyDocument: the level", () => {
  it("keeps a level of 0–4 and leaves an absent one absent", () => {
    const parsed = parsePolicyDocument(withLevel("sandbox-fiskekort", 2));
    expect(parsed.ok && parsed.value.policies.map((p) => p.minimumAuthenticationLevel)).toEqual([undefined, undefined, 2, undefined]);
  });

  it.each([5, -1, 2.5, "3", null])("refuses %j with the path of the field", (level) => {
    const parsed = parsePolicyDocument({ policies: [{ resource: "sandbox-fiskekort", rules: [], minimumAuthenticationLevel: level }] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors)).toEqual(["$.policies[0].minimumAuthenticationLevel"]);
  });
});
