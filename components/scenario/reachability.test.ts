import { describe, expect, it } from "vitest";
import { runFlow } from "@/lib/end-user-system/flow";
import { problemCode } from "@/lib/end-user-system/flow";
import { seedDialogs } from "@/lib/seed/dialogs";
import { personas } from "@/lib/seed/personas";
import { policies } from "@/lib/seed/policies";
import { DIALOG_ID } from "@/lib/seed/dialogs";
import { WORKSPACES_PATH } from "@/lib/sandbox-api/workspaces";
import { decodeText } from "@/lib/shared/base64url";
import { sandboxSuite } from "@/mocks/sandbox-suite";
import { actionChoices, dialogChoices } from "./choices";
import { grants, predictStep3, step3Status } from "./reachability";
import { actionOptions, decodeChoice } from "./scenario";

const sb = sandboxSuite();

/** Every persona × party × dialog × action the form can offer; a dialog without actions still runs (its run stops before step 4). */
const COMBINATIONS = personas.flatMap((persona) =>
  persona.parties.flatMap((party) =>
    seedDialogs.flatMap((dialog) => {
      const offered = actionOptions(dialog).map((o) => ({ value: o.value, needs: o.needs as typeof o.needs | null }));
      return (offered.length > 0 ? offered : [{ value: "embed", needs: null }]).map((action) => ({ persona, party, dialog, action }));
    }),
  ),
);

const claimsOf = (token: string) => JSON.parse(decodeText(token.split(".")[1]!)!) as { a?: string };

describe("what the form offers is what the run does (every combination, over the real handlers)", () => {
  it("covers the 90 combinations with an action (54 of them refused at step 3) and the 12 without one", () => {
    const withAction = COMBINATIONS.filter((c) => c.action.needs);
    expect(withAction).toHaveLength(90);
    expect(withAction.filter((c) => !predictStep3(c.persona, c.dialog).passes)).toHaveLength(54);
    expect(COMBINATIONS).toHaveLength(102);
  });

  it.each(
    COMBINATIONS.map(
      (c, i) => [`${c.persona.id} · ${c.party.split(":").at(-1)} · ${c.dialog.content.title.value[0]!.value} · ${c.action.value}`, c, i] as const,
    ),
  )(
    "%s",
    async (_name, c, i) => {
      const step3 = predictStep3(c.persona, c.dialog);
      const ctx = { ...sb.context(false), workspace: `reach-${i}` };
      const trace = await runFlow(ctx, {
        persona: c.persona,
        dialogId: c.dialog.id,
        action: decodeChoice(c.action.value),
        serviceProviderOrigin: sb.sandbox.config.serviceProviderOrigin,
      });
      const got = trace.exchanges[1]!;
      if (!step3.passes) {
        // Labelled refused: Dialogporten answers at step 3 with the status and code the form names.
        expect(got.response?.status).toBe(step3Status(step3));
        expect(problemCode(got)).toBe(step3.code);
        expect(trace.outcome).toMatchObject({ ok: false, stoppedAt: 3 });
        return;
      }
      // Labelled reachable: step 3 passes and hands out a token.
      expect(got.response?.status).toBe(200);
      expect(trace.dialogToken).toBeTruthy();
      const needs = c.action.needs!;
      const pair = needs.attribute === "main" ? needs.name : `${needs.name},${needs.attribute}`;
      const a = (claimsOf(trace.dialogToken!).a ?? "").split(";");
      const sp = trace.exchanges[2]!;
      if (grants(step3, needs)) {
        expect(a).toContain(pair);
        expect(problemCode(sp)).not.toBe("action_not_in_token");
      } else {
        // Labelled "not in the token": the service provider refuses it at step 6 with 403.
        expect(a).not.toContain(pair);
        expect(sp.response?.status).toBe(403);
        expect(trace.outcome).toMatchObject({ ok: false, stoppedAt: 6, code: "action_not_in_token" });
      }
    },
    30_000,
  );
});

