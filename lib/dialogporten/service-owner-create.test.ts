import { describe, expect, it } from "vitest";
import { expectValidResponse } from "../altinn/openapi.test-helper";
import type { Dialog } from "../altinn/dialog";
import { MEDIA_TYPE } from "../altinn/dialog";
import { LEGACY_HTML_SCOPE, SERVICE_OWNER_GRANT, SERVICE_OWNER_SCOPE } from "../altinn/grants";
import { PARTY } from "../seed/parties";
import { RESOURCE } from "../seed/resources";
import { dialogOf, serviceOwnerHarness } from "./service-owner.test-helper";

const { base, grant, ownerToken, endUser, so, send } = serviceOwnerHarness();
const DIALOGS = "/dialogporten/api/v1/serviceowner/dialogs";
const nb = (value: string) => [{ value, languageCode: "nb" }];

/** A dialog a provider team might create for Kari: the tax-return resource, whose seed policy gives her read and write. */
const newDialog = (extra: Record<string, unknown> = {}) => ({
  serviceResource: RESOURCE.taxReturn,
  party: PARTY.kari,
  status: "RequiresAttention",
  progress: 10,
  searchTags: [{ value: "Workshop" }],
  content: {
    title: { value: nb("Egen dialog fra workshopen"), mediaType: "text/plain" },
    summary: { value: nb("Laget med tjenesteeier-API-et."), mediaType: "text/plain" },
  },
  guiActions: [{ action: "read", url: "https://tjenestetilbyder.example/app", priority: "Primary", title: nb("Åpne") }],
  transmissions: [
    {
      type: "Information",
      sender: { actorType: "ServiceOwner" },
      content: { title: { value: nb("Velkommen"), mediaType: "text/plain" } },
      attachments: [
        { displayName: nb("Vedlegg"), urls: [{ url: "https://tjenestetilbyder.example/a.pdf", mediaType: "application/pdf", consumerType: "Gui" }] },
      ],
    },
  ],
  ...extra,
});

