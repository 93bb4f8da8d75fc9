import { describe, expect, it } from "vitest";
import { MemoryEventChannel } from "../store/events";
import { DialogEvents } from "./events";

const DIALOG = "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c9d";

describe("DialogEvents", () => {
  it("delivers a dialog's events to its subscribers in their workspace only, in order", async () => {
    const events = new DialogEvents(new MemoryEventChannel());
    const a = await events.subscribe("ws-a", DIALOG);
    await events.publish("ws-b", { id: DIALOG, type: "DIALOG_UPDATED" });
    await events.publish("ws-a", { id: "019ad0c2-6f1e-7a3b-9c4d-2e5f6a7b8c00", type: "DIALOG_UPDATED" });
    // Upper case on the wire is the same dialog (the real UUID scalar ignores case).
    await events.publish("ws-a", { id: DIALOG.toUpperCase(), type: "DIALOG_DELETED" });
    // Had B's event or the other dialog's leaked, it would come first.
    expect(await a.next()).toEqual({ done: false, value: { id: DIALOG, type: "DIALOG_DELETED" } });
  });

  it("stops listening when the subscriber leaves, also while it waits", async () => {
    const channel = new MemoryEventChannel();
    const events = new DialogEvents(channel);
    const a = await events.subscribe("default", DIALOG);
    const waiting = a.next();
    await a.return!();
    expect(await waiting).toEqual({ done: true, value: undefined });
    expect(channel.size).toBe(0);
  });

  it("ignores a message that is not an event payload", async () => {
    const channel = new MemoryEventChannel();
    const a = await new DialogEvents(channel).subscribe("default", DIALOG);
    await channel.publish(`dialogevents:default:${DIALOG}`, "not json");
    await channel.publish(`dialogevents:default:${DIALOG}`, JSON.stringify({ id: DIALOG, type: "DIALOG_CREATED" }));
    await channel.publish(`dialogevents:default:${DIALOG}`, JSON.stringify({ id: DIALOG, type: "DIALOG_UPDATED" }));
    expect((await a.next()).value).toEqual({ id: DIALOG, type: "DIALOG_UPDATED" });
  });
});
