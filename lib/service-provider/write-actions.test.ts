import { describe, expect, it, vi } from "vitest";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import type { Dialog } from "../altinn/dialog";
import { openApiValidator } from "../altinn/openapi.test-helper";
import { getDialog, signIn } from "../end-user-system/calls";
import { runFlow } from "../end-user-system/flow";
import { DIALOG_ID } from "../seed/dialogs";
import { PARTY } from "../seed/parties";
import { findPersona } from "../seed/personas";
import type { PersonaId } from "../seed/personas";
import { decodeText } from "../shared/base64url";
import type { Exchange } from "../shared/trace";

const GUI = {
  taxWrite: "019ad0c2-7000-7a3b-9c4d-000000000102",
  taxDelete: "019ad0c2-7000-7a3b-9c4d-000000000103",
  vatWrite: "019ad0c2-7000-7a3b-9c4d-000000000202",
  vatSign: "019ad0c2-7000-7a3b-9c4d-000000000203",
  vatDelete: "019ad0c2-7000-7a3b-9c4d-000000000204",
  fishingWrite: "019ad0c2-7000-7a3b-9c4d-000000000302",
} as const;

function helpers(sb: ReturnType<typeof sandboxSuite>) {
  const act = (persona: PersonaId, dialogId: string, actionId: string) =>
    runFlow(sb.context(), {
      persona: findPersona(persona)!,
      dialogId,
      action: { kind: "gui", actionId },
      serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
    });
  /** The end user's view of the dialog right now, as the UI would fetch it again after a write. */
  const view = async (persona: PersonaId, dialogId: string) => {
    const login = await signIn(sb.context(false), findPersona(persona)!);
    const got = await getDialog(sb.context(false), login.value!, dialogId);
    return { dialog: got.value!, etag: got.exchange.response!.headers.find(([k]) => k === "etag")?.[1] };
  };
  return { act, view };
}

const sp = (trace: { exchanges: Exchange[] }) => trace.exchanges[2]!;
const labels = (e: Exchange) => e.nested?.exchanges.map((x) => `${x.to}: ${x.request.method} ${x.label}`) ?? [];
const claims = (jwt: string) => JSON.parse(decodeText(jwt.split(".")[1]!)!) as Record<string, unknown>;
const last = (d: Dialog) => d.activities.at(-1)!;

