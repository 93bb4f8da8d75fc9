import type { Browser, Page } from "@playwright/test";
import { PARTY } from "../lib/seed/parties";
import { DIALOG_ID } from "../lib/seed/dialogs";
import { ComparePage } from "./compare-page";
import { expect, test } from "./fixtures";

// Links that reproduce a run, on /catalogue and /compare: the address bar names what was run, a copied
// link carries no token, and whoever opens it runs it again with their own calls in their own workspace.

/** A participant of their own: a fresh browser context, so a workspace of their own. */
async function participant(browser: Browser) {
  const context = await browser.newContext({ reducedMotion: "reduce" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  return { page, close: () => context.close() };
}

const workspaceOf = (page: Page) => page.evaluate(() => localStorage.getItem("sandbox-workspace"));

/** The `sandbox-workspace` header of the next dialog request the page sends to Dialogporten. */
const nextDialogRequestWorkspace = (page: Page) =>
  page.waitForRequest((r) => r.url().includes("/dialogporten/api/v1/enduser/dialogs/")).then((r) => r.headers()["sandbox-workspace"]);

async function copiedLink(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Copy link" }).click();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.describe("/catalogue links", () => {
  test("an old /catalogue?entry=alg-none link opens that entry in the sequence view and runs it, in the browser's own workspace", async ({ page }) => {
    // A whole run in the browser, then its verdict: slow on a busy two-core machine.
    test.setTimeout(90_000);
    const dialogWorkspace = nextDialogRequestWorkspace(page);
    await page.goto("/catalogue?entry=alg-none");
    await expect(page).toHaveURL(/\/\?entry=alg-none/);
    const entry = page.getByTestId("catalogue-entry");
    await expect(page.getByTestId("catalogue-verdict")).toBeVisible({ timeout: 30_000 });
    await expect(entry).toHaveAttribute("data-caught-by", "alg_not_allowed");
    await expect(entry).toHaveAttribute("data-matches", "true");
    await expect(entry).toHaveAttribute("data-check", "alg");
    expect(await dialogWorkspace).toBe(await workspaceOf(page));
  });

  test("Copy link on an entry's run reopens and reruns it elsewhere, in the other participant's workspace", async ({ page, context, browser }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/?entry=payload-byte-changed");
    await expect(page.getByTestId("catalogue-verdict")).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/\?entry=payload-byte-changed&step=6$/);
    const link = await copiedLink(page);
    expect(link).toMatch(/\/\?entry=payload-byte-changed&step=6$/);
    expect(link).not.toMatch(/eyJ/);
    const other = await participant(browser);
    const dialogWorkspace = nextDialogRequestWorkspace(other.page);
    await other.page.goto(link);
    await expect(other.page.getByTestId("catalogue-entry")).toHaveAttribute("data-caught-by", "signature_invalid", { timeout: 30_000 });
    expect(await dialogWorkspace).toBe(await workspaceOf(other.page));
    expect(await workspaceOf(other.page)).not.toBe(await workspaceOf(page));
    await other.close();
  });

  test("an unknown id says so and runs nothing", async ({ page }) => {
    let dialogRequests = 0;
    page.on("request", (r) => void (r.url().includes("/enduser/dialogs/") && dialogRequests++));
    await page.goto("/catalogue?entry=no-such-attack");
    await expect(page.getByTestId("catalogue-entry")).toContainText("“no-such-attack”, which is not in the catalogue");
    await expect(page.getByTestId("catalogue-verdict")).toHaveCount(0);
    expect(dialogRequests).toBe(0);
  });
});

test.describe("/compare links", () => {
  const OLA_VAT_EMBED = `persona=ola&party=${encodeURIComponent(PARTY.bakery)}&dialog=${DIALOG_ID.vatReturn}&action=embed&latency=40`;

  test("a link restores persona, party, dialog, action and latency, and runs both paths in the browser's workspace", async ({ page, compare }) => {
    const dialogWorkspace = nextDialogRequestWorkspace(page);
    await page.goto(`/compare?${OLA_VAT_EMBED}`);
    await expect(page.getByLabel("Persona (who signs in)", { exact: true })).toHaveValue("ola");
    await expect(page.getByLabel("Party (on whose behalf)", { exact: true })).toHaveValue(PARTY.bakery);
    await expect(page.getByLabel("Dialog", { exact: true })).toHaveValue(DIALOG_ID.vatReturn);
    await expect(page.getByLabel("Action at the service provider", { exact: true })).toHaveValue("embed");
    await expect(compare.latency).toHaveValue("40");
    await expect(compare.status).toContainText("Done:");
    await expect(compare.table).toContainText("40 ms away");
    // Both paths answer from this workspace's dialog: the token path and the legacy path alike.
    await expect(compare.cells("Calls to Altinn Authorization in steps 4–6")).toHaveText(["0", "1"]);
    await expect(compare.cells("Answer (step 6)")).toContainText(["200", "200"]);
    expect(await dialogWorkspace).toBe(await workspaceOf(page));
  });

  test("settings go into the address bar; Copy link reopens them in another browser; a bare URL runs nothing", async ({ page, compare, context, browser }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await compare.goto();
    await expect(page).toHaveURL(/\/compare$/);
    await expect(compare.status).toContainText("Nothing run yet");
    await compare.chooseScenario({
      persona: "Ola Nordmann · ID-porten",
      party: "Sandbox Bakeri AS",
      dialog: /^MVA-melding/,
      action: "Front-channel embed · GET · read",
    });
    await compare.latency.fill("30");
    await expect(page).toHaveURL(/latency=30/);
    await expect(page).toHaveURL(/persona=ola/);

    const link = await copiedLink(page);
    expect(link).toContain("latency=30");
    expect(link).not.toMatch(/eyJ|token|key/i);
    const other = await participant(browser);
    const theirs = new ComparePage(other.page);
    await other.page.goto(link);
    await expect(other.page.getByLabel("Persona (who signs in)", { exact: true })).toHaveValue("ola");
    await expect(other.page.getByLabel("Dialog", { exact: true })).toHaveValue(DIALOG_ID.vatReturn);
    await expect(theirs.latency).toHaveValue("30");
    await expect(theirs.table).toContainText("30 ms away");
    await other.close();
  });
});

test.describe("at 390 px", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("neither page scrolls sideways after a run opened from a link, details open", async ({ page }) => {
    for (const [url, done] of [
      ["/catalogue", () => expect(page.getByTestId("catalogue-index")).toBeVisible()],
      [`/compare?persona=ola&latency=40`, () => expect(page.getByRole("table", { name: /^Steps 4–6 of/ })).toBeVisible()],
    ] as const) {
      await page.goto(url);
      await done();
      await page.locator("details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
  });
});
