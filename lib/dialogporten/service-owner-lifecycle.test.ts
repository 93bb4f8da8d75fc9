import { describe, expect, it } from "vitest";
import { expectValidResponse } from "../altinn/openapi.test-helper";
import type { Dialog } from "../altinn/dialog";
import { DIALOG_ID } from "../seed/dialogs";
import { dialogOf, serviceOwnerHarness } from "./service-owner.test-helper";

const { ownerToken, endUser, so, send, patch } = serviceOwnerHarness();
const path = (id: string, rest = "") => `/dialogporten/api/v1/serviceowner/dialogs/${id}${rest}`;
const nb = (value: string) => [{ value, languageCode: "nb" }];
const TAX = DIALOG_ID.taxReturn;

describe("service-owner API: PUT replaces the updatable document", () => {
  it("204 with a new ETag; If-Match is the bare revision; a stale one is 412", async () => {
    const skd = await ownerToken("skd");
    const before = dialogOf(await so(TAX, { token: skd }));
    const doc = {
      status: "Awaiting",
      progress: 90,
      content: { title: { value: nb("Skattemelding for 2026 – mottatt"), mediaType: "text/plain" } },
      guiActions: before.guiActions.slice(0, 1),
      activities: [{ type: "FormSubmitted", performedBy: { actorType: "ServiceOwner" } }],
    };
    const r = await send("PUT", TAX, skd, doc, { headers: { "if-match": before.revision } });
    expect(r.res.status, r.text).toBe(204);
    expectValidResponse("serviceowner", "PUT", path(TAX), 204, undefined);
    const after = dialogOf(await so(TAX, { token: skd }));
    expect(after.revision).toBe(r.res.headers.get("etag"));
    expect(after).toMatchObject({ status: "Awaiting", progress: 90, guiActions: [{ id: before.guiActions[0]!.id }] });
    expect(after).not.toHaveProperty("process");
    expect(after.activities.at(-1)).toMatchObject({ type: "FormSubmitted" });
    expect(after.contentUpdatedAt).not.toBe(before.contentUpdatedAt);
    const stale = await send("PUT", TAX, skd, doc, { headers: { "if-match": before.revision } });
    expect(stale.res.status).toBe(412);
    expectValidResponse("serviceowner", "PUT", path(TAX), 412, stale.json);
  });

  it("JSON Patch reaches any updatable member: content, actions, search tags", async () => {
    const dibk = await ownerToken("dibk");
    const B = DIALOG_ID.buildingPermit;
    const before = dialogOf(await so(B, { token: dibk }));
    const extra = { action: "read", url: "https://tjenestetilbyder.example/kart", priority: "Tertiary", title: nb("Se kartet") };
    const r = await patch(B, dibk, [
      { op: "replace", path: "/content/title/value/0/value", value: "Ny tittel" },
      { op: "add", path: "/searchTags/-", value: { value: "byggesak" } },
      { op: "add", path: "/guiActions/-", value: extra },
      { op: "copy", from: `/guiActions/${before.guiActions.length}/title`, path: `/guiActions/${before.guiActions.length}/prompt` },
    ]);
    expect(r.res.status, r.text).toBe(204);
    const d = dialogOf(await so(B, { token: dibk }));
    expect(d.content.title.value[0]!.value).toBe("Ny tittel");
    expect(d.searchTags).toEqual([{ value: "byggesak" }]);
    expect(d.guiActions).toHaveLength(before.guiActions.length + 1);
    expect(d.guiActions.at(-1)).toMatchObject({ ...extra, prompt: extra.title, httpMethod: "GET", isDeleteDialogAction: false });
    const removed = await patch(B, dibk, [{ op: "remove", path: `/guiActions/${before.guiActions.length}` }]);
    expect(removed.res.status).toBe(204);
    expect(dialogOf(await so(B, { token: dibk })).guiActions).toEqual(before.guiActions);
  });
});

describe("service-owner API: soft delete and restore", () => {
  it("DELETE sets deletedAt: the owner still reads it, changes are 410, restore brings it back", async () => {
    const skd = await ownerToken("skd");
    const VAT = DIALOG_ID.vatReturn;
    expect((await so(VAT, { method: "DELETE", token: skd, headers: { "if-match": "019ad0c2-0000-7000-8000-000000000000" } })).res.status).toBe(412);
    expect((await so(VAT, { method: "DELETE", token: skd })).res.status).toBe(204);
    const deleted = await so(VAT, { token: skd });
    expectValidResponse("serviceowner", "GET", path(VAT), 200, deleted.json);
    expect(dialogOf(deleted).deletedAt).toMatch(/^\d{4}-/);
    const refused = await patch(VAT, skd, [{ op: "replace", path: "/progress", value: 5 }]);
    expect(refused.res.status).toBe(410);
    expect(refused.json).toMatchObject({ code: "dialog_deleted_readonly" });
    expect((await so(VAT, { method: "DELETE", token: skd })).res.status).toBe(410);
    expect((await so(VAT, { method: "POST", rest: "/actions/restore", token: skd })).res.status).toBe(204);
    expect(dialogOf(await so(VAT, { token: skd }))).not.toHaveProperty("deletedAt");
    expect((await patch(VAT, skd, [{ op: "replace", path: "/progress", value: 5 }])).res.status).toBe(204);
  });
});

