import { describe, expect, it } from "vitest";
import { DIALOG_ID, seedDialogs } from "@/lib/seed/dialogs";
import { personas } from "@/lib/seed/personas";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { arrowsFor } from "./diagram-model";
import { explainExchange } from "../exchange/explain";
import { narrate } from "./narration";
import type { RunData, Step } from "./run-model";
import { advance, authorizationCalls, isFinished, jumpMove, nextMove, previousStep } from "./run-model";
import type { Scenario } from "../scenario/scenario";
import { actionOptions, changeScenario, DEFAULT_SCENARIO, forPersona } from "../scenario/scenario";

const sb = sandboxSuite();

/** Presses "Next step" until the run ends; records which presses made an HTTP call. */
async function walk(scenario: Scenario) {
  let data: RunData | null = null;
  let step: Step = -1;
  const shown: Step[] = [];
  const calls: string[] = [];
  for (;;) {
    const move = nextMove(data, step);
    if (move?.kind === "call") calls.push(move.call);
    const next = await advance(data, step, scenario, sb.context(), sb.sandbox.config.serviceProviderOrigin);
    if (!next) break;
    ({ data, step } = next);
    shown.push(step);
  }
  return { data: data!, step, shown, calls };
}

describe("the run model over the real handlers", () => {
  it("walks the default scenario through steps 0–6, calling out only at steps 0, 1 and 4", async () => {
    const run = await walk(DEFAULT_SCENARIO);
    expect(run.shown).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(run.calls).toEqual(["sign-in", "dialog", "service-provider"]);
    expect(run.data.spExchange?.response?.status).toBe(200);
    expect(authorizationCalls(run.data, 6)).toEqual({ early: 1, late: 0 });
    expect(isFinished(run.data, 6)).toBe(true);
    expect(arrowsFor(run.data, 6, run.data.scenario).filter((a) => a.state === "pending" || a.state === "not-reached")).toEqual([]);
    // Step 0 lists the party's dialogs (Dialogporten's search) before it opens one, on the same arrow.
    expect(run.data.listing?.request.url).toContain(`/dialogporten/api/v1/enduser/dialogs?party=${encodeURIComponent(DEFAULT_SCENARIO.party)}`);
    expect(run.data.listing?.response?.status).toBe(200);
    const getDialog = arrowsFor(run.data, 6, run.data.scenario).find((a) => a.id === "get-dialog")!;
    expect(getDialog.exchanges.map((e) => e.label)).toEqual(["List the party's dialogs (search)", "Get the dialog (and its dialog token)"]);
  });

  it("stops at step 3 when Dialogporten refuses, and says why", async () => {
    const scenario = changeScenario(DEFAULT_SCENARIO, "dialogId", DIALOG_ID.vatReturn);
    const run = await walk(scenario);
    expect(run.shown).toEqual([0, 1, 2, 3]);
    expect(run.data.dialogExchange?.response?.status).toBe(403);
    expect(explainExchange(run.data.dialogExchange!)).toContain("no_access");
    expect(arrowsFor(run.data, 3, run.data.scenario).find((a) => a.id === "sp-request")?.state).toBe("not-reached");
    expect(authorizationCalls(run.data, 3).late).toBeUndefined();
  });

  it("calls a masked action anyway and shows the provider's 403", async () => {
    const base = forPersona("system-user");
    const signer = actionOptions(seedDialogs.find((d) => d.id === base.dialogId)).find((o) => o.label.includes("Signer"))!;
    const run = await walk(changeScenario(base, "action", signer.value));
    expect(run.data.action?.masked).toBe(true);
    expect(run.data.spExchange?.response?.status).toBe(403);
    expect(explainExchange(run.data.spExchange!)).toMatch(/action_not_in_token.*insufficient_scope/);
    expect(arrowsFor(run.data, 6, run.data.scenario).find((a) => a.id === "sp-check")?.state).toBe("failed");
  });

  it("goes back through the steps that exist, never before the first", async () => {
    const run = await walk(DEFAULT_SCENARIO);
    expect(previousStep(run.data, 6)).toBe(5);
    expect(previousStep(run.data, 0)).toBeNull();
    expect(nextMove(run.data, 2)).toEqual({ kind: "reveal", to: 3 });
  });

  it("every scenario the form offers runs, and every narration fits the three-line box", async () => {
    for (const persona of personas) {
      for (const party of persona.parties) {
        const s = changeScenario(forPersona(persona.id), "party", party);
        for (const action of actionOptions(seedDialogs.find((d) => d.id === s.dialogId))) {
          const scenario = changeScenario(s, "action", action.value);
          const run = await walk(scenario);
          expect(run.shown[0], `${persona.id} ${action.label}`).toBe(0);
          for (const step of run.shown) expect(narrate(run.data, step, scenario).length, `${persona.id} step ${step}`).toBeLessThanOrEqual(200);
        }
      }
    }
    // Dozens of full runs: on a shared, loaded machine the default 5 s is not enough.
  }, 30_000);

  it("jumps with number keys: to a step that happened, or by the next real call, never past the run's end", async () => {
    expect(jumpMove(null, -1, 3)).toEqual({ kind: "call", call: "sign-in" });
    expect(jumpMove(null, -1, -1)).toBeNull();
    const run = await walk(DEFAULT_SCENARIO);
    expect(jumpMove(run.data, 6, 2)).toEqual({ kind: "reveal", to: 2 });
    expect(jumpMove(run.data, 1, 5)).toEqual({ kind: "reveal", to: 5 });
    expect(jumpMove(run.data, 4, 4)).toBeNull();
    // Signed in, dialog not fetched yet: a jump to 3 makes the dialog call first.
    const signedIn = { scenario: run.data.scenario, signIn: run.data.signIn, accessToken: run.data.accessToken };
    expect(jumpMove(signedIn, 0, 3)).toEqual({ kind: "call", call: "dialog" });
    expect(jumpMove(signedIn, 0, 0)).toBeNull();
    // Dialogporten refused: steps 4–6 never happen, so a jump there makes no call and shows nothing.
    const refused = await walk(changeScenario(DEFAULT_SCENARIO, "dialogId", DIALOG_ID.vatReturn));
    expect(jumpMove(refused.data, 3, 6)).toBeNull();
    expect(jumpMove(refused.data, 3, 0)).toEqual({ kind: "reveal", to: 0 });
  });

  it("says a write action's prompt before step 4, as the portal asks it, in the dialog's words", async () => {
    const submit = changeScenario(DEFAULT_SCENARIO, "action", "gui:019ad0c2-7000-7a3b-9c4d-000000000102");
    const run = await walk(submit);
    expect(narrate(run.data, 3, submit)).toContain("“Vil du sende inn skattemeldingen nå?”");
    expect(narrate(run.data, 3, submit, "nb")).toContain("«Vil du sende inn skattemeldingen nå?»");
    expect(narrate(run.data, 3, submit).length).toBeLessThanOrEqual(200);
    // The embed has no prompt: the step-3 sentence is the usual one.
    expect(narrate((await walk(DEFAULT_SCENARIO)).data, 3, DEFAULT_SCENARIO)).not.toContain("confirm");
  });
});
