import { describe, expect, it } from "vitest";
import { DIALOG_ID } from "../seed/dialogs";

import { problemOf, req, setup, SP, token, UI_ORIGIN } from "./handler.test-helper";

describe("service provider: CORS", () => {
  it("grants preflights to allowed origins and refuses others", async () => {
    const { sp } = await setup();
    const path = `/service-provider/fce/${DIALOG_ID.taxReturn}`;
    const preflight = (origin: string) =>
      sp(req(path, { method: "OPTIONS", headers: { origin, "access-control-request-method": "GET", "access-control-request-headers": "authorization" } }));
    const ok = await preflight(UI_ORIGIN);
    expect(ok.status).toBe(204);
    expect(Object.fromEntries(ok.headers)).toMatchObject({
      "access-control-allow-origin": UI_ORIGIN,
      "access-control-allow-headers": "authorization, content-type, accept-language, prefer, sandbox-trace, sandbox-fault, sandbox-pdp-latency-ms",
      "access-control-max-age": "0",
      vary: "Origin",
    });
    expect(ok.headers.get("access-control-allow-methods")).toContain("DELETE");
    const refused = await preflight("https://evil.example");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
    expect((await problemOf(refused)).code).toBe("origin_not_allowed");
  });

  it("adds ACAO and exposes www-authenticate on actual responses to allowed origins only", async () => {
    const { sp } = await setup();
    const path = `/service-provider/fce/${DIALOG_ID.taxReturn}`;
    const allowed = await sp(req(path, { headers: { origin: UI_ORIGIN } }));
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(UI_ORIGIN);
    expect(allowed.headers.get("access-control-expose-headers")).toBe("www-authenticate, sandbox-trace, etag, location, retry-after");
    expect(allowed.headers.get("vary")).toContain("Origin");
    const other = await sp(req(path, { headers: { origin: "https://evil.example" }, bearer: await token(DIALOG_ID.taxReturn) }));
    expect(other.status).toBe(403);
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect((await problemOf(other)).code).toBe("origin_not_allowed");
  });
});

describe("service provider: junk never yields 5xx", () => {
  it("survives malformed headers, paths and methods", async () => {
    const { sp } = await setup();
    const good = await token(DIALOG_ID.taxReturn);
    const [h, p] = good.split(".") as [string, string];
    const auths = [
      "",
      " ",
      "Bearer",
      "Bearer ",
      "bearer " + good,
      "BEARER  " + good,
      "Bearer\t" + good,
      "Bearer " + good + "=",
      "Bearer ....",
      "Bearer a.b.c",
      `Bearer ${h}.${p}.`,
      `Bearer ${h}..`,
      "Bearer " + "A".repeat(20_000),
      "Bearer =====",
      "Token " + good,
      "Bearer %00",
      "Bearer é",
      `Bearer ${btoa('{"alg":"none"}')}.${p}.`,
      "Bearer e30.e30.e30",
      `Bearer ${h}.${btoa("[]")}.AA`,
    ];
    const paths = [
      "/service-provider/fce/",
      "/service-provider/fce/%ZZ",
      "/service-provider/fce/x/transmissions/%",
      "/service-provider/actions/a/b/c",
      "/service-provider/api/" + "9".repeat(5000),
      "/service-provider//fce//x",
      "/service-provider/app/%E0%A4%A",
    ];
    const methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "MKCOL", "PROPFIND"];
    let count = 0;
    for (const authorization of auths) {
      const res = await sp(req(`/service-provider/fce/${DIALOG_ID.taxReturn}`, { headers: { authorization } }));
      expect(res.status, authorization.slice(0, 40)).toBeLessThan(500);
      count++;
    }
    for (const path of paths)
      for (const method of methods) {
        const res = await sp(new Request(`${SP}${path}`, { method, headers: { authorization: `Bearer ${good}`, origin: UI_ORIGIN } }));
        expect(res.status, `${method} ${path}`).toBeLessThan(500);
        count++;
      }
    expect(count).toBeGreaterThanOrEqual(30);
  });
});
