import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { parsePolicyDocument, POLICY_LIMITS, POLICY_SOURCE_HEADER, type PolicyDocument } from "../altinn/policy-document";
import { getDialog, signIn } from "../end-user-system/calls";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { policies } from "../seed/policies";
import { decodeText } from "../shared/base64url";
import { WORKSPACES_PATH } from "./workspaces";

const kari = findPersona("kari")!;
const SUBMIT = "019ad0c2-7000-7a3b-9c4d-000000000102";
const claims = (jwt: string) => JSON.parse(decodeText(jwt.split(".")[1]!)!) as { a: string };

/** The seed's policies with Kari's "write" on her tax return taken away. */
function withoutWrite(): PolicyDocument {
  const copy = structuredClone(policies);
  const rule = copy.find((p) => p.resource === "sandbox-skattemelding")!.rules.find((r) => r.id === "skattemelding-1")!;
  rule.actions = rule.actions.filter((a) => a !== "write");
  return { policies: copy };
}

describe("a workspace's own policies", () => {
  const sb = sandboxSuite({ writeQueueDelayMs: 0 });
  const url = (workspace: string) => `${sb.sandbox.config.origin}${WORKSPACES_PATH}/${workspace}/policies`;
  const put = (workspace: string, body: unknown) =>
    fetch(url(workspace), { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const view = async (workspace?: string) => {
    const ctx = { ...sb.context(false), ...(workspace && { workspace }) };
    const login = await signIn(ctx, kari);
    return (await getDialog(ctx, login.value!, DIALOG_ID.taxReturn)).value!;
  };

  it("change the decision, `a` and isAuthorized in that workspace only, and go back to the seed on DELETE", async () => {
    const before = await view("policy-a");
    expect(claims(before.dialogToken!).a.split(";")).toContain("write");
    expect(before.guiActions.find((g) => g.id === SUBMIT)?.isAuthorized).toBe(true);

    const stored = await put("policy-a", withoutWrite());
    expect(stored.status).toBe(200);
    expect(stored.headers.get(POLICY_SOURCE_HEADER)).toBe("workspace");

    const after = await view("policy-a");
    expect(claims(after.dialogToken!).a.split(";")).not.toContain("write");
    expect(after.guiActions.find((g) => g.id === SUBMIT)?.isAuthorized).toBe(false);
    // Another participant and the shared default keep the seed's policies.
    expect(claims((await view("policy-b")).dialogToken!).a).toBe(claims(before.dialogToken!).a);
    expect(claims((await view()).dialogToken!).a).toBe(claims(before.dialogToken!).a);

    const exported = await fetch(url("policy-a"));
    expect(exported.headers.get(POLICY_SOURCE_HEADER)).toBe("workspace");
    expect(await exported.json()).toEqual(withoutWrite());

    expect((await fetch(url("policy-a"), { method: "DELETE" })).status).toBe(204);
    expect(claims((await view("policy-a")).dialogToken!).a).toBe(claims(before.dialogToken!).a);
    expect((await fetch(url("policy-a"))).headers.get(POLICY_SOURCE_HEADER)).toBe("seed");
  });

  it("the shared default workspace refuses changes with 409 and reads as the seed", async () => {
    const refused = await put("default", withoutWrite());
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({ code: "default_workspace_shared" });
    expect((await fetch(url("default"), { method: "DELETE" })).status).toBe(409);
    expect(await (await fetch(url("default"))).json()).toEqual({ policies });
  });

  it.each([
    ["not an object", []],
    ["an unknown property", { policies, extra: 1 }],
    ["a bad effect", { policies: [{ resource: "r", rules: [{ id: "x", description: "", effect: "Allow", subjects: [], actions: [], resource: [] }] }] }],
    ["a duplicate resource", { policies: [policies[0], policies[0]] }],
  ])("refuses a body that is %s with 400 and the errors dictionary", async (_what, body) => {
    const refused = await put("policy-c", body);
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as { code: string; errors: Record<string, string[]> };
    expect(problem.code).toBe("invalid_policies");
    expect(Object.keys(problem.errors).length).toBeGreaterThan(0);
  });
});

describe("parsePolicyDocument", () => {
  it("accepts the seed's policies unchanged", () => {
    expect(parsePolicyDocument({ policies })).toEqual({ ok: true, value: { policies } });
  });

  it("names the path of every problem", () => {
    const result = parsePolicyDocument({
      policies: [{ resource: "", rules: [{ id: "r", effect: "Permit", subjects: "PRIV", actions: [1], resource: [{ id: "a" }], x: 1 }] }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      "$.policies[0].resource",
      "$.policies[0].rules[0].actions[0]",
      "$.policies[0].rules[0].resource[0].value",
      "$.policies[0].rules[0].subjects",
      "$.policies[0].rules[0].x",
    ]);
  });

  it("reads a rule without a description as an empty one, and takes that back: an export always imports again", () => {
    const bare = { policies: [{ resource: "r", rules: [{ id: "x", effect: "Permit", subjects: [], actions: [], resource: [] }] }] };
    const once = parsePolicyDocument(bare);
    expect(once.ok && once.value.policies[0]!.rules[0]!.description).toBe("");
    expect(once.ok && parsePolicyDocument(JSON.parse(JSON.stringify(once.value)))).toEqual(once);
    expect(parsePolicyDocument({ policies: [{ ...bare.policies[0], rules: [{ ...bare.policies[0]!.rules[0], description: 7 }] }] }).ok).toBe(false);
  });

  it("bounds the document", () => {
    const many = Array.from({ length: POLICY_LIMITS.policies + 1 }, (_, i) => ({ resource: `r${i}`, rules: [] }));
    expect(parsePolicyDocument({ policies: many }).ok).toBe(false);
  });
});
