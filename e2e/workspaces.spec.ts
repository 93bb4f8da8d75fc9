import type { Browser, Page } from "@playwright/test";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { expect, test } from "./fixtures";
import { SequencePage } from "./sequence-page";

const TAX = { persona: "Kari Nordmann · ID-porten", dialog: /^Skattemelding/ };
const SUBMIT = /Bekreft og send inn/;
const DELETE_DRAFT = /Slett utkast/;

/** A browser context of its own: a participant with their own localStorage, so their own workspace. */
async function participant(browser: Browser): Promise<{ page: Page; sequence: SequencePage; close: () => Promise<void> }> {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  const page = await context.newPage();
  const sequence = new SequencePage(page);
  await sequence.goto();
  return { page, sequence, close: () => context.close() };
}

/** Runs the chosen action to the end and returns the status the service provider answered. */
async function runAction(p: { page: Page; sequence: SequencePage }, action: RegExp): Promise<number> {
  await p.sequence.chooseScenario({ ...TAX, action });
  const answer = p.page.waitForResponse((r) => r.url().includes("/service-provider/") && r.request().method() !== "OPTIONS");
  await p.sequence.runAll.click();
  const status = (await answer).status();
  await expect(p.sequence.runAll).toBeEnabled();
  return status;
}

test.describe("a workshop room on one instance", () => {
  // Each test drives two browser contexts through whole runs: more than the default budget on a busy machine.
  test.slow();
  test("two browser contexts never see each other's changes; Reset workspace restores the seed", async ({ browser }) => {
    const anna = await participant(browser);
    const bo = await participant(browser);
    const workspaceOf = (p: Page) => p.evaluate(() => localStorage.getItem("sandbox-workspace"));
    expect(await workspaceOf(anna.page)).not.toBe(await workspaceOf(bo.page));

    expect(await runAction(anna, SUBMIT)).toBe(202);
    // Anna submitted: the provider moved her draft's delete on to Task_2, which no rule permits (403)…
    await expect.poll(() => runAction(anna, DELETE_DRAFT)).toBe(403);
    // …while Bo's dialog is still the seed's, and his delete works.
    expect(await runAction(bo, DELETE_DRAFT)).toBe(204);

    // The header's own workspace menu (below xl the same menu sits, hidden, in the page menu).
    await anna.page.locator("summary:visible", { hasText: "Workspace" }).click();
    await anna.page.getByRole("button", { name: "Reset workspace" }).click();
    await expect(anna.page.getByRole("status").filter({ hasText: "Workspace reset to the seed." })).toBeAttached();
    expect(await runAction(anna, DELETE_DRAFT)).toBe(204);
    await anna.close();
    await bo.close();
  });

  test("a copied link reopens the same scenario at the same step; back and forward move between steps", async ({ page, sequence, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await sequence.goto();
    await sequence.chooseScenario({ persona: "Ola Nordmann · ID-porten" });
    await sequence.stepTo(0);
    await sequence.stepTo(1);
    await sequence.stepTo(2);
    await page.getByRole("button", { name: "Copy link" }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain("persona=ola");
    expect(link).toContain("step=2");
    expect(link).not.toMatch(/eyJ|token/);

    await page.goBack();
    await sequence.expectStep(1);
    await page.goForward();
    await sequence.expectStep(2);

    const other = await participant(page.context().browser()!);
    await other.page.goto(link);
    await other.sequence.expectStep(2);
    await expect(other.page.getByLabel("Persona (who signs in)", { exact: true })).toHaveValue("ola");
    await other.close();
  });

  test("a link with a fixed clock gives byte-identical dialog tokens in two runs", async ({ browser }) => {
    const link = `/?persona=kari&dialog=${DIALOG_ID.taxReturn}&step=3&at=2026-12-01T10:00:00Z`;
    const tokens: string[] = [];
    for (let i = 0; i < 2; i++) {
      const p = await participant(browser);
      const dialog = p.page.waitForResponse((r) => r.url().includes("/enduser/dialogs/"));
      await p.page.goto(link);
      tokens.push(((await (await dialog).json()) as { dialogToken: string }).dialogToken);
      await p.sequence.expectStep(3);
      await p.close();
    }
    expect(tokens[0]).toMatch(/^eyJ/);
    expect(tokens[1]).toBe(tokens[0]);
  });
});
