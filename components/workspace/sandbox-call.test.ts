import { describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { jsonBody, sandboxCall } from "./sandbox-call";

/** The page's calls to the workspace API, against the real handlers: answers as values, refusals as their code and detail. */
describe("sandboxCall", () => {
  const sb = sandboxSuite();
  const url = (path: string) => `${sb.sandbox.config.origin}/sandbox/api/v1/workspaces/${path}`;

  it("answers the JSON of a success, and null for a 204", async () => {
    expect(await sandboxCall(url("call-a/clock"), jsonBody("PUT", { offsetSeconds: 660 }))).toEqual({ ok: true, value: { offsetSeconds: 660 } });
    expect(await sandboxCall(url("call-a/clock"), { method: "DELETE" })).toEqual({ ok: true, value: null });
  });

  it("keeps a refusal's status, stable code and detail (RFC 9457)", async () => {
    const published = await sandboxCall<{ keys: { kid: string }[] }>(url("call-b/keys"), { method: "POST" });
    const kid = published.ok ? published.value.keys[2]!.kid : "";
    const early = await sandboxCall(url(`call-b/keys/${kid}/promote`), { method: "POST" });
    expect(early).toMatchObject({ ok: false, status: 409, code: "key_too_new", detail: expect.stringContaining("48 h later") });
    expect(await sandboxCall(url("default/clock"), jsonBody("PUT", { offsetSeconds: 60 }))).toMatchObject({
      ok: false,
      status: 409,
      code: "default_workspace_shared",
    });
  });

  it("says what happened when the answer is not a problem document", async () => {
    expect(await sandboxCall(`${sb.sandbox.config.origin}/sandbox/api/v1/workspaces/call-c/nothing-here`)).toMatchObject({ ok: false, status: 404 });
  });
});
