import { expect, test } from "@playwright/test";
import { PERSONA_GRANT, SERVICE_OWNER_GRANT } from "../lib/altinn/grants";
import { decodeText } from "../lib/shared/base64url";
import { PARTY } from "../lib/seed/parties";
import { RESOURCE } from "../lib/seed/resources";
import { APP_ORIGIN } from "../playwright.config";

// A provider team's own dialog over real HTTP against the built app: create it with the service-owner
// API, find it with the end user's search, get it with a dialog token, change it, delete it.
const DP = `${APP_ORIGIN}/dialogporten/api/v1`;
const workspace = `e2e-owner-${Math.random().toString(36).slice(2, 10)}`;
const nb = (value: string) => [{ value, languageCode: "nb" }];

async function token(provider: "maskinporten" | "id-porten", form: Record<string, string>): Promise<string> {
  const res = await fetch(`${APP_ORIGIN}/${provider}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

const call = (url: string, bearer: string, init: RequestInit = {}) =>
  fetch(url, { ...init, headers: { authorization: `Bearer ${bearer}`, "sandbox-workspace": workspace, "content-type": "application/json", ...init.headers } });

test("a provider team creates its own dialog, the end user finds it and gets a dialog token for it", async () => {
  const skd = await token("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org: "skd" });
  const kari = await token("id-porten", { grant_type: PERSONA_GRANT, persona: "kari" });

  const created = await call(`${DP}/serviceowner/dialogs`, skd, {
    method: "POST",
    body: JSON.stringify({
      serviceResource: RESOURCE.taxReturn,
      party: PARTY.kari,
      status: "RequiresAttention",
      content: { title: { value: nb("Teamets egen dialog"), mediaType: "text/plain" } },
      guiActions: [{ action: "read", url: "https://tjenestetilbyder.example/app", priority: "Primary", title: nb("Åpne") }],
    }),
  });
  expect(created.status).toBe(201);
  const id = (await created.json()) as string;
  expect(created.headers.get("location")).toBe(`${DP}/serviceowner/dialogs/${id}`);

  const found = await call(`${DP}/enduser/dialogs?search=${encodeURIComponent("teamets egen")}`, kari);
  expect(found.status).toBe(200);
  expect(((await found.json()) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([id]);

  const got = await call(`${DP}/enduser/dialogs/${id}`, kari);
  expect(got.status).toBe(200);
  const dialog = (await got.json()) as { dialogToken: string; guiActions: { isAuthorized: boolean }[] };
  const claims = JSON.parse(decodeText(dialog.dialogToken.split(".")[1]!)!) as Record<string, unknown>;
  expect(claims).toMatchObject({ i: id, p: PARTY.kari, s: RESOURCE.taxReturn });
  expect(dialog.guiActions[0]!.isAuthorized).toBe(true);

  const revision = got.headers.get("etag")!;
  const patched = await call(`${DP}/serviceowner/dialogs/${id}`, skd, {
    method: "PATCH",
    headers: { "content-type": "application/json-patch+json", "if-match": revision },
    body: JSON.stringify([{ op: "replace", path: "/status", value: "Completed" }]),
  });
  expect(patched.status).toBe(204);
  const stale = await call(`${DP}/serviceowner/dialogs/${id}`, skd, { method: "PUT", headers: { "if-match": revision }, body: "{}" });
  expect(stale.status).toBe(412);

  expect((await call(`${DP}/serviceowner/dialogs/${id}`, skd, { method: "DELETE" })).status).toBe(204);
  const after = await call(`${DP}/enduser/dialogs?search=${encodeURIComponent("teamets egen")}`, kari);
  expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);

  // Another workspace never saw it.
  const elsewhere = await fetch(`${DP}/serviceowner/dialogs/${id}`, { headers: { authorization: `Bearer ${skd}`, "sandbox-workspace": `${workspace}-x` } });
  expect(elsewhere.status).toBe(404);
});