describe("write actions answered 204: the dialog is updated before the answer", () => {
  const sb = sandboxSuite();
  const { act, view } = helpers(sb);

  it("sign is bound to Task_2 and the token carries it, but the provider has the VAT return in Task_1: 422 from its own state", async () => {
    const before = await view("ola", DIALOG_ID.vatReturn);
    const trace = await act("ola", DIALOG_ID.vatReturn, GUI.vatSign);
    const call = sp(trace);
    expect(call.response?.status).toBe(422);
    expect(JSON.parse(call.response!.body!)).toMatchObject({
      code: "dialog_not_in_task",
      currentTask: "urn:altinn:task:Task_1",
      requiredTask: "urn:altinn:task:Task_2",
    });
    // Altinn Authorization permitted the pair: only the provider knows the dialog is not in that task yet.
    expect(claims(trace.dialogToken!).a).toContain("sign,urn:altinn:task:Task_2");
    // Its own state, not Dialogporten, said so: no back-channel call at all.
    expect(labels(call).some((l) => l.includes("service-owner API"))).toBe(false);
    expect((await view("ola", DIALOG_ID.vatReturn)).dialog.revision).toBe(before.dialog.revision);
  });

  it("submits the VAT return: FormSubmitted by the token's c, Awaiting, Task_1 → Task_2 written into the GUI actions, new revision and token", async () => {
    const before = await view("ola", DIALOG_ID.vatReturn);
    const trace = await act("ola", DIALOG_ID.vatReturn, GUI.vatWrite);
    const call = sp(trace);
    expect(call.request.method).toBe("POST");
    expect(call.response?.status).toBe(204);
    expect(call.response?.body).toBe("");
    expect(trace.outcome).toEqual({ ok: true, stoppedAt: 6 });
    // Back channel, nested in the provider's trace (the JWKS is cached since the sign above): its own Maskinporten token, read, then JSON Patch.
    expect(labels(call)).toEqual([
      "id-porten: POST Get the service owner's Maskinporten token (skd)",
      "dialogporten: GET Read the dialog's current state (service-owner API)",
      "dialogporten: PATCH Update the dialog (service-owner API, JSON Patch)",
    ]);
    const patch = call.nested!.exchanges.at(-1)!;
    expect(patch.request.headers).toEqual(
      expect.arrayContaining([
        ["content-type", "application/json-patch+json"],
        ["if-match", before.dialog.revision],
      ]),
    );
    // The provider authenticates as the service owner, never with the dialog token.
    const auth = patch.request.headers.find(([k]) => k === "authorization")![1];
    expect(auth).not.toContain(trace.dialogToken!);
    expect(claims(auth.slice(7))).toMatchObject({ scope: "digdir:dialogporten.serviceprovider", consumer: { ID: "0192:310003018" } });
    expect(patch.nested?.notes).toMatchObject({
      serviceOwner: { org: "skd" },
      changes: ["activity FormSubmitted added", "status → Awaiting", "guiActions replaced"],
    });
    expect(call.nested?.notes).toMatchObject({
      write: {
        mode: "synchronous",
        action: "write",
        effect: { activity: "FormSubmitted", status: "Awaiting", task: { from: "Task_1", to: "Task_2" } },
        revision: { before: before.dialog.revision },
      },
    });
    // Writing touched Dialogporten's service-owner API only: still no call to Altinn Authorization after step 3.
    expect(trace.authorizationCallsAfterToken).toBe(0);

    const after = await view("ola", DIALOG_ID.vatReturn);
    expect(after.dialog.revision).not.toBe(before.dialog.revision);
    // The end-user GET's ETag is the bare revision GUID, as the real one (docs/real-systems.md §9).
    expect(after.etag).toBe(after.dialog.revision);
    // `process` is the business-process id and stays; the task moved in the delete action's attribute.
    expect(after.dialog).toMatchObject({ status: "Awaiting", process: before.dialog.process });
    const attribute = (d: Dialog, id: string) => d.guiActions.find((g) => g.id === id)?.authorizationAttribute;
    expect(attribute(after.dialog, GUI.vatDelete)).toBe("urn:altinn:task:Task_2");
    expect(attribute(after.dialog, GUI.vatSign)).toBe("urn:altinn:task:Task_2");
    expect(last(after.dialog)).toMatchObject({
      type: "FormSubmitted",
      performedBy: { actorType: "PartyRepresentative", actorId: PARTY.ola, actorName: "Ola Nordmann" },
    });
    const [t1, t2] = [claims(before.dialog.dialogToken!), claims(after.dialog.dialogToken!)];
    expect(t2.jti).not.toBe(t1.jti);
    // Altinn Authorization decides on the new task: delete is permitted in Task_1 only, so it left `a`.
    expect(t1.a).toContain("delete,urn:altinn:task:Task_1");
    expect(t2).toMatchObject({
      i: DIALOG_ID.vatReturn,
      c: PARTY.ola,
      p: PARTY.bakery,
      a: "read;sign,urn:altinn:task:Task_2;transmissionread,urn:altinn:subresource:revisjon;write",
    });
  });

  it("caches the service owner's token: the second write asks Maskinporten nothing", async () => {
    const trace = await act("system-user", DIALOG_ID.vatReturn, GUI.vatWrite);
    expect(sp(trace).response?.status).toBe(204);
    expect(labels(sp(trace)).some((l) => l.startsWith("id-porten"))).toBe(false);
    const { dialog } = await view("ola", DIALOG_ID.vatReturn);
    // A system user's dialog token names the vendor in c; that is who acted.
    expect(last(dialog).performedBy).toMatchObject({ actorId: "urn:altinn:organization:identifier-no:310002747", actorName: "Regnskapshuset Sandbox AS" });
  });

  it("delete follows the task: bound to Task_2 now, which no rule permits, so the token lacks it: 403, and nothing changes", async () => {
    const before = await view("ola", DIALOG_ID.vatReturn);
    const trace = await act("ola", DIALOG_ID.vatReturn, GUI.vatDelete);
    const call = sp(trace);
    expect(call.request.method).toBe("DELETE");
    expect(call.response?.status).toBe(403);
    expect(call.response?.headers).toEqual(expect.arrayContaining([["content-type", "application/problem+json"]]));
    expect(JSON.parse(call.response!.body!)).toMatchObject({ code: "action_not_in_token" });
    expect(claims(trace.dialogToken!).a).not.toContain("delete");
    expect((await view("ola", DIALOG_ID.vatReturn)).dialog.revision).toBe(before.dialog.revision);
  });

  it("sign is bound to Task_2: 204 now, SignatureProvided and Completed", async () => {
    const trace = await act("ola", DIALOG_ID.vatReturn, GUI.vatSign);
    expect(sp(trace).response?.status).toBe(204);
    const { dialog } = await view("ola", DIALOG_ID.vatReturn);
    expect(dialog.status).toBe("Completed");
    expect(last(dialog)).toMatchObject({ type: "SignatureProvided", performedBy: { actorId: PARTY.ola } });
    // The process has ended: no GUI action is bound to a task any more.
    expect(dialog.guiActions.map((g) => g.action)).toEqual(["read", "write"]);
    // After three writes the end-user Dialog still validates against the real OpenAPI schema.
    const result = openApiValidator("Dialog")(JSON.parse(JSON.stringify(dialog)));
    expect(result.errors).toEqual([]);
  });

  it("a dialog without a process is Completed on submit (fishing licence, e-mail user)", async () => {
    const trace = await act("email-user", DIALOG_ID.fishingLicence, GUI.fishingWrite);
    expect(sp(trace).response?.status).toBe(204);
    const { dialog } = await view("email-user", DIALOG_ID.fishingLicence);
    expect(dialog.status).toBe("Completed");
    expect(last(dialog)).toMatchObject({ type: "FormSubmitted", performedBy: { actorId: "urn:altinn:person:idporten-email:siri.selvbetjent@example.com" } });
  });

  it("502 problem when Dialogporten's service-owner API cannot be reached; the dialog is untouched", async () => {
    const { http, HttpResponse } = await import("msw");
    sb.server.use(http.all(`${sb.sandbox.config.internal.dialogporten}/dialogporten/api/v1/serviceowner/*`, () => HttpResponse.error()));
    const trace = await act("email-user", DIALOG_ID.fishingLicence, GUI.fishingWrite);
    expect(sp(trace).response?.status).toBe(502);
    expect(JSON.parse(sp(trace).response!.body!)).toMatchObject({ code: "dialogporten_update_failed" });
  });
});

