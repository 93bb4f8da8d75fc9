import { describe, expect, it, vi } from "vitest";
import { DIALOG_ID } from "../seed/dialogs";
import { PARTY } from "../seed/parties";

// The write-action handler alone, its back channel answered by a stub: the queue's bounds and retries, and
// the table of effects (write-actions.test.ts runs the same actions through the whole sandbox).

const GUI = { taxWrite: "019ad0c2-7000-7a3b-9c4d-000000000102" } as const;

describe("write actions: the queue and the effects table", () => {
  it("holds at most maxQueued actions at once; the next one gets 503 write_queue_full", async () => {
    const { ServiceOwnerClient } = await import("./service-owner-client");
    const { createWriteActions, patchFor } = await import("./write-actions");
    const { effectOf } = await import("./tasks");
    const { createRecords } = await import("./records");
    const { seedDialogs } = await import("../seed/dialogs");
    const { serviceResources } = await import("../seed/resources");
    const records = createRecords({ dialogs: seedDialogs, resources: serviceResources });
    const calls: string[] = [];
    const client = new ServiceOwnerClient({
      fetch: async (input, init) => {
        calls.push(`${init?.method ?? "GET"} ${String(input)}`);
        if (String(input).endsWith("/token")) return Response.json({ access_token: "t", expires_in: 120 });
        if (init?.method === "PATCH") return new Response(null, { status: 204, headers: { etag: '"r2"' } });
        return Response.json(seedDialogs[0], { headers: { etag: '"r1"' } });
      },
      now: Date.now,
      idportenUrl: "http://idp.test",
      dialogportenUrl: "http://dp.test",
    });
    const results: unknown[] = [];
    const handler = createWriteActions({
      client,
      records,
      queueDelayMs: 20,
      queued: new Set([GUI.taxWrite]),
      maxQueued: 1,
      onQueuedResult: (r) => results.push(r),
    });
    const dialog = seedDialogs[0]!;
    const input = () => ({
      dialog,
      guiAction: dialog.guiActions[1]!,
      actorId: PARTY.kari,
      trace: { exchanges: [], notes: {} },
      askForTrace: false,
      instance: "/x",
    });
    expect((await handler(input()))?.status).toBe(202);
    const full = (await handler(input()))!;
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ code: "write_queue_full" });
    expect(calls).toEqual([]);
    await vi.waitFor(() => expect(results).toHaveLength(1));
    expect(results).toEqual([{ guiActionId: GUI.taxWrite, dialogId: DIALOG_ID.taxReturn, ok: true, revision: "r2" }]);
    expect(calls.map((c) => c.split(" ")[0])).toEqual(["POST", "GET", "PATCH"]);
    expect((await handler(input()))?.status).toBe(202);

    expect(effectOf("write", dialog, "Task_1")).toEqual({ activity: "FormSubmitted", status: "Awaiting", task: { from: "Task_1", to: "Task_2" } });
    expect(effectOf("write", dialog, "Task_2")).toEqual({ activity: "FormSubmitted", status: "Awaiting" });
    expect(
      effectOf(
        "write",
        seedDialogs.find((d) => d.id === DIALOG_ID.fishingLicence)!,
        null,
      ),
    ).toEqual({ activity: "FormSubmitted", status: "Completed" });
    expect(effectOf("archive", dialog, "Task_1")).toBeUndefined();
    expect(patchFor({ activity: "FormSubmitted", task: { from: "Task_1", to: "Task_2" } }, PARTY.kari, dialog).slice(1)).toEqual([
      { op: "replace", path: "/guiActions/2/authorizationAttribute", value: "urn:altinn:task:Task_2" },
    ]);
    expect(patchFor({ activity: "DialogDeleted", systemLabel: "Bin" }, PARTY.kari, dialog)).toEqual([
      { op: "add", path: "/activities/-", value: { type: "DialogDeleted", performedBy: { actorType: "PartyRepresentative", actorId: PARTY.kari } } },
    ]);
  });
});

describe("a queued write whose back-channel call gets no answer", () => {
  it("is tried again, so the 202 still ends in the change", async () => {
    const { ServiceOwnerClient } = await import("./service-owner-client");
    const { createWriteActions } = await import("./write-actions");
    const { createRecords } = await import("./records");
    const { seedDialogs } = await import("../seed/dialogs");
    const { serviceResources } = await import("../seed/resources");
    let dialogGets = 0;
    const client = new ServiceOwnerClient({
      fetch: async (input, init) => {
        if (String(input).endsWith("/token")) return Response.json({ access_token: "t", expires_in: 120 });
        if (init?.method === "PATCH") return new Response(null, { status: 204, headers: { etag: '"r2"' } });
        // The first read of the dialog never gets an answer (an overloaded Dialogporten).
        if (++dialogGets === 1) throw new TypeError("fetch failed");
        return Response.json(seedDialogs[0], { headers: { etag: '"r1"' } });
      },
      now: Date.now,
      idportenUrl: "http://idp.test",
      dialogportenUrl: "http://dp.test",
    });
    const results: unknown[] = [];
    const records = createRecords({ dialogs: seedDialogs, resources: serviceResources });
    const handler = createWriteActions({ client, records, queueDelayMs: 0, queued: new Set([GUI.taxWrite]), onQueuedResult: (r) => results.push(r) });
    const dialog = seedDialogs[0]!;
    const answer = await handler({
      dialog,
      guiAction: dialog.guiActions[1]!,
      actorId: PARTY.kari,
      trace: { exchanges: [], notes: {} },
      askForTrace: false,
      instance: "/x",
    });
    expect(answer?.status).toBe(202);
    await vi.waitFor(() => expect(results).toHaveLength(1), { timeout: 5000 });
    expect(results).toEqual([{ guiActionId: GUI.taxWrite, dialogId: DIALOG_ID.taxReturn, ok: true, revision: "r2" }]);
    expect(dialogGets).toBe(2);
  });
});
