import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { PolicyPage, RESOURCE_TITLE } from "./policy-page";
import { SequencePage } from "./sequence-page";

const KARI_SUBMIT = { persona: "Kari Nordmann · ID-porten", dialog: /^Skattemelding/, action: /“Bekreft og send inn”/ };
const SUBMIT_ROW = "GUI action “Bekreft og send inn”";

/** A participant: a browser context of their own, so a workspace of their own (localStorage). */
async function participant(browser: Browser) {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  return { page, sequence: new SequencePage(page), policies: new PolicyPage(page), close: () => context.close() };
}

/** Kari's tax return up to step 3; returns the dialog token's `a` as the page's Token view decoded it. */
async function tokenA(sequence: SequencePage, { throughStep6 = false } = {}): Promise<string[]> {
  await sequence.goto();
  await sequence.chooseScenario(KARI_SUBMIT);
  if (throughStep6) {
    await sequence.runAll.click();
    await sequence.expectStep(6);
    await sequence.arrow(3).click();
    await sequence.openTab("Token");
  } else {
    for (const step of [0, 1, 2, 3]) await sequence.stepTo(step);
  }
  await expect(sequence.tab("Token")).toHaveAttribute("aria-selected", "true");
  const a = (await sequence.decodedJson("Decoded payload")).a as string;
  return a.split(";");
}

const row = (page: Page, table: ReturnType<SequencePage["decisionsTable"]>, header: string | RegExp) =>
  table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: header }) });

