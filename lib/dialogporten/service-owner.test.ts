import { describe, expect, it } from "vitest";
import { SERVICE_OWNER_GRANT } from "../altinn/grants";
import { DIALOG_ID } from "../seed/dialogs";
import { PARTY } from "../seed/parties";
import { decodeTrace } from "../shared/trace";
import type { Dialog } from "../altinn/dialog";
import { MAX_ACTIVITIES, uuidv7 } from "./service-owner-patch";
import { claimsOf, dialogOf, serviceOwnerHarness } from "./service-owner.test-helper";

const { sb, base, soUrl, grant, ownerToken, personaToken, so, patch } = serviceOwnerHarness();

async function dialogToken(persona: string, dialogId: string) {
  const res = await fetch(`${base()}/dialogporten/api/v1/enduser/dialogs/${dialogId}`, { headers: { authorization: `Bearer ${await personaToken(persona)}` } });
  return ((await res.json()) as Dialog).dialogToken!;
}

describe("mock Maskinporten: the service-owner grant", () => {
  it("issues a token with the owner's organisation number as consumer and the service-provider scope", async () => {
    const claims = claimsOf(await ownerToken("skd"));
    expect(claims).toMatchObject({
      iss: `${base()}/maskinporten`,
      scope: "digdir:dialogporten.serviceprovider",
      consumer: { authority: "iso6523-actorid-upis", ID: "0192:310003018" },
    });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(120);
  });

  it("refuses unknown owners, other scopes and the grant at ID-porten", async () => {
    expect((await grant("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org: "nav" })).body.error).toBe("invalid_grant");
    expect((await grant("maskinporten", { grant_type: SERVICE_OWNER_GRANT, org: "skd", scope: "digdir:dialogporten" })).body.error).toBe("invalid_scope");
    expect((await grant("id-porten", { grant_type: SERVICE_OWNER_GRANT, org: "skd" })).body.error).toBe("unsupported_grant_type");
  });
});

describe("service-owner API: authentication and authorisation", () => {
  it("refuses a dialog token by name, and end users' tokens for lack of scope", async () => {
    const dt = await dialogToken("kari", DIALOG_ID.taxReturn);
    const withDialogToken = await so(DIALOG_ID.taxReturn, { token: dt });
    expect(withDialogToken.res.status).toBe(401);
    expect(withDialogToken.json).toMatchObject({ code: "dialog_token_not_accepted" });
    expect(withDialogToken.res.headers.get("www-authenticate")).toContain("dialog_token_not_accepted");
    // Service owners come through Maskinporten; an ID-porten login is not one.
    const kari = await so(DIALOG_ID.vatReturn, { token: await personaToken("kari") });
    expect(kari.res.status).toBe(401);
    expect(kari.json).toMatchObject({ code: "untrusted_issuer" });
    const systemUser = await so(DIALOG_ID.vatReturn, { token: await personaToken("system-user", "maskinporten") });
    expect(systemUser.res.status).toBe(403);
    expect(systemUser.json).toMatchObject({ code: "missing_scope" });
  });

  it("403 for another owner's dialog, 401 for junk, 400 for a bad id, 404 for an unknown dialog", async () => {
    const mdir = await ownerToken("mdir");
    const wrong = await so(DIALOG_ID.taxReturn, { token: mdir });
    expect(wrong.res.status).toBe(403);
    expect(wrong.json).toMatchObject({ code: "not_service_owner" });
    expect((await patch(DIALOG_ID.taxReturn, mdir, [{ op: "replace", path: "/status", value: "Completed" }])).res.status).toBe(403);
    expect((await so(DIALOG_ID.fishingLicence, { token: mdir })).res.status).toBe(200);
    for (const authorization of ["", "Bearer", "Bearer x.y.z", "Basic Zm9vOmJhcg==", `Bearer ${"A".repeat(10_000)}`, "Bearer e30.e30.e30"]) {
      const r = await so(DIALOG_ID.taxReturn, { headers: { authorization } });
      expect(r.res.status, authorization.slice(0, 20)).toBe(401);
      expect(r.res.headers.get("content-type")).toBe("application/problem+json");
    }
    const skd = await ownerToken("skd");
    expect((await so("not-a-guid", { token: skd })).res.status).toBe(400);
    expect((await so("019ad0c2-0000-7000-8000-000000000000", { token: skd })).res.status).toBe(404);
  });

  it("serves the owner's view with the revision as ETag, and a trace naming the owner", async () => {
    const r = await so(DIALOG_ID.vatReturn, { token: await ownerToken("skd"), headers: { "sandbox-trace": "on" } });
    expect(r.res.status).toBe(200);
    expect(r.res.headers.get("etag")).toBe(r.json!.revision as string);
    expect(r.json).toMatchObject({ id: DIALOG_ID.vatReturn, org: "skd", process: "urn:sandbox:skd:process:mva-melding-2026-6" });
    expect(r.json).not.toHaveProperty("dialogToken");
    expect(r.text).not.toContain("{sp}");
    const trace = await decodeTrace(r.res.headers.get("sandbox-trace")!);
    expect(trace?.notes).toMatchObject({ serviceOwner: { org: "skd", orgNumber: "310003018" } });
  });
});

describe("service-owner API: JSON Patch and activities", () => {
  it("applies a patch: new revision, updatedAt, activity with the party's name, status and process", async () => {
    const skd = await ownerToken("skd");
    const before = await so(DIALOG_ID.vatReturn, { token: skd });
    const revision = before.json!.revision as string;
    const ops = [
      { op: "test", path: "/process", value: "urn:sandbox:skd:process:mva-melding-2026-6" },
      { op: "add", path: "/activities/-", value: { type: "FormSubmitted", performedBy: { actorType: "PartyRepresentative", actorId: PARTY.ola } } },
      { op: "replace", path: "/status", value: "Awaiting" },
      { op: "replace", path: "/process", value: "urn:sandbox:skd:process:mva-melding-2026-6-korrigert" },
    ];
    const r = await patch(DIALOG_ID.vatReturn, skd, ops, { "if-match": revision });
    expect(r.res.status).toBe(204);
    const etag = r.res.headers.get("etag")!;
    expect(etag).not.toBe(revision);
    const after = await so(DIALOG_ID.vatReturn, { token: skd });
    const d = dialogOf(after);
    expect(d.revision).toBe(etag);
    expect(d).toMatchObject({ status: "Awaiting", process: "urn:sandbox:skd:process:mva-melding-2026-6-korrigert" });
    expect(Date.parse(d.updatedAt)).toBeGreaterThan(Date.parse(dialogOf(before).updatedAt));
    const activity = d.activities.at(-1)!;
    expect(activity).toMatchObject({
      type: "FormSubmitted",
      performedBy: { actorType: "PartyRepresentative", actorId: PARTY.ola, actorName: "Ola Nordmann" },
      description: [],
    });
    expect(activity.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The old revision is stale now: optimistic concurrency.
    const stale = await patch(DIALOG_ID.vatReturn, skd, [{ op: "replace", path: "/status", value: "InProgress" }], { "if-match": revision });
    expect(stale.res.status).toBe(412);
    expect(stale.json).toMatchObject({ code: "revision_mismatch" });
    const failedTest = await patch(DIALOG_ID.vatReturn, skd, [
      { op: "test", path: "/process", value: "urn:sandbox:skd:process:mva-melding-2026-6" },
      { op: "replace", path: "/status", value: "Draft" },
    ]);
    expect(failedTest.res.status).toBe(409);
    expect(dialogOf(await so(DIALOG_ID.vatReturn, { token: skd })).status).toBe("Awaiting");
  });

  it("the end-user view shows the change, with a new token and ETag", async () => {
    const access = await personaToken("ola");
    const get = () => fetch(`${base()}/dialogporten/api/v1/enduser/dialogs/${DIALOG_ID.vatReturn}`, { headers: { authorization: `Bearer ${access}` } });
    const first = await get();
    const d1 = (await first.json()) as Dialog;
    await patch(DIALOG_ID.vatReturn, await ownerToken("skd"), [{ op: "replace", path: "/extendedStatus", value: "Sendt" }]);
    const second = await get();
    const d2 = (await second.json()) as Dialog;
    expect(second.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect(d2.revision).not.toBe(d1.revision);
    expect(d2.extendedStatus).toBe("Sendt");
    expect(claimsOf(d2.dialogToken!).jti).not.toBe(claimsOf(d1.dialogToken!).jti);
  });

  it("refuses bad patches with 4xx problem details naming the field", async () => {
    const skd = await ownerToken("skd");
    const act = (value: Record<string, unknown>) => [
      {
        op: "add",
        path: "/activities/-",
        value: { performedBy: { actorType: "ServiceOwner" }, type: "Information", description: [{ value: "x", languageCode: "nb" }], ...value },
      },
    ];
    const cases: Array<[unknown, number, string]> = [
      ["{not json", 400, "malformed_json"],
      [{ op: "replace" }, 400, "invalid_patch"],
      [[], 400, "invalid_patch"],
      [Array(21).fill({ op: "replace", path: "/status", value: "Draft" }), 400, "invalid_patch"],
      [[{ op: "move", path: "/process" }], 400, "invalid_patch"],
      [[{ op: "copy", from: "/nowhere", path: "/status" }], 400, "patch_path_not_supported"],
      [[{ op: "replace", path: "/org", value: "nav" }], 400, "patch_path_not_supported"],
      [[{ op: "replace", path: "/party", value: PARTY.kari }], 400, "patch_path_not_supported"],
      [[{ op: "replace", path: "/activities/0", value: {} }], 400, "patch_path_not_supported"],
      [[{ op: "remove", path: "/activities/0" }], 400, "patch_path_not_supported"],
      [[{ op: "replace", path: "/status", value: "Open" }], 400, "invalid_dialog"],
      [[{ op: "remove", path: "/status" }], 400, "invalid_dialog"],
      [[{ op: "replace", path: "/status" }], 400, "invalid_patch"],
      [[{ op: "replace", path: "/process", value: "not a uri" }], 400, "invalid_dialog"],
      [[{ op: "replace", path: "/progress", value: 101 }], 400, "invalid_dialog"],
      [[{ op: "replace", path: "/extendedStatus", value: "x".repeat(256) }], 400, "invalid_dialog"],
      [[{ op: "replace", path: "/systemLabel", value: "Bin" }], 400, "patch_path_not_supported"],
      [[{ op: "replace", path: "/content/title", value: null }], 400, "invalid_dialog"],
      [
        [
          {
            op: "add",
            path: "/guiActions/-",
            value: { action: "read", url: "https://x.example", priority: "Primary", title: [{ value: "Ny", languageCode: "nb" }] },
          },
        ],
        400,
        "invalid_dialog",
      ],
      [act({ type: "Sleeping" }), 400, "invalid_activity"],
      [act({ type: "DialogCreated", description: undefined }), 422, "invalid_activity"],
      [act({ extra: 1 }), 400, "invalid_activity"],
      [act({ description: undefined }), 400, "invalid_activity"],
      [act({ type: "FormSubmitted" }), 400, "invalid_activity"],
      [act({ id: "019ad0c2-0000-4000-8000-000000000000" }), 400, "invalid_activity"],
      [act({ createdAt: "2999-01-01T00:00:00Z" }), 400, "invalid_activity"],
      [act({ createdAt: "yesterday" }), 400, "invalid_activity"],
      [act({ extendedType: "not a uri" }), 400, "invalid_activity"],
      [act({ type: "TransmissionOpened", description: undefined }), 400, "invalid_activity"],
      [act({ transmissionId: "019ad0c2-0000-7000-8000-000000000000" }), 422, "invalid_activity"],
      [act({ performedBy: { actorType: "ServiceOwner", actorName: "Skatteetaten" } }), 400, "invalid_activity"],
      [act({ performedBy: { actorType: "PartyRepresentative" } }), 400, "invalid_activity"],
      [act({ performedBy: { actorType: "PartyRepresentative", actorId: "urn:altinn:person:identifier-no:12345678901" } }), 400, "invalid_activity"],
      [act({ performedBy: { actorType: "PartyRepresentative", actorId: "urn:altinn:organization:identifier-no:310001377" } }), 400, "invalid_activity"],
      [act({ performedBy: { actorType: "PartyRepresentative", actorId: PARTY.ola, actorName: "Ola" } }), 400, "invalid_activity"],
      [act({ performedBy: { actorType: "Robot" } }), 400, "invalid_activity"],
      [act({ description: [{ value: "x", languageCode: "norsk" }] }), 400, "invalid_activity"],
      [act({ description: [{ value: "", languageCode: "nb" }] }), 400, "invalid_activity"],
    ];
    const revision = dialogOf(await so(DIALOG_ID.taxReturn, { token: skd })).revision;
    for (const [body, status, code] of cases) {
      const r = await patch(DIALOG_ID.taxReturn, skd, body);
      expect(r.res.status, JSON.stringify(body).slice(0, 120)).toBe(status);
      expect(r.res.headers.get("content-type")).toBe("application/problem+json");
      expect(r.json, JSON.stringify(body).slice(0, 120)).toMatchObject({ code });
    }
    // Nothing above changed the dialog.
    expect(dialogOf(await so(DIALOG_ID.taxReturn, { token: skd })).revision).toBe(revision);
  });

  it("415 for other media types, 413 over the cap, 400 for a malformed If-Match", async () => {
    const skd = await ownerToken("skd");
    const ops = [{ op: "replace", path: "/status", value: "Draft" }];
    expect((await patch(DIALOG_ID.taxReturn, skd, ops, { "content-type": "text/plain" })).res.status).toBe(415);
    expect((await patch(DIALOG_ID.taxReturn, skd, ops, { "content-type": "application/merge-patch+json" })).res.status).toBe(415);
    // Straight to the handler: MSW's interceptor waits for a request body the handler stops reading at the cap.
    const big = JSON.stringify([{ op: "replace", path: "/extendedStatus", value: "x".repeat(140_000) }]);
    const tooLarge = await sb.sandbox.handle(
      new Request(soUrl(DIALOG_ID.taxReturn), {
        method: "PATCH",
        headers: { authorization: `Bearer ${skd}`, "content-type": "application/json-patch+json" },
        body: big,
      }),
    );
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ code: "body_too_large" });
    expect((await patch(DIALOG_ID.taxReturn, skd, ops, { "if-match": "yesterday" })).res.status).toBe(400);
    expect((await so(DIALOG_ID.taxReturn, { method: "POST", token: skd })).res.status).toBe(405);
  });

  it("POST activities: 201 with Location and ETag; the activity can be read back", async () => {
    const skd = await ownerToken("skd");
    const id = uuidv7(Date.now());
    const r = await so(DIALOG_ID.taxReturn, {
      method: "POST",
      rest: "/activities",
      token: skd,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        id,
        type: "Information",
        performedBy: { actorType: "ServiceOwner" },
        description: [{ value: "Vi har mottatt opplysninger fra arbeidsgiver.", languageCode: "nb" }],
      }),
    });
    expect(r.res.status).toBe(201);
    expect(r.text).toBe(JSON.stringify(id));
    expect(r.res.headers.get("location")).toBe(`${base()}/dialogporten/api/v1/serviceowner/dialogs/${DIALOG_ID.taxReturn}/activities/${id}`);
    expect(r.res.headers.get("etag")).toMatch(/^[0-9a-f-]{36}$/);
    const back = await so(DIALOG_ID.taxReturn, { rest: `/activities/${id}`, token: skd });
    expect(back.json).toMatchObject({ id, type: "Information", performedBy: { actorType: "ServiceOwner" } });
    const again = await so(DIALOG_ID.taxReturn, {
      method: "POST",
      rest: "/activities",
      token: skd,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ id, type: "FormSaved", performedBy: { actorType: "ServiceOwner" } }),
    });
    expect(again.res.status).toBe(422);
    expect(again.json).toMatchObject({ code: "activity_id_taken" });
  });

  it("keeps the first and the newest activities when a dialog collects very many", async () => {
    const mdir = await ownerToken("mdir");
    const add = { op: "add", path: "/activities/-", value: { type: "FormSaved", performedBy: { actorType: "PartyRepresentative", actorId: PARTY.emailUser } } };
    for (let i = 0; i < 3; i++) expect((await patch(DIALOG_ID.fishingLicence, mdir, Array(20).fill(add))).res.status).toBe(204);
    const d = dialogOf(await so(DIALOG_ID.fishingLicence, { token: mdir }));
    expect(d.activities).toHaveLength(MAX_ACTIVITIES);
    expect(d.activities[0]!.type).toBe("DialogCreated");
  });
});