describe("service-owner API: create a dialog", () => {
  it("201 with the id, Location and ETag; the owner reads it back exactly as the real document says", async () => {
    const skd = await ownerToken("skd");
    const r = await send("POST", "", skd, newDialog());
    expect(r.res.status, r.text).toBe(201);
    expectValidResponse("serviceowner", "POST", DIALOGS, 201, r.json ?? JSON.parse(r.text));
    const id = JSON.parse(r.text) as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    expect(r.res.headers.get("location")).toBe(`${base()}${DIALOGS}/${id}`);
    const back = await so(id, { token: skd });
    expect(back.res.headers.get("etag")).toBe(r.res.headers.get("etag"));
    expectValidResponse("serviceowner", "GET", `${DIALOGS}/${id}`, 200, back.json);
    const d = dialogOf(back);
    expect(d).toMatchObject({
      org: "skd",
      party: PARTY.kari,
      status: "RequiresAttention",
      searchTags: [{ value: "workshop" }],
      fromServiceOwnerTransmissionsCount: 1,
    });
    expect(d.transmissions[0]!.attachments[0]!.urls[0]!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("the end user sees the new dialog with a dialog token, without the owner's own members", async () => {
    const created = await send("POST", "", await ownerToken("skd"), newDialog());
    const id = JSON.parse(created.text) as string;
    const r = await endUser("kari", id);
    expect(r.res.status).toBe(200);
    const dto = r.json as unknown as Dialog;
    expect(dto.dialogToken).toBeTruthy();
    expect(dto).not.toHaveProperty("searchTags");
    expect(dto.transmissions[0]!.isAuthorized).toBe(true);
    // Ola has no role for Kari: no access to the dialog she owns.
    expect((await endUser("ola", id)).res.status).toBe(403);
  });

  it("lives in its workspace only", async () => {
    const created = await send("POST", "", await ownerToken("skd"), newDialog(), { headers: { "sandbox-workspace": "team-a" } });
    const id = JSON.parse(created.text) as string;
    expect((await so(id, { token: await ownerToken("skd"), headers: { "sandbox-workspace": "team-a" } })).res.status).toBe(200);
    expect((await so(id, { token: await ownerToken("skd"), headers: { "sandbox-workspace": "team-b" } })).res.status).toBe(404);
  });

  it("400 with every error at once, keyed by property path", async () => {
    const r = await send("POST", "", await ownerToken("skd"), {
      serviceResource: "sandbox-skattemelding",
      party: "urn:altinn:person:identifier-no:12345678901",
      progress: 101,
      status: "Open",
      content: { summary: { value: nb("x"), mediaType: "text/html" } },
      guiActions: [{ action: "read", url: "not a url", priority: "Primary", title: nb("x") }],
      colour: "blue",
    });
    expect(r.res.status).toBe(400);
    expectValidResponse("serviceowner", "POST", DIALOGS, 400, r.json);
    expect(r.json).toMatchObject({ code: "invalid_dialog", title: "One or more validation errors occurred." });
    expect(Object.keys(r.json!.errors as object).sort()).toEqual(
      ["Colour", "Content.Summary.MediaType", "Content.Title", "GuiActions[0].Url", "Party", "Progress", "ServiceResource", "Status"].sort(),
    );
  });

  it("403 for a resource the caller does not own, 409 for a reused idempotentKey, 422 for a taken id", async () => {
    const mdir = await send("POST", "", await ownerToken("mdir"), newDialog());
    expect(mdir.res.status).toBe(403);
    expect(mdir.json).toMatchObject({ code: "resource_not_owned" });
    const skd = await ownerToken("skd");
    const key = "workshop-0001-idempotent";
    expect((await send("POST", "", skd, newDialog({ idempotentKey: key }))).res.status).toBe(201);
    const again = await send("POST", "", skd, newDialog({ idempotentKey: key }));
    expect(again.res.status).toBe(409);
    expect(again.json).toMatchObject({ code: "dialog_exists" });
    const id = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c01";
    const taken = await send("POST", "", skd, newDialog({ id }));
    expect(taken.res.status).toBe(422);
    expectValidResponse("serviceowner", "POST", DIALOGS, 422, taken.json);
  });

  it("a legacy-HTML embed only with the legacy-HTML scope, as the real validator: 400 without it, 201 with it", async () => {
    const html = {
      content: { ...newDialog().content, mainContentReference: { value: nb("https://tjenestetilbyder.example/fce"), mediaType: MEDIA_TYPE.embedHtml } },
    };
    const plain = await send("POST", "", await ownerToken("skd"), newDialog(html));
    expect(plain.res.status).toBe(400);
    expect(Object.keys(plain.json!.errors as object)).toEqual(["Content.MainContentReference.MediaType"]);
    const scoped = await grant("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org: "skd", scope: `${SERVICE_OWNER_SCOPE} ${LEGACY_HTML_SCOPE}` });
    expect(scoped.res.status).toBe(200);
    expect((await send("POST", "", scoped.body.access_token!, newDialog(html))).res.status).toBe(201);
    const greedy = await grant("maskinporten", {
      grant_type: SERVICE_OWNER_GRANT,
      org: "skd",
      scope: `${SERVICE_OWNER_SCOPE} digdir:dialogporten.serviceprovider.admin`,
    });
    expect(greedy.res.status).toBe(400);
  });

  it("415 for another media type, 400 for broken JSON, 401 without a token", async () => {
    const skd = await ownerToken("skd");
    expect((await so("", { method: "POST", token: skd, headers: { "content-type": "text/plain" }, body: "{}" })).res.status).toBe(415);
    expect((await so("", { method: "POST", token: skd, headers: { "content-type": "application/json" }, body: "{" })).res.status).toBe(400);
    const anonymous = await so("", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(anonymous.res.status).toBe(401);
    expect(anonymous.res.headers.get("www-authenticate")).toMatch(/^Bearer /);
  });
});
