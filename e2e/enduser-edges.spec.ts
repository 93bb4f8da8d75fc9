import { expect, test } from "./fixtures";
import { signIn } from "../lib/end-user-system/calls";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { findPersona } from "../lib/seed/personas";
import { APP_ORIGIN } from "../playwright.config";

// The end-user dialog GET at the real API's edges, against the built app over real HTTP (docs/fidelity.md).
const ctx = { fetch: (i: string | URL | Request, init?: RequestInit) => fetch(i, init), baseUrl: APP_ORIGIN, trace: false };
const url = (id: string) => `${APP_ORIGIN}/dialogporten/api/v1/enduser/dialogs/${id}`;
const workspace = () => `edges-e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

test.describe("the end-user dialog GET as the real one answers", () => {
  let token: string;
  test.beforeAll(async () => {
    token = (await signIn(ctx, findPersona("ola")!)).value!;
  });
  const get = (id: string, headers: Record<string, string> = {}) =>
    fetch(url(id), { headers: { authorization: `Bearer ${token}`, "sandbox-workspace": workspace(), ...headers } });

  test("200 with the bare revision GUID as ETag, a seen log entry for the caller, and round-trip dates", async () => {
    const res = await get(DIALOG_ID.vatReturn);
    expect(res.status).toBe(200);
    const dialog = (await res.json()) as {
      revision: string;
      createdAt: string;
      serviceResourceType: string;
      seenSinceLastUpdate: { isCurrentEndUser: boolean }[];
    };
    expect(res.headers.get("etag")).toBe(dialog.revision);
    expect(dialog.seenSinceLastUpdate).toEqual([expect.objectContaining({ isCurrentEndUser: true })]);
    expect(dialog.createdAt).toMatch(/\.\d{7}Z$/);
    expect(dialog.serviceResourceType).toBe("genericaccessresource");
  });

  test("404 and 410 bodies are the real ones, with the sandbox's code beside them", async () => {
    const missing = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8cff";
    const notFound = await get(missing);
    expect(notFound.headers.get("content-type")).toBe("application/problem+json");
    expect(await notFound.json()).toMatchObject({
      type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
      title: "Resource not found.",
      status: 404,
      instance: `/api/v1/enduser/dialogs/${missing}`,
      errors: { DialogEntity: [`Entity 'DialogEntity' with the following key(s) was not found: (${missing}).`] },
      code: "dialog_not_found",
    });
    const gone = await get(DIALOG_ID.deletedVatReturn);
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ title: "Resource no longer available.", code: "dialog_deleted" });
  });

  test("a fault that takes Altinn Authorization away answers 502 Bad gateway and no token", async () => {
    const res = await get(DIALOG_ID.vatReturn, { "sandbox-fault": "pdp-down" });
    expect(res.status).toBe(502);
    const body = await res.text();
    expect(JSON.parse(body)).toMatchObject({ title: "Bad gateway.", code: "pdp_unreachable" });
    expect(body).not.toContain("dialogToken");
  });

  test("Accept-Language keeps one localization, falling back to Bokmål for Swedish", async () => {
    const res = await get(DIALOG_ID.vatReturn, { "accept-language": "sv-SE" });
    const dialog = (await res.json()) as { content: { title: { value: { languageCode: string }[] } } };
    expect(dialog.content.title.value.map((l) => l.languageCode)).toEqual(["nb"]);
  });
});
