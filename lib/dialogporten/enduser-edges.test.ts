import { beforeAll, describe, expect, it } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { openApiValidator } from "../altinn/openapi.test-helper";
import type { Dialog } from "../altinn/dialog";
import { signIn } from "../end-user-system/calls";
import { DIALOG_ID, seedDialogs } from "../seed/dialogs";
import { findPersona } from "../seed/personas";
import { WORKSPACE_HEADER } from "../shared/workspace";

const sb = sandboxSuite();
const validDialog = openApiValidator("Dialog");
const validProblem = openApiValidator("ProblemDetails");
let ola: string;
let kari: string;
beforeAll(async () => {
  ola = (await signIn(sb.context(false), findPersona("ola")!)).value!;
  kari = (await signIn(sb.context(false), findPersona("kari")!)).value!;
});

let n = 0;
const fresh = () => `edges-${++n}-${Math.random().toString(36).slice(2, 8)}`;
const get = (workspace: string, id: string, token = ola, headers: Record<string, string> = {}) =>
  fetch(`${sb.sandbox.config.origin}/dialogporten/api/v1/enduser/dialogs/${id}`, {
    headers: { authorization: `Bearer ${token}`, [WORKSPACE_HEADER]: workspace, ...headers },
  });

/** A workspace whose copy of the VAT return has been changed as a service owner would have. */
async function withVat(change: Partial<Dialog>): Promise<string> {
  const workspace = fresh();
  const vat = { ...structuredClone(seedDialogs.find((d) => d.id === DIALOG_ID.vatReturn)!), ...change };
  expect(await sb.sandbox.store.write(workspace, `dialog:${vat.id}`, JSON.stringify(vat), null)).toBe("ok");
  return workspace;
}

async function problem(res: Response) {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  const body = (await res.json()) as Record<string, unknown>;
  expect(validProblem(body).errors).toEqual([]);
  return body;
}

const HOUR = 3_600_000;
type Seen = Omit<Dialog, "seenSinceLastUpdate"> & { seenSinceLastUpdate: { id: string; isCurrentEndUser: boolean; seenBy: { actorId: string } }[] };

