import { http, HttpResponse } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { signIn } from "../end-user-system/calls";
import { DIALOG_ID } from "../seed/dialogs";
import { findPersona } from "../seed/personas";

const sb = sandboxSuite();
let token: string;
beforeAll(async () => {
  token = (await signIn(sb.context(false), findPersona("ola")!)).value!;
});

const get = (id: string, headers: Record<string, string> = { authorization: `Bearer ${token}` }) =>
  fetch(`${sb.sandbox.config.origin}/dialogporten/api/v1/enduser/dialogs/${id}`, { headers });

async function problemOf(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as { status: number; code: string; title: string; type: string };
}

describe("GET /dialogporten/api/v1/enduser/dialogs/{dialogId}", () => {
  it("200 with an ETag of the bare revision GUID (as the real, no quotes) and a dialog token", async () => {
    const res = await get(DIALOG_ID.vatReturn);
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { dialogToken: string }).dialogToken.split(".")).toHaveLength(3);
  });

  it("400 for a malformed id once authenticated; 401 first without a token, as the real auth middleware runs before binding", async () => {
    expect((await get("not-a-guid", {})).status).toBe(401);
    const res = await get("not-a-guid");
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ status: 400, code: "invalid_dialog_id" });
  });

  it("401 with WWW-Authenticate for a missing or forged access token", async () => {
    for (const headers of [
      {} as Record<string, string>,
      { authorization: "Bearer abc.def.ghi" },
      { authorization: `Bearer ${token.slice(0, -4)}AAAA` },
      { authorization: `Basic ${token}` },
    ]) {
      const res = await get(DIALOG_ID.vatReturn, headers);
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      await problemOf(res);
    }
  });

  it("404 for an unknown dialog", async () => {
    const res = await get("019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8cff");
    expect(await problemOf(res)).toMatchObject({ status: 404, code: "dialog_not_found" });
  });

  it("502 (the real UpstreamServiceException) and no token when Authorization is unreachable, answers 500, or answers garbage", async () => {
    const url = `${sb.sandbox.config.internal.authorization}/authorization/api/v1/authorize`;
    const faults = [
      [http.post(url, () => HttpResponse.error()), "pdp_unreachable"],
      [http.post(url, () => new HttpResponse("boom", { status: 500 })), "pdp_error"],
      [http.post(url, () => new HttpResponse("<html>", { status: 200 })), "pdp_garbage"],
      [http.post(url, () => HttpResponse.json({ Response: [{ Decision: 42 }] })), "pdp_garbage"],
    ] as const;
    for (const [handler, code] of faults) {
      sb.server.use(handler);
      const res = await get(DIALOG_ID.vatReturn);
      const body = await problemOf(res);
      expect(body).toMatchObject({ status: 502, code, title: "Bad gateway." });
      expect(JSON.stringify(body)).not.toContain("dialogToken");
      sb.server.resetHandlers();
    }
  });

  it("a missing result counts as not permitted: fewer Permits than asked never widens the token", async () => {
    const url = `${sb.sandbox.config.internal.authorization}/authorization/api/v1/authorize`;
    const permit = { Decision: "Permit", Status: { StatusCode: { Value: "urn:oasis:names:tc:xacml:1.0:status:ok" } } };
    // Candidates are sorted: delete@Task_1, read@main, … — two results permit only delete and read.
    sb.server.use(http.post(url, () => HttpResponse.json({ Response: [permit, permit] })));
    const res = await get(DIALOG_ID.vatReturn);
    const dialog = (await res.json()) as { dialogToken: string; guiActions: { action: string; isAuthorized: boolean }[] };
    const claims = JSON.parse(Buffer.from(dialog.dialogToken.split(".")[1]!, "base64url").toString()) as { a: string };
    expect(claims.a).toBe("delete,urn:altinn:task:Task_1;read");
    expect(
      dialog.guiActions
        .filter((g) => g.isAuthorized)
        .map((g) => g.action)
        .sort(),
    ).toEqual(["delete", "read"]);
  });

  it("406 from the JWKS endpoint when Accept rules out JSON; two keys otherwise", async () => {
    const jwks = `${sb.sandbox.config.origin}/dialogporten/api/v1/.well-known/jwks.json`;
    expect((await fetch(jwks, { headers: { accept: "text/html" } })).status).toBe(406);
    const ok = await fetch(jwks, { headers: { accept: "application/json" } });
    expect(((await ok.json()) as { keys: unknown[] }).keys).toHaveLength(2);
    const meta = await (await fetch(`${sb.sandbox.config.origin}/dialogporten/api/v1/.well-known/oauth-authorization-server`)).json();
    expect(meta).toEqual({
      issuer: `${sb.sandbox.config.origin}/dialogporten/api/v1`,
      jwks_uri: `${sb.sandbox.config.origin}/dialogporten/api/v1/.well-known/jwks.json`,
    });
  });
});