describe("service-owner API: system labels through the end-user context", () => {
  it("sets, adds and removes labels; Bin and Archive exclude each other; removing Bin falls back to Default", async () => {
    const mdir = await ownerToken("mdir");
    const F = DIALOG_ID.fishingLicence;
    const url = "/endusercontext/systemlabels";
    const context = async () => dialogOf(await so(F, { token: mdir })).endUserContext;
    const first = await context();
    const r = await send("PUT", F, mdir, { addLabels: ["Bin", "MarkedAsUnopened"] }, { rest: url, headers: { "if-match": first.revision } });
    expect(r.res.status, r.text).toBe(204);
    expect(r.res.headers.get("etag")).not.toBe(first.revision);
    expect(await context()).toMatchObject({ systemLabels: ["Bin", "MarkedAsUnopened"] });
    expect(dialogOf(await so(F, { token: mdir })).systemLabel).toBe("Bin");
    await send("PUT", F, mdir, { addLabels: ["Archive"] }, { rest: url });
    expect((await context()).systemLabels).toEqual(["Archive", "MarkedAsUnopened"]);
    await send("PUT", F, mdir, { removeLabels: ["Archive", "MarkedAsUnopened"] }, { rest: url });
    expect((await context()).systemLabels).toEqual(["Default"]);
    await send("PUT", F, mdir, { systemLabels: ["Sent", "Archive", "Bin"] }, { rest: url });
    expect((await context()).systemLabels).toEqual(["Bin", "Sent"]);
    const stale = await send("PUT", F, mdir, { addLabels: ["Bin"] }, { rest: url, headers: { "if-match": first.revision } });
    expect(stale.res.status).toBe(412);
    for (const bad of [{ addLabels: ["Trash"] }, {}, { systemLabels: ["Bin"], addLabels: ["Sent"] }, { addLabels: ["Bin"], removeLabels: ["Bin"] }]) {
      const refused = await send("PUT", F, mdir, bad, { rest: url });
      expect(refused.res.status, JSON.stringify(bad)).toBe(400);
      expectValidResponse("serviceowner", "PUT", path(F, url), 400, refused.json);
    }
    expect((await send("PUT", F, mdir, { addLabels: ["Bin"] }, { rest: `${url}?enduserId=kari` })).res.status).toBe(400);
  });
});

describe("service-owner API: transmissions", () => {
  it("201 with Location; read back with its attachments; the end user sees it", async () => {
    const skd = await ownerToken("skd");
    const body = {
      type: "Decision",
      sender: { actorType: "ServiceOwner" },
      content: { title: { value: nb("Vedtak"), mediaType: "text/plain" } },
      attachments: [{ displayName: nb("Vedtaket"), urls: [{ url: "https://tjenestetilbyder.example/vedtak.pdf", consumerType: "Gui" }] }],
    };
    const r = await send("POST", TAX, skd, body, { rest: "/transmissions" });
    expect(r.res.status, r.text).toBe(201);
    expectValidResponse("serviceowner", "POST", path(TAX, "/transmissions"), 201, r.json ?? JSON.parse(r.text));
    const id = JSON.parse(r.text) as string;
    expect(r.res.headers.get("location")).toMatch(new RegExp(`/transmissions/${id}$`));
    const back = await so(TAX, { rest: `/transmissions/${id}`, token: skd });
    expectValidResponse("serviceowner", "GET", path(TAX, `/transmissions/${id}`), 200, back.json);
    expect(back.json).toMatchObject({ id, type: "Decision", attachments: [{ urls: [{ consumerType: "Gui" }] }] });
    const seen = (await endUser("kari", TAX)).json as unknown as Dialog;
    expect(seen.transmissions.some((t) => t.id === id)).toBe(true);
    const bad = await send("POST", TAX, skd, { ...body, type: "Memo", sender: { actorType: "ServiceOwner", actorName: "Skatt" } }, { rest: "/transmissions" });
    expect(bad.res.status).toBe(400);
    expect(Object.keys(bad.json!.errors as object).sort()).toEqual(["Sender", "Type"]);
    expect((await so(TAX, { rest: "/transmissions/019ad0c2-0000-7000-8000-000000000000", token: skd })).res.status).toBe(404);
  });
});