describe("the end-user dialog GET at the real API's edges", () => {
  it("writes its error bodies as the real one: RFC 7231 type, its title, the errors dictionary, traceId, the request path", async () => {
    const id = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8cff";
    const body = await problem(await get(fresh(), id));
    expect(body).toEqual({
      type: "https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.4",
      title: "Resource not found.",
      status: 404,
      instance: `/api/v1/enduser/dialogs/${id}`,
      errors: { DialogEntity: [`Entity 'DialogEntity' with the following key(s) was not found: (${id}).`] },
      traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/) as unknown,
      code: "dialog_not_found",
    });
    const bad = await problem(await get(fresh(), "nope"));
    expect(bad).toMatchObject({
      status: 400,
      title: "One or more validation errors occurred.",
      errors: { dialogId: ["Value [nope] is not valid for a [Guid] property!"] },
    });
  });

  it("403 'Forbidden.' with the reason in errors.Forbidden", async () => {
    const body = await problem(await get(fresh(), DIALOG_ID.taxReturn));
    expect(body).toMatchObject({ status: 403, title: "Forbidden.", errors: { Forbidden: ["Forbidden"] }, code: "no_access" });
  });

  it("410 for a deleted dialog, after the access check", async () => {
    const workspace = await withVat({ deletedAt: "2026-11-21T10:00:00.000Z" });
    const res = await get(workspace, DIALOG_ID.vatReturn);
    expect(res.status).toBe(410);
    expect(await problem(res)).toMatchObject({ title: "Resource no longer available.", code: "dialog_deleted" });
    // Someone without access learns nothing: still 403, not 410.
    expect((await get(workspace, DIALOG_ID.vatReturn, kari)).status).toBe(403);
  });

  it("404 with Expires before visibleFrom; 404 after expiresAt", async () => {
    const visibleFrom = new Date(Date.now() + 48 * HOUR).toISOString();
    const hidden = await get(await withVat({ visibleFrom }), DIALOG_ID.vatReturn);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get("expires")).toBe(new Date(visibleFrom).toUTCString());
    expect(await problem(hidden)).toMatchObject({
      code: "dialog_not_visible",
      errors: { DialogEntity: [`Dialog is not visible until ${visibleFrom.slice(0, 19)}`] },
    });

    const expiresAt = new Date(Date.now() - HOUR).toISOString();
    const gone = await get(await withVat({ expiresAt }), DIALOG_ID.vatReturn);
    expect(gone.status).toBe(404);
    expect(gone.headers.get("expires")).toBeNull();
    expect(await problem(gone)).toMatchObject({ code: "dialog_expired", errors: { DialogEntity: [`Dialog expired at ${expiresAt.slice(0, 19)}`] } });
  });

  it("masks expired attachment URLs as urn:dialogporten:expired and keeps live ones", async () => {
    const past = new Date(Date.now() - HOUR).toISOString();
    const future = new Date(Date.now() + HOUR).toISOString();
    const attachment = (id: string, expiresAt: string) => ({
      id,
      displayName: [{ value: "Vedlegg", languageCode: "nb" }],
      urls: [{ id: id.replace(/.$/, "f"), url: "https://example.com/a.pdf", mediaType: "application/pdf", consumerType: "Gui" as const }],
      expiresAt,
    });
    const workspace = await withVat({
      attachments: [attachment("019ad0c2-7000-7a3b-9c4d-0000000009a1", past), attachment("019ad0c2-7000-7a3b-9c4d-0000000009a2", future)],
    });
    const dialog = (await (await get(workspace, DIALOG_ID.vatReturn)).json()) as Dialog;
    expect(dialog.attachments.map((a) => a.urls[0]!.url)).toEqual(["urn:dialogporten:expired", "https://example.com/a.pdf"]);
    expect(validDialog(dialog).errors).toEqual([]);
  });

  it("records the sighting and returns it: isCurrentEndUser per caller, once per user, in its own workspace", async () => {
    const workspace = fresh();
    const first = (await (await get(workspace, DIALOG_ID.vatReturn)).json()) as Seen;
    expect(validDialog(first).errors).toEqual([]);
    expect(first.isContentSeen).toBe(true);
    expect(first.hasUnopenedContent).toBe(true);
    expect(first.seenSinceLastUpdate).toHaveLength(1);
    expect(first.seenSinceLastUpdate[0]).toMatchObject({ isCurrentEndUser: true, seenBy: { actorType: "PartyRepresentative", actorName: "Ola Nordmann" } });
    // Person numbers are masked as the real IdentifierMasker does.
    expect(first.seenSinceLastUpdate[0]!.seenBy.actorId).toMatch(/^urn:altinn:person:identifier-ephemeral:[0-9a-f]{10}$/);
    const again = (await (await get(workspace, DIALOG_ID.vatReturn)).json()) as typeof first;
    expect(again.seenSinceLastUpdate.map((s) => s.id)).toEqual(first.seenSinceLastUpdate.map((s) => s.id));
    // Another workspace has seen nothing.
    const other = (await (await get(fresh(), DIALOG_ID.vatReturn)).json()) as typeof first;
    expect(other.seenSinceLastUpdate).toHaveLength(1);
    expect(other.seenSinceLastUpdate[0]!.id).not.toBe("");
  });

  it("filters localizations by Accept-Language as the real does, falling back to English, then Bokmål", async () => {
    const workspace = await withVat({
      content: {
        ...seedDialogs.find((d) => d.id === DIALOG_ID.vatReturn)!.content,
        title: {
          mediaType: "text/plain",
          value: [
            { value: "Skattemelding for merverdiavgift", languageCode: "nb" },
            { value: "VAT return", languageCode: "en" },
          ],
        },
      },
    });
    const title = async (lang?: string) =>
      ((await (await get(workspace, DIALOG_ID.vatReturn, ola, lang ? { "accept-language": lang } : {})).json()) as Dialog).content.title.value;
    expect(await title("nb-NO, en;q=0.5")).toEqual([{ value: "Skattemelding for merverdiavgift", languageCode: "nb" }]);
    expect(await title("de-DE")).toEqual([{ value: "VAT return", languageCode: "en" }]);
    expect(await title("sv")).toEqual([{ value: "Skattemelding for merverdiavgift", languageCode: "nb" }]);
    expect(await title()).toHaveLength(2);
  });

  it("writes values as the real: lower-case serviceResourceType, .NET round-trip dates, ServiceOwner actors without name or id", async () => {
    const dialog = (await (await get(fresh(), DIALOG_ID.vatReturn)).json()) as Dialog;
    expect(validDialog(dialog).errors).toEqual([]);
    expect(dialog.serviceResourceType).toBe("genericaccessresource");
    for (const at of [dialog.createdAt, dialog.updatedAt, dialog.contentUpdatedAt, dialog.activities[0]!.createdAt])
      expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    for (const actor of [...dialog.activities.map((a) => a.performedBy), ...dialog.transmissions.map((t) => t.sender)].filter(
      (a) => a.actorType === "ServiceOwner",
    )) {
      expect(actor).toEqual({ actorType: "ServiceOwner" });
    }
  });
});

describe("a Maskinporten token with a supplier", () => {
  it("puts the supplier in the dialog token's u claim, between o and l", async () => {
    const at = (await signIn(sb.context(false), findPersona("supplier-system-user")!)).value!;
    const dialog = (await (await get(fresh(), DIALOG_ID.vatReturn, at)).json()) as Dialog;
    const claims = JSON.parse(Buffer.from(dialog.dialogToken!.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;
    expect(claims.u).toBe("urn:altinn:organization:identifier-no:310003506");
    expect(Object.keys(claims).slice(1, 6)).toEqual(["c", "y", "o", "u", "l"]);
    const plain = (await signIn(sb.context(false), findPersona("system-user")!)).value!;
    const without = (await (await get(fresh(), DIALOG_ID.vatReturn, plain)).json()) as Dialog;
    expect(JSON.parse(Buffer.from(without.dialogToken!.split(".")[1]!, "base64url").toString())).not.toHaveProperty("u");
  });
});
