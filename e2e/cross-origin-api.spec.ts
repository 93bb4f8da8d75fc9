import { expect, test } from "./fixtures";
import type { ServiceProviderNotes } from "../lib/service-provider/trace-notes";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { decodeTrace } from "../lib/shared/trace";
import { APP_ORIGIN, SP_ORIGIN } from "../playwright.config";

// A real browser on the page's origin calling the service provider on its other origin: real preflights,
// answered and recorded by the provider, and handed back in the trace of the call that followed.

interface Seen {
  status: number;
  contentType: string | null;
  wwwAuthenticate: string | null;
  trace: string | null;
  body: string;
}

test("Chromium preflights every call to the service provider; each preflight comes back in the provider's trace", async ({ page }) => {
  await page.goto("/dialogporten/api/v1/.well-known/jwks.json");
  const run = await page.evaluate(
    async ({ dialogId }) => {
      const form = (persona: string) => new URLSearchParams({ grant_type: "urn:sandbox:params:oauth:grant-type:persona", persona }).toString();
      const login = await fetch("/id-porten/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form("kari") });
      const { access_token } = (await login.json()) as { access_token: string };
      const dialog = (await (
        await fetch(`/dialogporten/api/v1/enduser/dialogs/${dialogId}`, { headers: { authorization: `Bearer ${access_token}` } })
      ).json()) as {
        dialogToken: string;
        content: { mainContentReference: { value: { value: string }[] } };
      };
      const url = dialog.content.mainContentReference.value[0]!.value;
      const seen = async (r: Response): Promise<Seen> => ({
        status: r.status,
        contentType: r.headers.get("content-type"),
        wwwAuthenticate: r.headers.get("www-authenticate"),
        trace: r.headers.get("sandbox-trace"),
        body: await r.text(),
      });
      const calls: Seen[] = [];
      for (let i = 0; i < 3; i++)
        calls.push(await seen(await fetch(url, { headers: { authorization: `Bearer ${dialog.dialogToken}`, "sandbox-trace": "on" } })));
      const unauthenticated = await seen(await fetch(url, { headers: { authorization: "Bearer not-a-token" } }));
      return { url, calls, unauthenticated };
    },
    { dialogId: DIALOG_ID.taxReturn },
  );

  expect(run.url).toBe(`${SP_ORIGIN}/service-provider/fce/${DIALOG_ID.taxReturn}`);
  const ids = new Set<string>();
  for (const call of run.calls) {
    expect(call.status).toBe(200);
    expect(call.contentType).toBe("text/markdown; charset=utf-8");
    expect(call.body).toContain("`urn:altinn:person:identifier-no:12888510018`");
    const trace = await decodeTrace(call.trace!);
    const note = (trace!.notes as ServiceProviderNotes).preflight!;
    expect(note.observed).toBe(true);
    if (!note.observed) continue;
    ids.add(note.exchange.id);
    const h = Object.fromEntries(note.exchange.request.headers);
    expect(note.exchange.request.method).toBe("OPTIONS");
    expect(h.origin).toBe(APP_ORIGIN);
    expect(h["access-control-request-method"]).toBe("GET");
    expect(h["access-control-request-headers"]).toContain("authorization");
    const r = Object.fromEntries(note.exchange.response!.headers);
    expect(note.exchange.response!.status).toBe(204);
    expect(r["access-control-allow-origin"]).toBe(APP_ORIGIN);
    expect(r["access-control-max-age"]).toBe("0");
  }
  // Max-Age 0: three calls, three preflights.
  expect(ids.size).toBe(3);
  // The RFC 6750 challenge is readable cross-origin because the provider exposes it.
  expect(run.unauthenticated.status).toBe(401);
  expect(run.unauthenticated.wwwAuthenticate).toMatch(/^Bearer realm="service-provider", error="invalid_token"/);
});

test("a write action from the browser: preflighted POST, 204, and the dialog fetched again has a new revision and token", async ({ page }) => {
  await page.goto("/dialogporten/api/v1/.well-known/jwks.json");
  const run = await page.evaluate(
    async ({ dialogId }) => {
      const body = new URLSearchParams({ grant_type: "urn:sandbox:params:oauth:grant-type:persona", persona: "email-user" }).toString();
      const { access_token } = (await (
        await fetch("/id-porten/token", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body })
      ).json()) as { access_token: string };
      type D = {
        revision: string;
        dialogToken: string;
        status: string;
        guiActions: { action: string; url: string; httpMethod: string }[];
        activities: { type: string }[];
      };
      const get = async () =>
        (await (await fetch(`/dialogporten/api/v1/enduser/dialogs/${dialogId}`, { headers: { authorization: `Bearer ${access_token}` } })).json()) as D;
      const before = await get();
      const action = before.guiActions.find((g) => g.action === "write")!;
      const res = await fetch(action.url, {
        method: action.httpMethod,
        headers: { authorization: `Bearer ${before.dialogToken}`, accept: "application/json", "sandbox-trace": "on" },
      });
      const after = await get();
      return { url: action.url, status: res.status, trace: res.headers.get("sandbox-trace"), before, after };
    },
    { dialogId: DIALOG_ID.fishingLicence },
  );
  expect(run.url.startsWith(`${SP_ORIGIN}/service-provider/actions/`)).toBe(true);
  expect(run.status).toBe(204);
  const trace = await decodeTrace(run.trace!);
  const note = (trace!.notes as ServiceProviderNotes).preflight!;
  expect(note.observed && Object.fromEntries(note.exchange.request.headers)["access-control-request-method"]).toBe("POST");
  expect(trace!.exchanges.map((e) => `${e.to} ${e.request.method}`)).toEqual(expect.arrayContaining(["dialogporten GET", "dialogporten PATCH"]));
  expect(run.after.revision).not.toBe(run.before.revision);
  expect(run.after.dialogToken).not.toBe(run.before.dialogToken);
  expect(run.after.status).toBe("Completed");
  expect(run.after.activities.at(-1)!.type).toBe("FormSubmitted");
});

test("the service provider refuses origins it does not know, preflight and actual request alike", async ({ request }) => {
  const url = `${SP_ORIGIN}/service-provider/fce/${DIALOG_ID.taxReturn}`;
  const pre = await request.fetch(url, {
    method: "OPTIONS",
    headers: { origin: "https://evil.example", "access-control-request-method": "GET", "access-control-request-headers": "authorization" },
  });
  expect(pre.status()).toBe(403);
  expect(Object.keys(pre.headers()).filter((k) => k.startsWith("access-control-"))).toEqual([]);
  const actual = await request.get(url, { headers: { origin: "https://evil.example", authorization: "Bearer x" } });
  expect(actual.status()).toBe(403);
  expect(actual.headers()["access-control-allow-origin"]).toBeUndefined();
  expect((await actual.json()) as { code: string }).toMatchObject({ code: "origin_not_allowed" });
});
