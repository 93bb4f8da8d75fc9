import { describe, expect, it, vi } from "vitest";
import { DIALOG_ID } from "../seed/dialogs";
import { decodeTrace } from "../shared/trace";
import { makeToken } from "./fixtures/sandbox-tokens";
import type { GateNotes } from "./trace-notes";
import { problemOf, req, setup, token } from "./handler.test-helper";

const TAX_TRANSMISSION = "019ad0c2-7000-7a3b-9c4d-000000000121";
const VAT_PLAIN_TRANSMISSION = "019ad0c2-7000-7a3b-9c4d-000000000221";

describe("service provider: front-channel embeds", () => {
  it("serves the main content as markdown built from the verified claims, with a trace and no authorization call", async () => {
    const { sp, dp } = await setup();
    const bearer = await token(DIALOG_ID.taxReturn, "read;write", { c: "urn:altinn:person:identifier-no:03858040190" });
    const res = await sp(req(`/service-provider/fce/${DIALOG_ID.taxReturn}`, { bearer, headers: { "sandbox-trace": "on" } }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const body = await res.text();
    expect(body).toContain("## Skattemelding for 2026");
    expect(body).toContain("`urn:altinn:person:identifier-no:03858040190`");
    expect(body).toContain("`read`, `write`");
    const trace = await decodeTrace(res.headers.get("sandbox-trace")!);
    const notes = trace!.notes as GateNotes;
    expect(trace!.actor).toBe("service-provider");
    expect(trace!.exchanges.map((e) => e.label)).toEqual(["Discover JWKS (RFC 8414 metadata)", "Fetch JWKS"]);
    expect(notes).toMatchObject({ keySource: "network", authorizationCalls: 0, required: "read", verification: { valid: true } });
    const again = await sp(req(`/service-provider/fce/${DIALOG_ID.taxReturn}`, { bearer, headers: { "sandbox-trace": "on" } }));
    const trace2 = await decodeTrace(again.headers.get("sandbox-trace")!);
    expect(trace2).toMatchObject({ exchanges: [], notes: { keySource: "cache" } });
    expect(dp.state.urls.every((u) => !u.includes("/authorization/"))).toBe(true);
  });

  it("asks for transmissionread with the transmission's attribute, read without one, and 404s unknown ones", async () => {
    const { sp } = await setup();
    const path = `/service-provider/fce/${DIALOG_ID.taxReturn}/transmissions/${TAX_TRANSMISSION}`;
    const denied = await sp(req(path, { bearer: await token(DIALOG_ID.taxReturn, "read") }));
    expect(denied.status).toBe(403);
    expect((await problemOf(denied)).code).toBe("action_not_in_token");
    const ok = await sp(req(path, { bearer: await token(DIALOG_ID.taxReturn, "read;transmissionread,urn:altinn:subresource:vedtak") }));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("`transmissionread,urn:altinn:subresource:vedtak`");
    const plain = await sp(
      req(`/service-provider/fce/${DIALOG_ID.vatReturn}/transmissions/${VAT_PLAIN_TRANSMISSION}`, {
        bearer: await token(DIALOG_ID.vatReturn, "read", { l: 3 }),
      }),
    );
    expect(plain.status).toBe(200);
    const unknown = `/service-provider/fce/${DIALOG_ID.taxReturn}/transmissions/019ad0c2-0000-7000-8000-000000000000`;
    expect((await sp(req(unknown))).status).toBe(401);
    const missing = await sp(req(unknown, { bearer: await token(DIALOG_ID.taxReturn) }));
    expect(missing.status).toBe(404);
  });
});

describe("service provider: RFC 6750 errors", () => {
  it("401 without an error code when no token is sent (or another scheme)", async () => {
    const { sp } = await setup();
    for (const headers of [{}, { authorization: "Basic dXNlcjpwYXNz" }] as Record<string, string>[]) {
      const res = await sp(req(`/service-provider/fce/${DIALOG_ID.taxReturn}`, { headers }));
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toBe('Bearer realm="service-provider"');
      expect(await problemOf(res)).toMatchObject({ status: 401, code: "token_missing" });
    }
  });

  it("401 invalid_token for a bad header, a token in the query or a cookie, or a failing check", async () => {
    const { sp, clock } = await setup();
    const good = await token(DIALOG_ID.taxReturn);
    const path = `/service-provider/fce/${DIALOG_ID.taxReturn}`;
    const twice = new Headers();
    twice.append("authorization", `Bearer ${good}`);
    twice.append("authorization", `Bearer ${good}`);
    const cases: Array<[Request, string]> = [
      [req(path, { headers: { authorization: "Bearer" } }), "authorization_header_malformed"],
      [req(path, { headers: { authorization: `Bearer ${good} extra` } }), "authorization_header_malformed"],
      [req(path, { headers: twice }), "authorization_header_repeated"],
      [req(`${path}?access_token=${good}`), "token_in_query"],
      [req(`${path}?access_token=${good}`, { bearer: good }), "token_in_query"],
      [req(path, { bearer: good, headers: { cookie: `theme=dark; access_token=${good}` } }), "token_in_cookie"],
      [req(path, { bearer: "not-a-jwt" }), "token_malformed"],
      [
        req(path, { bearer: await makeToken({ claims: { i: DIALOG_ID.taxReturn, iss: "https://platform.altinn.no/dialogporten/api/v1" } }) }),
        "issuer_mismatch",
      ],
    ];
    for (const [request, code] of cases) {
      const res = await sp(request);
      expect(res.status, code).toBe(401);
      const challenge = res.headers.get("www-authenticate")!;
      expect(challenge).toMatch(new RegExp(`^Bearer realm="service-provider", error="invalid_token", error_description="${code}: [^"\\\\]+"$`));
      expect((await problemOf(res)).code).toBe(code);
    }
    clock.now += 611_000;
    const expired = await sp(req(path, { bearer: good }));
    expect(expired.headers.get("www-authenticate")).toContain('error_description="token_expired: ');
  });

  it("403 insufficient_scope for another dialog, a missing action or a too low level", async () => {
    const { sp } = await setup();
    const cases: Array<[string, string, string]> = [
      [`/service-provider/fce/${DIALOG_ID.vatReturn}`, await token(DIALOG_ID.taxReturn), "dialog_mismatch"],
      [`/service-provider/fce/${DIALOG_ID.taxReturn}`, await token(DIALOG_ID.taxReturn, "write"), "action_not_in_token"],
      [`/service-provider/api/${DIALOG_ID.buildingPermit}`, await token(DIALOG_ID.buildingPermit, "read", { l: 3 }), "authentication_level_too_low"],
    ];
    for (const [path, bearer, code] of cases) {
      const res = await sp(req(path, { bearer }));
      expect(res.status, code).toBe(403);
      expect(res.headers.get("www-authenticate")).toMatch(
        new RegExp(`^Bearer realm="service-provider", error="insufficient_scope", error_description="${code}: `),
      );
      expect((await problemOf(res)).code).toBe(code);
    }
  });

  it("503 jwks_unavailable with a cold cache and Dialogporten down; keeps working on a warm cache", async () => {
    const { sp, dp, clock } = await setup();
    dp.state.down = true;
    const path = `/service-provider/fce/${DIALOG_ID.taxReturn}`;
    const bearer = await token(DIALOG_ID.taxReturn);
    const cold = await sp(req(path, { bearer }));
    expect(cold.status).toBe(503);
    expect((await problemOf(cold)).code).toBe("jwks_unavailable");
    expect((await sp(req(path, { bearer: "junk" }))).status).toBe(401);
    dp.state.down = false;
    expect((await sp(req(path, { bearer }))).status).toBe(200);
    dp.state.down = true;
    clock.now += 2 * 3600_000;
    const late = await sp(req(path, { bearer: await makeToken({ claims: { i: DIALOG_ID.taxReturn, a: "read" }, issuedAt: clock.now }) }));
    expect(late.status).toBe(200);
  });
});

describe("service provider: write actions, API action, app page", () => {
  it("204 for a write action the token grants, with the GUI action's method and attribute", async () => {
    const onWriteAction = vi.fn(async () => undefined);
    const { sp } = await setup({ onWriteAction });
    const write = await sp(
      req(`/service-provider/actions/${DIALOG_ID.taxReturn}/write`, { method: "POST", bearer: await token(DIALOG_ID.taxReturn, "read;write") }),
    );
    expect(write.status).toBe(204);
    expect(onWriteAction).toHaveBeenCalledWith(
      expect.objectContaining({ guiAction: expect.objectContaining({ action: "write" }), claims: expect.objectContaining({ a: "read;write" }) }),
    );
    const del = `/service-provider/actions/${DIALOG_ID.taxReturn}/delete`;
    const bare = await sp(req(del, { method: "DELETE", bearer: await token(DIALOG_ID.taxReturn, "read;delete") }));
    expect(bare.status).toBe(403);
    expect((await problemOf(bare)).code).toBe("action_not_in_token");
    const task = await sp(req(del, { method: "DELETE", bearer: await token(DIALOG_ID.taxReturn, "read;delete,urn:altinn:task:Task_1") }));
    expect(task.status).toBe(204);
  });

  it("405 for a known action with the wrong method, 404 for an unknown one, 401 before either", async () => {
    const { sp } = await setup();
    const path = `/service-provider/actions/${DIALOG_ID.taxReturn}/write`;
    const bearer = await token(DIALOG_ID.taxReturn, "read;write");
    const put = await sp(req(path, { method: "PUT", bearer }));
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("POST");
    expect((await sp(req(path, { method: "PUT" }))).status).toBe(401);
    expect((await sp(req(`/service-provider/actions/${DIALOG_ID.taxReturn}/archive`, { method: "POST", bearer }))).status).toBe(404);
    expect((await sp(req(path, { method: "GET", bearer }))).status).toBe(405);
  });

  it("the API action answers JSON from the token", async () => {
    const { sp } = await setup();
    const res = await sp(req(`/service-provider/api/${DIALOG_ID.vatReturn}`, { bearer: await token(DIALOG_ID.vatReturn, "read;sign,urn:altinn:task:Task_2") }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      dialogId: DIALOG_ID.vatReturn,
      actions: [{ name: "read" }, { name: "sign", attribute: "urn:altinn:task:Task_2" }],
      authenticationLevel: 3,
      authorizationCalls: 0,
    });
  });

  it("the app page needs no token and escapes the id", async () => {
    const { sp } = await setup();
    const res = await sp(req(`/service-provider/app/${encodeURIComponent('<script>alert("x")</script>')}`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).not.toContain("<script>");
    expect((await sp(req(`/service-provider/app/${DIALOG_ID.taxReturn}`))).status).toBe(200);
  });
});
