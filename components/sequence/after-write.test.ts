import { describe, expect, it } from "vitest";
import type { Dialog } from "@/lib/altinn/dialog";
import { SERVICE_OWNER_GRANT } from "@/lib/altinn/grants";
import type { EndUserSystemContext } from "@/lib/end-user-system/calls";
import { getDialog, signIn } from "@/lib/end-user-system/calls";
import { DIALOG_ID } from "@/lib/seed/dialogs";
import { findPersona } from "@/lib/seed/personas";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { fetchAfterWrite } from "./after-write";
import { arrowsFor } from "./diagram-model";
import { DEFAULT_SCENARIO } from "../scenario/scenario";

const sb = sandboxSuite();
const kari = findPersona("kari")!;
let changes = 0;

/** The service owner's change, as a queued write action makes it after its 202. */
async function ownerChanges(dialogId: string) {
  const form = new URLSearchParams({ grant_type: SERVICE_OWNER_GRANT, org: "skd" });
  const grant = await fetch(`${sb.sandbox.config.origin}/maskinporten/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form.toString(),
  });
  const { access_token } = (await grant.json()) as { access_token: string };
  const res = await fetch(`${sb.sandbox.config.origin}/dialogporten/api/v1/serviceowner/dialogs/${dialogId}`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${access_token}`, "content-type": "application/json-patch+json" },
    body: JSON.stringify([{ op: "replace", path: "/extendedStatus", value: `Sendt ${++changes}` }]),
  });
  expect(res.status).toBe(204);
}

async function start(ctx: EndUserSystemContext) {
  const accessToken = (await signIn(ctx, kari)).value!;
  const before = (await getDialog(ctx, accessToken, DIALOG_ID.taxReturn)).value!;
  return { ctx, persona: kari, accessToken, dialogId: DIALOG_ID.taxReturn, before, mode: "poll" as const };
}

/** A context whose first dialog GET is answered before the service owner's change lands, which then does. */
function changeAfterFirstGet(): EndUserSystemContext {
  let gets = 0;
  const ctx = sb.context();
  return {
    ...ctx,
    fetch: async (input, init) => {
      const res = await ctx.fetch(input, init);
      if (String(input).includes("/enduser/dialogs/") && ++gets === 2) await ownerChanges(DIALOG_ID.taxReturn);
      return res;
    },
  };
}

describe("after a 202 the end-user system follows the dialog through the GraphQL subscription", () => {
  it("waits for DIALOG_UPDATED, then fetches the changed dialog once", async () => {
    const input = await start(changeAfterFirstGet());
    const { after } = await fetchAfterWrite(input);
    expect(after.state).toBe("changed");
    expect(after.live).toMatchObject({ state: "event", event: { id: DIALOG_ID.taxReturn, type: "DIALOG_UPDATED" } });
    expect(after.live?.exchange.response?.status).toBe(200);
    // One GET right after subscribing (still the old revision), one after the event: no polling.
    expect(after.fetches).toHaveLength(2);

    // The diagram draws the event arriving from Dialogporten at the end-user system.
    const data = { scenario: DEFAULT_SCENARIO, spExchange: after.fetches[0], after };
    const arrow = arrowsFor(data, 6, DEFAULT_SCENARIO).find((a) => a.id === "dp-event")!;
    expect(arrow).toMatchObject({ from: "dialogporten", to: "end-user-system", state: "done", title: "Dialog event arrives" });
    expect(arrow.detail).toBe("POST /dialogporten/graphql · 200 · DIALOG_UPDATED");
    const without = arrowsFor({ ...data, after: { ...after, live: undefined } }, 6, DEFAULT_SCENARIO).find((a) => a.id === "dp-event")!;
    expect(without.state).toBe("no-call");
    // In Norwegian: the arrow's words, not GraphQL's event type.
    const nb = arrowsFor(data, 6, DEFAULT_SCENARIO, "nb").find((a) => a.id === "dp-event")!;
    expect(nb).toMatchObject({ title: "Dialoghendelsen kommer", detail: "POST /dialogporten/graphql · 200 · DIALOG_UPDATED" });
    const waiting = arrowsFor({ ...data, after: { ...after, live: { ...after.live!, state: "listening", event: undefined } } }, 6, DEFAULT_SCENARIO, "nb");
    expect(waiting.find((a) => a.id === "dp-event")).toMatchObject({
      title: "Dialoghendelse (abonnement)",
      detail: "POST /dialogporten/graphql · 200 · lytter",
    });
    expect(arrowsFor(null, -1, DEFAULT_SCENARIO, "nb").find((a) => a.id === "dp-event")).toMatchObject({
      title: "Dialoghendelse (abonnement)",
      detail: "dialogEvents over SSE, etter en 202",
    });
  });

  it("falls back to polling when Dialogporten refuses the subscription", async () => {
    const input = await start(sb.context());
    await ownerChanges(DIALOG_ID.taxReturn);
    const before: Dialog = { ...input.before, dialogToken: input.accessToken };
    const { after } = await fetchAfterWrite({ ...input, before }, { sleep: async () => {} });
    expect(after.live).toMatchObject({ state: "refused" });
    expect(after.live?.exchange.response?.status).toBe(401);
    expect(after.state).toBe("changed");
  });

  it("gives up after 10 s without an event", async () => {
    const input = await start(sb.context());
    let clock = Date.now();
    const { after } = await fetchAfterWrite(input, {
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    expect(after.state).toBe("gave-up");
    expect(after.live?.state).toBe("listening");
    expect(after.fetches).toHaveLength(1);
  });
});
