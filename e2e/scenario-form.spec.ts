import { expect, test } from "./fixtures";

const OLA = "Ola Nordmann · ID-porten";

test.describe("the scenario form offers what can happen, and says why when it cannot", () => {
  // Eight engineers share two cores while these run; the budget is about the machine, not the page.
  test.beforeEach(() => test.slow());

  test("Ola and his building application: the form says step 3 refuses (level 3 < 4), offers no action, and the run stops there", async ({
    sequence,
    scenarioForm,
    wire,
  }) => {
    await sequence.goto();
    await sequence.chooseScenario({ persona: OLA, party: "Ola Nordmann", dialog: /^Byggesøknad/ });
    await scenarioForm.expectOutlook("level 3 (substantial)", "level 4 (high)", "403 (authentication_level_too_low)", "choose it to see the refusal");
    await expect(scenarioForm.action).toBeDisabled();
    await expect(scenarioForm.action).toContainText("None: no action here sends a dialog token");
    await scenarioForm.expectOutlook("plain links (GET)");

    await sequence.runAll.click();
    await sequence.expectStep(3);
    const got = await wire.lastDialog();
    expect(got.status).toBe(403);
    expect(JSON.parse(got.body)).toMatchObject({ code: "authentication_level_too_low" });
    expect(await wire.to(/\/service-provider\//)).toHaveLength(0);
  });

  test("the dialogs Dialogporten will refuse are grouped apart and labelled with their status; the reasons name the missing role", async ({
    sequence,
    scenarioForm,
  }) => {
    await sequence.goto();
    await sequence.chooseScenario({ persona: OLA });
    expect(await scenarioForm.group(scenarioForm.dialog, "Dialogporten issues a token")).toEqual([expect.stringMatching(/^MVA-melding/)]);
    const refused = await scenarioForm.group(scenarioForm.dialog, "Step 3 refuses (choose one to see why)");
    expect(refused).toHaveLength(4);
    for (const label of refused) expect(label).toMatch(/— (403|410) at step 3$/);
    // The soft-deleted VAT return: Ola may read it, but Dialogporten answers 410.
    expect(refused.filter((l) => l.startsWith("Slettet:"))).toEqual([expect.stringMatching(/— 410 at step 3$/)]);

    await sequence.chooseScenario({ persona: "Kari Nordmann · ID-porten", dialog: /^MVA-melding/ });
    await scenarioForm.expectOutlook("Kari Nordmann has no role or access package for Sandbox Bakeri AS", "403 (no_access)");
    expect(await scenarioForm.group(scenarioForm.action, "Not reached: step 3 refuses first")).not.toHaveLength(0);
  });

  test("an action outside the token is offered as a step-6 refusal, and the run gives exactly that", async ({ sequence, scenarioForm, wire }) => {
    await sequence.goto();
    await sequence.chooseScenario({ persona: "Regnskapssystem (system user) · Maskinporten", dialog: /^MVA-melding/ });
    const outside = await scenarioForm.group(scenarioForm.action, "Not in the token: step 6 refuses with 403");
    expect(outside.some((l) => l.includes("“Signer”"))).toBe(true);
    const inside = await scenarioForm.group(scenarioForm.action, "In the dialog token");
    expect(inside.some((l) => l.includes("“Signer”"))).toBe(false);

    await sequence.chooseScenario({ action: /“Signer”/ });
    await scenarioForm.expectOutlook("not in the token", "403 (action_not_in_token) at step 6");
    await sequence.runAll.click();
    await sequence.expectStep(6);
    const sp = (await wire.to(/\/service-provider\//)).at(-1)!;
    expect(sp.status).toBe(403);
    expect(JSON.parse(sp.body)).toMatchObject({ code: "action_not_in_token" });
  });

  test("in Norwegian", async ({ page, scenarioForm }) => {
    await page.goto("/?lang=nb");
    await expect(page.getByLabel("Persona (hvem logger inn)")).toBeEnabled();
    await page.getByLabel("Persona (hvem logger inn)").selectOption({ label: OLA });
    await page.getByLabel("Aktør (på vegne av hvem)").selectOption({ label: "Ola Nordmann" });
    await scenarioForm.expectOutlook("logger inn på nivå 3 (betydelig)", "steg 3 avviser med 403 (authentication_level_too_low)");
    await expect(page.getByLabel("Handling hos tjenestetilbyderen")).toContainText("Ingen: ingen handling her sender et dialogtoken");
  });
});