describe("the form's groups and reasons", () => {
  const ola = personas.find((p) => p.id === "ola")!;
  const building = seedDialogs.find((d) => d.content.title.value[0]!.value.startsWith("Byggesøknad"))!;

  it("lists every dialog once, reachable ones first, and labels the refused with 403", () => {
    const { reachable, refused } = dialogChoices(ola, ola.parties[0]!);
    expect(reachable.length + refused.length).toBe(seedDialogs.length);
    expect(reachable.every((c) => c.step3.passes)).toBe(true);
    expect(refused.every((c) => !c.step3.passes && c.text.en.includes(String(step3Status(c.step3))) && c.text.nb.includes(String(step3Status(c.step3))))).toBe(
      true,
    );
  });

  it("says why Ola's building application is refused: his level is below the service's", () => {
    const step3 = predictStep3(ola, building);
    expect(step3).toEqual({ passes: false, code: "authentication_level_too_low", level: 3, required: 4 });
    expect(actionChoices(ola, building)).toMatchObject({ granted: [], refused: [] });
  });

  it("names the missing role when the persona has none for the dialog's party", () => {
    const kari = personas.find((p) => p.id === "kari")!;
    expect(predictStep3(kari, building)).toMatchObject({ passes: false, code: "no_access", reason: "no_roles" });
  });
});

describe("predictions follow the workspace's policies", () => {
  const kari = personas.find((p) => p.id === "kari")!;
  const ola = personas.find((p) => p.id === "ola")!;
  const taxReturn = seedDialogs.find((d) => d.id === DIALOG_ID.taxReturn)!;
  const vatReturn = seedDialogs.find((d) => d.id === DIALOG_ID.vatReturn)!;
  const submit = actionOptions(taxReturn).find((o) => o.label.includes("Bekreft og send inn"))!;
  const edited = structuredClone(policies);
  edited.find((p) => p.resource === "sandbox-skattemelding")!.rules.find((r) => r.id === "skattemelding-1")!.actions = ["read"];
  edited.find((p) => p.resource === "sandbox-mva-melding")!.minimumAuthenticationLevel = 4;

  it("an edited document moves Kari's submit out of the token and refuses Ola's VAT return for his level; the seed's does not", () => {
    expect(grants(predictStep3(kari, taxReturn), submit.needs)).toBe(true);
    expect(grants(predictStep3(kari, taxReturn, edited), submit.needs)).toBe(false);
    expect(actionChoices(kari, taxReturn, edited).refused.map((o) => o.value)).toContain(submit.value);
    expect(predictStep3(ola, vatReturn).passes).toBe(true);
    expect(predictStep3(ola, vatReturn, edited)).toEqual({ passes: false, code: "authentication_level_too_low", level: 3, required: 4 });
    expect(dialogChoices(ola, ola.parties[0]!, edited).refused.map((c) => c.value)).toContain(vatReturn.id);
  });

  it("and the run in a workspace holding that document does what the prediction says", async () => {
    const put = await fetch(`${sb.sandbox.config.origin}${WORKSPACES_PATH}/reach-edited/policies`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ policies: edited }),
    });
    expect(put.status).toBe(200);
    const ctx = { ...sb.context(false), workspace: "reach-edited" };
    const origin = sb.sandbox.config.serviceProviderOrigin;
    const submitted = await runFlow(ctx, { persona: kari, dialogId: taxReturn.id, action: decodeChoice(submit.value), serviceProviderOrigin: origin });
    expect(claimsOf(submitted.dialogToken!).a?.split(";")).not.toContain("write");
    expect(submitted.outcome).toMatchObject({ ok: false, stoppedAt: 6, code: "action_not_in_token" });
    const refused = await runFlow(ctx, { persona: ola, dialogId: vatReturn.id, action: { kind: "embed" }, serviceProviderOrigin: origin });
    expect(problemCode(refused.exchanges[1]!)).toBe("authentication_level_too_low");
  });
});
