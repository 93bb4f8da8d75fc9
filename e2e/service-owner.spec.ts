import { expect, test } from "./fixtures";
import { PERSONA_GRANT, SERVICE_OWNER_GRANT } from "../lib/altinn/grants";
import { decodeText } from "../lib/shared/base64url";
import { PARTY } from "../lib/seed/parties";
import { RESOURCE } from "../lib/seed/resources";
import { MEDIA_TYPE } from "../lib/altinn/dialog";
import { APP_ORIGIN, SP_ORIGIN } from "../playwright.config";

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

test("a created dialog whose URLs point at the sandbox's provider runs all six steps in the sequence page, in the team's workspace", async ({
  page,
  sequence,
  wire,
}) => {
  const team = `e2e-run-${Math.random().toString(36).slice(2, 10)}`;
  const id = "019ad0c2-9000-7a3b-8c4d-00000000e2e1";
  const skd = await token("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org: "skd" });
  const created = await fetch(`${DP}/serviceowner/dialogs`, {
    method: "POST",
    headers: { authorization: `Bearer ${skd}`, "sandbox-workspace": team, "content-type": "application/json" },
    body: JSON.stringify({
      id,
      serviceResource: RESOURCE.taxReturn,
      party: PARTY.kari,
      status: "RequiresAttention",
      content: {
        title: { value: nb("Teamets kjørbare dialog"), mediaType: "text/plain" },
        mainContentReference: { value: nb(`${SP_ORIGIN}/service-provider/ws/${team}/fce/${id}`), mediaType: MEDIA_TYPE.embedMarkdown },
      },
    }),
  });
  expect(created.status).toBe(201);

  // The browser works in the team's workspace, and the link names the dialog the seed does not have.
  await page.addInitScript((w) => localStorage.setItem("sandbox-workspace", w), team);
  await page.goto(`/?persona=kari&dialog=${id}&action=embed`);
  await expect(sequence.runAll).toBeEnabled();
  await sequence.runAll.click();
  await sequence.expectStep(6);
  const sp = (await wire.to(/\/service-provider\/ws\/[^/]+\/fce\//)).at(-1)!;
  expect(sp.status).toBe(200);
  // The provider had no record of it: it looked the dialog up through the service-owner API, in the team's workspace.
  expect(sp.trace?.exchanges.map((e) => e.label)).toContain("Look up a dialog the provider has no record of (service-owner API)");
  await expect(sequence.renderedEmbed().getByRole("heading", { name: "Teamets kjørbare dialog" })).toBeVisible();
});