test.describe("the policy editor changes what Altinn Authorization decides, in the editor's workspace only", () => {
  // Several whole runs per test, some in two browser contexts: on two busy cores that takes a while.
  test.describe.configure({ timeout: 180_000 });

  test("a Deny rule on write: the decision, the deciding rule, a and isAuthorized change; Reset restores the seed", async ({ page, sequence, wire }) => {
    const policies = new PolicyPage(page);
    expect(await tokenA(sequence)).toContain("write");

    await policies.goto();
    await expect(policies.source).toContainText("The seed's policies");
    const rule = await policies.addRule(RESOURCE_TITLE.taxReturn);
    await expect(rule).toHaveAccessibleName("Rule skattemelding-4");
    await policies.edit(rule, { effect: "Deny", description: "Submitting is closed.", roles: { PRIV: true }, actions: { write: true } });
    await policies.saveAndWait();

    expect(await tokenA(sequence, { throughStep6: true })).not.toContain("write");
    const dp = await wire.lastDialog();
    expect(String(dp.claims?.a).split(";")).not.toContain("write");
    await sequence.openTab("Decision");
    const write = row(page, sequence.decisionsTable(), /^write ×/);
    await expect(write).toContainText("Deny");
    await expect(write).toContainText("skattemelding-4: Submitting is closed.");
    await expect(row(page, sequence.isAuthorizedTable(), SUBMIT_ROW)).toContainText("false");
    await sequence.arrow(6).click();
    await expect(sequence.exchange().getByRole("note")).toContainText("action_not_in_token");

    await policies.goto();
    await expect(policies.rule(RESOURCE_TITLE.taxReturn, "skattemelding-4")).toBeVisible();
    await policies.resetAndWait();
    await expect(policies.rule(RESOURCE_TITLE.taxReturn, "skattemelding-4")).toHaveCount(0);
    expect(await tokenA(sequence)).toContain("write");
    await sequence.openTab("Decision");
    await expect(row(page, sequence.decisionsTable(), /^write ×/)).toContainText("skattemelding-1");
    await expect(row(page, sequence.isAuthorizedTable(), SUBMIT_ROW)).toContainText("true");
  });

  test("two workspaces: taking write away in one leaves the other's run as the seed has it", async ({ browser }) => {
    const anna = await participant(browser);
    const bo = await participant(browser);
    await anna.policies.goto();
    await anna.policies.edit(anna.policies.rule(RESOURCE_TITLE.taxReturn, "skattemelding-1"), { actions: { write: false } });
    await anna.policies.saveAndWait();

    expect(await tokenA(anna.sequence)).not.toContain("write");
    expect(await tokenA(bo.sequence)).toContain("write");
    await bo.policies.goto();
    await expect(bo.policies.source).toContainText("The seed's policies");
    await expect(bo.policies.rule(RESOURCE_TITLE.taxReturn, "skattemelding-1").getByRole("checkbox", { name: "write", exact: true })).toBeChecked();
    await anna.close();
    await bo.close();
  });

  test("export, reset, import: the same policies come back, and a broken document is refused with its path", async ({ page }) => {
    const policies = new PolicyPage(page);
    await policies.goto();
    await policies.level(RESOURCE_TITLE.fishingLicence).selectOption("2");
    await policies.edit(policies.rule(RESOURCE_TITLE.fishingLicence, "fiskekort-2"), { actions: { read: true } });
    await policies.saveAndWait();
    const exported = await policies.exportJson();
    const document = JSON.parse(exported) as { policies: { resource: string; minimumAuthenticationLevel?: number }[] };
    expect(document.policies.find((p) => p.resource === "sandbox-fiskekort")?.minimumAuthenticationLevel).toBe(2);

    await policies.resetAndWait();
    await expect(policies.level(RESOURCE_TITLE.fishingLicence)).toHaveValue("0");

    await policies.importFile().setInputFiles({ name: "policies.json", mimeType: "application/json", buffer: Buffer.from(exported) });
    await expect(policies.importText()).toHaveValue(exported);
    await policies.importNow();
    await expect(policies.importStatus()).toContainText("Imported");
    await expect(policies.source).toContainText("Your own policies");
    await expect(policies.level(RESOURCE_TITLE.fishingLicence)).toHaveValue("2");
    await expect(policies.rule(RESOURCE_TITLE.fishingLicence, "fiskekort-2").getByRole("checkbox", { name: "read", exact: true })).toBeChecked();
    expect(JSON.parse(await policies.exportJson())).toEqual(document);

    await policies.importText().fill(JSON.stringify({ policies: [{ resource: "sandbox-fiskekort", rules: [], minimumAuthenticationLevel: 9 }] }));
    await policies.importNow();
    await expect(policies.importStatus()).toContainText("invalid_policies");
    await expect(policies.importStatus()).toContainText("$.policies[0].minimumAuthenticationLevel");
    await expect(policies.level(RESOURCE_TITLE.fishingLicence)).toHaveValue("2");
  });

  test("raising the VAT return's minimum level to 4 refuses Ola at step 3, as the form predicts", async ({ page, sequence }) => {
    const policies = new PolicyPage(page);
    await policies.goto();
    await policies.level(RESOURCE_TITLE.vatReturn).selectOption("4");
    await policies.saveAndWait();

    await sequence.goto();
    await sequence.chooseScenario({ persona: "Ola Nordmann · ID-porten", party: "Sandbox Bakeri AS", dialog: /^MVA-melding 6\. termin.*403 at step 3/ });
    await expect(page.getByTestId("scenario-outlook")).toContainText("this service requires level 4 (high)");
    await sequence.runAll.click();
    await sequence.expectStep(3);
    await expect(sequence.nextStep).toBeDisabled();
    await sequence.openTab("Exchange");
    await expect(sequence.exchange()).toContainText("403 Forbidden");
    await expect(sequence.exchange().getByRole("note")).toContainText("authentication_level_too_low");
  });

  test("a copied link carries the policies: the receiver's workspace decides as the sender's", async ({ browser }) => {
    const anna = await participant(browser);
    await anna.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await anna.policies.goto();
    await anna.policies.edit(anna.policies.rule(RESOURCE_TITLE.taxReturn, "skattemelding-1"), { actions: { write: false } });
    await anna.policies.saveAndWait();
    expect(await tokenA(anna.sequence)).not.toContain("write");
    await anna.page.getByRole("button", { name: "Copy link" }).click();
    const link = await anna.page.evaluate(() => navigator.clipboard.readText());
    expect(link.length).toBeLessThanOrEqual(2000);
    expect(new URL(link).searchParams.get("policies")).toMatch(/^[A-Za-z0-9_-]+$/);

    const bo = await participant(browser);
    const dialog = bo.page.waitForResponse((r) => r.url().includes("/enduser/dialogs/"));
    await bo.page.goto(link);
    const token = ((await (await dialog).json()) as { dialogToken: string }).dialogToken;
    expect((JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { a: string }).a.split(";")).not.toContain("write");
    await bo.sequence.expectStep(3);
    // The address bar drops the parameter once applied: a reload must not undo the receiver's own later edits.
    await expect(bo.page).not.toHaveURL(/policies=/);
    await bo.policies.goto();
    await expect(bo.policies.source).toContainText("Your own policies");
    await anna.close();
    await bo.close();
  });
});
