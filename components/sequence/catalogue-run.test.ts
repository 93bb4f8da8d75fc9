import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { UNREACHABLE_AUTHORIZATION_URL } from "@/lib/dialogporten/faults";
import { findEntry } from "@/lib/catalogue/entries";
import { DIALOG_ID } from "@/lib/seed/dialogs";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { advanceEntry, canRevealMore, entryScenario, extraExchanges } from "./catalogue-run";
import { arrowsFor } from "./diagram-model";
import type { RunData, Step } from "./run-model";

const sb = sandboxSuite();

/** Opens an entry as a link does (at its last step), through the real handlers. */
async function open(id: string, step: Step = 6) {
  const got = await advanceEntry(null, -1, { id, ctx: sb.context(), serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin, step });
  return got!;
}

describe("a catalogue entry in the sequence view", () => {
  it("names the recipe's persona, dialog and action as the scenario", () => {
    const s = entryScenario(findEntry("bare-delete-4043")!);
    expect(s).toMatchObject({ personaId: "kari", dialogId: DIALOG_ID.taxReturn });
    expect(s.action).toMatch(/^gui:/);
  });

  it("puts a refused attack's real exchanges where the diagram reads them and opens at the refusal", async () => {
    const { data, step } = await open("alg-none");
    expect(step).toBe(6);
    expect(data.catalogue?.run?.caughtByCheck).toBe("alg");
    expect(data.spExchange?.response?.status).toBe(401);
    expect(data.spExchange?.request.headers.find(([k]) => k === "authorization")?.[1]).toBe(`Bearer ${data.catalogue?.run?.sentToken}`);
    expect(data.dialog?.dialogToken).toBe(data.catalogue?.run?.issuedToken);
    const check = arrowsFor(data, step, data.scenario).find((a) => a.id === "sp-check")!;
    expect(check).toMatchObject({ state: "failed", detail: "fails: alg_not_allowed" });
  });

  it("only reveals afterwards: from step 0 Next walks the steps the run made, then stops without a call of its own", async () => {
    // Nothing listens at the pdp-down address; MSW stands in for the refused connection.
    sb.server.use(http.all(`${UNREACHABLE_AUTHORIZATION_URL}/*`, () => HttpResponse.error()));
    const { data } = await open("pdp-down", -1);
    let cur: { data: RunData; step: Step } | null = { data, step: 0 };
    const seen: Step[] = [0];
    while (cur && canRevealMore(cur.data, cur.step)) {
      cur = await advanceEntry(cur.data, cur.step, { id: "pdp-down", ctx: sb.context(), serviceProviderOrigin: "http://unused.invalid", step: -1 });
      if (cur) seen.push(cur.step);
    }
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(data.dialogExchange?.response?.status).toBe(502);
    expect(data.actionMissing).toBe(true);
    expect(await advanceEntry(data, 3, { id: "pdp-down", ctx: sb.context(), serviceProviderOrigin: "", step: -1 })).toBeNull();
  });

  it("keeps the entry's extra calls (the donor token, the warm-up) beside the diagram", async () => {
    const { data } = await open("signature-from-another-token");
    expect(extraExchanges(data.catalogue!.run!).map((e) => e.label)).toEqual([expect.stringMatching(/second real token/)]);
  });

  it("runs nothing for an entry a browser cannot send, and names an unknown id", async () => {
    const cookie = await open("token-in-cookie");
    expect(cookie).toMatchObject({ step: -1, data: { catalogue: { id: "token-in-cookie" } } });
    expect(cookie.data.signIn).toBeUndefined();
    expect(canRevealMore(cookie.data, -1)).toBe(false);
    const unknown = await open("no-such-attack");
    expect(unknown.data.catalogue).toEqual({ id: "no-such-attack" });
  });
});
