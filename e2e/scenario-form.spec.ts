import { SERVICE_OWNER_GRANT } from "../lib/altinn/grants";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { PARTY } from "../lib/seed/parties";
import { RESOURCE } from "../lib/seed/resources";
import { APP_ORIGIN } from "../playwright.config";
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
    for (const label of refused) expect(label).toMatch(/— (deleted: )?(403|410) at step 3$/);
    // The soft-deleted VAT return: Ola may read it, but Dialogporten answers 410, and the list says it is deleted.
    expect(refused.filter((l) => l.startsWith("Slettet:"))).toEqual([expect.stringMatching(/— deleted: 410 at step 3$/)]);

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

  test("the dialogs are what Dialogporten's search lists in the browser's workspace: a created one appears and runs, one in the Bin says so", async ({
    page,
    sequence,
    scenarioForm,
    wire,
  }) => {
    const workspace = `e2e-picker-${Math.random().toString(36).slice(2, 10)}`;
    const form = new URLSearchParams({ grant_type: SERVICE_OWNER_GRANT, org: "skd" });
    const skd = ((await (await fetch(`${APP_ORIGIN}/maskinporten/token`, { method: "POST", body: form })).json()) as { access_token: string }).access_token;
    const owner = (path: string, method: string, body: unknown) =>
      fetch(`${APP_ORIGIN}/dialogporten/api/v1/serviceowner/dialogs${path}`, {
        method,
        headers: { authorization: `Bearer ${skd}`, "sandbox-workspace": workspace, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const title = { value: [{ value: "Workshopens egen dialog", languageCode: "nb" }], mediaType: "text/plain" };
    expect((await owner("", "POST", { serviceResource: RESOURCE.taxReturn, party: PARTY.kari, status: "InProgress", content: { title } })).status).toBe(201);
    expect((await owner(`/${DIALOG_ID.taxReturn}/endusercontext/systemlabels`, "PUT", { addLabels: ["Bin"] })).status).toBe(204);

    await page.addInitScript((w) => localStorage.setItem("sandbox-workspace", w), workspace);
    await sequence.goto();
    const reachable = () => scenarioForm.group(scenarioForm.dialog, "Dialogporten issues a token");
    await expect.poll(reachable).toContain("Workshopens egen dialog (Kari Nordmann)");
    expect(await reachable()).toContain("Skattemelding for 2026 (Kari Nordmann) — in the Bin");
    const search = (await wire.to(/\/dialogporten\/api\/v1\/enduser\/dialogs\?/)).at(-1)!;
    expect(search.url).toContain(`party=${encodeURIComponent(PARTY.kari)}`);

    await sequence.chooseScenario({ dialog: "Workshopens egen dialog (Kari Nordmann)" });
    await sequence.runAll.click();
    await sequence.expectStep(3);
    // Step 0 lists the party's dialogs before it opens one: the search is in the log of the arrow to Dialogporten.
    await sequence.arrow(0, "Dialogporten").click();
    await expect(sequence.exchange("Exchange: List the party's dialogs (search)")).toContainText("200");
    const got = await wire.lastDialog();
    expect(got.status).toBe(200);
    expect(got.dialog.id).not.toBe(DIALOG_ID.taxReturn);
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