describe("write actions answered 202: the update really happens shortly after", () => {
  const sb = sandboxSuite();
  const { act, view } = helpers(sb);

  it("delete while the tax return is in Task_1: 204, DialogDeleted, and the dialog goes to the Bin", async () => {
    const trace = await act("kari", DIALOG_ID.taxReturn, GUI.taxDelete);
    expect(sp(trace).response?.status).toBe(204);
    const { dialog } = await view("kari", DIALOG_ID.taxReturn);
    expect(dialog.systemLabel).toBe("Bin");
    expect(dialog.endUserContext.systemLabels).toEqual(["Bin"]);
    expect(openApiValidator("Dialog")(JSON.parse(JSON.stringify(dialog))).errors).toEqual([]);
    expect(last(dialog)).toMatchObject({ type: "DialogDeleted", performedBy: { actorId: PARTY.kari } });
  });

  // The "within a second" is the announced applyAfterMs; the test polls without reading a clock.
  it("submit answers 202 at once; a client polling the dialog sees the new revision within a second", async () => {
    const before = await view("kari", DIALOG_ID.taxReturn);
    const trace = await act("kari", DIALOG_ID.taxReturn, GUI.taxWrite);
    const call = sp(trace);
    expect(call.response?.status).toBe(202);
    expect(call.response?.headers).toEqual(expect.arrayContaining([["retry-after", "1"]]));
    expect(call.nested?.notes).toMatchObject({ write: { mode: "queued", applyAfterMs: 500 } });
    // Nothing has happened yet …
    expect((await view("kari", DIALOG_ID.taxReturn)).dialog.revision).toBe(before.dialog.revision);
    // … and then it does, without anyone asking the provider again.
    const after = await vi.waitFor(
      async () => {
        const got = await view("kari", DIALOG_ID.taxReturn);
        expect(got.dialog.revision).not.toBe(before.dialog.revision);
        return got;
      },
      { timeout: 10_000, interval: 100 },
    );
    expect(after.dialog).toMatchObject({ status: "Awaiting", process: before.dialog.process });
    expect(after.dialog.guiActions.find((g) => g.id === GUI.taxDelete)?.authorizationAttribute).toBe("urn:altinn:task:Task_2");
    expect(last(after.dialog)).toMatchObject({ type: "FormSubmitted", performedBy: { actorId: PARTY.kari, actorName: "Kari Nordmann" } });
    expect(claims(after.dialog.dialogToken!).jti).not.toBe(claims(before.dialog.dialogToken!).jti);
  });

  it("delete after the submit: bound to Task_2, which skattemelding-2 does not permit: 403 action_not_in_token", async () => {
    const trace = await act("kari", DIALOG_ID.taxReturn, GUI.taxDelete);
    expect(sp(trace).response?.status).toBe(403);
    expect(JSON.parse(sp(trace).response!.body!)).toMatchObject({ code: "action_not_in_token" });
  });
});
